"""The rows of a fact listing (facts, timeline, sectors SECTOR, search): every field of each
fact and what a table shows under it, or, for a machine format printing only the fact's own
fields, those alone.

Why apart from shared.py: what a listing's row holds changes with the output contract (its
fields, the draft mark), not with how commands read options or the store.
"""

from typing import Any, Optional, Sequence

from kzru import fields
from kzru.labels import label, say, status_word
from kzru.model import Fact

# A fact row's own fields: what a machine format printing only these needs (fact_rows).
_OWN_FIELDS = frozenset((*Fact._fields, "sources_count"))


def fact_rows(facts: Sequence[Fact], events: Any, sources: Any, lang: str,
              keys: Optional[Sequence[str]] = None) -> list[dict]:
    """Every field of each fact, with what a table shows under it. ``keys``: the fields a
    machine format prints; when they are the fact's own (the default listing), the rest is
    never worked out (a query at 100,000 facts prints thousands of rows)."""
    if keys is not None and _OWN_FIELDS.issuperset(keys):
        return [_own_row(fact) for fact in facts]
    rows = []
    for fact in facts:
        row = fields.fact_record(fact, events, sources, lang)
        row["status_shown"] = say(status_word(fact.status), lang)  # подписано in a table
        row["part_of_note"] = label("note.part_of", lang, id=fact.part_of) if fact.part_of \
            else ""
        if fact.same_as:  # corroboration under the summary: who else reports it
            note = row["reported_by"]
            row["part_of_note"] = f"{row['part_of_note']}; {note}" if row["part_of_note"] \
                else note
        if fact.review == "draft":
            _mark_draft(row, fact)
        rows.append(row)
    return rows


def _own_row(fact: Fact) -> dict[str, Any]:
    """A fact's own fields and how many sources report it (fields.fact_record's)."""
    row = dict(zip(Fact._fields, fact))
    row["sources_count"] = 1 + len(fact.same_as)
    if fact.review == "draft":
        _mark_draft(row, fact)
    return row


def _mark_draft(row: dict[str, Any], fact: Fact) -> None:
    """A draft (only with --drafts) is never mistaken for a fact: its summary and text say
    so (in Russian at a Russian table: data_words)."""
    mark = label("note.draft")
    row["summary"] = f"{mark} {fact.summary or fact.text}"
    row["text"] = f"{mark} {fact.text}"
