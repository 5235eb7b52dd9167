"""The alias table is read only by search: a command that reads no query never decodes it
(start-up), and a damaged one is still found where search reads it, and rebuilt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kzru import codec, freshness


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = codec.decode_aliases

    def counted(text):  # noqa: ANN001, ANN202
        calls.append(1)
        return real(text)

    monkeypatch.setattr(codec, "decode_aliases", counted)
    return calls


def test_only_search_decodes_the_aliases(run, data_copy: Path, decoded: list[int]) -> None:  # noqa: ANN001
    for command in (("visits",), ("facts",), ("sectors",), ("sources",)):
        assert run(*command, "--format", "json", "--data", str(data_copy)).code == 0
    assert decoded == []
    found = run("search", "Росатом", "--format", "json", "--data", str(data_copy))
    assert found.code == 0 and "rosatom" in found.out.lower() and decoded == [1]


@pytest.mark.parametrize("damage", [
    '{"groups": [["росатом", ""]], "keys": {"росат": 0}, "longest": 1}',  # an empty name
    '{"groups": [["росатом"]], "keys": {"росат": 1}, "longest": 1}',  # no such group
    '{"groups": [["росатом"]], "keys": {"росат": true}, "longest": 1}',  # not a number
    '{"groups": [[7]], "keys": {"росат": 0}, "longest": 1}',  # a name not text
    "[]",
])
@pytest.mark.parametrize("checksum", ["consulted", "not consulted"])
def test_damaged_aliases_found_by_search_are_rebuilt(run, data_copy: Path, tmp_path: Path,  # noqa: ANN001
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     damage: str, checksum: str) -> None:
    """Not consulted: the damage is found only where search decodes the table, mid-run."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("KZRU_CACHE_DIR", str(cache))
    query = ("search", "Росатом АЭС", "--format", "json", "--data", str(data_copy))
    before = run(*query)
    assert before.code == 0 and before.out
    (index,) = cache.glob("index-*.sqlite")
    with sqlite3.connect(index) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'aliases'", (damage,))
    if checksum == "not consulted":
        monkeypatch.setattr(freshness.Place, "index_is_sound", lambda self: True)
    assert run("visits", "--format", "json", "--data", str(data_copy)).code == 0
    after = run(*query)
    assert (after.code, after.out, after.err) == (before.code, before.out, before.err)
    (index,) = cache.glob("index-*.sqlite")
    with sqlite3.connect(index) as connection:
        (stored,) = connection.execute("SELECT value FROM meta WHERE key = 'aliases'").fetchone()
    assert stored != damage  # rebuilt
