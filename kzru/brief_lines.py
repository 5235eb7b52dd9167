"""How one fact of a brief is said on its line: its text in the reader's language, its
quotation, its date (marked where inferred), who says so, and the other articles that report it
or date it differently. kzru.render_brief lays the page out from these; the data's own text is
escaped so that it is never Markdown (h14's ``md``).
"""

from __future__ import annotations

import os
from typing import Any, Iterable

from kzru.brief import FAMILIES, Brief, Item
from kzru.labels import label, say, status_word, word
from kzru.model import Dataset, Event, Fact, Source
from kzru.render import date_label, md


def said_status(status: str, lang: str) -> str:
    return say(status_word(status), lang)


def event_kind(kind: str, lang: str) -> str:
    """An event's kind as a reader says it (summit, саммит); an unknown kind as it is."""
    return say(word("event_kind", kind), lang)


def sector_word(sector: str, dataset: Dataset, lang: str) -> str:
    """A sector in a line of text: its id in English (what --sector takes), its Russian name
    without the bracketed detail in Russian (энергетика, not energy)."""
    if lang != "ru" or sector not in dataset.sectors:
        return sector
    name = dataset.sectors[sector].short(lang)
    return name[:1].lower() + name[1:]


def verdict_label(verdict: str, lang: str) -> str:
    """A verdict as a brief says it (track's verdicts, in the reader's language)."""
    key = "brief.verdict." + verdict.split(" —")[0].replace(" ", "_")
    return label(key, lang)


def fact_text(fact: Fact, lang: str) -> str:
    return md(fact.text if lang == "ru" else fact.summary)


def members(parts: Iterable[Fact], parent: Fact, lang: str) -> list[tuple[str, Fact]]:
    """A set's members, each by its own words, where every part quotes its parent's words and
    repeats one sentence but for the member it names (the six universities the CIP signed
    memoranda with, «MEPhI is one of the six …»: round 11 and 12 readers; the corridors the
    presidents agreed to expand); else [] and each part keeps its own line."""
    facts = list(parts)
    said = [part.text if lang == "ru" else part.summary for part in facts]
    if len(facts) < 2 or any(part.evidence != parent.evidence for part in facts):
        return []
    head, tail = _shared_frame(said)
    if 3 * (len(head) + len(tail)) < min(len(text) for text in said):
        return []  # not one sentence repeated: each says it in its own words
    found: list[tuple[str, Fact]] = []
    for text, part in zip(said, facts):
        own = text[len(head):len(text) - len(tail)].strip()
        folded = own.casefold()
        # the words that differ open with the member's name (one of the part's names)
        if not own or not any(name and folded.startswith(name.casefold())
                              for name in part.names):
            return []
        found.append((own, part))
    return found


def _shared_frame(said: list[str]) -> tuple[str, str]:
    """The words every text opens with and ends with (whole words: a member's name is never
    cut), the ending no longer than what the shortest leaves after the opening."""
    head = os.path.commonprefix(said)
    head = head[:head.rfind(" ") + 1] if " " in head and head != min(said, key=len) else ""
    rest = [text[len(head):] for text in said]
    tail = os.path.commonprefix([text[::-1] for text in rest])[::-1]
    if tail and tail[0].isalnum():  # back to the start of a whole word
        tail = tail[tail.find(" "):] if " " in tail else ""
    return head, tail


def quoted(fact: Fact) -> str:
    return f"«{md(fact.evidence)}»"


def speaker_name(speaker: str, dataset: Dataset, lang: str) -> str:
    """A speaker as the reader's language names them: each person or body the glossary knows
    takes its Russian name under --lang ru (Akorda → Акорда), a role in brackets its Russian
    word (kzru.data_words); anyone neither knows stays as the table has them."""
    from kzru.data_words import names_of, speaker_said

    return speaker_said(speaker, names_of(dataset.glossary), lang)


def attribution_of(item: Item, brief: Brief, dataset: Dataset, lang: str) -> str:
    """Who says so, in the reader's language: the speaker, else the outlet or the article;
    for a preview, that it was written before the event."""
    fact = item.fact
    source = dataset.sources[fact.source]
    if fact.speaker:
        said = md(speaker_name(fact.speaker, dataset, lang))
    elif source.publisher:
        said = label("brief.according_to", lang, who=md(source.publisher))
    else:
        said = label("brief.according_to_article", lang, id=source.id)
    if item.preview == "preview":
        said += ", " + label("brief.in_preview", lang)
    elif item.preview:
        said += ", " + label("brief.announced_in", lang,
                             title=md(dataset.events[item.preview].title(lang)))
    return said


def date_mark(fact: Fact, brief: Brief, lang: str = "en") -> str:
    """The fact's own date when it is not a day of the event (" (2025-09)"), else nothing; a
    date the curators inferred ("в прошлом году", a month without its year, the day of a visit
    of several days) says so where it is shown, not only in the row's note (rubric 4: an
    inferred date says how). So does a date taken from a report whose own date is inferred
    (the 2022 article dated only by "last week": its month is the curators' inference)."""
    event = brief.event
    inside = event.start <= fact.date <= event.end and fact.date_precision == "day"
    # which day of a visit of several days is itself an inference worth showing; but a
    # forum's or summit's own meeting row is the event itself, over all its days (the XXI
    # forum «проходит 11–12 ноября», dated by its first: round 12), no day chosen
    chosen = fact.date_basis == "inferred" and event.start != event.end and \
        not whole_event(fact, event)
    sources = getattr(brief, "sources", ())
    return "" if inside and not chosen else f" ({date_shown(fact, lang, sources)})"


PRECISIONS = ("day", "month", "year")


