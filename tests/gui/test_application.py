"""Starting the interface: the QApplication's set-up, the language, the main window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db.database import Database
from ui import preferences
from ui.application import run
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


def test_run_shows_the_main_window_until_it_is_closed(sqlite_db: Database) -> None:
    preferences.save_language("zh")
    assert run_and_look(sqlite_db) == (0, ["回访工作台", f"数据库：{sqlite_db.display_url()}"])
    assert QApplication.applicationName() == "RevisitDesk"


def test_the_language_given_overrides_the_saved_one_without_saving_it(
    sqlite_db: Database,
) -> None:
    preferences.save_language("zh")
    assert run_and_look(sqlite_db, "en") == (
        0,
        ["Call desk", f"Database: {sqlite_db.display_url()}"],
    )
    assert preferences.saved_language() == "zh"
