"""The problems a data check reports, in English and Russian: a cell, a row, a file or a data
package that breaks kzru's rules, and the input a drafted value came from (an option, an
article's line, a page) with what to do about it. Part of kzru's one table of strings
(kzru/labels.py says them).

Why a part of its own: these are said only when a data folder (or an article being added)
holds a problem, so a run over good data never reads them (``labels.label`` looks here for a
``data.``, ``input.`` or ``fix.`` key). Errors kzru raises are in kzru/messages.py. The
English is the problem exactly as kzru prints it; fields that hold data (paths, ids, values)
are never translated, fields that hold another message are. It imports nothing of kzru's.
"""

from __future__ import annotations

# key: (English, Russian)
STRINGS: dict[str, tuple[str, str]] = {
    # --- problems a data check reports (file:line:col first, as the English has it) --------
    "data.cell": ("{where}: {column} {problem}", "{where}: {column}: {problem}"),
    "data.at": ("{where}: {message}", "{where}: {message}"),
    "data.required": ("is required but empty", "обязательно, но пусто"),
    "data.padded": ("has leading or trailing whitespace", "пробелы в начале или в конце"),
    "data.control": ("contains a control character (tab, newline or similar)",
                     "содержит управляющий символ (табуляцию, перевод строки и т. п.)"),
    "data.invisible": ("contains U+{code}, an invisible or direction-changing character (it can "
                       "make a row display as something else; no article needs one)",
                       "содержит U+{code} — невидимый символ или символ смены направления "
                       "(из-за него строка может выглядеть иначе, чем есть; статьям он не "
                       "нужен)"),
    "data.too_long": ("is {length} characters long, at most {limit} allowed",
                      "длина {length} символов, допустимо не больше {limit}"),
    "data.not_iso_date": ("{value!r} is not an ISO date (YYYY-MM-DD)",
                          "{value!r} — не дата ISO (ГГГГ-ММ-ДД)"),
    "data.no_such_date": ("{value!r} is not a date that exists",
                          "{value!r} — такой даты не бывает"),
    "data.not_number": ("{value!r} is not a number written plainly (digits 0-9, optional '-' "
                        "and '.'; no leading zero, no trailing zero after '.', no -0)",
                        "{value!r} — не число в простой записи (цифры 0-9, возможно '-' и "
                        "'.'; без ведущих нулей, без нулей в конце после '.', без -0)"),
    "data.digits": ("has {digits} digits, at most {limit} allowed",
                    "цифр: {digits}, допустимо не больше {limit}"),
    "data.padded_item": ("list {value!r} has an empty or padded item (separate items with '; ')",
                         "в списке {value!r} пустой элемент или лишние пробелы (элементы "
                         "разделяются '; ')"),
    # a problem said at its input (kzru.curate.inputs): an option, an article's line, a page
    "data.input": ("{where}: {what} {problem} ({fix})", "{where}: {what}: {problem} ({fix})"),
    "data.formula_input": ("{value!r} starts with {first!r}, which a spreadsheet runs as a "
                           "formula",
                           "{value!r} начинается с {first!r} — электронная таблица выполнит "
                           "это как формулу"),
    "input.option": ("the source's {column}", "{column} источника"),
    "input.file_name": ("its file name (the source's file)", "имя файла (file источника)"),
    "input.headline_line": ("the headline (the source's {column})",
                            "заголовок ({column} источника)"),
    "input.publisher_line": ("the publisher named in the text (the source's {column})",
                             "издатель, названный в тексте ({column} источника)"),
    "input.dateline": ("the dateline (the source's {column})",
                       "дата в начале текста ({column} источника)"),
    "input.page_headline": ("the page's headline, its <title> or og:title (the source's "
                            "{column})",
                            "заголовок страницы, её <title> или og:title ({column} "
                            "источника)"),
    "input.page_site": ("the page's site name (the source's {column})",
                        "название сайта на странице ({column} источника)"),
    "input.page_link": ("the page's canonical link (the source's {column})",
                        "каноническая ссылка страницы ({column} источника)"),
    "input.page_date": ("the page's publication date (the source's {column})",
                        "дата публикации в метаданных страницы ({column} источника)"),
    "input.text_publisher": ("the publisher named in the page's text (the source's {column})",
                             "издатель, названный в тексте страницы ({column} источника)"),
    "input.source_row": ("the source drafted from it ({column})",
                         "источник, составленный по ней ({column})"),
    "input.draft": ("the draft {id} drafted from the sentence here ({column})",
                    "черновик {id}, составленный по этому предложению ({column})"),
    "input.draft_page": ("the draft {id} drafted from the sentence «{opening}…» ({column})",
                         "черновик {id}, составленный по предложению «{opening}…» "
                         "({column})"),
    "input.event": ("the event {id} proposed from it ({column})",
                    "событие {id}, предложенное по ней ({column})"),
    "input.set": ("the {column} set for {id}", "{column}, заданное для {id}"),
    "input.edit": ("your {column}", "ваше значение {column}"),
    "fix.another": ("give another {option}", "укажите другое {option}"),
    "fix.rename": ("rename the file", "переименуйте файл"),
    "fix.option": ("give the {column} with {option}", "укажите {column} через {option}"),
    "fix.report": ("kzru made this value itself; please report it",
                   "это значение составил сам kzru; сообщите об ошибке"),
    "fix.sentence": ("leave the sentence out of the article, or add its fact by hand",
                     "уберите предложение из статьи или добавьте факт вручную"),
    "fix.set": ("set another value", "задайте другое значение"),
    "fix.edit": ("edit it again", "исправьте ещё раз"),
    "data.formula": ("{value!r} starts with {first!r}, which a spreadsheet runs as a formula (no "
                     "article sentence starts so; reword it)",
                     "{value!r} начинается с {first!r} — электронная таблица выполнит это как "
                     "формулу (предложения статей так не начинаются; переформулируйте)"),
    "data.not_in_enum": ("{value!r} is not one of: {allowed}",
                         "{value!r} — не из списка: {allowed}"),
    "data.pattern": ("{value!r} does not match the pattern {pattern}",
                     "{value!r} не соответствует шаблону {pattern}"),
    "data.not_web": ("{value!r} is not a web address (http:// or https://): data names its "
                     "sources, it never carries other links",
                     "{value!r} — не веб-адрес (http:// или https://): данные называют свои "
                     "источники и никаких других ссылок не содержат"),
    "data.no_file": ("{path}: file not found (every data folder needs {name}.csv)",
                     "{path}: файл не найден (в каждой папке данных нужен {name}.csv)"),
    "data.empty_file": ("{path}:1: file is empty, a header row is required",
                        "{path}:1: файл пуст, нужна строка заголовка"),
    "data.bad_header": ("{path}:1: header does not match the schema ({why}); expected: "
                        "{expected}",
                        "{path}:1: заголовок не совпадает со схемой ({why}); ожидается: "
                        "{expected}"),
    "data.column_twice": ("column {column!r} appears {count} times",
                          "столбец {column!r} встречается {count} раз(а)"),
    "data.missing_columns": ("missing {columns}", "нет столбцов: {columns}"),
    "data.unknown_columns": ("unknown {columns}", "лишние столбцы: {columns}"),
    "data.out_of_order": ("columns out of order", "столбцы не в том порядке"),
    "data.and_more": ("{shown} and {count} more", "{shown} и ещё {count}"),
    "data.not_utf8": ("{where}: not valid UTF-8", "{where}: не UTF-8"),
    "data.malformed": ("{where}: malformed CSV: {error}", "{where}: испорченный CSV: {error}"),
    "data.empty_line": ("{where}: empty line inside the table",
                        "{where}: пустая строка внутри таблицы"),
    "data.row_width": ("{where}: row has {count} fields, the header has {width} (truncated row "
                       "or stray comma?)",
                       "{where}: в строке полей: {count}, в заголовке: {width} (обрезанная "
                       "строка или лишняя запятая?)"),
    "data.duplicate": ("{where}: duplicate {column} {value!r}, first used on line {first}",
                       "{where}: повтор {column} {value!r}, впервые в строке {first}"),
    "data.evidence_pieces": ("evidence has {count} pieces, at most {limit} joined by ' … '",
                             "в evidence частей: {count}, допустимо не больше {limit}, "
                             "соединённых ' … '"),
    "data.evidence_joiner": ("evidence pieces must be verbatim excerpts joined by ' … ' (space, "
                             "ellipsis, space), none empty",
                             "части evidence — дословные выдержки, соединённые ' … ' (пробел, "
                             "многоточие, пробел), ни одной пустой"),
    "data.summary_required": ("summary is required but empty", "summary обязательно, но пусто"),
    "data.sectors_required": ("sectors is required but empty", "sectors обязательно, но пусто"),
    "data.month_first": ("date {day} has precision month: write the first of the month",
                         "дата {day} с точностью до месяца: пишите первое число месяца"),
    "data.year_first": ("date {day} has precision year: write the first of January",
                        "дата {day} с точностью до года: пишите 1 января"),
    "data.date_note_required": ("date_note is required when date_basis is inferred (say how)",
                                "date_note обязательно, когда date_basis = inferred (объясните "
                                "как)"),
    "data.value_unit": ("value and unit go together (both filled or both empty)",
                        "value и unit идут вместе (оба заполнены или оба пусты)"),
    "data.part_of_self": ("part_of names the fact itself", "part_of указывает на сам факт"),
    "data.follows_self": ("follows names the fact itself", "follows указывает на сам факт"),
    "data.end_before": ("end {end} is before start {start}",
                        "конец {end} раньше начала {start}"),
    "data.guest_host": ("guest is the same as host", "гость и хозяин совпадают"),
    # the kinds problems are counted by (named in "… and N more of this kind")
    "data.kind.invalid": ("{table}.csv {column}: invalid cells",
                          "{table}.csv {column}: неверные ячейки"),
    "data.kind.duplicates": ("{table}.csv {column}: duplicates", "{table}.csv {column}: повторы"),
    "data.kind.empty_lines": ("{table}.csv: empty lines", "{table}.csv: пустые строки"),
    "data.kind.row_width": ("{table}.csv: rows of the wrong length",
                            "{table}.csv: строки неверной длины"),
    "data.kind.rules": ("{table}.csv {column}: rules", "{table}.csv {column}: правила"),
    "data.kind.end_before": ("events.csv end: before start", "events.csv end: раньше начала"),
    "data.kind.guest_host": ("events.csv guest: same as host",
                             "events.csv guest: совпадает с хозяином"),
    "data.not_an_id": ("{where}: {column} {value!r} is not an id in {target}.csv{hint}",
                       "{where}: {column} {value!r} — такого id нет в {target}.csv{hint}"),
    "data.fact_is_event": ("{where}: id {id!r} is also an event id (kzru show could not tell "
                           "them apart)",
                           "{where}: id {id!r} — это и id события (kzru show не сможет их "
                           "различить)"),
    "data.id_is_source": ("{where}: id {id!r} is also a source id (kzru cite takes any id and "
                          "could not tell them apart)",
                          "{where}: id {id!r} — это и id источника (kzru cite принимает любой "
                          "id и не сможет их различить)"),
    "data.source_is_event": ("{where}: id {id!r} is also an event id (kzru cite takes any id "
                             "and could not tell them apart)",
                             "{where}: id {id!r} — это и id события (kzru cite принимает любой "
                             "id и не сможет их различить)"),
    "data.same_as_self": ("{where}: same_as names the fact itself",
                          "{where}: same_as указывает на сам факт"),
    "data.same_as_twice": ("{where}: same_as names {other!r} twice (each fact once: the count "
                           "of sources reporting it reads this list)",
                           "{where}: same_as дважды называет {other!r} (каждый факт один раз: "
                           "по этому списку считаются источники)"),
    "data.same_as_source": ("{where}: same_as {other!r} is from the same source {source}: "
                            "same_as joins reports of different sources",
                            "{where}: same_as {other!r} из того же источника {source}: same_as "
                            "связывает сообщения разных источников"),
    "data.same_as_back": ("{where}: same_as {other!r} does not name {id!r} back (same_as goes "
                          "both ways: add it to that fact's same_as)",
                          "{where}: same_as {other!r} не ссылается обратно на {id!r} (same_as "
                          "действует в обе стороны: добавьте его в same_as того факта)"),
    "data.refers_to_draft": ("{where}: accepted row {id!r} refers to draft {draft!r} in "
                             "{target}.csv (accept it first, or remove the reference)",
                             "{where}: принятая строка {id!r} ссылается на черновик {draft!r} в "
                             "{target}.csv (сначала примите его или уберите ссылку)"),
    "data.part_of_source": ("{where}: part_of {parent!r} is from source {source}, this fact "
                            "from {own}",
                            "{where}: part_of {parent!r} из источника {source}, а этот факт — "
                            "из {own}"),
    "data.follows_later": ("{where}: follows {earlier!r}, dated {date}, later than this fact "
                           "({own})",
                           "{where}: follows {earlier!r} датирован {date} — позже этого факта "
                           "({own})"),
    "data.cycle": ("{where}: {column} of {id!r} leads back to itself (a cycle)",
                   "{where}: {column} у {id!r} ведёт обратно к нему самому (цикл)"),
    "data.kind.not_an_id": ("{table}.csv {column}: not an id in {target}.csv",
                            "{table}.csv {column}: нет такого id в {target}.csv"),
    "data.kind.event_ids": ("facts.csv id: event ids", "facts.csv id: id событий"),
    "data.kind.source_ids": ("facts.csv id: source ids", "facts.csv id: id источников"),
    "data.kind.source_event_ids": ("sources.csv id: event ids", "sources.csv id: id событий"),
    "data.kind.refers_to_draft": ("{table}.csv {column}: refers to a draft",
                                  "{table}.csv {column}: ссылка на черновик"),
    "data.kind.part_of_source": ("facts.csv part_of: other source",
                                 "facts.csv part_of: другой источник"),
    "data.kind.follows_later": ("facts.csv follows: later facts",
                                "facts.csv follows: более поздние факты"),
    "data.kind.cycles": ("facts.csv {column}: cycles", "facts.csv {column}: циклы"),
    "data.no_package": ("{path}: file not found (every data folder needs one; copy kzru's own "
                        "and keep its schemas)",
                        "{path}: файл не найден (он нужен в каждой папке данных; скопируйте "
                        "файл kzru и сохраните его схемы)"),
    "data.not_utf8_byte": ("{path}: not valid UTF-8 (byte {byte})",
                           "{path}: не UTF-8 (байт {byte})"),
    "data.not_json": ("{where}: not valid JSON: {why}", "{where}: испорченный JSON: {why}"),
    "data.no_resources": ("{path}: no list of resources", "{path}: нет списка resources"),
    "data.no_name": ("without a name", "без имени"),
    "data.other_resource": ("{path}: resource {position} ({shown}) is not one of kzru's tables "
                            "({tables}); a kzru package lists those only",
                            "{path}: resource {position} ({shown}) — не таблица kzru ({tables}); "
                            "пакет kzru перечисляет только их"),
    "data.resource_twice": ("{path}: resource {name!r} is listed more than once (resource "
                            "{position}); each table is listed once",
                            "{path}: resource {name!r} указан не один раз (resource {position}); "
                            "каждая таблица указывается один раз"),
    "data.no_resource": ("{path}: no resource named {name!r}", "{path}: нет resource {name!r}"),
    "data.inline": ("inline data", "данные внутри файла"),
    "data.no_file_name": ("no file name", "без имени файла"),
    "data.resource_path": ("{path}: resource {name!r} has path {shown}, expected the bare file "
                           "name {name}.csv",
                           "{path}: у resource {name!r} путь {shown}, а нужно просто имя файла "
                           "{name}.csv"),
    "data.other_schema": ("{path}: the schema of {name!r} differs from kzru's ({why})",
                          "{path}: схема {name!r} отличается от схемы kzru ({why})"),
    "data.field_should_be": ("field {position} should be {name!r} of type {type}",
                             "поле {position} должно быть {name!r} типа {type}"),
    "data.field_differs": ("field {name!r} has other type or constraints",
                           "у поля {name!r} другой тип или ограничения"),
    "data.field_count": ("{count} fields, expected {expected}",
                         "полей: {count}, ожидается {expected}"),
    "data.other_settings": ("keys or other settings", "ключи или другие настройки"),
    "data.no_article": ("{path}: cannot read article for source {source}: {why}",
                        "{path}: не удаётся прочитать статью источника {source}: {why}"),
    "data.article_not_utf8": ("{path}: article for source {source} is not valid UTF-8 (byte "
                              "{byte})",
                              "{path}: статья источника {source} не в UTF-8 (байт {byte})"),
    "data.other_text": ("{where}: {path} is not the text source {source} was added from (its "
                        "sha256 is {found}…, the row says {row}…)",
                        "{where}: {path} — не тот текст, из которого добавлен источник {source} "
                        "(его sha256 {found}…, в строке — {row}…)"),
    "data.piece": ("piece {number} of the evidence", "часть {number} цитаты"),
    "data.evidence": ("evidence", "цитата"),
    "data.not_verbatim": ("{where}: {which} of {id} is not found verbatim in {file}",
                          "{where}: {which} факта {id} не найдена дословно в {file}"),
    "data.draft": ("{where}: {id} is a draft (kzru review accepts or rejects it; drafts are "
                   "hidden from every listing)",
                   "{where}: {id} — черновик (его принимает или отклоняет kzru review; "
                   "черновики не видны ни в одном списке)"),
    "data.drafts.events": ("{path}: {count} draft events ({ids})",
                           "{path}: черновиков событий: {count} ({ids})"),
    "data.drafts.sources": ("{path}: {count} draft sources ({ids})",
                            "{path}: черновиков источников: {count} ({ids})"),
    "data.no_status_word": ("evidence of {id} shows no word of its status {status!r} (e.g. "
                            "{cues})",
                            "в цитате {id} нет слова её статуса {status!r} (например, {cues})"),
    "data.future": ("{id} is {status!r} but dated {date}, after its article {source} "
                    "({published}): a plan or forecast? (change the status or the date)",
                    "{id}: статус {status!r}, но дата {date} позже его статьи {source} "
                    "({published}): план или прогноз? (измените статус или дату)"),
    "data.far_from_event": ("draft {id} is dated {date}, {days} days from its event {event} "
                            "(from {start}): misdated, or another event's? (change the date or "
                            "the event)",
                            "черновик {id} датирован {date}, в {days} днях от своего события "
                            "{event} (с {start}): дата неверна или событие другое? (измените "
                            "дату или событие)"),
    "data.kind.far_from_event": ("a draft dated far from its event",
                                 "черновик с датой далеко от события"),
    "data.part_sectors": ("{id} lacks the sector(s) {missing} of its part {part}: a parent's "
                          "sectors include its parts' (add them to {id})",
                          "у {id} нет отрасли(ей) {missing} своей части {part}: отрасли "
                          "родителя включают отрасли его частей (добавьте их в {id})"),
    "data.kind.part_sectors": ("a parent without its parts' sectors",
                               "родитель без отраслей своих частей"),
    "data.kind.future": ("said to have happened after its article",
                         "случилось будто бы после своей статьи"),
    "data.kind.not_verbatim": ("evidence not found in its article",
                               "цитата не найдена в своей статье"),
    "data.kind.no_status_word": ("evidence without a word of its status",
                                 "цитата без слова своего статуса"),
    "data.kind.draft": ("draft still under review", "черновик ещё на проверке"),
    "data.kind.other_text": ("article not the text its sha256 names",
                             "статья — не тот текст, что указан в её sha256"),
    "data.kind.other_resources": ("datapackage.json: other resources",
                                  "datapackage.json: чужие resources"),
    "data.kind.resource_twice": ("datapackage.json: tables listed twice",
                                 "datapackage.json: таблицы, указанные дважды"),
}
