"""Read a query the way an analyst means it: topic words plus the time, status, kind, place,
event and sector it names.

Search consumes the result. Years and status words are filters; months, dates, kinds, places,
events and sectors are ranking signals; every other word is searched as text, so no word the
reader does not understand is dropped. Stopwords are dropped and reported as such.
"""


import re
from datetime import date
from typing import Any, Iterable, NamedTuple

from kzru.aliases import AliasTable
from kzru.labels import Joined, Said, status_word
from kzru.labels import word as vocab
from kzru.taxonomy import sector_words as _sector_words  # one reading of sectors
from kzru.text import STOPWORDS, content_words, normalize, stem, words

YEAR = re.compile(r"^((?:19|20)\d\d)(?:г|гг|год|года|году|х|е)?$")
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

# (words before "year") -> offset from the current year: unambiguous against today's date.
RELATIVE = {("этом", "году"): 0, ("этот", "год"): 0, ("this", "year"): 0,
            ("текущем", "году"): 0, ("прошлом", "году"): -1, ("прошлый", "год"): -1,
            ("last", "year"): -1, ("следующем", "году"): 1, ("next", "year"): 1}

# Status words, by form; a word maps to a status only if the data has that status.
_STATUSES = {
    "signed": "подписали подписал подписала подписано подписаны подписан подписана подписанные "
              "подписанный подписанных подписанного подписанное подписание подписания "
              "signed signing sign",
    "agreed": "договорились договорилась договорился договоренность договоренности "
              "договоренностей условились согласовали согласовано согласованы agreed agree",
    "planned": "планируется планируют планируются запланировано запланирован запланирована "
               "запланированы запланированные запланировали planned scheduled plans",
    "expected": "ожидается ожидаются ожидают ожидаемые ожидаемый expected expects",
    "proposed": "предложил предложила предложили предложено предлагает предлагают "
                "предложения предложение рассматривается рассматривают proposed proposes "
                "proposal proposals considered considering",
    "ongoing": "ведутся ведется реализуются реализуется продолжается ongoing underway",
}
STATUS_WORDS = {form: status for status, forms in _STATUSES.items() for form in forms.split()}

# Kind words: searched as text too, and facts of these kinds count as matching them.
_KINDS = {
    ("document",): "соглашение соглашения соглашений соглашениями соглашениях документ "
                   "документы документов документа меморандум меморандумы меморандума "
                   "меморандумов декларация декларацию декларации заявление "
                   "agreement agreements document documents memorandum memoranda "
                   "memorandums declaration",
    ("figure",): "цифры цифра показатели statistics figures figure number",
    ("institution",): "филиал филиалы филиалов branch branches institution institutions",
    ("project",): "проект проекты проектов project projects",
    ("commitment",): "обязательства commitments commitment",
}
KIND_WORDS = {form: kinds for kinds, forms in _KINDS.items() for form in forms.split()}
# Question words that ask for a kind and carry no text of their own.
QUESTION_KINDS = {("сколько",): ("figure",), ("how", "many"): ("figure",),
                  ("how", "much"): ("figure",), ("how", "long"): ("figure",)}

# Event words: facts of events of these kinds count as matching them.
_EVENTS = {
    ("state-visit", "working-visit", "official-visit"):
        "визит визита визите визиты визитов госвизит госвизита visit visits",
    ("forum",): "форум форума форуме форумы форумов forum forums",
    ("summit",): "саммит саммита саммите summit summits",
    ("talks", "meeting"): "переговоры переговоров переговорах talks negotiations",
}
EVENT_WORDS = {form: kinds for kinds, forms in _EVENTS.items() for form in forms.split()}

# Common domain words in the other language (hand-written, both directions).
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
медицина medicine; электростанция plant; спорт sport; молодежь youth; профессия profession
"""
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
президенты лидер лидеры глава главы
cooperation interaction development relations relationship issue issues question questions
area areas sphere field direction work supply supplies measures level framework results
prospects opportunities strengthening expansion implementation discussion creation country
countries side sides bilateral activity task role topic agenda process support partnership
ties president presidents leader leaders head heads
"""
GENERIC_STEMS = frozenset()  # filled on first use: stemming at import costs start-up
GENERIC_WEIGHT = 0.4

