"""The claimed case: what Form A and the call need, the number to dial, and what came before.

Only the claimed case shows full numbers; the attempts listed under it show them masked.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.calendar import CalendarUnknownError, WorkingCalendar
from app.callbacks.board import overdue_days
from app.callbacks.contacts import MEANS
from app.clock import local_date, local_now
from app.desk.queue import AttemptView, CallbackView, EvaluationView, PhoneView, QueueItem
from app.phones import ParsedPhone, mask_phone
from ui.desk.display import ERROR_COLOR, channel_title, local_time, rating_title
from ui.desk.form_a import CATEGORY_TITLES

MUTED = "color: #555555;"


def phone_text(phone: PhoneView) -> str:
    """The full number as people read it: 0531-8612 3456, 138 1234 5678 转 801."""
    if phone.e164 is None:
        return phone.original
    return ParsedPhone(phone.original, phone.e164, phone.extension, None).display()


class CasePanel(QWidget):
    dial_requested = Signal()
    hang_up_requested = Signal()
    next_number_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: QueueItem | None = None
        # Outcome names in the interface's language, by code (else the domain's Chinese label).
        self.outcome_titles: dict[str, str] = {}
        # The working calendar, to count how late a second-round callback is (as the board does).
        self.calendar: WorkingCalendar | None = None

        self.case_no_label = self._value_label()
        self.case_no_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.kind_label = QLabel()
        self.kind_label.setStyleSheet(
            "background: #e3edfb; color: #1a5fb4; border-radius: 4px; padding: 2px 6px;"
        )
        self.business_type_label = self._value_label()
        self.unit_label = self._value_label()
        self.completed_on_label = self._value_label()
        self.applicant_label = self._value_label()
        self.applicant_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.location_label = self._value_label()

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_label)
        kind_row.addStretch(1)
        details = QFormLayout()
        details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        details.addRow(self.tr("业务编号："), self.case_no_label)
        details.addRow(self.tr("办理事项类型："), self.business_type_label)
        details.addRow(self.tr("受理单位："), self.unit_label)
        details.addRow(self.tr("办结日期："), self.completed_on_label)
        details.addRow(self.tr("申请人："), self.applicant_label)
        details.addRow(self.tr("座落："), self.location_label)

        # The number, the dial button and the call's time, together.
        self.phone_combo = QComboBox()
        self.phone_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.phone_combo.setStyleSheet("QComboBox { font-size: 15pt; font-weight: bold; }")
        self.phone_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.phone_count_label = QLabel()
        self.phone_count_label.setStyleSheet(MUTED)
        self.dial_button = QPushButton(self.tr("拨号 (Ctrl+D)"))
        self.dial_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dial_button.setStyleSheet("QPushButton { font-weight: bold; padding: 5px 12px; }")
        self.dial_button.clicked.connect(self.dial_requested)
        self.hang_up_button = QPushButton(self.tr("挂断 (F8)"))
        self.hang_up_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hang_up_button.clicked.connect(self.hang_up_requested)
        self.hang_up_button.hide()  # in the dial button's place while a call is on
        self.next_number_button = QPushButton(self.tr("下一个号码 (Ctrl+→)"))
        self.next_number_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_number_button.clicked.connect(self.next_number_requested)
        self.timer_label = QLabel("00:00")
        self.timer_label.setToolTip(self.tr("通话时长，从拨号开始计时"))
        self.timer_label.setAccessibleName(self.tr("通话时长"))
        self.timer_label.setStyleSheet(
            "font-size: 15pt; font-family: monospace; padding: 0 6px; color: #1a5fb4;"
        )
        # The call as the telephone reports it: 拨号中, 振铃, 通话中, 已挂断, 失败：486 Busy Here.
        self.call_state_label = QLabel()
        self.call_state_label.setWordWrap(True)  # a long SIP reason wraps, the number stays whole
        self.call_state_label.setAccessibleName(self.tr("通话状态"))
        self.call_state_label.hide()
        self.no_phone_label = QLabel(self.tr("这个件没有可拨打的号码。"))
        self.no_phone_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.no_phone_label.setWordWrap(True)

        phone_frame = QFrame()
        phone_frame.setObjectName("phone_frame")
        phone_frame.setStyleSheet(
            "QFrame#phone_frame { background: #f1f6fd; border: 1px solid #b9cde9;"
            " border-radius: 6px; }"
        )
        number_row = QHBoxLayout()
        number_row.addWidget(self.phone_combo, 1)
        number_row.addWidget(self.timer_label)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.dial_button)
        buttons_row.addWidget(self.hang_up_button)
        buttons_row.addWidget(self.next_number_button)
        buttons_row.addWidget(self.phone_count_label)
        buttons_row.addStretch(1)
        phone_layout = QVBoxLayout(phone_frame)
        phone_layout.setContentsMargins(8, 6, 8, 6)
        phone_layout.addLayout(number_row)
        phone_layout.addWidget(self.no_phone_label)
        # The call's state under the number, not beside it: the number stays whole on screen.
        phone_layout.addWidget(self.call_state_label)
        phone_layout.addLayout(buttons_row)

        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.RichText)
        self.history_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        history = self.history_scroll = QScrollArea()
        history.setWidgetResizable(True)
        history.setFrameShape(QFrame.Shape.NoFrame)
        history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        history.setWidget(self.history_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kind_row)
        layout.addLayout(details)
        layout.addWidget(phone_frame)
        layout.addWidget(history, 1)

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_item(self, item: QueueItem, kind_title: str) -> None:
        self.item = item
        self.case_no_label.setText(item.case_no)
        self.kind_label.setText(kind_title)
        self.kind_label.setVisible(bool(kind_title))
        self.business_type_label.setText(item.business_type or "—")
        self.unit_label.setText(item.unit or "—")
        self.completed_on_label.setText(item.completed_on.isoformat() if item.completed_on else "—")
        self.applicant_label.setText(item.applicant or "—")
        self.location_label.setText(item.location or "—")
        self.phone_combo.clear()
        for phone in item.phones:
            invalid = self.tr("（无效号码）") if phone.e164 is None else ""
            # A number marked do-not-call is shown as such and never dialled (app.desk.do_not_call).
            marked = self.tr("（免打扰，不可拨打）") if phone.do_not_call else ""
            self.phone_combo.addItem(phone_text(phone) + invalid + marked)
        has_phone = bool(item.phones)
        self.phone_combo.setVisible(has_phone)
        self.no_phone_label.setVisible(not has_phone)
        self.dial_button.setEnabled(has_phone)
        self.next_number_button.setEnabled(len(item.phones) > 1)
        self.show_phone(item.next_phone_index)
        self.history_label.setText(self._history(item))

    def show_phone(self, index: int) -> None:
        count = self.phone_combo.count()
        if count:
            self.phone_combo.setCurrentIndex(index % count)
            phones = self.item.phones if self.item is not None else []
            if index % count < len(phones):
                self.dial_button.setEnabled(not phones[index % count].do_not_call)
        self.phone_count_label.setText(
            self.tr("第 {n}/{count} 个号码").format(n=index % count + 1, count=count)
            if count > 1
            else ""
        )

    def set_calling(self, calling: bool) -> None:
        """While a call is on, 挂断 (F8) stands where 拨号 (Ctrl+D) was, and the other way round."""
        self.hang_up_button.setVisible(calling)
        self.dial_button.setVisible(not calling)

    def show_call_state(self, text: str, *, failed: bool = False) -> None:
        """The call's state beside its time; "" hides it."""
        color = ERROR_COLOR if failed else "#1a5fb4"
        self.call_state_label.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {color};")
        self.call_state_label.setText(text)
        self.call_state_label.setVisible(bool(text))

    def scroll_history(self, pages: int) -> None:
        """Scroll what came before by `pages` screens (PageUp/PageDown on the desk)."""
        bar = self.history_scroll.verticalScrollBar()
        bar.setValue(bar.value() + pages * bar.pageStep())

    def phone_index(self) -> int:
        return max(0, self.phone_combo.currentIndex())

    def current_phone(self) -> PhoneView | None:
        if self.item is None or not self.item.phones:
            return None
        return self.item.phones[self.phone_index()]

    def _history(self, item: QueueItem) -> str:
        """The calls and evaluations so far. Numbers are masked; 廉洁纪律 answers are left out:
        only the roles that handle them may see them (SPEC rule 7)."""
        calls_title = self.tr("回访记录")
        evaluations_title = self.tr("以往评价")
        calls = [self._attempt_line(a) for a in item.attempts] or [
            _muted(self.tr("还没有拨打过。"))
        ]
        evaluations = [self._evaluation_line(e) for e in item.evaluations] or [
            _muted(self.tr("没有评价。"))
        ]
        parts = [_heading(calls_title), *calls, "", _heading(evaluations_title), *evaluations]
        if item.callback is not None:
            parts = [*self._callback_lines(item.callback), "", *parts]
        return "<br>".join(parts)

    def _callback_lines(self, callback: CallbackView) -> list[str]:
        """What the second-round call is about: why the respondent was unhappy, and so far."""
        code = callback.reason_category or ""
        reason = (
            QCoreApplication.translate("FormA", CATEGORY_TITLES[code])
            if code in CATEGORY_TITLES
            else (code or "—")
        )
        lines = [
            _heading(self.tr("二次回访：不满意原因")),
            html.escape(
                self.tr("{reason}；期限 {due}").format(
                    reason=reason,
                    due=callback.due_on.isoformat() if callback.due_on else "—",
                )
            )
            + self._overdue(callback.due_on),
        ]
        if callback.words:
            lines.append(html.escape(self.tr("被回访人反映：{words}").format(words=callback.words)))
        for at, means, said in callback.contacts:
            lines.append(
                html.escape(f"{local_time(at, '%m-%d %H:%M')} {means_title(means)} {said}")
            )
        return lines

    def _overdue(self, due_on: date | None) -> str:
        """A past deadline marked as the board marks it: in red, with the working days late."""
        today = local_date(local_now())
        if due_on is None or due_on >= today:
            return ""
        try:
            days = overdue_days(self.calendar, today, due_on) if self.calendar else None
        except CalendarUnknownError:
            days = None
        text = (
            self.tr("已超期 {days} 个工作日").format(days=days)
            if days is not None
            else self.tr("已超期")
        )
        return f" <span style='color: {ERROR_COLOR}; font-weight: bold;'>{html.escape(text)}</span>"

    def _attempt_line(self, attempt: AttemptView) -> str:
        words = [
            html.escape(local_time(attempt.at, "%m-%d %H:%M")),
            f"<b>{html.escape(self.outcome_titles.get(attempt.outcome, attempt.outcome_label))}</b>",
            *(
                html.escape(word)
                for word in (attempt.operator, mask_phone(attempt.phone), attempt.note)
                if word
            ),
        ]
        return " · ".join(words)

    def _evaluation_line(self, evaluation: EvaluationView) -> str:
        line = self.tr(
            "{at} {channel} 第 {round} 轮：总体 {overall} · 效率 {efficiency} · 态度 {attitude}"
            " · 材料 {materials}"
        ).format(
            at=local_time(evaluation.at, "%Y-%m-%d"),
            channel=channel_title(evaluation.channel),
            round=evaluation.round,
            overall=rating_title(evaluation.overall),
            efficiency=rating_title(evaluation.efficiency),
            attitude=rating_title(evaluation.attitude),
            materials=rating_title(evaluation.materials),
        )
        if evaluation.suggestion:
            line += self.tr("；建议：{text}").format(text=evaluation.suggestion)
        return html.escape(line)


# app.callbacks.contacts.MEANS' labels, here to be translated.
MEANS_TITLES = {
    "phone": QT_TRANSLATE_NOOP("CasePanel", "电话"),
    "visit": QT_TRANSLATE_NOOP("CasePanel", "上门/当面"),
    "sms": QT_TRANSLATE_NOOP("CasePanel", "短信/微信"),
    "letter": QT_TRANSLATE_NOOP("CasePanel", "信函"),
    "other": QT_TRANSLATE_NOOP("CasePanel", "其他"),
}


def means_title(means: str) -> str:
    """How a contact was made, in the interface's language."""
    if means in MEANS_TITLES:
        return QCoreApplication.translate("CasePanel", MEANS_TITLES[means])
    return MEANS.get(means, (means, means))[0]


def _heading(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def _muted(text: str) -> str:
    return f"<span style='{MUTED}'>{html.escape(text)}</span>"
