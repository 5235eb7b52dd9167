"""The bundled table, its index and a query reader, for the modules that test how a query is
read and matched (imported by them as fixtures; one copy, module-scoped in each)."""

from __future__ import annotations

from datetime import date

import pytest

from kzru.aliases import alias_table
from kzru.index import open_index
from kzru.store import bundled_data_dir, load
from kzru.understand import read


@pytest.fixture(scope="module")
def data():  # noqa: ANN201
    return load(bundled_data_dir())


@pytest.fixture(scope="module")
def index():  # noqa: ANN201
    folder = bundled_data_dir()
    return open_index(folder, lambda: load(folder))


@pytest.fixture(scope="module")
def reader(data):  # noqa: ANN001, ANN201
    """read(query) as search reads it, on a fixed day (2025-06-01) so relative dates hold."""
    aliases = alias_table(data.glossary.values())

    def run(query: str):  # noqa: ANN202
        return read(query, aliases, data.events.values(), data.sectors.values(),
                    data.glossary.values(), today=date(2025, 6, 1))

    return run
