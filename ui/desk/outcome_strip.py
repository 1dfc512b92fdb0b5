"""The strip for a call that did not complete: F4 opens it, one letter names the outcome.

An outcome that needs nothing else is recorded at once; one that needs a note or an appointment
time puts the focus there, and Enter records it. Esc closes the strip without recording.
A failure the telephone reported (app.telephony.proposed_outcome) opens the strip with its
outcome proposed: Enter records it, another letter chooses another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.calendar import WorkingCalendar
from app.clock import local_now
from app.desk.appointment_text import describe, parse_appointment
from app.desk.outcomes import APPOINTMENT, COMPLETED, OutcomeRow
from app.desk.retries import CallingHours
from app.errors import Refused
from app.i18n import pick
from app.zone import LOCAL_ZONE
from ui.desk.display import ACCENT, ERROR_COLOR
from ui.desk.flow_layout import FlowLayout

STYLE = f"""
OutcomeStrip {{ background: #fff4e0; border: 2px solid #e5a50a; border-radius: 6px; }}
OutcomeStrip:focus {{ border-color: {ACCENT}; }}
OutcomeStrip QPushButton {{
    border: 1px solid #9a9a9a; border-radius: 4px; padding: 4px 6px; background: #fafafa;
}}
OutcomeStrip QPushButton:checked {{ background: {ACCENT}; border-color: {ACCENT}; color: white; }}
OutcomeStrip QLineEdit:focus {{ border: 2px solid {ACCENT}; }}
"""


@dataclass(frozen=True)
class FailedCall:
    outcome: str
    note: str | None
    appointment_at: datetime | None
    same_operator: bool


class OutcomeStrip(QFrame):
    record_requested = Signal(object)  # FailedCall
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.outcomes: list[OutcomeRow] = []
        self.chosen: OutcomeRow | None = None
        self.hours: CallingHours | None = None
        self.calendar: WorkingCalendar | None = None

        self.title_text = self.tr("通话未完成：按结果的字母键（Esc 取消）")
        self.title = QLabel(self.title_text)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(lambda number: self.choose(self.outcomes[number]))
        self.buttons_layout = FlowLayout()

        self.note_edit = QLineEdit()
        self.note_label = QLabel(self.tr("备注："))
        self.note_label.setBuddy(self.note_edit)

        # Typed as people say it (app.desk.appointment_text); what it means shows beside it.
        self.appointment_edit = QLineEdit()
        self.appointment_edit.setPlaceholderText(self.tr("如 m1030、明天 10:30、12-08 10:30"))
        self.appointment_edit.setToolTip(
            self.tr(
                "可写：10:30、明天 10:30、后天、周五 15:00、下周一上午、12-08 10:30、"
                "2026-12-08 10:30、202612081030。\n"
                "快捷写法：j 今天、m 明天、h 后天、z1…z7 本周一…日、x1…x7 下周一…日，"
                "如 m1030 = 明天 10:30。"
            )
        )
        self.appointment_edit.textChanged.connect(self.show_appointment)
        self.appointment_preview = QLabel()
        for field in (self.note_edit, self.appointment_edit):
            field.installEventFilter(self)  # Enter in either records the call
        self.same_operator_check = QCheckBox(self.tr("由我本人回访"))
        self.same_operator_check.setToolTip(self.tr("勾选后，预约的电话只派给同一回访员"))
        self.appointment_row = QWidget()
        appointment_layout = QHBoxLayout(self.appointment_row)
        appointment_layout.setContentsMargins(0, 0, 0, 0)
        appointment_label = QLabel(self.tr("预约时间："))
        appointment_label.setBuddy(self.appointment_edit)
        appointment_layout.addWidget(appointment_label)
        appointment_layout.addWidget(self.appointment_edit)
        appointment_layout.addWidget(self.appointment_preview, 1)
        appointment_layout.addWidget(self.same_operator_check)
        appointment_layout.addStretch(1)

        self.error_label = QLabel()
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.record_button = QPushButton(self.tr("记录并下一件 (Enter)"))
        self.record_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.record_button.clicked.connect(self.record)
        self.cancel_button = QPushButton(self.tr("取消 (Esc)"))
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.close_strip)

        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(self.buttons_layout)
        layout.addLayout(note_row)
        layout.addWidget(self.appointment_row)
        layout.addLayout(buttons)
        self._show_choice()

    def set_outcomes(self, outcomes: list[OutcomeRow]) -> None:
        """The outcomes of a failed call, in their order; each button shows its key."""
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()
        # A completed call is Form A's, not the strip's.
        self.outcomes = [o for o in outcomes if o.active and o.key and o.code != COMPLETED]
        for number, outcome in enumerate(self.outcomes):
            button = QPushButton(f"{self.outcome_title(outcome)} ({outcome.key.upper()})")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if outcome.note_required:
                button.setToolTip(self.tr("需要填写备注"))
            self.group.addButton(button, number)
            self.buttons_layout.addWidget(button)

    @staticmethod
    def outcome_title(outcome: OutcomeRow) -> str:
        return pick(outcome.label, outcome.label_en)

    def outcome(self, code: str) -> OutcomeRow | None:
        return next((o for o in self.outcomes if o.code == code), None)

    def title_of(self, code: str) -> str:
        outcome = self.outcome(code)
        return self.outcome_title(outcome) if outcome else code

    def set_calling_hours(self, hours: CallingHours, calendar: WorkingCalendar) -> None:
        """What an appointment is checked against: the calling hours and working days."""
        self.hours, self.calendar = hours, calendar

    def open(self, default_appointment: datetime) -> None:
        self.chosen = None
        self.title.setText(self.title_text)
        self.note_edit.clear()
        self.same_operator_check.setChecked(False)
        # Proposed, selected: typing replaces it.
        self.appointment_edit.setText(
            f"{default_appointment.astimezone(LOCAL_ZONE):%Y-%m-%d %H:%M}"
        )
        self.appointment_edit.selectAll()
        self.hide_error()
        self._show_choice()
        self.show()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_strip(self) -> None:
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.record()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_strip()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.chosen is not None:
            self.record()
            return
        text = event.text().upper()
        for outcome in self.outcomes:
            if text and text == outcome.key.upper():
                self.choose(outcome)
                return
        super().keyPressEvent(event)

    def propose(self, code: str, reason: str) -> None:
        """The outcome the telephone's report means, chosen but not recorded: Enter records it."""
        outcome = self.outcome(code)
        if outcome is None:
            return
        self.chosen = outcome
        self.hide_error()
        self._show_choice()
        self.title.setText(
            self.tr("电话报告：{reason} → {outcome}。按 Enter 确认，或按其他结果的字母键。").format(
                reason=reason, outcome=self.outcome_title(outcome)
            )
        )
        if outcome.note_required:
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, outcome: OutcomeRow) -> None:
        self.chosen = outcome
        self.hide_error()
        self._show_choice()
        if outcome.code == APPOINTMENT:
            self.appointment_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif outcome.note_required:
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.record()

    def _show_choice(self) -> None:
        chosen = self.outcomes.index(self.chosen) if self.chosen in self.outcomes else -1
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == chosen)
        required = self.chosen is not None and self.chosen.note_required
        self.note_label.setText(self.tr("备注（必填）：") if required else self.tr("备注："))
        self.note_edit.setPlaceholderText(
            self.tr("例如：对方说明的原因") if required else self.tr("可不填")
        )
        self.appointment_row.setVisible(self.chosen is not None and self.chosen.code == APPOINTMENT)

    def record(self) -> None:
        if self.chosen is None:
            self.show_error(self.tr("请先按字母键选择通话结果。"))
            return
        note = self.note_edit.text().strip() or None
        if self.chosen.note_required and note is None:
            self.show_error(
                self.tr("“{outcome}”需要填写备注。").format(outcome=self.outcome_title(self.chosen))
            )
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        appointment = None
        if self.chosen.code == APPOINTMENT:
            try:
                appointment = self.appointment()
            except Refused as refused:
                self.show_error(str(refused))
                self.appointment_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.record_requested.emit(
            FailedCall(self.chosen.code, note, appointment, self.same_operator_check.isChecked())
        )

    def appointment(self) -> datetime:
        """The typed appointment, resolved and checked; a Refused says why it cannot be."""
        if self.hours is None or self.calendar is None:
            raise Refused(pick("回访时段尚未读取，请稍候", "The calling hours are still loading"))
        return parse_appointment(
            self.appointment_edit.text(), local_now(), self.hours, self.calendar
        )

    def show_appointment(self) -> None:
        """The date, weekday and time the typed text means, or why it cannot be taken."""
        try:
            at = self.appointment()
        except Refused as refused:
            self.appointment_preview.setText(str(refused))
            self.appointment_preview.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        self.appointment_preview.setText("→ " + describe(at))
        self.appointment_preview.setStyleSheet("font-weight: bold;")

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def hide_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
