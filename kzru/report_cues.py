"""Rule tables of how a Russian news report is put together, beside the status cues of
kzru.cues: the forms of the future that forecast rather than plan, the verbs of a past
contact between leaders, the channels a report comes through (agencies, press services),
and the page furniture around a report (captions, "Читайте также", credits).

None of these words comes from one article: they are how news sites write in general. Kept
apart from kzru.cues (what a verb says happened) because these say how the report is told.
"""

from __future__ import annotations

# A finite verb in the future tense ("подпишут", "состоится", "продлится", "обсудят") says
# what is to come: planned, whatever its own stem; these futures of consequence ("станет",
# "позволит", "придаст импульс", "сможет") forecast: expected.
FORECAST_FUTURES: tuple[str, ...] = (
    "стан", "позвол", "помож", "придаст", "придадут", "даст", "дадут", "смож", "окаж",
    "обеспеч", "повлияе", "приведе", "приведут", "способству", "укрепит", "укрепят",
    # what a figure will do ("товарооборот превысит", "экспорт вырастет", "стоимость
    # составит", "поставки увеличатся"): a forecast
    "превыс", "превзойд", "вырастет", "вырастут", "возраст", "увеличится", "увеличатся",
    "сократится", "сократятся", "снизится", "снизятся", "составит", "составят", "достигнет",
    "сохранится", "сохранятся", "удвоится", "will help", "will allow", "will reach")
# Words that make a sentence's future a forecast whatever its verb ("по прогнозу", "по
# оценке", "по расчётам").
FORECAST_FRAMES: tuple[str, ...] = ("по прогноз", "по оценк", "по расчет", "по ожидани",
                                    "прогнозиру", "according to forecast")
# Words that open a subordinate clause: a future after them in its clause ("переговоры,
# которые укрепят сотрудничество") is not what the sentence reports happened; after "что"
# it is the reported clause's, which decides only when no other verb has a cue.
RELATIVE_WORDS: tuple[str, ...] = ("котор", "где", "куда", "чей", "чья", "чьи", "если",
                                   "когда", "чтобы")
THAT_WORDS: tuple[str, ...] = ("что",)
# Futures of having, receiving or staying ("студенты получат дипломы", "город обретёт",
# "выпускник останется в стране") describe a state to come, not an act the sides plan: they
# decide no status.
HAVING_FUTURES: tuple[str, ...] = (
    "получ", "обрет", "приобрет", "остан", "will get", "will receive", "will remain")

# Page furniture (kzru.curate.furniture): a sentence that begins with one of these links to
# another story or asks to subscribe, whatever verb it holds ("Читайте также: Токаев посетит
# Москву.") ...
LINK_STARTS: tuple[str, ...] = (
    "читайте также", "читать также", "читайте подробнее", "смотрите также", "читать в полной",
    "подписывайтесь", "подробнее:", "read also", "read more", "see also")
# ... one that begins with these, or holds these, is a caption or a credit when it has no
# finite verb ("Фото: пресс-служба Акорды", "© Казинформ"); a sentence with a verb is report
# ("Стороны договорились … (фото: пресс-служба министерства).")
CREDIT_STARTS: tuple[str, ...] = (
    "фото:", "фото -", "фото —", "фото –", "фото ©", "фотография:", "источник фото", "видео:",
    "photo:", "photo credit")
CREDIT_WITHIN: tuple[str, ...] = ("(фото:", "(фото ", "фото:", "(photo:", "©")
# A sentence that only names where the report before it came from: "Об этом сообщает ТАСС.",
# "Об этом сообщили в пресс-службе министерства.", "Об этом пишет РБК.", "Об этом заявил перед
# началом переговоров президент …" (normalised, without its final full stop; at most fourteen
# words after the verb, no clause of its own).
ATTRIBUTION_LINE = (
    # (a time may stand before the verb: "Об этом 13 октября сообщает пресс-служба …")
    r"(?:(?:об этом|о том|это|как)\s+(?:\w+\s+){0,3}?"
    r"(?:сообща\w*|сообщи\w*|переда\w*|пиш\w*|написал\w*|информир\w*|рассказал\w*|"
    r"заявил\w*|уточнил\w*|говорит\w*|отметил\w*|пояснил\w*)"
    # where and when a statement was made: "Такое заявление он сделал в Астане на открытии
    # выставки.", "С таким заявлением выступил министр …", "Слова прозвучали на форуме."
    r"|(?:такое|это|подобное|данное)\s+заявление\s+(?:\w+\s+)?(?:сделал\w*|прозвучал\w*)"
    r"|с\s+(?:таким|этим|подобным)\s+заявлением\s+выступил\w*"
    r"|(?:эти|такие)\s+слова\s+прозвучал\w*)"
    r"(?:\s+[^\s,;:—–]+){0,14}")
# The verbs by which a report names its channel ("сообщает ТАСС", "передаёт РИА Новости",
# "пишет РБК", "со ссылкой на"): a clause of these and its channel alone is no fact.
CHANNEL_VERBS: tuple[str, ...] = (
    "сообща", "сообщи", "переда", "пиш", "информир", "reports", "reported", "writes")
