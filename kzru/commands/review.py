"""kzru review: turn drafts into facts, one by one at a terminal or by id in scripts."""

import sys
from typing import Annotated, List, Optional

import typer

from kzru.commands.add import MAKE_ARTICLE, own_folder
from kzru.commands.review_list import list_drafts, proposed_event, title_of
from kzru.commands.review_list import said_in as _say
from kzru.data_typed import dated, figure, typed_values, value_typed
from kzru.errors import KzruError, one_line
from kzru.labels import Said, say
from kzru.options import Options, with_common_options

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Accept, edit or reject drafts"
EXAMPLES = (f"kzru init my-table --empty && {MAKE_ARTICLE} && "
            "kzru add article.txt --data my-table",
            "kzru review --data my-table --list",
            "kzru review --data my-table --list --format json | jq '.[].text'",
            "kzru facts --data my-table --drafts --limit 3",
            "kzru review --data my-table --accept a000-s001 --set summary='Grain supplies "
            "agreed.' --set отрасли='сельское хозяйство'")
# What each action may be typed as: its letter, its English word, its Russian word.
ACTIONS = {"a": ("a", "accept", "принять"), "e": ("e", "edit", "править"),
           "r": ("r", "reject", "отклонить"), "s": ("s", "skip", "пропустить"),
           "q": ("q", "quit", "выйти")}
YES = ("y", "yes", "д", "да")


@with_common_options
def command(
    source: Annotated[Optional[str], typer.Option(
        "--source", metavar="ID", help="Only the drafts of this source.")] = None,
    accept: Annotated[Optional[List[str]], typer.Option(
        "--accept", metavar="ID", help="Accept this draft (repeatable); for scripts.")] = None,
    set_: Annotated[Optional[List[str]], typer.Option(
        "--set", metavar="FIELD=VALUE",
        help="With --accept: set a field of each accepted draft first (repeatable), e.g. "
             "--set summary='…' --set sectors='energy; transport' --set event_title='…'; a "
             "field and its value may be typed as a Russian page shows them, a date also as "
             "words (--set date='5 декабря 2025', 'декабрь 2025', '2025 г.'; its precision "
             "the one it states). Proposed same_as links are kept only when --set same_as "
             "names them. event_title and event_title_ru rename the draft's own event; the "
             "event an invitation proposes (accepted with it) is renamed with proposes_title "
             "and proposes_title_ru, declined with --set proposes= (the invitation is "
             "accepted, proposing nothing), and replaced with --set proposes=ID, an event of "
             "the folder the invitation is to (a draft one is accepted with it; either then "
             "lists the draft's article).")] = None,
    reject: Annotated[Optional[List[str]], typer.Option(
        "--reject", metavar="ID", help="Reject (remove) this draft (repeatable).")] = None,
    list_: Annotated[bool, typer.Option(
        "--list", help="List the drafts waiting for review and exit.")] = False,
    *, options: Options,
) -> None:
    """Review drafts written by kzru add. At a terminal: each draft with its sentence in
    context and what decided it, and the event an invitation proposes; accept, edit (also the
    titles of a proposed event), reject, skip or quit (progress is kept; an edit is saved
    when its draft is accepted, never by skip, reject or quit); each proposed
    same_as link is asked for (y/N). For scripts:
    --accept ID… [--set FIELD=VALUE…] and --reject ID…. An accepted fact must pass the
    curated-row rules (an English summary, sectors, evidence showing its status, no
    done/signed/agreed date after its article)."""
    folder = own_folder(options, "review")
    from kzru.curate.decisions import decide
    from kzru.curate.review import Session

    changes = _changes(set_ or ())
    if changes and not accept:
        raise KzruError(Said("err.set_needs_accept"))
    if accept or reject:
        proposed: list = []
        accepted, rejected = decide(folder, accept or (), reject or (),
                                    lambda data: typed_values(changes, data), proposed)
        typer.echo(one_line(say(Said("review.decided", accepted=accepted, rejected=rejected,
                                     folder=folder), options.language)))
        for fact_id, event in proposed:  # accepted with an invitation: said, never unseen
            title = event["title_ru"] if options.language == "ru" and event["title_ru"] else \
                event["title_en"]
            typer.echo(_say("review.proposed_accepted", options.language, id=fact_id,
                            event=event["id"], title=title))
        return
    session = Session(folder)
    if list_ or not (sys.stdin.isatty() and sys.stdout.isatty()):
        list_drafts(session, source, options)
        return
    with session.hold():  # refused at once, in one line, while another kzru changes it
        session.__init__(folder)  # what is on disk now that nobody else can change it
        _interactive(session, source, options.colored(sys.stdout.isatty()), options.language)


def _changes(pairs: List[str]) -> dict:
    """--set FIELD=VALUE pairs as a mapping, each field named in English or in Russian (as a
    Russian page names it: статус, точность даты); an unknown field is a usage error."""
    found = {}
    for pair in pairs:
        field, equals, value = pair.partition("=")
        name = _field(field) if equals else None
        if name is None:
            raise KzruError(Said("err.bad_set", pair=pair, fields=_fields_said()))
        found[name] = value
    return found


