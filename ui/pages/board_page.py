"""The team lead's board (督办看板): who is at the seat, then the tabs of the lead's work —
待办 (unresolved dissatisfaction and complaints), 投诉, 整改措施, 单位反馈, 人员考核 and, for
team leads and administrators only, 廉洁反映.

The tabs other than 待办 and 廉洁反映 come from ui.complaints and ui.feedback; each is built as
`Tab(database, current_staff, parent)` with a `data_changed` signal.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.roles import Permission
from app.staff import StaffMember
from db.database import Database
from ui.board.board_tab import BoardTab
from ui.board.integrity_tab import IntegrityTab
from ui.complaints.capa_tab import CapaTab
from ui.complaints.complaints_tab import ComplaintsTab
from ui.feedback.assessment_tab import AssessmentTab
from ui.feedback.unit_feedback_tab import UnitFeedbackTab
from ui.pages.page import Page
from ui.seat_user import SeatUser

# (tab class, title): the tabs the other parts of the lead's work bring.
OTHER_TABS = (
    (ComplaintsTab, QT_TRANSLATE_NOOP("BoardPage", "投诉")),
    (CapaTab, QT_TRANSLATE_NOOP("BoardPage", "整改措施")),
    (UnitFeedbackTab, QT_TRANSLATE_NOOP("BoardPage", "单位反馈")),
    (AssessmentTab, QT_TRANSLATE_NOOP("BoardPage", "人员考核")),
)


class BoardPage(Page):
    user_changed = Signal(object)  # StaffMember | None

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.staff: StaffMember | None = None
        self._loaded = False
        self._build()

    def current_staff(self) -> StaffMember | None:
        """Who is at the seat, for the tabs (they are given this method)."""
        return self.staff

    def _build(self) -> None:
        self.seat = SeatUser(self.database, self)
        self.seat.chosen.connect(self._set_staff)
        self.user_combo = self.seat.combo
        self.user_hint = self.seat.hint

        self.tabs = QTabWidget()
        self.board_tab = BoardTab(self.database, self.current_staff, self)
        self.board_tab.data_changed.connect(self.data_changed)
        self.tabs.addTab(self.board_tab, self.tr("待办"))
        self.other_tabs: list[QWidget] = []
        for tab_class, title in OTHER_TABS:
            tab = tab_class(self.database, self.current_staff, self)
            tab.data_changed.connect(self.data_changed)
            tab.data_changed.connect(self.board_tab.refresh)
            self.other_tabs.append(tab)
            self.tabs.addTab(tab, QCoreApplication.translate("BoardPage", title))
        self.integrity_tab = IntegrityTab(self.database, self.current_staff, self)
        self.integrity_tab.data_changed.connect(self.data_changed)
        self.integrity_index = self.tabs.addTab(self.integrity_tab, self.tr("廉洁反映"))
        self.tabs.setTabVisible(self.integrity_index, False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.seat)
        layout.addWidget(self.tabs, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.load_users()
        else:
            self.board_tab.refresh()

    def load_users(self) -> None:
        self.seat.load()

    def _set_staff(self, person: StaffMember | None) -> None:
        self.staff = person
        sees_integrity = person is not None and person.may(Permission.SEE_INTEGRITY)
        if not sees_integrity and self.tabs.currentWidget() is self.integrity_tab:
            self.tabs.setCurrentWidget(self.board_tab)
        self.tabs.setTabVisible(self.integrity_index, sees_integrity)
        if sees_integrity:
            self.integrity_tab.refresh()
        else:
            self.integrity_tab.model.show_rows([])
        if person is None:
            self.user_hint.setText(self.tr("请选择您的姓名：分派、关闭等操作按您的角色办理。"))
        elif person.may(Permission.LEAD_BOARD):
            self.user_hint.setText(
                self.tr("可分派、审批未解决关闭、重新打开，并查看廉洁纪律反映。")
            )
        else:
            self.user_hint.setText(
                self.tr("可记录联系、录入二次回访评价；分派和关闭须由组长办理。")
            )
        self.board_tab.staff_changed()
        self.board_tab.refresh()
        self.user_changed.emit(person)
