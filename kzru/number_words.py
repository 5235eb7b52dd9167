"""The words news uses for amounts, read by the drafter's figures (kzru.curate.figures):
multipliers, currencies, how long something lasted, number words and the words that
qualify an amount. Kept apart from kzru.cues (what a sentence's verbs say happened): these
read what a number says. None comes from one article.
"""

from __future__ import annotations

# Numbers: multipliers, currencies and the words that qualify an amount.
MULTIPLIERS: dict[str, int] = {
    "тыс": 10**3, "тысяч": 10**3, "тысячи": 10**3, "тысяча": 10**3, "млн": 10**6,
    "миллион": 10**6, "миллиона": 10**6, "миллионов": 10**6, "млрд": 10**9,
    "миллиард": 10**9, "миллиарда": 10**9, "миллиардов": 10**9, "трлн": 10**12,
    "триллион": 10**12, "триллиона": 10**12, "триллионов": 10**12,
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}
CURRENCIES: dict[str, str] = {
    "$": "USD", "доллар": "USD", "долл": "USD", "usd": "USD", "€": "EUR", "евро": "EUR",
    "eur": "EUR", "руб": "RUB", "₽": "RUB", "тенге": "KZT", "тг": "KZT", "₸": "KZT",
    "юан": "CNY", "dollar": "USD",
}
# How long something lasted, said in words ("длились около трёх часов", "продлилась полтора
# часа"): a figure whose value is the number word, after a verb of lasting.
DURATION_VERBS: tuple[str, ...] = ("длил", "продлил", "продолжал", "заняли", "занял", "lasted")
NUMBER_WORDS: dict[str, str] = {
    "один": "1", "одного": "1", "одну": "1", "одна": "1", "два": "2", "две": "2", "двух": "2",
    "три": "3", "трех": "3", "четыре": "4", "четырех": "4", "пять": "5", "пяти": "5",
    "шесть": "6", "шести": "6", "семь": "7", "семи": "7", "восемь": "8", "восьми": "8",
    "девять": "9", "девяти": "9", "десять": "10", "десяти": "10", "полтора": "1.5",
    "полутора": "1.5", "полторы": "1.5", "two": "2", "three": "3", "four": "4", "five": "5",
    # the teens, tens and hundreds a compound is made of ("двадцать пять", "ста двадцати"),
    # in the nominative and the genitive (after "около", "более"): read as one number, whole
    "одиннадцать": "11", "одиннадцати": "11", "двенадцать": "12", "двенадцати": "12",
    "тринадцать": "13", "тринадцати": "13", "четырнадцать": "14", "четырнадцати": "14",
    "пятнадцать": "15", "пятнадцати": "15", "шестнадцать": "16", "шестнадцати": "16",
    "семнадцать": "17", "семнадцати": "17", "восемнадцать": "18", "восемнадцати": "18",
    "девятнадцать": "19", "девятнадцати": "19", "двадцать": "20", "двадцати": "20",
    "тридцать": "30", "тридцати": "30", "сорок": "40", "сорока": "40", "пятьдесят": "50",
    "пятидесяти": "50", "шестьдесят": "60", "шестидесяти": "60", "семьдесят": "70",
    "семидесяти": "70", "восемьдесят": "80", "восьмидесяти": "80", "девяносто": "90",
    "девяноста": "90", "сто": "100", "ста": "100", "двести": "200", "двухсот": "200",
    "триста": "300", "трехсот": "300", "ten": "10", "twenty": "20", "thirty": "30"}
# Words that join two amounts into one the reader cannot hold as a value: a range ("пять-шесть
# часов", "пять или шесть", "от пяти до шести") or an amount with a half ("два часа с
# половиной"). Either gives no figure, never one end of it.
RANGE_JOINERS: tuple[str, ...] = ("-", "–", "—", "или", "до", "or", "to")
TIME_UNITS: tuple[str, ...] = ("час", "минут", "дн", "день", "сут", "недел", "hour", "minute",
                               "day", "week")
QUALIFIERS: dict[str, str] = {
    "более": "more than", "свыше": "more than", "больше": "more than", "около": "about",
    "порядка": "about", "почти": "almost", "примерно": "about", "до": "up to",
    "менее": "less than", "меньше": "less than", "more than": "more than", "about": "about",
    "over": "more than", "nearly": "almost", "up to": "up to",
}
