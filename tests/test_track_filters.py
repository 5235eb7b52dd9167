"""track takes the fact filters every listing takes (issue 17.12, "on every listing where they
make sense"), with the same meaning: an item is listed when its fact passes the filter that
`kzru facts` applies with the same options."""

from __future__ import annotations

import json

import pytest

FILTERS = [
    ("--event", "moscow-2025"), ("--kind", "document"), ("--source", "a001"),
    ("--speaker", "Токаев"), ("--place", "Москва"), ("--until", "2024-11"),
    ("--since", "2024"), ("--year", "2022"), ("--sector", "образование"),
]


def ids(run, *args: str) -> list[str]:
    done = run(*args, "--format", "json")
    assert done.code in (0, 1), done.err
    return [row["id"] for row in json.loads(done.out)] if done.out.strip() else []


@pytest.mark.parametrize("option,value", FILTERS, ids=lambda v: v)
def test_a_fact_filter_means_in_track_what_it_means_in_facts(run, option, value) -> None:
    tracked = ids(run, "track", "--limit", "0")
    passing = set(ids(run, "facts", option, value))
    expected = [fact_id for fact_id in tracked if fact_id in passing]
    assert expected, (option, value)  # the bundled table has such items
    assert ids(run, "track", option, value) == expected


def test_track_filters_combine_and_repeat(run) -> None:
    tracked = ids(run, "track")
    education = set(ids(run, "facts", "--sector", "education"))
    either = set(ids(run, "facts", "--event", "moscow-2025")) | \
        set(ids(run, "facts", "--event", "astana-2024"))
    expected = [i for i in tracked if i in education and i in either]
    assert expected
    assert ids(run, "track", "--sector", "education", "--event", "moscow-2025", "--event",
               "astana-2024") == expected


def test_a_reversed_range_is_a_usage_error_in_track_too(run) -> None:
    done = run("track", "--since", "2025", "--until", "2024")
    assert done.code == 2 and "--since 2025 is after --until 2024" in done.err


def test_track_query_completes_event_ids() -> None:
    import os
    import subprocess

    from conftest import kzru_command

    words = "kzru track 2025-11-st"
    env = {**os.environ, "_KZRU_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": "2"}
    done = subprocess.run(kzru_command(), capture_output=True, text=True, env=env)
    assert "2025-11-state-visit-moscow" in done.stdout.split(), done.stdout