def _field(typed: str) -> Optional[str]:
    """The editable field ``typed`` names, in either language (any case, ё or е); else None."""
    from kzru.curate.review import EDITABLE
    from kzru.errors import choose

    try:
        return choose(typed.strip(), EDITABLE, "field")  # a field's own name first
    except KzruError:
        return None


def _fields_said() -> object:
    """The editable fields as an error or a prompt lists them: their names, said in Russian
    with the name typed in brackets (статус (status))."""
    from kzru.curate.review import EDITABLE
    from kzru.labels import Joined, Pair, label

    return Joined([Pair(field, f"{label('field.' + field, 'ru')} ({field})")
                   for field in EDITABLE])


def _interactive(session, source: Optional[str], color: bool,  # noqa: ANN001
                 lang: str = "en") -> None:
    from rich.console import Console
    from rich.markup import escape

    # --no-color, --color never and NO_COLOR (options.colored) mean no escape codes at all:
    # no colour, no bold, no dim
    console = Console(highlight=False, color_system="auto" if color else None)
    queue = session.drafts(source, include_skipped=False) + \
        [f for f in session.drafts(source) if f in session.notes["skipped"]]
    total = len(queue)
    folder = str(session.folder)
    if not total:
        console.print(_say("review.none", lang, folder=folder), markup=False)
        raise typer.Exit(1)
    console.print(f"[dim]{escape(_say('review.held', lang, folder=folder))}[/dim]")
    actions = _say("review.actions", lang)
    done = 0
    for number, fact_id in enumerate(queue, 1):
        _show(console, number, total, session, fact_id, lang)
        while True:
            typed = _ask(console, actions)
            if typed is None:  # Ctrl-D at the action prompt: quit, as q does
                typed = "q"
            choice = next((letter for letter, words in ACTIONS.items()
                           if typed.casefold() in words), "")
            try:
                if choice == "a":
                    changes = {}
                    row = session.current(fact_id)  # what an edit already set is not asked
                    if not row["summary"]:
                        changes["summary"] = _answer(console, _say("review.ask_summary", lang))
                    if not row["sectors"]:
                        changes["sectors"] = _answer(console, _say("review.ask_sectors", lang))
                    confirmed = [] if "same_as" in session.edited.get(fact_id, ()) else [
                        other.id for other in session.proposals(fact_id)
                        if _answer(console, _say("review.ask_same", lang, id=other.id,
                                                 source=other.source)).casefold() in YES]
                    session.accept(fact_id, changes, confirmed)
                    session.save()
                    console.print(f"[green]{escape(_say('review.accepted', lang))}[/green] "
                                  f"{fact_id}")
                elif choice == "e":
                    if _edit(console, session, fact_id, lang):
                        _show(console, number, total, session, fact_id, lang)
                    continue
                elif choice == "r":
                    _drop_edits(console, session, fact_id, None)
                    session.reject(fact_id)
                    session.save()
                    console.print(f"[red]{escape(_say('review.rejected', lang))}[/red] {fact_id}")
                elif choice == "s":
                    _drop_edits(console, session, fact_id, lang)
                    session.skip(fact_id)
                    session.save()
                elif choice == "q":
                    _drop_edits(console, session, fact_id, lang)
                    console.print(_say("review.quit", lang, done=done,
                                       left=len(session.drafts(source))), markup=False)
                    return
                else:
                    console.print(_say("review.type_one", lang, actions=actions), markup=False)
                    continue
            except _Cancelled:
                console.print(_say("review.cancelled", lang), markup=False)
                continue
            except KzruError as error:
                session.__init__(session.folder)  # back to what is on disk
                for problem in getattr(error, "problems", ()):  # a DataError names each one
                    console.print(f"[red]{escape(one_line(say(problem, lang)))}[/red]")
                said = one_line(say(error.args[0] if error.args else str(error), lang))
                # the error in red, then (in the reader's words) that nothing was saved
                console.print(f"[red]{escape(said)}[/red]"
                              f"{escape(_say('review.undone', lang, error=''))}")
                continue
            done += choice != "s"
            break
    left = len(session.drafts(source))
    console.print(_say("review.all_seen", lang, total=total, done=done)
                  + (_say("review.left", lang, count=left) if left else ""), markup=False)


def _drop_edits(console, session, fact_id: str,  # noqa: ANN001
                lang: Optional[str]) -> None:
    """Only accept saves a draft's edits ("saved when you accept"): skip, reject and quit
    leave the draft as it was on disk, a declined visit still proposed. Every other decision
    was saved when made, so going back to the disk undoes this draft's edits only. Said
    (``lang``) when the draft stays, to be seen again with the edits gone."""
    if not session.edited.get(fact_id):
        return
    session.__init__(session.folder)
    if lang is not None:
        console.print(_say("review.edits_dropped", lang, id=fact_id), markup=False)


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


