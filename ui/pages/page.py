"""What every page of the main window is: a widget over the database that may change its data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from db.database import Database


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
        shortcuts = []
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            shortcuts.append(shortcut)
        return shortcuts
