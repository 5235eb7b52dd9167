"""How news names an event and places it, the drafter's own word lists beside the status cue
table (kzru.cues, which kzru check's lint shares): the words that name an event and its kind,
a visit's guest and host, the two sides' places and titles, an invitation's or a
preparation's event, what frames a sentence as part of an event, and what sets it apart
(background, a general remark, a seat that is no venue, a sentence that continues another).

Rules of Russian (and English) news language in general, none from one article; read only by
kzru.curate (linking events, dating, context), never by check's lint.
"""

from __future__ import annotations

# Events: the words that name one, most specific first, and the kind each gives.
EVENT_KINDS: tuple[tuple[str, str], ...] = (
    ("государственн визит", "state-visit"), ("госвизит", "state-visit"),
    ("рабоч визит", "working-visit"), ("официальн визит", "official-visit"),
    ("телефонн разговор", "talks"), ("телефонн бесед", "talks"),
    # a call named by its means only ("по телефону поздравил", "обсудили по телефону"),
    # with a verb of talk (CALL_VERBS: "справки по телефону" is no call)
    ("по телефон", "talks"), ("переговор", "talks"), ("саммит", "summit"),
    ("сессия", "summit"), ("сессии", "summit"), ("заседани", "summit"), ("форум", "forum"),
    ("встреч", "meeting"), ("визит", "visit"), ("приезд", "visit"),
)
# The nouns of a visit ("визит президента России", "приезд казахстанского лидера"): the side
# named in the words right after one is the guest's, unless the sentence says where it goes.
VISIT_NOUNS: tuple[str, ...] = ("визит", "приезд", "visit")
GUEST_REACH = 3
# Verbs of visiting that take the place visited as their object ("посетит Казахстан",
# "посетил столицу России"): that place's side hosts.
VISITING_VERBS: tuple[str, ...] = ("посет", "посещ", "visit")
# The two sides by the words that name a country or its people's adjective ("России",
# "российского", "РК"): only these, not the stems of every city (COUNTRIES), which would
# meet common words.
SIDE_STEMS: dict[str, tuple[str, ...]] = {
    "kz": ("казахстан", "kazakh"), "ru": ("росси", "russia")}
SIDE_ABBREVIATIONS: dict[str, str] = {"рк": "kz", "рф": "ru"}
# Arrival verbs: who arrived where decides guest and host.
ARRIVAL_VERBS: tuple[str, ...] = (
    "прибыл", "прилетел", "приехал", "посетил", "посети", "приедет", "приедут", "прибудет",
    "прибудут", "прилетит", "прилетят", "arriv", "visit")
# An invitation or a proposal ("пригласил … посетить Казахстан в 2026 году", "приглашение с
# визитом в мае", "предложил приехать ещё раз в ноябре"): a time named after the visit it
# invites to is that visit's, one to come, not the invitation's.
INVITATION_WORDS: tuple[str, ...] = (
    "приглас", "приглаш", "предлож", "предлага", "invit", "propos")
INVITED_WORDS: tuple[str, ...] = ("визит", "посетить", "посещени", "приехать", "visit")
# Preparing for an event ("обсудили подготовку к визиту в октябре", "в преддверии саммита в
# мае"): likewise the time named after the event's noun is the event's, one to come.
PREPARATION_WORDS: tuple[str, ...] = ("подготовк", "подготов", "готов", "в преддверии",
                                      "prepar", "ahead of")
# An event named as one to come with its own time ("о предстоящей 14 мая встрече в Сочи"):
# that time is the event's, not the sentence's when the sentence only talks of it.
UPCOMING_WORDS: tuple[str, ...] = ("предстоящ", "upcoming", "forthcoming")
UPCOMING_REACH = 5  # words from the upcoming word to the event's noun
PREPARED_WORDS: tuple[str, ...] = (
    "визит", "приезд", "переговор", "встреч", "саммит", "форум", "заседани", "сессии",
    "visit", "talks", "meeting", "summit", "forum")
# A country's capital stands for the country where someone goes ("в столицу Казахстана").
CAPITAL_WORDS: tuple[str, ...] = ("столиц", "capital")
# A telephone conversation: held at no place, so its host is the side whose seat reports it
# ("сообщила пресс-служба Кремля") or any side the sentence names.
PHONE_WORDS: tuple[str, ...] = ("телефон", "phone")

