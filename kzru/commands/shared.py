"""What several commands share: filter options, completion, loading the data, fact columns,
date labels, the order of groups, and turning --fields into keys and columns."""


from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, List, NamedTuple, Optional, Sequence

import typer

from kzru import fields, paths, query
from kzru.errors import KzruError, did_you_mean
from kzru.files import read_limited
from kzru.labels import Joined, Said, label
from kzru.model import Fact
from kzru.options import Choice, Options, Year
from kzru.output import Output
from kzru.render import date_label, span_label
from kzru.table import Column

if TYPE_CHECKING:
    from kzru.db import Store


def examples(*lines: str) -> str:
    """An epilog block of runnable examples (the tests run every one)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def _read_column(table: str, *columns: str) -> list[tuple[str, ...]]:
    """Rows of one CSV of the data folder, read directly: completion must be quick."""
    import csv

    try:
        folder = paths.resolve_data_dir(None)
        text = read_limited(folder / f"{table}.csv", paths.CSV_LIMIT).decode("utf-8-sig")
        return [tuple(row[c] for c in columns) for row in csv.DictReader(text.splitlines())]
    except (OSError, KzruError, csv.Error, KeyError, ValueError):
        return []


def complete_sector(incomplete: str) -> list[tuple[str, str]]:
    wanted = incomplete.casefold()
    return [(id_, name) for id_, name in _read_column("sectors", "id", "name")
            if id_.startswith(wanted) or name.casefold().startswith(wanted)]


def complete_event(incomplete: str) -> list[tuple[str, str]]:
    """Event ids that start with what was typed (the shell keeps only those; a shorter form
    such as moscow-2025 is accepted when run, not offered here)."""
    return [(id_, title) for id_, title in _read_column("events", "id", "title_en")
            if id_.startswith(incomplete)]


def _complete_facts(incomplete: str) -> list[tuple[str, str]]:
    wanted = incomplete.casefold()
    return [(id_, summary[:60]) for id_, summary in _read_column("facts", "id", "summary")
            if id_.casefold().startswith(wanted)]


def complete_record(incomplete: str) -> list[tuple[str, str]]:
    """Fact and event ids, for ``show``."""
    return complete_event(incomplete) + _complete_facts(incomplete)


def complete_citable(incomplete: str) -> list[tuple[str, str]]:
    """Fact, event and source ids, for ``cite``."""
    wanted = incomplete.casefold()
    sources = [(id_, title or publisher or file) for id_, publisher, title, file
               in _read_column("sources", "id", "publisher", "title", "file")
               if id_.casefold().startswith(wanted)]
    return complete_record(incomplete) + sources


def resolve_ids(data: Any, values: Sequence[str], sources: bool = False,
                events: bool = True) -> list[tuple[str, str]]:
    """(kind, id) for each value: a fact id or (with ``sources``) a source id in any case, else
    an event id or a shorter form naming one event (kzru.ids). Several events named, or none
    and nothing close: a one-line error, exit 2."""
    from kzru.ids import exact_id, matching_events

    found: list[tuple[str, str]] = []
    for value in values:
        # Ids are lower-case ASCII (the schema's pattern): one in any case is its casefold,
        # looked up by key, not compared with every id of a large table.
        wanted = value.strip().casefold()
        fact = value if value in data.facts else wanted if wanted in data.facts else None
        if fact is not None:
            found.append(("fact", fact))
            continue
        source = exact_id(value, data.sources) if sources else None
        if source is not None:
            found.append(("source", source))
            continue
        named = matching_events(value, data.events) if events else []
        if len(named) == 1:
            found.append(("event", named[0]))
            continue
        if named:
            raise KzruError(Said("err.several_events", value=value, count=len(named),
                                 ids=", ".join(sorted(named))))
        what = Said("err.what.fact_event_source" if sources else "err.what.fact_or_event"
                    if events else "err.what.fact")
        known = [*data.facts, *(data.events if events else ()), *(data.sources if sources
                                                                    else ())]
        raise KzruError(Said("err.no_record", what=what, value=value,
                             hint=did_you_mean(value, known)))
    return found


def complete_source(incomplete: str) -> list[tuple[str, str]]:
    wanted = incomplete.casefold()
    return [(value, title or file) for id_, publisher, title, file
            in _read_column("sources", "id", "publisher", "title", "file")
            for value in (id_, publisher) if value and value.casefold().startswith(wanted)]


def complete_place(incomplete: str) -> list[tuple[str, str]]:
    wanted = incomplete.casefold()
    return [(name, kind) for kind, en, ru in _read_column("glossary", "kind", "name_en", "name_ru")
            if kind == "place" for name in (en, ru) if name.casefold().startswith(wanted)]


def complete_query(incomplete: str) -> list[tuple[str, str]]:
    """A query word: an event id or a sector (search reads both)."""
    return complete_event(incomplete) + complete_sector(incomplete)


SectorFilter = Annotated[Optional[List[str]], typer.Option(
    "--sector", "-s", metavar="SECTOR", autocompletion=complete_sector,
    help="Only facts in this sector: id, name or alias in English or Russian, any word form "
         "(--sector энергетика). Repeatable.")]
YearFilter = Annotated[Optional[List[int]], typer.Option(
    "--year", "-y", metavar="YEAR", click_type=Year(),
    help="Only facts dated in this year. Repeatable.")]
EventFilter = Annotated[Optional[List[str]], typer.Option(
    "--event", "-e", metavar="ID", autocompletion=complete_event,
    help="Only facts of this event: its id or a shorter form naming only it (moscow-2025). "
         "Repeatable.")]
StatusFilter = Annotated[Optional[List[str]], typer.Option(
    "--status", click_type=Choice(query.STATUSES, "status"),
    help="Only facts with this status. Repeatable.")]
KindFilter = Annotated[Optional[List[str]], typer.Option(
    "--kind", "-k", click_type=Choice(query.FACT_KINDS, "kind"),
    help="Only facts of this kind. Repeatable.")]
SourceFilter = Annotated[Optional[List[str]], typer.Option(
    "--source", metavar="ID", autocompletion=complete_source,
    help="Only facts from this article: a source id or its publisher. Repeatable.")]
SpeakerFilter = Annotated[Optional[List[str]], typer.Option(
    "--speaker", metavar="NAME",
    help="Only facts attributed to this speaker, named in either language (Токаев, Akorda). "
         "Repeatable.")]
PlaceFilter = Annotated[Optional[List[str]], typer.Option(
    "--place", metavar="PLACE", autocompletion=complete_place,
    help="Only facts of events held there or naming it, in either language (Москва, "
         "Kostanay). Repeatable.")]
SinceOption = Annotated[Optional[str], typer.Option(
    "--since", metavar="DATE",
    help="Only what is dated on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOption = Annotated[Optional[str], typer.Option(
    "--until", metavar="DATE",
    help="Only what is dated on or before DATE (a year or month: to its end).")]
ReverseOption = Annotated[bool, typer.Option(
    "--reverse", help="Reverse the order.")]
LimitOption = Annotated[Optional[int], typer.Option(
    "--limit", "-n", min=0, metavar="N", help="Show at most N facts (0: all) [default: all].")]
FieldsOption = Annotated[Optional[str], typer.Option(
    "--fields", metavar="LIST",
    help="Comma-separated fields to print, in that order, in every format; 'all' for every "
         "field. A wrong name lists the fields.")]

# Every filter a fact listing takes, by parameter name: `with_fact_filters` adds them all.
FACT_FILTERS = {
    "sector": SectorFilter, "year": YearFilter, "event": EventFilter, "status": StatusFilter,
    "kind": KindFilter, "source": SourceFilter, "speaker": SpeakerFilter, "place": PlaceFilter,
    "since": SinceOption, "until": UntilOption,
}


def sort_option(orders: Sequence[str], default: str) -> Any:
    return Annotated[Optional[str], typer.Option(
        "--sort", click_type=Choice(orders, "order"),
        help=f"Order by {', '.join(orders)} [default: {default}].")]


def with_fact_filters(command: Any) -> Any:
    """Add every fact filter (FACT_FILTERS) to a command; pass it ``typed``, the values given
    (kzru.filters.Typed). The same options, the same meaning, in every listing."""
    import functools
    import inspect

    from kzru.filters import Typed

    signature = inspect.signature(command)
    own = [p for p in signature.parameters.values() if p.name != "typed"]
    keyword = [p for p in own if p.kind == inspect.Parameter.KEYWORD_ONLY]
    positional = [p for p in own if p.kind != inspect.Parameter.KEYWORD_ONLY]
    added = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None,
                               annotation=annotation) for name, annotation in FACT_FILTERS.items()]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        typed = Typed.of(**{name: kwargs.pop(name, None) for name in FACT_FILTERS})
        return command(*args, typed=typed, **kwargs)

    del wrapper.__wrapped__
    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*positional, *added, *keyword])
    wrapper.__annotations__ = {**{k: v for k, v in command.__annotations__.items()
                                  if k != "typed"}, **FACT_FILTERS}
    return wrapper


def fact_filter(data: Any, typed: Any) -> query.FactFilter:
    """The one filter object for the values typed (kzru.filters.build)."""
    from kzru.filters import build

    return build(typed, data, query.STATUSES, query.FACT_KINDS)


def in_order(facts: Sequence[Fact], sort: Optional[str], reverse: bool,
             parts_after: bool = True) -> list[Fact]:
    """Newest first (``sort`` date) or by id; ``reverse`` turns either round. A package's
    parts come right after the package when it is listed (each part keeps its own place
    when its package is not)."""
    if sort == "id":
        ordered = sorted(facts, key=lambda fact: fact.id, reverse=reverse)
    else:
        ordered = sorted(facts, key=lambda fact: (fact.date, fact.id), reverse=not reverse)
    if not parts_after:
        return ordered
    shown = {fact.id for fact in ordered}
    parts: dict[str, list[Fact]] = {}
    for fact in ordered:
        if fact.part_of and fact.part_of in shown:
            parts.setdefault(fact.part_of, []).append(fact)
    result: list[Fact] = []

    def add(fact: Fact) -> None:
        result.append(fact)
        for part in parts.get(fact.id, []):
            add(part)

    for fact in ordered:
        if not (fact.part_of and fact.part_of in shown):
            add(fact)
    return result


def dataset(options: Options) -> "Store":
    """The store every read command answers from: cached and validated, built when stale.
    Drafts are left out unless the options ask for them (``--drafts``)."""
    from kzru.db import open_store

    store = open_store(options.data, options.color, drafts=options.drafts)
    if not options.drafts and store.index.has_drafts:  # said if the command finds nothing
        HIDDEN_DRAFTS[:] = [(store.index.draft_count, str(options.data))]
    return store


# The drafts a run's store left out, for the one line cli.main adds when the command found
# nothing (exit 1): a folder holding only drafts otherwise answers with silence.
HIDDEN_DRAFTS: list[tuple[int, str]] = []


def fact_columns(out: Output, score: bool = False, explain: bool = False) -> list[Column]:
    """Score, date, status, sectors, and the summary with the id (and parent) under it.
    At narrow widths Sectors goes first, then Status."""
    lang = out.lang
    columns = [Column("score", label("col.score", lang), justify="right")] if score else []
    columns += [
        Column("date", label("col.date", lang), no_wrap=True),
        Column("status_shown", label("col.status", lang), no_wrap=True, drop=2),
        Column("sectors", label("col.sectors", lang), stack=True, ids=True, drop=1),
        # the Russian text is the curators' paraphrase; only the evidence is verbatim
        Column("text" if lang == "ru" else "summary",
               label("col.text_id" if lang == "ru" else "col.summary_id", lang), ratio=5,
               highlight=True, footnote=("id", "part_of_note"), min_width=20),
    ]
    if explain:
        columns.append(Column("explain", label("col.matched", lang), ratio=2, stack=True,
                              drop=3))
    return columns


def layout(out: Output, spec: Optional[str], default: Sequence[str], available: Sequence[str],
           columns: list[Column], what: str) -> tuple[list[str], list[Column]]:
    """Keys and table columns: the command's own layout, or exactly the fields chosen."""
    keys = fields.choose(spec, default, available, what)
    return keys, (columns if not spec else fields.columns_for(keys))


