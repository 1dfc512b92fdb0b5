"""Fixtures for the scanning tests: a database with cases to file pages to."""

from __future__ import annotations

import pytest

from .helpers import make_cases


@pytest.fixture
def cases(any_db) -> dict[str, int]:
    with any_db.sessions.begin() as session:
        return make_cases(session)


@pytest.fixture
def sqlite_cases(sqlite_db) -> dict[str, int]:
    with sqlite_db.sessions.begin() as session:
        return make_cases(session)
