"""kzru review: turn drafts into facts, one by one at a terminal or by id in scripts."""

import sys
from typing import Annotated, List, Optional

import typer

from kzru.commands.add import own_folder
from kzru.errors import KzruError, one_line
from kzru.options import Options, with_common_options

EXAMPLES = ("kzru review --data empty-table --list",
            "kzru facts --data empty-table --drafts --limit 3")
ACTIONS = "[a]ccept  [e]dit  [r]eject  [s]kip  [q]uit"


@with_common_options
def command(
    source: Annotated[Optional[str], typer.Option(
        "--source", metavar="ID", help="Only the drafts of this source.")] = None,
    accept: Annotated[Optional[List[str]], typer.Option(
        "--accept", metavar="ID", help="Accept this draft (repeatable); for scripts.")] = None,
    reject: Annotated[Optional[List[str]], typer.Option(
        "--reject", metavar="ID", help="Reject (remove) this draft (repeatable).")] = None,
    list_: Annotated[bool, typer.Option(
        "--list", help="List the drafts waiting for review and exit.")] = False,
    *, options: Options,
) -> None:
    """Review drafts written by kzru add. At a terminal: each draft with its sentence in
    context and what decided it; accept, edit, reject, skip or quit (progress is kept). For
    scripts: --accept ID… and --reject ID…. An accepted fact must pass the curated-row
    rules (an English summary, sectors, evidence showing its status)."""
    folder = own_folder(options, "review")
    from kzru.curate.review import Session, decide

    if accept or reject:
        accepted, rejected = decide(folder, accept or (), reject or ())
        typer.echo(f"{accepted} accepted, {rejected} rejected in {folder}")
        return
    session = Session(folder)
    waiting = session.drafts(source)
    if list_ or not (sys.stdin.isatty() and sys.stdout.isatty()):
        if not waiting:
            typer.echo(f"no drafts to review in {folder}")
            raise typer.Exit(1)
        for fact_id in waiting:
            fact = session.data.facts[fact_id]
            typer.echo(f"{fact_id}\t{fact.status}\t{fact.kind}\t{fact.date}\t{fact.text[:80]}")
        return
    _interactive(session, source, options.colored(sys.stdout.isatty()))


def _interactive(session, source: Optional[str], color: bool) -> None:  # noqa: ANN001
    from rich.console import Console
    from rich.markup import escape

    # --no-color, --color never and NO_COLOR (options.colored) mean no escape codes at all:
    # no colour, no bold, no dim
    console = Console(highlight=False, color_system="auto" if color else None)
    queue = session.drafts(source, include_skipped=False) + \
        [f for f in session.drafts(source) if f in session.notes["skipped"]]
    total = len(queue)
    if not total:
        console.print(f"no drafts to review in {session.folder}")
        raise typer.Exit(1)
    done = 0
    for number, fact_id in enumerate(queue, 1):
        context = session.context(fact_id)
        _show(console, number, total, context)
        while True:
            choice = _ask(console, ACTIONS)
            try:
                if choice in ("a", "accept"):
                    changes = {}
                    row = session.current(fact_id)  # what an edit already set is not asked
                    if not row["summary"]:
                        changes["summary"] = _ask(console, "English summary")
                    if not row["sectors"]:
                        changes["sectors"] = _ask(console, "sectors (ids separated by '; ')")
                    session.accept(fact_id, changes)
                    session.save()
                    console.print(f"[green]accepted[/green] {fact_id}")
                elif choice in ("e", "edit"):
                    _edit(console, session, fact_id)
                    continue
                elif choice in ("r", "reject"):
                    session.reject(fact_id)
                    session.save()
                    console.print(f"[red]rejected[/red] {fact_id}")
                elif choice in ("s", "skip"):
                    session.skip(fact_id)
                    session.save()
                elif choice in ("q", "quit"):
                    console.print(f"{done} decided; {total - number + 1} left for next time")
                    return
                else:
                    console.print(f"type one of: {ACTIONS}", markup=False)
                    continue
            except KzruError as error:
                session.__init__(session.folder)  # back to what is on disk
                for problem in getattr(error, "problems", ()):  # a DataError names each one
                    console.print(f"[red]{escape(one_line(problem))}[/red]")
                console.print(f"[red]{escape(str(error))}[/red] (nothing saved: this draft's "
                              "edits are undone)")
                continue
            done += choice not in ("s", "skip")
            break
    console.print(f"all {total} drafts seen; {done} decided")


def _ask(console, prompt: str) -> str:  # noqa: ANN001
    try:
        from rich.markup import escape

        return console.input(f"[bold]{escape(prompt)}[/bold] > ").strip()
    except EOFError:
        return "q"


def _show(console, number: int, total: int, context) -> None:  # noqa: ANN001
    from rich.markup import escape

    fact = context.fact
    console.rule(f"draft {number} of {total}: {fact.id}")
    if context.before:
        console.print(f"[dim]{escape(context.before)}[/dim]")
    console.print(f"[bold]{escape(context.sentence)}[/bold]")
    if context.after:
        console.print(f"[dim]{escape(context.after)}[/dim]")
    console.print(f"status  {fact.status}   (cue: {escape(context.cue or 'none')}; "
                  f"{escape(context.status_from)})")
    console.print(f"kind    {fact.kind}   (word: {escape(context.kind_word or '-')})")
    console.print(f"date    {fact.date} {fact.date_precision} {fact.date_basis}"
                  f"{'  — ' + escape(fact.date_note) if fact.date_note else ''}")
    console.print(f"event   {fact.event or '-'}   entity: {escape(context.entity or '-')}")
    console.print(f"sectors {'; '.join(fact.sectors) or '-'}   speaker: "
                  f"{escape(fact.speaker or '-')}")
    if fact.value is not None:
        console.print(f"value   {fact.value} {escape(fact.unit)}")
    console.print(f"evidence «{escape(fact.evidence)}»")
    if fact.same_as:
        console.print(f"same as? {', '.join(fact.same_as)} (kept when you accept)")
    console.print(f"summary {escape(fact.summary) or '(none yet)'}")


def _edit(console, session, fact_id: str) -> None:  # noqa: ANN001
    from kzru.curate.review import EDITABLE

    console.print(f"fields: {', '.join(EDITABLE)}; 'field: value' per line, empty line ends")
    changes = {}
    while True:
        line = _ask(console, "edit")
        if not line or line == "q":
            break
        field, _, value = line.partition(":")
        if field.strip() not in EDITABLE:
            console.print(f"unknown field {field.strip()!r}", markup=False)
            continue
        changes[field.strip()] = value.strip()
    if changes:
        session.edit(fact_id, changes)
        fact = session.data.facts[fact_id]._replace(**{
            k: v for k, v in changes.items() if k in ("summary", "status", "kind", "speaker",
                                                        "event", "date_note", "unit", "text")})
        session.data.facts[fact_id] = fact
        console.print("edited (saved when you accept)")