def date_span(event: Any) -> str:
    span = span_label(event.start, event.end, event.date_precision)
    return f"{span}{'*' if event.date_basis == 'inferred' else ''}"


# The largest LIMIT SQLite takes (a signed 64-bit integer); a larger --limit can only mean all.
MOST_ROWS = 2**63 - 1


def cut_limit(limit: Optional[int]) -> Optional[int]:
    """--limit 0 means all, and so does a limit past what SQLite can count (it would refuse
    the number: "datatype mismatch")."""
    return None if not limit or limit > MOST_ROWS else limit


class Found(NamedTuple):
    """Search hits (best first), how many matched in all, the tables listings need, and how
    the query was read."""

    hits: list[Any]
    total: int
    events: Any
    sources: Any
    read_as: str
    unmatched: tuple[str, ...] = ()  # the query's words that matched no fact
    notes: tuple[str, ...] = ()  # what search did beyond the query's letter (a relaxed filter)
    reading: Any = None  # the query as read (terms, constraints), for track's topic


def hits(options: Options, text: str, typed: Any, exact: bool,
         limit: Optional[int] = None, literal: bool = False, strict: bool = False,
         light: bool = False, data: Optional["Store"] = None) -> Found:
    """The best ``limit`` hits for ``text`` (all with None) from the cached index, the query
    read for years, statuses, places… (unless ``literal``); with ``exact``, a substring scan.
    ``typed``: the filters given (kzru.filters.Typed), applied as one filter object.
    ``light``: the hits' facts read as walks.Light (no text: track reads the words of few).
    ``data``: the store the command opened already (else opened here)."""
    from kzru import search as matcher
    from kzru.filters import Typed

    data = dataset(options) if data is None else data
    selection = fact_filter(data, typed or Typed())
    if exact:
        found = matcher.exact_search(query.filter_facts(data, selection), text, limit)
        return Found(found, found.total, data.events, data.sources,
                     Said("read.literal_substring"))
    index = data.index
    allowed = data.search_allowed(None if selection.empty else index.allowed(*selection.sql()))
    reading = matcher.read_query(index, text, literal)
    found = matcher.search(index, text, allowed, limit, reading, strict,
                           data.light_facts if light else None)
    # Said: English, sayable in --lang ru
    said: list[object] = [reading.describe(getattr(found, "related", None))]
    if reading.ignored:
        said.append(Said("read.ignored", words=", ".join(reading.ignored)))
    if found.unmatched:
        said.append(Said("read.no_match", words=", ".join(found.unmatched)))
    said += found.notes
    return Found(found, found.total, data.events, data.sources, Joined(said, " · "),
                 found.unmatched, found.notes, reading)


