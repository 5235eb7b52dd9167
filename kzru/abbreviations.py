"""What an abbreviation in a query stands for: the table of common abbreviations of news on
the two countries' relations (КПП, АЭС, ЕАЭС …) and the reader that gives a word's expansions
and its spelling to show.

Why apart from query_words.py: the other word tables say what kind of thing a query asks for
(times, statuses, kinds, events, generic words); this one says what a word *is*, and is read
by the one step that turns a term into phrases a fact may hold instead (query_terms), only
when a query word is an abbreviation. Split from query_words.py (past ~400 lines) in round 14.
"""

from kzru.text import content_words, stem

# Common abbreviations of Russian and English news on the two countries' relations, read as
# what they stand for: КПП is a пункт пропуска (a checkpoint), АЭС an атомная электростанция
# (a nuclear power plant). An analyst types the abbreviation and the article may spell it out,
# or the other way round, or in the other language. The glossary names the organisations the
# data knows; this table covers the general ones, and the glossary wins where both know a
# word. A few words that stand for a longer name are read the same way (вуз, коммюнике: a
# joint statement). Each line: the abbreviations (Russian and English) ``:`` what they stand for in
# Russian ``:`` in English; alternatives separated by commas. A fact matches an abbreviation
# when it holds the abbreviation itself or every word of one of the expansions. Parsed on
# first use, like the generic words.
_ABBREVIATIONS = """
госвизит : государственный визит : state visit
вуз вузы вузов вузах вуза : высшее учебное заведение, университет, институт : university, institute
погранпереход : пункт пропуска, пограничный переход : checkpoint, border crossing
погранзастава : пограничная застава : border post
погранслужба : пограничная служба : border service
кпп : пункт пропуска, контрольно-пропускной пункт : checkpoint
коммюнике communique communiqué : совместное заявление : joint statement
еаэс eaeu eeu : евразийский экономический союз : eurasian economic union
одкб csto : организация договора о коллективной безопасности : collective security treaty
снг cis : содружество независимых государств : commonwealth of independent states
шос sco : шанхайская организация сотрудничества : shanghai cooperation organisation
оон un : организация объединенных наций : united nations
ес eu : европейский союз : european union
вто wto : всемирная торговая организация : world trade organization
мвф imf : международный валютный фонд : international monetary fund
еабр edb : евразийский банк развития : eurasian development bank
еэк eec : евразийская экономическая комиссия : eurasian economic commission
пмэф spief : петербургский международный экономический форум : st petersburg forum
аэс npp : атомная электростанция : nuclear power plant
тэц chp chps : теплоэлектроцентраль : combined heat and power
грэс : электростанция : power plant
гэс hpp : гидроэлектростанция : hydropower plant
вие : возобновляемые источники энергии : renewable energy
тэк : топливно-энергетический комплекс : fuel and energy
спг lng : сжиженный природный газ : liquefied natural gas
нпз : нефтеперерабатывающий завод : oil refinery
мид mfa : министерство иностранных дел : foreign ministry, foreign affairs
мчс : министерство по чрезвычайным ситуациям : emergencies ministry, emergency situations
рф : россия, российская федерация : russia, russian federation
рк : казахстан, республика казахстан : kazakhstan, republic of kazakhstan
кнр prc : китай : china
сша usa us : соединенные штаты : united states
ввп gdp : валовой внутренний продукт : gross domestic product
сми : средства массовой информации : media
нко ngo ngos : некоммерческая организация : non-governmental organisation
мсп sme smes : малый и средний бизнес : small and medium business
гчп ppp : государственно-частное партнерство : public-private partnership
оэз сэз sez : экономическая зона : economic zone
ии ai : искусственный интеллект : artificial intelligence
ит it : информационные технологии : information technology
ниокр : научно-исследовательские работы : research and development
ржд : российские железные дороги : russian railways
ктж ktz : казахстан темир жолы : kazakhstan temir zholy
жд : железная дорога, железнодорожный : railway
мтк : международный транспортный коридор : international transport corridor
тмтм : транскаспийский международный транспортный маршрут : middle corridor, trans-caspian route
мкс iss : международная космическая станция : international space station
вко : восточно-казахстанская область : east kazakhstan region
зко : западно-казахстанская область : west kazakhstan region
ско : северо-казахстанская область : north kazakhstan region
"""

Expansion = tuple[tuple[str, ...], ...]
_LINES: dict[str, str] = {}  # abbreviation -> its line, read on first use
_STEMS: dict[str, str] = {}  # a long abbreviation's stem -> its line
STEMMED = 6  # shorter abbreviations (КПП, ОДКБ) are matched as typed: their forms are few


def expansion(word: str) -> tuple[Expansion, tuple[str, ...]]:
    """What an abbreviation stands for: the phrases (as words) a fact may hold instead, and
    the Russian and English spelling to show; ((), ()) for a word that is none. Only the
    asked word's line is split into words (most query words are no abbreviation)."""
    if not _LINES:
        for line in _ABBREVIATIONS.strip().splitlines():
            _LINES.update(dict.fromkeys(line.partition(":")[0].split(), line))
    line = _LINES.get(word)
    if line is None and len(word) >= STEMMED:  # a case form of a long one: госвизита
        if not _STEMS:
            _STEMS.update({stem(key): text for key, text in _LINES.items()
                           if len(key) >= STEMMED})
        # Snowball cuts a nominative further than its cases (госвизит -> госвиз, госвизита
        # -> госвизит): the stem of a case form's stem is the nominative's
        line = _STEMS.get(stem(word)) or _STEMS.get(stem(stem(word)))
    if line is None:
        return (), ()
    abbreviations, russian, english = (part.strip() for part in line.split(":"))
    meanings = [m.strip() for m in (*russian.split(","), *english.split(",")) if m.strip()]
    others = [(other,) for other in abbreviations.split() if other != word]
    phrases = [tuple(content_words(meaning)) for meaning in meanings] + others
    return (tuple(p for p in phrases if p),
            (russian.split(",")[0].strip(), english.split(",")[0].strip()))
