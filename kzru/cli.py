"""The kzru command line: parse options, call the library, render. Nothing else."""

import os
import sys
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from kzru import query, store
from kzru.errors import DataError, KzruError
from kzru.options import (
    DataOption,
    FormatOption,
    LangOption,
    NoColorOption,
    Options,
    VersionOption,
    with_common_options,
)
from kzru.output import Output
from kzru.render import FACT_KEYS, Column, event_row, fact_row, flat, record_dict, source_row

app = typer.Typer(
    name="kzru", no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    help="kzru: a fact finder for Kazakhstan–Russia relations. Visits, agreements, projects and "
         "figures from news articles, each with a verbatim evidence excerpt.",
    epilog="\b\nExamples:\n  kzru visits\n  kzru search атом\n  kzru search Kostanay --format json"
           " | jq '.[].summary'\n  kzru sectors --matrix\n  kzru show a004-declaration"
           "-comprehensive-partnership",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _examples(*lines: str) -> str:
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def _complete_sector(incomplete: str) -> list[tuple[str, str]]:
    import csv

    try:
        folder = store.resolve_data_dir(None)
        with open(folder / "sectors.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, KzruError, csv.Error):
        return []
    wanted = incomplete.casefold()
    return [(row["id"], row["name"]) for row in rows
            if row["id"].startswith(wanted) or row["name"].casefold().startswith(wanted)]


SectorFilter = Annotated[Optional[List[str]], typer.Option(
    "--sector", "-s", metavar="SECTOR", autocompletion=_complete_sector,
    help="Only facts in this sector (id, name or alias; repeat for several).")]
YearFilter = Annotated[Optional[List[int]], typer.Option(
    "--year", "-y", metavar="YEAR", help="Only facts dated in this year (repeatable).")]
EventFilter = Annotated[Optional[List[str]], typer.Option(
    "--event", "-e", metavar="ID", help="Only facts of this event id (repeatable).")]
StatusFilter = Annotated[Optional[List[str]], typer.Option(
    "--status", metavar="STATUS",
    help="Only facts with this status: " + ", ".join(query.STATUSES) + " (repeatable).")]
KindFilter = Annotated[Optional[List[str]], typer.Option(
    "--kind", "-k", metavar="KIND",
    help="Only facts of this kind: " + ", ".join(query.FACT_KINDS) + " (repeatable).")]
LimitOption = Annotated[Optional[int], typer.Option(
    "--limit", "-n", min=1, metavar="N", help="Show at most N facts.")]


@app.callback()
def _main(
    ctx: typer.Context, data: DataOption = None, fmt: FormatOption = None,
    lang: LangOption = None, no_color: NoColorOption = None, version: VersionOption = None,
) -> None:
    ctx.obj = Options.merge(None, {"data": data, "fmt": fmt, "lang": lang,
                                   "no_color": no_color})


def _dataset(options: Options):  # noqa: ANN202 - returns kzru.model.Dataset
    return store.load(store.resolve_data_dir(options.data))


def _fact_columns(out: Output, score: bool = False, explain: bool = False) -> list[Column]:
    columns = [Column("score", "Score", no_wrap=True, justify="right")] if score else []
    columns += [
        Column("date", "Date", no_wrap=True), Column("status", "Status", no_wrap=True),
        Column("sectors", "Sectors", stack=True),
        Column("text" if out.lang == "ru" else "summary", "Text (id)" if out.lang == "ru"
               else "Summary (id)", ratio=5, highlight=True, footnote="id"),
    ]
    if explain:
        columns.append(Column("explain", "Matched", ratio=2, stack=True))
    return columns


def _filter_values(sector, year, event, status, kind) -> dict:  # noqa: ANN001
    return {"sector": sector or (), "year": year or (), "event": event or (),
            "status": status or (), "kind": kind or ()}


@app.command(epilog=_examples(
    "kzru visits", "kzru visits --year 2024", "kzru visits --host ru --kind state-visit",
    "kzru visits --format json | jq '.[] | {id, start, facts}'"))
@with_common_options
def visits(
    year: Annotated[Optional[int], typer.Option(
        "--year", "-y", help="Events in this year.")] = None,
    host: Annotated[Optional[str], typer.Option("--host", help="Host country: kz or ru.")] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", "-k", help="Event kind: " + ", ".join(query.EVENT_KINDS) + ".")] = None,
    *, options: Options,
) -> None:
    """Visits, talks, summits and forums in date order, with how many facts each holds."""
    dataset = _dataset(options)
    out = Output(options)
    events = query.visits(dataset, year, host, kind)
    rows = [event_row(e, out.lang, len(dataset.facts_by_event.get(e.id, []))) for e in events]
    for row, event in zip(rows, events):
        row["dates"] = _date_span(event)
        row["route"] = f"{event.guest.upper()} → {event.host.upper()}"
    columns = [
        Column("dates", "Dates", no_wrap=True),
        Column("kind", "Kind, guest → host", no_wrap=True, footnote="route"),
        Column("title", "Title (id)", ratio=1, footnote="id"),
        Column("places", "Places", stack=True),
        Column("facts", "Facts", justify="right"), Column("sources", "Sources", stack=True),
    ]
    keys = ("id", "kind", "title", "start", "end", "date_precision", "date_basis", "host",
            "guest", "places", "sources", "facts")
    out.rows(rows, keys, columns, "no events match", title=None)
    if out.is_table:
        out.writer.line("* date inferred (see kzru show ID); ~ precision coarser than a day",
                        style="dim")


def _date_span(event) -> str:  # noqa: ANN001
    start, end = event.start.isoformat(), event.end.isoformat()
    span = start if start == end else f"{start} – {end[5:] if start[:4] == end[:4] else end}"
    mark = "*" if event.date_basis == "inferred" else ""
    return f"{'~' if event.date_precision != 'day' else ''}{span}{mark}"


@app.command(epilog=_examples(
    "kzru search атом", "kzru search университеты --year 2025",
    "kzru search Kostanay --explain", "kzru search соглашение --status signed --format json",
    "kzru search 'Middle Corridor' --sector transport", "kzru search Росатом --exact"))
@with_common_options
def search(
    words: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    sector: SectorFilter = None, year: YearFilter = None, event: EventFilter = None,
    status: StatusFilter = None, kind: KindFilter = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N facts.")] = 10,
    exact: Annotated[bool, typer.Option("--exact", help="Literal substring search.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show which query word matched which term, and how.")] = False,
    *, options: Options,
) -> None:
    """Facts ranked by relevance: word forms, both scripts, aliases and typos all match."""
    hits = _hits(options, " ".join(words), _filter_values(sector, year, event, status, kind),
                 limit, exact)
    out = Output(options)
    rows = []
    for hit in hits:
        row = {**fact_row(hit.fact), "score": hit.score}
        if explain:
            row["explain"] = [f"{m.query} → {m.term} ({m.how})" for m in hit.matches]
        rows.append(row)
    keys = (*FACT_KEYS, "score", *(("explain",) if explain else ()))
    terms = {number: hit.terms for number, hit in enumerate(hits)}
    out.rows(rows, keys, _fact_columns(out, score=True, explain=explain), "no facts match",
             terms=terms)


def _hits(options: Options, text: str, filters: dict, limit: Optional[int], exact: bool):  # noqa
    from kzru import search as matcher

    if exact:
        dataset = _dataset(options)
        selection = query.make_filter(dataset.sectors, dataset.events, **filters)
        return matcher.exact_search(query.filter_facts(dataset, selection), text, limit)
    from kzru.index import open_index

    folder = store.resolve_data_dir(options.data)
    index = open_index(folder, lambda: store.load(folder))
    selection = query.make_filter(index.sectors, index.events, **filters)
    allowed = None if selection.empty else index.allowed(*selection.sql())
    return matcher.search(index, text, allowed, limit)


@app.command(epilog=_examples(
    "kzru facts", "kzru facts --sector nuclear", "kzru facts --status signed --kind document",
    "kzru facts --year 2022 --format csv > facts-2022.csv", "kzru facts | head -3"))
@with_common_options
def facts(
    sector: SectorFilter = None, year: YearFilter = None, event: EventFilter = None,
    status: StatusFilter = None, kind: KindFilter = None, limit: LimitOption = None,
    *, options: Options,
) -> None:
    """Every fact, newest first, narrowed by the filters given."""
    dataset = _dataset(options)
    selection = query.make_filter(dataset.sectors, dataset.events,
                                  **_filter_values(sector, year, event, status, kind))
    found = query.filter_facts(dataset, selection)[:limit]
    out = Output(options)
    out.rows([fact_row(f) for f in found], FACT_KEYS, _fact_columns(out), "no facts match")


@app.command(epilog=_examples(
    "kzru sectors", "kzru sectors nuclear", "kzru sectors 'Образование и наука' --lang ru",
    "kzru sectors --matrix", "kzru sectors --matrix --format csv"))
@with_common_options
def sectors(
    sector: Annotated[Optional[str], typer.Argument(
        metavar="[SECTOR]", autocompletion=_complete_sector,
        help="A sector id, name or alias: list its facts grouped by event.")] = None,
    matrix: Annotated[bool, typer.Option(
        "--matrix", help="A sector × event table of fact counts.")] = False,
    *, options: Options,
) -> None:
    """The sector taxonomy with counts; one sector's facts by event; or a sector × event matrix."""
    dataset = _dataset(options)
    out = Output(options)
    if matrix:
        return _sector_matrix(dataset, out)
    if sector:
        chosen = query.resolve_sector(sector, dataset.sectors)
        found = query.filter_facts(dataset, query.FactFilter(sectors=(chosen,)))
        groups = query.group_by_event(found)
        ordered = [fact for _, group in groups for fact in group]

        def draw() -> None:
            for event_id, group in groups:
                event = dataset.events.get(event_id)
                title = (f"{event.title(out.lang)} ({_date_span(event)})" if event
                         else "Outside any event")
                out.writer.table([fact_row(f) for f in group], _fact_columns(out), title)

        out.rows([fact_row(f) for f in ordered], FACT_KEYS, [], "no facts in this sector",
                 draw=draw)
        return
    rows = []
    for summary in query.sector_summaries(dataset):
        rows.append({
            "id": summary.sector.id, "name": summary.sector.name,
            "name_ru": summary.sector.name_ru, "facts": summary.facts,
            "signed": summary.signed, "agreed": summary.agreed, "events": summary.events,
            "first": summary.first, "last": summary.last,
            "label": summary.sector.label(out.lang),
        })
    columns = [Column("id", "Id", no_wrap=True), Column("label", "Sector", ratio=3),
               Column("facts", "Facts", justify="right"),
               Column("signed", "Signed", justify="right"),
               Column("agreed", "Agreed", justify="right"),
               Column("events", "Events", justify="right"),
               Column("first", "First", no_wrap=True), Column("last", "Last", no_wrap=True)]
    keys = ("id", "name", "name_ru", "facts", "events", "first", "last")
    out.rows(rows, keys, columns, "no sectors")


def _sector_matrix(dataset, out: Output) -> None:  # noqa: ANN001
    events, counts = query.sector_matrix(dataset)
    rows = []
    for sector, per_event, loose in counts:
        row = {"sector": sector.id}
        row.update({event.id: count for event, count in zip(events, per_event)})
        row["none"] = loose
        rows.append(row)
    keys = ["sector", *(e.id for e in events), "none"]
    columns = [Column("sector", "Sector", no_wrap=True)] + [
        Column(e.id, str(number), justify="right") for number, e in enumerate(events, 1)
    ] + [Column("none", "—", justify="right")]
    if out.is_table:
        display = [{k: (v or "·") if k != "sector" else v for k, v in row.items()} for row in rows]
        out.writer.table(display, columns, "Facts per sector (rows) and event (columns)")
        for number, event in enumerate(events, 1):
            out.writer.line(f"{number:>2}  {event.id:<32} {event.title(out.lang)}")
        out.writer.line(" —  facts outside any event")
        return
    out.rows(rows, keys, columns, "no sectors")


@app.command(epilog=_examples(
    "kzru show a004-declaration-comprehensive-partnership", "kzru show 2024-11-state-visit-astana",
    "kzru show a001-joint-statement --format json"))
@with_common_options
def show(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A fact id or an event id.")],
    *, options: Options,
) -> None:
    """One fact or event in full: every field, the evidence, its source, event and related facts."""
    dataset = _dataset(options)
    record = query.find_record(dataset, record_id)
    out = Output(options)
    full = record_dict(record)
    if record_id in dataset.facts:
        source = dataset.sources[record.source]
        event = dataset.events.get(record.event)
        related = query.related_facts(dataset, record)
        full.update({"event_title": event.title(out.lang) if event else "",
                     "source_file": source.file, "source_publisher": source.publisher,
                     "related": [fact.id for fact in related]})
        if out.is_table:
            full["evidence"] = f"«{record.evidence}» (verbatim quotation from {source.file})"
    else:
        full["facts"] = [fact.id for fact in dataset.facts_by_event.get(record.id, [])]
    if out.is_table:
        pairs = [{"field": key, "value": flat(value)} for key, value in full.items()]
        out.writer.table(pairs, [Column("field", "Field", no_wrap=True),
                                 Column("value", "Value", ratio=1)], title=record_id)
        return
    out.rows([full], list(full), [], "not found")


@app.command(epilog=_examples("kzru sources", "kzru sources --format csv"))
@with_common_options
def sources(*, options: Options) -> None:
    """The articles behind the table: publisher, date and how many facts each gave."""
    dataset = _dataset(options)
    out = Output(options)
    counts = {source: 0 for source in dataset.sources}
    for fact in dataset.facts.values():
        counts[fact.source] += 1
    rows = []
    for source in sorted(dataset.sources.values(), key=lambda s: (s.published, s.id)):
        row = source_row(source, counts[source.id])
        mark = "" if source.published_basis == "stated" else "*"
        row["when"] = f"{source.published.isoformat()}{mark}" + (
            "" if source.published_precision == "day" else f" ({source.published_precision})")
        rows.append(row)
    columns = [Column("id", "Id", no_wrap=True), Column("when", "Published", no_wrap=True),
               Column("publisher", "Publisher", no_wrap=True), Column("title", "Title", ratio=1),
               Column("file", "File", no_wrap=True), Column("facts", "Facts", justify="right")]
    out.rows(rows, ("id", "file", "publisher", "title", "published", "facts"), columns,
             "no sources")


@app.command(epilog=_examples(
    "kzru timeline университет", "kzru timeline 'Экибастузская ГРЭС'",
    "kzru timeline transport --format jsonl"))
@with_common_options
def timeline(
    words: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    *, options: Options,
) -> None:
    """Matching facts in date order, grouped by event: how a topic moved from visit to visit."""
    hits = _hits(options, " ".join(words), {}, None, exact=False)
    out = Output(options)
    found = [hit.fact for hit in hits]
    terms = {hit.fact.id: hit.terms for hit in hits}
    groups = query.group_by_event(found)
    ordered = [fact for _, group in groups for fact in group]

    def draw() -> None:
        dataset = _dataset(options)
        for event_id, group in groups:
            event = dataset.events.get(event_id)
            title = (f"{_date_span(event)}  {event.title(out.lang)}" if event
                     else "Outside any event")
            out.writer.table([fact_row(f) for f in group], _fact_columns(out), title,
                             {n: terms[f.id] for n, f in enumerate(group)})

    out.rows([fact_row(f) for f in ordered], FACT_KEYS, [], "no facts match", draw=draw)


@app.command(epilog=_examples(
    "kzru check", "kzru check --sources ../shared/seeds", "kzru check --data my-data/"))
@with_common_options
def check(
    sources_dir: Annotated[Optional[Path], typer.Option(
        "--sources", metavar="DIR",
        help="Folder of article texts: also verify every evidence excerpt verbatim.")] = None,
    *, options: Options,
) -> None:
    """Validate a data folder; with --sources, verify each evidence excerpt in its article."""
    folder = store.resolve_data_dir(options.data)
    dataset = store.load(folder)
    if sources_dir is not None:
        problems = store.verify_evidence(dataset, sources_dir)
        if problems:
            raise DataError(problems)
    counts = ", ".join(f"{len(getattr(dataset, name))} {name}" for name in store.TABLES)
    checked = f"; {len(dataset.facts)} evidence excerpts found verbatim in {sources_dir}" \
        if sources_dir is not None else ""
    typer.echo(f"ok: {folder}: {counts}{checked}")


def _fail(message: str, code: int = 2) -> "NoReturn":  # noqa: F821
    sys.stderr.write(f"kzru: {message}\n")
    sys.stderr.flush()
    raise SystemExit(code)


def _only_the_command_asked_for(argv: Optional[List[str]]) -> typer.Typer:
    """The app with just the command named first, when it is one: typer builds every
    registered command on each run, and start-up time is a promise (see README)."""
    args = sys.argv[1:] if argv is None else argv
    names = {info.callback.__name__: info for info in app.registered_commands}
    if not args or args[0] not in names:
        return app
    trimmed = typer.Typer(name="kzru", rich_markup_mode=None, pretty_exceptions_enable=False,
                          add_completion=False, context_settings=app.info.context_settings)
    trimmed.registered_callback = app.registered_callback
    trimmed.registered_commands = [names[args[0]]]
    return trimmed


def main(argv: Optional[List[str]] = None) -> None:
    """Entry point: run the app, turning every failure into one line and an exit code."""
    try:
        from typer._click import exceptions as click_errors
    except ImportError:  # typer < 0.28 depends on click instead of vendoring it
        from click import exceptions as click_errors  # type: ignore[no-redef]
    if (getattr(sys.stdout, "encoding", None) or "utf8").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    command = typer.main.get_command(_only_the_command_asked_for(argv))
    try:
        code = command.main(args=argv, prog_name="kzru", standalone_mode=False)
        sys.stdout.flush()
    except DataError as error:
        for problem in error.problems:
            sys.stderr.write(f"kzru: {problem}\n")
        _fail(str(error))
    except KzruError as error:
        _fail(str(error))
    except getattr(click_errors, "NoArgsIsHelpError", ()) as error:  # bare `kzru`: the help
        sys.stdout.write(error.ctx.get_help() + "\n")
        code = 0
    except click_errors.UsageError as error:
        hint = f" (see 'kzru {error.ctx.info_name} --help')" if error.ctx and \
            error.ctx.parent else " (see 'kzru --help')"
        _fail(error.format_message().replace("\n", " ") + hint)
    except click_errors.ClickException as error:
        _fail(error.format_message().replace("\n", " "), error.exit_code)
    except typer.Abort:
        _fail("aborted", 130)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as error:  # a bug: still one line, with a way to see more
        if os.environ.get("KZRU_DEBUG"):
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (KZRU_DEBUG=1 shows the "
              "traceback)")
    raise SystemExit(code if isinstance(code, int) else 0)