# The two countries, by the stems of their names, capitals and seats of government; a place
# entity whose normal form starts with one of these belongs to that side.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "kz": ("казахстан", "рк", "астан", "нур-султан", "алмат", "акорд", "шымкент", "караганд",
           "актоб", "атырау", "костана", "павлодар", "усть-каменогорск", "семе", "туркестан",
           "актау", "уральск", "петропавловск", "кызылорд", "тараз", "талдыкорган", "кокшетау",
           "экибастуз", "байконур", "kazakhstan", "astana", "almaty"),
    "ru": ("росси", "рф", "москв", "кремл", "санкт-петербург", "петербург", "сочи", "казан",
           "новосибирск", "екатеринбург", "омск", "уф", "челябинск", "самар", "оренбург",
           "астрахан", "волгоград", "нижн", "красноярск", "тюмен", "барнаул", "владивосток",
           "калининград", "ростов", "татарстан", "башкорт", "russia", "moscow", "kremlin"),
}
# Country names themselves (not places an event is held in).
COUNTRY_NAMES: tuple[str, ...] = (
    "казахстан", "росси", "рф", "рк", "китай", "монгол", "kazakhstan", "russia")
# Leaders' titles: "президент России" names the Russian side.
LEADER_WORDS: tuple[str, ...] = ("президент", "глав", "лидер", "премьер", "president", "leader")

# Titles of proposed events (Russian, English) by kind.
PHONE_TITLES: tuple[str, str] = ("Телефонный разговор", "Telephone conversation")
EVENT_TITLES: dict[str, tuple[str, str]] = {
    "state-visit": ("Государственный визит", "State visit"),
    "working-visit": ("Рабочий визит", "Working visit"),
    "official-visit": ("Официальный визит", "Official visit"),
    "talks": ("Переговоры", "Talks"), "meeting": ("Встреча", "Meeting"),
    "summit": ("Саммит", "Summit"), "forum": ("Форум", "Forum"),
}
# The country a visit proposed without a city goes to, by its host side (Russian, English):
# its title names it ("Государственный визит: Казахстан"), as a city would be named.
HOST_TITLES: dict[str, tuple[str, str]] = {"kz": ("Казахстан", "Kazakhstan"),
                                           "ru": ("Россия", "Russia")}

# Words naming the two sides of an event ("стороны договорились", "главы государств"): an undated
# sentence using them in a report from the event is about the event.
PARTICIPANT_WORDS: tuple[str, ...] = (
    "сторон", "лидеры двух", "лидеров двух", "лидеры стран", "лидеров стран", "оба лидера",
    "обоих лидеров", "главы государств", "глав государств", "главы стран", "президенты",
    "президентов", "делегаци", "собеседник", "the sides", "both leaders", "delegation")
# ("лидер" alone is not one: "мировые лидеры по производству" are not the event's sides)

# How a report frames what it says as part of the event it reports: a sentence holding one
# of these belongs to that event ("по итогам переговоров", "в ходе визита").
EVENT_FRAMING: tuple[str, ...] = (
    "в ходе визит", "в ходе переговор", "в ходе встреч", "в рамках визит",
    "в рамках переговор", "в рамках встреч", "во время визит", "во время переговор",
    "во время встреч", "по итогам визит", "по итогам переговор", "по итогам встреч",
    "на переговорах", "на встрече", "в ходе телефонн", "в ходе разговор", "во время телефонн",
    "во время разговор", "по итогам телефонн", "по итогам разговор", "during the call",
    "during the visit", "during the talks",
    "following the talks",
    # a speech or a session at the event, and the event's own frames ("в ходе выступления
    # президент назвал…", "выступая на пленарном заседании", "по итогам саммита")
    "в ходе выступлени", "во время выступлени", "в своем выступлении", "выступая на",
    "в ходе заседани", "во время заседани", "по итогам заседани", "на заседании",
    "в ходе саммит", "во время саммит", "по итогам саммит", "в рамках саммит", "на саммите",
    "в ходе форум", "во время форум", "по итогам форум", "в рамках форум", "на форуме",
    "during the speech", "following the summit")
# Words that place a sentence before the event a report is about ("ранее", "недавно") or
# make it a general remark ("как правило"): such a sentence is background, not the event.
# A place named as someone's post or seat is not where an event is held: "посол России в
# Астане", "пресс-служба Кремля", "губернатор Омской области" (these words up to
# SEAT_REACH words before the place); nor the places "между" joins ("отношения между Москвой и
# Астаной" names the sides), nor where something was said ("сообщили в Кремле").
SEAT_WORDS: tuple[str, ...] = (
    "посол", "посла", "послу", "послом", "посольств", "представител", "консул", "пресс-служб",
    "пресс-секретар", "корреспондент", "собкор", "администраци", "губернатор", "аким",
    "мэр", "ambassador", "embassy", "governor", "mayor")
SIDES_WORDS: tuple[str, ...] = ("между", "between")  # whole words: not "международный"
SEAT_REACH = 3
# Nouns of an office, a body or a people whose genitive complement says whose it is, not where
# anything is held: "президенты Белоруссии, Армении", "Министерство энергетики Республики
# Казахстан", "правительство Омской области", "делегация региона" (up to OWNER_REACH words
# before the place, or before the list it ends, with no preposition or verb between).
OWNER_WORDS: tuple[str, ...] = (
    "президент", "премьер", "министр", "министерств", "правительств", "глава", "главы",
    "главе", "главой", "парламент", "ведомств", "делегаци", "лидер", "руководител",
    "руководств", "власт", "народ", "жител", "граждан", "акимат", "president", "minister",
    "ministry", "government", "delegation", "leader")
