"""The curator's lint: evidence must show the word that makes its status true."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import SEEDS, needs_seeds

from kzru.lint import STATUS_CUES, has_status_cue, lint
from kzru.model import Fact
from kzru.store import bundled_data_dir, load


def _fact(status: str, evidence: str) -> Fact:
    fields = {name: "" for name in Fact._fields}
    fields.update(status=status, evidence=evidence, sectors=(), names=(), follows=(), value=None)
    return Fact(**fields)


@pytest.mark.parametrize(("status", "evidence", "shown"), [
    ("signed", "стороны подписали совместное заявление", True),
    ("signed", "совместное заявление об углублении партнёрства", False),
    ("agreed", "Стороны условились укреплять партнерство", True),
    ("agreed", "реконструкции мостов", False),
    ("planned", "Намерены продолжить взаимодействие", True),
    ("expected", "как ожидается, будет уделено", True),
    ("proposed", "рассматривают возможность создания Совета", True),
    ("reported", "любая фраза", True),
    ("agreed", "Подчеркнули важность улучшения", False),
])
def test_a_status_cue_is_a_word_beginning_in_the_evidence(status: str, evidence: str,
                                                         shown: bool) -> None:
    assert has_status_cue(_fact(status, evidence)) is shown


def test_a_cue_inside_another_word_does_not_count() -> None:
    # "договор" must begin a word: "переговоры" holds it inside and is no agreement.
    assert not has_status_cue(_fact("agreed", "прошли переговоры"))


def test_every_status_but_reported_has_cues() -> None:
    assert set(STATUS_CUES) == {"signed", "agreed", "done", "ongoing", "planned", "expected",
                                "proposed"}


def test_the_bundled_table_passes_the_lint() -> None:
    assert lint(load(bundled_data_dir())) == []


def _break_first_signed(folder: Path) -> str:
    path = folder / "facts.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    status, evidence = header.index("status"), header.index("evidence")
    row = next(r for r in rows[1:] if r[status] == "signed")
    row[evidence] = "совместное заявление"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return row[0]


def test_check_warns_and_strict_fails_with_file_line_column(run, data_copy: Path) -> None:
    broken = _break_first_signed(data_copy)
    result = run("check", "--data", str(data_copy))
    assert result.code == 0
    assert f"kzru: warning: {data_copy / 'facts.csv'}:" in result.err
    assert f"evidence of {broken} shows no word of its status 'signed'" in result.err
    strict = run("check", "--strict", "--data", str(data_copy))
    assert strict.code == 2
    line = next(x for x in strict.err.splitlines() if broken in x)
    assert line.split(": ")[1].count(":") == 2  # path:line:column


@needs_seeds
def test_bundled_table_passes_strict_check_with_sources(run) -> None:
    result = run("check", "--strict", "--sources", str(SEEDS))
    assert result.code == 0, result.err
    assert "warning" not in result.err
    with (bundled_data_dir() / "facts.csv").open(encoding="utf-8", newline="") as table:
        excerpts = sum(1 for row in csv.DictReader(table) if row["evidence"].strip())
    assert f"; {excerpts} evidence excerpts found verbatim in {SEEDS}\n" in result.out



def test_sources_that_disagree_are_listed_and_never_fail_strict(run) -> None:
    # The KazNU branch in Omsk: opened «27 ноября» (a001, 2024) and «в текущем году» (a004,
    # 2025) — a conflict kept visible (RUBRIC-same-as rule 5). a002 reports it open with no
    # date of its own (publication basis): it disagrees with neither.
    result = run("check", "--strict")
    assert result.code == 0, result.err
    kaznu = [line for line in result.out.splitlines() if "a001-kaznu-omsk-branch" in line]
    assert len(kaznu) == 1 and "a004-kaznu-omsk-branch" in kaznu[0]
    assert "dates differ" in kaznu[0]
    assert "2025 in a004" in kaznu[0] and "2025-01-01" not in kaznu[0]  # at its precision


def _strip_cues(folder: Path, count: int) -> list[str]:
    """Give ``count`` accepted facts of statuses with cues an evidence holding none."""
    path = folder / "facts.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    status, evidence, review = (header.index(name) for name in ("status", "evidence", "review"))
    plain = "число и место"
    chosen = [row for row in rows[1:]
              if row[status] in STATUS_CUES and row[review] == "accepted"][:count]
    assert len(chosen) == count
    for row in chosen:
        assert not has_status_cue(_fact(row[status], plain))
        row[evidence] = plain
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return [row[0] for row in chosen]


def test_lint_warnings_are_capped_like_problems(run, data_copy: Path) -> None:
    """A table of thousands of facts without their status words printed every warning;
    like problems, the first 20 of a kind are listed, then how many more."""
    from kzru.errors import PER_KIND

    broken = _strip_cues(data_copy, PER_KIND + 7)
    kind = "evidence without a word of its status"
    result = run("check", "--data", str(data_copy))
    assert result.code == 0
    shown = [line for line in result.err.splitlines() if "shows no word of its status" in line]
    assert [line.split("evidence of ")[1].split()[0] for line in shown] == broken[:PER_KIND]
    assert f"kzru: warning: … and 7 more of this kind ({kind}); kzru check --all-problems " \
           "lists every one" in result.err.splitlines()
    assert f"; {PER_KIND + 7} warnings" in result.out  # the count is of every warning
    every = run("check", "--all-problems", "--data", str(data_copy))
    listed = [line for line in every.err.splitlines() if "shows no word of its status" in line]
    assert len(listed) == PER_KIND + 7 and "more of this kind" not in every.err
    strict = run("check", "--strict", "--data", str(data_copy))
    assert strict.code == 2
    assert sum("shows no word of its status" in line for line in strict.err.splitlines()) \
        == PER_KIND
    assert f"… and 7 more of this kind ({kind})" in strict.err
