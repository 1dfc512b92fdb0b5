"""Fixtures of the users, roles, audit and retention tests: nobody logged in between tests, and
the GUI tests' preferences kept out of the user's own settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import app.users
from app import i18n
from ui.current_user import log_in_as
from ui.garbage import collect_on_gui_thread


@pytest.fixture(scope="session", autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("user-settings")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(scope="session")
def gui_thread_garbage_collection(qapp: QApplication) -> None:
    """As the app does: no collection in worker threads, where it can free Qt objects."""
    collect_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def chinese_messages() -> None:
    """app/'s messages in Chinese, whatever a test before switched to."""
    i18n.set_language("zh")


@pytest.fixture(autouse=True)
def nobody_logged_in() -> Iterator[None]:
    """A test that logs somebody in leaves nobody logged in for the next one."""
    log_in_as(None)
    yield
    log_in_as(None)


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app hashes at RFC 9106's cost (~0.7 s here, see test_passwords); what the tests
    check does not depend on it."""
    monkeypatch.setattr(
        app.users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
