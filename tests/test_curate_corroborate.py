"""Corroboration's candidate index: a draft is compared only with the facts that could be the
same as it (same kind, another source, a shared name or value), and what it proposes is what
comparing it with every fact would propose."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kzru.curate.corroborate import Candidates, propose
from kzru.model import Fact


def _fact(fact_id: str, source: str, text: str, names: tuple[str, ...] = ("Казахстан",),
          kind: str = "document", value: Decimal | None = None) -> Fact:
    fields = {name: "" for name in Fact._fields}
    fields.update(id=fact_id, source=source, text=text, kind=kind, event="",
                  date=date(2026, 3, 5), date_precision="day", sectors=(), follows=(),
                  same_as=(), value=value, names=names, status="signed")
    return Fact(**fields)


SIGNED = "Казахстан и Россия подписали соглашение о поставках газа."


def test_candidates_share_a_name_or_the_value_of_the_same_kind_from_another_source() -> None:
    named = _fact("b0-s1", "b0", SIGNED)
    own_source = _fact("b1-s2", "b1", SIGNED)
    other_kind = _fact("b0-s3", "b0", SIGNED, kind="statement")
    no_name = _fact("b0-s4", "b0", SIGNED, names=("Армения",))
    same_value = _fact("b0-s5", "b0", SIGNED, names=(), value=Decimal("20"))
    index = Candidates([named, own_source, other_kind, no_name, same_value])
    draft = _fact("b1-s1", "b1", SIGNED, names=("Казахстан", "Россия"), value=Decimal("20.0"))
    assert sorted(f.id for f in index.of(draft)) == ["b0-s1", "b0-s5"]
    index.add(_fact("b2-s1", "b2", SIGNED, names=("Россия", "Казахстан")))
    assert sorted(f.id for f in index.of(draft)) == ["b0-s1", "b0-s5", "b2-s1"]  # once


def test_the_index_proposes_what_reading_every_fact_proposes() -> None:
    texts = [SIGNED, "Казахстан и Россия подписали соглашение о поставках нефти.",
             "Казахстан и Россия подписали соглашение о поставках российского газа.",
             "Стороны обсудили строительство дорог."]
    facts = [_fact(f"c{n}-s{m}", f"c{n}", text, names=(("Казахстан",), ("Россия",), ())[m % 3],
                   value=Decimal(m % 2) if m % 2 else None)
             for n in range(3) for m, text in enumerate(texts)]
    index = Candidates(facts)
    for draft in facts:
        assert propose(draft, index.of(draft)) == propose(draft, facts)
    assert any(propose(draft, index.of(draft)) for draft in facts)  # the test compares something