def _show(console, number: int, total: int, session, fact_id: str,  # noqa: ANN001
          lang: str = "en") -> None:
    """The draft as it stands (edits included), its sentence in context, what decided it."""
    from rich.markup import escape

    from kzru.curate.decide import gives_kind
    from kzru.data_words import figure_said, names_of, speaker_said
    from kzru.labels import Joined, status_word, word
    from kzru.render import date_label

    def line(key: str, **fields: object) -> None:
        console.print(_say(key, lang, **fields), markup=False)

    context = session.context(fact_id)
    row = session.current(fact_id)
    console.rule(escape(_say("review.draft_of", lang, number=number, total=total, id=fact_id)))
    if context.before:
        console.print(f"[dim]{escape(context.before)}[/dim]")
    console.print(f"[bold]{escape(context.sentence)}[/bold]")
    if context.after:
        console.print(f"[dim]{escape(context.after)}[/dim]")
    # how the drafter chose the status: its note as it kept it (a label said in the reader's
    # language; a note from an older kzru as written)
    why = context.status_from if context.status_from not in ("", "cue") else ""
    cue = Said("review.cue", cue=context.cue) if context.cue else Said("review.no_cue")
    line("review.status", status=status_word(row["status"]),
         decided=Joined([cue, *([why] if why else [])], "; "))
    kind_word = context.kind_word if gives_kind(context.kind_word, row["kind"]) else ""
    line("review.kind", kind=word("kind", row["kind"]), word=kind_word or "-")
    when = row["date"]
    try:
        from datetime import date

        when = date_label(date.fromisoformat(row["date"]), row["date_precision"])
    except ValueError:
        pass
    # the drafter's date note in the reader's language while the row still holds it as
    # written; a note typed by the reviewer (or the curators) as it is
    note = context.date_note if context.date_note is not None and \
        row["date_note"] == str(context.date_note) else row["date_note"]
    line("review.date", date=when, basis=word("basis", row["date_basis"]),
         note=Joined(["  — ", note], "") if note else "")
    future = session.future(fact_id)
    if future:
        console.print(f"[red]{escape(_say('err.warning', lang, text=future))}[/red]")
    event = session.event_row(fact_id)
    if event is not None:
        title = event["title_ru"] if lang == "ru" and event["title_ru"] else event["title_en"]
        line("review.event", id=event["id"], title=title,
             proposed=Said("review.proposed") if event["review"] == "draft" else "")
    else:
        line("review.no_event")
    proposed = proposed_event(session, fact_id)
    if proposed["proposes"]:
        draft = (session.proposed_row(fact_id) or {}).get("review") == "draft"
        line("review.proposes", id=proposed["proposes"], title=title_of(session, fact_id, lang),
             kind=word("event_kind", proposed["proposes_kind"]),
             date=proposed["proposes_when"] or "-",
             places=", ".join(proposed["proposes_places"]) or "-",
             how=Said("review.proposes_draft" if draft else "review.proposes_curated"))
    names = names_of(session.data.glossary)
    line("review.sectors", sectors=_sectors(row["sectors"], session.data, lang) or "-",
         speaker=speaker_said(row["speaker"], names, lang) or "-")
    line("review.names", names=row["names"] or "-", entity=context.entity or "-")
    if row["value"]:
        line("review.value", value=figure_said(row["value"], row["unit"], lang))
    line("review.evidence", evidence=row["evidence"])
    if "same_as" in session.edited.get(fact_id, ()):
        line("review.same_as", ids=row["same_as"] or "-")
    for other in session.proposals(fact_id) if "same_as" not in session.edited.get(
            fact_id, ()) else ():
        line("review.same_as_asked", id=other.id, source=other.source,
             date=date_label(other.date, other.date_precision), text=other.text[:120])
    line("review.summary", summary=row["summary"] or Said("review.no_summary"))


def _sectors(typed: str, data, lang: str) -> str:  # noqa: ANN001 - model.Dataset
    """A draft's sectors as a Russian page names them (энергетика), an id the folder does not
    hold as it is; in English their ids, as the table holds them."""
    if lang != "ru":
        return typed
    items = [item for item in typed.split("; ") if item]
    return "; ".join(data.sectors[item].short("ru") or item
                     if item in data.sectors else item for item in items)


def _edit(console, session, fact_id: str, lang: str = "en") -> bool:  # noqa: ANN001
    """Read 'field: value' lines; whether anything changed."""
    console.print(_say("review.fields", lang, fields=_fields_said()), markup=False)
    changes = {}
    typed_changes = {}  # as typed: a unit typed with its number gives the value too
    while True:
        line = _answer(console, _say("review.edit", lang))  # Ctrl-D: nothing applied
        if not line or line == "q":
            break
        typed, _, value = line.partition(":")
        field = _field(typed)
        if field is None:
            console.print(_say("review.unknown_field", lang, field=typed.strip()), markup=False)
            continue
        try:
            changes[field] = value_typed(field, value.strip(), session.data)
            typed_changes[field] = value.strip()
        except KzruError as error:  # a sector no name or id names: said, and asked again
            console.print(one_line(say(error.args[0], lang)), markup=False)
    if changes:
        session.edit(fact_id, dated(figure(changes, typed_changes)))
        console.print(_say("review.edited", lang), markup=False)
    return bool(changes)
