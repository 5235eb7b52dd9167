"""The round-16 red team's findings on the drafter, each as a general rule tested on sentences
written for it: an act split from a sentence is never lost; each act is dated by its own
clause's time only."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")


def _parts(data, start: str) -> list:  # noqa: ANN001
    """The drafts of the sentence that starts with ``start``, in their order."""
    return sorted((f for f in data.facts.values() if f.text.startswith(start)),
                  key=lambda f: f.id)


def test_a_short_first_act_of_two_is_never_lost(drafts_of) -> None:
    data, _ = drafts_of(
        "Тверь, 3 марта 2029 года\n\n"
        "Губернаторы утвердили программу, а также обсудили тарифы.\n"
        "Мэры подписали меморандум, а также не согласовали маршруты.\n")
    # each act of its own: the short first one (three words) kept beside the second
    for start, first, second in (("Губернаторы", "утвердили программу", "обсудили тарифы"),
                                 ("Мэры", "подписали меморандум", "не согласовали")):
        found = _parts(data, start)
        assert len(found) == 2, start
        assert first in found[0].evidence and second not in found[0].evidence
        assert second in found[1].evidence
    assert _parts(data, "Мэры")[0].status == "signed"
