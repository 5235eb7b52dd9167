"""The tables an office named without its holder is put in English by ("министр энергетики
Казахстана" → "Minister of Energy of Kazakhstan"; kzru.curate.offices reads them): the
office's noun, the ministry or body it heads or serves (in the genitive), the country (in the
genitive) and, for an envoy, where they are posted ("в России"). Keys are normalised Russian
(lower case, ё as е), words separated by one space; general Russian administrative language,
no one article's wording. An office with a word none of these tables holds is kept in Russian
as written."""

from __future__ import annotations

# The office's noun (its nominative, as kzru.curate.titles.office_attributed gives it, or a
# deputy's two words) -> English.
OFFICE_HEADS: dict[str, str] = {
    "министр": "Minister", "заместитель министра": "Deputy Minister",
    "замминистра": "Deputy Minister", "вице-министр": "Vice Minister",
    "первый заместитель министра": "First Deputy Minister",
    "вице-премьер": "Deputy Prime Minister", "посол": "Ambassador",
    "глава": "Head", "руководитель": "Head", "начальник": "Head",
    "председатель": "Chairman", "заместитель председателя": "Deputy Chairman",
    "пресс-секретарь": "Press Secretary", "представитель": "Representative",
    "официальный представитель": "Spokesperson", "советник": "Adviser",
    "помощник": "Aide", "генконсул": "Consul General", "генеральный консул": "Consul General",
    "консул": "Consul", "директор": "Director", "секретарь": "Secretary",
    "спикер": "Speaker", "сенатор": "Senator", "депутат": "Member",
    "заместитель главы": "Deputy Head", "заместитель руководителя": "Deputy Head",
}
# Heads whose genitive after them is a ministry's field ("министр энергетики"), not a body.
MINISTER_HEADS: frozenset[str] = frozenset({
    "министр", "заместитель министра", "замминистра", "вице-министр",
    "первый заместитель министра"})
# Heads posted abroad: "в России" after them says where ("посол Казахстана в России").
ENVOY_HEADS: frozenset[str] = frozenset({
    "посол", "генконсул", "генеральный консул", "консул"})
# A press office ("пресс-служба министерства энергетики"): the body's English before
# "press service", as the table writes "Kremlin press service".
PRESS_HEAD = "пресс-служба"

# A ministry's field in the genitive (after "министр", "министерства") -> English, the names
# the two governments give their ministries in English.
MINISTRY_FIELDS: dict[str, str] = {
    "иностранных дел": "Foreign Affairs", "энергетики": "Energy", "экономики": "Economy",
    "национальной экономики": "National Economy",
    "экономического развития": "Economic Development", "финансов": "Finance",
    "обороны": "Defence", "торговли и интеграции": "Trade and Integration",
    "торговли": "Trade", "промышленности и торговли": "Industry and Trade",
    "промышленности и строительства": "Industry and Construction",
    "сельского хозяйства": "Agriculture", "транспорта": "Transport",
    "цифрового развития": "Digital Development", "образования": "Education",
    "просвещения": "Education", "науки и высшего образования": "Science and Higher Education",
    "здравоохранения": "Health", "юстиции": "Justice", "внутренних дел": "Internal Affairs",
    "культуры": "Culture", "культуры и информации": "Culture and Information",
    "экологии и природных ресурсов": "Ecology and Natural Resources",
    "природных ресурсов и экологии": "Natural Resources and Environment",
    "труда и социальной защиты населения": "Labour and Social Protection of the Population",
    "труда": "Labour", "водных ресурсов и ирригации": "Water Resources and Irrigation",
    "туризма и спорта": "Tourism and Sports", "спорта": "Sport",
    "по чрезвычайным ситуациям": "Emergency Situations",
}
# Ministries by their short names -> English.
MINISTRY_SHORT: dict[str, str] = {
    "мид": "Foreign Affairs", "минэнерго": "Energy", "минфин": "Finance",
    "минфина": "Finance", "минэкономразвития": "Economic Development",
    "минэкономики": "Economy", "минпромторг": "Industry and Trade",
    "минпромторга": "Industry and Trade", "минобороны": "Defence", "минтранс": "Transport",
    "минтранса": "Transport", "минсельхоз": "Agriculture", "минсельхоза": "Agriculture",
    "минюст": "Justice", "минюста": "Justice", "мвд": "Internal Affairs",
    "минздрав": "Health", "минздрава": "Health", "минобрнауки": "Science and Higher Education",
    "минпросвещения": "Education", "мчс": "Emergency Situations",
    "минкультуры": "Culture", "минторговли": "Trade and Integration",
}
# Other bodies an office heads or serves, in the genitive -> English.
BODIES: dict[str, str] = {
    "правительства": "the Government", "президента": "the President",
    "администрации президента": "the Presidential Administration",
    "сената": "the Senate", "мажилиса": "the Mazhilis", "парламента": "Parliament",
    "государственной думы": "the State Duma", "госдумы": "the State Duma",
    "совета федерации": "the Federation Council", "совфеда": "the Federation Council",
    "евразийской экономической комиссии": "the Eurasian Economic Commission",
    "еэк": "the Eurasian Economic Commission",
    "коллегии еэк": "the Board of the Eurasian Economic Commission",
    "коллегии евразийской экономической комиссии":
        "the Board of the Eurasian Economic Commission",
    "национального банка": "the National Bank", "нацбанка": "the National Bank",
    "центрального банка": "the Central Bank", "центробанка": "the Central Bank",
    "посольства": "the Embassy",
}
# Countries in the genitive -> English (the two sides, then the region's others).
COUNTRIES: dict[str, str] = {
    "казахстана": "Kazakhstan", "республики казахстан": "Kazakhstan", "рк": "Kazakhstan",
    "россии": "Russia", "российской федерации": "Russia", "рф": "Russia",
    "китая": "China", "кнр": "China", "узбекистана": "Uzbekistan",
    "киргизии": "Kyrgyzstan", "кыргызстана": "Kyrgyzstan", "таджикистана": "Tajikistan",
    "туркменистана": "Turkmenistan", "белоруссии": "Belarus", "беларуси": "Belarus",
    "армении": "Armenia", "азербайджана": "Azerbaijan", "турции": "Turkey",
}
# Where an envoy is posted (the prepositional after "в") -> English, after "to".
POSTINGS: dict[str, str] = {
    "в казахстане": "Kazakhstan", "в республике казахстан": "Kazakhstan",
    "в рк": "Kazakhstan", "в россии": "Russia", "в российской федерации": "Russia",
    "в рф": "Russia", "в китае": "China", "в кнр": "China", "в узбекистане": "Uzbekistan",
    "в киргизии": "Kyrgyzstan", "в кыргызстане": "Kyrgyzstan",
    "в таджикистане": "Tajikistan", "в туркменистане": "Turkmenistan",
    "в белоруссии": "Belarus", "в беларуси": "Belarus", "в армении": "Armenia",
    "в азербайджане": "Azerbaijan", "в турции": "Turkey",
}
