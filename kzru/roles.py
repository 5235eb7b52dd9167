"""Why track follows a fact and in whose voice, read from the fact's own words: its role (a
commitment, a signed document, a discussed item, a reported project), whether the sides or a
commentator say it, and the words of its evidence that carry its status.

Why apart from follow.py: these rules read one fact at a time (its status, kind, speaker and
evidence) and never the links between facts; the store's narrowing of track's candidates
(walks.ROLE_CANDIDATES) is kept in step with ``role`` here.
"""

from __future__ import annotations

import re
from typing import Iterable

from kzru.lint import STATUS_CUES
from kzru.model import Fact
from kzru.text import normalize

TRACKED = ("agreed", "planned", "expected", "proposed", "ongoing")
COMMITMENT, DOCUMENT, DISCUSSED, PROJECT = "commitment", "document", "discussed", "project"
# A forecast or proposal said as someone's view (a statement, not an undertaking): Tokayev's
# belief that the undertakings will help reshape education, the experts' call for joint
# science, the outlet's forecast for a visit. Followed (a forecast is held against what came
# of it), but no one's commitment (round-11 briefs reader).
VIEW = "view"
VIEWS = ("expected", "proposed")
# A joint project or an institution the article reports as a state of affairs is followed too
# (the 2022 peaceful-atom work, the KamAZ centre in Almaty).
PROJECTS = ("project", "institution")
# What is at work when it is "ongoing" (the nine branches «успешно функционируют», a branch
# whose work «подтверждена»): a state of affairs followed as a project, not a commitment of
# the sides (round-10 and round-12 track readers). Work under way on a project stays a
# commitment: it was undertaken and is not finished.
AT_WORK = ("institution", "figure")
STATE, COMMENTATOR = "state", "commentator"
VOICES = (STATE, COMMENTATOR)
# Words that report talk, not a decision: a meeting's discussed items are followed for what
# became of them ("обсуждены", "подчеркнули важность", "обозначили сотрудничество").
DISCUSSION_CUES = ("обсуди", "обсужд", "подчеркн", "обозначи", "затрону", "отмечен", "отмети",
                   "discuss", "stress", "outline", "singled out")
# Words of work that has no end point (expanding a network, developing, strengthening,
# deepening): a later step done carries it forward but never completes it, so track says
# "in progress", not "done" (round-13 re-readers: «расширению сети филиалов» with a branch
# later open). Read only in an undertaking's own words (``open_ended``).
OPEN_ENDED_CUES = ("расширени", "расширя", "развити", "развива", "укреплени", "укрепля",
                   "углублени", "углубля", "наращивани", "наращива")
OPEN_ENDED_STATUSES = ("agreed", "planned")
# Words before "отметить" that make it the writer's aside, not what the sides said.
ASIDES = frozenset({"необходимо", "следует", "стоит", "нужно", "надо", "важно", "можно"})
# Talk about relations as such ("обсуждали двусторонние отношения") is a meeting's agenda, not
# a file anyone follows.
GENERAL_SECTORS = ("politics",)


def voice(fact: Fact) -> str:
    """state or commentator. The table names a commentator with their affiliation in brackets
    ("Zhanar Tulindinova (KazISS)") or as "experts"; leaders and state bodies plainly. With no
    speaker, a forecast is the outlet's own view; anything else reports what the sides did.
    A meeting, held or to come, is its organisers' programme whoever relays it: the XXI
    forum's business councils and contact exchange, which the expert names as planned, are
    no view of hers (round-11 track reader)."""
    if fact.kind == "meeting":
        return STATE
    key = (fact.speaker, fact.status == "expected")
    found = _VOICES.get(key)
    if found is None:  # worked out once a speaker: a table names the same few thousands
        speakers = [s.strip() for s in fact.speaker.split(";") if s.strip()]
        commentator = any("(" in s or normalize(s) in ("experts", "эксперты")
                          for s in speakers) or (not speakers and key[1])
        found = COMMENTATOR if commentator else STATE
        if len(_VOICES) < 100_000:
            _VOICES[key] = found
    return found


_VOICES: dict[tuple[str, bool], str] = {}


def _cue_pattern(cues: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(normalize(cue)) for cue in cues)
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})[^\W_]*(?:\s+[^\W_]+){{0,2}}")


_OPEN_ENDED: list[re.Pattern[str]] = []  # compiled when first asked (open_ended)


