"""Fixtures of the users, roles, audit and retention tests: password hashes cheap to make."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

import app.users


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app hashes at RFC 9106's cost (~0.7 s here, see test_passwords); what the tests
    check does not depend on it."""
    monkeypatch.setattr(
        app.users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
