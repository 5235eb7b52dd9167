"""kzru review (accept, edit, reject; at a terminal and by id), same_as rules and conflicts,
and drafts kept out of every reader unless --drafts."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import drafted_folder  # noqa: E402

from kzru import store  # noqa: E402
from kzru.corroboration import conflicts  # noqa: E402
from kzru.curate.review import Session  # noqa: E402
from kzru.errors import DataError, KzruError  # noqa: E402

ARTICLE = "\n".join([
    "Астана, 5 марта 2026 года",
    "",
    "Президент Казахстана и президент России провели переговоры в Астане.",
    "По итогам встречи стороны подписали соглашение о сотрудничестве в области энергетики.",
    "Министры транспорта договорились о строительстве новой железнодорожной линии.",
    "Вчера в Алматы открыли филиал российского университета.",
    "",
])


@pytest.fixture
def drafted(tmp_path: Path, run) -> Path:  # noqa: ANN001
    return drafted_folder(tmp_path, run, ARTICLE)


def draft_id(folder: Path, start: str) -> str:
    return next(f.id for f in store.load(folder).facts.values() if f.text.startswith(start))


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_accept_needs_a_summary_then_makes_a_fact(drafted: Path, run) -> None:
    signed = draft_id(drafted, "По итогам")
    refused = run("review", "--data", str(drafted), "--accept", signed)
    assert refused.code == 2 and "English summary" in refused.err
    session = Session(drafted)
    session.accept(signed, {"summary": "The sides signed an energy cooperation agreement."})
    session.save()
    data = store.load(drafted)
    fact = data.facts[signed]
    assert fact.review == "accepted" and fact.summary.startswith("The sides signed")
    assert data.sources[fact.source].review == "accepted"
    event = data.events[fact.event]
    assert event.review == "accepted" and fact.source in event.sources
    listed = run("facts", "--data", str(drafted), "--format", "json")
    assert [row["id"] for row in json.loads(listed.out)] == [signed]


def test_accept_refuses_evidence_without_its_status(drafted: Path) -> None:
    session = Session(drafted)
    signed = draft_id(drafted, "По итогам")
    with pytest.raises(KzruError, match="shows no word of the status 'planned'"):
        session.accept(signed, {"summary": "x", "status": "planned"})


def test_edit_then_accept_keeps_the_edits(drafted: Path) -> None:
    session = Session(drafted)
    agreed = draft_id(drafted, "Министры")
    session.accept(agreed, {"summary": "Transport ministers agreed to build a rail line.",
                            "sectors": "transport; construction"})
    session.save()
    fact = store.load(drafted).facts[agreed]
    assert fact.sectors == ("transport", "construction") and fact.status == "agreed"


def test_reject_removes_the_row_and_every_reference(drafted: Path, run) -> None:
    talks = draft_id(drafted, "Президент")
    opened = draft_id(drafted, "Вчера")
    facts = rows(drafted, "facts")
    for row in facts:  # another draft names the rejected one
        if row["id"] == opened:
            row["part_of"] = talks
    with open(drafted / "facts.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(facts[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(facts)
    done = run("review", "--data", str(drafted), "--reject", talks)
    assert done.code == 0 and "1 rejected" in done.out
    after = {row["id"]: row for row in rows(drafted, "facts")}
    assert talks not in after and after[opened]["part_of"] == ""
    store.load(drafted)  # nothing dangling: the folder still loads


def test_rejecting_every_fact_of_a_proposed_event_removes_it(drafted: Path) -> None:
    session = Session(drafted)
    events = {f.event for f in session.data.facts.values() if f.event}
    for fact_id in list(session.drafts()):
        session.reject(fact_id)
    session.save()
    data = store.load(drafted)
    assert not data.facts and not (events & set(data.events))
    assert all(s.review == "accepted" for s in data.sources.values())  # reviewed


class _Terminal:
    """`kzru review --data FOLDER` in a pseudo-terminal: what it printed so far, and typing."""

    def __init__(self, folder: Path, **env: str) -> None:
        import pty

        self.leader, follower = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kzru", "review", "--data", str(folder)],
            stdin=follower, stdout=follower, stderr=follower,
            env={**os.environ, "COLUMNS": "100", "TERM": "xterm", **env})
        os.close(follower)
        self.seen = b""

    def wait_for(self, text: bytes) -> None:
        """Read until ``text`` has been printed (a minute at most, never blocking past it)."""
        import select

        deadline = time.time() + 60
        while text not in self.seen and time.time() < deadline:
            if select.select([self.leader], [], [], 1)[0]:
                self.seen += os.read(self.leader, 65536)
        assert text in self.seen, self.seen.decode("utf-8", "replace")[-800:]

    def type(self, line: bytes) -> None:
        os.write(self.leader, line + b"\n")

    def close(self) -> None:
        self.process.wait(timeout=60)
        os.close(self.leader)


def test_interactive_review_at_a_terminal(drafted: Path) -> None:
    """A pty session: reject the first draft, skip the second, quit; the reject is on disk,
    the skip is remembered, and a second session starts with the drafts not yet seen."""
    first, second = Session(drafted).drafts()[:2]
    terminal = _Terminal(drafted)
    terminal.wait_for(b"draft 1 of")
    terminal.wait_for(b"> ")
    terminal.type(b"r")
    terminal.wait_for(b"draft 2 of")
    terminal.type(b"s")
    terminal.wait_for(b"draft 3 of")
    terminal.type(b"q")
    terminal.close()
    remaining = Session(drafted)
    assert first not in remaining.data.facts
    assert second in remaining.notes["skipped"]
    assert remaining.drafts(include_skipped=False)[0] != second


def test_drafts_are_hidden_everywhere_unless_asked(drafted: Path, run, tmp_path: Path) -> None:
    data = ["--data", str(drafted)]
    assert run("facts", *data).code == 1
    assert run("search", "энергетики", *data, "--format", "json").out.strip() in ("", "[]")
    assert run("visits", *data, "--format", "json").out.strip() in ("", "[]")
    assert run("sources", *data, "--format", "json").out.strip() in ("", "[]")
    shown = run("facts", *data, "--drafts", "--format", "json")
    assert shown.code == 0
    found = json.loads(shown.out)
    assert found and all(row["summary"].startswith("[draft]") for row in found)
    assert run("export", "--csv", str(tmp_path / "out"), *data).code == 0
    assert len(rows(tmp_path / "out", "facts")) == 0
    assert run("export", "--csv", str(tmp_path / "all"), *data, "--drafts").code == 0
    assert len(rows(tmp_path / "all", "facts")) == len(found)
    checked = run("check", *data)
    assert checked.code == 0 and checked.err.count("is a draft") == len(found)
    assert "facts.csv:2:" in checked.err  # file:line of the first draft
    assert run("check", "--strict", *data).code == 2


def _write_same_as(folder: Path, pairs: dict[str, str]) -> None:
    facts = rows(folder, "facts")
    for row in facts:
        if row["id"] in pairs:
            row["same_as"] = pairs[row["id"]]
    with open(folder / "facts.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(facts[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(facts)


def test_same_as_must_be_symmetric_and_across_sources(data_copy: Path) -> None:
    facts = store.load(data_copy).facts
    a1 = next(f for f in facts.values() if f.source == "a001" and not f.same_as)
    a3 = next(f for f in facts.values() if f.source == "a003" and not f.same_as)
    other_a1 = next(f for f in facts.values() if f.source == "a001" and f.id != a1.id
                    and not f.same_as)
    _write_same_as(data_copy, {a1.id: a3.id})
    with pytest.raises(DataError) as one_sided:
        store.load(data_copy)
    assert any("does not name" in p for p in one_sided.value.problems)
    _write_same_as(data_copy, {a1.id: other_a1.id, other_a1.id: a1.id})
    with pytest.raises(DataError) as same_source:
        store.load(data_copy)
    assert any("same source" in p for p in same_source.value.problems)
    _write_same_as(data_copy, {a1.id: a1.id, other_a1.id: ""})
    with pytest.raises(DataError) as itself:
        store.load(data_copy)
    assert any("names the fact itself" in p for p in itself.value.problems)


def test_conflicts_between_facts_marked_the_same(data_copy: Path, run) -> None:
    found = conflicts(store.load(data_copy).facts)
    kaznu = [c for c in found if "kaznu-omsk" in c.fact]
    assert kaznu and kaznu[0].field == "date"  # 2024 in a001, 2025 in a004
    facts = store.load(data_copy).facts
    a, b = (f for f in facts.values() if f.same_as and f.date_basis != "publication"
            and f.id not in {c.fact for c in found} | {c.other for c in found}
            for _ in [0]).__next__(), None
    del b
    other = facts[a.same_as[0]]
    rows_ = rows(data_copy, "facts")
    for row in rows_:
        if row["id"] == other.id:
            row["status"] = "proposed" if a.status != "proposed" else "signed"
    with open(data_copy / "facts.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows_[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows_)
    changed = conflicts(store.load(data_copy, all_problems=True).facts)
    assert any(c.field == "status" and {c.fact, c.other} == {a.id, other.id} for c in changed)
    report = run("check", "--data", str(data_copy))
    assert "conflicts between facts marked the same" in report.out
    assert "statuses differ" in report.out


def test_json_says_how_many_sources_report_a_fact(run) -> None:
    found = json.loads(run("facts", "--format", "json").out)
    kaznu = next(row for row in found if row["id"] == "a001-kaznu-omsk-branch")
    assert kaznu["sources_count"] == 1 + len(kaznu["same_as"]) >= 2
    shown = run("show", "a001-kaznu-omsk-branch")
    assert f"reported by {kaznu['sources_count']} sources" in " ".join(shown.out.split())


def test_interactive_edit_then_accept_is_not_asked_again(drafted: Path) -> None:
    """A pty session: the sectors and summary set with [e]dit are what [a]ccept saves; accept
    asks only for what is still missing (it asked for the sectors again, and an answer it
    refused undid the edits without saying so)."""
    first = Session(drafted).drafts()[0]
    session = Session(drafted)
    session.edit(first, {"sectors": ""})  # a draft whose sectors the drafter could not tell
    session.save()
    terminal = _Terminal(drafted, NO_COLOR="1")
    terminal.wait_for(b"draft 1 of")
    terminal.wait_for(b"> ")
    terminal.type(b"e")
    terminal.wait_for(b"edit >")
    terminal.type(b"sectors: energy")
    terminal.wait_for(b"energy\r\n")
    terminal.type(b"summary: The sides signed an energy agreement.")
    terminal.wait_for(b"agreement.\r\n")
    terminal.type(b"")
    terminal.wait_for(b"edited")
    terminal.type(b"a")
    terminal.wait_for(b"accepted")
    terminal.type(b"q")
    terminal.close()
    after = terminal.seen.split(b"edited", 1)[1]
    assert b"sectors (ids" not in after and b"English summary" not in after
    row = next(r for r in rows(drafted, "facts") if r["id"] == first)
    assert (row["review"], row["sectors"], row["summary"]) == \
        ("accepted", "energy", "The sides signed an energy agreement.")
