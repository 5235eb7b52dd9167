"""The machine formats and the values they share, by the output contract (README, "For
scripts"): numbers exact or as their decimal text, dates ISO in data formats and at their
precision for people (Markdown), spans with the shared part written once, one row a line,
a cell never breaking a row, TSV by default in a pipe.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

from kzru.render import plain_value as _plain
from kzru.render import shown_value, span_label, write_machine

ROW = {"id": "x-1", "date": date(2022, 2, 1), "date_precision": "month",
       "summary": "a | b \\ c\td", "sectors": ("trade", "energy"), "value": 20}
KEYS = ["id", "date", "date_precision", "summary", "sectors", "value"]


def written(fmt: str, rows: list[dict] | None = None) -> str:
    out = io.StringIO()
    write_machine([ROW] if rows is None else rows, fmt, out, KEYS)
    return out.getvalue()


def test_integers_a_json_reader_keeps_stay_numbers_larger_ones_become_text() -> None:
    assert _plain(2 ** 53) == 2 ** 53  # a double holds 2^53 exactly
    assert _plain(-(2 ** 53)) == -(2 ** 53)
    assert _plain(2 ** 53 + 1) == "9007199254740993"
    assert _plain(20.0) == 20 and type(_plain(20.0)) is int


def test_decimals_are_numbers_only_when_a_reader_gets_the_same_number_back() -> None:
    assert _plain(Decimal("0.1")) == 0.1
    assert _plain(Decimal("-2.5")) == -2.5
    assert _plain(Decimal("24000000000")) == 24000000000
    assert _plain(Decimal("12345678901234567890")) == "12345678901234567890"
    assert _plain(Decimal("1.00000000000000000001")) == "1.00000000000000000001"
    shown = json.loads(written("json", [{**ROW, "value": Decimal("1.00000000000000000001")}]))
    assert shown[0]["value"] == "1.00000000000000000001"


def test_people_see_dates_at_their_precision_data_formats_keep_iso() -> None:
    assert shown_value(ROW, "date") == "2022-02"
    assert shown_value({**ROW, "date_precision": "year"}, "date") == "2022"
    assert shown_value({**ROW, "date_precision": "day"}, "date") == "2022-02-01"
    assert shown_value({"last": date(2025, 5, 1), "last_precision": "month"}, "last") == "2025-05"
    assert shown_value(ROW, "summary") == ROW["summary"]
    md = written("md").splitlines()
    assert md[0] == "| id | date | date_precision | summary | sectors | value |"
    assert md[1] == "|---|---|---|---|---|---|"
    assert md[2] == "| x-1 | 2022-02 | month | a \\| b \\\\ c d | trade; energy | 20 |"
    assert json.loads(written("json"))[0]["date"] == "2022-02-01"


def test_spans_write_the_shared_part_once_at_their_precision() -> None:
    assert span_label(date(2024, 11, 27), date(2024, 11, 28)) == "2024-11-27 – 11-28"
    assert span_label(date(2022, 6, 1), date(2022, 7, 1), "month") == "2022-06 – 07"
    assert span_label(date(2021, 12, 1), date(2022, 1, 1), "month") == "2021-12 – 2022-01"
    assert span_label(date(2021, 1, 1), date(2022, 1, 1), "year") == "2021 – 2022"
    assert span_label(date(2025, 5, 1), date(2025, 5, 1), "month") == "2025-05"


def test_json_is_indented_for_people_and_one_line_a_row_in_jsonl() -> None:
    assert written("json").startswith('[\n  {\n    "id": "x-1",\n')
    lines = written("jsonl").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["sectors"] == ["trade", "energy"]


def test_csv_and_tsv_rows_end_in_a_newline_and_hold_every_cell() -> None:
    text = written("csv")
    assert "\r" not in text and text.endswith("\n")
    header, row = list(csv.reader(io.StringIO(text)))
    assert header == KEYS
    assert row == ["x-1", "2022-02-01", "month", "a | b \\ c\td", "trade; energy", "20"]
    header, row = [line.split("\t") for line in written("tsv").splitlines()]
    assert header == KEYS
    assert row == ["x-1", "2022-02-01", "month", "a | b \\ c d", "trade; energy", "20"]


def test_a_pipe_gets_tsv_by_default(run) -> None:  # noqa: ANN001
    out = run("sources").out.splitlines()
    assert out[0].split("\t") == ["id", "file", "publisher", "title", "published",
                                  "published_precision", "published_basis", "url", "facts"]
