"""What every page of the main window is: a widget over the database that may change its data."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from db.database import Database


class Page(QWidget):
    # The page stored something: the window refreshes what it shows of the database.
    data_changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
