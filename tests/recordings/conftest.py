"""Fixtures of the recordings tests: cheap password hashes, and a case with a recorded call."""

from __future__ import annotations

import pytest

from tests.users.conftest import cheap_hashes  # noqa: F401  (the fixture, autouse)

from .helpers import World, world


@pytest.fixture
def people(any_db) -> World:
    return world(any_db)


@pytest.fixture
def sqlite_people(sqlite_db) -> World:
    return world(sqlite_db)
