"""Random queries and option values: never a traceback, always a valid exit code."""

from __future__ import annotations

from conftest import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
SAFE = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_clean(result: Result) -> None:
    assert result.code in (0, 1, 2)
    assert "Traceback" not in result.err and "internal error" not in result.err
    if result.code == 2:
        assert result.err.count("\n") >= 1 and result.err.startswith("kzru: ")


@SAFE
@given(query=WORDS, fmt=st.sampled_from(["json", "tsv", "table", "csv", "md", "jsonl"]),
       exact=st.booleans())
def test_random_search_queries(run, query: str, fmt: str, exact: bool) -> None:
    args = ["search", "--format", fmt, "--", query]
    if exact:
        args.insert(1, "--exact")
    assert_clean(run(*args))


@SAFE
@given(option=st.sampled_from(["--sector", "--year", "--event", "--status", "--kind",
                               "--limit"]), value=WORDS,
       command=st.sampled_from(["facts", "search"]))
def test_random_filter_values(run, option: str, value: str, command: str) -> None:
    args = [command, *(["атом"] if command == "search" else []), option, value]
    assert_clean(run(*args))


@SAFE
@given(value=WORDS, command=st.sampled_from(["show", "sectors", "timeline"]))
def test_random_arguments(run, value: str, command: str) -> None:
    assert_clean(run(command, "--", value))
