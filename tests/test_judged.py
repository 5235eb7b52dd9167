"""Answers kept beside the store (kzru/kept.py, kzru/judged.py): track's judged items and a
brief's page are what working them out afresh gives, byte for byte, however they are asked;
a change of the data names another kept answer; the rows kept are the judgement itself.

The promise is "the same as the item-by-item path": each expectation is that path's own
output, run in the same process with the kept answers turned off.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from kzru import judged, kept
from kzru.store import bundled_data_dir

TRACK_ASKED = [
    ("--format", "json"), ("--format", "json", "--explain"), ("--format", "jsonl"),
    ("--format", "csv"), ("--format", "md"), ("--format", "tsv", "--explain"),
    ("--format", "json", "--lang", "ru"), ("--format", "json", "--no-see-also"),
    ("атом", "--format", "json"), ("газ", "--explain", "--format", "jsonl"),
    ("транспорт", "--format", "json"),  # a sector named: earlier facts kept by their own
    ("университет", "--format", "csv", "--limit", "2"),
    ("--status", "discussed", "--format", "json"),
    ("--status", "agreed", "--status", "signed", "--format", "json"),
    ("--role", "document", "--format", "json"), ("--by", "commentator", "--format", "json"),
    ("--year", "2025", "--format", "json"), ("--sector", "energy", "--format", "csv"),
    ("--since", "2024-06-01", "--format", "json"), ("--limit", "4", "--format", "json"),
    ("--fields", "id,verdict,later", "--format", "json"),
    ("--status", "signed", "--year", "1990", "--format", "json"),  # nothing: exit 1
    ("нетакогослова", "--format", "json"),
]


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KZRU_CACHE_DIR", str(folder))
    return folder


def _afresh(monkeypatch: pytest.MonkeyPatch, run, *args: str):  # noqa: ANN001, ANN202
    """The answer worked out item by item: nothing kept, nothing read back."""
    with monkeypatch.context() as patch:
        patch.setattr(judged, "judgement", lambda *_: None)
        patch.setattr(kept, "open_kept", lambda *_: None)
        return run(*args)


@pytest.mark.parametrize("asked", TRACK_ASKED, ids=" ".join)
def test_kept_track_is_what_judging_afresh_writes(run, monkeypatch: pytest.MonkeyPatch,
                                                 own_cache: Path, asked: tuple[str, ...]) -> None:
    fresh = _afresh(monkeypatch, run, "track", *asked)
    assert fresh.code in (0, 1)
    first = run("track", *asked)  # judges every item and keeps them
    assert list(own_cache.glob("kept-*.sqlite")), "nothing was kept"
    again = run("track", *asked)  # read back
    assert (first.code, first.out, first.err) == (fresh.code, fresh.out, fresh.err)
    assert (again.code, again.out, again.err) == (fresh.code, fresh.out, fresh.err)


@pytest.mark.parametrize("event", ["2025-11-state-visit-moscow", "2024-11-csto-council"])
@pytest.mark.parametrize("fmt", ["md", "json"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_kept_brief_is_the_page_made_afresh(run, monkeypatch: pytest.MonkeyPatch,
                                            own_cache: Path, event: str, fmt: str,
                                            lang: str) -> None:
    asked = ("brief", event, "--format", fmt, "--lang", lang)
    fresh = _afresh(monkeypatch, run, *asked)
    assert fresh.code == 0 and fresh.out
    assert run(*asked).out == fresh.out
    assert list(own_cache.glob("kept-*.sqlite")), "nothing was kept"
    assert run(*asked).out == fresh.out


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_a_kept_brief_is_stored_and_read_back_in_pieces_of_tens_of_kilobytes(
        run, monkeypatch: pytest.MonkeyPatch, own_cache: Path, fmt: str) -> None:
    """A long page is kept as many small pieces, not megabyte ones: each piece is one string
    made, stored, read back and written, and megabyte strings one after another are what
    grew a warm read of the Moscow brief at 100,000 facts to 162 MB. Read back, the pieces
    are the page made afresh, in order."""
    import sqlite3

    assert kept.PAGE_SIZE <= 1 << 16
    asked = ("brief", "2025-11-state-visit-moscow", "--format", fmt)
    fresh = _afresh(monkeypatch, run, *asked)
    assert fresh.code == 0 and len(fresh.out) > kept.PAGE_SIZE  # more than one piece
    assert run(*asked).out == fresh.out
    (path,) = own_cache.glob("kept-*.sqlite")
    connection = sqlite3.connect(path)
    pieces = [text for (text,) in connection.execute("SELECT text FROM pages ORDER BY seq")]
    connection.close()
    assert "".join(pieces) == fresh.out
    assert len(pieces) == -(-len(fresh.out) // kept.PAGE_SIZE)  # every piece full but the last
    assert max(map(len, pieces)) <= kept.PAGE_SIZE
    assert run(*asked).out == fresh.out  # read back


def test_the_kept_rows_are_tracks_judgement(own_cache: Path) -> None:
    """Row by row: the items in track's order (date, then id), each with its own status,
    role and voice (what the filters read) and its text, the listing of it alone."""
    from kzru.db import open_store
    from kzru.follow import tracked
    from kzru.render_track import KEYS, row

    stored = open_store(bundled_data_dir(), color=False)
    entries = list(judged.with_see_also(stored, tracked(stored)))
    assert [(e.fact.date, e.fact.id) for e in entries] == sorted(
        (e.fact.date, e.fact.id) for e in entries)
    memo = judged.judgement(stored, "json", list(KEYS), "en", True)
    assert memo is not None
    rows = memo.connection.execute(
        "SELECT seq, id, status, role, voice, text FROM items ORDER BY seq").fetchall()
    memo.close()
    assert [r[:5] for r in rows] == [(number, e.fact.id, e.fact.status, e.role, e.voice)
                                     for number, e in enumerate(entries, 1)]
    for (*_, text), entry in zip(rows, entries):
        assert json.loads(text) == json.loads(json.dumps(
            {key: row(entry, "en")[key] for key in KEYS}, default=str))


def test_a_data_change_names_another_kept_answer(run, data_copy: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 own_cache: Path) -> None:
    """A follows link added to the table: the kept answer of the old content is not read
    (its file is named by the old content's key), and the item's verdict moves."""
    before = run("track", "--format", "json", "--data", str(data_copy))
    assert before.code == 0
    items = json.loads(before.out)
    open_item = next(item for item in items if item["verdict"] == "no later report"
                     and not item["parts"])
    later = max(items, key=lambda item: item["date"])
    facts = data_copy / "facts.csv"
    import csv

    with facts.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    fields = list(table[0])
    changed = next(fact for fact in table if fact["id"] == later["id"])
    assert changed["date"] > open_item["date"] or changed["date"] == open_item["date"]
    changed["follows"] = "; ".join(filter(None, [changed["follows"], open_item["id"]]))
    with facts.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    kept_before = set(own_cache.glob("kept-*.sqlite"))
    after = run("track", "--format", "json", "--data", str(data_copy))
    fresh = _afresh(monkeypatch, run, "track", "--format", "json", "--data", str(data_copy))
    assert (after.code, after.out) == (fresh.code, fresh.out)
    assert after.out != before.out
    moved = next(item for item in json.loads(after.out) if item["id"] == open_item["id"])
    assert later["id"] in moved["later"]
    assert set(own_cache.glob("kept-*.sqlite")) - kept_before, "the old answer was read"


def test_another_kzru_names_another_kept_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept answer is named by kzru's own files too: an edited or upgraded kzru never
    reads one written by another."""
    ours = kept.variant_of("track", ("json",))
    monkeypatch.setattr(kept, "_code", ["0" * 32])
    assert kept.variant_of("track", ("json",)) != ours
    monkeypatch.setattr(kept, "_code", [])
    assert kept.variant_of("track", ("json",)) == ours


TOPICS = ["атом", "газ", "университет", "нефть", "уголь", "транспорт", "Байконур", "космос",
          "образование", "зерно", "граница", "цифровизация", "банк", "вода", "энергетика",
          "Токаев", "Путин", "Астана", "Москва", "соглашение", "договорились", "подписали",
          "Росатом", "АЭС", "железная дорога", "инвестиции", "культура", "язык", "2025",
          "signed", "agreed", "planned", "nuclear", "gas transit", "МГУ", "филиал", "ЕАЭС",
          "не газ", "газ -транзит", "нетакогослова"]


def _topic_choices(folder: Path, queries: list[str]) -> list[tuple[list[str], list[str]]]:
    """Per query: the kept items judged.topic_rows picks, and what follow.chosen picks among
    with_earlier(topic.about(...)) of the same hits (the item-by-item path's choice)."""
    from kzru import follow, search
    from kzru.db import open_store
    from kzru.render_track import KEYS
    from kzru.topic import about, in_named_sectors

    stored = open_store(folder, color=False)
    memo = judged.judgement(stored, "json", list(KEYS), "en", False)
    assert memo is not None
    found = []
    try:
        for text in queries:
            reading = search.read_query(stored.index, text, False)
            allowed = stored.search_allowed(None)
            light = list(search.search(stored.index, text, allowed, None, reading,
                                       records=stored.light_facts))  # as track reads them
            hits = list(search.search(stored.index, text, allowed, None, reading))
            assert [hit._replace(fact=hit.fact.id) for hit in light] == \
                [hit._replace(fact=hit.fact.id) for hit in hits]  # the same hits, read light
            assert all(one.fact == tuple(getattr(other.fact, name) for name in one.fact._fields)
                       for one, other in zip(light, hits))  # each field as the whole fact's
            (page,) = judged.topic_rows(stored, memo, light, reading, "1", [])
            topical = about(stored, hits, reading)
            expected = follow.chosen(stored, in_named_sectors(
                stored, follow.with_earlier(stored, topical), topical, reading))[0]
            found.append(([fact_id for fact_id, _ in page], expected))
    finally:
        memo.close()
    return found


def test_a_topics_kept_items_are_what_tracks_choice_picks(own_cache: Path) -> None:
    """The items a query picks from the kept judgement, worked out over ids and links, are
    the ones follow.chosen picks from the topic's whole facts, in track's order."""
    choices = _topic_choices(bundled_data_dir(), TOPICS)
    for text, (picked, expected) in zip(TOPICS, choices):
        assert picked == expected, text
    assert sum(map(bool, (picked for picked, _ in choices))) >= 25  # most queries pick some


def test_a_topics_kept_items_are_tracks_choice_at_scale(own_cache: Path,
                                                        tmp_path: Path) -> None:
    """The same on a synthetic table (tests/bench/synth.py: documents with parts, chains of
    follows links across copies of the table), where parents, parts and earlier facts meet
    the topic's hits in every combination."""
    import subprocess
    import sys

    folder = tmp_path / "synth"
    subprocess.run([sys.executable, str(Path(__file__).parent / "bench" / "synth.py"), "3000",
                    str(folder)], check=True, capture_output=True)
    queries = ["атом", "газ", "университет", "транспорт", "соглашение", "Токаев", "МГУ",
               "филиал"]
    choices = _topic_choices(folder, queries)
    for text, (picked, expected) in zip(queries, choices):
        assert picked == expected, text
    assert all(picked for picked, _ in choices)


def test_tidy_keeps_the_newest_kept_answers_of_the_stores_still_held(tmp_path: Path) -> None:
    """Each kept answer is a file and its seal, removed together: those of a store no longer
    held (once old enough that no run can still be writing them), and all but the newest
    KEEP_KEPT."""
    import os
    import time

    from kzru import cache

    held, gone = "a" * 32, "b" * 32
    index = tmp_path / f"index-{held}.sqlite"
    index.write_bytes(b"")
    now = time.time()

    def answer(key: str, number: int, age: float) -> str:
        stem = f"kept-{key}-{number:032x}"
        for suffix in (".sqlite", ".json"):
            path = tmp_path / (stem + suffix)
            path.write_bytes(b"")
            os.utime(path, (now - age, now - age))
        return stem

    ours = [answer(held, number, 10.0 * (number + 1)) for number in range(cache.KEEP_KEPT + 5)]
    recent = answer(gone, 98, 1.0)  # another store's, just written: perhaps still in use
    old = answer(gone, 99, cache.STALE_TEMPORARY_S + 60.0)
    cache.tidy(tmp_path, index)
    left = {path.name for path in tmp_path.glob("kept-*")}
    kept_stems = [recent, *ours[:cache.KEEP_KEPT - 1]]
    assert left == {stem + suffix for stem in kept_stems for suffix in (".sqlite", ".json")}
    assert old + ".sqlite" not in left and ours[-1] + ".json" not in left


def test_a_kept_answer_is_vouched_for_by_the_stores_own_rule(
        run, monkeypatch: pytest.MonkeyPatch, own_cache: Path) -> None:
    """One rule vouches for the store and for an answer kept beside it (freshness.Sealed):
    the build names its checksum; the next run checks the file against it and records the
    file's stat, so a run whose stat is unchanged and old enough (taken RACY_NS after the
    file last changed) reads no checksum; a checksum filed by another run while this one
    hashed the file is found in a second look."""
    import os
    import time

    from kzru import freshness

    asked = ("track", "--format", "json", "--limit", "2")
    first = run(*asked)
    (path,) = own_cache.glob("kept-*.sqlite")
    seal_path = path.with_suffix(".json")
    seal = freshness._read_seal(seal_path, path.stem[5:])
    assert seal is not None and seal.digests == [freshness.file_digest(path)]
    hashed: list[Path] = []
    real = freshness.file_digest
    monkeypatch.setattr(freshness, "file_digest", lambda file: hashed.append(file) or real(file))
    assert run(*asked).out == first.out  # checked against the checksum, its stat recorded
    assert path in hashed
    seal = freshness._read_seal(seal_path, path.stem[5:])
    assert seal is not None and seal.index == freshness._signature(os.lstat(path))
    # later by the clock than the file's last change: the recorded stat vouches alone (each
    # run checks again while its stat is too close to the change to prove anything)
    hashed.clear()
    later = time.time_ns() + 2 * freshness.RACY_NS
    monkeypatch.setattr(freshness.time, "time_ns", lambda: later)
    assert run(*asked).out == first.out  # (checked once more if the last stamp was close)
    hashed.clear()
    assert run(*asked).out == first.out
    assert path not in hashed
    # a seal naming another build; the run that built this file names it meanwhile
    freshness.Seal(seal.key, ["1" * 32], [1, 2, 3, 4, 5], 0).save(seal_path)

    def meanwhile(file: Path) -> str:
        digest = real(file)
        if file == path:
            freshness.Sealed(path, seal_path, seal.key, 0).file_build(digest)
        return digest

    monkeypatch.setattr(freshness, "file_digest", meanwhile)
    built = path.stat().st_ino
    assert run(*asked).out == first.out
    assert path.stat().st_ino == built  # read, not built again


class _Counted(io.TextIOWrapper):
    """A UTF-8 text stream over bytes that counts the characters written to it as text."""

    def __init__(self, raw: io.BytesIO, encoding: str = "utf-8") -> None:
        super().__init__(raw, encoding=encoding)
        self.as_text = 0

    def write(self, text: str) -> int:
        self.as_text += len(text)
        return super().write(text)


def test_kept_items_go_out_as_the_bytes_stored(own_cache: Path) -> None:
    """The kept items are written as the UTF-8 bytes they are stored as, into the text
    stream's own buffer and after what the stream held (nothing is decoded into Python text
    and encoded again: at 100,000 facts that was most of a warm track's time); a stream
    with no buffer, or one that writes another encoding, gets the same text as text."""
    from kzru.db import open_store
    from kzru.render_track import KEYS

    stored = open_store(bundled_data_dir(), color=False)
    memo = judged.judgement(stored, "json", list(KEYS), "ru", True)
    assert memo is not None
    frame = judged.Frame("json", list(KEYS))

    def listing(out: Any) -> tuple[int, int]:
        out.write("до|")  # held by the stream, not yet in its buffer: must come first
        return judged.written(memo, frame, judged.rows(memo, "1", []), None, None, out)

    try:
        plain = io.StringIO()
        counts = listing(plain)
        raw = io.BytesIO()
        fast = _Counted(raw)
        assert listing(fast) == counts
        fast.flush()
        other = io.BytesIO()
        wide = _Counted(other, "utf-16")
        assert listing(wide) == counts
        wide.flush()
    finally:
        memo.close()
    text = plain.getvalue()
    assert counts[0] == memo.count > 0 and text.startswith("до|[")
    assert json.loads(text[3:])[0]["id"]  # the listing itself, framed
    assert raw.getvalue() == text.encode("utf-8")
    assert fast.as_text == len("до|")  # the items went to the buffer, not through the text
    assert other.getvalue().decode("utf-16") == text  # another encoding: written as text


def _vouched_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock well past the kept file's last change: a stat a run records vouches alone
    (freshness.RACY_NS)."""
    import time

    from kzru import freshness

    later = time.time_ns() + 2 * freshness.RACY_NS
    monkeypatch.setattr(freshness.time, "time_ns", lambda: later)


def test_a_kept_files_stat_is_recorded_only_once_its_values_passed(
        run, monkeypatch: pytest.MonkeyPatch, own_cache: Path) -> None:
    """A kept file whose checksum its seal names but whose values are not what kzru writes
    (sealed as if kzru had written it): not answered from, and its stat is not recorded, so
    a later run, which would take the recorded stat for the file as checked, checks it again
    (here no rebuild can replace it: the cache is taken as unable to)."""
    import contextlib
    import sqlite3

    from kzru import freshness

    asked = ("track", "--format", "json", "--limit", "3")
    fresh = _afresh(monkeypatch, run, *asked)
    assert run(*asked).out == fresh.out
    (path,) = own_cache.glob("kept-*.sqlite")
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE items SET text = X'00' WHERE seq = 1")  # a blob
    seal_path = path.with_suffix(".json")
    freshness.Seal(path.stem[5:], [freshness.file_digest(path)]).save(seal_path)
    monkeypatch.setattr(kept, "_build", lambda *_: False)
    _vouched_later(monkeypatch)
    for _ in range(2):
        answer = run(*asked)
        assert (answer.code, answer.out) == (fresh.code, fresh.out)
        seal = freshness._read_seal(seal_path, path.stem[5:])
        assert seal is not None and seal.index is None  # no stat vouches for it


def test_a_kept_file_its_recorded_stat_vouches_for_is_not_read_whole_again(
        run, monkeypatch: pytest.MonkeyPatch, own_cache: Path) -> None:
    """Once a run has read a kept file's checksum and checked every value, a run its recorded
    stat vouches for reads only the meta (track at 100,000 facts: 90 MB not read again); a
    file replaced since (another stat) is checked whole again. A check that refuses every
    file shows which runs make it: a refused file is built again (another inode)."""
    import os
    import shutil

    asked = ("track", "--format", "json", "--limit", "3")
    first = run(*asked)
    (path,) = own_cache.glob("kept-*.sqlite")
    _vouched_later(monkeypatch)
    assert run(*asked).out == first.out  # checksum read, values checked, stat recorded
    built = path.stat().st_ino
    monkeypatch.setattr(judged, "CHECKS", "SELECT 1")  # from here, every file refused
    assert run(*asked).out == first.out
    assert path.stat().st_ino == built  # the stat vouched: the values were not read again
    copy = path.with_name("copy.tmp")
    shutil.copy2(path, copy)
    os.replace(copy, path)  # the same bytes, another file
    replaced = path.stat().st_ino
    assert run(*asked).out == first.out
    assert path.stat().st_ino != replaced  # its values checked again, refused, built again


def test_kept_files_are_written_in_large_pages(run, own_cache: Path) -> None:
    """A kept answer is read back in rows of kilobytes (track's items) or pieces of a
    megabyte (a brief's page): its file is written in SQLite's largest pages, one read each
    where the default 4 KiB pages took many (a warm track at 100,000 facts reads 94 MB)."""
    import contextlib
    import sqlite3

    assert run("track", "--format", "json").code == 0
    assert run("brief", "2025-11-state-visit-moscow", "--format", "md").code == 0
    files = sorted(own_cache.glob("kept-*.sqlite"))
    assert len(files) == 2
    for path in files:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            (size,), = connection.execute("PRAGMA page_size").fetchall()
        assert size == 65536, (path.name, size)  # kept.KEPT_PAGE
