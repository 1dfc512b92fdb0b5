"""Fixtures of the GUI tests: the real main window on a fresh database, in Chinese, offscreen."""

from __future__ import annotations

import os

# Before Qt loads: pytest-qt aborts without a display unless Qt draws offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from db.database import Database
from ui import operations
from ui.main_window import MainWindow
from ui.pages.import_page import ImportPage

from .helpers import Rows, read_csv


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database) -> Iterator[MainWindow]:
    """The main window on a fresh SQLite file (tests/conftest.py's sqlite_db)."""
    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not operations.busy())  # the status bar has counted the rows
    yield window
    operations.cancel_and_wait()  # e.g. the status bar's count after an import
    # Deleted, not only closed: its children hold it (the idle lock), so a closed window would
    # stay among the application's top-level widgets until the collector happened to free it.
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def page(window: MainWindow) -> ImportPage:
    (page,) = [p for p in window.pages if isinstance(p, ImportPage)]
    window.navigation.setCurrentRow(window.pages.index(page))
    return page


@pytest.fixture
def sample_cases(samples: Path) -> Path:
    return samples / "cases_2026q3.csv"


@pytest.fixture
def case_rows(sample_cases: Path) -> Rows:
    """The sample export of cases, header first."""
    return read_csv(sample_cases)
