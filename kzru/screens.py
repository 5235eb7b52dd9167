"""The words of kzru check's report, kzru add's summary, kzru review's screens and what kzru
init and kzru export say they did, in English and Russian. Part of kzru's one table of
strings (kzru/labels.py says them).

Why a module of its own: only the curation commands show these, so no other command reads them
(``labels.label`` looks here for a ``check.``, ``add.`` or ``review.`` key; start-up is
measured). The English is what kzru prints; data inside (paths, ids, the articles' words) is
never translated. It imports nothing of kzru's.
"""

from __future__ import annotations

# key: (English, Russian)
STRINGS: dict[str, tuple[str, str]] = {
    # --- kzru check's report (stdout): the summary, conflicts, suggested links ------------
    "check.ok": ("ok: {folder}: {counts}{drafts}{checked}{warnings}",
                 "в порядке: {folder}: {counts}{drafts}{checked}{warnings}"),
    "check.count.sources": ("{count} sources", "источников: {count}"),
    "check.count.events": ("{count} events", "событий: {count}"),
    "check.count.facts": ("{count} facts", "фактов: {count}"),
    "check.count.sectors": ("{count} sectors", "отраслей: {count}"),
    "check.count.glossary": ("{count} glossary", "записей глоссария: {count}"),
    "check.drafts": (" ({count} of them drafts)", " (из них черновиков: {count})"),
    "check.verbatim": ("; {count} evidence excerpts found verbatim in {folder}",
                       "; цитат, найденных дословно в {folder}: {count}"),
    "check.not_checked": ("; {unchecked} not checked: no article in that folder for {count} "
                          "sources ({shown})",
                          "; не проверено: {unchecked} — в этой папке нет статей источников "
                          "({count}: {shown})"),
    "check.warnings_one": ("; 1 warning", "; предупреждений: 1"),
    "check.warnings": ("; {count} warnings", "; предупреждений: {count}"),
    "check.conflicts_one": ("1 conflict between facts marked the same (same_as):",
                            "1 расхождение между фактами, отмеченными как одно и то же "
                            "(same_as):"),
    "check.conflicts": ("{count} conflicts between facts marked the same (same_as):",
                        "расхождений между фактами, отмеченными как одно и то же (same_as): "
                        "{count}:"),
    "check.conflict": ("  {where}: {fact} vs {other}: {message}",
                       "  {where}: {fact} и {other}: {message}"),
    "check.differ.date": ("dates differ: {ours} in {source}, {theirs} in {other_source}",
                          "даты расходятся: {ours} в {source}, {theirs} в {other_source}"),
    "check.differ.value": ("values differ: {ours} in {source}, {theirs} in {other_source}",
                           "значения расходятся: {ours} в {source}, {theirs} в "
                           "{other_source}"),
    "check.differ.status": ("statuses differ: {ours} in {source}, {theirs} in {other_source}",
                            "статусы расходятся: {ours} в {source}, {theirs} в "
                            "{other_source}"),
    "check.suggested": ("{count} suggested follows links (none is written; add the earlier id "
                        "to the later fact's follows column to accept one):",
                        "предлагаемых связей follows: {count} (ничего не записано; чтобы "
                        "принять связь, добавьте более ранний id в столбец follows более "
                        "позднего факта):"),
    "check.suggestion": ("  {later}  follows?  {earlier}  [{before} → {after}; {reasons}]",
                         "  {later}  продолжает?  {earlier}  [{before} → {after}; {reasons}]"),
    "check.state": ("{status} {date}", "{status} {date}"),
    "check.reason.names": ("names: {items}", "имена: {items}"),
    "check.reason.words": ("words: {items}", "слова: {items}"),
    "check.reason.sectors": ("sectors: {items}", "отрасли: {items}"),
    # --- kzru review's screens (the words around the data; the data stays as it is) -------
    "review.decided": ("{accepted} accepted, {rejected} rejected in {folder}",
                       "принято: {accepted}, отклонено: {rejected} в {folder}"),
    "review.col.draft": ("Draft", "Черновик"),
    "review.col.kind": ("Kind", "Вид"),
    "review.col.sentence": ("Sentence", "Предложение"),
    "review.none": ("no drafts to review in {folder}", "в {folder} нет черновиков на проверку"),
    "review.not_shown": ("Not shown: {columns} — widen the window, or --format json",
                         "Скрыто: {columns} — расширьте окно или --format json"),
    "review.waiting": ("{count} drafts waiting; kzru review --data {folder} to decide them at "
                       "a terminal",
                       "черновиков на проверке: {count}; решить их в терминале: kzru review "
                       "--data {folder}"),
    "review.held": ("{folder} is held for this review: kzru add and other reviews of it are "
                    "refused until you quit",
                    "{folder} занята этой проверкой: kzru add и другие проверки этой папки "
                    "получат отказ, пока вы не выйдете"),
    "review.actions": ("[a]ccept  [e]dit  [r]eject  [s]kip  [q]uit",
                       "[a] принять  [e] править  [r] отклонить  [s] пропустить  [q] выйти"),
    "review.ask_summary": ("English summary", "краткое содержание по-английски"),
    "review.ask_sectors": ("sectors (ids separated by '; ')", "отрасли (id через '; ')"),
    "review.ask_same": ("same fact as {id} ({source})? [y/N]",
                        "тот же факт, что {id} ({source})? [y/N]"),
    "review.accepted": ("accepted", "принят"),
    "review.rejected": ("rejected", "отклонён"),
    "review.quit": ("{done} decided; {left} left for next time",
                    "решено: {done}; осталось на следующий раз: {left}"),
    "review.type_one": ("type one of: {actions}", "введите одно из: {actions}"),
    "review.cancelled": ("cancelled (Ctrl-D): nothing changed for this draft",
                         "отменено (Ctrl-D): в этом черновике ничего не изменилось"),
    "review.undone": ("{error} (nothing saved: this draft's edits are undone)",
                      "{error} (ничего не сохранено: правки этого черновика отменены)"),
    "review.all_seen": ("all {total} drafts seen; {done} decided",
                        "просмотрены все черновики ({total}); решено: {done}"),
    "review.left": ("; {count} left for next time", "; осталось на следующий раз: {count}"),
    "review.draft_of": ("draft {number} of {total}: {id}", "черновик {number} из {total}: {id}"),
    "review.status": ("status  {status}   ({decided})", "статус  {status}   ({decided})"),
    "review.cue": ("cue: {cue}", "подсказка: {cue}"),
    "review.no_cue": ("no cue", "подсказки нет"),
    "review.kind": ("kind    {kind}   (word: {word})", "вид     {kind}   (слово: {word})"),
    "review.date": ("date    {date} ({basis}){note}", "дата    {date} ({basis}){note}"),
    "review.event": ("event   {id}: {title}{proposed}", "событие {id}: {title}{proposed}"),
    "review.proposed": (" (proposed: edit event_title to rename it)",
                        " (предложено: чтобы переименовать, правьте event_title)"),
    "review.no_event": ("event   -", "событие -"),
    "review.proposes": ("proposes {id}: {title}   ({kind}, {date}, places: {places}){how}",
                        "предлагает {id}: {title}   ({kind}, {date}, места: {places}){how}"),
    "review.proposes_draft": (" — accepted with this draft (edit proposes_title to rename it, "
                              "or proposes, left empty, to decline it)",
                              " — принимается вместе с черновиком (чтобы переименовать, "
                              "правьте proposes_title; чтобы отказаться — proposes без "
                              "значения)"),
    "review.proposes_curated": (" — already accepted: this draft's source is listed on it",
                                " — уже принято: источник черновика будет указан в нём"),
    "review.proposed_accepted": ("{id} proposes {event} ({title}): accepted with it",
                                 "{id} предлагает {event} ({title}): принято вместе с ним"),
    "review.list_event": (" [event {id}: {title}{draft}]", " [событие {id}: {title}{draft}]"),
    "review.list_event_draft": (", a draft: accepted with this draft",
                                ", черновик: принимается вместе с ним"),
    "review.list_proposes": (" [proposes {id}: {title}, {date}]",
                             " [предлагает {id}: {title}, {date}]"),
    "review.sectors": ("sectors {sectors}   speaker: {speaker}",
                       "отрасли {sectors}   говорящий: {speaker}"),
    "review.names": ("names   {names}   (first named: {entity})",
                     "имена   {names}   (названо первым: {entity})"),
    "review.value": ("value   {value}", "цифра   {value}"),
    "review.evidence": ("evidence «{evidence}»", "цитата  «{evidence}»"),
    "review.same_as": ("same as {ids} (as edited)", "тот же, что {ids} (после правки)"),
    "review.same_as_asked": ("same as? {id} ({source}, {date}): {text} — asked when you accept",
                             "тот же? {id} ({source}, {date}): {text} — спросим при принятии"),
    "review.summary": ("summary {summary}", "кратко  {summary}"),
    "review.no_summary": ("(none yet)", "(пока нет)"),
    "review.fields": ("fields: {fields}; 'field: value' per line, empty line ends",
                      "поля: {fields}; «поле: значение» на строке, пустая строка — конец"),
    "review.edit": ("edit", "правка"),
    "review.unknown_field": ("unknown field {field!r}", "неизвестное поле {field!r}"),
    "review.edited": ("edited (saved when you accept):", "изменено (сохранится при принятии):"),
    "review.edits_dropped": ("{id}: its edits are not saved (only accept saves them)",
                             "{id}: правки не сохранены (их сохраняет только принятие)"),
    # --- kzru add's summary ---------------------------------------------------------------
    "add.links_one": ("skipped 1 symbolic link ({names}): a folder's links are not read, so no "
                      "file from elsewhere is copied into the data; add the file a link leads "
                      "to by its own path",
                      "пропущена символическая ссылка ({names}): ссылки в папке не читаются, "
                      "чтобы в данные не попал файл откуда-то ещё; добавьте файл, на который "
                      "ведёт ссылка, по его собственному пути"),
    "add.links": ("skipped {count} symbolic links ({names}): a folder's links are not read, so "
                  "no file from elsewhere is copied into the data; add the file a link leads to "
                  "by its own path",
                  "пропущено символических ссылок: {count} ({names}): ссылки в папке не "
                  "читаются, чтобы в данные не попал файл откуда-то ещё; добавьте файл, на "
                  "который ведёт ссылка, по его собственному пути"),
    "add.drafting": ("drafting", "черновики"),
    "add.loading": ("loading the language models…", "загрузка языковых моделей…"),
    "add.title": ("Drafted into {folder}", "Черновики записаны в {folder}"),
    "add.col.source": ("Source", "Источник"),
    "add.col.sentences": ("Sentences", "Предложений"),
    "add.col.drafts": ("Drafts", "Черновиков"),
    "add.col.statuses": ("By status", "По статусам"),
    "add.col.kinds": ("By kind", "По видам"),
    "add.col.events": ("Events linked/proposed", "События связаны/предложены"),
    "add.col.corroborations": ("same_as proposed", "Предложено same_as"),
    "add.col.skipped": ("Skipped", "Пропущено"),
    "add.col.seconds": ("Seconds", "Секунд"),
    # why a sentence was skipped (the reasons are kzru.curate.draft's FORMULA and TOO_LONG)
    "add.reason.formula start": ("formula start", "начало как у формулы"),
    "add.reason.longer than 2,000 characters": ("longer than 2,000 characters",
                                                "длиннее 2000 знаков"),
    "add.reason.third countries only": ("third countries only", "только третьи страны"),
    "add.why.third countries only": ("a sentence naming only other countries, no side of "
                                     "Kazakhstan–Russia relations",
                                     "предложение только о других странах, без сторон "
                                     "казахстанско-российских отношений"),
    "add.why.formula start": ("a sentence starting with =, +, - or @ would be a spreadsheet "
                              "formula verbatim",
                              "предложение, начинающееся с =, +, - или @, дословно было бы "
                              "формулой электронной таблицы"),
    "add.why.longer than 2,000 characters": ("a sentence that long is a list or a table kept "
                                             "as text",
                                             "такое длинное предложение — это список или "
                                             "таблица, сохранённые как текст"),
    "add.skipped": (" skipped: {reasons} — {whys}; add it by hand if it matters.",
                    " пропущено: {reasons} — {whys}; если это важно, добавьте вручную."),
    "add.done": ("{drafts} {drafts_noun} from {articles} {articles_noun} in {seconds} s.{said} "
                 "Next: kzru review --data {folder}",
                 "черновиков: {drafts}, статей: {articles}, за {seconds} с.{said} Дальше: kzru "
                 "review --data {folder}"),
    "add.draft": ("draft", "черновик"),
    "add.drafts": ("drafts", "черновики"),
    "add.article": ("article", "статья"),
    "add.articles": ("articles", "статьи"),
    # --- kzru add's notes on a draft (how it chose the status, how it dated the sentence),
    # made as these labels by the drafter and kept so in its review notes: review says them
    # in the reader's language; the table's date_note holds the English
    "draft.why.outlet": ("no cue: the outlet reports it", "подсказки нет: сообщает издание"),
    "draft.why.signing": ("the signing of «{word}»", "подписание «{word}»"),
    "draft.why.describes": ("«{cue}» describes (a {kind}): reported",
                            "«{cue}» описывает ({kind}): сообщается"),
    "draft.article_date": ("the article's date ({date})", "даты статьи ({date})"),
    "draft.year.before": ("the year before the article's ({year}), as the day is past",
                          "год до года статьи ({year}), так как этот день уже прошёл"),
    "draft.year.after": ("the year after the article's ({year}), as the day is to come",
                         "год после года статьи ({year}), так как этот день ещё впереди"),
    "draft.year.same": ("the article's year ({year})", "год статьи ({year})"),
    "draft.note.day_no_year": ("«{said}» names the day without a year: {how}.",
                               "«{said}» — день без года: {how}."),
    "draft.note.month_no_year": ("«{said}» names the month without a year: {how}.",
                                 "«{said}» — месяц без года: {how}."),
    "draft.note.after_saying": ("«{said}» names no year: the one to come after the saying "
                                "(«{saying}»), in {year}.",
                                "«{said}» — без года: ближайший после заявления («{saying}»), "
                                "в {year} году."),
    "draft.note.as_saying": ("«{said}» names no year, and the saying («{saying}») does not "
                             "settle which: dated as the saying.",
                             "«{said}» — без года, и время заявления («{saying}») не "
                             "решает, какого: датировано как заявление."),
    "draft.note.year_from": ("«{said}»: the year from {article}.",
                             "«{said}»: год взят из {article}."),
    "draft.note.against": ("«{said}» against {article}.", "«{said}» — относительно {article}."),
    "draft.note.counted": ("«{said}» counted from {article}.",
                           "«{said}» — отсчитано от {article}."),
    "draft.note.week": ("«{said}» is the week of {monday}–{sunday}, counted from {article}; the "
                        "text gives no day.",
                        "«{said}» — неделя {monday}–{sunday}, отсчитанная от {article}; дня в "
                        "тексте нет."),
    "draft.note.week_months": ("«{said}» is the week of {monday}–{sunday}, counted from "
                               "{article}, across two months; the text gives no day.",
                               "«{said}» — неделя {monday}–{sunday}, отсчитанная от {article}, "
                               "на стыке двух месяцев; дня в тексте нет."),
    "draft.note.deadline": ("«{said}» is a deadline: dated to the period's last month "
                            "({month}), inferred; the text gives no day.",
                            "«{said}» — крайний срок: дата — последний месяц периода "
                            "({month}), выведена; дня в тексте нет."),
    "draft.note.period": ("«{said}» is the months {first}–{last}: the text names no month, so "
                          "the fact is dated to its year.",
                          "«{said}» — месяцы {first}–{last}: месяца в тексте нет, поэтому "
                          "дата — год."),
    "draft.note.year_end": ("«{said}» is a deadline in {year} (counted from {article}): dated "
                            "to its year.",
                            "«{said}» — крайний срок в {year} году (отсчитано от {article}): "
                            "дата — год."),
    "draft.season.from": ("counted from {article}", "отсчитано от {article}"),
    "draft.note.season": ("«{said}» is the season of months {months} of {year} ({how}); the "
                          "text names no month, so the fact is dated to its year.",
                          "«{said}» — сезон, месяцы {months} {year} года ({how}); месяца в "
                          "тексте нет, поэтому дата — год."),
    "draft.note.season_stated": ("«{said}» is the season of months {months} of {year}; the "
                                 "text names no month, so the fact is dated to its year.",
                                 "«{said}» — сезон, месяцы {months} {year} года; месяца в "
                                 "тексте нет, поэтому дата — год."),
    "draft.note.weekday_last": ("«{said}» is the last such day of the week up to {article}; "
                                "the text gives no date.",
                                "«{said}» — последний такой день недели до {article} "
                                "включительно; даты в тексте нет."),
    "draft.note.weekday_next": ("«{said}» is the next such day of the week from {article}; the "
                                "text gives no date.",
                                "«{said}» — ближайший такой день недели начиная с {article}; "
                                "даты в тексте нет."),
    "draft.note.that_day": ("«{said}» refers to the day named before it ({day}); the text "
                            "gives no date of its own.",
                            "«{said}» отсылает к дню, названному раньше ({day}); своей даты в "
                            "тексте нет."),
    "draft.note.that_time": ("«{said}» refers to the time named before it ({date}, "
                             "{precision}); the text gives no date of its own.",
                             "«{said}» отсылает ко времени, названному раньше ({date}, "
                             "{precision}); своей даты в тексте нет."),
    # a status that says something happened, with a date after the article: the date is the
    # deed's (kzru.curate.accepts), the fact is dated as of the article
    "draft.note.deed_later": ("The date the text gives ({date}) is of what is still to be "
                              "done: it is {status} as of the article.",
                              "Дата в тексте ({date}) относится к тому, что ещё предстоит: "
                              "на дату статьи — {status}."),
    "draft.note.deed_later_how": ("The date the text gives ({date}) is of what is still to be "
                                  "done: it is {status} as of the article. {how}",
                                  "Дата в тексте ({date}) относится к тому, что ещё "
                                  "предстоит: на дату статьи — {status}. {how}"),
    "draft.why.unshown": ("«{cue}» reads as {status}, but the evidence holds no cue word of "
                          "that status: {read}, for the reviewer to check",
                          "«{cue}» читается как {status}, но в цитате нет слова-подсказки "
                          "этого статуса: {read}, решает рецензент"),
    "draft.note.later": ("«{said}» places it after the time named before it ({date}, "
                         "{precision}) without saying when: dated as of the article.",
                         "«{said}» — позже времени, названного раньше ({date}, {precision}), "
                         "но когда именно, не сказано: дата — дата статьи."),
    "draft.note.moved": ("The text says it was moved to «{new}» from «{old}» ({day}), the "
                         "date first set.",
                         "По тексту перенесено на «{new}» с «{old}» ({day}) — первоначально "
                         "назначенной даты."),
    "draft.note.moved_how": ("The text says it was moved to «{new}» from «{old}» ({day}), the "
                             "date first set. {how}",
                             "По тексту перенесено на «{new}» с «{old}» ({day}) — "
                             "первоначально назначенной даты. {how}"),
    "draft.note.moved_to": ("The text says it was moved to «{new}»; the date first set is "
                            "the one told before.",
                            "По тексту перенесено на «{new}»; первоначальная дата — "
                            "названная раньше."),
    "draft.note.moved_to_how": ("The text says it was moved to «{new}»; the date first set is "
                                "the one told before. {how}",
                                "По тексту перенесено на «{new}»; первоначальная дата — "
                                "названная раньше. {how}"),
    "draft.note.moved_event": ("{moved} It was first set for {day}.",
                               "{moved} Первоначально назначено на {day}."),
    "draft.note.continues": ("No date of its own: it continues the sentence before it in the "
                             "paragraph, dated ({date}, {precision}).",
                             "Своей даты нет: продолжает предыдущее предложение абзаца, "
                             "датированное ({date}, {precision})."),
    # --- how kzru add dated an article and kept its link (a source's published_note and
    # url_note: the table holds the English, review.json the label, kzru.curate.notes)
    "draft.source.dateline": ("The dateline at the top of the text ({said}).",
                              "Дата в начале текста ({said})."),
    "draft.source.given": ("Given with --published when the article was added.",
                           "Указана через --published при добавлении статьи."),
    "draft.source.page_date": ("The page's publication date (its metadata, read by htmldate).",
                               "Дата публикации страницы (из её метаданных, прочитана "
                               "htmldate)."),
    "draft.source.day_given": ("The dateline at the top of the text ({said}) gives the day; the "
                               "year is the {year} given with --published.",
                               "День — из даты в начале текста ({said}); год — {year}, указанный "
                               "через --published."),
    "draft.source.day_page": ("The dateline at the top of the text ({said}) gives the day; the "
                              "year is the {year} of the page.",
                              "День — из даты в начале текста ({said}); год — {year}, из "
                              "страницы."),
    "draft.source.dateline_not_page": ("The dateline at the top of the text ({said}); the "
                                       "page's date markup says {page}, but the article's own "
                                       "words are taken.",
                                       "Дата в начале текста ({said}); в разметке страницы — "
                                       "{page}, но взята дата из слов самой статьи."),
    "draft.source.day_not_page": ("The dateline at the top of the text ({said}) gives the day; "
                                  "the year, {year}, puts it nearest the page's date markup, "
                                  "which says {page}.",
                                  "День — из даты в начале текста ({said}); год — {year}: так "
                                  "она ближе всего к дате в разметке страницы, {page}."),
    "draft.source.page_not_dateline": ("The page's publication date (its metadata, read by "
                                       "htmldate); the dateline at the top of the text ({said}) "
                                       "gives no year and no day within a month of it, so it is "
                                       "not taken: to be checked.",
                                       "Дата публикации страницы (из её метаданных, прочитана "
                                       "htmldate); дата в начале текста ({said}) без года и "
                                       "отстоит от неё больше чем на месяц, поэтому не взята: "
                                       "проверьте."),
    "draft.source.bad_link": ("The page named a link that is not an http(s) address; it was not "
                              "kept.",
                              "Страница указала ссылку, которая не является адресом http(s); "
                              "она не сохранена."),
    # --- what kzru init and kzru export say they did (stdout) ----------------------------
    "init.created": ("created {folder}: {what}; add articles with: kzru add FILE --data "
                     "{argument}",
                     "создана папка {folder}: {what}; добавить статьи: kzru add FILE --data "
                     "{argument}"),
    "init.empty": ("the schema, sectors and glossary", "схема, отрасли и глоссарий"),
    "init.copy": ("a copy of the bundled table", "копия встроенной таблицы"),
    "export.package": ("wrote {count} files to {folder}: {files}",
                       "в {folder} записано файлов: {count} ({files})"),
    # table and view names are SQL's, typed as they are
    "export.count": ("{count} {name}", "{name}: {count}"),
    "export.database": ("wrote {target}: {counts}; full-text search in facts_fts; views: {views}",
                        "записан {target}: {counts}; полнотекстовый поиск — facts_fts; "
                        "представления: {views}"),
}
