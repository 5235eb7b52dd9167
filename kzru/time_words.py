"""The words news dates with: months in every case form, relative days, seasons, days of the
week, phrases that refer to a time named before, and the words that shift a year, month or
week from the article's. Read by the drafter's date readers (kzru.curate.dates, periods,
carried) through kzru.cues, which keeps them beside its other rule tables.

Kept apart from kzru.cues because they say *when*, where the rest says *what* (a status, a
kind, a figure): the seam that kept that table under the project's module size.
"""

from __future__ import annotations

# Months: a pattern per month matching every case form ("ноября", "ноябре", "Ноябрь").
MONTHS: tuple[tuple[str, int], ...] = (
    ("январ[а-я]*", 1), ("феврал[а-я]*", 2), ("март[а-я]*", 3), ("апрел[а-я]*", 4),
    ("ма(?:й|я|е|ем)", 5), ("июн[а-я]*", 6), ("июл[а-я]*", 7), ("август[а-я]*", 8),
    ("сентябр[а-я]*", 9), ("октябр[а-я]*", 10), ("ноябр[а-я]*", 11), ("декабр[а-я]*", 12),
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12),
)
# Relative day words -> days from the article's date.
RELATIVE_DAYS: dict[str, int] = {
    "позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2,
    "yesterday": -1, "today": 0, "tomorrow": 1,
}
# Seasons, by the instrumental news dates with ("весной", "осенью этого года"): the months
# each spans (winter's December belongs to the year before its January and February).
SEASONS: dict[str, tuple[int, int]] = {
    "зимой": (12, 2), "весной": (3, 5), "летом": (6, 8), "осенью": (9, 11),
    "in winter": (12, 2), "in spring": (3, 5), "in summer": (6, 8), "in autumn": (9, 11),
    "in the fall": (9, 11)}
# Days of the week after "в"/"во" ("в пятницу", "во вторник"): Monday is 0, as in Python.
WEEKDAYS: dict[str, int] = {
    "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
    "воскресенье": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6}
# Phrases that name a day by the one named before them ("в тот день", "на следующий
# день"): the days from that day.
DAY_REFERENCES: dict[str, int] = {
    "в тот день": 0, "в этот день": 0, "в тот же день": 0, "в этот же день": 0,
    "в тот же вечер": 0, "в тот вечер": 0, "в тот же час": 0,
    "на следующий день": 1, "на другой день": 1, "днем позже": 1, "днем ранее": -1,
    "за день до этого": -1, "that day": 0, "the same day": 0, "on the same day": 0,
    "the next day": 1, "the following day": 1, "the day before": -1}
# Phrases that name a time by the one named before them, at whatever precision that was ("В
# сентябре лидеры встречались в Москве. Тогда же было подписано …": September).
TIME_REFERENCES: tuple[str, ...] = ("тогда же", "в то же время года", "at the same time")
# Words that place what a sentence says after the time named before it, by how much they do
# not say ("Позднее были подписаны …", "впоследствии"): later than that time is not that time
LATER_WORDS: tuple[str, ...] = ("позднее", "позже", "впоследствии", "later", "subsequently")
# Words that place a year, a month or a week relative to the article's ("в прошлом году").
RELATIVE_SHIFTS: dict[str, int] = {
    "позапрошл": -2, "прошл": -1, "минувш": -1, "предыдущ": -1, "эт": 0, "текущ": 0,
    "нынешн": 0, "сем": 0, "следующ": 1, "будущ": 1, "наступающ": 1, "предстоящ": 1,
}
RELATIVE_UNITS: dict[str, str] = {
    "год": "year", "году": "year", "года": "year", "месяц": "month", "месяце": "month",
    "месяца": "month", "недел": "week", "неделе": "week",
}
