"""`kzru --help` in Russian: each command's description, each option's and argument's help, and
click's own headings, for a reader who asked for Russian (--lang ru or KZRU_LANG=ru).

Why a module of its own, imported only when Russian help is printed: help texts are long, and
a run that prints no help must not pay for reading them (start-up is measured, README
"start-up"). Option help is keyed by its English text, so an English help changed without its
Russian fails tests/test_lang_ru.py instead of printing English under --lang ru; a command's
description is keyed by the command's name. The examples stay as they are: they are typed.
"""

from __future__ import annotations

from typing import Any

COMMANDS: dict[str, str] = {
    "kzru": "kzru: справочник фактов об отношениях Казахстана и России. Визиты, соглашения, "
            "проекты и цифры из новостных статей, у каждого факта — дословная цитата-"
            "подтверждение.",
    "visits": "Визиты, переговоры, саммиты и форумы по порядку дат: даты, вид и маршрут, "
              "название и id, места, сколько в событии фактов и его источники. Фильтр можно "
              "повторить — подойдёт любое из значений; разные фильтры должны выполняться "
              "все.\n\nВ узком окне первым скрывается столбец источников, затем мест, затем "
              "вид.",
    "search": "Факты по релевантности: совпадают словоформы, обе письменности, синонимы и "
              "опечатки.\n\nБалл задаёт порядок списка: насколько хорошо факт совпадает (каждое "
              "слово весит тем больше, чем оно реже), умноженное на долю совпавших слов "
              "запроса, так что выше стоят факты, где совпало больше слов. Слово, не "
              "совпавшее ни с чем, называется («ничего не нашлось для: …»), и пустой результат "
              "бывает, только если не совпало ни одно слово. Слова, которого нет в таблице, "
              "ищутся через родственные (нефтепровод → нефть) и ранжируются ниже прямых "
              "совпадений. Год или слово статуса в запросе фильтруют (`соглашения 2022`, `what "
              "was signed`): год — это дата самого факта, а факт, датированный только по "
              "статье, получает 0,6 своего совпадения и пометку «сообщено в 2025» (в JSON, "
              "CSV и TSV — reported_in). Глагол о том, что событие было (открыли, "
              "состоялись), ставит первыми состоявшиеся факты; с отрицанием (не "
              "состоялись) он их исключает. Если статус не оставил ничего, "
              "показываются ближайшие факты других статусов, и заголовок об этом говорит "
              "(--strict-filters: без ослабления). Место — это где прошло событие или "
              "случился факт, а не название, в котором оно есть (Astana Hub). Человек рядом с "
              "темой — сначала его собственные высказывания о ней. Месяцы, даты, "
              "виды, места, события и отрасли влияют на порядок.\n\nОператоры: -слово "
              "исключает факты, которые говорят это слово или его называют (не те, что лишь "
              "цитируют его); \"два слова\" в кавычках должны стоять рядом, в любой форме; "
              "a OR b — любое из двух. КПП, АЭС, NGO… читаются как то, что они означают. "
              "Весь запрос берите в кавычки оболочки: "
              "kzru search 'газ -транзит'. Заголовок таблицы («запрос понят как:») говорит, "
              "как прочитан запрос. Выводятся лучшие совпадения (10, если не задан --limit), "
              "лучшие первыми, с баллом; --sort date или id упорядочивает все совпадения и "
              "потом обрезает.",
    "facts": "Все факты, новые первыми, суженные заданными фильтрами: дата, статус, отрасли и "
             "краткое содержание с id; части пакета — сразу после пакета.",
    "sectors": "Отрасли с числом фактов; факты одной отрасли по событиям; или матрица отрасль "
               "× событие.\n\nФакты одной отрасли принимают все фильтры kzru facts (ИЛИ "
               "внутри фильтра, И между фильтрами; --sector тогда оставляет факты, входящие "
               "ещё и в одну из этих отраслей). Каждый пункт считается один раз: части пакета "
               "повторно не считаются. В узком окне первым скрывается столбец «Последний», "
               "затем «Первый», «События» и название отрасли.",
    "show": "Факты или события целиком: все поля, цитата, источник, событие и связанные "
            "факты; у пакета — его части; у события — его факты.",
    "sources": "Статьи, из которых составлена таблица: издатель, дата и сколько фактов дала "
               "каждая.\n\nВ узком окне первым скрывается столбец файла, затем даты "
               "публикации. Статья без фактов (фактов 0: черновиков из неё не было, её "
               "черновики все отклонены при проверке, или её указывает только событие) "
               "остаётся в списке: её строка не даёт добавить тот же текст снова; под "
               "таблицей об этом сказано.",
    "timeline": "Подходящие факты по порядку дат (новые последними; --reverse: первыми), по "
                "событиям: как тема шла от визита к визиту. Для каждого события — своя "
                "таблица с датами в заголовке.\n\nФакты вне событий стоят между событиями "
                "по своим датам.",
    "brief": "Событие на одной странице: подписано, договорились, выполнено, запланировано, "
             "ожидается и предложено — по отраслям; цифры; что нового с прошлой встречи "
             "такого рода; пронумерованные источники.",
    "track": "Договорённости, планы, прогнозы, текущая работа, подписанные документы и "
             "вопросы, обсуждавшиеся на встречах, — каждый с более поздними фактами о нём и "
             "вердиктом: выполнено, в работе, подтверждено снова — не завершено, названо "
             "снова — работает (учреждение снова названо открытым или работающим), "
             "затронуто снова (тема, которую только обсуждали, обсуждается снова), "
             "подтвердилось / подтвердилось частично / не упомянуто / не названо (прогнозы "
             "обзора против отчёта о визите), на визите не затронуто / в таком виде не "
             "затронуто (фон обзора), "
             "более поздних сообщений нет, не связано (рядом — более поздние факты, которые, "
             "возможно, о нём сообщают, см. также) или последнее сообщение (новее ничего нет).",
    "cite": "Одна ссылка на статью, под ней — каждый цитируемый факт: его id как указатель "
            "места и его цитата (единственный дословный текст).\n\ntext (по умолчанию): "
            "ссылки для вставки, по ширине терминала. md: список Markdown с ключом pandoc "
            "для каждой статьи ([@key]). json / jsonl: CSL-JSON, по элементу на статью, для "
            "Zotero, Mendeley или pandoc --citeproc; цитируемые факты — в примечании "
            "элемента. bibtex: записи BibLaTeX (@article или @online, если издание не "
            "названо).",
    "export": "Вся таблица как база SQLite для Datasette, sqlite3 или DuckDB: по таблице на "
              "каждый CSV, таблицы связей для полей-списков, полнотекстовый поиск по фактам и "
              "представления, например documents_signed_per_visit и "
              "facts_per_sector_and_visit. С --csv DIR — сам пакет данных, для программ, "
              "читающих CSV.",
    "check": "Проверяет папку данных, предупреждает, где цитата не подтверждает статус; с "
             "--sources сверяет каждую цитату со статьёй.",
    "init": "Создаёт вашу собственную папку данных, в которую пишут kzru add и kzru review "
            "(во встроенную таблицу kzru не пишет никогда). Используйте её с --data DIR или "
            "KZRU_DATA=DIR.",
    "add": "Читает статьи, регистрирует каждую как источник (текст, добавленный раньше, не "
           "принимается) и по предложениям составляет черновики фактов: статус по глаголу, "
           "дата с той точностью, что дана в тексте, вид, цифры, отрасли, говорящий, имена, "
           "дословная цитата, событие и факты других источников, которые он, возможно, "
           "повторяет (same_as). Всё записанное — черновик (review = draft), пока его не "
           "примет kzru review; прерванный kzru add не записывает ничего.",
    "review": "Проверка черновиков, записанных kzru add. В терминале: каждый черновик с "
              "предложением в контексте и тем, что определило его поля; принять, править, "
              "отклонить, пропустить или выйти (сделанное сохраняется; правка сохраняется, когда "
              "черновик принят, а пропуск, отклонение и выход её не сохраняют). Для скриптов: "
              "--accept ID… [--set ПОЛЕ=ЗНАЧЕНИЕ…] и --reject ID…. Каждая предложенная связь "
              "same_as подтверждается отдельно (y/N); показано и событие, которое "
              "предлагает приглашение; названия предложенных событий можно править. "
              "Принятый факт должен пройти правила для проверенных строк (английское "
              "краткое содержание, отрасли, цитата, подтверждающая статус, никакой "
              "сделанный факт не датирован позже своей статьи).",
}

