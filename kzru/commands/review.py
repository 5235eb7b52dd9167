"""kzru review: turn drafts into facts, one by one at a terminal or by id in scripts."""

import sys
from typing import Annotated, List, Optional

import typer

from kzru.commands.add import MAKE_ARTICLE, own_folder
from kzru.errors import KzruError, one_line
from kzru.labels import Said
from kzru.options import Options, with_common_options

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Accept, edit or reject drafts"
EXAMPLES = (f"kzru init my-table --empty && {MAKE_ARTICLE} && "
            "kzru add article.txt --data my-table",
            "kzru review --data my-table --list",
            "kzru review --data my-table --list --format json | jq '.[].text'",
            "kzru facts --data my-table --drafts --limit 3",
            "kzru review --data my-table --accept a000-s001 --set summary='Grain supplies "
            "agreed.' --set sectors=agriculture")
ACTIONS = "[a]ccept  [e]dit  [r]eject  [s]kip  [q]uit"
LIST_KEYS = ("id", "source", "status", "kind", "date", "date_precision", "event", "same_as",
             "text")


@with_common_options
def command(
    source: Annotated[Optional[str], typer.Option(
        "--source", metavar="ID", help="Only the drafts of this source.")] = None,
    accept: Annotated[Optional[List[str]], typer.Option(
        "--accept", metavar="ID", help="Accept this draft (repeatable); for scripts.")] = None,
    set_: Annotated[Optional[List[str]], typer.Option(
        "--set", metavar="FIELD=VALUE",
        help="With --accept: set a field of each accepted draft first (repeatable), e.g. "
             "--set summary='…' --set sectors='energy; transport' --set event_title='…'. "
             "Proposed same_as links are kept only when --set same_as names them.")] = None,
    reject: Annotated[Optional[List[str]], typer.Option(
        "--reject", metavar="ID", help="Reject (remove) this draft (repeatable).")] = None,
    list_: Annotated[bool, typer.Option(
        "--list", help="List the drafts waiting for review and exit.")] = False,
    *, options: Options,
) -> None:
    """Review drafts written by kzru add. At a terminal: each draft with its sentence in
    context and what decided it; accept, edit (also the proposed event's title), reject, skip
    or quit (progress is kept); each proposed same_as link is asked for (y/N). For scripts:
    --accept ID… [--set FIELD=VALUE…] and --reject ID…. An accepted fact must pass the
    curated-row rules (an English summary, sectors, evidence showing its status, no
    done/signed/agreed date after its article)."""
    folder = own_folder(options, "review")
    from kzru.curate.review import Session, decide

    changes = _changes(set_ or ())
    if changes and not accept:
        raise KzruError(Said("err.set_needs_accept"))
    if accept or reject:
        accepted, rejected = decide(folder, accept or (), reject or (), changes)
        typer.echo(f"{accepted} accepted, {rejected} rejected in {one_line(str(folder))}")
        return
    session = Session(folder)
    if list_ or not (sys.stdin.isatty() and sys.stdout.isatty()):
        _list(session, source, options)
        return
    with session.hold():  # refused at once, in one line, while another kzru changes it
        session.__init__(folder)  # what is on disk now that nobody else can change it
        _interactive(session, source, options.colored(sys.stdout.isatty()))


def _changes(pairs: List[str]) -> dict:
    """--set FIELD=VALUE pairs as a mapping; an unknown field is a usage error."""
    from kzru.curate.review import EDITABLE

    found = {}
    for pair in pairs:
        field, equals, value = pair.partition("=")
        field = field.strip()
        if not equals or field not in EDITABLE:
            raise KzruError(Said("err.bad_set", pair=pair, fields=", ".join(EDITABLE)))
        found[field] = value
    return found


def _list(session, source: Optional[str], options: Options) -> None:  # noqa: ANN001
    """The drafts waiting, in the chosen format like every listing: a table at a terminal
    (the sentence wrapped at spaces), TSV with a header in a pipe, or json/jsonl/csv/md."""
    from kzru.output import Output
    from kzru.render import date_label
    from kzru.table import Column

    rows = []
    for fact_id in session.drafts(source):
        fact = session.data.facts[fact_id]
        rows.append({"id": fact.id, "source": fact.source, "status": fact.status,
                     "kind": fact.kind, "date": fact.date, "date_precision": fact.date_precision,
                     "when": date_label(fact.date, fact.date_precision), "event": fact.event,
                     "same_as": list(fact.same_as), "text": fact.text})
    columns = [Column("id", "Draft", no_wrap=True), Column("status", "Status", drop=3),
               Column("kind", "Kind", drop=1), Column("when", "Date", no_wrap=True, drop=2),
               Column("text", "Sentence", ratio=1, min_width=20)]
    with Output(options) as out:
        out.rows(rows, LIST_KEYS, columns,
                 f"no drafts to review in {one_line(str(session.folder))}",
                 draw=lambda: out.writer.table(
                     rows, columns, dropped_note="Not shown: {columns} — widen the window, "
                     "or --format json"))
        if out.is_table:
            out.writer.line(f"{len(rows)} drafts waiting; kzru review --data "
                            f"{session.folder} to decide them at a terminal", style="dim")


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
        console.print(f"no drafts to review in {escape(one_line(str(session.folder)))}")
        raise typer.Exit(1)
    console.print(f"[dim]{escape(one_line(str(session.folder)))} is held for this review: "
                  "kzru add and other reviews of it are refused until you quit[/dim]")
    done = 0
    for number, fact_id in enumerate(queue, 1):
        _show(console, number, total, session, fact_id)
        while True:
            choice = _ask(console, ACTIONS)
            if choice is None:  # Ctrl-D at the action prompt: quit, as q does
                choice = "q"
            try:
                if choice in ("a", "accept"):
                    changes = {}
                    row = session.current(fact_id)  # what an edit already set is not asked
                    if not row["summary"]:
                        changes["summary"] = _answer(console, "English summary")
                    if not row["sectors"]:
                        changes["sectors"] = _answer(console, "sectors (ids separated by '; ')")
                    confirmed = [] if "same_as" in session.edited.get(fact_id, ()) else [
                        other.id for other in session.proposals(fact_id)
                        if _answer(console, f"same fact as {other.id} ({other.source})? [y/N]")
                        .lower() in ("y", "yes")]
                    session.accept(fact_id, changes, confirmed)
                    session.save()
                    console.print(f"[green]accepted[/green] {fact_id}")
                elif choice in ("e", "edit"):
                    if _edit(console, session, fact_id):
                        _show(console, number, total, session, fact_id)
                    continue
                elif choice in ("r", "reject"):
                    session.reject(fact_id)
                    session.save()
                    console.print(f"[red]rejected[/red] {fact_id}")
                elif choice in ("s", "skip"):
                    session.skip(fact_id)
                    session.save()
                elif choice in ("q", "quit"):
                    console.print(f"{done} decided; {len(session.drafts(source))} left for "
                                  "next time")
                    return
                else:
                    console.print(f"type one of: {ACTIONS}", markup=False)
                    continue
            except _Cancelled:
                console.print("cancelled (Ctrl-D): nothing changed for this draft")
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
    left = len(session.drafts(source))
    console.print(f"all {total} drafts seen; {done} decided"
                  + (f"; {left} left for next time" if left else ""))


