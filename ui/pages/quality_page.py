"""录音质检 (W 7.1.2 电子监察 and spot checks): who is at the seat, then quality inspection of the
calls — a team lead's sample, listening and scoring (质检), an operator's own scored calls, the
scorecard — and the call recordings that wait in the tray for a call to be filed to.

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
from ui.quality.inspection_tab import InspectionTab
from ui.quality.my_scores_tab import MyScoresTab
from ui.quality.scorecard_tab import ScorecardTab
from ui.recordings.tray_tab import RecordingsTab
from ui.seat_user import SeatUser

TABS = (
    (InspectionTab, QT_TRANSLATE_NOOP("QualityPage", "质检抽样与评分")),
    (MyScoresTab, QT_TRANSLATE_NOOP("QualityPage", "我的质检结果")),
    (ScorecardTab, QT_TRANSLATE_NOOP("QualityPage", "质检评分表")),
    (RecordingsTab, QT_TRANSLATE_NOOP("QualityPage", "通话录音")),
)


class QualityPage(Page):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.staff: StaffMember | None = None
        self._loaded = False
        self.seat = SeatUser(self.database, self)
        self.seat.chosen.connect(self._set_staff)
        self.tabs = QTabWidget()
        self.quality_tabs: list[QWidget] = []
        for tab_class, title in TABS:
            tab = tab_class(self.database, self.current_staff, self)
            self.quality_tabs.append(tab)
            self.tabs.addTab(tab, QCoreApplication.translate("QualityPage", title))
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
            self.seat.hint.setText(self.tr("请选择您的姓名：质检按您的角色办理。"))
        elif person.may(Permission.INSPECT_QUALITY):
            self.seat.hint.setText(
                self.tr("可抽取通话、收听录音并评分，修改质检评分表，归档未匹配的录音。")
            )
        else:
            self.seat.hint.setText(
                self.tr("可查看本人的质检结果和导入录音；抽样评分须由组长或管理员办理。")
            )
        for tab in self.quality_tabs:
            tab.staff_changed()
