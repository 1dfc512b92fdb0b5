"""The team lead's board (督办看板): who is at the seat, then the tabs of the lead's work —
待办 (unresolved dissatisfaction and complaints), 投诉, 整改措施, 单位反馈, 人员考核 and, for
team leads and administrators only, 廉洁反映.

The tabs other than 待办 and 廉洁反映 come from ui.complaints and ui.feedback; each is built as
`Tab(database, current_staff, parent)` with a `data_changed` signal.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app.roles import Permission, role_label
from app.staff import StaffMember
from db.database import Database
from ui.board.board_tab import BoardTab
from ui.board.integrity_tab import IntegrityTab
from ui.complaints.capa_tab import CapaTab
from ui.complaints.complaints_tab import ComplaintsTab
from ui.current_user import current_staff, logged_in, save_user_name, staff_choices
from ui.feedback.assessment_tab import AssessmentTab
from ui.feedback.unit_feedback_tab import UnitFeedbackTab
from ui.name_combo import name_combo
from ui.operations import Progress, operation
from ui.pages.page import Page

# (tab class, title): the tabs the other parts of the lead's work bring.
OTHER_TABS = (
    (ComplaintsTab, QT_TRANSLATE_NOOP("BoardPage", "投诉")),
    (CapaTab, QT_TRANSLATE_NOOP("BoardPage", "整改措施")),
    (UnitFeedbackTab, QT_TRANSLATE_NOOP("BoardPage", "单位反馈")),
    (AssessmentTab, QT_TRANSLATE_NOOP("BoardPage", "人员考核")),
)


@dataclass
class Users:
    choices: list[StaffMember]
    current: StaffMember | None


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
        self.user_combo = name_combo(14)
        self.user_combo.activated.connect(self._user_chosen)
        user_label = QLabel(self.tr("当前用户(&Y)："))
        user_label.setBuddy(self.user_combo)
        self.user_hint = QLabel()
        self.user_hint.setStyleSheet("color: #555555;")
        top = QHBoxLayout()
        top.addWidget(user_label)
        top.addWidget(self.user_combo)
        top.addSpacing(12)
        top.addWidget(self.user_hint, 1)

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
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.load_users()
        else:
            self.board_tab.refresh()

    def load_users(self) -> None:
        def load(session: Session, _progress: Progress) -> Users:
            return Users(staff_choices(session), current_staff(session))

        operation(self, self.database, load).on_success(self._show_users).run()

    def _show_users(self, users: Users) -> None:
        self.user_combo.blockSignals(True)
        self.user_combo.clear()
        self.user_combo.addItem(self.tr("（请选择）"), None)
        for person in users.choices:
            self.user_combo.addItem(f"{person.name}（{role_label(person.role)}）", person)
        chosen = 0
        if users.current is not None:
            chosen = next(
                (
                    number
                    for number in range(1, self.user_combo.count())
                    if self.user_combo.itemData(number).id == users.current.id
                ),
                0,
            )
        self.user_combo.setCurrentIndex(chosen)
        self.user_combo.blockSignals(False)
        # Whoever logged in is the user for this run: no choosing another name.
        self.user_combo.setEnabled(logged_in() is None)
        self.user_combo.setToolTip(self.tr("已登录") if logged_in() is not None else "")
        self._set_staff(users.current if chosen else None)

    def _user_chosen(self, index: int) -> None:
        person = self.user_combo.itemData(index)
        save_user_name(person.name if person is not None else None)
        self._set_staff(person)

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