# A command's line in `kzru --help` (its SUMMARY): one line at 60 columns, 46 characters at most.
SUMMARIES: dict[str, str] = {
    "visits": "Визиты, переговоры, саммиты и форумы по датам",
    "search": "Факты по релевантности запросу",
    "facts": "Все факты, новые первыми, с фильтрами",
    "sectors": "Отрасли, факты одной отрасли или матрица",
    "show": "Факты или события целиком, с цитатами",
    "sources": "Статьи, из которых составлена таблица",
    "timeline": "Подходящие факты по датам, по событиям",
    "brief": "Событие на одной странице, по отраслям",
    "track": "Что стало с договорённостями и планами",
    "cite": "Ссылки на факты, события или источники",
    "export": "Таблица как база SQLite или пакет CSV",
    "check": "Проверка папки данных и её цитат",
    "init": "Создать свою папку данных",
    "add": "Черновики фактов из статей в вашу папку",
    "review": "Принять, изменить или отклонить черновики",
}

# English help text -> Russian (options and arguments)
OPTIONS: dict[str, str] = {
    # the options every command shares
    "Data folder to load instead of the bundled table (also: KZRU_DATA).":
        "Папка данных вместо встроенной таблицы (также: KZRU_DATA).",
    "Output format (also: KZRU_FORMAT, when this command prints it) [default: each command's "
    "own].": "Формат вывода (также: KZRU_FORMAT, если команда его выводит) [по умолчанию: "
             "свой у каждой команды].",
    "Output format (also: KZRU_FORMAT, when this command prints it) [default: table on a "
    "terminal, tsv in a pipe].": "Формат вывода (также: KZRU_FORMAT, если команда его "
                                 "выводит) [по умолчанию: table в терминале, tsv в канале].",
    "Output format (also: KZRU_FORMAT, when this command prints it) [default: table on a "
    "terminal, md in a pipe].": "Формат вывода (также: KZRU_FORMAT, если команда его "
                                "выводит) [по умолчанию: table в терминале, md в канале].",
    "Output format (also: KZRU_FORMAT, when this command prints it) [default: text].":
        "Формат вывода (также: KZRU_FORMAT, если команда его выводит) [по умолчанию: text].",
    "Language of kzru's own words (headings, notes, messages, --help) and of the text tables "
    "show: en (summary) or ru (text); data with no Russian column (the curators' date notes, "
    "the summary, a unit or role word kzru holds in no language) stays English: kzru never "
    "guesses a translation (also: KZRU_LANG) [default: en].":
        "Язык слов самой kzru (заголовки, примечания, сообщения, --help) и текста в таблицах: "
        "en (summary) или ru (text); данные без русского столбца (примечания кураторов к "
        "датам, summary, единица или роль, которых нет в словаре kzru) остаются "
        "по-английски: kzru не угадывает перевод (также: KZRU_LANG) [по умолчанию: en].",
    "Colour: auto (at a terminal, unless NO_COLOR is set), always or never.":
        "Цвет: auto (в терминале, если не задан NO_COLOR), always или never.",
    "No colour, even on a terminal: the same as --color never (also: NO_COLOR).":
        "Без цвета, даже в терминале: то же, что --color never (также: NO_COLOR).",
    "Never page; otherwise output longer than the terminal goes through $KZRU_PAGER, $PAGER "
    "or less -FRX.": "Не листать; иначе вывод длиннее экрана идёт через $KZRU_PAGER, $PAGER "
                     "или less -FRX.",
    "Also show rows under review (review = draft, written by kzru add), marked as drafts; "
    "without it drafts are never listed, counted, searched or exported.":
        "Показывать и строки на проверке (review = draft, их пишет kzru add) с пометкой "
        "черновика; без этого черновики не выводятся, не считаются, не ищутся и не "
        "выгружаются.",
    "Print the version and exit.": "Вывести версию и выйти.",
    "Install completion for the current shell.": "Установить дополнение для текущей оболочки.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "Показать дополнение для текущей оболочки, чтобы скопировать его или настроить "
        "установку.",
    "Show this message and exit.": "Показать эту справку и выйти.",
    # filters
    "Only facts in this sector: id, name or alias in English or Russian, any word form "
    "(--sector энергетика). Repeatable.": "Только факты этой отрасли: id, название или "
                                           "синоним по-английски или по-русски, в любой форме "
                                           "(--sector энергетика). Можно повторять.",
    "Only facts of events held there or naming it, in either language (Москва, Kostanay). "
    "Repeatable.": "Только факты событий, прошедших там или называющих это место, на любом "
                   "из двух языков (Москва, Kostanay). Можно повторять.",
    "Only facts from this article: a source id or its publisher. Repeatable.":
        "Только факты из этой статьи: id источника или его издатель. Можно повторять.",
    "Only what is dated on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD.":
        "Только датированное DATE или позже: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.",
    "Only what is dated on or before DATE (a year or month: to its end).":
        "Только датированное DATE или раньше (год или месяц — до его конца).",
    "Only facts dated in this year. Repeatable.":
        "Только факты с датой в этом году. Можно повторять.",
    "Only facts of this event: its id or a shorter form naming only it (moscow-2025). "
    "Repeatable.": "Только факты этого события: его id или краткая форма, указывающая "
                   "только на него (moscow-2025). Можно повторять.",
    "Only facts with this status. Repeatable.": "Только факты с этим статусом. Можно "
                                                "повторять.",
    "Only facts of this kind. Repeatable.": "Только факты этого вида. Можно повторять.",
    "Only facts attributed to this speaker, named in either language (Токаев, Akorda). "
    "Repeatable.": "Только факты, приписанные этому говорящему, на любом из двух языков "
                   "(Токаев, Akorda). Можно повторять.",
    "Comma-separated fields to print, in that order, in every format; 'all' for every "
    "field. A wrong name lists the fields.": "Поля для вывода через запятую, в этом порядке, "
                                             "в любом формате; 'all' — все поля. Неверное "
                                             "имя выводит список полей.",
    "Reverse the order.": "Обратный порядок.",
    "Order by date, id [default: date, oldest first].":
        "Порядок: date, id [по умолчанию: date, старые первыми].",
    "Order by date, id [default: date, newest first].":
        "Порядок: date, id [по умолчанию: date, новые первыми].",
    "Order by score, date, id [default: score].":
        "Порядок: score, date, id [по умолчанию: score].",
    "Show at most N facts (0: all).": "Показать не больше N фактов (0: все).",
    "Show at most N facts (0: all) [default: all].":
        "Показать не больше N фактов (0: все) [по умолчанию: все].",
    "Show at most N events (0: all).": "Показать не больше N событий (0: все).",
    # visits
    "Events in this year. Repeatable.": "События этого года. Можно повторять.",
    "Host country. Repeatable.": "Принимающая страна. Можно повторять.",
    "Event kind. Repeatable.": "Вид события. Можно повторять.",
    # search, timeline
    "Words to look for.": "Слова для поиска.",
    "Literal substring search.": "Поиск буквальной подстроки.",
    "Search every word as text: no reading of years, statuses, kinds, places, sectors or "
    "operators.": "Искать каждое слово как текст: без распознавания годов, статусов, видов, "
                  "мест, отраслей и операторов.",
    "When a year or status in the query leaves nothing, find nothing (exit 1) instead of "
    "showing the closest facts of other statuses or years.":
        "Если год или статус в запросе не оставил ничего, ничего и не находить (код 1), а не "
        "показывать ближайшие факты других статусов или лет.",
    "Show how the query was read and how each part matched.":
        "Показать, как прочитан запрос и как совпала каждая его часть.",
    "Only the N best matches (0: all), then put in date order [default: all].":
        "Только N лучших совпадений (0: все), затем по порядку дат [по умолчанию: все].",
    # facts, sectors, show
    "Only facts that are not part of another (a package, not its areas): what kzru's counts "
    "count.": "Только факты, не входящие в другой (пакет, но не его направления): то, что "
              "считают счётчики kzru.",
    "A sector id, name or alias: list its facts by event, in date order.":
        "Id, название или синоним отрасли: её факты по событиям, по порядку дат.",
    "A sector × event table of fact counts.": "Таблица числа фактов: отрасль × событие.",
    "Fact or event ids, in any case; an event also by a shorter form naming only it.":
        "Id фактов или событий, в любом регистре; событие — также краткой формой, "
        "указывающей только на него.",
    # brief, track
    "An event id (kzru visits), or a shorter form naming only it (moscow-2025).":
        "Id события (kzru visits) или краткая форма, указывающая только на него "
        "(moscow-2025).",
    "Only what is about these words, read as kzru search reads them (a word inside an "
    "organisation's name counts only for facts of the sector it names).":
        "Только то, что касается этих слов, прочитанных так же, как их читает kzru search "
        "(слово внутри названия организации в счёт только для фактов отрасли, которую оно "
        "называет).",
    "Only these statuses, as the status column shows them (repeatable): a commitment's "
    "(agreed … ongoing), signed (documents), discussed (what a meeting discussed) or reported "
    "(every reported item, the discussed ones too).":
        "Только эти статусы, как их показывает столбец статуса (можно повторять): статус "
        "договорённости (договорились … в работе), подписано (документы), обсуждалось (то, "
        "что обсуждали на встрече) или сообщается (всё сообщённое, обсуждавшееся тоже).",
    "Only what is tracked as this (the role field, repeatable): commitment, view (a forecast "
    "or proposal stated as a view), document, discussed, or project (a reported project or "
    "institution).":
        "Только то, что отслеживается как это (роль, можно повторять): договорённость, мнение "
        "(прогноз или предложение, высказанные как мнение), документ, обсуждалось или проект "
        "(сообщённый проект или учреждение).",
    "Only what the reports say the sides and theirs did, agreed or run — governments, "
    "agencies, joint companies (state) — or commentators' views (commentator).":
        "Только то, что, по сообщениям, стороны и их организации сделали, согласовали или ведут, "
        "— правительства, ведомства, совместные компании (state) — или мнения комментаторов "
        "(commentator).",
    "Beside an item nothing later is linked to, later facts the link suggester proposes, "
    "marked unconfirmed; its verdict is then \"not linked\" [default: on].":
        "Рядом с тем, с чем ничто более позднее не связано, — более поздние факты, которые "
        "предлагает подбор связей, с пометкой «не подтверждено»; вердикт тогда — «не связано» "
        "[по умолчанию: включено].",
    "Say why each verdict was reached: the later fact and its words.":
        "Объяснить каждый вердикт: более поздний факт и его слова.",
    # cite, export, check
    "Fact ids; event ids (each stands for its facts that are not parts; a shorter unambiguous "
    "form is enough); or source ids (the whole article).":
        "Id фактов; id событий (каждое — это его факты, не являющиеся частями; достаточно "
        "краткой однозначной формы); или id источников (вся статья).",
    "The SQLite database to write.": "База SQLite, которую записать.",
    "Write the data package instead: the CSV files and datapackage.json.":
        "Записать вместо этого пакет данных: файлы CSV и datapackage.json.",
    "Replace FILE.db, or DIR when it holds an earlier kzru export only.":
        "Заменить FILE.db или DIR, если в ней только прежняя выгрузка kzru.",
    "Folder of article texts: also verify every evidence excerpt verbatim.":
        "Папка с текстами статей: сверить также дословность каждой цитаты.",
    "Treat warnings (evidence without a word of its status, a done, signed or agreed fact "
    "dated after its article, drafts still under review) as errors; conflicts between "
    "sources are reported, not errors.":
        "Считать предупреждения (цитата без слова своего статуса, сделанное, подписанное или "
        "согласованное с датой позже своей статьи, черновики на проверке) ошибками; "
        "расхождения источников сообщаются, но ошибками не считаются.",
    "With --accept: set a field of each accepted draft first (repeatable), e.g. --set "
    "summary='…' --set sectors='energy; transport' --set event_title='…'; a field and its "
    "value may be typed as a Russian page shows them, a date also as words (--set "
    "date='5 декабря 2025', 'декабрь 2025', '2025 г.'; its precision the one it states). "
    "Proposed same_as links are kept only when --set same_as names them. event_title and "
    "event_title_ru rename the draft's own event; the event an invitation proposes (accepted "
    "with it) is renamed with proposes_title and proposes_title_ru, declined with --set "
    "proposes= (the invitation is accepted, proposing nothing), and replaced with --set "
    "proposes=ID, an event of the folder the invitation is to (a draft one is accepted with "
    "it; either then lists the draft's article).":
        "С --accept: сначала задать поле каждого принимаемого черновика (можно повторять), "
        "например --set summary='…' --set event_title='…'; "
        "поле и значение можно писать по-русски, как их показывает страница (--set "
        "статус=подписано, --set \"точность даты=месяц\", --set отрасли=энергетика), дату "
        "и словами (--set \"дата=5 декабря 2025\", «декабрь 2025», «2025 г.»; точность — "
        "та, которую она называет). "
        "Предложенные связи same_as сохраняются, только если их назвать в --set same_as. "
        "event_title и event_title_ru переименовывают собственное событие черновика; "
        "событие, которое предлагает приглашение (оно принимается вместе с ним), "
        "переименовывают proposes_title и proposes_title_ru, а отказываются от него так: "
        "--set proposes= (приглашение принимается и ничего не предлагает), а заменяют "
        "другим событием папки, на которое на самом деле приглашают, так: --set proposes=ID "
        "(черновое событие принимается вместе с приглашением; в источниках события затем "
        "указана статья черновика).",
    "List every problem and warning; by default the first 20 of each kind are listed, then "
    "how many more there are.": "Перечислить все проблемы и предупреждения; по умолчанию "
                                "выводятся первые 20 каждого рода и сколько их ещё.",
    "List likely follows links not yet recorded, for a curator to accept or reject (the "
    "data is never changed).": "Перечислить вероятные связи follows, ещё не записанные, — "
                               "куратору принять или отклонить (данные не меняются).",
    # init, add, review
    "The folder to create.": "Папка, которую создать.",
    "The same schema, sectors and glossary, but no sources, events or facts.":
        "Та же схема, отрасли и глоссарий, но без источников, событий и фактов.",
    "Articles: .txt (UTF-8) or saved web pages (.html), at most 2 MiB each; a folder adds "
    "its .txt and .html files.": "Статьи: .txt (UTF-8) или сохранённые веб-страницы (.html), "
                                 "не больше 2 МиБ каждая; папка добавляет свои файлы .txt и "
                                 ".html.",
    "The publisher, instead of what the article says.":
        "Издатель вместо указанного в статье.",
    "The headline, instead of what was found.": "Заголовок вместо найденного.",
    "The article's address, instead of the page's canonical link.":
        "Адрес статьи вместо канонической ссылки страницы.",
    "Publication date YYYY-MM-DD, YYYY-MM or YYYY, instead of the page's date or the text's "
    "dateline.": "Дата публикации ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ вместо даты страницы или "
                 "даты в начале текста.",
    "Draft N articles at once in worker processes.":
        "Разбирать N статей одновременно в отдельных процессах.",
    "Only the drafts of this source.": "Только черновики этого источника.",
    "Accept this draft (repeatable); for scripts.":
        "Принять этот черновик (можно повторять); для скриптов.",
    "Reject (remove) this draft (repeatable).":
        "Отклонить (удалить) этот черновик (можно повторять).",
    "List the drafts waiting for review and exit.":
        "Перечислить черновики, ждущие проверки, и выйти.",
}

