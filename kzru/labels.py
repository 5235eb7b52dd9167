"""Every string kzru shows a person, in English and Russian: one table, so `--lang ru` reaches
every heading, column and note, and a translation missing for one language is a test failure
rather than an English word in a Russian page.

Keys are dotted by where the string appears (``col.`` table headers, ``note.`` lines under a
table, ``brief.``/``track.`` for those commands). Values may hold ``str.format`` fields.
Machine formats (json, csv…) never use these: their keys are field names and stay English.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Callable, Iterable

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
                       "Скрыто: {columns} — шире окно или --fields"),
    "note.visits_inferred": ("* date inferred (see kzru show ID)",
                             "* дата выведена (см. kzru show ID)"),
    "note.sources_inferred": ("* date inferred (see the published_note field: --fields all)",
                              "* дата выведена (см. поле published_note: --fields all)"),
    "note.part_of": ("part of {id}", "часть {id}"),
    "note.reported_by_one": ("reported by 1 source", "источник: 1"),
    "note.reported_by": ("reported by {count} sources (also: {ids})",
                         "источников: {count} (также: {ids})"),
    "what.facts": ("facts", "фактов"),
    "what.events": ("events", "событий"),
    "what.tracked": ("tracked items", "отслеживаемых пунктов"),
    # --- messages for an empty result (stderr) -------------------------------------------
    "empty.facts": ("no facts match", "подходящих фактов нет"),
    "empty.events": ("no events match", "подходящих событий нет"),
    "empty.sectors": ("no sectors", "отраслей нет"),
    "empty.sector_facts": ("no facts in this sector", "в этой отрасли фактов нет"),
    "empty.sources": ("no sources", "источников нет"),
    "empty.tracked": ("nothing to track matches", "отслеживать нечего"),
    "empty.records": ("not found", "не найдено"),
    "show.verbatim": ("«{evidence}» (verbatim quotation from {file})",
                      "«{evidence}» (дословная цитата из {file})"),
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
    "brief.date_inferred_item": ("{date}, inferred", "{date}, дата выведена"),
    "brief.sources_word": ("sources", "источники"),
    "brief.date": ("Date", "Дата"),
    "brief.date_inferred": ("Date inferred", "Дата выведена"),
    "brief.related": ("Held alongside", "В те же дни"),
    "brief.related_announced": ("Announced alongside, not reported as held",
                                "Объявлено на те же дни, о проведении не сообщается"),
    "brief.also": ("also", "также"),
    "brief.areas": ("Areas", "Области"),
    "brief.several": ("Several areas", "Несколько отраслей"),
    "brief.announced": ("announced beforehand", "объявлено заранее"),
    "brief.same_sentence": ("the same sentence is also recorded as",
                            "то же предложение записано также как"),
    "brief.conflict": ("Sources differ on the date: {here} here [{n}]; {there} in [{m}]",
                       "Источники расходятся в дате: здесь {here} [{n}]; {there} в [{m}]"),
    "brief.reported_by": ("reported by {count} sources", "сообщают источники ({count})"),
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
    "brief.verdict.partly_borne_out": ("partly borne out", "подтвердилось частично"),
    "brief.verdict.not_borne_out": ("not mentioned in the visit's report",
                                    "в отчёте о визите не упомянуто"),
    "brief.verdict.not_taken_up_at_the_visit": (
        "not taken up in the visit's report",
        "в отчёте о визите не затронуто"),
    "brief.dated_by_report": (
        "A line with no date of its own is dated by its report ({dates}): the article gives no "
        "day for it",
        "Строка без собственной даты датирована по её отчёту ({dates}): статья не называет "
        "для неё дня"),
    "brief.verdict.not_named": ("not named in the visit's report",
                                "в отчёте о визите не названо"),
    "brief.check_documents": (
        "the documents the visit signed, not linked to it (whether they take up this field is "
        "a reader's judgement: RUBRIC-follows rule 4):",
        "документы, подписанные в ходе визита, с этим не связаны (относить ли их к этой "
        "сфере — вопрос суждения читателя: RUBRIC-follows, правило 4):"),
    "brief.see_also_not_linked": (
        "later facts that may report on it, not linked as its progress (RUBRIC-follows lists "
        "the pairs considered and left out, with the rule):",
        "более поздние факты, возможно, об этом, не связанные как продвижение (в "
        "RUBRIC-follows перечислены рассмотренные и не связанные пары с правилом):"),
    "brief.check_see_also": ("what it names is taken up in the report through",
                             "то, о чём речь, в отчёте затронуто через"),
    "brief.check_field": ("the report takes up its field in", "отчёт затрагивает эту отрасль в"),
    "brief.verdict.not_taken_up_as_such": (
        "not taken up as such in the visit's report",
        "в отчёте о визите в таком виде не затронуто"),
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
    "brief.outcomes": ("What became of its commitments by this meeting (kzru track)",
                       "Что стало с его договорённостями к этой встрече (kzru track)"),
    "brief.outcome_since": ("later, as of the newest article in this table",
                            "позже, по самой новой статье в таблице"),
    "brief.verdict.no_report_by_then": ("no report by this meeting",
                                        "к этой встрече сообщений нет"),
    "brief.sources": ("Sources", "Источники"),
    "brief.source_preview": ("a preview written before the event",
                             "обзор, написанный до события"),
    "brief.source_announcing": ("a report of {title} that announced this event beforehand",
                                "репортаж о событии «{title}», заранее объявивший это событие"),
    "brief.source_other": ("not a report of this event: cited where it reports the same fact",
                           "не репортаж об этом событии: приведён там, где сообщает тот же факт"),
    "brief.preview_side": ("Also in the preview {previews}", "Также в обзоре {previews}"),
    "brief.preview_side_note": (
        "What the preview says beside its forecasts (those are held against the outcome "
        "above): its comments on the visit, said before it, and the openings, projects and "
        "figures of its background.",
        "Что обзор говорит помимо прогнозов (они сопоставлены с итогом выше): его оценки "
        "визита, высказанные до него, и открытия, проекты и цифры из его фона."),
    "brief.preview_said": ("and {count} statements and assessments (kzru facts --source {source})",
                           "и высказывания и оценки ({count}; kzru facts --source {source})"),
    "brief.outlet_unnamed": ("outlet not named in the text", "издание в тексте не названо"),
    "brief.file": ("file", "файл"),
    # --- words inside sentences: statuses, kinds, verdicts, how a word matched -----------
    # (the English is exactly the value the table and the machine formats hold)
    "track.discussed": ("discussed", "обсуждалось"),
    "track.head_document": ("{status} document", "{status} (документ)"),
    "track.commentator": ("commentator", "мнение комментатора"),
    "track.summary": ("{count} tracked — {said}", "отслеживается {count} — {said}"),
    "track.see_also": ("see also, unconfirmed (not linked by the curators):",
                       "см. также, не подтверждено (кураторы не связали):"),
    "track.see_also_around": ("see also, the report's rows around it (not its progress):",
                              "см. также — строки отчёта рядом с этим (не продвижение):"),
    "track.why": ("why: {why}", "почему: {why}"),
    "track.words": ("{why}; the words: «{words}»", "{why}; решили слова: «{words}»"),
    "track.later_line": ("{id} ({source}, {date}, {status})", "{id} ({source}, {date}, {status})"),
    "track.why.borne_out": ("{later} bears out the preview", "{later} подтверждает прогноз обзора"),
    "track.why.not_taken_up": (
        "a general outlook of the preview, not a forecast for {event}; its report ({reports}) "
        "does not take it up",
        "общий прогноз обзора, а не прогноз для {event}; отчёт о нём ({reports}) к этому не "
        "возвращается"),
    "track.why.not_as_such_sector": (
        "background work of the preview of {event}; its report ({reports}) takes up its "
        "sector ({sector}), not this work as such",
        "фоновая работа из обзора перед {event}; отчёт о нём ({reports}) затрагивает её "
        "отрасль ({sector}), но не саму эту работу"),
    "track.why.field_rows": ("{why}: {rows}", "{why}: {rows}"),
    "track.why.work_not_taken_up": (
        "background work of the preview of {event}; its report ({reports}) does not take it up",
        "фоновая работа из обзора перед {event}; отчёт о нём ({reports}) к ней не "
        "возвращается"),
    "track.why.around": (
        "the report does not take it up as such; it takes up what it names through {via}: "
        "{later} (see also)",
        "в отчёте это в таком виде не затронуто; то, о чём речь, затронуто через {via}: "
        "{later} (см. также)"),
    "track.why.not_borne_out": ("the report of {event} ({reports}) does not mention it",
                                "в отчёте о {event} ({reports}) это не упомянуто"),
    "track.why.done": ("{later} reports it {status}", "{later} сообщает: {status}"),
    "track.why.in_progress": (
        "{later} reports it under way; nothing later reports it signed or done",
        "{later} сообщает, что работа идёт; позже ничто не сообщает о подписании или "
        "выполнении"),
    "track.why.reaffirmed": (
        "{later} restates it ({status}); nothing later reports it under way, signed or done",
        "{later} подтверждает это снова ({status}); позже ничто не сообщает, что работа идёт, "
        "подписано или выполнено"),
    "track.why.latest": (
        "it comes from the newest article in this table: nothing later exists to report on it",
        "это из самой новой статьи в таблице: более поздних сообщений быть не может"),
    "track.why.no_report": ("nothing later in this table reports on it",
                            "ничто более позднее в таблице об этом не сообщает"),
    "track.why.see_also": (
        "{why}; later facts that may mention it, not linked as its progress, are listed "
        "under see also",
        "{why}; более поздние факты, которые, возможно, о нём упоминают, но не связаны с ним "
        "как продвижение, перечислены в «см. также»"),
    "track.why.not_linked": (
        "no later fact in this table is linked to it as its progress; {rows} may report on it "
        "(see also) but are not linked: curators link only where careful readers agree the "
        "later fact reports on this very item (RUBRIC-follows, which lists the pairs "
        "considered and left out, with the rule)",
        "ни один более поздний факт в таблице не связан с этим как его продвижение; {rows}, "
        "возможно, сообщают об этом (см. также), но не связаны: кураторы связывают, только "
        "когда внимательные читатели согласны, что более поздний факт сообщает именно об "
        "этом (RUBRIC-follows, где перечислены рассмотренные и не связанные пары с правилом)"),
    "track.why.field_documents": (
        "{why} by name; the documents the visit signed, {rows}, are not linked to it: whether "
        "they take up this field is a reader's judgement, so no link is made (RUBRIC-follows "
        "rule 4) and they are listed under see also",
        "{why} по названию; документы, подписанные в ходе визита ({rows}), с этим не "
        "связаны: относить ли их к этой сфере — вопрос суждения читателя, поэтому связи нет "
        "(RUBRIC-follows, правило 4), и они перечислены в «см. также»"),
    "track.why.part": ("part {id}: {verdict}, {reason}", "часть {id}: {verdict}, {reason}"),
    "track.why.rest_one": ("nothing later on the other {count} part",
                           "об остальных частях ({count}) позже ничего нет"),
    "track.why.rest_many": ("nothing later on the other {count} parts",
                            "об остальных частях ({count}) позже ничего нет"),
    "verdict.done": ("done", "выполнено"),
    "verdict.in_progress": ("in progress", "в работе"),
    "verdict.reaffirmed": ("reaffirmed — still open", "подтверждено снова — не завершено"),
    "verdict.borne_out": ("borne out", "подтвердилось"),
    "verdict.partly_borne_out": ("partly borne out", "подтвердилось частично"),
    "verdict.not_borne_out": ("not borne out", "не подтвердилось"),
    "verdict.not_taken_up_as_such": ("not taken up as such", "в таком виде не затронуто"),
    "verdict.not_taken_up_at_the_visit": ("not taken up at the visit",
                                          "на визите не затронуто"),
    "verdict.latest_report": ("latest report", "последнее сообщение"),
    "verdict.no_later_report": ("no later report", "более поздних сообщений нет"),
    "kind.document": ("document", "документ"),
    "kind.commitment": ("commitment", "договорённость"),
    "kind.project": ("project", "проект"),
    "kind.institution": ("institution", "учреждение"),
    "kind.initiative": ("initiative", "инициатива"),
    "kind.figure": ("figure", "цифра"),
    "kind.ceremony": ("ceremony", "церемония"),
    "kind.meeting": ("meeting", "встреча"),
    "kind.statement": ("statement", "заявление"),
    "kinds.document": ("documents", "документы"),
    "kinds.commitment": ("commitments", "договорённости"),
    "kinds.project": ("projects", "проекты"),
    "kinds.institution": ("institutions", "учреждения"),
    "kinds.initiative": ("initiatives", "инициативы"),
    "kinds.figure": ("figures", "цифры"),
    "kinds.ceremony": ("ceremonies", "церемонии"),
    "kinds.meeting": ("meetings", "встречи"),
    "kinds.statement": ("statements", "заявления"),
    "event_kind.state-visit": ("state-visit", "государственный визит"),
    "event_kind.working-visit": ("working-visit", "рабочий визит"),
    "event_kind.official-visit": ("official-visit", "официальный визит"),
    "event_kind.talks": ("talks", "переговоры"),
    "event_kind.meeting": ("meeting", "встреча"),
    "event_kind.summit": ("summit", "саммит"),
    "event_kind.forum": ("forum", "форум"),
    "entity.person": ("person", "персона"),
    "entity.place": ("place", "место"),
    "entity.organization": ("organization", "организация"),
    "entity.university": ("university", "вуз"),
    "entity.event": ("event", "событие"),
    "entity.document": ("document", "документ"),
    "entity.programme": ("programme", "программа"),
    "entity.project": ("project", "проект"),
    "entity.term": ("term", "термин"),
    "entity.kind": ("kind", "вид"),
    "speaker.experts": ("experts", "эксперты"),
    # the values of --by, track's --role and --sort, as a filter's error lists them in Russian
    "voice.state": ("state", "государство"),
    "voice.commentator": ("commentator", "комментатор"),
    "role.commitment": ("commitment", "договорённость"),
    "role.document": ("document", "документ"),
    "role.discussed": ("discussed", "обсуждалось"),
    "role.project": ("project", "проект"),
    "order.date": ("date", "дата"),
    "order.id": ("id", "id"),
    "order.score": ("score", "балл"),
    "how.exact": ("exact", "точно"),
    "how.stem": ("stem", "словоформа"),
    "how.alias": ("alias", "синоним"),
    "how.translation": ("translation", "перевод"),
    "how.transliteration": ("transliteration", "транслитерация"),
    "how.part": ("part", "часть слова"),
    "how.typo": ("typo", "опечатка"),
    "how.related": ("related", "родственное слово"),
    "how.derived": ("derived", "однокоренное слово"),
    "how.name": ("name", "название"),
    "how.year": ("year", "год"),
    "how.status": ("status", "статус"),
    "how.kind": ("kind", "вид"),
    "how.date": ("date", "дата"),
    "how.month": ("month", "месяц"),
    "how.place": ("place", "место"),
    "how.event": ("event", "событие"),
    "how.sector": ("sector", "отрасль"),
    # --- how a query was read (search's "read as:" line and --explain) --------------------
    "read.text_only": ("text only", "только текст"),
    "read.literal_words": ("literal words", "слова буквально"),
    "read.literal_substring": ("literal substring", "подстрока буквально"),
    "read.year": ("year {year}", "год {year}"),
    "read.year_words": ("year {year} ({words})", "год {year} ({words})"),
    "read.date": ("date {date}", "дата {date}"),
    "read.month": ("month {month}", "месяц {month}"),
    "read.asks_for": ('"{words}" → {kinds}', "«{words}» → {kinds}"),
    "read.status": ("status {status}", "статус: {status}"),
    "read.not": ('not "{word}"', "без «{word}»"),
    "read.either": ("{words}", "{words}"),
    "read.or": (" or ", " или "),
    "read.quoted": ('"{word}"', "«{word}»"),
    "read.phrase": ('phrase "{words}"', "фраза «{words}»"),
    "read.kinds": ('"{word}" → {kinds}', "«{word}» → {kinds}"),
    "read.event_kinds": ('"{word}" → events: {kinds}', "«{word}» → события: {kinds}"),
    "read.entity_events": ('"{word}" → {entity} ({events})', "«{word}» → {entity} ({events})"),
    "read.entity": ('"{word}" → {entity}', "«{word}» → {entity}"),
    "read.events_in_part": ("{events}; in part: {shared}", "{events}; отчасти: {shared}"),
    "read.events_only_part": ("in part: {shared}", "отчасти: {shared}"),
    "read.sector": ('"{word}" → sector {sector}', "«{word}» → отрасль {sector}"),
    "read.translations": ('"{word}" ≈ {words}', "«{word}» ≈ {words}"),
    "read.stands_for": ('"{word}" = {words}', "«{word}» = {words}"),
    "read.related": ('"{word}" ≈ {words} (related)', "«{word}» ≈ {words} (родственное)"),
    "read.derived": ('"{word}" ≈ {words} (derived)', "«{word}» ≈ {words} (однокоренное)"),
    "read.word": ('"{word}"', "«{word}»"),
    "read.generic": ('"{word}" (generic)', "«{word}» (общее слово)"),
    "read.ignored": ("ignored: {words}", "пропущено: {words}"),
    "read.no_match": ("no match for: {words}", "ничего не нашлось для: {words}"),
    "read.reported_in": ("reported in {year}", "сообщено в {year}"),
    "read.nothing": ("nothing {status} about {about}{when}",
                     "ничего ({status}) о «{about}»{when}"),
    "read.dated": ("dated", "с датой"),
    "read.in_years": (" in {years}", " в {years}"),
    "read.relaxed_status": ("{nothing}; showing other statuses: {shown}",
                            "{nothing}; показаны другие статусы: {shown}"),
    "read.relaxed_year": ("{nothing}; showing other years: {shown}",
                          "{nothing}; показаны другие годы: {shown}"),
    "read.no_facts_dated": ("no facts dated {years}", "фактов с датой {years} нет"),
    "read.matched": ("{query} → {term} ({how})", "{query} → {term} ({how})"),
}


# The words a table shows a choice's values as (a status as «подписано», a kind as «документ»),
# by what the choice is of: label prefixes, the first one the word a filter's error lists.
# A filter takes these words back as its values (errors.choose), so what a Russian table
# shows can be typed as it is shown.
CHOICE_WORDS: dict[str, tuple[str, ...]] = {
    "status": ("brief.status", "track"),  # track shows a discussed item as «обсуждалось»
    "kind": ("kind", "kinds"),
    "event kind": ("event_kind",),
    "voice": ("voice", "track"),  # «мнение комментатора» in track's blocks
    "role": ("role", "track"),
    "order": ("order", "how", "col"),
}


def choice_words(what: str, values: "Iterable[str]") -> dict[str, list[str]]:
    """Each value's words in both languages, the Russian word of the first prefix first (the
    word a Russian error lists); values without a word are left out."""
    found: dict[str, list[str]] = {}
    for value in values:
        said: list[str] = []
        for prefix in CHOICE_WORDS.get(what, ()):
            pair = LABELS.get(f"{prefix}.{value}")
            if pair is not None:
                said += [pair[1], pair[0]] if not said else [pair[0], pair[1]]
        if said:
            found[value] = list(dict.fromkeys(said))
    return found


class Pair(str):
    """A value with the word a Russian page shows it as: reads as the value (English, for
    scripts and tests), `say` gives the Russian word (a sector's Russian name, data)."""

    russian: str

    def __new__(cls, value: str, russian: str) -> "Pair":
        made = super().__new__(cls, value)
        made.russian = russian
        return made


# Keys of kzru/screens.py (check's report, add's summary, review's screens), read only by
# those commands.
SCREEN_KEYS = ("check.", "review.", "add.")

# The reader's language for a message a library writes straight to stderr (a warning about
# the cache folder): set once by the command line from --lang or KZRU_LANG (kzru/cli.py).
READER = ["en"]


def label(key: str, lang: str = "en", **fields: object) -> str:
    """The string for ``key`` in ``lang`` (English for an unknown language), fields filled in.

    Messages (errors, usage errors, data problems) live in kzru/messages.py, read only when
    one is said; check's report and review's screens in kzru/screens.py. An unknown key is a
    programming error, so it raises KeyError instead of printing the key.
    """
    found = LABELS.get(key)
    if found is None and key.startswith(SCREEN_KEYS):
        from kzru.screens import SCREENS

        found = SCREENS[key]
    elif found is None:
        from kzru.messages import MESSAGES

        found = MESSAGES[key]
    english, russian = found
    text = russian if lang == "ru" else english
    return text.format(**fields) if fields else text


class Said(str):
    """A string shown to a person, made from a label: it reads as its English text (so a
    library can keep building plain English sentences, and scripts and tests see those), and
    remembers its key and fields so that `say` can say it again in the reader's language.

    A field may itself be a Said, a Joined list or a plain value (ids, numbers, data text).
    """

    key: str
    fields: dict[str, object]

    def __new__(cls, key: str, **fields: object) -> "Said":
        made = super().__new__(cls, label(key, "en", **fields))
        made.key, made.fields = key, fields
        return made


class Joined(str):
    """Values joined by a separator (a Said separator is said in the reader's language)."""

    parts: tuple[object, ...]
    separator: object

    def __new__(cls, parts: "Iterable[object]", separator: object = ", ") -> "Joined":
        parts = tuple(parts)
        made = super().__new__(cls, str(separator).join(map(str, parts)))
        made.parts, made.separator = parts, separator
        return made


def say(text: object, lang: str = "en") -> str:
    """``text`` in ``lang``: a Said or Joined (at any depth) in that language; anything else
    as it is (data, ids and numbers are never translated)."""
    if lang == "en" or not isinstance(text, (Said, Joined, Pair)):
        return str(text)
    if isinstance(text, Pair):
        return text.russian
    if isinstance(text, Joined):
        return say(text.separator, lang).join(say(part, lang) for part in text.parts)
    return label(text.key, lang, **{name: say(value, lang) for name, value in text.fields.items()})


def rewrite(text: object, change: "Callable[[str], str]") -> object:
    """``text`` with ``change`` applied to each piece of data it holds (a path, an id), its
    words kept: a message about a scratch copy can then name the user's own file, and still
    be said in either language."""
    if isinstance(text, Said):
        made = Said(text.key, **{name: rewrite(value, change)
                                 for name, value in text.fields.items()})
        return made
    if isinstance(text, Joined):
        return Joined([rewrite(part, change) for part in text.parts], text.separator)
    if isinstance(text, PurePath):  # a path field names a file as much as a string does
        return change(str(text))
    return change(text) if isinstance(text, str) else text


def word(prefix: str, value: str) -> object:
    """A vocabulary word (a status, a kind, how a word matched) as a Said when ``prefix.value``
    is a label, else the value itself (an id or a word the table holds)."""
    key = f"{prefix}.{value}"
    if key in LABELS:
        return Said(key)
    if prefix.startswith(SCREEN_KEYS):
        from kzru.screens import SCREENS

        return Said(key) if key in SCREENS else value
    if prefix.startswith(("err.", "usage.", "data.")):
        from kzru.messages import MESSAGES

        return Said(key) if key in MESSAGES else value
    return value


def status_word(status: str) -> object:
    """A fact's status as people read it (signed, подписано)."""
    return word("brief.status", status)


def verdict_word(verdict: str) -> object:
    """A track verdict ("no later report") as a Said; its English is the verdict itself."""
    return word("verdict", verdict.split(" —")[0].replace(" ", "_"))
