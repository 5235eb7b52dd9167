"""What the words of a query mean to the reader (understand.py): times (years, months, this
year), statuses, kinds, events, the question words that ask for a kind, the bilingual table
of common domain words, and the generic words of every news story. What an abbreviation
stands for is kzru.abbreviations.

Why apart from the reader: these are tables of words, extended as users ask in new ways;
the reader is the procedure that walks a query's words against them, and changes for its
own reasons (operators, glossary phrases, notes).
"""

from kzru.text import stem

# A year as a word: 19xx or 20xx, alone or with a case ending or "г." ("2025г", "2025-е"
# is two words). Read without a regular expression: compiling one costs every search.
YEAR_ENDINGS = frozenset(("", "г", "гг", "год", "года", "году", "х", "е"))
YEAR_WORDS = frozenset("г гг год года году годах year years".split())

_MONTHS = (
    ("январь января январе january jan", 1), ("февраль февраля феврале february feb", 2),
    ("март марта марте march mar", 3), ("апрель апреля апреле april apr", 4),
    ("май мая мае may", 5), ("июнь июня июне june jun", 6), ("июль июля июле july jul", 7),
    ("август августа августе august aug", 8),
    ("сентябрь сентября сентябре september sep sept", 9),
    ("октябрь октября октябре october oct", 10), ("ноябрь ноября ноябре november nov", 11),
    ("декабрь декабря декабре december dec", 12),
)
MONTHS = {form: number for forms, number in _MONTHS for form in forms.split()}
# Words that are months only beside a number or a year ("may" is also a verb).
WEAK_MONTHS = frozenset("may mar jan feb apr jun jul aug sep sept oct nov dec".split())

# Seasons, as the months they span (winter: December, January and February of one year).
# Like the weak months, "spring", "fall" and the Russian nouns are seasons only beside a year
# ("spring 2025", «лето 2022»); the Russian adverbs (летом) and the rest always are.
_SEASONS = (("winter зимой зима зимы зиму", (12, 1, 2)), ("spring весной весна весны", (3, 4, 5)),
            ("summer летом лето лета", (6, 7, 8)),
            ("autumn fall осенью осень осени", (9, 10, 11)))
SEASONS = {form: months for forms, months in _SEASONS for form in forms.split()}
WEAK_SEASONS = frozenset("spring fall зима зимы зиму весна весны лето лета осень осени".split())

# (words before "year") -> offset from the current year: unambiguous against today's date.
RELATIVE = {("этом", "году"): 0, ("этот", "год"): 0, ("this", "year"): 0,
            ("текущем", "году"): 0, ("прошлом", "году"): -1, ("прошлый", "год"): -1,
            ("last", "year"): -1, ("следующем", "году"): 1, ("next", "year"): 1}

# Status words, by form; a word maps to a status only if the data has that status.
_STATUSES = {
    "signed": "подписали подписал подписала подписано подписаны подписан подписана подписанные "
              "подписанный подписанных подписанного подписанное подписание подписания "
              "заключили заключил заключила заключено заключены заключен заключена "
              "заключенные заключенных signed signing sign concluded",
    "agreed": "договорились договорилась договорился договоренность договоренности "
              "договоренностей условились согласовали согласовано согласованы достигнута "
              "достигнуто достигнуты достигнутые достигли agreed agree",
    "planned": "планируется планируют планируются запланировано запланирован запланирована "
               "запланированы запланированные запланировали planned scheduled plans",
    "expected": "ожидается ожидаются ожидают ожидаемые ожидаемый expected expects",
    "proposed": "предложил предложила предложили предложено предложены предложена предложен "
                "предлагает предлагают "
                "предложения предложение рассматривается рассматривают proposed proposes "
                "proposal proposals considered considering",
    "ongoing": "ведутся ведется реализуются реализуется продолжается ongoing underway",
    "done": "состоялся состоялась состоялось состоялись открыли открыл открыла открыто "
            "открыт открыта открыты открылся открылась открылось открылись opened сделано "
            "сделан сделана сделаны выполнено выполнен выполнена выполнены done completed",
}
STATUS_WORDS = {form: status for status, forms in _STATUSES.items() for form in forms.split()}
# The nouns among them name a thing of that status (договорённости, proposals), which may
# since have moved on ("existing agreements" on oil supply are ongoing): a noun ranks facts
# of its status first and is searched as a word, but leaves no other status out.
STATUS_NOUNS = frozenset("""
договоренность договоренности договоренностей подписание подписания предложения предложение
proposal proposals plans
""".split())
# Verbs that say a thing happened (opened, «состоялись») rank the facts of that status first
# and are searched as words, like the nouns: a branch "opened" may be a fact told as done or
# only reported. Negated («не состоялись», "did not take place") they leave the status out.
# The words that name the status itself (done, «сделано», выполнено) state it, as signed and
# agreed do: a filter (what has been done about culture is what the table records as done; a
# topic nothing done satisfies is relaxed and said).
DONE_STATED = frozenset("""
сделано сделан сделана сделаны выполнено выполнен выполнена выполнены done completed
""".split())
DONE_FORMS = frozenset(_STATUSES["done"].split())
DONE_WORDS = DONE_FORMS - DONE_STATED
# ... of which these say only that it happened, nothing of what («состоялись»): they rank, and
# are no word to search
DONE_ONLY = frozenset("состоялся состоялась состоялось состоялись".split())
# What did not take place («не состоялись», "did not take place", not opened): what the table
# records as not having happened yet, as a stated status; done is left out.
NOT_YET = ("planned", "expected", "proposed")
# Before a done word, words that make it unfinished ("being opened", "will be opened", «будет
# открыт», «будет сделано»): then it is only a word.
UNFINISHED = frozenset("being be will to будет будут может могут должен должна должны".split())
RANKED_STATUS_WORDS = STATUS_NOUNS | DONE_WORDS
# Two-word status phrases, read like a status word: "took place" (done).
STATUS_PHRASES = {(verb, "place"): "done" for verb in ("take", "takes", "took", "taken")}

