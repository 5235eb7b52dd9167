"""The fault suite's cases for writes of several files (issue 14's leftovers): what a writer
reports is what the next reader finds, even after two faults in a row; the written files and
their folders are on disk before the journal that could finish the write is removed; and a
reader that started before a writer's renames reads the folder as it was or as it is after,
never half of each.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import shutil
import stat
from pathlib import Path

import pytest

from kzru import journal, writer
from kzru.errors import KzruError
from kzru.paths import JOURNAL, resolve_data_dir

# --- a double fault is reported as what the next reader finds -----------------------------


def new_version(folder: Path) -> dict[str, bytes]:
    """A write of two tables, each visibly changed and still valid: a source's publisher and
    an event's English title."""
    sources = (folder / "sources.csv").read_bytes()
    events = (folder / "events.csv").read_bytes()
    assert b",CMN.KZ," in sources and b",CIS summit in St Petersburg," in events
    return {"sources.csv": sources.replace(b",CMN.KZ,", b",CMN.KZ (new),", 1),
            "events.csv": events.replace(b",CIS summit in St Petersburg,",
                                         b",CIS summit in Saint Petersburg,", 1)}


def tables(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("sources.csv", "events.csv")}


FAULTS = {
    # rename of events.csv fails once; marking the journal "back" fails: the write is
    # decided forward, the renames are tried again and go through
    "rename fails once, then marking fails": (1, True, False, "written"),
    # ... and the renames keep failing: written, finished by the next kzru
    "rename keeps failing, then marking fails": (99, True, False, "written, finished later"),
    # marking works: the write is undone
    "rename fails, marking works": (1, False, False, "not written"),
    # marking works, undoing fails: the next kzru finishes undoing it
    "rename fails, marking works, undoing fails": (99, False, True, "not written"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_double_fault_is_reported_as_what_the_next_reader_finds(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    """A rename refused, then the journal not turned back: it still says forward, so the
    next kzru finishes the write. The old code said 'nothing was changed' all the same."""
    failures, marking_fails, undoing_fails, expected = FAULTS[fault]
    old, new = tables(data_copy), new_version(data_copy)
    real_replace, real_write = os.replace, journal.write
    left = {"renames": failures}

    def replace(source, target, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        name = os.path.basename(os.fspath(target))
        from_staged = os.path.basename(os.fspath(source)).startswith(writer.TEMP_PREFIX)
        if name == "events.csv" and left["renames"] > 0 and from_staged and \
                "old-" not in os.fspath(source):
            left["renames"] -= 1
            raise OSError(errno.EIO, "Input/output error")
        if undoing_fails and name == "sources.csv" and "old-" in os.fspath(source):
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(source, target, *args, **kwargs)

    def write(folder: Path, state: str, entries: list) -> None:  # noqa: ANN001
        if state == "back" and marking_fails:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(folder, state, entries)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(journal, "write", write)
    try:
        writer.commit(data_copy, new)
        said = "written"
    except KzruError as error:
        message = str(error.args[0])
        said = "not written" if "nothing was changed" in message else \
            "written, finished later" if "written" in message else message
    monkeypatch.undo()
    assert said == expected
    resolve_data_dir(data_copy)  # the next kzru command, before it reads anything
    assert tables(data_copy) == (old if said == "not written" else new)
    assert not os.path.lexists(data_copy / JOURNAL)
    assert [p.name for p in data_copy.iterdir() if p.name.startswith(".kzru")] == []


def test_a_write_with_no_fault_says_written_and_is(data_copy: Path) -> None:
    new = new_version(data_copy)
    writer.commit(data_copy, new)
    assert tables(data_copy) == new


# --- power loss: every file and folder on disk before the journal goes --------------------


class Disk:
    """What reached the disk, in order: each fsync (of a file, by its inode; of a folder),
    each rename and each removal, as a power cut would find them."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def watch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_fsync, real_replace, real_unlink = os.fsync, os.replace, os.unlink

        def fsync(descriptor: int) -> None:
            info = os.fstat(descriptor)
            self.events.append(("fsync-dir" if stat.S_ISDIR(info.st_mode) else "fsync",
                                info.st_ino))
            real_fsync(descriptor)

        def replace(source, target, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            inode = os.lstat(source).st_ino
            real_replace(source, target, *args, **kwargs)
            self.events.append(("rename", (inode, os.fspath(target))))

        def unlink(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            real_unlink(path, *args, **kwargs)
            self.events.append(("unlink", os.fspath(path)))

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "unlink", unlink)

    def index(self, kind: str, match) -> list[int]:  # noqa: ANN001
        return [at for at, (what, value) in enumerate(self.events)
                if what == kind and match(value)]


def test_written_files_and_folders_are_on_disk_before_the_journal_is_removed(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A power cut keeps only what was flushed. Each new table's bytes must be flushed before
    it is renamed into place (else a cut can leave an empty or torn table under the name),
    the journal flushed and its folder too before the first table is renamed (else the cut
    loses the journal that finishes the write), and every folder a table was renamed in
    flushed before the journal is removed (else the renames are lost with the journal that
    would redo them). A new article in articles/ is one of the files."""
    new = new_version(data_copy)
    new["articles/fresh.txt"] = "Статья, добавленная этой записью.\n".encode()
    disk = Disk()
    disk.watch(monkeypatch)
    writer.commit(data_copy, new)
    monkeypatch.undo()
    folder_inode = os.stat(data_copy).st_ino
    articles_inode = os.stat(data_copy / "articles").st_ino
    journal_removed = disk.index("unlink", lambda path: path.endswith(JOURNAL))
    journal_filed = disk.index("rename", lambda value: value[1].endswith(JOURNAL))
    assert len(journal_removed) == 1 and len(journal_filed) == 1
    renames = {name: disk.index("rename", lambda value, name=name: value[1] ==
                                os.fspath(data_copy / name))
               for name in new}
    for name, (at,) in renames.items():
        inode = disk.events[at][1][0]
        flushed = disk.index("fsync", lambda value, inode=inode: value == inode)
        assert flushed and flushed[0] < at, f"{name} renamed in before its bytes were flushed"
        assert at > journal_filed[0], f"{name} renamed in before the journal was filed"
        home = articles_inode if name.startswith("articles/") else folder_inode
        synced = disk.index("fsync-dir", lambda value, home=home: value == home)
        assert any(at < when < journal_removed[0] for when in synced), \
            f"the folder of {name} was not flushed between its rename and the journal's removal"
    (journal_inode,) = [disk.events[at][1][0] for at in journal_filed]
    assert any(when < journal_filed[0] for when in disk.index(
        "fsync", lambda value: value == journal_inode)), "the journal's bytes were not flushed"
    first_table = min(at for (at,) in renames.values())
    assert any(journal_filed[0] < when < first_table for when in disk.index(
        "fsync-dir", lambda value: value == folder_inode)), \
        "the journal's folder was not flushed before the first table was renamed in"
    assert any(when > journal_removed[0] for when in disk.index(
        "fsync-dir", lambda value: value == folder_inode)), "the journal's removal not flushed"
    assert tables(data_copy) == {name: new[name] for name in ("sources.csv", "events.csv")}


# --- a reader that started before a writer's renames reads one version whole ----------------

NEW_EVENT = "2024-11-csto-council-second-day"


def next_version(folder: Path) -> dict[str, bytes]:
    """A curator's write of three tables that only make sense together: a new event, a fact
    moved to it and another fact removed, and a source's publisher changed. Old events with
    new facts name an event that does not exist; every reader below shows the change."""
    def table(name: str) -> tuple[list[str], list[dict[str, str]]]:
        with open(folder / name, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            return list(reader.fieldnames or []), list(reader)

    def render(header: list[str], rows: list[dict[str, str]]) -> bytes:
        out = io.StringIO()
        writer_ = csv.DictWriter(out, header, lineterminator="\n")
        writer_.writeheader()
        writer_.writerows(rows)
        return out.getvalue().encode("utf-8")

    header, events = table("events.csv")
    (council,) = [row for row in events if row["id"] == "2024-11-csto-council"]
    events.append({**council, "id": NEW_EVENT, "title_en": "CSTO council, second day",
                   "title_ru": "Совет ОДКБ, второй день"})
    fact_header, facts = table("facts.csv")
    facts = [row for row in facts if row["id"] != "a001-astana-military-vehicles"]
    for row in facts:
        if row["id"] == "a001-csto-agenda-security":
            row["event"] = NEW_EVENT
    sources = (folder / "sources.csv").read_bytes()
    return {"sources.csv": sources.replace(b",CMN.KZ,", b",CMN.KZ (new),", 1),
            "events.csv": render(header, events), "facts.csv": render(fact_header, facts)}


def half_written(folder: Path, contents: dict[str, bytes]) -> None:
    """A writer caught between its renames (live but slow, or killed): every file staged and
    named in the journal, only facts.csv renamed in."""
    entries = []
    for name, payload in contents.items():
        (folder / f"{writer.TEMP_PREFIX}{name}").write_bytes(payload)
        os.link(folder / name, folder / f"{writer.TEMP_PREFIX}old-{name}")
        entries.append((name, f"{writer.TEMP_PREFIX}{name}", f"{writer.TEMP_PREFIX}old-{name}"))
    journal.write(folder, "forward", entries)
    os.replace(folder / f"{writer.TEMP_PREFIX}facts.csv", folder / "facts.csv")


READERS = {
    "facts": ("facts", "--source", "a001", "--format", "json"),
    "sources": ("sources", "--format", "json"),
    "visits": ("visits", "--format", "json"),
    "search": ("search", "ОДКБ", "--format", "json"),
    "check": ("check",),
}


@pytest.mark.parametrize("writing", ["whole write", "renames half done"])
@pytest.mark.parametrize("reader", READERS)
def test_a_reader_that_started_before_a_writers_renames_reads_one_version(
        run, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
        reader: str, writing: str) -> None:
    """The reader has read sources.csv and events.csv when the writer renames its tables in
    (all of them, or facts.csv only with its journal filed); the reader then reads the rest.
    It must answer exactly as from the old folder or exactly as from the new one. The old
    loader answered from old events and new facts: 'unknown event', exit 2, for a folder
    valid before the write and after it."""
    from kzru import store as store_module

    args = READERS[reader]
    new = next_version(data_copy)
    old_folder, new_folder = tmp_path / "old", tmp_path / "new"
    shutil.copytree(data_copy, old_folder)
    shutil.copytree(data_copy, new_folder)
    for name, payload in new.items():
        (new_folder / name).write_bytes(payload)
    monkeypatch.setenv("KZRU_CACHE_DIR", str(tmp_path / "cache"))

    def answer(folder: Path) -> tuple[int, str]:
        done = run(*args, "--data", str(folder))
        said = "".join(line for line in done.err.splitlines(True)  # the notice of a killed
                       if "a write a stopped kzru left" not in line)  # write is no answer
        return done.code, done.out.replace(str(folder), "DATA") + said.replace(
            str(folder), "DATA")

    old, after = answer(old_folder), answer(new_folder)
    assert old[0] == after[0] == 0 and old != after
    real = store_module.read_table
    tables_read: list[str] = []

    def read_table(name: str, *rest, **kwargs):  # noqa: ANN002, ANN003, ANN202
        found = real(name, *rest, **kwargs)
        tables_read.append(name)
        if tables_read == ["sources", "events"]:  # the writer renames now, once
            if writing == "whole write":
                writer.commit(data_copy, new)
            else:
                half_written(data_copy, new)
        return found

    monkeypatch.setattr(store_module, "read_table", read_table)
    monkeypatch.setenv("KZRU_CACHE_DIR", str(tmp_path / "cold"))  # the reader reads the tables
    got = answer(data_copy)
    assert got in (old, after), got
    assert tables_read[:2] == ["sources", "events"] and len(tables_read) > 5  # read again
    assert got == after  # the write was whole by the time the reader read again
    assert not os.path.lexists(data_copy / JOURNAL)


def test_export_csv_that_started_before_a_writers_renames_copies_one_version(
        run, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """export --csv validates the folder, then copies its tables one by one: a write between
    two copies gave a package of old sources and new facts that nothing had validated (and
    that check refuses)."""
    from kzru import export

    new = next_version(data_copy)
    old = {name: (data_copy / name).read_bytes() for name in new}
    real = export._copy
    copied: list[str] = []

    def copy(source: Path, target: Path, drafts: bool = True) -> None:
        real(source, target, drafts)
        copied.append(source.name)
        if copied == ["sources.csv"]:
            writer.commit(data_copy, new)  # the curator's save lands between two copies

    monkeypatch.setattr(export, "_copy", copy)
    out = tmp_path / "package"
    done = run("export", "--csv", str(out), "--data", str(data_copy))
    assert done.code == 0, done.err
    exported = {name: (out / name).read_bytes() for name in new}
    assert exported in (old, new)
    assert exported == new and copied.count("sources.csv") == 2  # copied again, whole
    assert run("check", "--data", str(out)).code == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".package")) == []
