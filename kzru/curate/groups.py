"""The clause groups a long sentence is drafted in: runs of whole clauses that each fit one
evidence excerpt, a clause too long for one cut before its predicate, at its closing «name»,
or into windows that end and begin at a phrase's edge (a comma, a conjunction, a
preposition), never inside a name or a quotation.

Kept apart from kzru.curate.evidence (how one excerpt is cut from a sentence): this says
where a sentence divides into what is drafted.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kzru.curate.annotate import Sentence, Token
from kzru.curate.evidence import EVIDENCE_LIMIT, FINITE_POS, inside_marks, phrase_edges, strip_span
from kzru.model import EVIDENCE_JOINER

# Where a long sentence is cut into clause groups: not inside parentheses, which belong to
# the word before them ("вузами (МИФИ, МФТИ)": the list is what the clause says).
_GROUP_BREAK = re.compile(r"[,;:—–]\s|\s[—–]\s|[.!?]\s+(?=[a-zа-яё])")

class Group(NamedTuple):
    """One clause group of a long sentence: its own span (what is drafted), and the span its
    evidence may cover: the whole clauses around it that still fit, for context."""

    start: int
    stop: int
    left: int
    right: int
    subject: tuple[int, int] | None  # a predicate cut from its long subject: the subject
    # head's words, quoted before it ("Министерство … подписали Меморандум …")
    only_subject: bool  # a long subject cut from its predicate: nothing to draft by itself
    member: bool = False  # one member of an enumeration: a name may be all it holds
    name: tuple[int, int] | None = None  # an overlong clause's closing «name», quoted after
    # its first words ("подписало меморандумы с … вузами (…) … «Болашак»")
    act: bool = False  # one act of a coordinated sentence, with a finite verb of its own: a
    # whole statement however short ("Министры подписали протокол, а также …")


# Words that open a relative clause: it belongs to the noun just before it ("ветку, которая
# позволит…"), so it is never the start of a group.
_RELATIVE = ("котор", "где", "куда", "откуда", "чей", "чья", "чьё", "чье", "чьи")


def _token_at(sentence: Sentence, offset: int, after: bool) -> Token | None:
    """The word token just after (or just before) ``offset``."""
    words = [t for t in sentence.tokens if re.search(r"\w", t.text)]
    if after:
        return next((t for t in words if t.start >= offset), None)
    return next((t for t in reversed(words) if t.stop <= offset), None)


def _homogeneous(sentence: Sentence, at: int) -> bool:
    """The comma at ``at`` separates two members of one list, not two clauses: two adjectives
    or participles ("конструктивный, доверительный"), or two nouns in one case whose list
    goes on ("портами Ирана, Индии и государств залива")."""
    from kzru.curate.annotate import _parse

    before, after = _token_at(sentence, at, False), _token_at(sentence, at + 1, True)
    if before is None or after is None:
        return False
    adjectival = ("ADJF", "PRTF")
    if before.pos in adjectival and after.pos in adjectival:
        return True
    if before.pos != "NOUN" or after.pos != "NOUN" or after.text[:1].isupper() != \
            before.text[:1].isupper():
        return False
    cases = [{p.tag.case for p in _parse(t.text)[:2]} for t in (before, after)]
    if not cases[0] & cases[1]:
        return False
    for token in [t for t in sentence.tokens if t.start >= after.stop][:3]:
        if token.text.lower() in (",", "и", "или"):
            return True
        if token.pos not in ("ADJF", "PRTF", "NOUN"):
            return False
    return False


def _breaks(sentence: Sentence, text: str) -> list[tuple[int, int]]:
    """Where a long sentence may be cut into clause groups: a comma, semicolon, colon or dash,
    but not inside parentheses or «quotes», not between members of a list, and not at a
    pair of dashes that set off an insertion ("вызовы – фрагментация рынков – требуют")."""
    found: list[tuple[int, int, bool]] = []  # (at, end, a dash)
    for match in _GROUP_BREAK.finditer(text, sentence.start, sentence.stop):
        at = match.start()
        if inside_marks(text, sentence.start, at, "(", ")") or \
                inside_marks(text, sentence.start, at, "«", "»"):
            continue
        mark = match.group(0).strip()
        if mark == "," and _homogeneous(sentence, at):
            continue
        found.append((at, match.end(), mark in "—–"))
    paired: set[int] = set()
    for first, second in zip(found, found[1:]):
        if first[2] and second[2] and first[0] not in paired:
            paired |= {first[0], second[0]}
    return [(at, end) for at, end, _ in found if at not in paired]


def _members(text: str, start: int, stop: int) -> list[int]:
    """Inside a clause that opens with a preposition, where "и"/"или" and the same
    preposition start the next member of an enumeration ("по обеспечению … и по обмену")."""
    opening = re.match(r"[^\w]*(\w+)\s", text[start:stop])
    if opening is None or len(opening.group(1)) > 3:
        return []
    word = re.escape(opening.group(1))
    return [start + m.start(1) for m in re.finditer(
        rf"\s((?:и|или|а также)\s+{word})\s", text[start:stop], re.IGNORECASE)]


def _predicate(sentence: Sentence, start: int, stop: int) -> int | None:
    """Where the first finite verb (or short form, predicative) of a span stands, if any
    words come before it."""
    for token in sentence.tokens:
        if start < token.start < stop and token.pos in FINITE_POS:
            return token.start
    return None


# Words after which a list of names follows ("включая МГУ, МФТИ…"): each name is a member.
_LIST_OPENERS = ("включая", "в том числе", "такие как", "такими как", "а именно")
# Prepositions that repeat before each member of an enumeration of objects ("договоренности
# по запуску…, по обеспечению… и по обмену…").
_MEMBER_PREPOSITIONS = ("по", "о", "об", "для", "с", "со", "на", "в", "во", "за", "к")


def _opening_words(text: str, a: int, b: int, count: int = 2) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", text[a:b])[:count]]


def _member(text: str, units: list[tuple[int, int]], number: int) -> bool:
    """Whether a clause is one member of an enumeration governed by a head clause before it:
    it opens with the preposition a clause before it also holds (after "и", "или", "а
    также"), or with a capitalised name after "включая", "в том числе" or a colon."""
    if number == 0:
        return False
    a, b = units[number]
    words = [w for w in _opening_words(text, a, b, 4) if w not in ("и", "или", "а", "также")]
    before = text[units[0][0]:a].lower()
    previous = text[units[number - 1][0]:units[number - 1][1]].lower()
    if words and words[0] in _MEMBER_PREPOSITIONS and (
            re.search(rf"\w\s+{words[0]}\s", previous) or (
                _member(text, units, number - 1) and _opening_words(
                    text, *units[number - 1], 4)[:2].count(words[0]))):
        return True  # the preposition follows a word of the clause before, or opened it
    first = re.search(r"\w", text[a:b])
    return bool(first) and first.group(0).isupper() and (
        any(opener in before for opener in _LIST_OPENERS) or ":" in before)


def _units(sentence: Sentence, text: str) -> list[tuple[int, int]]:
    """The sentence's clauses: cut at each break (_breaks) and before each member of a
    repeated-preposition enumeration; a relative clause ("ветку, которая…", "вызовы которой
    – …") kept with the clause before it, and a clause ending in a colon or an explanatory
    dash kept with the one after it, which it announces ("была заметна с утра — в столице
    развесили флаги")."""
    cuts = [sentence.start, *(end for _, end in _breaks(sentence, text))]
    units = list(zip(cuts, cuts[1:] + [sentence.stop]))
    split: list[tuple[int, int]] = []
    for a, b in units:
        inner = [a, *_members(text, a, b), b]
        split += list(zip(inner, inner[1:]))
    glued: list[tuple[int, int]] = []
    announcing = False
    for a, b in split:
        relative = any(w.startswith(_RELATIVE) for w in _opening_words(text, a, b))
        if glued and (relative or announcing):
            glued[-1] = (glued[-1][0], b)
        else:
            glued.append((a, b))
        announcing = text[a:b].rstrip()[-1:] in ":—–" and not relative and not announcing
    return glued


def _windows(sentence: Sentence, text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """An overlong clause as windows that each fit one excerpt, ending at a phrase's edge
    (evidence.phrase_edges), never inside a name or a quotation. Two windows: the first as
    long as an edge allows, the second the clause's last words reaching back over the cut
    for context; more: each as long as an edge allows, the last two split at the edge
    nearest their middle, none overlapping (no words quoted twice)."""
    limit = EVIDENCE_LIMIT
    ends = phrase_edges(sentence, text, a + limit // 2, a + limit)
    cut = max(ends) if ends else text.rfind(" ", a, a + limit)
    cut = cut if cut > a else a + limit
    if b - cut <= limit:
        start = text.find(" ", b - limit, b) + 1 or cut
        while start < b and (inside_marks(text, sentence.start, start, "«", "»") or any(
                e.start < start < e.stop for e in sentence.entities)):
            start = text.find(" ", start, b) + 1 or b  # not inside a name or a quotation
        return [(a, cut, "window"), (start if start < b else cut, b, "window")]
    found = []
    while b - a > limit:
        two = phrase_edges(sentence, text, b - limit, a + limit)
        ends = phrase_edges(sentence, text, a + limit // 2, a + limit)
        cut = min(two, key=lambda at: abs(2 * at - a - b)) if two else max(ends) if ends \
            else text.rfind(" ", a, a + limit)
        cut = cut if cut > a else a + limit
        found.append((a, cut, "window"))
        a = cut
    return found + [(a, b, "window")]


def _subject_before(sentence: Sentence, opening: int, verb: int) -> int | None:
    """Where the words right before a verb that name its subject begin, when the clause opens
    with an adverbial (a preposition or an adverb: "В ноябре по итогам визита …") rather than
    with its subject: nouns, adjectives and "и" back from the verb, up to the noun a
    preposition governs. None when the clause opens with its subject or none stands there."""
    words = [t for t in sentence.tokens if opening <= t.start < verb and re.search(r"\w", t.text)]
    if not words or words[0].pos not in ("PREP", "ADVB"):
        return None
    start = None
    for index in range(len(words) - 1, 0, -1):
        token = words[index]
        if token.pos not in ("NOUN", "ADJF", "PRTF", "NUMR", "CONJ") or \
                words[index - 1].pos == "PREP":
            break
        start = token.start
    return start if start is not None and verb - start >= SUBJECT_WORDS else None


SUBJECT_WORDS = 10  # characters, at least, of a subject quoted from before its verb


def clause_groups(sentence: Sentence, text: str) -> list[Group]:
    """A sentence longer than the evidence limit, as runs of whole clauses that each fit:
    each run is drafted on its own, as a long news sentence usually reports several things.

    Clauses as _units gives them; each member of an enumeration is a run of its own (one
    agreement, one university: one fact each). A clause too long for one piece is cut
    before its predicate when its subject is long (the subject's head words are then quoted
    before the predicate), else quoted twice, by its first and by its last words. Each
    run's evidence may reach over whole clauses around it while it fits."""
    units = _units(sentence, text)
    # (start, stop, role): "subject"/"predicate" for the two sides of a clause cut before its
    # predicate, "member" for a member of an enumeration, "window" for a piece of an
    # overlong clause (which may overlap the other piece), "" otherwise
    pieces: list[tuple[int, int, str]] = []
    closing: dict[int, tuple[int, int]] = {}  # a "named" piece's start -> its closing name
    for number, (a, b) in enumerate(units):
        member = _member(text, units, number)
        verb = _predicate(sentence, a, b) if b - a > EVIDENCE_LIMIT else None
        if b - a <= EVIDENCE_LIMIT:
            pieces.append((a, b, "member" if member else ""))
        elif verb is not None and EVIDENCE_LIMIT // 3 < verb - a <= EVIDENCE_LIMIT and \
                b - verb <= EVIDENCE_LIMIT:
            pieces += [(a, verb, "subject"), (verb, b, "predicate")]
        elif (named := closing_name(text, a, b)) is not None:
            pieces.append((a, named[0], "named"))
            closing[a] = named[1]
        else:
            pieces += _windows(sentence, text, a, b)
    runs: list[tuple[int, int, str]] = []
    for a, b, role in pieces:
        if runs and not role and not runs[-1][2] and b - runs[-1][0] <= EVIDENCE_LIMIT:
            runs[-1] = (runs[-1][0], b, "")
        else:
            runs.append((a, b, role))
    bounds = [(a, b) for a, b, role in pieces if role != "window"]
    groups = []
    for number, (a, b, role) in enumerate(runs):
        own = strip_span(text, a, b)
        if own[1] <= own[0]:
            continue
        left, right = own if role in ("window", "named") else _widened(own, bounds, text)
        subject = None
        opens = next((tk for tk in sentence.tokens if tk.start >= own[0]), None)
        if role == "predicate" or (number and opens is not None and opens.pos in ("VERB",
                                                                              "PRTS")):
            # a predicate without its subject: the subject's head opens the sentence (or the
            # clause cut from it): "Торжественная церемония … продолжилась в аэропорту"
            subject_start = runs[number - 1][0] if role == "predicate" else sentence.start
            if role == "predicate" and subject_start > sentence.start and not any(
                    tk.pos in FINITE_POS for tk in sentence.tokens
                    if sentence.start <= tk.start < subject_start):
                subject_start = sentence.start  # the subject began with the sentence
            near = _subject_before(sentence, subject_start, own[0]) if role == "predicate" \
                else None
            if near is not None:
                # "В ноябре по итогам визита … министерства энергетики Казахстана и России
                # подписали …": the subject stands right before its verb, not in the
                # sentence's opening words; one window from it, ending at a phrase's edge
                ends = phrase_edges(sentence, text, near + EVIDENCE_LIMIT // 2,
                                    near + EVIDENCE_LIMIT)
                end = own[1] if own[1] - near <= EVIDENCE_LIMIT else max(ends) if ends else \
                    text.rfind(" ", near, near + EVIDENCE_LIMIT)
                own = left, right = strip_span(text, near, end)
                groups.append(Group(own[0], own[1], left, right, None, False))
                continue
            room = EVIDENCE_LIMIT - (own[1] - own[0]) - len(EVIDENCE_JOINER)
            cut = text.rfind(" ", subject_start, subject_start + room)
            if inside_marks(text, subject_start, cut, "«", "»"):
                cut = text.rfind(" ", subject_start, text.rfind("«", subject_start, cut))
            if room >= 20 and cut > subject_start:
                subject = strip_span(text, subject_start, cut)
                left, right = own
        groups.append(Group(own[0], own[1], left, right, subject, role == "subject",
                            role == "member", closing.get(a)))
    return groups


# Where the first words of an overlong clause may end, before its closing name: after a
# closing bracket or quote (a list or a name ends there), else at a space.
_PHRASE_END = re.compile(r"[)»](?=\s)")


def closing_name(text: str, start: int, stop: int
                 ) -> tuple[int, tuple[int, int]] | None:
    """An overlong clause that ends with a name in «quotes» (a programme, a project, a
    forum: what a news sentence's closing name usually is), quoted by its first words and
    that name, the words between them dropped, instead of by two windows that each cut a
    phrase: (where the first words end, the name's span); None when the clause does not end
    with a name or its first words would be under half the limit."""
    end = start + len(text[start:stop].rstrip(" .!?;,"))
    if end <= start or text[end - 1] != "»":
        return None
    opening = text.rfind("«", start, end - 1)
    if opening <= start or "»" in text[opening:end - 1]:
        return None  # no name of its own, or a quote inside a quote
    room = EVIDENCE_LIMIT - (end - opening) - len(EVIDENCE_JOINER)
    limit = min(start + room, opening)
    ends = [m.end() for m in _PHRASE_END.finditer(text, start, limit)]
    head = ends[-1] if ends and ends[-1] - start >= EVIDENCE_LIMIT // 2 else \
        text.rfind(" ", start, limit + 1)
    head = strip_span(text, start, head)[1]
    if head - start < EVIDENCE_LIMIT // 2:
        return None
    return head, (opening, end)


def _widened(own: tuple[int, int], bounds: list[tuple[int, int]], text: str
             ) -> tuple[int, int]:
    """The evidence span of a group: its own span with whole clauses before it, then after
    it, while they fit in one excerpt."""
    left, right = own
    for a, _ in reversed([p for p in bounds if p[1] <= own[0] + 1]):
        start = strip_span(text, a, right)[0]
        if right - start > EVIDENCE_LIMIT:
            break
        left = start
    for _, b in [p for p in bounds if p[0] >= own[1] - 1]:
        stop = strip_span(text, left, b)[1]
        if stop - left > EVIDENCE_LIMIT:
            # the next clause does not fit whole: its first words, up to the limit
            cut = text.rfind(" ", right, left + EVIDENCE_LIMIT + 1)
            if cut > right:
                right = max(right, strip_span(text, left, cut)[1])
            break
        right = stop
    return min(left, own[0]), max(right, own[1])