# Negations. Before a status word (not signed, «не подписали», without signing) they leave
# that status out; before another word (without transit, «без транзита», кроме газа) they
# leave out the facts that say it, as -word does. Words that may stand between a negation
# and its word (were not yet signed, «ещё не были подписаны») are skipped; a set phrase
# that only looks like a negation («не только», not only) is none.
NEGATIONS = frozenset("не not без without except excluding кроме".split())
NEGATION_GAP = frozenset("""
были был была было будут будет ещё еще пока так и yet been was were be is are have has had
do does did ever any
""".split())
NOT_NEGATIONS = frozenset("""
только лишь менее более раз случайно исключено того сомнения only just least less more
merely doubt
""".split())
NEGATION_REACH = 3  # words a negation may skip to reach its own (were not yet signed)
# Words that finish a two-word negation («без учёта», «не считая», not including), skipped as
# stopwords are; and pairs that are one («за исключением», other than, apart from).
NEGATION_ENDS = frozenset("учета считая including counting".split())
NEGATION_PAIRS = frozenset({("за", "исключением"), ("other", "than"), ("apart", "from"),
                            ("aside", "from")})
BRACKETS = "([{"  # may open before a -word or a negation: (-транзит), (без «…»)
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # typed for the minus (query_marks.py)

# Kind words: searched as text too, and facts of these kinds count as matching them.
_KINDS = {
    ("document",): "соглашение соглашения соглашений соглашениями соглашениях документ "
                   "коммюнике communique communiqué "
                   "документы документов документа меморандум меморандумы меморандума "
                   "меморандумов декларация декларацию декларации заявление "
                   "agreement agreements document documents memorandum memoranda "
                   "memorandums declaration",
    ("figure",): "цифры цифра показатели statistics figures figure number duration "
                 "durations продолжительность длительность",
    ("meeting",): "встреча встречи встречу встрече встреч встречах встречами meeting meetings "
                  "встретились встречались встретился встретилась встретятся meet met meets",
    ("institution",): "филиал филиалы филиалов branch branches institution institutions",
    ("project",): "проект проекты проектов project projects",
    ("commitment",): "обязательства commitments commitment",
    ("initiative",): "инициатива инициативы инициатив инициативу инициативах initiative "
                     "initiatives",
}
KIND_WORDS = {form: kinds for kinds, forms in _KINDS.items() for form in forms.split()}
# Question words that ask for a kind and carry no text of their own.
QUESTION_KINDS = {("сколько",): ("figure",), ("how", "many"): ("figure",),
                  ("how", "much"): ("figure",), ("how", "long"): ("figure",)}

