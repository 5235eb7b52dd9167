"""`kzru track` for a person and for scripts.

At a terminal each tracked item is one block: a head line (date, status, verdict), the text,
the id, its parts, the later reports, unconfirmed candidates and, with --explain, why. Later
reports stay inside their item's block at any width, and an id is always one whole line (or
the end of one), never broken: a table column cannot promise both at 60 columns.
"""

from __future__ import annotations

from typing import Any

from kzru.follow import (
    BORNE_OUT,
    COMMENTATOR,
    DISCUSSED,
    DOCUMENT,
    DONE,
    IN_PROGRESS,
    NO_REPORT,
    NOT_AS_SUCH,
    NOT_LINKED,
    NOT_MENTIONED,
    NOT_NAMED,
    NOT_TAKEN_UP,
    PARTLY_BORNE_OUT,
    REAFFIRMED,
    RESTATED,
    TAKEN_UP_AGAIN,
    VERDICTS,
    Tracked,
)
from kzru.labels import Joined, Said, label, say, status_word, verdict_word
from kzru.model import Fact
from kzru.render import date_label

KEYS = ("id", "date", "date_precision", "status", "role", "voice", "event", "source", "summary",
        "verdict", "later", "parts", "see_also")
EXPLAIN_KEYS = ("decided_by", "words", "reason")
ALL_KEYS = (*KEYS, *EXPLAIN_KEYS, "text", "kind", "sectors")
STYLE = {DONE: "bold green", IN_PROGRESS: "bold yellow", BORNE_OUT: "bold green",
         PARTLY_BORNE_OUT: "bold yellow",
         REAFFIRMED: "bold cyan", RESTATED: "bold cyan", TAKEN_UP_AGAIN: "bold cyan",
         NOT_MENTIONED: "bold magenta",
         NOT_NAMED: "bold magenta",
         NOT_AS_SUCH: "magenta", NOT_TAKEN_UP: "magenta"}
INDENT = "  "


def _status(status: str, lang: str) -> str:
    return say(status_word(status), lang)


def _verdict(verdict: str, lang: str) -> str:
    return say(verdict_word(verdict), lang)


def row(entry: Tracked, lang: str) -> dict[str, Any]:
    """Every field of one tracked item, as machine formats and --fields see it."""
    fact = entry.fact
    return {
        "id": fact.id, "date": fact.date, "date_precision": fact.date_precision,
        "status": fact.status, "role": entry.role, "voice": entry.voice, "event": fact.event,
        "source": fact.source, "summary": fact.summary if lang == "en" else fact.text,
        "text": fact.text, "kind": fact.kind, "sectors": list(fact.sectors),
        "verdict": entry.verdict, "later": [later.id for later in entry.later],
        "parts": [f"{part.fact.id}: {part.verdict}" for part in entry.parts],
        "see_also": see_also_ids(entry),
        "decided_by": entry.decisive.id if entry.decisive else "", "words": entry.words,
        # a sentence for people, in the reader's language (the verdict stays a machine value)
        "reason": say(reason_of(entry), lang),
    }


def see_also_ids(entry: Tracked) -> list[str]:
    """The see-also column: the item's own candidates, then its parts', each once. A reason
    that names a part's see-also rows points at this column (round-10 track reservation 3:
    the industrial forecast's reason named the documents, and the column was empty)."""
    found = [candidate.id for candidate in entry.see_also]
    found += [candidate.id for part in entry.parts for candidate in part.see_also]
    return list(dict.fromkeys(found))


def summary_line(entries: list[Tracked], lang: str = "en") -> str:
    counts = {verdict: sum(e.verdict == verdict for e in entries) for verdict in VERDICTS}
    said = ", ".join(f"{_verdict(verdict, lang)} {count}"
                     for verdict, count in counts.items() if count)
    return label("track.summary", lang, count=len(entries), said=said)


def blocks(entries: list[Tracked], width: int | None, lang: str, explain: bool,
           console: Any) -> list[Any]:
    """The rich Text lines of every item, fitted to ``width`` (None: no wrapping)."""
    from rich.text import Text

    out: list[Any] = _wrapped(summary_line(entries, lang), width, "", console, "dim")
    for entry in entries:
        out.append(Text(""))
        out.extend(_block(entry, width, lang, explain, console))
    for line in out:
        line.rstrip()
    return out


def _wrapped(text: str, width: int | None, indent: str, console: Any, style: str = "") -> list:
    from rich.text import Text

    body = Text(text, style=style)
    if width is None:
        return [Text(indent) + body]
    return [Text(indent) + line for line in body.wrap(console, max(10, width - len(indent)))]


def _unbreakable(head: str, tail: str, width: int | None, indent: str, style: str = "") -> list:
    """``head tail`` on one line when it fits, else ``tail`` (an id) on a line of its own."""
    from rich.text import Text

    whole = f"{indent}{head} {tail}"
    if width is None or len(whole) <= width:
        return [Text(f"{indent}{head} ") + Text(tail, style=style)]
    return [Text(f"{indent}{head}"), Text(indent + "  ") + Text(tail, style=style)]


