"""What the see-also candidates read (suggest.see_also), judged a batch at a time as track's
and a brief's first runs judge them: each meeting read once a run for the rows that say a
topic's field again, the report's statements on a field read as statements; and the same
candidates as when every item is judged at once.

Why: at 100,000 facts the next meeting was read whole (about 11,000 facts) for every topic
only talked about, in every batch of 1,000 items, and the meeting's event whole again for
each forecast's article: track's first run took 425 s and the Moscow brief's 457 s, where
round 14 had them at 5 and 6 s. A count of reads holds the fix where timings cannot.
"""

from __future__ import annotations

from collections import Counter

import pytest

from kzru import suggest
from kzru.db import open_store
from kzru.follow import NO_REPORT, track
from kzru.store import bundled_data_dir

BATCH = 7  # small, so the bundled table's items fall in many batches


@pytest.fixture(scope="module")
def judged():  # noqa: ANN201
    store = open_store(bundled_data_dir(), color=False)
    return store, track(store)


def test_each_meeting_is_read_once_a_run_whatever_the_batches(judged, monkeypatch) -> None:
    store, entries = judged
    reads: Counter[str] = Counter()
    real = store.event_facts

    def counted(event_id, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        reads[event_id] += 1
        return real(event_id, *args, **kwargs)

    monkeypatch.setattr(store, "event_facts", counted)
    memo: dict = {}
    for start in range(0, len(entries), BATCH):
        suggest.see_also(store, entries[start:start + BATCH], memo)
    assert reads, "no topic only talked about asked for the next meeting's rows"
    assert max(reads.values()) == 1, reads


def test_batches_sharing_what_they_read_give_the_candidates_of_one_pass(judged) -> None:
    store, entries = judged
    whole = suggest.see_also(store, entries)
    memo: dict = {}
    batched = [entry for start in range(0, len(entries), BATCH)
               for entry in suggest.see_also(store, entries[start:start + BATCH], memo)]
    assert batched == whole
    assert any(entry.see_also for entry in whole)
    # the rows that say a field again, found through what earlier batches kept
    open_facts = [entry.fact for entry in entries if entry.verdict == NO_REPORT]
    assert suggest.next_field_rows(store, open_facts, memo) == \
        suggest.next_field_rows(store, open_facts)
    assert suggest.next_field_rows(store, open_facts)
