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
    "what.tracked": ("tracked items", "отслеживаемых пунктов"),
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
    "brief.section.signed": ("Signed", "Подписано"),
    "brief.section.agreed": ("Agreed", "Договорились"),
    "brief.section.done": ("Done", "Состоялось"),
    "brief.section.ongoing": ("Ongoing", "В работе"),
    "brief.section.planned": ("Planned", "Запланировано"),
    "brief.section.expected": ("Expected", "Ожидается"),
    "brief.section.proposed": ("Proposed", "Предложено"),
    "brief.section.reported": ("Discussed and reported", "Обсуждалось и сообщалось"),
    "brief.status.signed": ("signed", "подписано"),
    "brief.status.agreed": ("agreed", "договорились"),
    "brief.status.done": ("done", "состоялось"),
    "brief.status.ongoing": ("ongoing", "в работе"),
    "brief.status.planned": ("planned", "запланировано"),
    "brief.status.expected": ("expected", "ожидается"),
    "brief.status.proposed": ("proposed", "предложено"),
    "brief.status.reported": ("reported", "сообщается"),
    "brief.inferred": ("(inferred)", "(дата выведена)"),
    "brief.sources_word": ("sources", "источники"),
    "brief.date": ("Date", "Дата"),
    "brief.date_inferred": ("Date inferred", "Дата выведена"),
    "brief.related": ("Held alongside", "В те же дни"),
    "brief.also": ("also", "также"),
    "brief.areas": ("Areas", "Области"),
    "brief.announced": ("announced beforehand", "объявлено заранее"),
    "brief.same_sentence": ("the same sentence is also recorded as",
                            "то же предложение записано также как"),
    "brief.conflict": ("Sources differ on the date: {here} here [{n}]; {there} in [{m}]",
                       "Источники расходятся в дате: здесь {here} [{n}]; {there} в [{m}]"),
    "brief.according_to": ("according to {who}", "по данным {who}"),
    "brief.according_to_article": ("according to article {id}", "по данным статьи {id}"),
    "brief.in_preview": ("in a preview written before the event",
                         "в обзоре, написанном до события"),
    "brief.announced_in": ("announced beforehand in a report of {title}",
                           "объявлено заранее в репортаже о событии «{title}»"),
    "brief.figures": ("Figures", "Цифры"),
    "brief.alongside": ("Reported alongside", "Сообщалось также"),
    "brief.alongside_note": (
        "What the same reports give beside the event's own facts, not linked to an event in "
        "this table: states of affairs, assessments, items listed apart.",
        "Что те же материалы сообщают помимо фактов самого события и что в таблице не связано "
        "ни с каким событием: положение дел, оценки, отдельные пункты."),
    "brief.checks": ("Preview against outcome", "Прогноз и итог"),
    "brief.checks_note": (
        "What the preview {previews} expected, proposed or planned, held against the report of "
        "the visit {reports}.",
        "Что обзор {previews} ожидал, предлагал или планировал — в сравнении с отчётом о "
        "визите {reports}."),
    "brief.verdict.borne_out": ("borne out", "подтвердилось"),
    "brief.verdict.not_borne_out": ("not mentioned in the visit's report",
                                    "в отчёте о визите не упомянуто"),
    "brief.verdict.not_taken_up_at_the_visit": (
        "a general outlook the visit's report does not take up",
        "общий прогноз, который в отчёте о визите не затронут"),
    "brief.verdict.done": ("done", "выполнено"),
    "brief.verdict.in_progress": ("in progress", "в работе"),
    "brief.verdict.reaffirmed": ("reaffirmed — still open",
                                              "подтверждено снова — не завершено"),
    "brief.verdict.no_later_report": ("no later report in this table",
                                      "более поздних сообщений в таблице нет"),
    "brief.verdict.latest_report": ("latest report: nothing newer in this table",
                                    "последнее сообщение: новее в таблице ничего нет"),
    "brief.new_first": ("New: the first meeting of its kind in this table",
                        "Новое: первая встреча такого рода в таблице"),
    "brief.new_since": ("New since {title} ({when})", "Новое после события «{title}» ({when})"),
    "brief.sectors_not_last": ("Sectors not covered last time",
                               "Отрасли, которых не было в прошлый раз"),
    "brief.sectors_new": ("Sectors new to this table", "Отрасли, впервые появившиеся в таблице"),
    "brief.names_first": ("Names first appearing", "Впервые названы"),
    "brief.none": ("none", "нет"),
    "brief.and_more": ("(and {count} more)", "(и ещё {count})"),
    "brief.outcomes": ("What became of its commitments (kzru track)",
                       "Что стало с его договорённостями (kzru track)"),
    "brief.sources": ("Sources", "Источники"),
    "brief.source_preview": ("a preview written before the event",
                             "обзор, написанный до события"),
    "brief.outlet_unnamed": ("outlet not named in the text", "издание в тексте не названо"),
    "brief.file": ("file", "файл"),
}


def label(key: str, lang: str = "en", **fields: object) -> str:
    """The string for ``key`` in ``lang`` (English for an unknown language), fields filled in.

    An unknown key is a programming error, so it raises KeyError instead of printing the key.
    """
    english, russian = LABELS[key]
    text = russian if lang == "ru" else english
    return text.format(**fields) if fields else text
