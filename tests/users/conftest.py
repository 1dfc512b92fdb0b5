"""Fixtures of the users, roles, audit and retention tests: password hashes cheap to make."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

import app.keys.database_key
import app.users


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app hashes at RFC 9106's cost (~0.7 s here, see test_passwords); what the tests
    check does not depend on it."""
    monkeypatch.setattr(
        app.users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    # The wraps of an encrypted database's key (app.keys.database_key) keep their parameters:
    # unwrapping follows what each wrap says.
    monkeypatch.setattr(app.keys.database_key, "ARGON2_TIME", 1)
    monkeypatch.setattr(app.keys.database_key, "ARGON2_MEMORY_KIB", 1024)
