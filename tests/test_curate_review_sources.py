"""Which articles an event lists once its drafts are decided (round-15 red team F5): an
article whose facts about a visit were all rejected is no source of the visit (nor cited by
its brief), and a fact of one article about a visit another article proposed is accepted while
that article is still under review (no "accept it first" for a source no command accepts).
The two articles are written for these tests: a preview of a visit, then its report."""

from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("natasha")

from kzru import store  # noqa: E402

PREVIEW = ("Москва, 2 марта 2029 года\n\n"
           "Президент России 10 марта прибудет в Астану с государственным визитом.\n"
           "В ходе визита стороны намерены обсудить поставки зерна.\n")
REPORT = ("Астана, 10 марта 2029 года\n\n"
          "Президент России прибыл в Астану с государственным визитом.\n"
          "Стороны подписали соглашение о поставках зерна.\n")
VISIT = "2029-03-state-visit-astana"
ACCEPT = ("--set", "summary=A summary a reviewer wrote.", "--set", "sectors=agriculture")


@pytest.fixture
def two(tmp_path, empty_folder):  # noqa: ANN001, ANN201
    """The folder with the preview (a000) and the report (a001) added, in that order; the
    preview proposed the visit and the report's drafts belong to it."""
    from kzru.curate import pipeline
    from kzru.curate.read import Overrides

    folder = tmp_path / "data"
    shutil.copytree(empty_folder, folder)
    for name, text in (("preview.txt", PREVIEW), ("report.txt", REPORT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        pipeline.add([tmp_path / name], folder, Overrides())
    data = store.load(folder)
    assert data.events[VISIT].sources == ("a000",)
    assert {f.id: f.event for f in data.facts.values()} == {
        "a000-s001": VISIT, "a000-s002": VISIT, "a001-s001": VISIT, "a001-s002": VISIT}
    return folder


def test_an_article_whose_drafts_were_all_rejected_is_no_source_of_the_visit(
        two, run) -> None:  # noqa: ANN001
    done = run("review", "--data", str(two), "--reject", "a000-s001", "--reject", "a000-s002",
               "--accept", "a001-s002", *ACCEPT)
    assert done.code == 0, done.err
    data = store.load(two)
    assert data.events[VISIT].sources == ("a001",)
    visits = json.loads(run("visits", "--data", str(two), "--format", "json").out)
    assert [v["sources"] for v in visits if v["id"] == VISIT] == [["a001"]]
    brief = run("brief", VISIT, "--data", str(two), "--format", "md").out
    sources = brief.split("## Sources", 1)[1]
    assert "report.txt" in sources and "preview.txt" not in sources
    # its row stays, reviewed: the same article added again is refused as already added
    assert data.sources["a000"].review == "accepted"
    again = run("add", str(two.parent / "preview.txt"), "--data", str(two))
    assert again.code == 2 and "already" in again.err
    assert run("review", "--data", str(two), "--reject", "a001-s001").code == 0
    assert run("check", "--data", str(two), "--strict").code == 0


def test_a_fact_on_a_visit_an_article_under_review_proposed_is_accepted(two,
                                                                       run) -> None:  # noqa: ANN001
    """The report's fact is accepted before any decision on the preview: the visit lists the
    report only, the preview still a draft; accepting the preview's fact lists it too."""
    before = run("review", "--data", str(two), "--accept", "a001-s002", *ACCEPT)
    assert before.code == 0, before.err
    data = store.load(two)
    assert (data.events[VISIT].review, data.events[VISIT].sources) == ("accepted", ("a001",))
    assert data.sources["a000"].review == "draft"
    later = run("review", "--data", str(two), "--accept", "a000-s002", *ACCEPT)
    assert later.code == 0, later.err
    assert store.load(two).events[VISIT].sources == ("a001", "a000")
    rest = run("review", "--data", str(two), "--reject", "a000-s001", "--reject", "a001-s001")
    assert rest.code == 0, rest.err
    assert store.load(two).events[VISIT].sources == ("a001", "a000")  # each has a fact on it
    assert run("check", "--data", str(two), "--strict").code == 0


def test_the_visit_left_to_another_articles_drafts_lists_that_article(two) -> None:  # noqa: ANN001
    """Every fact of the preview rejected while the report's are still drafts: the draft
    visit stays (the report's drafts belong to it), listing the report, not the preview."""
    from kzru.curate.review import Session

    session = Session(two)
    session.reject("a000-s001")
    session.reject("a000-s002")
    session.save()
    data = store.load(two)
    assert (data.events[VISIT].review, data.events[VISIT].sources) == ("draft", ("a001",))


def test_curated_sources_of_an_event_are_left_as_they_are(two, run) -> None:  # noqa: ANN001
    """A source with no draft when the review began is never dropped from an event's list,
    even one no fact of it belongs to (a curator's own listing)."""
    from conftest import read_table, write_table

    assert run("review", "--data", str(two), "--accept", "a000-s001", "--accept", "a000-s002",
               *ACCEPT).code == 0  # the preview is now reviewed, with no drafts left
    events = read_table(two, "events")
    for row in events:
        if row["id"] == VISIT:
            row["sources"] = "a000"
    write_table(two, "events", events)
    facts = read_table(two, "facts")
    for row in facts:
        if row["source"] == "a000":
            row["event"] = ""  # the curator filed the preview's facts under no event
    write_table(two, "facts", facts)
    done = run("review", "--data", str(two), "--accept", "a001-s002", *ACCEPT)
    assert done.code == 0, done.err
    assert store.load(two).events[VISIT].sources == ("a000", "a001")


INVITATION = ("Астана, 14 марта 2029 года\n\n"
              "Президент Казахстана провел телефонный разговор с президентом России.\n"
              "Президент Казахстана пригласил президента России посетить Казахстан с "
              "государственным визитом в октябре.\n")


@pytest.mark.parametrize("seed", range(5))
def test_check_strict_is_clean_after_any_order_of_decisions(tmp_path, empty_folder, run,
                                                            seed: int) -> None:
    """Three articles (a preview, its report, a call with an invitation), their drafts
    decided one save at a time in a random order, each accepted or rejected (an invitation
    sometimes declining its visit): every save passes the folder's check, and once all are
    decided `check --strict` is clean, every event lists only articles with an accepted fact
    about it."""
    import random

    from kzru.curate import pipeline
    from kzru.curate.read import Overrides
    from kzru.curate.review import Session

    folder = tmp_path / "data"
    shutil.copytree(empty_folder, folder)
    for name, text in (("preview.txt", PREVIEW), ("report.txt", REPORT),
                       ("call.txt", INVITATION)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        pipeline.add([tmp_path / name], folder, Overrides())
    chance = random.Random(seed)
    drafts = Session(folder).drafts()
    chance.shuffle(drafts)
    for fact_id in drafts:
        session = Session(folder)
        if chance.random() < 0.5:
            changes = {"summary": "A summary a reviewer wrote.", "sectors": "politics"}
            if session.notes["drafts"][fact_id].get("proposes") and chance.random() < 0.5:
                changes["proposes"] = ""
            session.accept(fact_id, changes)
        else:
            session.reject(fact_id)
        session.save()  # refused (DataError) if the folder would not pass the check
    done = run("check", "--data", str(folder), "--strict")
    assert done.code == 0, done.out + done.err
    data = store.load(folder)
    notes = json.loads((folder / "review.json").read_text(encoding="utf-8"))["drafts"]
    for event in data.events.values():
        about = {f.source for f in data.facts.values() if event.id in (
            f.event, notes.get(f.id, {}).get("proposes"))}
        assert set(event.sources) == about, (event.id, seed)


def _add(folder, tmp_path, name: str, text: str) -> None:  # noqa: ANN001
    from kzru.curate import pipeline
    from kzru.curate.read import Overrides

    (tmp_path / name).write_text(text, encoding="utf-8")
    pipeline.add([tmp_path / name], folder, Overrides())


def _invitation(folder) -> tuple[str, str]:  # noqa: ANN001
    """The invitation's draft id and the visit it proposes, as the drafter wrote them."""
    notes = json.loads((folder / "review.json").read_text(encoding="utf-8"))["drafts"]
    return next((i, note["proposes"]) for i, note in notes.items() if note.get("proposes"))


def test_proposes_points_an_invitation_at_a_draft_event(tmp_path, empty_folder,
                                                        run) -> None:  # noqa: ANN001
    """--set proposes=ID names another event the invitation invites to, here the visit the
    preview proposed (a draft): accepting the invitation accepts that visit (said), whose
    sources are then the articles with an accepted fact about it (the invitation's, not yet
    the preview's); the visit the drafter proposed, proposed by nothing now, is removed."""
    folder = tmp_path / "data"
    shutil.copytree(empty_folder, folder)
    _add(folder, tmp_path, "preview.txt", PREVIEW)
    _add(folder, tmp_path, "call.txt", INVITATION)
    invitation, own = _invitation(folder)
    assert invitation.startswith("a001-") and own != VISIT
    done = run("review", "--data", str(folder), "--accept", invitation, *ACCEPT,
               "--set", f"proposes={VISIT}")
    assert done.code == 0, done.err
    data = store.load(folder)
    assert done.out.splitlines()[1:] == [
        f"{invitation} proposes {VISIT} ({data.events[VISIT].title_en}): accepted with it"]
    assert (data.events[VISIT].review, data.events[VISIT].sources) == ("accepted", ("a001",))
    assert own not in data.events
    assert _invitation(folder) == (invitation, VISIT)
    later = run("review", "--data", str(folder), "--accept", "a000-s002", *ACCEPT)
    assert later.code == 0, later.err
    assert store.load(folder).events[VISIT].sources == ("a001", "a000")
    rest = [arg for f in store.load(folder).facts.values() if f.review == "draft"
            for arg in ("--reject", f.id)]
    assert run("review", "--data", str(folder), *rest).code == 0
    assert run("check", "--data", str(folder), "--strict").code == 0


def test_proposes_points_an_invitation_at_an_accepted_event(two, run) -> None:  # noqa: ANN001
    """The same with an accepted visit (the report's fact accepted first): the visit lists
    the invitation's article beside the report once the invitation is accepted; nothing is
    said as accepted with it (it already was). At the terminal the line under the draft says
    the visit is already accepted."""
    import io

    from rich.console import Console

    from kzru.commands.review import _show
    from kzru.curate.review import Session

    assert run("review", "--data", str(two), "--accept", "a001-s002", *ACCEPT).code == 0
    _add(two, two.parent, "call.txt", INVITATION)
    invitation, own = _invitation(two)
    assert invitation.startswith("a002-") and own != VISIT
    session = Session(two)
    session.edit(invitation, {"proposes": VISIT})
    out = io.StringIO()
    _show(Console(file=out, width=300, color_system=None), 1, 1, session, invitation, "en")
    line = next(s for s in out.getvalue().splitlines() if s.startswith("proposes"))
    assert line.startswith(f"proposes {VISIT}: ") and line.endswith(
        "— already accepted: this draft's source is listed on it")
    done = run("review", "--data", str(two), "--accept", invitation, *ACCEPT,
               "--set", f"proposes={VISIT}")
    assert done.code == 0, done.err
    assert done.out.splitlines()[1:] == []
    data = store.load(two)
    assert (data.events[VISIT].review, data.events[VISIT].sources) == (
        "accepted", ("a001", "a002"))
    assert own not in data.events
    rest = [arg for f in data.facts.values() if f.review == "draft" for arg in ("--reject", f.id)]
    assert run("review", "--data", str(two), *rest).code == 0
    assert run("check", "--data", str(two), "--strict").code == 0


def test_sources_says_why_an_article_gave_no_fact(two, run) -> None:  # noqa: ANN001
    """Every draft of the preview rejected: `sources` still lists it (its row refuses the
    same text again) with facts 0, in JSON too, and the table says under it why, naming it,
    in English and in Russian; a table whose articles all gave facts says nothing of it."""
    done = run("review", "--data", str(two), "--reject", "a000-s001", "--reject", "a000-s002",
               "--accept", "a001-s002", *ACCEPT)
    assert done.code == 0, done.err
    rows = json.loads(run("sources", "--data", str(two), "--format", "json").out)
    assert [(row["id"], row["facts"]) for row in rows] == [("a000", 0), ("a001", 1)]
    table = run("sources", "--data", str(two), "--format", "table").out.splitlines()
    assert table[-1].startswith("facts 0 (a000): an article the table holds no fact from (its "
                                "drafts all rejected in review")
    russian = run("--lang", "ru", "sources", "--data", str(two), "--format", "table").out
    assert russian.splitlines()[-1].startswith("фактов 0 (a000): статья, фактов из которой в "
                                               "таблице нет")
    assert "facts 0" not in run("sources", "--format", "table").out  # the bundled table
