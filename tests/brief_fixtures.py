"""The bundled table and a brief's page and sections, for the modules that check briefs
against the readers' points (imported by them as fixtures; one copy, module-scoped in each)."""

from __future__ import annotations

import pytest

from kzru import store
from kzru.brief import build
from kzru.render_brief import markdown
from kzru.store import bundled_data_dir


@pytest.fixture(scope="module")
def table():  # noqa: ANN201
    return store.load(bundled_data_dir())


def page(table, event: str, lang: str = "en") -> str:  # noqa: ANN001
    """The event's brief as Markdown."""
    return markdown(build(table, event), table, lang)


def section(text: str, start: str) -> str:
    """The part of a page from a heading to the next second-level one."""
    return text.split(start, 1)[1].split("\n## ", 1)[0]
