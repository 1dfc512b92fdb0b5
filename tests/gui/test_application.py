"""Starting the interface: the QApplication's set-up, the language, the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.database_info import is_new_installation
from db.database import Database
from db.models import Unit
from ui import preferences
from ui.application import run
from ui.first_run.setup_wizard import SetupWizard
from ui.main_window import MainWindow


def run_and_look(database: Database, language: str | None = None) -> tuple[int, list[str]]:
    """Run the interface; once its window shows, note its texts and close it."""
    seen: list[str] = []

    def look_and_close() -> None:
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        seen.extend([window.navigation.item(0).text(), window.status.url_label.text()])
        window.close()
        window.deleteLater()

    QTimer.singleShot(0, look_and_close)
    return run(database, language), seen


@pytest.fixture
def in_use(sqlite_db: Database) -> Database:
    """A database past its first run: it has a unit."""
    with sqlite_db.sessions.begin() as session:
        session.add(Unit(name="历下区不动产登记中心"))
    return sqlite_db


def test_run_shows_the_main_window_until_it_is_closed(in_use: Database) -> None:
    preferences.save_language("zh")
    assert run_and_look(in_use) == (0, ["回访工作台", f"数据库：{in_use.display_url()}"])
    assert QApplication.applicationName() == "RevisitDesk"


def test_the_language_given_overrides_the_saved_one_without_saving_it(in_use: Database) -> None:
    preferences.save_language("zh")
    assert run_and_look(in_use, "en") == (
        0,
        ["Call desk", f"Database: {in_use.display_url()}"],
    )
    assert preferences.saved_language() == "zh"


def test_a_new_database_starts_with_the_set_up_and_cancelling_it_quits(sqlite_db: Database):
    seen: list[str] = []

    def cancel_the_set_up() -> None:
        (wizard,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWizard)]
        seen.append(wizard.windowTitle())
        wizard.reject()

    QTimer.singleShot(0, cancel_the_set_up)
    assert run(sqlite_db) == 0
    assert seen == ["回访台 — 首次设置"]
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    with sqlite_db.sessions() as session:
        assert is_new_installation(session)