def in_date_order(facts: Sequence[Fact], events: Any) -> list[tuple[str, list[Fact]]]:
    """Facts grouped by event, the groups in date order; facts outside any event fall between
    the events by their own dates (runs of them form one group)."""
    by_event: dict[str, list[Fact]] = {}
    loose: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (f.date, f.id)):
        if fact.event:
            by_event.setdefault(fact.event, []).append(fact)
        else:
            loose.append(fact)

    def start(event_id: str, group: list[Fact]) -> date:
        event = events.get(event_id)
        return event.start if event else group[0].date

    items: list[tuple[date, int, str, list[Fact]]] = [
        (start(event_id, group), 0, event_id, group) for event_id, group in by_event.items()]
    items += [(fact.date, 1, "", [fact]) for fact in loose]
    items.sort(key=lambda item: (item[0], item[1], item[2]))
    groups: list[tuple[str, list[Fact]]] = []
    for _, _, event_id, group in items:
        if not event_id and groups and not groups[-1][0]:
            groups[-1][1].extend(group)
        else:
            groups.append((event_id, list(group)))
    return groups


def group_title(event: Any, lang: str, group: list[Fact]) -> str:
    """An event's dates and title; for facts outside any event, the span of their dates."""
    if event:
        return f"{date_span(event)}  {event.title(lang)}"
    first, last = group[0], group[-1]
    labels = [date_label(first.date, first.date_precision),
              date_label(last.date, last.date_precision)]
    span = labels[0] if labels[0] == labels[1] else " – ".join(labels)
    return f"{span}  {label('group.outside', lang)}"
