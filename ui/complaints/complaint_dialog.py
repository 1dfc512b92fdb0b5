"""One complaint, everything about it, and its steps (W 7.3, 附录 H).

    Alt+F  首次联系           Alt+R  答复（处理意见）     Alt+O  投诉人意见
    Alt+C  办结               Alt+E  重新打开
    Alt+D  签发督办 / 再次督办 Alt+B  督办回复（选中的督办）
    Alt+P  打印 H.1           Alt+H  打印 H.2（选中的督办）  Alt+A  纠正和预防措施
    Alt+K  投诉人感谢：记为表扬 (J 5.5)
    Esc    关闭

The two clocks (first contact, reply) count working days and turn red when late; every
supervision order ever issued is listed with its own reply deadline. Buttons a role may not use
are greyed, with the reason in their tooltip; the domain refuses them all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.commendations import PraiseChoices, praise_choices, thank_for_complaint
from app.complaints.clocks import Clock
from app.complaints.corrective import FROM_COMPLAINT, CapaInput, create_capa
from app.complaints.detail import ComplaintDetail, complaint_detail, open_complaint
from app.complaints.registry import (
    CLOSED,
    Choices,
    ComplaintInvalid,
    choices,
    close_complaint,
    record_complainant_opinion,
    record_first_contact,
    record_reply,
    reopen_complaint,
)
from app.complaints.supervision import OrderRow, issue_order, order_deadline, record_order_reply
from app.printing.complaint_forms import save_complaint_form, save_supervision_form
from app.roles import Permission
from app.staff import StaffMember
from db.database import Database
from ui.complaints.capa_dialog import CapaDialog
from ui.complaints.pdf_saving import save_pdf
from ui.complaints.step_dialogs import (
    MomentTextDialog,
    OpinionDialog,
    OrderDialog,
    ReasonDialog,
    StepDialog,
    open_form,
)
from ui.desk.display import ERROR_COLOR, local_time
from ui.error_dialog import refusal_text, show_refusal
from ui.operations import Progress, operation
from ui.supervision.commendation_dialog import CommendationDialog

DONE_COLOR = "#2e7d32"
PENDING_COLOR = "#1a5fb4"


@dataclass
class Loaded:
    detail: ComplaintDetail
    choices: Choices
    order_due: date | None  # the default reply deadline of an order issued now


class ComplaintDialog(QDialog):
    data_changed = Signal()  # a step was stored
    loaded = Signal()  # the window shows the complaint as stored now
    step_opened = Signal(object)  # a step's form opened (StepDialog or CapaDialog)
    pdf_saved = Signal(object)  # Path of a printed form

    def __init__(
        self,
        database: Database,
        complaint_id: int,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.complaint_id = complaint_id
        self.current_staff = current_staff
        self.data: Loaded | None = None
        self.step_dialog: StepDialog | None = None
        self.setWindowTitle(self.tr("投诉"))
        self._build()
        self.resize(1180, 680)  # fits a 1366×768 screen with its task bar
        self.reload()

    # Building

    def _build(self) -> None:
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.title_label.setWordWrap(True)

        self.values: dict[str, QLabel] = {}
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, title in (
            ("received_at", self.tr("投诉时间：")),
            ("channel", self.tr("投诉方式：")),
            ("complainant", self.tr("投诉人：")),
            ("contact", self.tr("联系电话：")),
            ("address", self.tr("地址：")),
            ("unit", self.tr("被投诉网点：")),
            ("staff", self.tr("被投诉人员：")),
            ("case", self.tr("关联业务编号：")),
            ("received_by", self.tr("受理人：")),
            ("content", self.tr("投诉内容：")),
            ("first_contact", self.tr("首次联系：")),
            ("reply", self.tr("处理意见：")),
            ("opinion", self.tr("投诉人意见：")),
            ("closed", self.tr("办结：")),
            ("capas", self.tr("纠正措施：")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.values[name] = value
            fields.addRow(title, value)
        details = QWidget()
        details.setLayout(fields)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)

        self.first_clock = QLabel()
        self.reply_clock = QLabel()
        clocks_box = QGroupBox(self.tr("处理时限（工作日）"))
        clocks = QGridLayout(clocks_box)
        for row, (title, label) in enumerate(
            ((self.tr("首次联系"), self.first_clock), (self.tr("答复"), self.reply_clock))
        ):
            label.setWordWrap(True)
            clocks.addWidget(QLabel(title), row, 0)
            clocks.addWidget(label, row, 1)
        clocks.setColumnStretch(1, 1)

        self.orders_table = QTableWidget(0, 6)
        self.orders_table.setHorizontalHeaderLabels(
            [
                self.tr("次数"),
                self.tr("签发"),
                self.tr("签发人"),
                self.tr("承办网点"),
                self.tr("回复期限"),
                self.tr("回复"),
            ]
        )
        self.orders_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.orders_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders_table.verticalHeader().hide()
        self.orders_table.horizontalHeader().setStretchLastSection(True)
        self.orders_table.itemSelectionChanged.connect(self._order_chosen)
        self.order_text = QPlainTextEdit()
        self.order_text.setReadOnly(True)
        self.order_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.order_note = QLabel()
        self.order_note.setWordWrap(True)
        self.order_note.setStyleSheet("color: #555555;")
        orders_box = QGroupBox(self.tr("督办（投诉督办表 H.2，每次签发均保留）"))
        orders = QVBoxLayout(orders_box)
        orders.addWidget(self.orders_table, 1)
        orders.addWidget(self.order_text)
        orders.addWidget(self.order_note)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(clocks_box)
        right_layout.addWidget(orders_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 660])
        splitter.setChildrenCollapsible(False)

        self.buttons: dict[str, QPushButton] = {}
        steps = QHBoxLayout()
        papers = QHBoxLayout()
        for name, text, slot, row in (
            ("first_contact", self.tr("首次联系(&F)"), self.record_first_contact, steps),
            ("reply", self.tr("答复(&R)"), self.record_reply, steps),
            ("opinion", self.tr("投诉人意见(&O)"), self.record_opinion, steps),
            ("close", self.tr("办结(&C)"), self.close_complaint, steps),
            ("reopen", self.tr("重新打开(&E)"), self.reopen, steps),
            ("issue", self.tr("签发督办(&D)"), self.issue_order, papers),
            ("order_reply", self.tr("督办回复(&B)"), self.record_order_reply, papers),
            ("print_h1", self.tr("打印 H.1(&P)"), self.print_h1, papers),
            ("print_h2", self.tr("打印 H.2(&H)"), self.print_h2, papers),
            ("capa", self.tr("纠正和预防措施(&A)"), self.create_capa, papers),
            ("thanks", self.tr("感谢表扬(&K)"), self.record_thanks, papers),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        steps.addStretch(1)
        papers.addStretch(1)
        close_button = QPushButton(self.tr("关闭 (Esc)"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        steps.addWidget(close_button)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(steps)
        layout.addLayout(papers)
        for button in self.buttons.values():
            button.setEnabled(False)

    # Loading

    def reload(self) -> None:
        complaint_id = self.complaint_id
        now = clock.local_now()
        # The first load shows the complainant's contact in full to this person: audited
        # (app.complaints.detail.open_complaint); a reload after a step shows it again to them.
        opening = self.data is None
        viewer_id = self._viewer_id()

        def load(session: Session, _progress: Progress) -> Loaded:
            try:
                order_due = order_deadline(session, now)
            except ComplaintInvalid:
                order_due = None  # the calendar lacks the year: the order form says so
            if opening:
                detail = open_complaint(session, complaint_id, now, viewer_id=viewer_id)
            else:
                detail = complaint_detail(session, complaint_id, now)
            return Loaded(detail, choices(session), order_due)

        loading = operation(self, self.database, load)
        if opening:
            loading = loading.writing()  # the audit entry
        (
            loading.expecting(LookupError)  # the complaint is gone (app.complaints.clocks)
            .on_success(self._show)
            .on_failure(self._load_failed)
            .run()
        )

    def _load_failed(self, problem: Exception) -> None:
        self.show_message(refusal_text(problem), error=True)

    def _show(self, data: Loaded) -> None:
        self.data = data
        detail = data.detail
        c = detail.complaint
        self.setWindowTitle(
            self.tr("{kind} {number}").format(kind=c.kind_label, number=c.number or "")
        )
        self.title_label.setText(
            f"{c.number or ''}　{c.kind_label} · {c.category_label} · {c.status_label}"
        )
        v = self.values
        v["received_at"].setText(local_time(c.received_at))
        v["channel"].setText(c.channel_label)
        v["complainant"].setText(c.complainant or "")
        v["contact"].setText(c.contact or "")
        v["address"].setText(c.address or "")
        v["unit"].setText(c.unit_name or "")
        v["staff"].setText(c.staff_name or "")
        v["case"].setText(
            f"{c.case_no}（{c.business_type}）"
            if c.case_no and c.business_type
            else c.case_no or ""
        )
        v["received_by"].setText(c.received_by or "")
        v["content"].setText(c.content)
        v["first_contact"].setText(
            f"{local_time(c.first_contact_at)}\n{c.first_contact_note or ''}".strip()
            if c.first_contact_at
            else self.tr("尚未联系")
        )
        v["reply"].setText(
            f"{local_time(c.replied_at)}\n{c.reply or ''}".strip()
            if c.replied_at
            else self.tr("尚未答复")
        )
        if c.complainant_satisfied is None:
            v["opinion"].setText(self.tr("尚未记录"))
        else:
            verdict = self.tr("满意") if c.complainant_satisfied else self.tr("不满意")
            v["opinion"].setText(f"{verdict}　{c.complainant_opinion or ''}".strip())
        v["closed"].setText(local_time(c.closed_at) if c.closed_at else self.tr("未办结"))
        v["capas"].setText(
            "\n".join(f"{a.number}　{a.status_label}　{a.problem}" for a in detail.capas)
            or self.tr("无")
        )
        self._show_clock(self.first_clock, c.clocks.first_contact)
        self._show_clock(self.reply_clock, c.clocks.reply)
        self._show_orders(detail.orders)
        self._update_buttons()
        self.loaded.emit()

    def _show_clock(self, label: QLabel, clock: Clock) -> None:
        due = clock.due.isoformat() if clock.due else "—"
        done = (
            self.tr("，完成于 {at}").format(at=local_time(clock.done_at)) if clock.done_at else ""
        )
        label.setText(
            self.tr("期限 {due}{done}：{state}").format(due=due, done=done, state=clock.label)
        )
        color = ERROR_COLOR if clock.late else DONE_COLOR if clock.done else PENDING_COLOR
        label.setStyleSheet(f"color: {color}; font-weight: bold;")

    def _show_orders(self, orders: list[OrderRow]) -> None:
        chosen = self.chosen_order()
        self.orders_table.blockSignals(True)
        self.orders_table.setRowCount(len(orders))
        for number, order in enumerate(orders):
            reply = (
                self.tr("{at} 已回复").format(at=local_time(order.replied_at))
                if order.replied_at
                else self.tr("待回复")
            )
            if order.clock.late or not order.replied_at:
                reply = f"{reply}（{order.clock.label}）"
            cells = (
                order.title,
                local_time(order.issued_at),
                order.issued_by or "",
                order.handling_unit or "",
                order.reply_due.isoformat(),
                reply,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, order.id)
                if column == 5 and order.clock.late:
                    item.setForeground(QColor(ERROR_COLOR))
                self.orders_table.setItem(number, column, item)
        self.orders_table.resizeColumnsToContents()
        self.orders_table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.orders_table.blockSignals(False)
        if orders:
            ids = [order.id for order in orders]
            row = ids.index(chosen.id) if chosen is not None and chosen.id in ids else len(ids) - 1
            self.orders_table.selectRow(row)
        self._order_chosen()

    def chosen_order(self) -> OrderRow | None:
        if self.data is None:
            return None
        rows = self.orders_table.selectionModel().selectedRows()
        if not rows:
            return None
        order_id = self.orders_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((o for o in self.data.detail.orders if o.id == order_id), None)

    def _order_chosen(self) -> None:
        order = self.chosen_order()
        if order is None:
            self.order_text.clear()
        else:
            self.order_text.setPlainText(
                self.tr("督办意见：{opinion}\n\n处理结果和整改情况：{reply}").format(
                    opinion=order.opinion, reply=order.reply or self.tr("（尚未回复）")
                )
            )
        self._update_buttons()

    # What may be done now

    def _update_buttons(self) -> None:
        if self.data is None:
            return
        detail = self.data.detail
        c = detail.complaint
        staff = self.current_staff()
        handles = staff is not None and staff.may(Permission.REGISTER_COMPLAINTS)
        leads = staff is not None and staff.may(Permission.LEAD_BOARD)
        active = c.status != CLOSED
        order = self.chosen_order()
        nobody = self.tr("请先在看板上方选择当前用户")
        lead_only = self.tr("仅组长、管理员可以办理")

        def allow(name: str, possible: bool, why_not: str, role_ok: bool = True) -> None:
            button = self.buttons[name]
            if staff is None:
                button.setEnabled(False)
                button.setToolTip(nobody)
            elif not role_ok:
                button.setEnabled(False)
                button.setToolTip(lead_only)
            else:
                button.setEnabled(possible)
                button.setToolTip("" if possible else why_not)

        closed_note = self.tr("投诉已办结")
        allow(
            "first_contact",
            active and c.first_contact_at is None,
            closed_note if not active else self.tr("已记录首次联系"),
            handles,
        )
        allow("reply", active, closed_note, handles)
        allow(
            "opinion",
            active and c.replied_at is not None,
            closed_note if not active else self.tr("答复后才有投诉人意见"),
            handles,
        )
        allow(
            "close",
            active and c.replied_at is not None and not c.orders_waiting,
            closed_note
            if not active
            else self.tr("尚未答复")
            if c.replied_at is None
            else self.tr("督办尚未回复"),
            leads,
        )
        allow("reopen", not active, self.tr("投诉尚未办结"), leads)
        self.buttons["issue"].setText(
            self.tr("再次督办(&D)") if detail.orders else self.tr("签发督办(&D)")
        )
        allow("issue", detail.order_refusal is None, detail.order_refusal or "", leads)
        allow(
            "order_reply",
            order is not None and order.replied_at is None,
            self.tr("请选择一张尚未回复的督办表"),
            handles,
        )
        self.buttons["print_h1"].setEnabled(True)
        self.buttons["print_h2"].setEnabled(order is not None)
        self.buttons["print_h2"].setToolTip("" if order else self.tr("还没有督办表"))
        allow("capa", True, "", handles)
        allow("thanks", True, "", staff is not None and staff.may(Permission.RECORD_FEEDBACK))
        self.order_note.setText(detail.order_refusal or self.tr("可以签发督办表。"))

    # Steps

    def _staff(self) -> StaffMember | None:
        staff = self.current_staff()
        if staff is None:
            show_refusal(self, self.tr("请先在看板上方选择当前用户。"))
        return staff

    def _store(
        self,
        dialog: StepDialog | None,
        work: Callable[[Session], Any],
        message: str,
    ) -> None:
        """Run a step in its own transaction; on success close its form and show the news."""

        def store(session: Session, _progress: Progress) -> Any:
            return work(session)

        def stored(_result: Any) -> None:
            if dialog is not None:
                dialog.accept()
            self.show_message(message)
            self.data_changed.emit()
            self.reload()

        def refused(problem: Exception) -> None:
            if dialog is None:
                show_refusal(self, problem)
            else:
                dialog.show_refusal(problem)

        operation(self, self.database, store).writing().on_success(stored).on_failure(refused).run()

    def record_first_contact(self) -> None:
        staff = self._staff()
        if staff is None or self.data is None:
            return
        dialog = MomentTextDialog(
            self.tr("首次联系投诉人 {number}").format(number=self.data.detail.complaint.number),
            self.tr("联系时间(&T)："),
            self.tr("联系情况(&N)："),
            self.tr("怎样联系的，投诉人说了什么，向其作了哪些说明（必填）"),
            self.tr("保存"),
            parent=self,
        )
        complaint_id = self.complaint_id

        def submitted(at, note: str) -> None:
            now = clock.local_now()
            self._store(
                dialog,
                lambda s: record_first_contact(
                    s, complaint_id, by_id=staff.id, note=note, at=at, now=now
                ),
                self.tr("已记录首次联系。"),
            )

        dialog.submitted.connect(submitted)
        open_form(self, dialog, self.step_opened)

    def record_reply(self) -> None:
        staff = self._staff()
        if staff is None or self.data is None:
            return
        c = self.data.detail.complaint
        dialog = MomentTextDialog(
            self.tr("答复投诉人 {number}").format(number=c.number),
            self.tr("答复时间(&T)："),
            self.tr("处理意见(&R)："),
            self.tr("向投诉人答复的处理意见（必填）"),
            self.tr("保存"),
            text=c.reply or "",
            parent=self,
        )
        complaint_id = self.complaint_id

        def submitted(at, reply: str) -> None:
            now = clock.local_now()
            self._store(
                dialog,
                lambda s: record_reply(
                    s, complaint_id, by_id=staff.id, reply=reply, at=at, now=now
                ),
                self.tr("已记录答复。"),
            )

        dialog.submitted.connect(submitted)
        open_form(self, dialog, self.step_opened)

    def record_opinion(self) -> None:
        staff = self._staff()
        if staff is None or self.data is None:
            return
        c = self.data.detail.complaint
        dialog = OpinionDialog(
            c.number or "", c.complainant_satisfied, c.complainant_opinion, parent=self
        )
        complaint_id = self.complaint_id

        def submitted(satisfied: bool, words: str) -> None:
            now = clock.local_now()
            self._store(
                dialog,
                lambda s: record_complainant_opinion(
                    s, complaint_id, by_id=staff.id, satisfied=satisfied, opinion=words, now=now
                ),
                self.tr("已记录投诉人意见。"),
            )

        dialog.submitted.connect(submitted)
        open_form(self, dialog, self.step_opened)

    def close_complaint(self) -> None:
        staff = self._staff()
        if staff is None:
            return
        complaint_id, now = self.complaint_id, clock.local_now()
        self._store(
            None,
            lambda s: close_complaint(s, complaint_id, by_id=staff.id, now=now),
            self.tr("已办结。"),
        )

    def reopen(self) -> None:
        staff = self._staff()
        if staff is None or self.data is None:
            return
        dialog = ReasonDialog(
            self.tr("重新打开 {number}").format(number=self.data.detail.complaint.number),
            self.tr("重新打开的原因（如投诉人仍有意见）："),
            self.tr("重新打开"),
            self,
        )
        complaint_id = self.complaint_id

        def submitted(reason: str) -> None:
            now = clock.local_now()
            self._store(
                dialog,
                lambda s: reopen_complaint(s, complaint_id, by_id=staff.id, reason=reason, now=now),
                self.tr("已重新打开。"),
            )

        dialog.submitted.connect(submitted)
        open_form(self, dialog, self.step_opened)

    def issue_order(self) -> None:
        staff = self._staff()
        if staff is None or self.data is None:
            return
        detail = self.data.detail
        dialog = OrderDialog(
            detail.complaint.number or "",
            len(detail.orders) + 1,
            self.data.choices.units,
            detail.complaint.unit_id,
            self.data.order_due,
            staff.name,
            parent=self,
        )
        complaint_id = self.complaint_id

        def submitted(values: dict) -> None:
            now = clock.local_now()
            self._store(
                dialog,
                lambda s: issue_order(s, complaint_id, by_id=staff.id, now=now, **values),
                self.tr("已签发第 {sequence} 次督办。").format(sequence=len(detail.orders) + 1),
            )

        dialog.submitted.connect(submitted)
        open_form(self, dialog, self.step_opened)

    def record_order_reply(self) -> None:
        staff = self._staff()
        order = self.chosen_order()
        if staff is None or order is None:
            return
        dialog = MomentTextDialog(
            self.tr("{title}的回复").format(title=order.title),
            self.tr("回复时间(&T)："),
            self.tr("处理结果和整改情况(&R)："),
            self.tr("承办网点书面回复的处理结果和整改情况（必填）"),
            self.tr("保存"),
            parent=self,
        )
        order_id = order.id

        def submitted(at, reply: str) -> None:
            now = clock.local_now()
            self._store(
                dialog,
                lambda s: record_order_reply(
                    s, order_id, by_id=staff.id, reply=reply, at=at, now=now
                ),
                self.tr("已记录{title}的回复。").format(title=order.title),
            )

        dialog.submitted.connect(submitted)
        open_form(self, dialog, self.step_opened)

    # Papers

    def print_h1(self) -> None:
        if self.data is None:
            return
        complaint_id, now = self.complaint_id, clock.local_now()
        by_id = self._viewer_id()
        c = self.data.detail.complaint
        word = self.tr("建议登记表") if c.kind == "suggestion" else self.tr("投诉登记表")
        save_pdf(
            self,
            self.database,
            lambda session, path: save_complaint_form(
                session, complaint_id, path, now, by_id=by_id
            ),
            f"{word}-{c.number}",
            self._pdf_saved,
            audited=True,  # the complainant's contact in full
        )

    def print_h2(self) -> None:
        order = self.chosen_order()
        if order is None or self.data is None:
            return
        order_id, now = order.id, clock.local_now()
        by_id = self._viewer_id()
        save_pdf(
            self,
            self.database,
            lambda session, path: save_supervision_form(session, order_id, path, now, by_id=by_id),
            self.tr("投诉督办表-{number}-第{sequence}次").format(
                number=self.data.detail.complaint.number, sequence=order.sequence
            ),
            self._pdf_saved,
            audited=True,  # the complainant's contact in full
        )

    def _viewer_id(self) -> int | None:
        staff = self.current_staff()
        return staff.id if staff is not None else None

    def _pdf_saved(self, path) -> None:
        self.show_message(self.tr("已保存 {path}。").format(path=path))
        self.pdf_saved.emit(path)

    def record_thanks(self) -> None:
        """The complainant thanked a staff member: a commendation for them (J 5.5)."""
        staff = self._staff()
        if staff is None or self.data is None:
            return
        complaint_id, by_id = self.complaint_id, staff.id

        def opened(choices: PraiseChoices) -> None:
            form = CommendationDialog(
                choices,
                self,
                title=self.tr("投诉人感谢：记为表扬"),
                for_complaint=True,
            )

            def submitted(values: dict) -> None:
                self._store(
                    form,
                    lambda session: thank_for_complaint(
                        session,
                        complaint_id,
                        by_id=by_id,
                        content=values["content"],
                        received_on=values["received_on"],
                        staff_id=values["staff_id"],
                    ),
                    self.tr("已记为表扬。"),
                )

            form.submitted.connect(submitted)
            open_form(self, form, self.step_opened)

        operation(self, self.database, lambda session, _p: praise_choices(session)).on_success(
            opened
        ).run()

    def create_capa(self) -> None:
        staff = self._staff()
        if staff is None or self.data is None:
            return
        c = self.data.detail.complaint
        initial = CapaInput(
            source=FROM_COMPLAINT,
            complaint_id=c.id,
            complaint_number=c.number,
            unit_id=c.unit_id,
            problem=c.content,
        )
        dialog = CapaDialog(
            self.tr("记录纠正和预防措施（{number}）").format(number=c.number),
            initial,
            self.data.choices,
            self,
        )

        def submitted(data: CapaInput) -> None:
            now = clock.local_now()
            self._store(
                dialog,
                lambda s: create_capa(s, data, by_id=staff.id, now=now),
                self.tr("已记录纠正和预防措施。"),
            )

        dialog.submitted.connect(submitted)
        open_form(self, dialog, self.step_opened)

    # Messages

    def show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        color = ERROR_COLOR if error else DONE_COLOR
        self.message_label.setStyleSheet(f"color: {color}; font-weight: bold;")
