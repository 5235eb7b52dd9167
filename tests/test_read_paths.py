"""The fast read paths give the answers the plain ones give: the one-pass JSON writer against
the standard encoder, the store's narrowed queries against the whole table walked in Python.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from kzru.render import _plain, json_text


class Pair(NamedTuple):
    left: Any
    right: Any


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2 ** 70, max_value=2 ** 70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(),
    st.dates(), st.datetimes().map(lambda moment: moment),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10 ** 20,
                max_value=10 ** 20),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
        st.tuples(inner, inner).map(lambda both: Pair(*both))),
    max_leaves=20)


@given(VALUES)
def test_json_text_is_the_standard_encoders_text(value: Any) -> None:
    """Every kind of value a row may hold (dates, tuples, Decimals, integers past 2**53,
    integral floats, NaN, text with control characters) comes out as json.dumps writes it."""
    assert json_text(value) == json.dumps(_plain(value), ensure_ascii=False, indent=2)


def test_json_text_keys_that_are_not_text_fall_back() -> None:
    value = [{1: "one", "two": (date(2025, 1, 2), Decimal("0.1"))}, datetime(2025, 1, 2, 3)]
    assert json_text(value) == json.dumps(_plain(value), ensure_ascii=False, indent=2)


PLAIN_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2 ** 70, max_value=2 ** 70),
    st.floats(allow_nan=True, allow_infinity=True), st.text())
PLAIN_VALUES = st.recursive(
    PLAIN_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
        st.tuples(inner, inner).map(lambda both: Pair(*both))),
    max_leaves=20)


@given(PLAIN_VALUES)
def test_json_text_not_plain_is_json_dumps(value: Any) -> None:
    """Without the row conversion (the brief's own data), exactly json.dumps's text:
    integral floats stay floats, large integers stay numbers."""
    assert json_text(value, plain=False) == json.dumps(value, ensure_ascii=False, indent=2)


def test_json_text_not_plain_refuses_what_json_refuses() -> None:
    import pytest

    with pytest.raises(TypeError):
        json_text({"when": date(2025, 1, 1)}, plain=False)


# --- brief and track read from the store what they read from the loaded table -------------

def _both(folder):  # noqa: ANN001, ANN202
    from kzru.db import open_store
    from kzru.store import load

    # The loaded table holds every row; the store shows drafts only when asked to.
    return open_store(folder, color=False, drafts=True), load(folder)


def test_every_brief_from_the_store_is_the_brief_of_the_loaded_table() -> None:
    from kzru.brief import build
    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    assert len(loaded.events) >= 9
    for event_id in loaded.events:
        assert build(stored, event_id) == build(loaded, event_id), event_id


def test_track_from_the_store_is_track_of_the_loaded_table() -> None:
    from datetime import date

    from kzru.follow import track
    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    whole = track(loaded)
    assert len(whole) > 50 and any(entry.parts for entry in whole)
    assert track(stored) == whole
    assert track(stored, since=date(2024, 1, 1), statuses=["signed"]) == \
        track(loaded, since=date(2024, 1, 1), statuses=["signed"])
    some = [fact for fact in loaded.facts.values() if "нефт" in fact.text.casefold()]
    assert some and track(stored, some) == track(loaded, some)


def test_a_parent_with_a_role_is_followed_whatever_its_parts_are(data_copy) -> None:  # noqa: ANN001
    """A part of a part: the middle document has a role and a part of its own (a plain
    statement the store's narrowed pool leaves out), and is itself part of a signed package.
    Walking every fact follows both the package and the middle document; so must the store."""
    from conftest import add_facts

    from kzru.follow import track

    add_facts(data_copy,
              {"id": "a000-test-package", "kind": "document", "status": "signed",
               "event": "2022-02-working-visit"},
              {"id": "a000-test-middle", "kind": "document", "status": "signed",
               "part_of": "a000-test-package", "event": "2022-02-working-visit"},
              {"id": "a000-test-leaf", "kind": "statement", "status": "reported",
               "part_of": "a000-test-middle", "event": ""},
              template="a000-agreements-package")
    stored, loaded = _both(data_copy)
    followed = {entry.fact.id for entry in track(loaded)}
    assert {"a000-test-package", "a000-test-middle"} <= followed
    assert track(stored) == track(loaded)