# Operators: "a phrase" (also «…» and “…”), -word, and OR (ИЛИ) between words, in capitals
# so that an English "or" stays a stopword.
_QUOTED = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]')
OR_WORDS = frozenset({"OR", "ИЛИ"})
OR_MARK = "|"


def is_generic(word: str) -> bool:
    """True for a word that names no topic of its own (see _GENERIC)."""
    global GENERIC_STEMS
    if not GENERIC_STEMS:
        GENERIC_STEMS = frozenset(stem(w) for w in _GENERIC.split())
    return stem(word) in GENERIC_STEMS


def operators(query: str) -> tuple[list[str], list[str], list[str]]:
    """Split what the query's operators say from its words: the plain words (OR as
    ``OR_MARK``), the quoted phrases and the -excluded words."""
    phrases: list[str] = []

    def take(match: re.Match[str]) -> str:
        phrases.append(next(group for group in match.groups() if group is not None))
        return " "

    rest = _QUOTED.sub(take, query)
    plain: list[str] = []
    excluded: list[str] = []
    for piece in rest.split():
        if piece in OR_WORDS:
            plain.append(OR_MARK)
        elif piece.startswith("-") and words(piece):
            excluded.extend(words(piece))
        else:
            plain.extend(words(piece))
    return plain, phrases, excluded


class Term(NamedTuple):
    """A word or glossary phrase searched as text, with what else it stands for."""

    text: str
    tokens: tuple[str, ...]
    aliases: list[tuple[str, ...]]
    translations: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    event_kinds: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    sector: str = ""
    sector_only: bool = False  # the sector's own name: facts of the sector match it
    entity: str = ""  # glossary kind: person, place, organization ...
    phrase: bool = False  # typed in quotes: its words must stand next to each other
    either: tuple["Term", ...] = ()  # typed with OR: a fact matching any of these matches
    generic: bool = False  # a word of every news story (поставки, cooperation): weighs less
    entry: str = ""  # the glossary entry's id, when the term names one


class Reading(NamedTuple):
    """A query read into text terms and constraints."""

    terms: list[Term]
    years: tuple[int, ...] = ()
    months: tuple[int, ...] = ()
    days: tuple[tuple[int, int], ...] = ()  # (month, day)
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # asked for by a question word only
    ignored: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    read_words: tuple[str, ...] = ()  # words taken as a time, status or question
    excluded: tuple[Term, ...] = ()  # typed as -word: facts that match them are left out

    @property
    def empty(self) -> bool:
        return not (self.terms or self.years or self.months or self.days or self.statuses
                    or self.kinds)

    def describe(self) -> str:
        """One line saying how the query was read, for the `read as:` line and --explain."""
        return Joined(self.notes, " · ") if self.notes else Said("read.text_only")


def _entry(names: list[tuple[str, ...]], glossary: list[Any]) -> Any:
    """The glossary entry a matched name belongs to (its English name is among ``names``).

    Found only when a query names something, so plain queries do not pay for it.
    """
    wanted = set(names)
    return next((entry for entry in glossary
                 if tuple(content_words(entry.name_en)) in wanted), None)


def _events_at(entry: Any, events: Iterable[Any]) -> tuple[str, ...]:
    """Events held at a glossary place, or named by a glossary event."""
    names = {normalize(name) for name in entry.all_names()}
    found = []
    for event in events:
        if entry.kind == "place" and names & {normalize(place) for place in event.places}:
            found.append(event.id)
        elif entry.kind == "event" and any(
                name in normalize(event.title_en) or name in normalize(event.title_ru)
                for name in names):
            found.append(event.id)
    return tuple(found)


