"""The visit an invitation proposes (round-15 red team F6): accepting the invitation accepts
that visit, so the reviewer sees it (at the terminal and in every --list format), may title
it (proposes_title, proposes_title_ru) or decline it (--set proposes=), and event_title stays
the draft's own event. The article is written for these tests."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

pytest.importorskip("natasha")

from conftest import drafted  # noqa: E402

from kzru import store  # noqa: E402

# a call, and during it an invitation to a state visit in October (the article's year) to the
# country, no city named
INVITATION = (
    "Астана, 14 марта 2029 года\n\n"
    "Президент Казахстана провел телефонный разговор с президентом России.\n"
    "Президент Казахстана пригласил президента России посетить Казахстан с государственным "
    "визитом в октябре.\n")
VISIT = "2029-10-state-visit"


@pytest.fixture
def invited(tmp_path, empty_folder):  # noqa: ANN001, ANN201
    """The folder, the call's draft and the invitation's draft."""
    data, by = drafted(tmp_path, empty_folder, INVITATION)
    call, invitation = by("Президент Казахстана провел"), by("Президент Казахстана пригласил")
    assert invitation.event == call.event != ""  # it belongs where it was made, the call
    assert data.events[VISIT].review == "draft"  # and proposes the visit
    return tmp_path / "data", call, invitation


def test_the_list_names_the_proposed_visit_in_every_format(invited, run) -> None:  # noqa: ANN001
    folder, call, invitation = invited
    data = ["review", "--data", str(folder), "--list"]
    rows = {row["id"]: row for row in json.loads(run(*data, "--format", "json").out)}
    assert (rows[invitation.id]["proposes"], rows[invitation.id]["proposes_kind"],
            rows[invitation.id]["proposes_date"],
            rows[invitation.id]["proposes_date_precision"]) == (
        VISIT, "state-visit", "2029-10-01", "month")
    assert rows[invitation.id]["proposes_title"] == \
        store.load(folder).events[VISIT].title_en != ""
    assert rows[invitation.id]["proposes_places"] == []
    assert (rows[call.id]["proposes"], rows[call.id]["proposes_date"]) == ("", None)
    lines = [json.loads(line) for line in run(*data, "--format", "jsonl").out.splitlines()]
    assert [line["proposes"] for line in lines] == ["", VISIT]
    table = list(csv.DictReader(io.StringIO(run(*data, "--format", "csv").out)))
    assert [(r["proposes"], r["proposes_date"]) for r in table] == [("", ""),
                                                                    (VISIT, "2029-10-01")]
    tsv = run(*data, "--format", "tsv").out.splitlines()
    assert "proposes" in tsv[0].split("\t") and VISIT in tsv[2].split("\t")
    assert VISIT in run(*data, "--format", "md").out.splitlines()[3]


def test_the_terminal_review_shows_the_proposed_visit(invited) -> None:  # noqa: ANN001
    """Beside the draft: the proposed visit's id, title, kind, month, places, and that it is
    accepted with the draft; in Russian too. A draft that proposes nothing shows no line."""
    from rich.console import Console

    from kzru.commands.review import _show
    from kzru.curate.review import Session

    folder, call, invitation = invited
    session = Session(folder)
    title = session.proposed_row(invitation.id)
    assert title is not None

    def shown(fact_id: str, lang: str) -> str:
        out = io.StringIO()
        _show(Console(file=out, width=300, color_system=None), 2, 2, session, fact_id, lang)
        return out.getvalue()

    english = next(line for line in shown(invitation.id, "en").splitlines()
                   if line.startswith("proposes"))
    assert english.startswith(f"proposes {VISIT}: {title['title_en']}   (state-visit, "
                              "2029-10, places: -) — accepted with this draft")
    russian = next(line for line in shown(invitation.id, "ru").splitlines()
                   if line.startswith("предлагает"))
    assert russian.startswith(f"предлагает {VISIT}: {title['title_ru']}   (государственный "
                              "визит, 2029-10, места: -) — принимается вместе с черновиком")
    assert "proposes" not in shown(call.id, "en")


def test_event_title_renames_the_call_and_proposes_title_the_visit(invited,
                                                                  run) -> None:  # noqa: ANN001
    folder, call, invitation = invited
    done = run("review", "--data", str(folder), "--accept", invitation.id,
               "--set", "summary=The president invited his counterpart to a state visit.",
               "--set", "sectors=politics", "--set", "event_title=Phone call of the presidents",
               "--set", "proposes_title=State visit of the Russian president to Kazakhstan",
               "--set", "название предлагаемого события по-русски=Визит в Казахстан")
    assert done.code == 0, done.err
    events = store.load(folder).events
    assert (events[call.event].title_en, events[call.event].review) == (
        "Phone call of the presidents", "accepted")
    assert (events[VISIT].title_en, events[VISIT].title_ru, events[VISIT].review) == (
        "State visit of the Russian president to Kazakhstan", "Визит в Казахстан", "accepted")
    assert events[VISIT].sources == (invitation.source,)
    # a script is told what was accepted with the invitation, not only the count
    assert done.out.splitlines()[1:] == [
        f"{invitation.id} proposes {VISIT} (State visit of the Russian president to "
        "Kazakhstan): accepted with it"]


def test_declining_the_visit_accepts_the_invitation_proposing_nothing(invited,
                                                                      run) -> None:  # noqa: ANN001
    folder, call, invitation = invited
    done = run("review", "--data", str(folder), "--accept", call.id, "--accept", invitation.id,
               "--set", "summary=The presidents spoke by phone.", "--set", "sectors=politics",
               "--set", "proposes=")
    assert done.code == 0, done.err
    assert "proposes" not in done.out  # nothing accepted with it
    after = store.load(folder)
    assert after.facts[invitation.id].review == "accepted"
    assert VISIT not in after.events  # nothing else belongs to it or proposes it
    note = json.loads((folder / "review.json").read_text(encoding="utf-8"))["drafts"][
        invitation.id]
    assert "proposes" not in note and note.get("sentence")  # its note kept, proposing nothing
    assert run("check", "--data", str(folder), "--strict").code == 0


def test_a_visit_another_draft_proposes_stays_when_one_declines(tmp_path, empty_folder,
                                                                run) -> None:  # noqa: ANN001
    """Two invitations to one visit: declining it on one keeps it, proposed by the other,
    which accepts it; check --strict is then clean."""
    text = INVITATION + ("Позднее премьер-министр Казахстана пригласил премьер-министра России "
                         "посетить Казахстан с государственным визитом в октябре.\n")
    drafted(tmp_path, empty_folder, text)
    folder = tmp_path / "data"
    notes = json.loads((folder / "review.json").read_text(encoding="utf-8"))["drafts"]
    first, second = sorted(i for i, note in notes.items() if note.get("proposes") == VISIT)
    decline = run("review", "--data", str(folder), "--accept", first,
                  "--set", "summary=An invitation.", "--set", "sectors=politics",
                  "--set", "proposes=")
    assert decline.code == 0, decline.err
    assert store.load(folder).events[VISIT].review == "draft"
    rest = [f for f in store.load(folder).facts.values() if f.review == "draft"]
    accept = [arg for fact in rest for arg in ("--accept", fact.id)]
    done = run("review", "--data", str(folder), *accept, "--set", "summary=An invitation.",
               "--set", "sectors=politics")
    assert done.code == 0, done.err
    after = store.load(folder)
    assert second in {f.id for f in rest} and after.events[VISIT].review == "accepted"
    assert run("check", "--data", str(folder), "--strict").code == 0


def test_retitling_what_a_draft_does_not_propose_is_one_line(invited, run) -> None:  # noqa: ANN001
    folder, call, _ = invited
    before = (folder / "events.csv").read_bytes()
    done = run("review", "--data", str(folder), "--accept", call.id, "--set", "summary=A call.",
               "--set", "sectors=politics", "--set", "proposes_title=A visit")
    assert done.code == 2 and done.err.count("\n") == 1
    assert f"{call.id} proposes no event to retitle" in done.err
    assert (folder / "events.csv").read_bytes() == before
    unknown = run("review", "--data", str(folder), "--accept", call.id, "--set", "summary=A.",
                  "--set", "sectors=politics", "--set", "proposes=2031-01-summit")
    assert unknown.code == 2 and "2031-01-summit" in unknown.err


def test_a_generic_visit_title_names_the_country_it_goes_to(invited) -> None:  # noqa: ANN001
    """The text names the country visited, not a city: the proposed visit's title says the
    country (the host), not only "State visit"."""
    folder, _, _ = invited
    visit = store.load(folder).events[VISIT]
    assert (visit.host, visit.places) == ("kz", ())
    assert (visit.title_en, visit.title_ru) == ("State visit: Kazakhstan",
                                                "Государственный визит: Казахстан")
    assert visit.start == date(2029, 10, 1)


def test_declining_at_the_terminal_edit_prompt(invited) -> None:  # noqa: ANN001
    """A pty session: the invitation shows its visit; `proposes:` with no value at the edit
    prompt declines it, the draft is shown again without it, and accepting saves no visit."""
    from test_curate_review import _Terminal

    folder, call, invitation = invited
    screen = _Terminal(folder, NO_COLOR="1")
    screen.wait_for(b"draft 1 of")
    screen.wait_for(b"> ")
    screen.type(b"s")
    screen.wait_for(f"proposes {VISIT}".encode())
    screen.type(b"e")
    screen.wait_for(b"edit >")
    screen.type(b"proposes:")
    screen.type(b"")
    screen.wait_for(b"edited")
    screen.type(b"a")
    screen.wait_for(b"English summary")
    screen.type(b"The president invited his counterpart to a state visit.")
    screen.wait_for(b"sectors (ids")
    screen.type(b"politics")
    screen.wait_for(b"accepted")
    screen.type(b"q")
    screen.close()
    after_edit = screen.seen.split(b"edited", 1)[1].split(b"accepted", 1)[0]
    assert f"draft 2 of 2: {invitation.id}".encode() in after_edit
    assert b"proposes " not in after_edit  # shown again, proposing nothing
    after = store.load(folder)
    assert after.facts[invitation.id].review == "accepted" and VISIT not in after.events


def test_skip_and_reject_at_the_terminal_save_no_edit(invited) -> None:  # noqa: ANN001
    """The edit prompt says an edit is saved when you accept: so it is only then. A pty
    session: the invitation's visit declined and its event retitled, then skipped: the tables
    are as they were (the visit still proposed), and the reviewer is told; retitled again,
    then rejected: the call, still a draft of that event, keeps the event's title."""
    from test_curate_review import _Terminal

    folder, call, invitation = invited
    tables = {name: (folder / name).read_bytes() for name in ("events.csv", "facts.csv")}
    title = store.load(folder).events[call.event].title_en

    def session(last: bytes, *edits: bytes) -> bytes:
        screen = _Terminal(folder, NO_COLOR="1")
        screen.wait_for(b"draft 1 of 2: " + call.id.encode())
        screen.wait_for(b"> ")
        screen.type(b"s")
        screen.wait_for(b"draft 2 of 2: " + invitation.id.encode())
        screen.wait_for(b"> ")
        screen.type(b"e")
        screen.wait_for(b"edit >")
        for line in (*edits, b""):
            screen.type(line)
        screen.wait_for(b"edited")
        screen.type(last)
        screen.wait_for(b"all 2 drafts seen; 0 decided" if last == b"s" else b"rejected")
        screen.close()
        return screen.seen.split(b"edited", 1)[1]

    skipped = session(b"s", b"proposes:", b"event_title: A title typed, then skipped")
    assert f"{invitation.id}: its edits are not saved (only accept saves them)".encode() \
        in skipped
    assert {name: (folder / name).read_bytes() for name in tables} == tables
    notes = json.loads((folder / "review.json").read_text(encoding="utf-8"))
    assert notes["drafts"][invitation.id]["proposes"] == VISIT
    assert notes["skipped"] == [call.id, invitation.id]

    session(b"r", b"event_title: A title typed, then rejected")
    after = store.load(folder)
    assert invitation.id not in after.facts and after.facts[call.id].review == "draft"
    assert after.events[call.event].title_en == title