# ... and only when the clause names a channel: an outlet (NEWS_OUTLETS), a press office, or
# one of these ("передала Казахстану два вертолёта" is a fact, not a channel).
CHANNEL_NOUNS: tuple[str, ...] = (
    "агентств", "издани", "газет", "телеканал", "портал", "сайт", "корреспондент",
    "agency", "outlet")

# Channels a report comes through, never its speaker (kzru.curate.speakers): news agencies
# and outlets (by the beginning of their normalised name) ...
NEWS_OUTLETS: tuple[str, ...] = (
    "тасс", "риа", "интерфакс", "спутник", "sputnik", "казинформ", "kazinform", "казтаг",
    "kaztag", "regnum", "регнум", "рбк", "известия", "коммерсант", "ведомости", "мир 24",
    "россия 24", "россия-24", "первый канал", "тенгри", "tengri", "informburo", "азаттык",
    "reuters", "рейтер", "bloomberg", "блумберг", "afp", "франс пресс", "синьхуа", "xinhua",
    "ap ", "интерфакс-казахстан", "lenta", "лента.ру", "газета.ru", "orda", "ura.ru",
    "tass", "ria", "interfax", "rbc", "kommersant", "vedomosti", "хабар", "khabar",
    "kazpravda", "казправда", "российская газета", "rg.ru", "euronews", "бизнес-онлайн")
# ... and the press services and offices whose name comes before the body they speak for
# ("пресс-служба Кремля", "в пресс-службе министерства", "пресс-центр МИД").
PRESS_OFFICES: tuple[str, ...] = (
    "пресс-служб", "пресс-центр", "пресс-бюро", "пресс-офис", "пресс-аппарат",
    "press service", "press office")
# How far before a name a press office's word may stand and still be its channel.
PRESS_REACH = 30

# How many days a visit lasts, by the adjective news gives it ("двухдневный визит",
# "с трёхдневным официальным визитом"; normalised, ё→е): the visit spans them.
VISIT_LENGTHS: dict[str, int] = {
    "однодневн": 1, "двухдневн": 2, "трехдневн": 3, "четырехдневн": 4, "пятидневн": 5,
    "two-day": 2, "three-day": 3}

# Halls, residences and buildings where leaders meet (normalised beginnings): a venue inside
# a city, never a place of its own. An event held there is held in that city, so the talks in
# the Kremlin, the signing in the St George Hall and the dinner at Novo-Ogaryovo are one
# visit's, in Moscow.
VENUE_CITIES: dict[str, str] = {
    "кремл": "Москва", "георгиевск зал": "Москва", "екатерининск зал": "Москва",
    "александровск зал": "Москва", "андреевск зал": "Москва", "ново-огарев": "Москва",
    "внуков": "Москва", "шереметьев": "Москва", "бочаров руч": "Сочи",
    "константиновск двор": "Санкт-Петербург", "таврическ двор": "Санкт-Петербург",
    "акорд": "Астана", "ак орд": "Астана", "дворец независимост": "Астана",
    "дворце независимост": "Астана", "дворца независимост": "Астана",
    "дворец мира и согласия": "Астана", "дворце мира и согласия": "Астана",
    "kremlin": "Moscow", "akorda": "Astana"}

# A guest's arrival ("прибыл в Москву", "прилетела в Астану"): with a person or a visitor's
# title in the sentence, the arrival of a visit whose kind the text may not name. Such a visit
# is proposed as a working visit (the commonest kind) for the reviewer to settle.
ARRIVED_VERBS: tuple[str, ...] = ("прибыл", "прилетел", "приехал", "arrived")
VISITOR_WORDS: tuple[str, ...] = (
    "президент", "премьер", "министр", "глава", "лидер", "делегаци", "гость", "спикер",
    "председател", "елбас", "president", "minister", "delegation", "leader")
UNNAMED_VISIT = "working-visit"

# A press office speaks as its institution, as the table writes it ("пресс-служба Кремля" →
# Kremlin press service; the Kazakh president's, the Akorda's → Akorda); any other press
# office by its Russian name as written ("пресс-служба правительства области", PRESS_OFFICE),
# which kzru add keeps unromanised. Keys: normalised beginnings of the words after the
# press office's noun.
PRESS_SERVICES: dict[str, str] = {
    "кремл": "Kremlin press service", "президента росс": "Kremlin press service",
    "президента рф": "Kremlin press service", "путин": "Kremlin press service",
    "главы российского": "Kremlin press service", "российского лидера": "Kremlin press service",
    "российского президента": "Kremlin press service", "акорд": "Akorda",
    "казахстанского лидера": "Akorda", "казахстанского президента": "Akorda",
    "президента казахстан": "Akorda", "президента рк": "Akorda", "токаев": "Akorda",
    "главы казахстан": "Akorda"}