class _Cancelled(Exception):
    """End of input (Ctrl-D) at a prompt that asks for a value: the action is abandoned."""


def _ask(console, prompt: str) -> Optional[str]:  # noqa: ANN001
    """The line typed, or None at end of input (Ctrl-D): never a value made up for it."""
    try:
        from rich.markup import escape

        return console.input(f"[bold]{escape(prompt)}[/bold] > ").strip()
    except EOFError:
        console.print()
        return None


def _answer(console, prompt: str) -> str:  # noqa: ANN001
    """A value for the action under way; Ctrl-D abandons the action, it is not an answer."""
    line = _ask(console, prompt)
    if line is None:
        raise _Cancelled
    return line


def _show(console, number: int, total: int, session, fact_id: str) -> None:  # noqa: ANN001
    """The draft as it stands (edits included), its sentence in context, what decided it."""
    from rich.markup import escape

    from kzru.render import date_label

    context = session.context(fact_id)
    row = session.current(fact_id)
    console.rule(f"draft {number} of {total}: {fact_id}")
    if context.before:
        console.print(f"[dim]{escape(context.before)}[/dim]")
    console.print(f"[bold]{escape(context.sentence)}[/bold]")
    if context.after:
        console.print(f"[dim]{escape(context.after)}[/dim]")
    why = context.status_from if context.status_from not in ("", "cue") else ""
    decided = "; ".join(filter(None, [f"cue: {context.cue}" if context.cue else "no cue", why]))
    console.print(f"status  {row['status']}   ({escape(decided)})")
    console.print(f"kind    {row['kind']}   (word: {escape(context.kind_word or '-')})")
    when = row["date"]
    try:
        from datetime import date

        when = date_label(date.fromisoformat(row["date"]), row["date_precision"])
    except ValueError:
        pass
    console.print(f"date    {escape(when)} ({escape(row['date_basis'])})"
                  f"{'  — ' + escape(row['date_note']) if row['date_note'] else ''}")
    future = session.future(fact_id)
    if future:
        console.print(f"[red]warning: {escape(future)}[/red]")
    event = session.event_row(fact_id)
    if event is not None:
        proposed = " (proposed: edit event_title to rename it)" if event["review"] == "draft" \
            else ""
        console.print(f"event   {event['id']}: {escape(event['title_en'])}{proposed}")
    else:
        console.print("event   -")
    console.print(f"sectors {escape(row['sectors'] or '-')}   speaker: "
                  f"{escape(row['speaker'] or '-')}")
    console.print(f"names   {escape(row['names'] or '-')}   (first named: "
                  f"{escape(context.entity or '-')})")
    if row["value"]:
        console.print(f"value   {escape(row['value'])} {escape(row['unit'])}")
    console.print(f"evidence «{escape(row['evidence'])}»")
    if "same_as" in session.edited.get(fact_id, ()):
        console.print(f"same as {escape(row['same_as'] or '-')} (as edited)")
    for other in session.proposals(fact_id) if "same_as" not in session.edited.get(
            fact_id, ()) else ():
        console.print(f"same as? {other.id} ({other.source}, "
                      f"{date_label(other.date, other.date_precision)}): "
                      f"{escape(other.text[:120])} — asked when you accept")
    console.print(f"summary {escape(row['summary']) or '(none yet)'}")


def _edit(console, session, fact_id: str) -> bool:  # noqa: ANN001
    """Read 'field: value' lines; whether anything changed."""
    from kzru.curate.review import EDITABLE

    console.print(f"fields: {', '.join(EDITABLE)}; 'field: value' per line, empty line ends")
    changes = {}
    while True:
        line = _answer(console, "edit")  # Ctrl-D drops this edit's lines: nothing applied
        if not line or line == "q":
            break
        field, _, value = line.partition(":")
        if field.strip() not in EDITABLE:
            console.print(f"unknown field {field.strip()!r}", markup=False)
            continue
        changes[field.strip()] = value.strip()
    if changes:
        session.edit(fact_id, changes)
        console.print("edited (saved when you accept):")
    return bool(changes)
