"""kzru check: validate a data folder, lint the evidence and, with --sources, verify it."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from kzru import store
from kzru.commands.add import MAKE_ARTICLE
from kzru.corroboration import conflicts
from kzru.errors import Problems, one_line
from kzru.labels import Joined, Said, say, status_word
from kzru.lint import lint
from kzru.model import Dataset, Fact
from kzru.options import Options, with_common_options
from kzru.render import date_label
from kzru.suggest import suggest_follows as suggest

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Validate a data folder and its evidence"
EXAMPLES = ("kzru check", "kzru check --strict",
            "kzru export --csv my-data --force && kzru check --data my-data/",
            "kzru check --data my-data/ --all-problems",
            "kzru check --suggest-follows",
            f"kzru init my-table --empty && {MAKE_ARTICLE} && "
            "kzru add article.txt --data my-table && "
            "kzru check --data my-table --sources my-table/articles")


@with_common_options(formats=())
def command(
    sources_dir: Annotated[Optional[Path], typer.Option(
        "--sources", metavar="DIR",
        help="Folder of article texts: also verify every evidence excerpt verbatim.")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Treat warnings (evidence without a word of its status, a done, "
        "signed or agreed fact dated after its article, drafts still under review) as "
        "errors; conflicts between sources are reported, not errors.")
    ] = False,
    all_problems: Annotated[bool, typer.Option(
        "--all-problems",
        help="List every problem and warning; by default the first 20 of each kind are listed, "
             "then how many more there are.")] = False,
    suggest_follows: Annotated[bool, typer.Option(
        "--suggest-follows",
        help="List likely follows links not yet recorded, for a curator to accept or reject "
             "(the data is never changed).")] = False,
    *, options: Options,
) -> None:
    """Validate a data folder, warn where evidence does not show its status; with --sources,
    verify each evidence excerpt in its article."""
    folder = store.resolve_data_dir(options.data)
    data, verified, hashes, absent = _read(folder, sources_dir, all_problems)
    problems = Problems(keep_all=all_problems)
    for problem in verified:
        problems.append(problem, Said("data.kind.not_verbatim"))
    facts_path = folder / "facts.csv"
    # Warnings are capped like problems: the first 20 of each kind, then how many more.
    warnings = Problems(keep_all=all_problems)
    for found in lint(data):
        where = f"{facts_path}:{found.line}:{found.column}"
        if found.kind == "future":  # drafts too: the curator should see it before accepting
            warnings.append(Said("data.at", where=where, message=found.message),
                            Said("data.kind.future"))
        elif found.kind == "event":
            warnings.append(Said("data.at", where=where, message=found.message),
                            Said("data.kind.far_from_event"))
        elif found.kind == "sectors":
            warnings.append(Said("data.at", where=where, message=found.message),
                            Said("data.kind.part_sectors"))
        elif data.facts[found.fact].review != "draft":
            warnings.append(Said("data.at", where=where, message=found.message),
                            Said("data.kind.no_status_word"))
    for warning in _draft_warnings(folder, data):
        warnings.append(warning, Said("data.kind.draft"))
    for warning in hashes:
        warnings.append(warning, Said("data.kind.other_text"))
    if strict:
        problems.extend(warnings)
    else:
        for line in warnings.report():
            typer.echo(f"kzru: {one_line(say(Said('err.warning', text=line), options.language))}",
                       err=True)
    if problems:
        raise problems.error()
    lang = options.language
    counts = Joined([Said(f"check.count.{name}", count=len(getattr(data, name)))
                     for name in store.TABLES])
    drafted = sum(fact.review == "draft" for fact in data.facts.values())
    checked: object = ""
    if sources_dir is not None:
        unchecked = sum(fact.source in absent for fact in data.facts.values())
        checked = Said("check.verbatim", count=len(data.facts) - unchecked, folder=sources_dir)
        if absent:
            shown = ", ".join(absent[:10])
            more = Said("data.and_more", shown=shown, count=len(absent) - 10) \
                if len(absent) > 10 else shown
            checked = Joined([checked, Said("check.not_checked", unchecked=unchecked,
                                            count=len(absent), shown=more)], "")
    noted = (Said("check.warnings_one") if len(warnings) == 1 else
             Said("check.warnings", count=len(warnings))) if warnings else ""
    typer.echo(one_line(say(Said("check.ok", folder=folder, counts=counts,
                                 drafts=Said("check.drafts", count=drafted) if drafted else "",
                                 checked=checked, warnings=noted), lang)))
    _print_conflicts(data, facts_path, lang)
    if suggest_follows:
        del data  # the suggester reads the store: the loaded table need not stay in memory
        _print_suggestions(folder, options)


def _read(folder: Path, sources_dir: Optional[Path], all_problems: bool) -> tuple:
    """The folder (every row, drafts included) and, with --sources, what its articles say of
    the evidence: (data, evidence problems, articles that are not the text their source was
    added from, sources whose article is absent). The tables and the articles are read as one
    version: read again when a write changed the folder or the articles while they were read
    (whole_reads.read_whole), so the report never holds old tables against a new article."""
    if sources_dir is None:
        return store.load(folder, all_problems=all_problems), [], [], []
    from kzru.whole_reads import read_whole


    def read() -> tuple:
        data = store.load(folder, all_problems=all_problems)
        hashes: list[str] = []
        absent: list[str] = []
        return data, store.verify_evidence(data, sources_dir, hashes, absent), hashes, absent

    return read_whole(folder, read, also=(sources_dir,))


def _print_conflicts(data: Dataset, facts_path: Path, lang: str) -> None:
    """Where sources reporting the same thing (same_as) disagree: a report, not an error -
    the table keeps what each source says, and a reader should know that they differ."""
    found = conflicts(data.facts)
    if not found:
        return
    typer.echo(say(Said("check.conflicts_one") if len(found) == 1 else
                   Said("check.conflicts", count=len(found)), lang))
    for item in found:
        where = f"{facts_path}:{data.fact_lines.get(item.fact, 0)}"
        typer.echo(one_line(say(Said("check.conflict", where=where, fact=item.fact,
                                     other=item.other, message=item.message), lang)))


def _draft_warnings(folder: Path, data: Dataset) -> list[str]:
    """One warning per row still under review, at its line (kzru review decides them)."""
    found = []
    review_column = list(Fact._fields).index("review") + 1
    for fact in data.facts.values():
        if fact.review == "draft":
            found.append(Said("data.draft", id=fact.id, where=f"{folder / 'facts.csv'}:"
                              f"{data.fact_lines.get(fact.id, 0)}:{review_column}"))
    for name, rows in (("events", data.events), ("sources", data.sources)):
        drafts = [row.id for row in rows.values() if row.review == "draft"]
        if drafts:
            found.append(Said(f"data.drafts.{name}", path=folder / (name + ".csv"),
                              count=len(drafts),
                              ids=f"{', '.join(drafts[:5])}{'…' if len(drafts) > 5 else ''}"))
    return found


def _print_suggestions(folder: Path, options: Options) -> None:
    """One block per suggestion: the later fact, the earlier one, and why they may be linked.
    Read from the store (drafts included, as check reads the table), which keeps the keys the
    suggester looks up: only the commitments and their candidates are read."""
    from kzru.db import open_store

    found = suggest(open_store(folder, options.color, drafts=True))
    lang = options.language
    typer.echo(say(Said("check.suggested", count=len(found)), lang))
    for item in found:
        earlier, later = item.earlier, item.later
        typer.echo(one_line(say(Said(
            "check.suggestion", later=later.id, earlier=earlier.id,
            before=Said("check.state", status=status_word(earlier.status),
                        date=date_label(earlier.date, earlier.date_precision)),
            after=Said("check.state", status=status_word(later.status),
                       date=date_label(later.date, later.date_precision)),
            # each reason as a message of the table; its items are the data's own words and ids
            reasons=Joined([Said(f"check.reason.{kind}", items=items)
                            for kind, items in item.reasons], "; ")), lang)))
