"""Review drafts: accept (optionally edited), reject, skip — as table edits, no printing.

Every decision is checked the way ``kzru check`` checks the folder before anything is written:
an accepted row must pass the curated-row rules (an English summary and sectors, evidence
showing a cue of its status — the lint), and leave nothing pointing at a draft. Accepting a
fact accepts its proposed event and marks its source reviewed, lists the source on the
event, and writes its confirmed same_as links on both sides. Rejecting removes the row and
every reference to it (same_as, follows, part_of), and a proposed event no fact uses any more.
An invitation's proposed visit (its note's ``proposes``) is the reviewer's to see, title or
decline (``proposes``, ``proposes_title``); ``event_title`` is only ever the draft's own event.
At save, kzru.curate.settle settles which sources each event lists and which are reviewed.
"""

from __future__ import annotations

import json
from contextlib import contextmanager, nullcontext
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from kzru import store, writer
from kzru.curate import settle
from kzru.curate.inputs import Input, edit_input
from kzru.curate.notes import NOTES, read_notes
from kzru.curate.scratch import validate
from kzru.curate.seen import Context, context_of
from kzru.errors import KzruError
from kzru.labels import Joined, Said
from kzru.lint import after_publication, future_message, has_status_cue
from kzru.model import Fact

EDITABLE = ("summary", "status", "kind", "date", "date_precision", "date_basis", "date_note",
            "sectors", "event", "part_of", "speaker", "same_as", "value", "unit", "text",
            "names", "event_title", "event_title_ru", "proposes", "proposes_title",
            "proposes_title_ru")
# Edits of the draft's own event (a proposed one only), not of the fact's row.
EVENT_FIELDS = {"event_title": "title_en", "event_title_ru": "title_ru"}
# Edits of the event an invitation proposes without belonging to it (a draft one only).
PROPOSED_FIELDS = {"proposes_title": "title_en", "proposes_title_ru": "title_ru"}
# the fields that say which event a draft belongs to or proposes: set before any title
LINK_FIELDS = ("event", "proposes")
LIST_SEP = "; "