def open_ended(fact: Fact) -> str:
    """The word of an agreement or plan that makes it work with no end point («по расширению
    сети филиалов»), or "" when it has a finish (a branch to set up, a plant to build)."""
    if fact.status not in OPEN_ENDED_STATUSES or fact.kind == "document":
        return ""
    if not _OPEN_ENDED:
        _OPEN_ENDED.append(re.compile(r"(?<![^\W\d_])(?:%s)[^\W_]*" % "|".join(
            re.escape(normalize(cue)) for cue in OPEN_ENDED_CUES)))
    found = _OPEN_ENDED[0].search(normalize(fact.evidence))
    return found.group(0) if found else ""


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _patterns() -> dict[str, re.Pattern[str]]:
    """Each status's cue pattern, compiled when first asked: a run that only reads track's
    kept answer (judged.py) never judges a fact, and compiling them took most of this
    module's import."""
    if not _PATTERNS:
        found = {status: _cue_pattern(cues) for status, cues in STATUS_CUES.items()}
        found["reported"] = _cue_pattern(DISCUSSION_CUES)
        _PATTERNS.update(found)
    return _PATTERNS


def deciding_words(fact: Fact, earlier: Fact | None = None) -> str:
    """The words of the evidence that carry the fact's status (the cue and the two words after
    it), as written; empty when the evidence holds none. With ``earlier``, the words that name
    the thing both facts are about follow after " … " when the cue does not show them
    ("открыты филиалы девяти … инженерно-физического института (МИФИ)")."""
    pattern = _patterns().get(fact.status)
    folded = normalize(fact.evidence)
    found = pattern.search(folded) if pattern else None
    if found is None and earlier is not None and len(folded) == len(fact.evidence):
        # no word of talk or status ("уделяют должное внимание продвижению русской
        # культуры"): the words that name what both facts are about decide
        return _naming_words(fact.evidence, earlier, 0, 0)
    if found is None or len(folded) != len(fact.evidence):
        return normalize(found.group()) if found else ""
    cue = fact.evidence[found.start():found.end()]
    named = _naming_words(fact.evidence, earlier, found.start(), found.end()) \
        if earlier is not None else ""
    if named:
        # "…" marks words left out: where the run follows the cue with nothing between, the
        # words are quoted as written («прибыл с государственным визитом в Москву»; round 12)
        at = fact.evidence.find(named, found.end())
        gap = fact.evidence[found.end():at] if at >= 0 else "…"
        return f"{cue}{gap}{named}" if not gap.strip() else f"{cue} … {named}"
    if earlier is not None:  # no word of the earlier fact's: the cue up to what it is about
        return cue + _to_own_name(fact, found.end())
    return cue


# The words after a cue searched for the later fact's own name (the object of its verb).
OBJECT_WORDS = 8


def _to_own_name(fact: Fact, end: int) -> str:
    """The evidence from ``end`` (a cue's end) through the first of the fact's own names
    within OBJECT_WORDS words, else nothing: what was agreed or completed, where the earlier
    fact shares no word to show it («завершена работа по созданию филиала МГИМО»;
    «Договорились последовательно расширять возможности транспортных коридоров Север — Юг»;
    round-11 track reservations 1 and 6)."""
    def fold(text: str) -> str:  # a no-break space is a space: one character for one
        return text.casefold().replace("\xa0", " ")

    folded = fold(fact.evidence)
    if len(folded) != len(fact.evidence):
        return ""
    tokens = list(_TOKEN.finditer(fact.evidence, end))[:OBJECT_WORDS]
    if not tokens:
        return ""
    limit = tokens[-1].end()
    names = [fold(name) for name in fact.names if len(name) > 1]
    starts = [at for name in names for at in [folded.find(name, end)]
              if 0 <= at < limit and not folded[at - 1].isalnum()]
    if not starts:
        return ""
    first = min(starts)
    name = max((n for n in names if folded.startswith(n, first)), key=len)
    return fact.evidence[end:first + len(name)]


