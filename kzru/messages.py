"""Errors kzru raises, in English and Russian: a value not understood, a refused add, review
or init, the command line parser's own errors. Part of kzru's one table of strings
(kzru/labels.py says them).

Why a part of its own: these strings are needed only when something goes wrong, so they are
read on that path alone (``labels.label`` looks here for an ``err.`` or ``usage.`` key) and
cost a successful run no start-up time. The problems a data check reports are in
kzru/data_messages.py; the errors about what is on disk (files, folders, the folder lock,
the write journal) and the cache folder's warnings in kzru/messages_disk.py. It imports
nothing of kzru's.

Keys: ``err.`` errors kzru raises, ``usage.`` the command line parser's own errors (rebuilt from
the exception, see kzru/cli.py). The English is the message exactly as kzru prints it; the
Russian says the same in its own words. Fields that hold data (paths, ids, values typed) are
never translated; fields that hold another message are.
"""

from __future__ import annotations

# key: (English, Russian); the errors about files, folders, the folder lock, the write
# journal and the cache folder are kzru/messages_disk.py's
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
    "err.invisible_in_article": ("{where}: {code} ({name}) in the article ({count} in all): "
                                 "kzru's tables refuse invisible characters; remove them and "
                                 "add it again",
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
    # --- the command line ----------------------------------------------------------------
    "err.stdout_closed": ("standard output is closed: nowhere to write the output",
                          "стандартный вывод закрыт: выводить некуда"),
    "err.warning": ("warning: {text}", "предупреждение: {text}"),
    "err.aborted": ("aborted", "прервано"),
    "err.interrupted": ("interrupted", "прервано (Ctrl-C)"),
    "err.drafts_hidden": ("{count} drafts under review are not shown: --drafts shows them, "
                           "kzru review --data {folder} decides them",
                           "черновики на проверке ({count}) не показаны: их показывает "
                           "--drafts, решает kzru review --data {folder}"),
    "err.terminated": ("terminated (SIGTERM)", "остановлено сигналом SIGTERM"),
    "err.hung_up": ("hung up (SIGHUP)", "остановлено: терминал закрыт (SIGHUP)"),
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
}
