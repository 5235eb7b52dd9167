"""Errors about what is on disk, in English and Russian: a file or folder that cannot be read
or written or is not what kzru reads (a link, a FIFO, too big), the folder lock and the
write journal, the cache folder's warnings. A part of kzru's one table of strings
(kzru/labels.py says them; ``labels.label`` looks here for an ``err.`` key after
kzru/messages.py, and for a ``cache.`` key).

Why a part of its own: these messages change with how kzru reads and writes files (files.py,
journal.py, writer.py, cache.py), the rest with the values and commands a person types. It
imports nothing of kzru's.
"""

from __future__ import annotations

# key: (English, Russian)
STRINGS: dict[str, tuple[str, str]] = {
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
    "err.finished_write": ("{folder}: finished a write a stopped kzru left, from its journal "
                           "(files: {count})",
                           "{folder}: завершена запись, оставленная остановленным kzru, по его "
                           "журналу (файлов: {count})"),
    "err.undid_write": ("{folder}: undid a write a stopped kzru left, from its journal "
                        "(files: {count})",
                        "{folder}: отменена запись, оставленная остановленным kzru, по его "
                        "журналу (файлов: {count})"),
    "err.removed_staged": ("{path}: removed: the new file that write had put there",
                           "{path}: удалён: новый файл, который эта запись туда положила"),
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
    "err.page_too_many_elements": ("{path}: the page has {count} elements, more than the "
                                   "{limit} kzru add reads from one page",
                                   "{path}: на странице {count} элементов — больше {limit}, "
                                   "которые kzru add читает с одной страницы"),
    "err.page_too_deep": ("{path}: the page nests its elements more than {depth} deep, too deep "
                          "to be read",
                          "{path}: элементы страницы вложены глубже {depth} уровней — "
                          "прочитать её нельзя"),
    "err.bad_url": ("--url {value!r}: not a web address (give one starting http:// or https://)",
                    "--url {value!r}: это не веб-адрес (нужен адрес, начинающийся с http:// или "
                    "https://)"),
    "err.same_text": ("{path}: this text is already source {source} (sha256 {digest}…); nothing "
                      "was written",
                      "{path}: этот текст уже есть как источник {source} (sha256 {digest}…); "
                      "ничего не записано"),
    "err.same_text_trimmed": ("{path}: this text is already source {source} (sha256 {digest}…) "
                              "but for blank lines or spaces at line ends; nothing was written",
                              "{path}: этот текст уже есть как источник {source} (sha256 "
                              "{digest}…), он отличается лишь пустыми строками или пробелами в "
                              "концах строк; ничего не записано"),
    "err.impossible_dateline": ("{where}: the dateline's date «{said}» names a day that does not "
                                "exist; give the date with --published YYYY-MM-DD (or YYYY-MM, "
                                "YYYY)",
                                "{where}: дата в начале текста «{said}» называет день, которого "
                                "нет в календаре; укажите дату в --published ГГГГ-ММ-ДД (или "
                                "ГГГГ-ММ, ГГГГ)"),
    "err.dropped_in_page": ("{where}: {code} ({name}) in {part} ({count} in all): reading the "
                            "page would drop it without a word, and kzru's tables refuse "
                            "control and invisible characters; remove it from the page and add "
                            "it again",
                            "{where}: {code} ({name}) в {part} (всего {count}): при чтении "
                            "страницы он пропал бы без следа, а таблицы kzru не принимают "
                            "управляющих и невидимых символов; удалите его со страницы и "
                            "добавьте её снова"),
    "err.page_part.text": ("the page's article text", "тексте статьи на странице"),
    "err.page_part.title": ("the page's headline", "заголовке страницы"),
    "err.page_part.publisher": ("the page's site name", "названии сайта на странице"),
    "err.page_part.url": ("the page's canonical link", "канонической ссылке страницы"),
    "err.dateline_not_page": ("{path}: the page's date markup says {page}, its dateline «{said}»; "
                              "the dateline, the article's own words, is taken (the source's "
                              "note says so; --published overrides both)",
                              "{path}: в разметке страницы дата {page}, в начале текста — "
                              "«{said}»; взята дата из слов статьи (так сказано в примечании "
                              "источника; --published заменяет обе)"),
    "err.page_not_dateline": ("{path}: the page's date markup says {page}, its dateline «{said}», "
                              "with no year and more than a month from it; the markup's date is "
                              "kept: check it, or give --published",
                              "{path}: в разметке страницы дата {page}, в начале текста — "
                              "«{said}», без года и дальше чем на месяц от неё; оставлена дата "
                              "разметки: проверьте её или укажите --published"),
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
    "err.no_proposal_to_retitle": ("{id} proposes no event to retitle (only an invitation "
                                   "proposes one: its 'proposes')",
                                   "{id} не предлагает события, которое можно переименовать "
                                   "(предлагает его только приглашение: proposes)"),
    "err.event_accepted": ("event {id} is already accepted: change its title in {path}",
                           "событие {id} уже принято: меняйте его название в {path}"),
    "err.event_needs_title": ("event {id} needs a title", "событию {id} нужно название"),
    "err.set_needs_accept": ("--set FIELD=VALUE applies to the drafts named by --accept ID",
                             "--set ПОЛЕ=ЗНАЧЕНИЕ относится к черновикам из --accept ID"),
    "err.bad_set": ("--set {pair!r}: give FIELD=VALUE with FIELD one of {fields}",
                    "--set {pair!r}: нужно ПОЛЕ=ЗНАЧЕНИЕ, где ПОЛЕ одно из: {fields}"),
    "err.accept_and_reject": ("{id} is given to both --accept and --reject; give it to one of "
                              "them; nothing was changed",
                              "{id} указан и в --accept, и в --reject; укажите его в одном из "
                              "них; ничего не изменено"),
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
    "err.cannot_build_index": ("cannot build the search index, even in memory: {why}",
                               "не удаётся построить поисковый индекс даже в памяти: {why}"),
    "cache.untrusted": ("{problem}; not using the cache, the index is built in memory",
                        "{problem}; кэш не используется, индекс строится в памяти"),
    "cache.kept_untrusted": ("{problem}; not using it, the answer is worked out afresh",
                             "{problem}; файл не используется, ответ строится заново"),
}
