"""The call desk (回访工作台): the operator's whole day from the keyboard.

    F2            the next due case            Ctrl+D        dial the number (timer starts)
    1–4 per row   Form A's ratings             Ctrl+→        the case's next number
    1/N, 2/Y      廉洁纪律 没有 / 有             Ctrl+Enter    save Form A and take the next case
    F4, a letter  a call that did not complete Shift+F2      give the case back to the queue
    F8            hang up                      Enter         confirm the outcome the call proposes
    Ctrl+T        the 今日 tab                  Ctrl+G        the 覆盖率 tab
    PgUp/PgDn     scroll the case's history    F5            refresh the queue

Every database step runs off the GUI thread (ui.operations); what the operator types is kept in a
draft file (ui.drafts) until it is saved, so a crash or a restart loses nothing.

Dialling goes through the seat's telephone (app.telephony, chosen in 设置): every number is first
cleared by app.telephony.permit_dial (do-not-call). A telephone that reports (baresip) shows the
call's state live — 拨号中, 振铃, 通话中 with the talk time from the answer, 已挂断, 失败 with the SIP
reason — and a failure proposes its outcome in the strip, confirmed with Enter; on save the
attempt keeps what it reported (app.desk.calls).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.calendar import CalendarUnknownError, WorkingCalendar
from app.clock import local_now
from app.commendations import praise_revisit
from app.desk.calls import SaveResult, record_failed_call, save_form_a
from app.desk.coverage import UnitCoverage, coverage_plan
from app.desk.operators import ensure_operator, operators
from app.desk.outcomes import APPOINTMENT, OutcomeRow, call_outcomes
from app.desk.phrases import PHRASE_CATEGORIES, service_phrases, set_service_phrases
from app.desk.queue import (
    NextCase,
    QueueItem,
    RefreshResult,
    load_claimed,
    refresh_queue,
    release_claim,
    renew_claim,
    take_next,
)
from app.desk.retries import CallingHours, calling_opens_at, next_attempt_time
from app.desk.today import TodayRow, operator_today
from app.roles import Permission
from app.settings import get_setting
from app.telephony import (
    FINISHED,
    CallEvent,
    CallFacts,
    CallState,
    DialPermit,
    TelephonyRefused,
    permit_dial,
)
from db.database import Database
from ui import preferences
from ui.current_user import logged_in, permitted, working_here
from ui.desk.case_panel import CasePanel
from ui.desk.coverage_view import CoverageView
from ui.desk.dialer import CallTimer, Phone
from ui.desk.display import ERROR_COLOR, local_time
from ui.desk.form_a import FormA, FormIncomplete
from ui.desk.operator_chooser import OperatorChooser
from ui.desk.outcome_strip import FailedCall, OutcomeStrip
from ui.desk.phrases_panel import PhrasesEditor, PhrasesPanel
from ui.desk.today_view import TodayView
from ui.drafts import Draft, DraftStore
from ui.operations import Operation, Progress, operation
from ui.pages.page import Page

logger = logging.getLogger(__name__)

RENEW_INTERVAL_MS = 5 * 60 * 1000  # the claim lasts 15 minutes (desk.claim_minutes)
DRAFT_DELAY_MS = 300
KIND_TITLES = {
    "first": QT_TRANSLATE_NOOP("CallDeskPage", "首次回访"),
    "callback": QT_TRANSLATE_NOOP("CallDeskPage", "二次回访"),
}
INFO_STYLE = "color: #1a5fb4; font-weight: bold;"
WARNING_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"


@dataclass
class DeskState:
    """What the desk loads when it opens or the operator changes."""

    operator_id: int | None
    names: list[str]
    outcomes: list[OutcomeRow]
    phrases: dict[str, list[str]]
    hours: CallingHours
    calendar: WorkingCalendar
    claimed: QueueItem | None
    auto_dial: bool = False  # desk.auto_dial


@dataclass
class SideViews:
    today: list[TodayRow]
    year: int
    quarter: int
    coverage: list[UnitCoverage] | None  # None: not asked for this time


class CallDeskPage(Page):
    case_shown = Signal()  # a fetched or restored case is on screen, or that none is due
    case_saved = Signal(object)  # SaveResult
    call_recorded = Signal()  # a failed call was recorded
    operation_finished = Signal()  # any background step finished and its result shows
    draft_written = Signal()  # the form as typed so far is on disk

    def __init__(
        self, database: Database, parent: QWidget | None = None, drafts: DraftStore | None = None
    ) -> None:
        super().__init__(database, parent)
        self.drafts = drafts or DraftStore()
        # Logged in, the operator is that person (no chooser); else the name chosen here.
        self.logged_in = logged_in()
        self.operator_name = working_here()
        self.operator_id: int | None = None
        self.item: QueueItem | None = None
        self.hours: CallingHours | None = None
        self.calendar: WorkingCalendar | None = None
        self.phrases: dict[str, list[str]] = {}
        self._actions = 0  # operator actions under way: keys wait for them
        self._coverage_stale = True  # the coverage tab shows an older plan, or none yet
        self._fetch_when_idle = False
        self.auto_dial = False  # desk.auto_dial: dial as soon as a fetched case is on screen
        self._result_fresh = False  # the last case's result, kept until the next case shows
        self.release_box: QMessageBox | None = None  # asking before half-typed answers go
        self.dial_box: QMessageBox | None = None  # asking before dialling outside calling hours

        self.timer = CallTimer(self)
        self.phone = Phone(self)
        self.phone.changed.connect(self._call_changed)
        self.restored_call: CallFacts | None = None  # a call's facts kept in the draft
        self._dial_checking = False  # the number is being cleared for dialling
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.write_draft)
        self.renew_timer = QTimer(self)
        self.renew_timer.setInterval(RENEW_INTERVAL_MS)
        self.renew_timer.timeout.connect(self.renew)

        self._build()
        self.switch_button.setVisible(self.logged_in is None)
        self._add_shortcuts()
        self.load_desk()

    # Building

    def _build(self) -> None:
        self.operator_label = QLabel()
        self.operator_label.setStyleSheet("font-weight: bold;")
        self.switch_button = QPushButton(self.tr("换人…"))
        self.switch_button.setToolTip(self.tr("换一位回访员在本机工作"))
        self.switch_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.switch_button.clicked.connect(self.choose_operator)
        self.next_button = QPushButton(self.tr("下一件 (F2)"))
        self.next_button.setStyleSheet("QPushButton { font-weight: bold; padding: 6px 16px; }")
        self.next_button.clicked.connect(self.fetch_next)
        self.release_button = QPushButton(self.tr("放回队列 (Shift+F2)"))
        self.release_button.setToolTip(self.tr("不记录通话，把这件放回队列给别人"))
        self.release_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.release_button.clicked.connect(self.release)
        self.refresh_button = QPushButton(self.tr("刷新队列 (F5)"))
        self.refresh_button.setToolTip(
            self.tr("按覆盖率目标重新抽取到期业务件（管理用，通常每天一次）")
        )
        self.refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refresh_button.clicked.connect(self.refresh)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        # The last case's result stays in view while the next one is worked on.
        self.result_label = QLabel()
        self.result_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.result_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.operator_label)
        top.addWidget(self.switch_button)
        top.addSpacing(12)
        top.addWidget(self.next_button)
        top.addWidget(self.release_button)
        top.addWidget(self.message_label, 1)
        top.addWidget(self.result_label, 1)
        top.addWidget(self.refresh_button)

        self.chooser = OperatorChooser()
        self.chooser.chosen.connect(self.operator_chosen)
        chooser_page = QWidget()
        chooser_layout = QVBoxLayout(chooser_page)
        chooser_layout.addStretch(1)
        chooser_row = QHBoxLayout()
        chooser_row.addStretch(1)
        chooser_row.addWidget(self.chooser, 2)
        chooser_row.addStretch(1)
        chooser_layout.addLayout(chooser_row)
        chooser_layout.addStretch(2)

        self.body = QStackedWidget()
        self.body.addWidget(chooser_page)
        self.desk = self._build_desk()
        self.body.addWidget(self.desk)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)

    def _build_desk(self) -> QWidget:
        self.case_panel = CasePanel()
        self.case_panel.dial_requested.connect(self.dial)
        self.case_panel.hang_up_requested.connect(self.hang_up)
        self.case_panel.next_number_requested.connect(self.next_number)
        self.case_panel.phone_combo.currentIndexChanged.connect(self._phone_chosen)
        self.timer.ticked.connect(self.case_panel.timer_label.setText)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("QLabel { color: #555555; font-size: 13pt; padding: 16px; }")
        self.case_stack = QStackedWidget()
        self.case_stack.addWidget(self.placeholder)
        self.case_stack.addWidget(self.case_panel)
        case_box = QGroupBox(self.tr("当前回访件"))
        QVBoxLayout(case_box).addWidget(self.case_stack)

        self.form = FormA(offer_praise=True)
        self.form.changed.connect(self.draft_timer.start)
        self.form.save_requested.connect(self.save)
        self.failed_button = QPushButton(self.tr("通话未完成 (F4)"))
        self.failed_button.setToolTip(self.tr("无人接听、占线、预约等：按 F4，再按结果的字母键"))
        self.failed_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.failed_button.clicked.connect(self.open_outcomes)
        self.form.button_row.insertWidget(0, self.failed_button)
        self.strip = OutcomeStrip()
        self.strip.hide()
        self.strip.record_requested.connect(self.record_failed)
        self.strip.closed.connect(self._strip_closed)
        form_inside = QWidget()
        form_layout = QVBoxLayout(form_inside)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.form, 100)
        form_layout.addWidget(self.strip)
        form_layout.addStretch(1)  # under the strip, when it stands alone
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        form_scroll.setWidget(form_inside)
        # Scrolled up and down only (a long strip); never narrower than the answers' buttons.
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.setMinimumWidth(
            form_inside.minimumSizeHint().width()
            + form_scroll.verticalScrollBar().sizeHint().width()
        )
        self.form_title = self.tr("网上及电话回访单（附件 A）")
        self.form_box = QGroupBox(self.form_title)
        QVBoxLayout(self.form_box).addWidget(form_scroll)

        self.phrases_panel = PhrasesPanel()
        self.phrases_panel.edit_requested.connect(self.edit_phrases)
        self.phrases_panel.edit_button.setVisible(permitted(Permission.ADMINISTER))
        self.today_view = TodayView()
        self.coverage_view = CoverageView()
        self.side_tabs = QTabWidget()
        self.side_tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.side_tabs.addTab(self.phrases_panel, self.tr("服务用语"))
        self.side_tabs.addTab(self.today_view, self.tr("今日"))
        self.side_tabs.addTab(self.coverage_view, self.tr("覆盖率"))
        self.side_tabs.setTabToolTip(1, self.tr("今日 (Ctrl+T)"))
        self.side_tabs.setTabToolTip(2, self.tr("覆盖率 (Ctrl+G)"))
        keys_hint = QLabel(
            self.tr("Ctrl+T 今日 · Ctrl+G 覆盖率 · PgUp/PgDn 翻看回访记录 · F5 刷新队列")
        )
        keys_hint.setStyleSheet("color: #555555;")
        keys_hint.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.side_tabs, 1)
        side_layout.addWidget(keys_hint)
        # The three tabs always show whole, in either language: the case panel gives way first.
        side.setMinimumWidth(self.side_tabs.tabBar().sizeHint().width() + 8)
        self.side_tabs.currentChanged.connect(self._side_tab_shown)

        splitter = QSplitter()
        splitter.addWidget(case_box)
        splitter.addWidget(self.form_box)
        splitter.addWidget(side)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([360, 480, 340])
        return splitter

    def _add_shortcuts(self) -> None:
        # Window shortcuts: they work wherever the focus is, while this page is the one shown.
        bindings: list[tuple[QKeySequence | str, Callable[[], None]]] = [
            ("F2", self.fetch_next),
            ("Shift+F2", self.release),
            ("F4", self.open_outcomes),
            ("Ctrl+D", self.dial),
            ("F8", self.hang_up),
            ("Ctrl+Right", self.next_number),
            ("Ctrl+Return", self.save),
            ("Ctrl+Enter", self.save),
            ("Ctrl+T", self.show_today),
            ("Ctrl+G", self.show_coverage),
            ("F5", self.refresh),
            ("PgUp", self.history_page_up),
            ("PgDown", self.history_page_down),
        ]
        self.shortcuts = self.add_window_shortcuts(bindings)

    # The operator

    def load_desk(self) -> None:
        """Load who works here, the outcomes and phrases, and the case they still hold."""
        name, logged = self.operator_name, self.logged_in

        def load(session: Session, _progress: Progress) -> DeskState:
            if logged is not None:
                operator_id: int | None = logged.id
            else:
                operator_id = ensure_operator(session, name) if name else None
            return DeskState(
                operator_id=operator_id,
                names=[n for _id, n in operators(session)],
                outcomes=call_outcomes(session),
                phrases=service_phrases(session),
                hours=CallingHours.from_settings(session),
                calendar=WorkingCalendar.load(session),
                claimed=load_claimed(session, operator_id) if operator_id else None,
                auto_dial=get_setting(session, "desk.auto_dial"),
            )

        self._action(
            operation(self, self.database, load)
            .on_success(self._desk_loaded)
            .on_failure(self._show_problem)
        ).run()

    def _desk_loaded(self, state: DeskState) -> None:
        self.operator_id = state.operator_id
        self.hours, self.calendar = state.hours, state.calendar
        self.strip.set_calling_hours(state.hours, state.calendar)
        self.case_panel.calendar = state.calendar  # to mark an overdue callback as the board does
        self.auto_dial = state.auto_dial
        self.strip.set_outcomes(state.outcomes)
        self.case_panel.outcome_titles = {
            o.code: OutcomeStrip.outcome_title(o) for o in state.outcomes
        }
        self.phrases = state.phrases
        self.phrases_panel.show_phrases(state.phrases)
        self.chooser.show_names(state.names, self.operator_name)
        if self.operator_id is None:
            self.operator_label.setText(self.tr("回访员：未选择"))
            self.body.setCurrentIndex(0)
            self._update_enabled()
            self.focus_work()
            return
        self.operator_label.setText(self.tr("回访员：{name}").format(name=self.operator_name))
        self.body.setCurrentWidget(self.desk)
        if state.claimed is not None:
            self.show_case(state.claimed, restored=True)
        else:
            self.show_no_case(self.tr("按 F2 取下一件。"))
            self.show_message(self.tr("按 F2 取下一件。"))
        self.refresh_views()

    def choose_operator(self) -> None:
        if self.item is not None:
            self.show_message(
                self.tr("请先保存、记录通话结果或放回队列 (Shift+F2)，再换人。"), WARNING_STYLE
            )
            return
        self.body.setCurrentIndex(0)
        self._update_enabled()
        self.focus_work()

    def operator_chosen(self, name: str) -> None:
        self.operator_name = name
        preferences.OPERATOR.set(name)
        self.load_desk()

    # The queue

    def fetch_next(self) -> None:
        if self._actions or self.operator_id is None:
            return
        if self.item is not None:
            self.show_message(
                self.tr(
                    "当前件还没有结果：保存回访单 (Ctrl+Enter)、记录未接通 (F4) 或放回队列 (Shift+F2)。"
                ),
                WARNING_STYLE,
            )
            return
        operator_id, database = self.operator_id, self.database

        def take(_session: Session, _progress: Progress) -> NextCase:
            return take_next(database, operator_id)  # its own transaction: the claim is atomic

        self.show_message(self.tr("正在取下一件…"))
        self._action(
            operation(self, database, take)
            .on_success(self._case_fetched)
            .on_failure(self._show_problem)
        ).run()

    def _case_fetched(self, fetched: NextCase) -> None:
        item, opens_at = fetched.item, fetched.hours_open_at
        if item is not None:
            self.show_case(item)
            if opens_at is not None:  # an appointment due now, before calling hours
                self.show_message(self.outside_hours_text(opens_at), WARNING_STYLE)
            return
        if opens_at is not None:
            text = self.outside_hours_text(opens_at)
            self.show_no_case(text + "\n\n" + self.tr("现在没有到时间的预约。"))
            self.show_message(text, WARNING_STYLE)
            self.case_shown.emit()
            return
        self.show_no_case(
            self.tr("现在没有到期的回访件。\n\n稍后再按 F2 取件；队列需要补充时，点“刷新队列”。")
        )
        self.show_message(self.tr("现在没有到期的回访件。"), WARNING_STYLE)
        self.case_shown.emit()

    def show_no_case(self, text: str) -> None:
        """Nothing is open: say why, and what the operator can do."""
        self.item = None
        self.end_call()
        self.renew_timer.stop()
        self.close_outcomes()
        self.form.clear()
        self.placeholder.setText(text)
        self.case_stack.setCurrentWidget(self.placeholder)
        self._update_enabled()
        self.focus_work()

    def show_case(self, item: QueueItem, restored: bool = False) -> None:
        """Put `item` on screen with its draft, if there is one."""
        self.item = item
        self.end_call()
        self.close_outcomes()
        self.form.clear()
        kind = self.tr(KIND_TITLES[item.kind]) if item.kind in KIND_TITLES else item.kind
        if item.appointment_at is not None:
            kind += " · " + self.tr("预约 {at}").format(at=local_time(item.appointment_at))
        self.case_panel.show_item(item, kind)
        self.case_stack.setCurrentWidget(self.case_panel)
        draft = self.drafts.load(self.operator_id, item.entry_id) if self.operator_id else None
        if draft is not None and draft.case_no == item.case_no:
            self.form.restore(draft.answers, draft.texts)
            if draft.phone_index < len(item.phones):
                self.case_panel.show_phone(draft.phone_index)
            if draft.timer_started_at is not None:
                self.timer.start(draft.timer_started_at)
            self.restored_call = CallFacts.from_dict(draft.call)
            if self.restored_call is not None and self.restored_call.ended_at is not None:
                self.timer.freeze()
            self.show_message(
                self.tr("已恢复上次未保存的回访单：{case_no}").format(case_no=item.case_no),
                INFO_STYLE,
            )
        elif restored:
            self.show_message(self.tr("继续回访：{case_no}").format(case_no=item.case_no))
        else:
            self.show_message(self.tr("已取件：{case_no}").format(case_no=item.case_no))
        self.renew_timer.start()
        self._update_enabled()
        self.focus_work()
        # Not a case the desk reopens on starting, nor a call whose timer runs (restored).
        if self.auto_dial and not restored and not self.timer.running():
            self.dial()
        self.case_shown.emit()

    def release(self) -> None:
        if self._actions or self.item is None or self.operator_id is None:
            return
        if not self.form.is_empty():
            self.ask_release()
            return
        self.release_now()

    def ask_release(self) -> None:
        """Half-typed answers would be lost: ask first (Enter gives the case back, Esc keeps
        it). The draft stays on disk until the case is given back."""
        if self.release_box is not None:
            return
        self.write_draft()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("放回队列"))
        box.setText(self.tr("回访单已填了一部分，放回队列后这些回答不会保存。仍要放回吗？"))
        box.setInformativeText(self.tr("回车：放回队列；Esc：留下继续回访。"))
        give_back = box.addButton(self.tr("放回队列"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("留下继续"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(give_back)
        box.setEscapeButton(keep)
        box.finished.connect(self._release_answered)
        self.release_box = box
        box.open()

    def _release_answered(self, _result: int) -> None:
        box, self.release_box = self.release_box, None
        if box is None:
            return
        confirmed = box.clickedButton() is box.defaultButton()
        box.deleteLater()
        self.window().activateWindow()  # the keys come back to the desk at once
        if confirmed:
            self.release_now()
        else:
            self.show_message(self.tr("已留下当前件，回答都在。"))
            self.focus_work()

    def release_now(self) -> None:
        if self._actions or self.item is None or self.operator_id is None:
            return
        entry_id, operator_id, case_no = self.item.entry_id, self.operator_id, self.item.case_no

        def give_back(session: Session, _progress: Progress) -> None:
            release_claim(session, entry_id, operator_id)

        def released(_result: None) -> None:
            self.drafts.delete(operator_id, entry_id)
            self.show_no_case(self.tr("按 F2 取下一件。"))
            self.show_message(self.tr("已放回队列：{case_no}").format(case_no=case_no))

        self._action(
            operation(self, self.database, give_back)
            .on_success(released)
            .on_failure(self._show_problem)
        ).run()

    def renew(self) -> None:
        if self.item is None or self.operator_id is None:
            return
        entry_id, operator_id = self.item.entry_id, self.operator_id

        def keep(session: Session, _progress: Progress) -> datetime:
            return renew_claim(session, entry_id, operator_id)

        (
            operation(self, self.database, keep)
            .on_failure(self._claim_lost)
            .on_finish(self.operation_finished)
            .run()
        )

    def _claim_lost(self, error: Exception) -> None:
        self.renew_timer.stop()
        self.show_message(str(error), WARNING_STYLE)

    def refresh(self) -> None:
        if self._actions:
            return

        def draw(session: Session, _progress: Progress) -> RefreshResult:
            return refresh_queue(session)

        def drawn(result: RefreshResult) -> None:
            self.show_message(
                self.tr("队列已刷新：新抽取 {added} 件，移出已评价 {dropped} 件。").format(
                    added=result.added, dropped=result.dropped
                ),
                INFO_STYLE,
            )
            self.data_changed.emit()
            self.refresh_views(coverage=True)  # the plan the queue was drawn by

        self.show_message(self.tr("正在刷新队列…"))
        self._action(
            operation(self, self.database, draw).on_success(drawn).on_failure(self._show_problem)
        ).run()

    # The call

    def dial(self) -> None:
        """Dial the number shown; outside calling hours only once the operator confirms."""
        phone = self.case_panel.current_phone()
        if self.item is None or phone is None:
            return
        if phone.e164 is None:
            self.show_message(
                self.tr("这个号码无效，无法拨打：{number}").format(number=phone.original),
                WARNING_STYLE,
            )
            return
        opens_at = self.calling_opens_at()
        if opens_at is not None:
            self.ask_dial(opens_at)
            return
        self.dial_now()

    def calling_opens_at(self) -> datetime | None:
        """None in calling hours on a working day; else when they next begin."""
        if self.hours is None or self.calendar is None:
            return None
        return calling_opens_at(local_now(), self.hours, self.calendar)

    def outside_hours_text(self, opens_at: datetime) -> str:
        return self.tr("现在不在回访时段（{at} 开始），只取已到时间的预约。").format(
            at=local_time(opens_at)
        )

    def ask_dial(self, opens_at: datetime) -> None:
        """Outside calling hours: ask before dialling (Enter or Esc: do not dial; Y dials)."""
        if self.dial_box is not None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("不在回访时段"))
        box.setText(
            self.tr("现在不在回访时段，回访时段 {at} 开始。仍要拨打吗？").format(
                at=local_time(opens_at)
            )
        )
        self.dial_anyway_button = box.addButton(
            self.tr("仍然拨打(&Y)"), QMessageBox.ButtonRole.AcceptRole
        )
        not_now = box.addButton(self.tr("不拨打(&N)"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(not_now)
        box.setEscapeButton(not_now)
        box.finished.connect(self._dial_answered)
        self.dial_box = box
        box.open()

    def _dial_answered(self, _result: int) -> None:
        box, self.dial_box = self.dial_box, None
        if box is None:
            return
        box.deleteLater()
        if box.clickedButton() is self.dial_anyway_button and self.item is not None:
            self.dial_now()
        else:
            self.show_message(self.tr("没有拨打：不在回访时段。"), WARNING_STYLE)
        self.focus_work()

    def dial_now(self) -> None:
        phone = self.case_panel.current_phone()
        if self._dial_checking or self.item is None or phone is None or phone.e164 is None:
            return
        if self.phone.in_call():
            self.show_message(self.tr("还在通话中：先挂断 (F8)，再拨号。"), WARNING_STYLE)
            return
        e164, extension = phone.e164, phone.extension

        def check(session: Session, _progress: Progress) -> DialPermit:
            return permit_dial(session, e164, extension)  # refuses a do-not-call number

        self._dial_checking = True

        def checked() -> None:
            self._dial_checking = False

        self._action(
            operation(self, self.database, check)
            .on_success(self._dial_permitted)
            .on_failure(self._show_problem)
            .on_finish(checked)
        ).run()

    def _dial_permitted(self, permit: DialPermit) -> None:
        phone = self.case_panel.current_phone()
        if self.item is None or phone is None or phone.e164 != permit.e164:
            return  # the case or the number changed meanwhile
        self.restored_call = None
        try:
            telephone = self.phone.current()
            telephone.dial(permit)
        except TelephonyRefused as refused:
            if self.phone.telephone is not None and self.phone.telephone.reports:
                self.show_message(str(refused), WARNING_STYLE)
                return
            # The number could not be handed over: the operator dials by hand, timed as before.
            self.show_message(
                self.tr("无法拨号（{detail}）。请手动拨打，计时已开始。").format(detail=refused),
                WARNING_STYLE,
            )
            self.timer.start()
            self.case_panel.set_calling(True)
            self.draft_timer.start()
            return
        self.show_message(self.tr("正在拨打 {number}…").format(number=phone.masked))
        self.case_panel.set_calling(True)
        if telephone.reports:
            self.timer.stop()  # the talk time starts when the respondent answers
            self.case_panel.show_call_state(self.call_state_text(CallState.DIALLING))
        else:
            self.timer.start()
        self.draft_timer.start()

    def hang_up(self) -> None:
        """F8: end the call; with a telephone that cannot hang up, stop the operator's timer."""
        if self.item is None:
            return
        if self.phone.hang_up():
            self.show_message(self.tr("正在挂断…"))
            return
        if self.timer.running() and not self.phone.in_call():
            self.timer.freeze()
            self.case_panel.show_call_state(self.tr("已挂断"))
            self.case_panel.set_calling(False)
            self.draft_timer.start()

    def call_state_text(self, state: CallState, reason: str | None = None) -> str:
        if state == CallState.DIALLING:
            return self.tr("拨号中")
        if state == CallState.RINGING:
            return self.tr("振铃")
        if state == CallState.ANSWERED:
            return self.tr("通话中")
        if state == CallState.ENDED:
            return self.tr("已挂断")
        return self.tr("失败：{reason}").format(reason=reason or self.tr("未接通"))

    def _call_changed(self, event: CallEvent) -> None:
        """What the telephone reported: the state on screen, the talk time, a proposed outcome."""
        call = self.phone.telephone.call if self.phone.telephone else None
        if self.item is None or call is None:
            return
        self.case_panel.show_call_state(
            self.call_state_text(event.state, event.reason), failed=event.state == CallState.FAILED
        )
        self.case_panel.set_calling(event.state not in FINISHED)
        if event.state == CallState.ANSWERED:
            self.timer.start(event.at.timestamp())
        elif event.state == CallState.ENDED:
            self.timer.freeze()
            self.show_message(self.tr("通话已结束，请填写回访单。"))
        elif event.state == CallState.FAILED:
            self.timer.stop()
            proposed = call.proposed_outcome()
            if event.telephone_problem:
                self.show_message(event.reason or "", WARNING_STYLE)
            if proposed is not None and self.strip.outcome(proposed) is not None:
                self.open_outcomes()
                self.strip.propose(proposed, event.reason or "")
                self.focus_work()
        self.draft_timer.start()

    def end_call(self) -> None:
        """The case is done or another is shown: a call still on is hung up, and forgotten."""
        self.phone.hang_up()
        self.phone.forget()
        self.restored_call = None
        self.timer.stop()
        self.case_panel.show_call_state("")
        self.case_panel.set_calling(False)

    def next_number(self) -> None:
        if self.item is not None and len(self.item.phones) > 1:
            self.case_panel.show_phone(self.case_panel.phone_index() + 1)

    def _phone_chosen(self) -> None:
        if self.item is not None:
            self.case_panel.show_phone(self.case_panel.phone_index())
            self.draft_timer.start()

    def _call_facts(self) -> tuple[int | None, str | None, CallFacts | None]:
        """The operator's timer, the number on screen and what the telephone reported of the
        call to it (or the draft kept, after a restart)."""
        phone = self.case_panel.current_phone()
        e164 = phone.e164 if phone else None
        call = self.phone.telephone.call if self.phone.telephone else None
        if call is not None and call.permit.e164 == e164:
            facts: CallFacts | None = call.facts()
        else:
            facts = self.restored_call
        duration = self.timer.seconds()
        if facts is not None and facts.talk_seconds is not None:
            duration = facts.talk_seconds
        return duration, e164, facts

    # Form A

    def save(self) -> None:
        if self._actions or self.item is None or self.operator_id is None:
            return
        try:
            answers = self.form.answers()
        except FormIncomplete as missing:
            self.form.show_error(missing.message, missing.widget)
            return
        self.form.hide_error()
        entry_id, operator_id, case_no = self.item.entry_id, self.operator_id, self.item.case_no
        duration, phone, call = self._call_facts()
        praised = self.form.praised()

        def store(session: Session, _progress: Progress) -> SaveResult:
            result = save_form_a(
                session,
                entry_id,
                operator_id,
                answers,
                duration_seconds=duration,
                phone_e164=phone,
                call=call,
            )
            if praised:  # the suggestion is praise of the handler (J 5.5), in the same action
                praise_revisit(session, result.evaluation_id, by_id=operator_id)
            return result

        def saved(result: SaveResult) -> None:
            self.drafts.delete(operator_id, entry_id)
            callback, flagged = result.callback_task_id is not None, result.integrity_flagged
            if callback and flagged:
                message = self.tr("已保存 {case_no}，已转二次回访，已上报组长。")
            elif callback:
                message = self.tr("已保存 {case_no}，已转二次回访。")
            elif flagged:
                message = self.tr("已保存 {case_no}，已上报组长。")
            else:
                message = self.tr("已保存 {case_no}。")
            if praised:
                message += self.tr("已记为对经办人的表扬。")
            self._finished_case(message.format(case_no=case_no))
            self.case_saved.emit(result)

        self._action(
            operation(self, self.database, store).on_success(saved).on_failure(self._form_refused)
        ).run()

    def _form_refused(self, error: Exception) -> None:
        self.form.show_error(
            str(error), self.form.field_widget(getattr(error, "field", "")) or None
        )

    def _finished_case(self, message: str) -> None:
        """The case has its result: clear it, say so and take the next one."""
        self.item = None
        self.end_call()
        self.renew_timer.stop()
        self.result_label.setText(message)
        self._result_fresh = True
        self.data_changed.emit()
        self.refresh_views()
        self._fetch_when_idle = True  # once this action is over

    # A call that did not complete

    def open_outcomes(self) -> None:
        if self._actions or self.item is None:
            return
        # The call gave no answers: the strip takes Form A's place until it closes.
        self.form.hide_error()
        self.form.hide()
        self.form_box.setTitle(self.tr("通话未完成：记录结果"))
        self.strip.open(self.default_appointment())

    def close_outcomes(self) -> None:
        self.strip.hide()
        self.form.show()
        self.form_box.setTitle(self.form_title)

    def default_appointment(self) -> datetime:
        """The next working half-day's start, when the respondent has not named a time."""
        now = local_now()
        appointment = self.strip.outcome(APPOINTMENT)
        if self.hours is None or self.calendar is None or appointment is None:
            return now.replace(second=0, microsecond=0)
        try:
            return next_attempt_time(now, appointment, self.hours, self.calendar)
        except CalendarUnknownError:
            return now.replace(second=0, microsecond=0)

    def _strip_closed(self) -> None:
        self.close_outcomes()
        self.focus_work()

    def record_failed(self, call: FailedCall) -> None:
        if self._actions or self.item is None or self.operator_id is None:
            return
        entry_id, operator_id, case_no = self.item.entry_id, self.operator_id, self.item.case_no
        duration, phone, facts = self._call_facts()

        def store(session: Session, _progress: Progress) -> datetime | None:
            return record_failed_call(
                session,
                entry_id,
                operator_id,
                call.outcome,
                phone_e164=phone,
                note=call.note,
                appointment_at=call.appointment_at,
                appointment_same_operator=call.same_operator,
                duration_seconds=duration,
                call=facts,
            )

        def recorded(next_call: datetime | None) -> None:
            self.drafts.delete(operator_id, entry_id)
            title = self.strip.title_of(call.outcome)
            if next_call is None:
                message = self.tr("已记录 {case_no}：{outcome}，此件结束。")
            else:
                message = self.tr("已记录 {case_no}：{outcome}，{at} 再拨。")
            self._finished_case(
                message.format(case_no=case_no, outcome=title, at=local_time(next_call))
            )
            self.call_recorded.emit()

        self._action(
            operation(self, self.database, store)
            .on_success(recorded)
            .on_failure(self._call_refused)
        ).run()

    def _call_refused(self, error: Exception) -> None:
        self.strip.show_error(str(error))

    # Drafts

    def write_draft(self) -> None:
        """Keep the half-filled form on disk (debounced: after the operator pauses)."""
        self.draft_timer.stop()
        if self.item is None or self.operator_id is None:
            return
        answers, texts = self.form.state()
        draft = Draft(
            operator_id=self.operator_id,
            entry_id=self.item.entry_id,
            case_no=self.item.case_no,
            answers=answers,
            texts=texts,
            timer_started_at=self.timer.started_at,
            phone_index=self.case_panel.phone_index(),
            call=facts.to_dict() if (facts := self._call_facts()[2]) is not None else None,
        )
        try:
            self.drafts.save(draft)
        except OSError:
            logger.exception(
                "Could not write the draft %s", self.drafts.path(draft.operator_id, draft.entry_id)
            )
            self.show_message(self.tr("无法保存草稿，请尽快保存回访单。"), WARNING_STYLE)
            return
        self.draft_written.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        if self.draft_timer.isActive():
            self.write_draft()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_work(keep=True)

    def focus_work(self, *, keep: bool = False) -> None:
        """Put the keyboard focus where the next key belongs: the chooser, the first open
        question, or the next-case button. `keep`: unless it is at such a place already."""
        if not self.isVisible():
            return
        if self.body.currentIndex() == 0:
            places, target = [self.chooser], self.chooser.name_combo
        elif self.item is None:
            places, target = [self.next_button], self.next_button
        elif self.strip.isVisible():
            places, target = [self.strip], self.strip
        else:
            places, target = [self.form_box], self.form.first_unanswered()
        focused = QApplication.focusWidget()
        if keep and any(p is focused or p.isAncestorOf(focused) for p in places if focused):
            return
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # Side views

    def refresh_views(self, *, coverage: bool = False) -> None:
        """Today's calls, and the units' coverage when it is on screen or `coverage` asks for it:
        the plan counts the quarter's cases (seconds at city scale), and the database thread it
        holds is the one the next case waits for."""
        if self.operator_id is None:
            return
        operator_id = self.operator_id
        with_coverage = coverage or self.side_tabs.currentWidget() is self.coverage_view
        self._coverage_stale = not with_coverage

        def load(session: Session, _progress: Progress) -> SideViews:
            today = local_now().date()
            quarter = (today.month - 1) // 3 + 1
            return SideViews(
                today=operator_today(session, operator_id, today),
                year=today.year,
                quarter=quarter,
                coverage=(
                    coverage_plan(session, today.year, quarter, today=today)
                    if with_coverage
                    else None
                ),
            )

        (
            operation(self, self.database, load)
            .on_success(self._show_views)
            .on_failure(self._show_problem)
            .on_finish(self.operation_finished)
            .run()
        )

    def _show_views(self, views: SideViews) -> None:
        self.today_view.show_rows(views.today)
        if views.coverage is not None:
            self.coverage_view.show_plan(views.year, views.quarter, views.coverage)

    def show_today(self) -> None:
        self.side_tabs.setCurrentWidget(self.today_view)

    def show_coverage(self) -> None:
        self.side_tabs.setCurrentWidget(self.coverage_view)

    def history_page_up(self) -> None:
        self.case_panel.scroll_history(-1)

    def history_page_down(self) -> None:
        self.case_panel.scroll_history(1)

    def _side_tab_shown(self) -> None:
        if self.side_tabs.currentWidget() is self.coverage_view and self._coverage_stale:
            self.refresh_views(coverage=True)

    def edit_phrases(self) -> None:
        if not permitted(Permission.ADMINISTER):
            return
        titles = {
            code: self.phrases_panel.category_title(code, label)
            for code, label in PHRASE_CATEGORIES
        }
        editor = PhrasesEditor(self.phrases, titles, self)
        if not editor.exec():
            return
        edited = editor.phrases()

        def store(session: Session, _progress: Progress) -> dict[str, list[str]]:
            for category, phrases in edited.items():
                set_service_phrases(session, category, phrases)
            return service_phrases(session)

        def stored(phrases: dict[str, list[str]]) -> None:
            self.phrases = phrases
            self.phrases_panel.show_phrases(phrases)

        self._action(
            operation(self, self.database, store).on_success(stored).on_failure(self._show_problem)
        ).run()

    # Background steps

    def _action(self, step: Operation) -> Operation:
        """An operator's action: the desk's keys wait until it is done."""
        self._actions += 1
        self._update_enabled()
        return step.on_finish(self._action_done)

    def _action_done(self) -> None:
        self._actions -= 1
        self._update_enabled()
        self.focus_work(keep=True)  # e.g. the next-case button, enabled again
        if self._fetch_when_idle and not self._actions:
            self._fetch_when_idle = False
            self.fetch_next()
        if not self._actions:
            self._result_fresh = False  # the next case is on screen: a new message replaces it
        self.operation_finished.emit()

    def _update_enabled(self) -> None:
        idle = not self._actions
        working = self.body.currentWidget() is self.desk
        has_case = self.item is not None
        self.next_button.setEnabled(idle and working and not has_case)
        self.release_button.setEnabled(idle and has_case)
        self.refresh_button.setEnabled(idle)
        self.switch_button.setEnabled(idle and not has_case and working)
        self.form_box.setEnabled(has_case)
        self.failed_button.setEnabled(idle and has_case)
        self.form.save_button.setEnabled(idle and has_case)

    def _show_problem(self, error: Exception) -> None:
        self.show_message(str(error), WARNING_STYLE)

    def show_message(self, text: str, style: str = "") -> None:
        if not self._result_fresh:
            self.result_label.clear()  # an older case's "已保存 …" is not news beside this
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