class Session:
    """The folder's tables as cells, changed in memory and saved whole (``save``)."""

    holding = False  # True inside hold(): the folder is this session's until it ends
    by_option = False  # the edits came as --set FIELD=VALUE (a script), not typed in a session

    def __init__(self, folder: Path) -> None:
        pipeline_refuse(folder)
        self.folder = folder
        self.on_disk = _snapshot(folder)  # before reading: a write after it is seen at save
        self.data = store.load(folder)
        self.tables = {name: writer.read_table(folder / f"{name}.csv")
                       for name in ("sources", "events", "facts")}
        self.notes = read_notes(folder)
        self.edited: dict[str, set[str]] = {}  # fact id -> fields set by an edit
        self.declined: list[str] = []  # events an edit of `proposes` left: dropped if orphaned
        # (draft, event) for each draft event accepted because a draft proposes it: said
        self.proposed_accepted: list[tuple[str, dict[str, str]]] = []
        # the articles under review: save settles which events list them (kzru.curate.settle)
        self.under_review = {f.source for f in self.data.facts.values() if f.review == "draft"}

    # -- reading ---------------------------------------------------------------------------
    def drafts(self, source: str | None = None, include_skipped: bool = True) -> list[str]:
        found = [row["id"] for row in self.tables["facts"].rows if row["review"] == "draft"
                 and (source is None or row["source"] == source)]
        if source is not None and source not in self.data.sources:
            raise KzruError(Said("err.not_source_in", value=source, folder=self.folder))
        if not include_skipped:
            skipped = set(self.notes["skipped"])
            found = [f for f in found if f not in skipped]
        return found

    def context(self, fact_id: str, article_text: str | None = None) -> Context:
        """The draft's sentence with the ones before and after, and what decided it."""
        return context_of(self.folder, self.data, self.notes, fact_id, article_text)

    def _row(self, table: str, row_id: str) -> dict[str, str]:
        for row in self.tables[table].rows:
            if row["id"] == row_id:
                return row
        raise KzruError(Said("err.not_row_in", value=row_id, what=table[:-1], folder=self.folder))

    def current(self, fact_id: str) -> dict[str, str]:
        """The draft's row as it stands in this session, edits not yet saved included."""
        return dict(self._row("facts", fact_id))

    # -- deciding --------------------------------------------------------------------------
    def event_by_id(self, event_id: str) -> dict[str, str] | None:
        """The event row with this id as it stands in this session, or None ('' or absent)."""
        return next((r for r in self.tables["events"].rows if r["id"] == event_id), None) \
            if event_id else None

    def event_row(self, fact_id: str) -> dict[str, str] | None:
        """The event the draft belongs to (as edited in this session), or None."""
        return self.event_by_id(self._row("facts", fact_id)["event"])

    def proposes(self, fact_id: str) -> str:
        """The event the draft's note proposes without the draft belonging to it (an
        invitation's visit), as edited in this session; '' for none."""
        return str(self.notes["drafts"].get(fact_id, {}).get("proposes") or "")

    def proposed_row(self, fact_id: str) -> dict[str, str] | None:
        """The row of the event the draft proposes (``proposes``), or None."""
        return self.event_by_id(self.proposes(fact_id))

    def proposals(self, fact_id: str) -> list[Fact]:
        """The facts this draft's same_as proposes, for the curator to confirm one by one."""
        listed = [i for i in self._row("facts", fact_id)["same_as"].split(LIST_SEP) if i]
        return [self.data.facts[i] for i in listed if i in self.data.facts]

    def future(self, fact_id: str) -> str:
        """Why the draft, as edited, cannot say it happened (dated after its article), or ''."""
        row = self._row("facts", fact_id)
        source = self.data.sources.get(row["source"])
        fact = self._as_edited(row)
        return future_message(fact, source) if fact is not None and source is not None and \
            after_publication(fact, source) else ""

    def _as_edited(self, row: dict[str, str]) -> Fact | None:
        try:
            day = date.fromisoformat(row["date"])
        except ValueError:
            return None  # a bad date is refused when the folder is validated
        return self.data.facts[row["id"]]._replace(
            status=row["status"], date=day, date_precision=row["date_precision"],
            evidence=row["evidence"])

    def edit(self, fact_id: str, changes: Mapping[str, str]) -> None:
        """Apply ``changes`` to the draft. Which event a title goes to never depends on the
        order of --set: a new ``event`` or ``proposes`` is set first, then the titles."""
        row = self._row("facts", fact_id)
        ordered = sorted(changes.items(), key=lambda item: item[0] not in LINK_FIELDS)
        for field, value in ordered:
            if field not in EDITABLE:
                raise KzruError(Said("err.not_editable", field=field, fields=", ".join(EDITABLE)))
            if field in EVENT_FIELDS:
                self._edit_event(row, row["event"], EVENT_FIELDS[field], value.strip(),
                                 "err.no_event_to_retitle")
            elif field in PROPOSED_FIELDS:
                self._edit_event(row, self.proposes(fact_id), PROPOSED_FIELDS[field],
                                 value.strip(), "err.no_proposal_to_retitle")
            elif field == "proposes":
                self._set_proposes(fact_id, value.strip())
            else:
                row[field] = value.strip()
            self.edited.setdefault(fact_id, set()).add(field)

    def _edit_event(self, row: dict[str, str], event_id: str, column: str, value: str,
                    none: str) -> None:
        """Retitle a proposed (draft) event: the draft's own, or the one it proposes; a
        curated event is edited in events.csv. ``none``: the message when there is none."""
        if not event_id:
            raise KzruError(Said(none, id=row["id"]))
        event = self._row("events", event_id)
        if event["review"] != "draft":
            raise KzruError(Said("err.event_accepted", id=event["id"],
                                 path=str(self.folder / "events.csv")))
        if not value:
            raise KzruError(Said("err.event_needs_title", id=event["id"]))
        event[column] = value

    def _set_proposes(self, fact_id: str, value: str) -> None:
        """Decline the event the draft proposes (empty: its note is kept, proposing nothing)
        or name another event it proposes; the one left is dropped at save when nothing else
        belongs to it or proposes it."""
        if value:
            event = self._row("events", value)  # an event of the folder, else one line naming it
            self._refuse_past(fact_id, event)
        note = self.notes["drafts"].setdefault(fact_id, {})
        before = self.proposes(fact_id)
        if before and before != value:
            self.declined.append(before)
        if value:
            note["proposes"] = value
        else:
            note.pop("proposes", None)

    def _refuse_past(self, fact_id: str, event: dict[str, str]) -> None:
        """An invitation proposes what is still to come: an event over (by its last possible
        day at its precision) before the invitation's article was published is refused."""
        from kzru.progress import period_end

        source = self._row("sources", self._row("facts", fact_id)["source"])
        try:
            last = period_end(date.fromisoformat(event["end"] or event["start"]),
                              event["date_precision"])
        except ValueError:
            return  # a bad date is refused when the folder is validated
        if source["published"] and last.isoformat() < source["published"]:
            raise KzruError(Said("err.proposes_past", id=fact_id, event=event["id"],
                                 last=last.isoformat(), source=source["id"],
                                 published=source["published"]))

    def accept(self, fact_id: str, changes: Mapping[str, str] | None = None,
               same_as: Iterable[str] = ()) -> None:
        """Accept the draft (after ``changes``), keeping of its proposed same_as links only
        those named in ``same_as``, unless an edit wrote same_as itself."""
        row = self._row("facts", fact_id)
        if row["review"] != "draft":
            raise KzruError(Said("err.not_draft", id=fact_id, review=row["review"]))
        if changes:
            self.edit(fact_id, changes)
        if "same_as" not in self.edited.get(fact_id, set()):
            confirmed = set(same_as)
            row["same_as"] = LIST_SEP.join(
                i for i in row["same_as"].split(LIST_SEP) if i and i in confirmed)
        problems = self._curated_problems(row)
        if problems:
            raise KzruError(Said("err.cannot_accept", id=fact_id, problems=Joined(problems, "; ")))
        row["review"] = "accepted"
        # its event, and the visit an invitation proposes without belonging to it
        proposes = self.notes["drafts"].get(fact_id, {}).get("proposes")
        for event_id in dict.fromkeys(filter(None, (row["event"], proposes))):
            event = self.event_by_id(event_id)
            if event is None:
                continue
            if event_id == proposes and event_id != row["event"] and event["review"] == "draft":
                self.proposed_accepted.append((fact_id, event))
            event["review"] = "accepted"
            listed = event["sources"].split(LIST_SEP) if event["sources"] else []
            if row["source"] not in listed:
                event["sources"] = LIST_SEP.join([*listed, row["source"]])
        self._row("sources", row["source"])["review"] = "accepted"
        self._confirm_same_as(row)
        self._forget_skip(fact_id)

    def _curated_problems(self, row: dict[str, str]) -> list[str]:
        problems = []
        if not row["summary"]:
            problems.append(Said("err.needs_summary"))
        if not row["sectors"]:
            problems.append(Said("err.needs_sectors"))
        fact = self.data.facts[row["id"]]._replace(status=row["status"])
        if not has_status_cue(fact._replace(evidence=row["evidence"])):
            problems.append(Said("err.needs_status_word", status=row["status"]))
        future = self.future(row["id"])
        if future:
            problems.append(future)
        if "same_as" in self.edited.get(row["id"], set()):
            problems += self._same_as_problems(row)
        if row["part_of"] and self._review_of(row["part_of"]) == "draft":
            problems.append(Said("err.draft_parent", field="part_of", id=row["part_of"]))
        for item in filter(None, row["follows"].split(LIST_SEP)):
            if self._review_of(item) == "draft":
                problems.append(Said("err.draft_parent", field="follows", id=item))
        return problems

    def _same_as_problems(self, row: dict[str, str]) -> list[object]:
        """An edited same_as names facts of other sources: an id that is no fact would be
        dropped without a word, one of the same source refused at a row not edited."""
        sources = {r["id"]: r["source"] for r in self.tables["facts"].rows}
        problems: list[object] = []
        for item in filter(None, row["same_as"].split(LIST_SEP)):
            if item not in sources:
                problems.append(Said("err.same_as_unknown", id=item))
            elif sources[item] == row["source"]:
                problems.append(Said("err.same_as_own", id=item, source=row["source"]))
        return problems

    def _review_of(self, fact_id: str) -> str:
        for row in self.tables["facts"].rows:
            if row["id"] == fact_id:
                return row["review"]
        return ""

    def _confirm_same_as(self, row: dict[str, str]) -> None:
        """Accepted same_as links are written on both sides; one to a draft moves to the
        draft's side, a proposal still to be confirmed when that draft is reviewed."""
        mine = [item for item in row["same_as"].split(LIST_SEP) if item]
        kept = []
        for other_id in mine:
            other = next((r for r in self.tables["facts"].rows if r["id"] == other_id), None)
            if other is None:
                continue
            theirs = [item for item in other["same_as"].split(LIST_SEP) if item]
            if row["id"] not in theirs:
                other["same_as"] = LIST_SEP.join([*theirs, row["id"]])
            if other["review"] != "draft":
                kept.append(other_id)
        row["same_as"] = LIST_SEP.join(kept)

    def reject(self, fact_id: str) -> None:
        row = self._row("facts", fact_id)
        if row["review"] != "draft":
            raise KzruError(Said("err.reject_accepted", id=fact_id))
        facts = self.tables["facts"]
        facts.rows = [r for r in facts.rows if r["id"] != fact_id]
        for other in facts.rows:
            for field in ("same_as", "follows"):
                items = [i for i in other[field].split(LIST_SEP) if i and i != fact_id]
                other[field] = LIST_SEP.join(items)
            if other["part_of"] == fact_id:
                other["part_of"] = ""
        proposes = self.notes["drafts"].pop(fact_id, {}).get("proposes")
        for event_id in filter(None, (row["event"], proposes)):
            self._drop_if_orphaned(event_id)
        self._forget_skip(fact_id)

    def _drop_if_orphaned(self, event_id: str) -> None:
        """A draft event no fact belongs to and no draft proposes is removed: no review could
        settle it (check --strict would fail for good)."""
        facts = self.tables["facts"]
        if not event_id or any(r["event"] == event_id for r in facts.rows) or any(
                note.get("proposes") == event_id for note in self.notes["drafts"].values()):
            return  # another fact still belongs to it or proposes it
        events = self.tables["events"]
        events.rows = [e for e in events.rows
                       if not (e["id"] == event_id and e["review"] == "draft")]

    def skip(self, fact_id: str) -> None:
        if fact_id not in self.notes["skipped"]:
            self.notes["skipped"].append(fact_id)

    def _forget_skip(self, fact_id: str) -> None:
        self.notes["skipped"] = [f for f in self.notes["skipped"] if f != fact_id]

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the folder (writer.folder_lock) for the whole session: add and other reviews
        of it are refused until the block ends, so no decision is written over their work."""
        with writer.folder_lock(self.folder):
            self.holding = True
            try:
                yield
            finally:
                self.holding = False

    def save(self) -> None:
        """Validate the folder as check would, then write it whole; refused when another
        kzru changed the tables since this session read them (its work is never lost)."""
        for fact_id, fields in self.edited.items():  # an event a draft was edited away from
            if "event" in fields and fact_id in self.data.facts:
                self._drop_if_orphaned(self.data.facts[fact_id].event)
        for event_id in self.declined:  # and one an invitation no longer proposes
            self._drop_if_orphaned(event_id)
        settle.event_sources(self.tables, self.notes["drafts"], self.under_review)
        settle.reviewed_sources(self.tables)
        contents = writer.render_tables(self.tables)
        contents[NOTES] = json.dumps(self.notes, ensure_ascii=False, indent=1).encode("utf-8")
        with nullcontext() if self.holding else writer.folder_lock(self.folder):
            if _snapshot(self.folder) != self.on_disk:
                raise KzruError(Said("err.changed_meanwhile", folder=self.folder))
            validate(self.folder, contents, locate=self._locate)
            writer.commit(self.folder, contents)
            self.on_disk = _snapshot(self.folder)
        self.data = store.load(self.folder)


    def _locate(self, table: str, row_id: str, column: str | None) -> Input | None:
        """A problem in a value this session set is said at the --set or the edit that set
        it, not at a line of the scratch copy the save was checked in."""
        if table == "facts" and column in self.edited.get(row_id, set()):
            return edit_input(self.by_option, row_id, column)
        if table == "events":
            for names, event_of in ((EVENT_FIELDS, lambda f: self.current(f)["event"]),
                                    (PROPOSED_FIELDS, self.proposes)):
                fields = {field for field, name in names.items() if name == column}
                for fact_id, edited in self.edited.items():
                    if fields & edited and event_of(fact_id) == row_id:
                        return edit_input(self.by_option, fact_id, sorted(fields & edited)[0])
        return None


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    """The bytes of the files a review rewrites, None for one that is absent."""
    found: dict[str, bytes | None] = {}
    for name in ("sources.csv", "events.csv", "facts.csv", NOTES):
        try:
            found[name] = store.read_limited(folder / name, writer.CSV_LIMIT)
        except FileNotFoundError:
            found[name] = None
    return found


def pipeline_refuse(folder: Path) -> None:
    from kzru.curate.pipeline import refuse_bundled

    refuse_bundled(folder)