def _block(entry: Tracked, width: int | None, lang: str, explain: bool, console: Any) -> list:
    from rich.text import Text

    fact = entry.fact
    status = label("track.discussed", lang) if entry.role == DISCUSSED else \
        _status(fact.status, lang)
    if entry.role == DOCUMENT:
        status = label("track.head_document", lang, status=status)
    head = Text(f"{date_label(fact.date, fact.date_precision)}  ", style="bold")
    head.append(status, style="dim")
    if entry.voice == COMMENTATOR:
        head.append(f" · {label('track.commentator', lang)}", style="dim")
    head.append("  ")
    head.append(_verdict(entry.verdict, lang), style=STYLE.get(entry.verdict, ""))
    lines = head.wrap(console, width) if width else [head]
    lines = list(lines)
    lines += _wrapped(fact.summary if lang == "en" else fact.text, width, INDENT, console)
    lines.append(Text(INDENT) + Text(fact.id, style="cyan"))
    for later in entry.later:
        lines += _unbreakable(f"→ {date_label(later.date, later.date_precision)} "
                              f"{_status(later.status, lang)}", later.id, width, INDENT, "cyan")
    for part in entry.parts:
        lines += _unbreakable("·", part.fact.id, width, INDENT, "cyan")
        lines += _wrapped(_verdict(part.verdict, lang), width, INDENT * 3, console,
                          STYLE.get(part.verdict, "dim"))
        for later in part.later:
            lines += _unbreakable(f"→ {date_label(later.date, later.date_precision)} "
                                  f"{_status(later.status, lang)}", later.id, width,
                                  INDENT * 3, "cyan")
        lines += _candidates(part.see_also, width, INDENT * 3, lang, console, part.verdict)
    lines += _candidates(entry.see_also, width, INDENT, lang, console, entry.verdict)
    if explain:
        lines += _wrapped(why(entry, lang), width, INDENT, console, "dim")
    return lines


def reason_of(entry: Tracked) -> object:
    """The reason, and what the see-also lists beside it are: beside "no later report", later
    facts that may report on the item but that the curators did not link as its progress (the
    Chelyabinsk branch named again in 2025; the Russian language in the 2025 report, on which
    readers divided); beside a forecast of a field the report does not name, the documents
    the visit signed, which a reader may or may not count in the field. Each names the rows,
    so the reason never says nothing later mentions an item that a later row names."""
    reason: object = entry.reason
    if entry.see_also and entry.verdict in (NO_REPORT, NOT_LINKED):
        reason = Said("track.why.not_linked", rows=_rows(entry.see_also))
    elif entry.see_also and entry.verdict == NOT_NAMED:
        documents = [row for row in entry.see_also if row.kind == "document"]
        said = [row for row in entry.see_also if row.kind != "document"]
        if documents:
            reason = Said("track.why.field_documents", why=reason, rows=_rows(documents))
        if said:  # what the report says of the field (round 14: the IT sector)
            reason = Said("track.why.field_said", why=reason, rows=_rows(said))
    parts = [part for part in entry.parts if part.see_also and not part.later]
    if parts:
        reason = Joined([reason, *(Said("track.why.part", id=part.fact.id,
                                        verdict=verdict_word(part.verdict),
                                        reason=reason_of(part)) for part in parts)], "; ")
    return reason


# A reason names this many of its see-also rows; the see-also list itself holds them all (a
# name repeated across a large table can bring hundreds, and a reason is one line to read).
REASON_ROWS = 3


def _rows(facts: tuple[Fact, ...]) -> object:
    named: list[object] = [Said("track.later_line", id=fact.id, source=fact.source,
                                date=date_label(fact.date, fact.date_precision),
                                status=status_word(fact.status))
                           for fact in facts[:REASON_ROWS]]
    if len(facts) > REASON_ROWS:
        named.append(Said("track.later_more", count=len(facts) - REASON_ROWS))
    return Joined(named, ", ")


def why(entry: Tracked, lang: str) -> str:
    """The --explain line: the reason and the words that decided, in the reader's language."""
    reason: object = reason_of(entry)
    if entry.words:
        reason = Said("track.words", why=reason, words=entry.words)
    return say(Said("track.why", why=reason), lang)


def _candidates(found: tuple[Fact, ...], width: int | None, indent: str, lang: str,
                console: Any, verdict: str = NO_REPORT) -> list:
    """The see-also list: beside "no later report", the suggester's unconfirmed candidates;
    beside "not taken up as such", the report's rows around the item (its field, or the
    same named thing through another row), which no one claims as its progress."""

    if not found:
        return []
    key = "track.see_also_around" if verdict == NOT_AS_SUCH else "track.see_also"
    lines = _wrapped(label(key, lang), width, indent, console, "dim")
    for fact in found:
        lines += _unbreakable(f"? {date_label(fact.date, fact.date_precision)} "
                              f"{_status(fact.status, lang)}", fact.id, width, indent, "dim")
    return lines