# click's and typer's own words in a help page
HEADINGS = {"Arguments": "Аргументы", "Options": "Параметры", "Commands": "Команды",
            "Examples": "Примеры"}
USAGE = "Использование: "
SYNTAX = (("[OPTIONS]", "[ПАРАМЕТРЫ]"), ("COMMAND [ARGS]...", "КОМАНДА [АРГУМЕНТЫ]..."))
MARKS = (("[required]", "[обязательно]"), ("[default: ", "[по умолчанию: "))


def russian(command: Any, name: str = "kzru") -> None:
    """Give ``command`` (a click command or group) and its subcommands Russian help: its
    description, each parameter's help, and a formatter that says click's headings in
    Russian. A text the table lacks stays English (tests make sure there is none)."""
    command.help = COMMANDS.get(name, command.help)
    command.short_help = SUMMARIES.get(name, command.short_help)
    if command.epilog:
        command.epilog = command.epilog.replace("Examples:", f"{HEADINGS['Examples']}:")
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            param.help = OPTIONS.get(text, text)
    command.context_class = _context_class()
    for sub_name, sub in getattr(command, "commands", {}).items():
        russian(sub, sub_name)


def _context_class() -> Any:
    """A context whose help formatter says the headings, "Usage:" and the [required] and
    [default: …] marks in Russian (typer formats them with plain strings)."""
    import typer
    from typer._click.formatting import HelpFormatter

    class Formatter(HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            for english, said in SYNTAX:
                args = args.replace(english, said)
            super().write_usage(prog, args, USAGE if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            super().write_heading(HEADINGS.get(heading, heading))

        def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
            said = []
            for term, text in rows:
                text = OPTIONS.get(text, text)
                for english, russian_mark in MARKS:
                    text = text.replace(english, russian_mark)
                said.append((term, text))
            super().write_dl(said, *args, **kwargs)

    class Context(typer.Context):
        formatter_class = Formatter

    return Context