_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# the stems of the countries' names in every case: "Казахстан" and "Казахстана" stem to
# "казахста", "Казахстане" to "казахстан", "России" to "росс"
_COUNTRIES = frozenset({"казахста", "казахстан", "росс", "kazakhstan", "russia", "рф"})
_MONTHS = frozenset({"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                     "октябр", "ноябр", "декабр"})


def _naming_words(evidence: str, earlier: Fact, start: int, end: int) -> str:
    """The longest run of words outside the cue (start, end) that the earlier fact's evidence
    also holds, in any form (small words inside a run do not break it), with the two words
    before it; a run with a proper name wins a tie. Countries, numbers and months name
    nothing."""
    from kzru.text import STOPWORDS, stem

    def key(word: str) -> str:
        folded = normalize(word)
        if folded in STOPWORDS:
            return " "  # a small word: inside a run, not a run of its own
        if any(ch.isdigit() for ch in folded) or stem(folded) in _MONTHS:
            return ""
        return stem(folded)

    theirs = {key(m.group()) for m in _TOKEN.finditer(earlier.evidence)} - {"", " "} - \
        _COUNTRIES
    tokens = list(_TOKEN.finditer(evidence))
    keys = [key(token.group()) for token in tokens]
    best: tuple[int, bool, int, int] | None = None  # (words, a proper name, -first, last)
    first = last = None
    for position in range(len(tokens) + 1):
        inside = position < len(tokens) and start <= tokens[position].start() < end
        shared = position < len(tokens) and not inside and keys[position] in theirs
        small = position < len(tokens) and not inside and keys[position] == " "
        if shared:
            first = position if first is None else first
            last = position
        elif small and first is not None:
            continue
        elif first is not None and not inside and _bridged(evidence, keys, tokens, position,
                                                           start, end, theirs):
            continue  # one word between two shared ones («русской культуры и языка»)
        elif first is not None and last is not None:
            run = [t for t, k in zip(tokens[first:last + 1], keys[first:last + 1]) if k != " "]
            score = (len(run), any(t.group()[:1].isupper() for t in run), -first, last)
            best = max(best, score) if best else score
            first = last = None
    if best is None:
        return ""
    lead, last = max(0, -best[2] - 2), best[3]
    # never repeat the cue's own words: a run after the cue starts its two words after it (a
    # run before the cue keeps them, as it keeps words before the cue)
    while lead < -best[2] and tokens[lead].start() < end <= tokens[-best[2]].start():
        lead += 1
    stop = tokens[last].end()
    # an abbreviation right after the run is the thing it names («первой АЭС»; round 12)
    while last + 1 < len(tokens) and _ACRONYM.fullmatch(tokens[last + 1].group()) and \
            not evidence[stop:tokens[last + 1].start()].strip():
        last += 1
        stop = tokens[last].end()
    while stop < len(evidence) and evidence[stop] in ")»":
        stop += 1
    return evidence[tokens[lead].start():stop]


def _bridged(evidence: str, keys: list[str], tokens: list[re.Match[str]], position: int,
             start: int, end: int, theirs: set[str]) -> bool:
    """A word a run may hold though the earlier fact lacks it: one word, right after a shared
    one, followed (small words apart, no punctuation between) by another shared word outside
    the cue — the words of one named object («продвижению русской культуры и языка» after
    «поддержки русского языка»: the run is the object, not «русской» cut short; round-13b
    track reader). A comma ends an object («поставки газа, затем помощь»)."""
    if position == 0 or keys[position - 1] not in theirs:
        return False
    for after in range(position, min(position + 3, len(tokens))):
        if evidence[tokens[after - 1].end():tokens[after].start()].strip():
            return False  # punctuation between: another object
        if after == position:
            continue
        if start <= tokens[after].start() < end:
            return False
        if keys[after] in theirs:
            return True
        if keys[after] != " ":
            return False
    return False


# A word in capitals of two letters or more (АЭС, ТМТМ, МИФИ): an abbreviation, a name.
_ACRONYM = re.compile(r"[^\W\d_a-zа-яё]{2,}")


def is_discussed(fact: Fact) -> bool:
    """An item a meeting discussed, stressed or outlined: reported at an event, in words of
    talk, by the sides rather than a commentator."""
    if not fact.event or fact.kind != "statement":
        return False
    return talks(fact) and fact.sectors[0] not in GENERAL_SECTORS


def talks(fact: Fact) -> bool:
    """Reported by the sides in words of talk: discussed, stressed, outlined, singled out —
    not the outlet's own aside ("необходимо отметить, что…")."""
    if fact.status != "reported" or voice(fact) != STATE:
        return False
    folded = normalize(fact.evidence)
    for found in _patterns()["reported"].finditer(folded):
        before = folded[:found.start()].split()
        if not before or before[-1] not in ASIDES:
            return True
    return False


def role(fact: Fact) -> str:
    """Why track follows the fact: a commitment, a view (a forecast or proposal stated), a
    signed document, a discussed item, a reported project or institution, or ""."""
    if fact.status == "ongoing" and fact.kind == "meeting":
        return ""  # the meeting itself under way ("сегодня проходят переговоры"): no commitment
    if fact.status in VIEWS and (fact.kind == "statement" or voice(fact) == COMMENTATOR):
        # a forecast or proposal an expert voices is her view, whatever it is about (the
        # agritech start-ups «рассматривается», in the KazISS expert's words): no one's
        # commitment (round-14 track reader)
        return VIEW
    if fact.status == "ongoing" and fact.kind in AT_WORK:
        return PROJECT  # a branch confirmed at work, nine branches operating: no undertaking
    if fact.status in TRACKED:
        return COMMITMENT
    if fact.status == "signed" and fact.kind == "document":
        return DOCUMENT
    if is_discussed(fact):
        return DISCUSSED
    if fact.status == "reported" and fact.kind in PROJECTS:
        return PROJECT
    return ""