OWNER_REACH = 3
# Plural nouns of places before a list of them ("в городах Павлодар, Экибастуз и Аксу", "в
# регионах …"): the sites of a project or a programme, not where one event is held.
SITES_WORDS: tuple[str, ...] = ("городах", "регионах", "областях", "районах", "селах",
                                "поселках", "странах", "cities", "regions")
GENERIC_WORDS: tuple[str, ...] = (
    "как правило", "обычно", "usually", "as a rule",
    # what happens again and again names no one event ("разговоры происходят достаточно
    # часто", "встречаются регулярно", "проходит ежегодно")
    "часто", "регулярно", "ежегодно", "периодически", "often", "regularly")
BACKGROUND_WORDS: tuple[str, ...] = (
    "ранее", "недавно", "прежде", "в прошлом", "earlier", "recently", "previously",
    # what the report recalls or sets its story against ("напомним, что …", "как известно",
    # "на фоне …", "в преддверии визита"), and a stance held over time ("неоднократно
    # заявлял")
    "напомним", "напомню", "как известно", "на фоне", "в преддверии", "against the backdrop",
    "ahead of", "накануне визит", "накануне переговор", "накануне встреч",
    "накануне саммит", "накануне форум", "on the eve of", "неоднократно", "не раз",
    "не однажды", "не единожды", "многократно", "repeatedly", *GENERIC_WORDS)
# A figure told as a total ("всего", "в общей сложности") or over years ("за десять лет",
# "за последние годы", "с 2015 года") is the relations' background, not the meeting's: with no
# word of the meeting's own, it joins no event (kzru.curate.background.standing_figure).
TOTAL_WORDS: tuple[str, ...] = ("всего", "в общей сложности", "в целом за", "in total",
                                "in all", "altogether")
_HOW_MANY = (r"(?:\d+|полтора|полторы|два|две|три|четыре|пять|шесть|семь|восемь|девять|"
             r"десять|\w+надцать|двадцать|тридцать|сорок|несколько|много|многие|двух|трех|трёх|"
             r"четырех|четырёх|пяти|шести|семи|восьми|девяти|десяти|\w+надцати|двадцати|"
             r"тридцати|нескольких|многих)")
YEARS_SPAN = (rf"(?<!\w)(?:за|в течение|на протяжении)\s+(?:последние\s+|прошедшие\s+)?"
              rf"(?:{_HOW_MANY}\s+)?(?:лет|года|годы|десятилети\w*)(?!\w)"
              rf"|(?<!\w)в\s+последние\s+(?:{_HOW_MANY}\s+)?(?:лет|года|годы)(?!\w)"
              r"|(?<!\w)с\s+\d{4}\s+года(?!\w)"
              r"|(?<!\w)over\s+the\s+(?:past|last)\s+(?:\S+\s+)?(?:years|decades?)(?!\w)")
# Words that bring a narrative back to the present ("Теперь…", "Сейчас…"): a sentence holding
# one does not continue the earlier time of the sentence before it.
NOW_WORDS: tuple[str, ...] = ("теперь", "сейчас", "ныне", "nowadays", "now")
# Words that open a sentence continuing the one before ("Этот документ…", "Его тема…"):
# the sentence is about the same event as the one before it.
ANAPHORA_STARTS: tuple[str, ...] = (
    "этот", "эта", "это", "эти", "этой", "этом", "этого", "этих", "его", "ее", "их", "он",
    "она", "оно", "они", "данный", "данная", "данное", "данные", "такой", "такая", "такое",
    "такие", "ней", "нем", "них", "ним", "нему", "ними", "нее", "него", "this", "these", "its",
    "it", "they")
# Prepositions that may stand before such a word ("В ней…", "О нем…").
ANAPHORA_PREPOSITIONS: tuple[str, ...] = (
    "в", "во", "на", "о", "об", "по", "при", "с", "со", "у", "к", "для", "за", "из", "in",
    "of", "at")
# Words that refer back (by dictionary form): a sentence whose opening words, before its
# verb, hold one continues the sentence before it, and its evidence joins that sentence's
# words when they fit ("Это особенно подчеркнул…", "Всего он включает…", "здесь получит").
ANAPHORA_PRONOUNS: tuple[str, ...] = ("он", "она", "оно", "они", "it", "they", "its", "their")
ANAPHORA_DETERMINERS: tuple[str, ...] = (
    "этот", "это", "данный", "такой", "тот", "сей", "this", "these", "that", "those", "such")
