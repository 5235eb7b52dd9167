"""Errors kzru raises, in English and Russian: a value not understood, a file or folder that
cannot be read or written, a refused add or review, the command line parser's own errors and
the cache folder's warnings. Part of kzru's one table of strings (kzru/labels.py says them).

Why a part of its own: these strings are needed only when something goes wrong, so they are
read on that path alone (``labels.label`` looks here for an ``err.``, ``usage.`` or ``cache.``
key) and cost a successful run no start-up time. The problems a data check reports are in
kzru/data_messages.py. It imports nothing of kzru's.

Keys: ``err.`` errors kzru raises, ``usage.`` the command line parser's own errors (rebuilt from
the exception, see kzru/cli.py), ``cache.`` the cache folder's warnings. The English is the
message exactly as kzru prints it; the Russian says the same in its own words. Fields that hold
data (paths, ids, values typed) are never translated; fields that hold another message are.
"""

from __future__ import annotations

# key: (English, Russian)
STRINGS: dict[str, tuple[str, str]] = {
    # --- choosing a value ----------------------------------------------------------------
    "err.did_you_mean": (" (did you mean {choice!r}?)", " (может быть, {choice!r}?)"),
    "err.unknown": ("unknown {what} {value!r}{hint}",
                    "{what}: неизвестное значение {value!r}{hint}"),
    "err.choose_from": ("; choose from: {choices}", "; допустимо: {choices}"),
    "err.from_env": ("{name}: {error}", "{name}: {error}"),
    "err.not_printed": ("{command} prints {formats}; not {fmt}",
                        "{command} выводит {formats}, но не {fmt}"),
    "err.this_command": ("this command", "эта команда"),
    "err.several_events": ("{value!r} matches {count} events: {ids}",
                           "{value!r} подходит к нескольким событиям ({count}): {ids}"),
    "err.unknown_event": ("unknown event {value!r}{hint} (kzru visits lists the events)",
                          "событие {value!r} не найдено{hint} (список событий: kzru visits)"),
    "err.several_sectors": ("{value!r} names {count} sectors: {ids}; give one of these ids",
                            "{value!r} подходит к нескольким отраслям ({count}): {ids}; укажите "
                            "один из этих id"),
    "err.no_record": ("no {what} with id {value!r}{hint}", "{what}: id {value!r} не найден{hint}"),
    "err.what.fact": ("fact", "факт"),
    "err.what.fact_or_event": ("fact or event", "факт или событие"),
    "err.what.fact_event_source": ("fact, event or source", "факт, событие или источник"),
    "err.not_a_date": ("{option} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                       "{option} {value!r}: это не дата (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)"),
    "err.reversed_range": ("--since {since} is after --until {until}: the range holds no date "
                           "(swap them?)",
                           "--since {since} позже --until {until}: в такой промежуток не "
                           "попадает ни одна дата (поменять местами?)"),
    "err.not_a_year": ("{option} {value!r} is not a year (1 to 9999, e.g. 2024)",
                       "{option} {value!r}: это не год (от 1 до 9999, например 2024)"),
    "err.no_speaker": ("no speaker {value!r}{hint}; speakers: {known}",
                       "говорящий {value!r} не найден{hint}; говорящие: {known}"),
    "err.unknown_place": ("unknown place {value!r}{hint}", "место {value!r} не найдено{hint}"),
    "err.unknown_source": ("unknown source {value!r}{hint} (kzru sources lists them)",
                           "источник {value!r} не найден{hint} (список: kzru sources)"),
    "err.unknown_field": ("unknown field {value!r} for {what}{hint}; fields: all, {fields}",
                          "{what}: неизвестное поле {value!r}{hint}; поля: all, {fields}"),
    "err.no_fields": ("--fields is empty; fields: all, {fields}",
                      "--fields пуст; поля: all, {fields}"),
    "err.sector_filters": ("the fact filters (--year, --status, --since…) narrow one sector's "
                           "facts: kzru sectors SECTOR --year 2025",
                           "фильтры фактов (--year, --status, --since…) сужают факты одной "
                           "отрасли: kzru sectors SECTOR --year 2025"),
    # what a choice is of (the English is the word the code passes)
    "err.noun.sector": ("sector", "отрасль"),
    "err.noun.format": ("format", "формат"),
    "err.noun.language": ("language", "язык"),
    "err.noun.colour mode": ("colour mode", "режим цвета"),
    "err.noun.host": ("host", "принимающая сторона"),
    "err.noun.event kind": ("event kind", "вид события"),
    "err.noun.event": ("event", "событие"),
    "err.noun.status": ("status", "статус"),
    "err.noun.kind": ("kind", "вид"),
    "err.noun.order": ("order", "порядок"),
    "err.noun.voice": ("voice", "голос"),
    "err.noun.role": ("role", "роль"),
    "err.noun.field": ("field", "поле"),
    "err.noun.date precision": ("date precision", "точность даты"),
    "err.noun.date basis": ("date basis", "основание даты"),
    # --- folders and files ---------------------------------------------------------------
    "err.where.option": ("--data", "--data"),
    "err.where.env": ("KZRU_DATA", "KZRU_DATA"),
    "err.where.bundled": ("bundled data", "встроенные данные"),
    "err.no_data_folder": ("data folder not found: {folder} (from {where})",
                           "папка данных не найдена: {folder} (из {where})"),
    "err.data_not_folder": ("data folder is not a folder: {folder} (from {where})",
                            "папка данных — не папка: {folder} (из {where})"),
    "err.no_sources_folder": ("sources folder not found: {folder}",
                              "папка со статьями не найдена: {folder}"),
    "err.file_kind": ("{path}: is {kind}, not a regular file",
                      "{path}: это {kind}, а не обычный файл"),
    "err.kind.folder": ("a folder", "папка"),
    "err.kind.fifo": ("a FIFO (named pipe)", "FIFO (именованный канал)"),
    "err.kind.char": ("a character device", "символьное устройство"),
    "err.kind.block": ("a block device", "блочное устройство"),
    "err.kind.socket": ("a socket", "сокет"),
    "err.kind.other": ("not a regular file", "не обычный файл"),
    "err.kind.link": ("a symbolic link", "символическая ссылка"),
    "err.too_big": ("{path}: is {size} bytes, more than the {limit} MiB kzru reads from one file",
                    "{path}: {size} байт — больше {limit} МиБ, которые kzru читает из одного "
                    "файла"),
    "err.kernel_file": ("{path}: leads to {tree}, a kernel file, not a regular file",
                        "{path}: ведёт в {tree} — это файл ядра, а не обычный файл"),
    "err.fake_empty": ("{path}: says it is empty but has content (a kernel file?), not a "
                       "regular file",
                       "{path}: размер 0, но содержимое есть (файл ядра?) — не обычный файл"),
    "err.cannot_read": ("{path}: cannot be read: {why}", "{path}: не удаётся прочитать: {why}"),
    "err.is_link": ("{path}: is a symbolic link; kzru writes only to regular files",
                    "{path}: символическая ссылка; kzru пишет только в обычные файлы"),
    "err.not_regular": ("{path}: is not a regular file", "{path}: не обычный файл"),
    "err.folder_is_link": ("{folder}: is a symbolic link; give the folder itself",
                           "{folder}: символическая ссылка; укажите саму папку"),
    "err.inner_link": ("{path}: is a symbolic link; kzru writes only inside the data folder "
                       "itself",
                       "{path}: символическая ссылка; kzru пишет только внутри самой папки "
                       "данных"),
    "err.not_flushed": ("{folder}: written, but not flushed to disk ({why})",
                        "{folder}: записано, но не сброшено на диск ({why})"),
    "err.not_written": ("{path}: cannot be written ({why}); nothing was changed",
                        "{path}: запись не удалась ({why}); ничего не изменено"),
    "err.written_unfinished": ("{folder}: written, but not every file could be moved into "
                               "place yet ({why}); the next kzru command on the folder "
                               "finishes it, and nothing reads the folder before that",
                               "{folder}: записано, но не все файлы удалось поставить на место "
                               "({why}); следующая команда kzru над папкой закончит это, и до "
                               "тех пор папка не читается"),
    "err.not_empty": ("{folder}: already exists and is not an empty folder",
                      "{folder}: уже существует и это не пустая папка"),
    "err.exists": ("{target} exists (--force replaces it)",
                   "{target} уже существует (--force заменит его)"),
    "err.db_not_regular": ("{target} is not a regular file (a link or a folder?): --force "
                           "replaces only a file",
                           "{target} — не обычный файл (ссылка или папка?): --force заменяет "
                           "только файл"),
    "err.folder_not_found": ("folder not found: {folder}", "папка не найдена: {folder}"),
    "err.export_target": ("give either FILE.db or --csv DIR (see 'kzru export --help')",
                          "укажите либо FILE.db, либо --csv DIR (см. 'kzru export --help')"),
    "err.export_package_stdout": ("--csv - : a data package is several files and cannot go to "
                                  "standard output; name a folder",
                                  "--csv - : пакет данных — это несколько файлов, в стандартный "
                                  "вывод их не отправить; укажите папку"),
    "err.export_db_stdout": ("export - : a database cannot go to standard output; name a file "
                             "(kzru.db), or use kzru facts --format csv for a pipe",
                             "export - : базу данных не отправить в стандартный вывод; укажите "
                             "файл (kzru.db) или для канала используйте kzru facts --format csv"),
    "err.export_broken": ("export: {count} broken references, first {first}",
                          "export: битых ссылок — {count}, первая: {first}"),
    "err.export_failed": ("{where}: cannot write the data package: {why}; {target} is unchanged",
                          "{where}: пакет данных записать не удалось: {why}; {target} не "
                          "изменён"),
    "err.export_link": ("{target} is a link: kzru writes only into a folder itself (give the "
                        "folder it points to)",
                        "{target} — ссылка: kzru пишет только в саму папку (укажите папку, на "
                        "которую она указывает)"),
    "err.not_a_folder": ("not a folder: {target}", "не папка: {target}"),
    "err.foreign_file": ("{path} was not written by kzru: export into a new or empty folder, or "
                         "one holding an earlier kzru export only",
                         "{path} записан не kzru: выгружайте в новую или пустую папку либо в "
                         "папку только с прежней выгрузкой kzru"),
    "err.export_not_regular": ("{path} is not a regular file (a link?): kzru never writes "
                               "through links or replaces what it did not write",
                               "{path} — не обычный файл (ссылка?): kzru не пишет через ссылки и "
                               "не заменяет того, что записал не он"),
    "err.not_kzru_package": ("{target} holds no datapackage.json of kzru's, so kzru did not "
                             "write its files: export into a new or empty folder",
                             "в {target} нет datapackage.json от kzru, значит, эти файлы "
                             "записал не kzru: выгружайте в новую или пустую папку"),
    # --- add, review, init ---------------------------------------------------------------
    "err.own_folder": ("kzru {command} writes to your own data folder: give --data DIR or set "
                       "KZRU_DATA (start one with 'kzru init DIR')",
                       "kzru {command} пишет в вашу собственную папку данных: укажите --data "
                       "DIR или KZRU_DATA (создать её: 'kzru init DIR')"),
    "err.bundled": ("kzru never writes into its bundled data: start your own folder with "
                    "'kzru init DIR' and give --data DIR",
                    "kzru никогда не пишет во встроенные данные: создайте свою папку командой "
                    "'kzru init DIR' и укажите --data DIR"),
    "err.no_articles": ("no .txt or .html articles found in {paths}",
                        "статей .txt или .html не найдено в {paths}"),
    "err.not_article": ("{path}: not an article kzru reads (.txt or .html)",
                        "{path}: kzru читает статьи только в .txt или .html"),
    "err.no_such_path": ("{path}: no such file or folder", "{path}: нет такого файла или папки"),
    "err.bad_published": ("--published {value!r}: give YYYY-MM-DD, YYYY-MM or YYYY",
                          "--published {value!r}: укажите ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ"),
    "err.not_utf8_article": ("{path}: not valid UTF-8 (byte {byte}); save the article as UTF-8 "
                             "text",
                             "{path}: не UTF-8 (байт {byte}); сохраните статью как текст в "
                             "UTF-8"),
    "err.article_is_link": ("{path}: is a symbolic link; kzru add reads regular files only "
                            "(give the file it leads to by its own name)",
                            "{path}: символическая ссылка; kzru add читает только обычные "
                            "файлы (укажите файл, на который она ведёт, по его имени)"),
    "err.replacement_text": ("{path}: its text holds a replacement character (U+FFFD) at line "
                             "{line}: a wrong or undeclared character encoding? Save the "
                             "article as UTF-8 (or declare its charset) and add it again",
                             "{path}: в тексте символ замены (U+FFFD) в строке {line}: неверная "
                             "или не указанная кодировка? Сохраните статью в UTF-8 (или укажите "
                             "charset) и добавьте снова"),
    "err.replacement_title": ("{path}: its title holds a replacement character (U+FFFD): a wrong "
                              "or undeclared character encoding? Save the article as UTF-8 (or "
                              "declare its charset) and add it again",
                              "{path}: в заголовке символ замены (U+FFFD): неверная или не "
                              "указанная кодировка? Сохраните статью в UTF-8 (или укажите "
                              "charset) и добавьте снова"),
    "err.replacement_publisher": ("{path}: its publisher holds a replacement character (U+FFFD): "
                                  "a wrong or undeclared character encoding? Save the article "
                                  "as UTF-8 (or declare its charset) and add it again",
                                  "{path}: в названии издания символ замены (U+FFFD): неверная "
                                  "или не указанная кодировка? Сохраните статью в UTF-8 (или "
                                  "укажите charset) и добавьте снова"),
    "err.invisible_in_article": ("{where}: {code} ({name}) in the article ({count} such "
                                 "characters in all): kzru's tables refuse invisible "
                                 "characters; remove them and add it again",
                                 "{where}: {code} ({name}) в статье (всего таких символов: "
                                 "{count}): таблицы kzru не принимают невидимые символы; "
                                 "удалите их и добавьте статью снова"),
    "err.folder_busy": ("{folder} is being changed by another kzru (pid {pid}); try again when it "
                        "finishes",
                        "{folder} сейчас изменяет другой kzru (pid {pid}); повторите, когда он "
                        "закончит"),
    "err.lock_is_link": ("{path}: is a symbolic link; kzru locks the folder with a regular file "
                         "of its own",
                         "{path}: символическая ссылка; kzru блокирует папку своим обычным "
                         "файлом"),
    "err.lock_unwritable": ("{folder}: cannot be changed ({why}); nothing was written",
                            "{folder}: изменить нельзя ({why}); ничего не записано"),
    "err.changed_meanwhile": ("{folder} was changed by another kzru since this review read it; "
                              "nothing saved (run kzru review again)",
                              "{folder} изменил другой kzru после того, как этот просмотр её "
                              "прочитал; ничего не сохранено (запустите kzru review снова)"),
    # --- the folder lock and the write journal (kzru.journal) -----------------------------
    "err.lock_not_regular": ("{path}: is not a regular file of its own (a folder, a FIFO, a "
                             "device or a hard link to another file); kzru locks the folder "
                             "with a file of its own: remove it if no kzru is running",
                             "{path}: не отдельный обычный файл (папка, FIFO, устройство или "
                             "жёсткая ссылка на другой файл); kzru блокирует папку своим "
                             "файлом: удалите его, если kzru не запущен"),
    "err.write_under_way": ("{folder}: another kzru is writing to it and has not finished; try "
                            "again when it finishes",
                            "{folder}: в неё пишет другой kzru и ещё не закончил; повторите, "
                            "когда он закончит"),
    "err.changed_while_read": ("{path} changed while being read, {tries} times in a row; run "
                               "again when it is saved (an answer from part of it would look "
                               "whole)",
                               "{path} менялся во время чтения {tries} раза подряд; запустите "
                               "снова, когда он будет сохранён (ответ по его части выглядел бы "
                               "полным)"),
    "err.finished_write": ("{folder}: finished a write a stopped kzru left ({count} files, "
                           "from its journal)",
                           "{folder}: завершена запись, оставленная остановленным kzru (файлов: "
                           "{count}, по его журналу)"),
    "err.undid_write": ("{folder}: undid a write a stopped kzru left ({count} files put back as "
                        "they were, from its journal)",
                        "{folder}: отменена запись, оставленная остановленным kzru (файлов "
                        "возвращено: {count}, по его журналу)"),
    "err.kept_unstaged": ("{path}: kept: the journal names it, but it is not a file that write "
                          "staged",
                          "{path}: оставлен: журнал его называет, но эта запись его не "
                          "готовила"),
    "err.unfinished_write": ("{folder}: a kzru write to it was cut off (killed or a power cut) "
                             "and this user cannot finish it; run any kzru command on it as a "
                             "user who can write there, until then it is not read",
                             "{folder}: запись kzru в неё прервана (процесс убит или пропало "
                             "питание), а этот пользователь не может её завершить; запустите "
                             "любую команду kzru от имени того, кто может писать в папку, до "
                             "тех пор она не читается"),
    "err.cannot_finish_write": ("{path}: cannot finish the write a killed kzru left ({why}); "
                                "nothing else was changed",
                                "{path}: не удаётся завершить запись, оставленную прерванным "
                                "kzru ({why}); больше ничего не изменено"),
    "err.worker_died": ("a drafting worker stopped before it finished (killed, or out of "
                        "memory?); nothing was written: try again, or with fewer than "
                        "--jobs {jobs}",
                        "рабочий процесс разбора остановился, не закончив (убит или не хватило "
                        "памяти?); ничего не записано: повторите или задайте меньше, чем "
                        "--jobs {jobs}"),
    "err.bad_journal": ("{path}: not a journal kzru wrote ({why}); nothing was read or "
                        "changed: remove it if no kzru is running",
                        "{path}: это не журнал записи kzru ({why}); ничего не прочитано и не "
                        "изменено: удалите его, если kzru не запущен"),
    # why a journal is refused (the {why} above)
    "err.journal.not_regular": ("{kind}, not a regular file", "{kind}, а не обычный файл"),
    "err.journal.too_big": ("more than {limit} MiB", "больше {limit} МиБ"),
    "err.journal.not_utf8": ("not UTF-8 at byte {byte}", "не UTF-8 в байте {byte}"),
    "err.journal.json": ("{problem}: line {line} column {column}",
                         "JSON с ошибкой: строка {line}, столбец {column}"),
    "err.journal.not_journal": ("not a kzru journal", "поля не те, что пишет kzru"),
    "err.journal.bad_entry": ("an entry is not (target, staged, old)",
                              "запись не вида (файл, подготовленный файл, старый файл)"),
    "err.journal.bad_identity": ("an entry's staged file is not [device, inode]",
                                 "подготовленный файл записи не [устройство, inode]"),
    "err.journal.foreign_file": ("names a file kzru does not write: {name}",
                                 "называет файл, который kzru не пишет: {name}"),
    "err.journal.foreign_staged": ("names a staged file kzru does not make: {name}",
                                   "называет подготовленный файл, какого kzru не делает: "
                                   "{name}"),
    "err.journal.link": ("{name} is a symbolic link", "{name} — символическая ссылка"),
    "err.export_unwritable": ("{target}: cannot be written ({why}); nothing was changed",
                              "{target}: записать нельзя ({why}); ничего не изменено"),
    "err.no_text": ("{path}: no article text found", "{path}: текст статьи не найден"),
    "err.no_text_page": ("{path}: no article text found in the page",
                         "{path}: на странице не найден текст статьи"),
    "err.bad_url": ("--url {value!r}: not a web address (give one starting http:// or https://)",
                    "--url {value!r}: это не веб-адрес (нужен адрес, начинающийся с http:// или "
                    "https://)"),
    "err.same_text": ("{path}: this text is already source {source} (sha256 {digest}…); nothing "
                      "was written",
                      "{path}: этот текст уже есть как источник {source} (sha256 {digest}…); "
                      "ничего не записано"),
    "err.no_date": ("{path}: no publication date found (no dateline or page date); give it with "
                    "--published YYYY-MM-DD (or YYYY-MM, YYYY)",
                    "{path}: дата публикации не найдена (нет ни даты в начале текста, ни даты "
                    "страницы); укажите её: --published ГГГГ-ММ-ДД (или ГГГГ-ММ, ГГГГ)"),
    "err.yearless": ("{path}: the dateline gives {day} but no year; give the year with "
                     "--published YYYY (or the full date YYYY-MM-DD)",
                     "{path}: в начале текста указано {day}, но без года; укажите год: "
                     "--published ГГГГ (или полную дату ГГГГ-ММ-ДД)"),
    "err.cannot_check": ("{where}: cannot be checked: {why}",
                         "{where}: проверить не удаётся: {why}"),
    "err.missing_extra": ("kzru add needs {missing}, which are not installed: run {extra}  (or, "
                          "in a checkout: pip install -e \".[curate]\")",
                          "kzru add нужны {missing}, они не установлены: выполните {extra}  "
                          "(или в клоне репозитория: pip install -e \".[curate]\")"),
    "err.not_source_in": ("--source {value!r} is not a source id in {folder}",
                          "--source {value!r}: в {folder} нет источника с таким id"),
    "err.not_row_in": ("{folder} has no {what} with the id {value!r}",
                       "{value!r}: в {folder} нет такого id ({what})"),
    "err.same_as_unknown": ("same_as names {id}, which is not a fact id",
                            "same_as называет {id}, но такого факта нет"),
    "err.same_as_own": ("same_as names {id}, a fact of the same source {source} (same_as joins "
                        "reports of different sources)",
                        "same_as называет {id} — факт того же источника {source} (same_as "
                        "связывает сообщения разных источников)"),
    "err.not_editable": ("cannot edit {field!r}; editable: {fields}",
                         "поле {field!r} не редактируется; можно: {fields}"),
    "err.no_event_to_retitle": ("{id} has no event to retitle (edit 'event' first)",
                                "у {id} нет события, которое можно переименовать (сначала event)"),
    "err.event_accepted": ("event {id} is already accepted: change its title in {path}",
                           "событие {id} уже принято: меняйте его название в {path}"),
    "err.event_needs_title": ("event {id} needs a title", "событию {id} нужно название"),
    "err.set_needs_accept": ("--set FIELD=VALUE applies to the drafts named by --accept ID",
                             "--set ПОЛЕ=ЗНАЧЕНИЕ относится к черновикам из --accept ID"),
    "err.bad_set": ("--set {pair!r}: give FIELD=VALUE with FIELD one of {fields}",
                    "--set {pair!r}: нужно ПОЛЕ=ЗНАЧЕНИЕ, где ПОЛЕ одно из: {fields}"),
    "err.not_draft": ("{id} is not a draft (review is {review})",
                      "{id} — не черновик (review: {review})"),
    "err.cannot_accept": ("cannot accept {id}: {problems}", "принять {id} нельзя: {problems}"),
    "err.reject_accepted": ("{id} is accepted, not a draft: kzru review rejects drafts only (edit "
                            "facts.csv to remove an accepted fact)",
                            "{id} уже принят, это не черновик: kzru review отклоняет только "
                            "черновики (чтобы убрать принятый факт, правьте facts.csv)"),
    "err.needs_summary": ("an accepted fact needs an English summary (edit it: summary)",
                          "принятому факту нужно английское краткое содержание (правка: "
                          "summary)"),
    "err.needs_sectors": ("an accepted fact needs its sectors (edit it: sectors)",
                          "принятому факту нужны отрасли (правка: sectors)"),
    "err.needs_status_word": ("its evidence shows no word of the status {status!r} (the lint's "
                              "rule for curated rows): change the status or the evidence",
                              "в его цитате нет слова статуса {status!r} (правило проверки для "
                              "принятых строк): измените статус или цитату"),
    "err.draft_parent": ("{field} {id} is still a draft: accept it first",
                         "{field} {id} — ещё черновик: сначала примите его"),
    # --- the command line ----------------------------------------------------------------
    "err.stdout_closed": ("standard output is closed: nowhere to write the output",
                          "стандартный вывод закрыт: выводить некуда"),
    "err.warning": ("warning: {text}", "предупреждение: {text}"),
    "err.aborted": ("aborted", "прервано"),
    "err.interrupted": ("interrupted", "прервано (Ctrl-C)"),
    "err.os": ("{path}: {why}", "{path}: {why}"),
    "err.pager_failed": ("the pager '{pager}' failed (exit {status}): the output may not have been "
                         "shown; --no-pager prints it without one",
                         "программа просмотра '{pager}' завершилась с ошибкой (код {status}): "
                         "вывод мог быть не показан; --no-pager печатает его без неё"),
    "err.cannot_write": ("cannot write the output: {why}", "не удаётся записать вывод: {why}"),
    "err.internal": ("internal error: {kind}: {error} (KZRU_DEBUG=1 shows the traceback)",
                     "внутренняя ошибка: {kind}: {error} (KZRU_DEBUG=1 покажет трассировку)"),
    "err.data_problems_one": ("{count} data problem found", "в данных найдена проблема: {count}"),
    "err.data_problems": ("{count} data problems found", "в данных найдено проблем: {count}"),
    "err.more_of_kind": ("… and {count} more of this kind ({kind}); kzru check --all-problems "
                         "lists every one",
                         "… и ещё {count} того же рода ({kind}); kzru check --all-problems "
                         "перечислит все"),
    "usage.see_help": (" (see '{command} --help')", " (см. '{command} --help')"),
    "usage.no_such_option": ("No such option: {option}", "нет такого параметра: {option}"),
    "usage.possible": (" (Possible options: {options})", " (возможно: {options})"),
    "usage.missing_argument": ("Missing argument {name}.", "не хватает аргумента {name}"),
    "usage.missing_option": ("Missing option {name}.", "не хватает параметра {name}"),
    "usage.bad_value": ("Invalid value for {name}: {why}", "недопустимое значение {name}: {why}"),
    "usage.empty_data": ("is empty; give the data folder (--data DIR) or leave the option out "
                         "for the bundled table",
                         "пусто; укажите папку данных (--data DIR) или не задавайте параметр, "
                         "чтобы читать встроенную таблицу"),
    "usage.empty_path": ("is empty; give a path", "пусто; укажите путь"),
    "usage.not_integer": ("{value!r} is not a valid integer.", "{value!r} — не целое число"),
    "usage.not_number": ("{value!r} is not a valid {kind}.", "{value!r} — не число"),
    "usage.not_in_range": ("{value} is not in the range {range}.",
                           "{value} вне допустимого диапазона {range}"),
    "usage.needs_value": ("Option {option!r} requires an argument.",
                          "параметру {option!r} нужно значение"),
    "usage.needs_values": ("Option {option!r} requires {count} arguments.",
                           "параметру {option!r} нужно значений: {count}"),
    "usage.takes_no_value": ("Option {option!r} does not take a value.",
                             "параметр {option!r} не принимает значения"),
    "usage.missing_command": ("Missing command.", "не указана команда"),
    "usage.no_such_command": ("No such command {name!r}.", "нет такой команды: {name!r}"),
    "usage.extra_arguments": ("Got unexpected extra argument(s) ({args})",
                              "лишние аргументы: {args}"),
    # --- the cache folder (a warning, once a run) ----------------------------------------
    "cache.other_owner": ("{what} is owned by another user (uid {uid})",
                          "{what}: принадлежит другому пользователю (uid {uid})"),
    "cache.writable": ("{what} is writable by other users (mode {mode})",
                       "{what}: запись разрешена другим пользователям (права {mode})"),
    "cache.folder": ("the cache folder", "папка кэша"),
    "cache.foreign_link": ("the cache folder is a link owned by another user",
                           "папка кэша — ссылка, принадлежащая другому пользователю"),
    "cache.open_parent": ("the folder holding the cache is writable by everyone",
                          "папка, в которой лежит кэш, доступна на запись всем"),
    "cache.foreign_parent": ("the folder holding the cache belongs to another user (uid {uid})",
                             "папка, в которой лежит кэш, принадлежит другому пользователю "
                             "(uid {uid})"),
    "cache.not_folder": ("the cache folder is not a folder", "папка кэша — не папка"),
    "cache.not_used": ("{problem}: {folder}; not using it, the index is built in memory (make it "
                       "yours and chmod 700, or set KZRU_CACHE_DIR)",
                       "{problem}: {folder}; кэш не используется, индекс строится в памяти "
                       "(сделайте папку своей и chmod 700 или задайте KZRU_CACHE_DIR)"),
    "cache.no_home": ("no home folder to keep the search index in; it is built in memory (set "
                      "KZRU_CACHE_DIR to keep it)",
                      "нет домашней папки для поискового индекса; он строится в памяти (чтобы "
                      "сохранять его, задайте KZRU_CACHE_DIR)"),
    "cache.not_regular": ("{path} is not a regular file", "{path} — не обычный файл"),
    "cache.untrusted": ("{problem}; not using the cache, the index is built in memory",
                        "{problem}; кэш не используется, индекс строится в памяти"),
}
