"""What every page of the main window is: a widget over the database that may change its data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from db.database import Database
from ui.shortcuts import shortcuts


class Page(QWidget):
    # The page stored something: the window refreshes what it shows of the database.
    data_changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database

    def add_window_shortcuts(
        self, bindings: list[tuple[QKeySequence | str, Callable[[], None]]]
    ) -> list[QShortcut]:
        """Shortcuts that work wherever the focus is, while this page is the one shown."""
        return shortcuts(self, bindings)