ANAPHORA_ADVERBS: tuple[str, ...] = ("здесь", "там", "тогда", "туда", "оттуда", "there")
# Nouns that name no particular thing by themselves: general names of events, documents,
# institutions and their parts, relational nouns (whose agenda? whose participants?),
# counters and spans of time. A sentence whose topic holds only such nouns ("Документ
# охватывает…", "В мероприятии примет участие…", "Около 1000 штук в год…") speaks of what
# an earlier sentence named.
ANAPHORA_NOUNS: frozenset[str] = frozenset("""
документ мероприятие встреча визит переговоры форум саммит сессия заседание церемония событие
соглашение договор меморандум заявление декларация протокол проект инициатива программа
формат площадка механизм университет вуз филиал компания предприятие организация ведомство
открытие подписание проведение участие итог ход деталь повестка тема цель участник
направление сфера штука единица год день месяц неделя
document event meeting visit talks forum summit session agreement memorandum statement
project initiative programme format university branch company agenda topic participant
""".split())
# Spans of time: with a number or a word placing them relative to now before them ("в 2027
# году", "в прошлом месяце") they make a time adverbial, which names no topic.
TIME_NOUNS: frozenset[str] = frozenset(
    "год месяц неделя день квартал полугодие десятилетие year month week day quarter".split())
# The forms in which "этот" + a span of time means the current period ("в этом году", "на
# этой неделе"), not one named before ("в этот день").
DEICTIC_PERIODS: frozenset[str] = frozenset({"году", "месяце", "неделе", "квартале",
                                             "полугодии", "year", "month", "week"})
# How long after an event an article still reports it (a weekly column, a review).
REPORT_DAYS = 14

# Parts of the world, which no event is held in as its venue: named in an organisation's name
# ("Совещание по взаимодействию и мерам доверия в Азии", "Евразийский экономический союз")
# or as a region ("в Центральной Азии"); an event's place is a city or a country.
WORLD_REGIONS: tuple[str, ...] = (
    "азия", "европа", "евразия", "африка", "америка", "австралия", "океания", "арктика",
    "антарктида", "центральная азия", "средняя азия", "южная азия", "восточная азия",
    "юго-восточная азия", "ближний восток", "средний восток", "дальний восток",
    "латинская америка", "северная америка", "южная америка", "западная европа",
    "восточная европа", "asia", "europe", "eurasia", "africa", "america", "central asia",
    "middle east")

# Countries other than the two sides, by the beginnings of their names in any case form
# (kzru.curate.parties): a sentence naming only these is no fact of Kazakhstan–Russia
# relations. Matched on capitalised words only.
THIRD_COUNTRIES: tuple[str, ...] = (
    "турци", "азербайджан", "киргиз", "кыргызстан", "таджикистан", "узбекистан",
    "туркменистан", "туркмени", "китай", "китая", "кнр", "беларус", "белорусси", "армени",
    "грузи", "монголи", "иран", "инди", "пакистан", "катар", "палестин", "сша", "америк",
    "франци", "германи", "великобритани", "британи", "япони", "украин", "оаэ", "эмират",
    "саудовск", "египт", "египет", "израил", "афганистан", "сири", "ирак", "итали", "испани",
    "польш", "польск", "молдов", "литв", "латви", "эстони", "финлянди", "швеци", "норвеги",
    "корея", "корей", "кндр", "вьетнам", "индонези", "малайзи", "таиланд", "бразили",
    "аргентин", "мексик", "канад", "австрали", "юар", "нигери", "эфиопи", "алжир", "марокко",
    "тунис", "ливи", "иордани", "кувейт", "бахрейн", "оман", "йемен", "ливан", "кипр",
    "греци", "болгари", "румыни", "венгри", "чехи", "словаки", "сербии", "серби", "хорвати",
    "австри", "швейцари", "бельги", "нидерланд", "голланди", "дани", "ирланди", "португали")
# Words for the two sides together ("стороны", "двух стран", "наши страны", "мы"): a
# sentence holding one speaks of Kazakhstan and Russia, whatever other country it names.
PAIR_WORDS: tuple[str, ...] = (
    "стороны", "сторон", "двух стран", "обеих стран", "обе страны", "наши страны",
    "наших стран", "двусторонн", "мы ", "нас ", "наш")
# The verbs that make "по телефону" a call between people ("по телефону поздравил",
# "обсудили по телефону", "поговорили по телефону").
CALL_VERBS: tuple[str, ...] = (
    "поздрав", "обсуд", "обсужд", "поговор", "побеседова", "беседова", "созвон", "провел",
    "провели", "провед", "выразил", "выразили", "поблагодар", "договорил", "обменял",
    "пригласил", "сообщил", "рассказал", "проинформир", "congratulat", "discuss", "spoke",
    "talked")