# Event words: facts of events of these kinds count as matching them.
_EVENTS = {
    ("state-visit", "working-visit", "official-visit"):
        "визит визита визите визитом визиты визитов визитами визитах visit visits",
    ("state-visit",): "госвизит госвизита госвизите госвизитом госвизиты госвизитов",
    ("forum",): "форум форума форуме форумы форумов forum forums",
    ("summit",): "саммит саммита саммите summit summits",
    ("talks", "meeting"): "переговоры переговоров переговорах talks negotiations встреча "
                          "встречи встречу встрече встреч встречах встречами meeting meetings",
}
EVENT_WORDS = {form: kinds for kinds, forms in _EVENTS.items() for form in forms.split()}
# Words that say which kind of visit, read with the visit word after them ("state visit",
# "рабочим визитом"): the two words are one term, of that kind of event only.
_VISIT_KINDS = {
    "state-visit": "state государственный государственного государственным государственном",
    "working-visit": "working рабочий рабочего рабочим рабочем",
    "official-visit": "official официальный официального официальным официальном",
}
VISIT_KIND = {form: kind for kind, forms in _VISIT_KINDS.items() for form in forms.split()}

# Places inside a city (glossary ids): talks in the Kremlin are talks in Moscow, so a fact
# saying they were held in Moscow matches the Kremlin, below one naming the Kremlin itself.
VENUE_CITY = {"kremlin": "moscow", "alexander-garden": "moscow", "vnukovo": "moscow"}

# Common domain words in the other language (hand-written, both directions). A беседа of two
# presidents is their talks (a000: «Беседа … длилась свыше четырёх часов»).
_BILINGUAL = """
университет university; вуз university; филиал branch; соглашение agreement;
документ document; меморандум memorandum; визит visit; переговоры talks; форум forum;
саммит summit; газ gas; нефть oil; уголь coal; электроэнергия electricity; атом atom;
уран uranium; космос space; образование education; студент student; граница border;
коридор corridor; транзит transit; сотрудничество cooperation; торговля trade;
товарооборот turnover; зерно grain; школа school; культура culture; язык language;
заявление statement; декларация declaration; партнерство partnership; встреча meeting;
церемония ceremony; проект project; строительство construction; грузовик truck;
экология ecology; выбросы emissions; здравоохранение healthcare; туризм tourism;
делегация delegation; флаг flag; аэропорт airport; ужин dinner; цифровизация digitalisation;
технопарк technopark; стипендия scholarship; специалист specialist; энергетика energy;
промышленность industry; безопасность security; дружба friendship; улица street;
сквер square; аллея alley; концерт concert; выставка exhibition; программа programme;
железнодорожный railway; дорога road; мост bridge; пункт checkpoint; регион region;
президент president; премьер premier; министерство ministry; банк bank;
инвестиции investment; экономика economy; технология technology; наука science;
медицина medicine; электростанция plant; спорт sport; молодежь youth; профессия profession;
председатель chair; участие participation; модернизация modernisation;
беседа talks; беседа conversation; переговоры conversation
"""
# English words a translation's stem reaches that are other words: Snowball stems
# "transition" to "transit", so транзит (transit) found the Declaration "on the transition of
# relations" (round-14 track reader). A translation never matches these forms.
STEM_STRANGERS: dict[str, frozenset[str]] = {
    "transit": frozenset({"transition", "transitions", "transitional"}),
}

BILINGUAL: dict[str, list[str]] = {}
for _pair in _BILINGUAL.replace("\n", " ").split(";"):
    if _pair.strip():
        _ru, _en = _pair.split()
        BILINGUAL.setdefault(_ru, []).append(_en)
        BILINGUAL.setdefault(_en, []).append(_ru)


# Words of almost every news story about two countries' relations: they say what kind of
# thing happened (supplies, cooperation, questions, development), not what it was about, so
# a topic word beside them decides the ranking (поставки газа: газ). Matched by stem.
_GENERIC = """
сотрудничество взаимодействие развитие отношения вопрос вопросы сфера сферы область
направление работа поставки поставка поставок меры уровень рамки итоги результаты
перспективы возможности укрепление расширение реализация обсуждение создание страна
страны сторона стороны двусторонний деятельность задача роль значение внимание тема
повестка процесс решение план часть помощь поддержка партнерство связи президент
президенты лидер лидеры глава главы договоренность договоренности договоренностей
cooperation interaction development relations relationship issue issues question questions
area areas sphere field direction work supply supplies measures level framework results
prospects opportunities strengthening expansion implementation discussion creation country
countries side sides bilateral activity task role topic agenda process support partnership
ties president presidents leader leaders head heads proposal proposals plans
"""
GENERIC_STEMS = frozenset()  # filled on first use: stemming at import costs start-up
GENERIC_WEIGHT = 0.4


