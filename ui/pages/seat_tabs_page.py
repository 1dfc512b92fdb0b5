"""A page of tabs worked by whoever is at the seat: the person chosen (or logged in) at the top,
the tabs below, each built as `Tab(database, current_staff, parent)` and told when the person
changes (`staff_changed`). What a tab may do follows that person's role, checked again in app/
when it is done. The 社会监督 and 录音质检 pages are such pages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.staff import StaffMember
from db.database import Database
from ui.pages.page import Page
from ui.seat_user import SeatUser


class SeatTabsPage(Page):
    TABS: tuple[tuple[type[QWidget], str], ...] = ()  # (tab class, title in CONTEXT)
    CONTEXT = ""  # the translation context of the titles

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.staff: StaffMember | None = None
        self._loaded = False
        self.seat = SeatUser(self.database, self)
        self.seat.chosen.connect(self._set_staff)
        self.tabs = QTabWidget()
        self.seat_tabs: list[QWidget] = []
        for tab_class, title in self.TABS:
            tab = tab_class(self.database, self.current_staff, self)
            if hasattr(tab, "data_changed"):  # a tab whose records count in the status bar
                tab.data_changed.connect(self.data_changed)
            self.seat_tabs.append(tab)
            self.tabs.addTab(tab, QCoreApplication.translate(self.CONTEXT, title))
        layout = QVBoxLayout(self)
        layout.addWidget(self.seat)
        layout.addWidget(self.tabs, 1)

    def current_staff(self) -> StaffMember | None:
        """Who is at the seat, for the tabs (they are given this method)."""
        return self.staff

    def hint(self, person: StaffMember | None) -> str:
        """What the person at the seat may do here, shown beside their name."""
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.seat.load()

    def _set_staff(self, person: StaffMember | None) -> None:
        self.staff = person
        self.seat.hint.setText(self.hint(person))
        for tab in self.seat_tabs:
            tab.staff_changed()