PRESS_WORDS = 4  # words of a press office's name kept after its noun
PRESS_OFFICE = "пресс-служба"  # how an office the table has no English name for begins
# A seat of power speaking through an impersonal plural ("в Кремле отметили", "как заявили в
# Акорде"): the institution speaks, as the table names it (any other body by its own name).
SEAT_SPEAKERS: dict[str, str] = {"кремл": "Kremlin", "акорд": "Akorda", "kremlin": "Kremlin",
                                 "akorda": "Akorda"}
# What an impersonal verb of saying says a statement is in ("говорится в сообщении",
# "отмечается в заявлении", "подчеркивается в пресс-релизе"): with no seat named there, the
# message of the institution that spoke in the sentences just before (kzru.curate.attributions).
# (not «документ»: «говорится в документе» after a signing quotes the document signed, which
# no office speaks; the round-16 red team's F14)
MESSAGE_WORDS: tuple[str, ...] = ("сообщени", "заявлени", "пресс-релиз", "релиз", "информаци",
                                  "коммюнике", "statement", "release")
# A press office named by reference ("пресс-служба страны", "пресс-служба республики") is that
# of the country the text named last: its head of state's office (kzru.curate.attributions).
PRESS_REFERENCES: tuple[str, ...] = ("страны", "республики", "государства")
PRESS_OF_SIDE: dict[str, str] = {"kz": "Akorda", "ru": "Kremlin press service"}
# Words that may stand between a speaker and their verb of saying as an aside ("Российский
# лидер в свою очередь отметил", "Министр, в частности, заявил").
ASIDES: tuple[str, ...] = ("в свою очередь", "в частности", "со своей стороны", "в том числе",
                           "в ответ", "при этом", "также", "тоже", "же", "in turn")
# Where a text was published, never who speaks: an outlet named after these words ("в газете
# «…»", "на сайте …", "в журнале …").
PUBLISHED_IN: tuple[str, ...] = ("газет", "журнал", "издани", "сайт", "портал", "блог",
                                 "newspaper", "magazine", "website")

# The noun of a ceremony before a signing's noun ("церемония подписания документов
# состоялась"): the fact is the ceremony, done, not a document signed (the document's own
# row comes from the clause whose verb signs it).
CEREMONY_WORDS: tuple[str, ...] = ("церемони", "ceremon")
# The other side's support of a proposal ("поддержал это предложение", "поддержали
# инициативу", "согласился с предложением"): the proposal is agreed (normalised text).
SUPPORTED = (r"(?<!\w)(?:поддержа(?:л|ла|ли)|согласил(?:ся|ась|ись)\s+с)\s+(?:\S+\s+){0,2}?"
             r"(?:предложени|инициатив|иде[юея])")

# Words that join a second predicate to a sentence's first, each with its own verb and status
# ("предложил …, причём нашёл …", "подписали …, а также обсудили …", "заявил о …; при этом
# подчеркнул …", "ознакомился …, и сам опубликовал …"): the sentence reports two facts,
# drafted apart (kzru.curate.readings.coordinated). After a comma or a semicolon.
COORDINATORS: tuple[str, ...] = (
    "причем", "а также", "при этом", "и при этом", "но при этом", "и сам", "и сама", "и сами",
    "кроме того", "and also", "while also")

# Words that join a second act to the first with no coordinator of COORDINATORS ("…, а
# затем договорились …", "…, в ходе которого они договорились …", "…, после чего
# подписали …"), beside "и" before a finite verb ("подписали соглашение и договорились …"):
# the sentence reports two facts only where each part decides a status of its own, and the
# two differ (kzru.curate.readings). After a comma; normalised.
SECOND_ACTS: tuple[str, ...] = (
    "а затем", "и затем", "а потом", "после чего", "где", "в ходе которого",
    "в ходе которой", "в ходе которых", "на котором", "на которой", "на которых",
    "по итогам которого", "по итогам которой", "по итогам которых", "во время которого",
    "во время которой", "во время которых", "в рамках которого", "в рамках которой",
    "в рамках которых")

# Nouns whose genitive object is only a topic: an event named after them ("повестку форума",
# "программу визита", "тематику саммита") is what was talked of, not where the sentence
# happened.
TOPIC_NOUNS: tuple[str, ...] = ("повестк", "программ", "тематик", "agenda", "programme")
# Words of creating something, before an event's noun (adjectives between): the forum or
# council to be set up ("создадут собственный экономический форум", "анонсировал создание
# инвестиционного форума") is an institution named, not an event held.
CREATION_WORDS: tuple[str, ...] = ("созда", "создан", "учред", "учрежд", "основа",
                                   "create", "establish")

# Words of denying what was said or reported ("опроверг информацию о планах …", "отрицает
# планы …", "выступил с опровержением сообщений о подписании …"): the plan or the act they
# govern is the denied claim, so it decides no status (reported), and its time is not the
# draft's (kzru.curate.verbs.denied).
DENIAL_WORDS: tuple[str, ...] = ("опроверг", "опровержени", "отрицае", "отрицаю", "отрицал",
                                 "отрицая", "отрицани", "denied", "denies", "deny",
                                 "refuted")  # not "отрицательно", which judges