def year_in(token: str) -> str:
    """The year a word states, as its four digits, or "" for a word that states none."""
    digits = token[:4]
    if (len(digits) == 4 and digits[:2] in ("19", "20") and digits[2:].isdecimal()
            and token[4:] in YEAR_ENDINGS):
        return digits
    return ""


GENERIC_HEADS = frozenset()  # their first three letters, filled on first use
HEAD = 3  # every generic word's stem is at least this long, and begins as its word does


def is_generic(word: str) -> bool:
    """True for a word that names no topic of its own (see _GENERIC). A word whose first
    letters begin no generic word is none, unstemmed: most query words never stem the list."""
    global GENERIC_STEMS, GENERIC_HEADS
    if not GENERIC_HEADS:
        GENERIC_HEADS = frozenset(w[:HEAD] for w in _GENERIC.split())
    if word[:HEAD] not in GENERIC_HEADS:
        return False
    if not GENERIC_STEMS:
        GENERIC_STEMS = frozenset(stem(w) for w in _GENERIC.split())
    return stem(word) in GENERIC_STEMS


_BILINGUAL_STEMS: dict[str, str] = {}


def bilingual_key(word: str) -> str:
    """The table's word with the same stem as ``word`` (университеты -> университет)."""
    if not _BILINGUAL_STEMS:
        _BILINGUAL_STEMS.update({stem(key): key for key in BILINGUAL})
    return _BILINGUAL_STEMS.get(stem(word), "") if word else ""


# Set phrases that work as prepositions or links ("во время визита" = during the visit): their
# words say how the topic is framed, not what it is, so the whole phrase is a stopword. Each
# counts only before another word (a preposition needs its object): "время" alone, or at the
# end of a query, stays a word. Written as typed, one phrase a line.
_SET_PHRASES = """
во время; в ходе; в рамках; по итогам; по результатам; в течение; в течении; в связи с;
в связи со; в результате; в целях; с целью; в сфере; в области; на полях; по линии;
в интересах; в отношении; по отношению к; в соответствии с; согласно; в том числе;
по словам; по данным; по мнению; по сообщению; со стороны; с учетом; с учётом; в качестве;
за счет; за счёт; в целом; в части; по поводу; в преддверии; накануне; в период; в процессе;
на протяжении; в пределах; в честь; по случаю; в адрес; по сравнению с; в отличие от;
наряду с; вместе с; в случае; с помощью; при помощи; по вопросам; по вопросу; в виде;
в силу; по причине; в ответ на; на основе; на основании; в направлении; по поручению;
в продолжение; по приглашению; в присутствии; под эгидой; по инициативе; в ближайшее время;
в настоящее время; в последнее время; на сегодняшний день; на данный момент;
during; as part of; in the course of; in the framework of; within the framework of;
in connection with; according to; on the sidelines of; as a result of; in terms of;
with regard to; in the field of; in the area of; in the sphere of; ahead of; on behalf of;
in the presence of; at the invitation of; under the auspices of; in line with;
in accordance with; as well as; at present; so far
"""
SET_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {}  # by first word, longest first


def set_phrase(tokens: list[str], position: int) -> tuple[str, ...]:
    """The set phrase (longest first) that starts at ``position`` and has a word after it,
    or () when none does."""
    if not SET_PHRASES:  # built on first use, like the generic words
        for phrase in sorted({tuple(p.split()) for p in _SET_PHRASES.replace("\n", " ").split(";")
                              if p.strip()}, key=len, reverse=True):
            SET_PHRASES[phrase[0]] = (*SET_PHRASES.get(phrase[0], ()), phrase)
    for phrase in SET_PHRASES.get(tokens[position], ()):
        end = position + len(phrase)
        if end < len(tokens) and tuple(tokens[position:end]) == phrase:
            return phrase
    return ()


# Words of a question that ask *whether* or *what* happened, not about what: stopwords of a
# query (the index keeps them as words; a query drops them like "и" or "the").
# ... among them the words asking what someone said (a person's own statements come first:
# see ranking.spoken), which say nothing of the topic.
SPEECH = frozenset("сказал сказала сказали говорил говорила говорит заявил заявила заявляет "
                   "считает думает said say says tell told think thinks".split())
QUERY_FILLERS = frozenset("""
было произошло происходило случилось бывает happened happen happens occurred
каждый каждая каждое каждые каждого каждой каждом каждую every each
сейчас ныне теперь нынче currently now nowadays over being
лишь only just but
который которая которое которые которого которой которых которым котором которую
""".split()) | SPEECH