def _mark_times(tokens: list[str], today: date) -> tuple[dict[int, str], list[int],
                                                          list[int], list[tuple[int, int]]]:
    """Positions used by times, and the years, months and (month, day) pairs they state."""
    used: dict[int, str] = {}
    years: list[int] = []
    months: list[int] = []
    days: list[tuple[int, int]] = []
    for position, token in enumerate(tokens):
        match = YEAR.match(token)
        if match:
            years.append(int(match.group(1)))
            used[position] = Said("read.year", year=match.group(1))
            following = position + 1
            if following < len(tokens) and tokens[following] in YEAR_WORDS:
                used[following] = ""
    for position in range(len(tokens) - 1):
        offset = RELATIVE.get((tokens[position], tokens[position + 1]))
        if offset is not None and position not in used:
            years.append(today.year + offset)
            words_used = f"{tokens[position]} {tokens[position + 1]}"
            used[position] = Said("read.year_words", year=today.year + offset, words=words_used)
            used[position + 1] = ""
    for position, token in enumerate(tokens):
        month = MONTHS.get(token)
        if month is None or position in used:
            continue
        before = tokens[position - 1] if position else ""
        after = tokens[position + 1] if position + 1 < len(tokens) else ""
        day = int(before) if before.isdigit() and 1 <= int(before) <= 31 else 0
        if token in WEAK_MONTHS and not day and not YEAR.match(after):
            continue
        if day:
            days.append((month, day))
            used[position - 1] = ""
            used[position] = Said("read.date", date=f"{day:02d}-{month:02d}")
        else:
            months.append(month)
            used[position] = Said("read.month", month=f"{month:02d}")
    return used, years, months, days


def read(query: str, aliases: AliasTable, events: Iterable[Any] = (),
         sectors: Iterable[Any] = (), glossary: Iterable[Any] = (),
         today: date | None = None, literal: bool = False) -> Reading:
    """Turn the text of a query into text terms and constraints; ``literal`` keeps every
    word as text (glossary names still match each other)."""
    if literal:
        tokens = words(query)
        content = [t for t in tokens if t not in STOPWORDS]
        return Reading(_terms(content, aliases, [], [], []),
                       ignored=tuple(t for t in tokens if t in STOPWORDS),
                       notes=(Said("read.literal_words"),))
    tokens, phrases, excluded = operators(query)
    used, years, months, days = _mark_times(tokens, today or date.today())
    notes = [note for _, note in sorted(used.items()) if note]
    statuses: list[str] = []
    kinds: list[str] = []
    ignored: list[str] = []
    content: list[str] = []
    read_words = [tokens[p] for p in sorted(used)]
    position = 0
    while position < len(tokens):
        token = tokens[position]
        pair = tuple(tokens[position:position + 2])
        if position in used:
            position += 1
        elif pair in QUESTION_KINDS or (token,) in QUESTION_KINDS:
            key = pair if pair in QUESTION_KINDS else (token,)
            kinds.extend(QUESTION_KINDS[key])
            read_words.extend(key)
            notes.append(Said("read.asks_for", words=" ".join(key), kinds=Joined(
                [vocab("kind", kind) for kind in QUESTION_KINDS[key]], "/")))
            position += len(key)
        elif token in STATUS_WORDS:
            statuses.append(STATUS_WORDS[token])
            read_words.append(token)
            notes.append(Said("read.status", status=status_word(STATUS_WORDS[token])))
            position += 1
        elif token in STOPWORDS:
            ignored.append(token)
            position += 1
        else:
            content.append(token)
            position += 1
    events, sectors, glossary = list(events), list(sectors), list(glossary)
    terms = _terms(content, aliases, events, sectors, glossary)
    for phrase in phrases:
        inside = content_words(phrase)
        if not inside:
            continue
        found = _terms(inside, aliases, events, sectors, glossary)
        if len(inside) == 1:  # a quoted word is a word of the text, never a time or status
            terms.extend(found)
        else:
            terms.append(Term(" ".join(inside), tuple(inside), [], phrase=True,
                              generic=all(t.generic for t in found)))
    for term in terms:
        notes.extend(_term_notes(term))
    unwanted = tuple(_terms(list(excluded), aliases, [], [], []))
    notes.extend(Said("read.not", word=term.text) for term in unwanted)
    return Reading(terms, tuple(dict.fromkeys(years)), tuple(dict.fromkeys(months)),
                   tuple(dict.fromkeys(days)), tuple(dict.fromkeys(statuses)),
                   tuple(dict.fromkeys(kinds)), tuple(ignored), tuple(notes), tuple(read_words),
                   unwanted)


