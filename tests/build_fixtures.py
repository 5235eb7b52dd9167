"""Counting the facts whose words this process found, for the build tests that tell an
in-process build from a forked worker's (imported by them; one copy)."""

from __future__ import annotations

import pytest

from kzru import build


def counting_word_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many facts' words this process found (a forked worker's calls are its own)."""
    calls: list[int] = []
    real = build.Words.add

    def counted(self, rowid, accepted, texts):  # noqa: ANN001, ANN202
        calls.append(rowid)
        return real(self, rowid, accepted, texts)

    monkeypatch.setattr(build.Words, "add", counted)
    return calls
