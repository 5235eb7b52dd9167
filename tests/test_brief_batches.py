"""A brief at 100,000 facts reads and judges a batch at a time (the Moscow brief's first run
held the last meeting's items and the preview's checks judged all at once, their facts
whole: 108-120 MB). These hold the batched paths to the answers of judging everything at
once, on the bundled table, the store and the loaded table alike, with batches small enough
that every boundary is crossed."""

from __future__ import annotations

import pytest

from kzru import brief as brief_module
from kzru import follow
from kzru.brief import build
from kzru.follow import VIEW, role, track
from kzru.novelty import novelty, previous_event
from kzru.store import bundled_data_dir


@pytest.fixture(scope="module")
def both():  # noqa: ANN201
    from kzru.db import open_store
    from kzru.store import load

    folder = bundled_data_dir()
    return open_store(folder, color=False, drafts=True), load(folder)


def test_judging_track_s_choice_a_batch_at_a_time_is_track(both) -> None:  # noqa: ANN001
    """follow.judged: the entries of the ids track chose, in its order, whatever the batch."""
    for dataset in both:
        for until in (None, max(e.end for e in dataset.events.values()).replace(year=2024)):
            whole = list(follow.tracked(dataset, until=until))
            order = follow.chosen(dataset)[0]
            assert [entry.fact.id for entry in whole] == order
            for batch in (1, 7, 1000):
                assert list(follow.judged(dataset, order, until, batch)) == whole


def test_an_events_role_pool_is_the_pools_rows_of_that_event(both) -> None:  # noqa: ANN001
    stored, _ = both
    every = list(stored.role_pool())
    found = 0
    for event in stored.events:
        own = [candidate for candidate in every if candidate.event == event]
        assert list(stored.role_pool(event=event)) == own
        assert list(stored.role_pool(page=2, event=event)) == own  # a page at a time
        found += len(own)
    assert found > 50
    assert list(stored.role_pool(event="no-such-event")) == []


def test_the_last_meetings_items_are_judged_when_read(both, monkeypatch: pytest.MonkeyPatch
                                                     ) -> None:  # noqa: ANN001
    """A brief's novelty judges the items as of now (for what moved and the candidates)
    when it is made; as of the meeting only when its outcomes are read, each time."""
    stored, _ = both
    calls: list[object] = []
    real = follow.judged

    def judged(dataset, order, until=None, *rest, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(until)
        return real(dataset, order, until, *rest, **kwargs)

    monkeypatch.setattr("kzru.novelty.judged", judged)
    event = stored.events["2025-11-state-visit-moscow"]
    found = novelty(stored, event, stored.event_facts(event.id))
    assert calls == [None]
    outcomes = list(found.outcomes)
    assert outcomes and calls == [None, event.end]


@pytest.mark.parametrize("which", [0, 1])
def test_what_became_of_the_last_meetings_items_is_track_then_and_now(both, which: int
                                                                      ) -> None:  # noqa: ANN001
    """Outcomes: track as of the meeting's last day. Moved since: the items whose later
    facts now include one that was not reported by then, with their verdict now."""
    dataset = both[which]
    compared = 0
    for event in dataset.events.values():
        previous = previous_event(dataset, event)
        found = novelty(dataset, event, dataset.event_facts(event.id))
        if previous is None:
            assert list(found.outcomes) == [] and found.since == {}
            continue
        before = [fact for fact in dataset.event_facts(previous.id)
                  if role(fact) not in ("", VIEW)]
        then, now = track(dataset, before, until=event.end), track(dataset, before)
        assert list(found.outcomes) == then
        assert [entry.fact.id for entry in now] == [entry.fact.id for entry in then]
        moved = {later.fact.id: later for earlier, later in zip(then, now)
                 if {f.id for f in later.later} - {f.id for f in earlier.later}}
        assert found.since == moved
        compared += len(then)
    assert compared > 20


def test_the_previews_checks_judged_a_chunk_at_a_time_are_the_checks_judged_at_once(
        both, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """The preview's items are judged in chunks of PAGE, in the article's order (first for
    what each later fact decided, then as written): with chunks of two or three items, the
    same checks, verdicts, see-also rows and preview rows they came through as in one."""
    event = "2025-11-state-visit-moscow"  # the bundled table's one brief with a preview
    for dataset in both:
        monkeypatch.setattr(brief_module, "PAGE", 10 ** 6)
        at_once = list(build(dataset, event).checks)
        # a check naming the preview row a later fact decided, and forecasts with parts
        assert len(at_once) > 10 and any(check.via is not None for check in at_once)
        assert any(check.tracked.parts for check in at_once)
        for page in (1, 2, 3):
            monkeypatch.setattr(brief_module, "PAGE", page)
            assert list(build(dataset, event).checks) == at_once, page
