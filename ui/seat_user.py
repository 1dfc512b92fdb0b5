"""Who is at the seat, for the pages whose actions go by role (督办看板, 社会监督): the person
logged in, or — where nobody logs in — a name chosen from the staff and remembered at the seat."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget
from sqlalchemy.orm import Session

from app.roles import role_label
from app.staff import StaffMember
from db.database import Database
from ui.current_user import current_staff, logged_in, save_user_name, staff_choices
from ui.name_combo import name_combo
from ui.operations import Progress, operation


@dataclass
class Users:
    choices: list[StaffMember]
    current: StaffMember | None


class SeatUser(QWidget):
    """当前用户 with its choice and a hint beside it; `chosen` says who (None: nobody)."""

    chosen = Signal(object)  # StaffMember | None

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.combo = name_combo(14)
        self.combo.activated.connect(self._picked)
        label = QLabel(self.tr("当前用户(&Y)："))
        label.setBuddy(self.combo)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555555;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addSpacing(12)
        layout.addWidget(self.hint, 1)

    def load(self) -> None:
        def load(session: Session, _progress: Progress) -> Users:
            return Users(staff_choices(session), current_staff(session))

        operation(self, self.database, load).on_success(self._show).run()

    def _show(self, users: Users) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("（请选择）"), None)
        for person in users.choices:
            self.combo.addItem(f"{person.name}（{role_label(person.role)}）", person)
        chosen = 0
        if users.current is not None:
            chosen = next(
                (
                    number
                    for number in range(1, self.combo.count())
                    if self.combo.itemData(number).id == users.current.id
                ),
                0,
            )
        self.combo.setCurrentIndex(chosen)
        self.combo.blockSignals(False)
        # Whoever logged in is the user for this run: no choosing another name.
        self.combo.setEnabled(logged_in() is None)
        self.combo.setToolTip(self.tr("已登录") if logged_in() is not None else "")
        self.chosen.emit(users.current if chosen else None)

    def _picked(self, index: int) -> None:
        person = self.combo.itemData(index)
        save_user_name(person.name if person is not None else None)
        self.chosen.emit(person)