def _terms(tokens: list[str], aliases: AliasTable, events: list[Any], sectors: list[Any],
           glossary: list[Any]) -> list[Term]:
    """Split content words into terms, taking the longest glossary phrase at each position."""
    stems = [stem(t) for t in tokens]
    longest = getattr(aliases, "longest", None) or max(map(len, aliases), default=1)
    sector_words = _sector_words(sectors) if sectors else {}
    terms: list[Term] = []
    position = 0
    join = False
    while position < len(tokens):
        if tokens[position] == OR_MARK:
            join = bool(terms)
            position += 1
            continue
        if join:  # the previous term and the next one are alternatives
            join, before = False, terms.pop()
            following = _terms(tokens[position:position + 1], aliases, events, sectors, glossary)
            terms.append(_either(before, following[0]))
            position += 1
            continue
        for size in range(min(longest, len(tokens) - position), 0, -1):
            key = tuple(stems[position:position + size])
            if key in aliases:
                phrase = tuple(tokens[position:position + size])
                entry = _entry(aliases[key], glossary)
                terms.append(_term(phrase, aliases[key], entry, events, sector_words))
                position += size
                break
        else:
            # Snowball cuts some names short (Астана → аста, Астане → астан).
            key = (stems[position][:-1],)
            names_here = aliases.get(key, []) if len(key[0]) >= 4 else []
            entry = _entry(names_here, glossary) if names_here else None
            terms.append(_term((tokens[position],), names_here, entry, events, sector_words))
            position += 1
    return terms


def _term(phrase: tuple[str, ...], names: list[tuple[str, ...]], entry: Any,
          events: list[Any], sector_words: dict[str, tuple[str, bool]]) -> Term:
    word = phrase[0] if len(phrase) == 1 else ""
    word_stem = stem(word) if word else ""
    sector, sector_only = sector_words.get(word_stem, ("", False)) if word else ("", False)
    translations = tuple(BILINGUAL.get(word, ()) or BILINGUAL.get(_bilingual_key(word), ()))
    return Term(
        text=" ".join(phrase), tokens=phrase, aliases=names, translations=translations,
        kinds=KIND_WORDS.get(word, ()), event_kinds=EVENT_WORDS.get(word, ()),
        events=_events_at(entry, events) if entry is not None else (),
        sector=sector, sector_only=sector_only, entity=entry.kind if entry is not None else "",
        generic=bool(word) and entry is None and is_generic(word),
        entry=entry.id if entry is not None else "")


def _either(first: Term, second: Term) -> Term:
    """Alternatives typed with OR; ``a OR b OR c`` nests into one flat group."""
    options = (*(first.either or (first,)), *(second.either or (second,)))
    return Term(" OR ".join(t.text for t in options),
                tuple(w for t in options for w in t.tokens), [], either=options)


_BILINGUAL_STEMS: dict[str, str] = {}


def _bilingual_key(word: str) -> str:
    """The table's word with the same stem as ``word`` (университеты -> университет)."""
    if not _BILINGUAL_STEMS:
        _BILINGUAL_STEMS.update({stem(key): key for key in BILINGUAL})
    return _BILINGUAL_STEMS.get(stem(word), "") if word else ""


def _term_notes(term: Term) -> list[str]:
    """How one term was read, each note a Said (English, and sayable in Russian)."""
    text = term.text
    if term.either:
        return [Joined([Said("read.quoted", word=t.text) for t in term.either],
                       Said("read.or"))]
    if term.phrase:
        return [Said("read.phrase", words=text)]
    notes: list[str] = []
    if term.kinds:
        notes.append(Said("read.kinds", word=text,
                          kinds=Joined([vocab("kinds", kind) for kind in term.kinds], "/")))
    if term.event_kinds:
        notes.append(Said("read.event_kinds", word=text, kinds=Joined(
            [vocab("event_kind", kind) for kind in term.event_kinds])))
    if term.events:
        notes.append(Said("read.entity_events", word=text, entity=vocab("entity", term.entity),
                          events=", ".join(term.events)))
    elif term.entity:
        notes.append(Said("read.entity", word=text, entity=vocab("entity", term.entity)))
    if term.sector:
        notes.append(Said("read.sector", word=text, sector=term.sector))
    if term.translations:
        notes.append(Said("read.translations", word=text, words=", ".join(term.translations)))
    if not (term.kinds or term.event_kinds or term.entity or term.sector or term.translations):
        notes.append(Said("read.generic" if term.generic else "read.word", word=text))
    return notes
