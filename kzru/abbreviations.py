"""Common abbreviations of Russian and English news on the two countries' relations, read as
what they stand for: КПП is a пункт пропуска (a checkpoint), АЭС an атомная электростанция
(a nuclear power plant), CSTO the ОДКБ.

Why a table of its own: an analyst types the abbreviation and the article may spell it out
(or the other way round, or in the other language). The glossary names the organisations the
data knows; this table covers the general ones, and the glossary wins where both know a word.
Each line: the abbreviations (Russian and English, any number) ``:`` what they stand for in
Russian ``:`` in English; alternatives are separated by commas. A fact matches an
abbreviation when it holds the abbreviation itself or every word of one of the expansions.
"""

from __future__ import annotations

from kzru.text import content_words

_TABLE = """
кпп : пункт пропуска, контрольно-пропускной пункт : checkpoint
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
_PARSED: dict[str, tuple[Expansion, tuple[str, ...]]] = {}


def _parse() -> None:
    for line in _TABLE.strip().splitlines():
        abbreviations, russian, english = (part.strip() for part in line.split(":"))
        meanings = [m.strip() for m in (*russian.split(","), *english.split(",")) if m.strip()]
        shown = (russian.split(",")[0].strip(), english.split(",")[0].strip())
        for abbreviation in abbreviations.split():
            others = [(other,) for other in abbreviations.split() if other != abbreviation]
            phrases = [tuple(content_words(meaning)) for meaning in meanings] + others
            _PARSED[abbreviation] = (tuple(p for p in phrases if p), shown)


def expansion(word: str) -> tuple[Expansion, tuple[str, ...]]:
    """What an abbreviation stands for: the phrases (as words) a fact may hold instead, and
    the Russian and English spelling to show; ((), ()) for a word that is none."""
    if not _PARSED:
        _parse()
    return _PARSED.get(word, ((), ()))
