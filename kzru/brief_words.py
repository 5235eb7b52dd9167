"""The words of kzru brief and kzru track, in English and Russian: a brief's headings and
notes, its verdicts as a sentence says them, track's blocks and the "why" of each verdict.
Part of kzru's one table of strings (kzru/labels.py says them).

Why a part of its own: only brief and track (and the library that works out their verdicts,
kzru/follow.py) say these, so no other command reads them (``labels.label`` looks here for a
``brief.`` or ``track.`` key it does not hold; start-up is measured). The statuses and verdicts
as values are in kzru/vocabulary.py. It imports nothing of kzru's.
"""

from __future__ import annotations

# key: (English, Russian)
STRINGS: dict[str, tuple[str, str]] = {
    # --- brief and track: their headings, verdicts as a brief says them, the "why" lines ----
    "brief.section.signed": ("Signed", "Подписано"),
    "brief.source_recalling": (
        "a report of {title}, written after this event, that tells of it in passing",
        "репортаж о событии «{title}», написанный после этого события и упоминающий его"),
    "brief.names_first_alongside": ("Names first appearing in the rows reported alongside",
                                    "Впервые названы в строках, приведённых рядом"),
    "brief.as_of": ("reported as of {date}", "сообщено на {date}"),
    "brief.members": ("Its parts, one row each", "Его части, по строке на каждую"),
    "brief.section.agreed": ("Agreed", "Договорились"),
    "brief.section.done": ("Done", "Состоялось"),
    # as of its report: a brief is read later, and «сегодня … проходят переговоры» was under
    # way on the day it was written, not now (round 11 and 12 readers: the Sochi talks)
    "brief.section.ongoing": ("Ongoing when reported", "В работе на момент сообщения"),
    "brief.section.planned": ("Planned", "Запланировано"),
    "brief.section.expected": ("Expected", "Ожидается"),
    "brief.section.proposed": ("Proposed", "Предложено"),
    "brief.section.reported": ("Discussed and reported", "Обсуждалось и сообщалось"),
    "brief.inferred": ("(inferred)", "(дата выведена)"),
    "brief.date_inferred_item": ("{date}, inferred", "{date}, дата выведена"),
    "brief.sources_word": ("sources", "источники"),
    "brief.also_cited": ("also cited", "также цитируются"),
    "brief.date": ("Date", "Дата"),
    "brief.date_inferred": ("Date inferred", "Дата выведена"),
    "brief.related": ("Held alongside", "В те же дни"),
    "brief.related_announced": ("Announced alongside, not reported as held",
                                "Объявлено на те же дни, о проведении не сообщается"),
    "brief.not_reported_held": (
        "No article in this table reports whether it was held: its lines are what was "
        "announced beforehand.",
        "Ни одна статья в таблице не сообщает, состоялось ли оно: его строки — то, что было "
        "объявлено заранее."),
    "brief.related_announcer": ("Announced beforehand in the report of",
                                "Объявлено заранее в репортаже о событии"),
    "brief.also": ("also", "также"),
    "brief.areas": ("Areas", "Области"),
    "brief.several": ("Several areas", "Несколько отраслей"),
    "brief.no_sector": ("No sector yet (draft)", "Отрасль ещё не указана (черновик)"),
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
        "this table: openings and events before it or apart from it, counts and institutions "
        "that exist, assessments, items listed apart. The sections above hold what the "
        "reports say the sides did, agreed, planned, discussed or took up at the event, "
        "with the work they report under way.",
        "Что те же материалы сообщают помимо фактов самого события и что в таблице не связано "
        "ни с каким событием: открытия и события до него или помимо него, подсчёты и "
        "существующие учреждения, оценки, отдельные пункты. В разделах выше — то, что, по "
        "материалам, стороны сделали, о чём договорились, что запланировали, обсудили или "
        "затронули на самом событии, и работа, о которой сообщается, что она идёт."),
    "brief.alongside_undated": (
        "Lines here without a date in brackets are reported as of their article's date "
        "({dates}), not as things of the event's days",
        "Строки здесь без даты в скобках сообщены на дату своей статьи ({dates}), а не как "
        "происходившее в дни события"),
    "brief.checks": ("Preview against outcome", "Прогноз и итог"),
    "brief.checks_note": (
        "What the preview {previews} expected, proposed or planned, or reported as under way, "
        "held against the report of the visit {reports}.",
        "Что обзор {previews} ожидал, предлагал или планировал либо называл уже идущей "
        "работой — в сравнении с отчётом о визите {reports}."),
    "brief.verdict.borne_out": ("borne out", "подтвердилось"),
    "brief.verdict.partly_borne_out": ("partly borne out", "подтвердилось частично"),
    "brief.verdict.not_mentioned": ("not mentioned in the visit's report",
                                    "в отчёте о визите не упомянуто"),
    "brief.verdict.not_taken_up_at_the_visit": (
        "not taken up in the visit's report",
        "в отчёте о визите не затронуто"),
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
    "brief.verdict.restated": ("restated — still operating", "названо снова — работает"),
    "brief.verdict.taken_up_again": ("taken up again", "затронуто снова"),
    "brief.verdict.not_linked": ("no later fact linked as its progress (see also)",
                                 "более поздних фактов, связанных как продвижение, нет (см. "
                                 "также)"),
    "brief.verdict.no_later_report": ("no later report in this table",
                                      "более поздних сообщений в таблице нет"),
    "brief.verdict.latest_report": ("latest report: nothing newer in this table",
                                    "последнее сообщение: новее в таблице ничего нет"),
    "brief.new_first": ("New: the first {family} in this table",
                        "Новое: в таблице это первое событие своего рода ({family})"),
    # "in this table": no article says the previous meeting in the table was the last one
    # (they met between them, outside it: round-14 briefs reader)
    "brief.new_since": ("New since the last {family} in this table, {title} ({when})",
                        "Новое после предыдущего события своего рода ({family}) в этой таблице "
                        "— «{title}» ({when})"),
    "brief.new_rule": (
        "Each meeting is held against the previous one of its kind: bilateral visits, talks "
        "and meetings; summits of the same organisation; forums.{earlier}",
        "Каждое событие сравнивается с предыдущим того же рода: двусторонние визиты, "
        "переговоры и встречи; саммиты той же организации; форумы.{earlier}"),
    "brief.new_earlier": (" Earlier in this table, of another kind: {events}.",
                          " Раньше в таблице, другого рода: {events}."),
    "brief.new_earlier_summits": (
        " Earlier summits in this table, of another organisation: {events}.",
        " Более ранние саммиты в таблице, другой организации: {events}."),
    "brief.family.bilateral": ("bilateral meeting", "двусторонняя встреча"),
    "brief.hosted_by": ("hosted by {host}", "принимает {host}"),
    "brief.family.summit": ("summit", "саммит"),
    "brief.family.summit_of": ("{org} summit", "саммит {org}"),
    "brief.family.forum": ("forum", "форум"),
    "brief.sectors_not_last": ("Sectors not covered last time",
                               "Отрасли, которых не было в прошлый раз"),
    "brief.sectors_last_alongside": (
        "Sectors covered last time only in the rows its report gave alongside, not as that "
        "meeting's own",
        "Отрасли, которые в прошлый раз были только в строках, приведённых рядом, а не среди "
        "фактов самой встречи"),
    "brief.sectors_new": ("Sectors new to this table", "Отрасли, впервые появившиеся в таблице"),
    "brief.sectors_new_alongside": (
        "Sectors new to this table in the rows reported alongside",
        "Отрасли, впервые появившиеся в таблице в строках «Сообщалось также»"),
    "brief.names_first": ("Names first appearing", "Впервые названы"),
    "brief.names_first_preview": (
        "Names first appearing only in the preview {previews}, not in the visit's report",
        "Впервые названы только в обзоре {previews}, не в отчёте о визите"),
    "brief.names_first_with": ("Names first appearing here and, the same days, at {title}",
                               "Впервые названы здесь и в те же дни на событии «{title}»"),
    "brief.none": ("none", "нет"),
    "brief.and_more": ("(and {count} more)", "(и ещё {count})"),
    "brief.outcomes": ("What became of its commitments by this meeting (kzru track)",
                       "Что стало с его договорённостями к этой встрече (kzru track)"),
    "brief.outcome_since": ("later, as of the newest article in this table",
                            "позже, по самой новой статье в таблице"),
    "brief.via_parts": ("through its part {ids}", "через его часть {ids}"),
    "brief.rest_part": ("nothing later linked to its other part",
                        "с другой его частью позже ничего не связано"),
    "brief.rest_parts": ("nothing later linked to its other {count} parts",
                         "с остальными его частями ({count}) позже ничего не связано"),
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
    "track.head_document": ("{status} document", "{status} (документ)"),
    "track.summary": ("{count} tracked — {said}", "отслеживается {count} — {said}"),
    "track.see_also": ("see also, unconfirmed (not linked by the curators):",
                       "см. также, не подтверждено (кураторы не связали):"),
    "track.see_also_around": ("see also, the report's rows around it (not its progress):",
                              "см. также — строки отчёта рядом с этим (не продвижение):"),
    "track.why": ("why: {why}", "почему: {why}"),
    "track.words": ("{why}; the words: «{words}»", "{why}; решили слова: «{words}»"),
    "track.later_line": ("{id} ({source}, {date}, {status})", "{id} ({source}, {date}, {status})"),
    # the reason says "(see also)" after the rows itself (round 14: it was said twice)
    "track.later_more": ("{count} more", "ещё {count}"),
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
    "track.why.not_mentioned": ("the report of {event} ({reports}) does not mention it",
                                "в отчёте о {event} ({reports}) это не упомянуто"),
    "track.why.not_named": ("the report of {event} ({reports}) does not name it",
                            "в отчёте о {event} ({reports}) это не названо"),
    "track.why.done": ("{later} reports it {status}", "{later} сообщает: {status}"),
    "track.why.in_progress": (
        "{later} reports it under way; nothing later reports it signed or done",
        "{later} сообщает, что работа идёт; позже ничто не сообщает о подписании или "
        "выполнении"),
    "track.why.open_ended": (
        "{later} reports a step of it {status}; the undertaking («{words}…») has no end point, "
        "so a step carries it forward without completing it",
        "{later} сообщает о шаге в этом направлении ({status}); у договорённости («{words}…») "
        "нет конечной точки: шаг продвигает её, но не завершает"),
    "track.why.taken_up_again": (
        "{later} takes the topic up again ({status}); it was only discussed, so nothing was "
        "undertaken that could be open or done",
        "{later} снова затрагивает эту тему ({status}); её только обсуждали, так что ничего не "
        "было обещано, что могло бы остаться открытым или быть выполненным"),
    "track.why.told_again": (
        "{later} tells of the same line of work again ({status}); it was reported as work "
        "going on, no undertaking, so nothing is open or done on it",
        "{later} снова сообщает о том же направлении работы ({status}); о нём сообщалось как о "
        "ведущейся работе, а не как об обязательстве, так что открытым или выполненным ничего "
        "не остаётся"),
    "track.why.reaffirmed": (
        "{later} restates it ({status}); nothing later reports it under way, signed or done",
        "{later} подтверждает это снова ({status}); позже ничто не сообщает, что работа идёт, "
        "подписано или выполнено"),
    "track.why.restated": (
        "{later} names it again among those open or at work: a later report that it still "
        "operates, not progress since (RUBRIC-follows 2c)",
        "{later} снова называет его среди открытых или работающих: более позднее сообщение о "
        "том, что оно работает, а не продвижение с тех пор (RUBRIC-follows, 2c)"),
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
    "track.why.part": ("part {id}: {verdict}, {reason}", "часть {id}: {verdict}, {reason}"),
    "track.why.rest_one": ("nothing later linked to the other {count} part",
                           "с остальными частями ({count}) позже ничего не связано"),
    "track.why.rest_many": ("nothing later linked to the other {count} parts",
                            "с остальными частями ({count}) позже ничего не связано"),
    "brief.undated_lines": ("Lines without a date in brackets fall on the event's days",
                            "Строки без даты в скобках относятся к дням события"),
    "brief.dated_by_report": (
        "Where the text gives a fact no date of its own, the fact's date is its article's "
        "date: {dates}",
        "Если текст не называет даты факта, дата факта — дата его статьи: {dates}"),
    "brief.dated_article": ("{date}, article [{number}]", "{date}, статья [{number}]"),
    "brief.verdict.not_named": ("not named in the visit's report",
                                "в отчёте о визите не названо"),
    "brief.check_documents": (
        "the documents the visit signed, not linked to it (whether they take up this field is "
        "a reader's judgement: RUBRIC-follows rule 4):",
        "документы, подписанные в ходе визита, с этим не связаны (относить ли их к этой "
        "сфере — вопрос суждения читателя: RUBRIC-follows, правило 4):"),
    "brief.check_field_said": (
        "what the report says of this field, not linked to it (a reader's judgement: "
        "RUBRIC-follows rule 4):",
        "что отчёт говорит об этой сфере, с этим не связано (вопрос суждения читателя: "
        "RUBRIC-follows, правило 4):"),
    "brief.see_also_not_linked": (
        "later facts that may report on it, not linked as its progress (RUBRIC-follows lists "
        "the pairs considered and left out, with the rule):",
        "более поздние факты, возможно, об этом, не связанные как продвижение (в "
        "RUBRIC-follows перечислены рассмотренные и не связанные пары с правилом):"),
    "brief.part_see_also": (
        "its part `{id}`: later facts that may report on it, not linked as its progress:",
        "его часть `{id}`: более поздние факты, возможно, о ней, не связанные как продвижение:"),
    "track.why.not_linked": (
        "no later fact in this table is linked to it as its progress; {rows} may report on it "
        "(see also), not linked: curators link only where careful readers agree the "
        "later fact reports on this very item (RUBRIC-follows, which lists the pairs "
        "considered and left out, with the rule)",
        "ни один более поздний факт в таблице не связан с этим как его продвижение; {rows}, "
        "возможно, сообщают об этом (см. также), но не связаны: кураторы связывают, только "
        "когда внимательные читатели согласны, что более поздний факт сообщает именно об "
        "этом (RUBRIC-follows, где перечислены рассмотренные и не связанные пары с правилом)"),
    "track.why.field_said": (
        "{why}; what the report says of this field, {rows}, may take it up (see also) but is "
        "not linked to it: whether it does is a reader's judgement (RUBRIC-follows rule 4)",
        "{why}; то, что отчёт говорит об этой сфере ({rows}), возможно, относится к этому "
        "(см. также), но с этим не связано: это вопрос суждения читателя (RUBRIC-follows, "
        "правило 4)"),
    "track.why.field_documents": (
        "{why}; the documents the visit signed, {rows}, may take up this field (see "
        "also) but are not linked to it: whether they do is a reader's judgement, so no link "
        "is made (RUBRIC-follows rule 4)",
        "{why}; документы, подписанные в ходе визита ({rows}), возможно, "
        "относятся к этой сфере (см. также), но с этим не связаны: относить ли их к ней — "
        "вопрос суждения читателя, поэтому связи нет (RUBRIC-follows, правило 4)"),
}