def event_precision(event: Event, dataset: Dataset) -> str:
    """The precision a page gives an event's date (its header, and where it names an earlier
    meeting): no finer than the finest its own rows give (rubric 4: never more precise than
    the text allows). The CIS summit's rows say «в конце прошлого года» (2021), SPIEF's
    «в июне» (2022-06): a day the public record gives stays in the date note, not in the
    header (round 12)."""
    own = {row.date_precision for row in dataset.event_rows(event.id)} & set(PRECISIONS)
    if not own or event.date_precision not in PRECISIONS:
        return event.date_precision
    finest = min(own, key=PRECISIONS.index)
    return max(finest, event.date_precision, key=PRECISIONS.index)


def whole_event(fact: Fact, event: Event) -> bool:
    """Whether the row is the meeting a forum or summit is, held over its days (rather than
    one day of a visit): a meeting row of the event, dated by its first day."""
    return fact.kind == "meeting" and fact.event == event.id and fact.date == event.start \
        and FAMILIES.get(event.kind) in ("summit", "forum")


def inferred_date(fact: Fact, sources: Iterable[Source] = ()) -> bool:
    """Whether the fact's date is an inference: the curators' own, or its report's date when
    the fact has none of its own (date basis "publication") and the report's was inferred."""
    if fact.date_basis == "inferred":
        return True
    return fact.date_basis == "publication" and any(
        source.id == fact.source and source.published_basis == "inferred"
        for source in sources)


def date_shown(fact: Fact, lang: str = "en", sources: Iterable[Source] = ()) -> str:
    """A fact's date at its precision, marked when it was inferred ("2021, inferred"), also
    through its report's inferred date (``sources``: the reports to look it up in)."""
    shown = date_label(fact.date, fact.date_precision)
    return label("brief.date_inferred_item", lang, date=shown) \
        if inferred_date(fact, sources) else shown


def number_of(brief: Brief, source_id: str) -> int:
    return next(n for n, s in enumerate(brief.sources, 1) if s.id == source_id)


def conflict_lines(item: Item, brief: Brief, lang: str) -> list[str]:
    """Other articles that date the same fact differently, shown where the fact is."""
    fact = item.fact
    here = date_shown(fact, lang, brief.sources)
    lines = []
    for other in item.conflicts:
        said = label("brief.conflict", lang, here=here, n=item.citation,
                     there=date_shown(other, lang, brief.sources),
                     m=number_of(brief, other.source))
        lines.append(f"  - ⚠ {said} `{other.id}`")
    return lines


def reported_lines(item: Item, brief: Brief, lang: str) -> list[str]:
    """"Reported by N sources" and which: this row's citation, then each other article's
    row with its citation number (the same fact told by several articles, issue 16.5)."""
    if not item.same:
        return []
    count = len({item.fact.source, *(other.source for other in item.same)})
    others = sorted(item.same, key=lambda other: (number_of(brief, other.source), other.id))
    which = [f"[{item.citation}]"] + [f"[{number_of(brief, other.source)}] `{other.id}`"
                                     for other in others]
    return [f"  - {label('brief.reported_by', lang, count=count)}: {', '.join(which)}"]


def cited(fact: Fact, brief: Brief) -> str:
    cited = [n for n, s in enumerate(brief.sources, 1) if s.id == fact.source]
    return f" [{cited[0]}]" if cited else f" ({fact.source})"


def through_parts(entry: Any, lang: str) -> str:
    """Where a parent's verdict comes only from some of its parts (the 2024 transport
    agreement, reaffirmed through its checkpoints part alone), " (through its part `id`;
    nothing later on its other 3 parts)", so the whole is not read as taken up (round-13b
    briefs reader B); else ""."""
    reported = [part for part in entry.parts if part.later]
    from_parts = {fact.id for part in reported for fact in part.later}
    if not reported or {fact.id for fact in entry.later} - from_parts:
        return ""
    said = label("brief.via_parts", lang,
                 ids=", ".join(f"`{part.fact.id}`" for part in reported))
    rest = len(entry.parts) - len(reported)
    if rest:
        said += "; " + label("brief.rest_part" if rest == 1 else "brief.rest_parts", lang,
                             count=rest)
    return f" ({said})"


def later_list(facts: list[Fact], lang: str, sources: Iterable[Source] = ()) -> str:
    """Later facts with their dates; a date the text does not give (the article's, as of
    which it is reported: the branches named open in 2025) says so, so that it is not read
    as the day the thing happened (round-13 briefs reader)."""
    sources = tuple(sources)
    return ", ".join(f"`{fact.id}` ({_as_of(fact, lang, sources)})" for fact in facts)


def _as_of(fact: Fact, lang: str, sources: tuple[Source, ...]) -> str:
    shown = date_shown(fact, lang, sources)
    return label("brief.as_of", lang, date=shown) if fact.date_basis == "publication" \
        else shown


def number_text(value: Any) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def names_shown(names: list[str], dataset: Dataset) -> list[str]:
    """The names a page lists as first appearing, one of each script per glossary entry: the
    2024 joint statement is one document, not two, whether its full title or the short one
    is given (round 10). Names the glossary does not hold are kept as they are."""
    from kzru.text import normalize

    entry_of = {normalize(name): entry.id for entry in dataset.glossary.values()
                for name in entry.all_names()}
    seen: set[tuple[str, bool]] = set()
    shown = []
    for name in names:
        entry = entry_of.get(normalize(name))
        if entry is not None:
            key = (entry, _cyrillic(name))
            if key in seen:
                continue
            seen.add(key)
        shown.append(name)
    return shown


def _cyrillic(name: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in name)

