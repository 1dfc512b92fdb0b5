"""社会监督 (social supervision, W 7.1.3 and 7.2): who is at the seat, then the outlet's other
supervision beside the phone revisits — the satisfaction surveys (附录 E), the suggestion box and
book, the outlet assessment (附录 G) and commendations (J 5.5).

Each tab is built as `Tab(database, current_staff, parent)`; what it may do follows the role of
the person at the seat, checked again in app/ when it is done.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.roles import Permission
from app.staff import StaffMember
from db.database import Database
from ui.pages.page import Page
from ui.seat_user import SeatUser
from ui.supervision.assessment_tab import AssessmentTab
from ui.supervision.commendations_tab import CommendationsTab
from ui.supervision.suggestion_box_tab import SuggestionBoxTab
from ui.supervision.surveys_tab import SurveysTab

TABS = (
    (SurveysTab, QT_TRANSLATE_NOOP("SupervisionPage", "满意度调查")),
    (SuggestionBoxTab, QT_TRANSLATE_NOOP("SupervisionPage", "意见箱（簿）")),
    (AssessmentTab, QT_TRANSLATE_NOOP("SupervisionPage", "网点考核")),
    (CommendationsTab, QT_TRANSLATE_NOOP("SupervisionPage", "表扬")),
)


class SupervisionPage(Page):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.staff: StaffMember | None = None
        self._loaded = False
        self.seat = SeatUser(self.database, self)
        self.seat.chosen.connect(self._set_staff)
        self.tabs = QTabWidget()
        self.supervision_tabs: list[QWidget] = []
        for tab_class, title in TABS:
            tab = tab_class(self.database, self.current_staff, self)
            tab.data_changed.connect(self.data_changed)
            self.supervision_tabs.append(tab)
            self.tabs.addTab(tab, QCoreApplication.translate("SupervisionPage", title))
        layout = QVBoxLayout(self)
        layout.addWidget(self.seat)
        layout.addWidget(self.tabs, 1)

    def current_staff(self) -> StaffMember | None:
        """Who is at the seat, for the tabs (they are given this method)."""
        return self.staff

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.seat.load()

    def _set_staff(self, person: StaffMember | None) -> None:
        self.staff = person
        if person is None:
            self.seat.hint.setText(self.tr("请选择您的姓名：录入和考核按您的角色办理。"))
        elif person.may(Permission.ASSESS_OUTLETS):
            self.seat.hint.setText(self.tr("可录入调查表、意见条和表扬，并考核网点、评选先进。"))
        elif person.may(Permission.RECORD_FEEDBACK):
            self.seat.hint.setText(
                self.tr("可录入调查表、意见箱检查、意见条和表扬；网点考核须由组长办理。")
            )
        else:
            self.seat.hint.setText(self.tr("可查看；录入和考核须由回访员、组长或管理员办理。"))
        for tab in self.supervision_tabs:
            tab.staff_changed()
