"""Every string kzru shows a person, in English and Russian: one table, so `--lang ru` reaches
every heading, column and note, and a translation missing for one language is a test failure
rather than an English word in a Russian page.

Keys are dotted by where the string appears (``col.`` table headers, ``note.`` lines under a
table, ``brief.``/``track.`` for those commands). Values may hold ``str.format`` fields.
Machine formats (json, csv…) never use these: their keys are field names and stay English.
"""

from __future__ import annotations

LANGS = ("en", "ru")

# key: (English, Russian)
LABELS: dict[str, tuple[str, str]] = {
    # --- table headers -------------------------------------------------------------------
    "col.date": ("Date", "Дата"),
    "col.dates": ("Dates", "Даты"),
    "col.status": ("Status", "Статус"),
    "col.sectors": ("Sectors", "Отрасли"),
    "col.sector": ("Sector", "Отрасль"),
    "col.summary_id": ("Summary (id)", "Кратко (id)"),
    # Russian text is the curators' paraphrase; only the evidence is verbatim.
    "col.text_id": ("Text (paraphrase) (id)", "Текст (пересказ) (id)"),
    "col.score": ("Score", "Балл"),
    "col.matched": ("Matched", "Совпало"),
    "col.kind_route": ("Kind, guest → host", "Вид, гость → хозяин"),
    "col.title_id": ("Title (id)", "Название (id)"),
    "col.title": ("Title", "Название"),
    "col.places": ("Places", "Места"),
    "col.facts": ("Facts", "Факты"),
    "col.sources": ("Sources", "Источники"),
    "col.id": ("Id", "Id"),
    "col.published": ("Published", "Опубликовано"),
    "col.publisher": ("Publisher", "Издатель"),
    "col.file": ("File", "Файл"),
    "col.signed": ("Signed", "Подписано"),
    "col.agreed": ("Agreed", "Согласовано"),
    "col.events": ("Events", "События"),
    "col.first": ("First", "Первый"),
    "col.last": ("Last", "Последний"),
    "col.event": ("Event", "Событие"),
    "col.number": ("#", "№"),
    "col.total": ("Total", "Всего"),
    "col.field": ("Field", "Поле"),
    "col.value": ("Value", "Значение"),
    # --- titles and notes ----------------------------------------------------------------
    "title.read_as": ("read as: {how}", "запрос понят как: {how}"),
    "title.matrix": ("Facts per sector (rows) and event (columns)",
                     "Факты по отраслям (строки) и событиям (столбцы)"),
    "group.outside": ("Outside any event", "Вне событий"),
    "matrix.outside": ("facts outside any event", "факты вне событий"),
    "note.matrix": ("— facts outside any event. A fact in two sectors counts in each row; "
                    "parts of a package are not counted again.",
                    "— факты вне событий. Факт двух отраслей учтён в обеих строках; части "
                    "пакета не учитываются повторно."),
    "note.cut": ("{shown} of {total} {what} — --limit 0 for all",
                 "показано {shown} из {total} — --limit 0 покажет все"),
    "note.not_shown": ("Not shown: {columns} — widen or use --fields",
                       "Не показано: {columns} — расширьте окно или используйте --fields"),
    "note.visits_inferred": ("* date inferred (see kzru show ID)",
                             "* дата выведена (см. kzru show ID)"),
    "note.sources_inferred": ("* date inferred (see the published_note field: --fields all)",
                              "* дата выведена (см. поле published_note: --fields all)"),
    "note.part_of": ("part of {id}", "часть {id}"),
    "note.no_title": ("(no title)", "(без заголовка)"),
    "what.facts": ("facts", "фактов"),
    "what.events": ("events", "событий"),
    # --- messages for an empty result (stderr) -------------------------------------------
    "empty.facts": ("no facts match", "подходящих фактов нет"),
    "empty.events": ("no events match", "подходящих событий нет"),
    "empty.sectors": ("no sectors", "отраслей нет"),
    "empty.sector_facts": ("no facts in this sector", "в этой отрасли фактов нет"),
    "empty.sources": ("no sources", "источников нет"),
    # --- cite ---------------------------------------------------------------------------
    "cite.no_headline": ("[headline not given]", "[заголовок не указан]"),
    "cite.no_publisher": ("[outlet not named]", "[издание не названо]"),
    "cite.date_inferred": ("date inferred", "дата выведена"),
    "cite.file": ("file", "файл"),
    "cite.accessed": ("accessed", "дата обращения"),
    "cite.facts": ("Facts cited", "Цитируемые факты"),
    # --- brief and track (h19 adds its strings here) -------------------------------------
}


def label(key: str, lang: str = "en", **fields: object) -> str:
    """The string for ``key`` in ``lang`` (English for an unknown language), fields filled in.

    An unknown key is a programming error, so it raises KeyError instead of printing the key.
    """
    english, russian = LABELS[key]
    text = russian if lang == "ru" else english
    return text.format(**fields) if fields else text
