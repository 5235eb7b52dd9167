"""Review for scripts and spreadsheet users: accept and reject drafts by id in one write
(`kzru review --accept ID… / --reject ID…`), each decision made through
kzru.curate.review's Session, which checks it as `kzru check` would.

Kept apart from the Session (one reviewer's decisions, as table edits) as the one call that
holds the folder, decides a list of ids and saves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Mapping

from kzru import writer
from kzru.curate.review import Session, pipeline_refuse
from kzru.errors import KzruError
from kzru.labels import Said
from kzru.model import Dataset


def decide(folder: Path, accept: Iterable[str] = (), reject: Iterable[str] = (),
           changes: "Mapping[str, str] | Callable[[Dataset], Mapping[str, str]] | None" = None,
           proposed: "list[tuple[str, dict[str, str]]] | None" = None) -> tuple[int, int]:
    """Accept (with ``changes`` set on each accepted draft first) and reject drafts by id in
    one write (for scripts); the counts done. Proposed same_as links are kept only when
    ``changes`` sets same_as. ``changes`` may be worked out from the folder as read (values
    typed in Russian, read with its sectors and glossary). The folder is held from the read
    to the write. ``proposed`` (a list) gets each draft event accepted because an accepted
    invitation proposes it, with that invitation's id, so that it is said, never unseen."""
    # an id given twice is decided once ("review is accepted" for the second would say the
    # first did not count); one given both ways is refused, before anything is read
    accept, reject = list(dict.fromkeys(accept)), list(dict.fromkeys(reject))
    both = next((fact_id for fact_id in accept if fact_id in reject), None)
    if both is not None:
        raise KzruError(Said("err.accept_and_reject", id=both))
    pipeline_refuse(folder)
    with writer.folder_lock(folder):
        session = Session(folder)
        session.holding = True
        session.by_option = True
        if callable(changes):
            changes = changes(session.data)
        accepted = rejected = 0
        for fact_id in accept:
            session.accept(fact_id, changes)
            accepted += 1
        for fact_id in reject:
            session.reject(fact_id)
            rejected += 1
        session.save()
    if proposed is not None:
        proposed.extend(session.proposed_accepted)
    return accepted, rejected
