"""`kzru check --suggest-follows` proposes the cross-visit links issue 19.1 lists (the same
named plant, branch, corridor or commodity across visits): on the bundled table as curated
(those the curators have not linked), on the table with every link cleared (all of them), and
on small tables made by hand here, where the rule can be seen without the rest of the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_table, write_table

from kzru.store import load
from kzru.suggest import suggest_follows

# Issue 19.1, pair by pair: (the later fact, the earlier one it may report on).
NOT_YET_LINKS = [
    # rail links and the transport infrastructure parent (a001 «договорились о развитии
    # железнодорожного сообщения … модернизации пунктов пропуска»)
    ("a004-dostyk-moyynty-rail-line", "a001-agreed-rail-links"),
    ("a004-ayagoz-bakhty-rail-line", "a001-agreed-rail-links"),
    ("a004-border-checkpoints", "a001-agreed-transport-infrastructure"),
    # the Ekibastuz GRES-2 (modernisation named in the 2025 preview)
    ("a002-ekibastuz-gres2-modernisation", "a001-ekibastuz-gres2-emissions"),
    # the KazNU Omsk branch, in the 2025 lists (the Chelyabinsk branch in Kostanay, also in
    # them, is linked under RUBRIC-follows 2c: named again, still operating)
    ("a004-kaznu-omsk-branch", "a001-kaznu-omsk-first-applicants-sept"),
    ("a002-kaznu-omsk-branch", "a001-kaznu-omsk-first-applicants-sept"),
    # the 2022 peaceful-atom work: 2025's nuclear documents (the Rosatom work is linked since
    # round 14: the same line of work told again)
    ("a004-documents-nuclear-energy", "a003-peaceful-atom-joint-project"),
]
# ... and those the curators have linked (RUBRIC-follows), proposed once the links are cleared
LINKED = [
    ("a004-oil-partnership", "a001-oil-supply-existing-agreements"),
    ("a004-oil-products-partnership", "a001-oil-supply-existing-agreements"),
    ("a004-border-checkpoints", "a001-agreed-checkpoint-modernisation"),
    ("a004-first-npp-kazakhstan", "a002-kazakhstan-decision-to-build-npps"),
    ("a002-chelyabinsk-state-university-branch", "a001-chelyabinsk-university-kostanay-branch"),
    ("a002-msu-branch", "a003-msu-branch-adapted-programme"),
    ("a004-rosatom-cooperation", "a003-peaceful-atom-joint-project"),
]


def _pairs(folder: Path) -> set[tuple[str, str]]:
    return {(s.later.id, s.earlier.id) for s in suggest_follows(load(folder))}


def test_the_curated_table_gets_each_pair_not_yet_linked(bundled) -> None:  # noqa: ANN001
    for later, earlier in NOT_YET_LINKS:
        assert earlier not in bundled.facts[later].follows, (later, earlier)
    found = {(s.later.id, s.earlier.id) for s in suggest_follows(bundled)}
    assert [pair for pair in NOT_YET_LINKS if pair not in found] == []


def test_with_the_links_cleared_every_pair_of_the_issue_is_proposed(data_copy: Path) -> None:
    rows = read_table(data_copy, "facts")
    for row in rows:
        row["follows"] = ""
    write_table(data_copy, "facts", rows)
    found = _pairs(data_copy)
    assert [pair for pair in [*NOT_YET_LINKS, *LINKED] if pair not in found] == []


# -- small tables made by hand --------------------------------------------------------------

def _row(fact_id: str, source: str, day: str, status: str, sectors: str, summary: str,
         text: str, names: str, kind: str = "statement") -> dict[str, str]:
    return {"id": fact_id, "kind": kind, "event": "", "date": day, "date_precision": "day",
            "date_basis": "publication", "date_note": "", "sectors": sectors,
            "status": status, "speaker": "", "summary": summary, "text": text,
            "evidence": text, "source": source, "names": names, "review": "accepted"}


# a001 is a report of 2024-11-27, a004 one of 2025-11-12 (the bundled sources)
EARLY, LATE = ("a001", "2024-11-27"), ("a004", "2025-11-12")
HAND_MADE = [
    # a plant
    _row("e-plant", *EARLY, "agreed", "ecology; energy",
         "An agreement was reached on cutting emissions at the Ekibastuz GRES-2 plant.",
         "Достигнута договорённость о снижении выбросов на Экибастузской ГРЭС-2.",
         "Экибастузская ГРЭС-2; Ekibastuz GRES-2"),
    _row("l-plant", *LATE, "agreed", "energy",
         "The sides agreed on the modernisation of the Ekibastuz GRES-2 plant.",
         "Стороны договорились о модернизации Экибастузской ГРЭС-2.",
         "Экибастузская ГРЭС-2; Ekibastuz GRES-2"),
    _row("l-other-plant", *LATE, "agreed", "energy",
         "The sides agreed to build a new combined heat and power plant in Kokshetau.",
         "Стороны договорились построить новую ТЭЦ в Кокшетау.", "Кокшетау; Kokshetau"),
    # a branch
    _row("e-branch", *EARLY, "planned", "education",
         "The KazNU branch in Omsk is to admit its first students in September.",
         "Филиал КазНУ в Омске начнёт принимать первых студентов в сентябре.",
         "КазНУ; KazNU; Омск; Omsk"),
    _row("l-branch", *LATE, "done", "education",
         "The KazNU branch in Omsk has opened.", "Открыт филиал КазНУ в Омске.",
         "КазНУ; KazNU; Омск; Omsk"),
    # a corridor
    _row("e-corridor", *EARLY, "agreed", "transport",
         "The sides agreed to develop the North–South transport corridor.",
         "Стороны договорились развивать транспортный коридор Север — Юг.",
         "Север — Юг; North–South"),
    _row("l-corridor", *LATE, "agreed", "transport",
         "The sides agreed to expand the capacity of the North–South corridor.",
         "Договорились расширять возможности коридора Север — Юг.", "Север — Юг; North–South"),
    # a commodity
    _row("e-oil", *EARLY, "ongoing", "energy",
         "Cooperation on oil supplies will continue under the existing agreements.",
         "Сотрудничество по поставкам нефти продолжится в рамках существующих договорённостей.",
         "нефть; oil"),
    _row("l-oil", *LATE, "agreed", "energy",
         "The sides agreed to strengthen their partnership in oil supplies.",
         "Стороны условились укреплять партнёрство в сфере поставок нефти.", "нефть; oil"),
    # nothing in common with any later row but a word of talk
    _row("e-tourism", *EARLY, "agreed", "tourism",
         "The sides agreed to develop tourism.", "Стороны договорились развивать туризм.",
         "туризм; tourism"),
]


@pytest.fixture
def hand_made(data_copy: Path) -> Path:
    write_table(data_copy, "facts", HAND_MADE)
    return data_copy


def test_a_hand_made_table_pairs_the_same_named_object(hand_made: Path) -> None:
    found = suggest_follows(load(hand_made))
    best = {}
    for item in found:  # ranked: the first per earlier fact is its best
        best.setdefault(item.earlier.id, item)
    assert {earlier: item.later.id for earlier, item in best.items()} == {
        "e-plant": "l-plant", "e-branch": "l-branch", "e-corridor": "l-corridor",
        "e-oil": "l-oil"}
    # the plant is found by the name both rows hold, the other plant of the sector is not
    # proposed for it above the same plant (rule 1: the same sector is not the same plant)
    plant = [item.later.id for item in found if item.earlier.id == "e-plant"]
    assert plant[0] == "l-plant"
    assert best["e-plant"].names  # a shared rare name, not only the sector
    # tourism shares no named thing with any later row: nothing is proposed for it
    assert "e-tourism" not in best


def test_a_hand_made_link_already_made_is_not_proposed_again(hand_made: Path) -> None:
    rows = read_table(hand_made, "facts")
    for row in rows:
        if row["id"] == "l-plant":
            row["follows"] = "e-plant"
    write_table(hand_made, "facts", rows)
    pairs = _pairs(hand_made)
    assert ("l-plant", "e-plant") not in pairs
    assert ("l-branch", "e-branch") in pairs


def test_a_later_report_is_needed(hand_made: Path) -> None:
    """Rule 3: a row of the same article or an earlier one is never proposed (the KazNU
    opening told twice in one 2025 report is no progress)."""
    rows = read_table(hand_made, "facts")
    for row in rows:
        if row["id"] == "l-branch":
            row["source"], row["date"] = EARLY
    write_table(hand_made, "facts", rows)
    assert ("l-branch", "e-branch") not in _pairs(hand_made)
