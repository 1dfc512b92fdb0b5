"""The call desk driven from the keyboard alone, as an operator works a day of calls."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.demo import fill_demo_data
from app.desk.phrases import service_phrases
from app.desk.queue import refresh_queue
from app.ratings import Rating
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import (
    CallAttempt,
    CallbackTask,
    CasePhone,
    Evaluation,
    IntegrityEscalation,
    QueueEntry,
    Staff,
)
from ui import operations, preferences
from ui.desk import dialer
from ui.desk.phrases_panel import PhrasesEditor
from ui.drafts import DRAFTS_DIR_ENV, DraftStore
from ui.main_window import MainWindow
from ui.pages.call_desk_page import CallDeskPage

from .helpers import count

OPERATOR = "王芳"
# A Friday: the demo cases completed before it, the queue drawn that morning (ready since).
QUEUE_DAY = date(2026, 11, 20)
# The desk's clock, stopped that afternoon: today's list, retries and the proposed appointment do
# not depend on when the tests run (near midnight, or in late December when the next working days
# fall in a year the calendar does not know yet).
DESK_NOW = datetime.combine(QUEUE_DAY, time(14), LOCAL_ZONE)
KEY_BUDGET = 8  # from "next case" to "saved and next"

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


class Keyboard:
    """Keys pressed on whatever widget has the focus, counted."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.pressed = 0

    def press(self, key: Key | str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        self.qtbot.keyClick(widget, key, modifier)
        self.pressed += 1

    def type(self, text: str) -> None:
        """Chinese text as an input method hands it over (not counted: words are not keys to
        save). QTest can only type Latin-1."""
        widget = QApplication.focusWidget()
        assert widget is not None
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def desk_db(sqlite_db: Database, stop_clock) -> Database:
    stop_clock(DESK_NOW)
    with sqlite_db.sessions.begin() as session:
        fill_demo_data(session, cases=200, seed=1, today=QUEUE_DAY)
    with sqlite_db.sessions.begin() as session:
        assert refresh_queue(session, today=QUEUE_DAY, seed=7).added > 3
    return sqlite_db


@pytest.fixture
def drafts_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "drafts"
    monkeypatch.setenv(DRAFTS_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def operator() -> Iterator[str]:
    preferences.OPERATOR.set(OPERATOR)
    yield OPERATOR
    preferences.OPERATOR.set(None)


@pytest.fixture
def desk(
    qtbot: QtBot, desk_db: Database, drafts_dir: Path, operator: str, request: pytest.FixtureRequest
) -> CallDeskPage:
    """The main window on the call desk, loaded, with the keyboard focus inside the window."""
    window: MainWindow = request.getfixturevalue("window")
    page = window.pages[0]
    assert isinstance(page, CallDeskPage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.waitUntil(lambda: page.operator_id is not None and not operations.busy())
    return page


def take_next(qtbot: QtBot, keys: Keyboard, page: CallDeskPage) -> None:
    with qtbot.waitSignal(page.case_shown):
        keys.press(Key.Key_F2)
    assert page.item is not None


def wait_idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not operations.busy())


def entry(database: Database, entry_id: int) -> QueueEntry:
    with database.sessions() as session:
        return session.get(QueueEntry, entry_id)


def operator_id(database: Database) -> int:
    with database.sessions() as session:
        return session.scalar(select(Staff.id).where(Staff.name == OPERATOR))


def test_form_a_from_the_keyboard_alone_saves_and_takes_the_next_case(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    assert desk.operator_label.text() == f"回访员：{OPERATOR}"
    assert desk.next_button.text() == "下一件 (F2)"
    assert desk.form.save_button.text() == "保存并下一件 (Ctrl+Enter)"

    take_next(qtbot, keys, desk)
    first = desk.item
    assert desk.case_panel.case_no_label.text() == first.case_no
    assert desk.case_panel.applicant_label.text() == first.applicant
    # The claimed case shows its full number.
    assert desk.case_panel.phone_combo.currentText().replace(" ", "") == first.phones[0].original
    assert QApplication.focusWidget() is desk.form.rows["overall"]

    for field in ("overall", "efficiency", "attitude", "materials"):
        assert QApplication.focusWidget() is desk.form.rows[field]
        keys.press("1")
    assert QApplication.focusWidget() is desk.form.integrity_row
    keys.press("1")  # 没有
    assert QApplication.focusWidget() is desk.form.suggestion
    assert not desk.form.dissatisfaction_box.isVisible()
    assert not desk.form.integrity_box.isVisible()

    with qtbot.waitSignal(desk.case_saved) as saved, qtbot.waitSignal(desk.case_shown):
        keys.press(Key.Key_Return, CTRL)

    assert keys.pressed == 7 <= KEY_BUDGET
    assert saved.args[0].callback_task_id is None
    with desk_db.sessions() as session:
        evaluation = session.scalars(select(Evaluation).where(Evaluation.case_id == first.case_id))
        (evaluation,) = evaluation.all()
        assert (evaluation.channel, evaluation.round) == ("phone", 1)
        assert evaluation.operator_id == operator_id(desk_db)
        ratings = [
            evaluation.overall,
            evaluation.efficiency,
            evaluation.attitude,
            evaluation.materials,
        ]
        assert ratings == [Rating.VERY_SATISFIED.value] * 4
        assert evaluation.integrity_breach is False
        assert evaluation.suggestion is None
        (attempt,) = session.scalars(
            select(CallAttempt).where(CallAttempt.case_id == first.case_id)
        ).all()
        assert attempt.outcome == "completed"
        assert attempt.evaluation_id == evaluation.id
        assert attempt.operator_id == evaluation.operator_id
        assert attempt.phone_e164 == first.phones[first.next_phone_index].e164
    done = entry(desk_db, first.entry_id)
    assert (done.status, done.result, done.claimed_by_id) == ("done", "completed", None)

    # The next case is on screen, its form empty and the focus on its first row.
    assert desk.item is not None and desk.item.entry_id != first.entry_id
    assert desk.case_panel.case_no_label.text() == desk.item.case_no
    assert desk.result_label.text() == f"已保存 {first.case_no}。"
    assert desk.form.is_empty()
    assert QApplication.focusWidget() is desk.form.rows["overall"]
    # Today's list shows the call.
    wait_idle(qtbot)
    assert desk.today_view.table.rowCount() == 1
    assert desk.today_view.table.item(0, 3).text() == first.case_no
    assert desk.today_view.table.item(0, 2).text() == "已回访"
    assert desk.today_view.summary_label.text() == "今天已拨 1 通 · 预约 0 个"


def test_a_failed_call_is_one_letter_after_f4_and_a_note_when_the_outcome_needs_one(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    assert desk.failed_button.text() == "通话未完成 (F4)"

    keys.press(Key.Key_F4)
    assert desk.strip.isVisible()
    assert QApplication.focusWidget() is desk.strip
    buttons = [button.text() for button in desk.strip.group.buttons()]
    assert buttons[:3] == ["无人接听 (N)", "占线 (B)", "关机 (U)"]
    assert "已回访" not in " ".join(buttons)  # a completed call is Form A's

    keys.press("R")  # 拒访 needs a note: the focus waits in it
    assert QApplication.focusWidget() is desk.strip.note_edit
    assert desk.strip.note_label.text() == "备注（必填）："
    keys.press(Key.Key_Return)
    assert desk.strip.error_label.text() == "“拒访”需要填写备注。"
    assert count(desk_db, CallAttempt) == 0

    keys.type("正在开会，不方便")
    with qtbot.waitSignal(desk.call_recorded), qtbot.waitSignal(desk.case_shown):
        keys.press(Key.Key_Return)

    assert keys.pressed == 5  # F2, F4, R, Enter refused without the note, Enter
    with desk_db.sessions() as session:
        (attempt,) = session.scalars(
            select(CallAttempt).where(CallAttempt.case_id == first.case_id)
        ).all()
        assert (attempt.outcome, attempt.note) == ("refused_soft", "正在开会，不方便")
        assert attempt.operator_id == operator_id(desk_db)
        assert attempt.evaluation_id is None
    again = entry(desk_db, first.entry_id)
    assert (again.status, again.attempts, again.claimed_by_id) == ("open", 1, None)
    assert not desk.strip.isVisible() and desk.form.isVisible()
    assert desk.item is not None and desk.item.entry_id != first.entry_id
    assert desk.result_label.text().startswith(f"已记录 {first.case_no}：拒访，")


def test_an_outcome_without_a_note_is_recorded_by_its_key_at_once(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    keys.press("1")
    keys.press(Key.Key_F4)  # the strip takes Form A's place
    assert desk.strip.isVisible() and not desk.form.isVisible()
    keys.press(Key.Key_Escape)  # changed one's mind: Form A is back as it was
    assert desk.form.isVisible() and not desk.strip.isVisible()
    assert desk.form.rows["overall"].value() is Rating.VERY_SATISFIED
    assert QApplication.focusWidget() is desk.form.rows["efficiency"]

    keys.press(Key.Key_F4)
    with qtbot.waitSignal(desk.call_recorded), qtbot.waitSignal(desk.case_shown):
        keys.press("n")

    with desk_db.sessions() as session:
        outcomes = session.scalars(
            select(CallAttempt.outcome).where(CallAttempt.case_id == first.case_id)
        ).all()
    assert outcomes == ["no_answer"]
    assert entry(desk_db, first.entry_id).ready_at > DESK_NOW


def test_an_appointment_proposes_the_next_half_day(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    keys.press(Key.Key_F4)
    keys.press("A")

    assert desk.strip.appointment_row.isVisible()
    assert QApplication.focusWidget() is desk.strip.appointment_edit
    # In the halls' wall-clock time (the machine's own zone may be another): Monday morning.
    assert desk.strip.appointment_edit.text() == "2026-11-23 09:00"
    assert desk.strip.appointment_edit.selectedText() == "2026-11-23 09:00"  # typing replaces it
    assert desk.strip.appointment_preview.text() == "→ 2026-11-23 周一 09:00"
    proposed = datetime(2026, 11, 23, 9)
    desk.strip.same_operator_check.setChecked(True)
    with qtbot.waitSignal(desk.call_recorded), qtbot.waitSignal(desk.case_shown):
        keys.press(Key.Key_Return)

    booked = entry(desk_db, first.entry_id)
    assert booked.appointment_at.astimezone(LOCAL_ZONE).replace(tzinfo=None) == proposed
    assert booked.reserved_for_id == operator_id(desk_db)
    wait_idle(qtbot)
    shown = [
        desk.today_view.table.item(row, 2).text() for row in range(desk.today_view.table.rowCount())
    ]
    assert shown == ["预约回访", "预约回访"]  # the call made, and the appointment ahead


def test_dissatisfied_requires_a_category_and_details_then_opens_a_callback(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    evaluations_before = count(desk_db, Evaluation)
    take_next(qtbot, keys, desk)
    first = desk.item
    form = desk.form
    keys.press("4")  # 总体情况 不满意
    assert form.dissatisfaction_box.isVisible()
    assert QApplication.focusWidget() is form.rows["efficiency"]
    for _ in range(3):
        keys.press("2")
    assert QApplication.focusWidget() is form.category_row
    keys.press(Key.Key_Tab)
    keys.press(Key.Key_Tab)
    assert QApplication.focusWidget() is form.integrity_row
    keys.press("N")

    keys.press(Key.Key_Return, CTRL)
    wait_idle(qtbot)
    assert form.error_label.isVisible()
    assert form.error_label.text() == "有“不满意”的评价时，请选择不满意原因类别"
    assert QApplication.focusWidget() is form.category_row
    assert count(desk_db, Evaluation) == evaluations_before  # nothing saved yet
    assert form.rows["overall"].value() is Rating.DISSATISFIED  # nothing typed is lost

    keys.press("2")  # 服务态度差
    assert form.category_row.value() == "attitude"
    assert QApplication.focusWidget() is form.dissatisfaction_details
    keys.press(Key.Key_Return, CTRL)
    wait_idle(qtbot)
    assert form.error_label.text() == "有“不满意”的评价时，请记录被回访人反映的具体问题"
    assert QApplication.focusWidget() is form.dissatisfaction_details

    keys.type("窗口让补交材料跑了三趟")
    with qtbot.waitSignal(desk.case_saved) as saved, qtbot.waitSignal(desk.case_shown):
        keys.press(Key.Key_Return, CTRL)

    with desk_db.sessions() as session:
        task = session.get(CallbackTask, saved.args[0].callback_task_id)
        assert task.case_id == first.case_id
        assert (task.status, task.reason_category) == ("open", "attitude")
        assert task.respondent_words == "窗口让补交材料跑了三趟"
        evaluation = session.get(Evaluation, saved.args[0].evaluation_id)
        assert evaluation.overall == "dissatisfied"
        assert evaluation.efficiency == "satisfied"
    assert desk.result_label.text() == f"已保存 {first.case_no}，已转二次回访。"


def test_an_integrity_breach_needs_details_and_is_flagged_to_the_team_lead(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    escalated_before = count(desk_db, IntegrityEscalation)  # the demo's imported 有 answers
    take_next(qtbot, keys, desk)
    first = desk.item
    for _ in range(4):
        keys.press("2")
    keys.press("Y")  # 有

    form = desk.form
    assert form.integrity_box.isVisible()
    assert form.integrity_notice.text().startswith("本件将立即标记并上报组长")
    assert QApplication.focusWidget() is form.integrity_details
    keys.press(Key.Key_Return, CTRL)
    wait_idle(qtbot)
    assert form.error_label.text() == "反映有违反廉洁纪律时，请记录具体情况"
    assert count(desk_db, IntegrityEscalation) == escalated_before

    keys.type("经办人暗示加急要给好处费")
    with qtbot.waitSignal(desk.case_saved) as saved:
        keys.press(Key.Key_Return, CTRL)

    assert saved.args[0].integrity_flagged
    with desk_db.sessions() as session:
        (escalation,) = session.scalars(
            select(IntegrityEscalation).where(IntegrityEscalation.case_id == first.case_id)
        ).all()
        assert escalation.details == "经办人暗示加急要给好处费"
    assert desk.result_label.text() == f"已保存 {first.case_no}，已上报组长。"


def test_a_missing_answer_is_named_and_focused_without_saving(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    keys.press("1")
    keys.press("3")
    keys.press(Key.Key_Return, CTRL)

    assert desk.form.error_label.text() == "还没有回答：服务态度、提交材料、违反廉洁纪律"
    assert QApplication.focusWidget() is desk.form.rows["attitude"]
    assert desk.form.rows["efficiency"].value() is Rating.AVERAGE
    assert count(desk_db, CallAttempt) == 0


class TelHandler(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def dial(self, url: QUrl) -> None:
        self.urls.append(url.toString())


class StoppedClock:
    """`time.time()` for the call timer: it moves only when the test moves it."""

    def __init__(self) -> None:
        self.at = 1_796_000_000.0

    def time(self) -> float:
        return self.at


def test_ctrl_d_hands_the_number_to_the_system_and_times_the_call(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The timer's clock is stopped: a slow machine cannot add seconds to the call.
    stopped = StoppedClock()
    monkeypatch.setattr(dialer, "time", stopped)
    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "dial")
    try:
        keys = Keyboard(qtbot)
        take_next(qtbot, keys, desk)
        phone = desk.item.phones[desk.item.next_phone_index]
        assert desk.case_panel.dial_button.text() == "拨号 (Ctrl+D)"
        keys.press("D", CTRL)  # cleared first (not do-not-call), on the database thread
        qtbot.waitUntil(lambda: handler.urls != [])
    finally:
        QDesktopServices.unsetUrlHandler("tel")

    assert handler.urls == [f"tel:{phone.e164}"]
    assert desk.timer.running()
    stopped.at += 75  # the call goes on for a while
    qtbot.waitUntil(lambda: desk.case_panel.timer_label.text() == "01:15")  # at the next tick
    first = desk.item
    for key in "11111":
        keys.press(key)
    with qtbot.waitSignal(desk.case_saved):
        keys.press(Key.Key_Return, CTRL)
    with desk_db.sessions() as session:
        duration = session.scalar(
            select(CallAttempt.duration_seconds).where(CallAttempt.case_id == first.case_id)
        )
    assert duration == 75


def test_a_dial_command_gets_the_number_as_one_argument_without_a_shell(
    qtbot: QtBot, desk: CallDeskPage, tmp_path: Path
) -> None:
    out = tmp_path / "dialled.txt"
    script = "import sys; open(sys.argv[1], 'w').write('|'.join(sys.argv[2:]))"
    preferences.DIAL_COMMAND.set(f'"{sys.executable}" -c "{script}" "{out}" "call {{number}}" x;y')
    try:
        keys = Keyboard(qtbot)
        take_next(qtbot, keys, desk)
        keys.press("D", CTRL)
        qtbot.waitUntil(lambda: out.exists() and out.read_text() != "", timeout=10_000)
    finally:
        preferences.DIAL_COMMAND.set("")
    phone = desk.item.phones[desk.item.next_phone_index]
    assert out.read_text() == f"call {phone.e164}|x;y"


def test_ctrl_right_switches_to_the_next_number(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    with desk_db.sessions.begin() as session:  # a second number for every queued case
        for case_id in session.scalars(select(QueueEntry.case_id)):
            session.add(
                CasePhone(
                    case_id=case_id,
                    position=9,
                    original="0531-86123456",
                    e164="+8653186123456",
                    kind="fixed_line",
                )
            )
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    phones = first.phones
    assert len(phones) >= 2
    assert desk.case_panel.phone_index() == desk.item.next_phone_index
    assert desk.case_panel.next_number_button.text() == "下一个号码 (Ctrl+→)"

    keys.press(Key.Key_Right, CTRL)

    index = (first.next_phone_index + 1) % len(phones)
    assert desk.case_panel.phone_index() == index
    assert desk.case_panel.phone_count_label.text() == f"第 {index + 1}/{len(phones)} 个号码"
    for key in "11111":
        keys.press(key)
    with qtbot.waitSignal(desk.case_saved):
        keys.press(Key.Key_Return, CTRL)
    with desk_db.sessions() as session:
        dialled = session.scalar(
            select(CallAttempt.phone_e164).where(CallAttempt.case_id == first.case_id)
        )
    assert dialled == phones[index].e164


def test_the_claimed_case_and_its_half_filled_form_come_back_after_a_restart(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database, drafts_dir: Path
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    with qtbot.waitSignal(desk.draft_written):
        keys.press("2")
        keys.press("3")
    draft = DraftStore(drafts_dir).load(desk.operator_id, first.entry_id)
    assert draft.answers["overall"] == "satisfied" and draft.answers["efficiency"] == "average"

    again = CallDeskPage(desk_db)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.case_shown):
        again.show()
    assert again.item.entry_id == first.entry_id
    assert again.form.rows["overall"].value() is Rating.SATISFIED
    assert again.form.rows["efficiency"].value() is Rating.AVERAGE
    assert again.message_label.text() == f"已恢复上次未保存的回访单：{first.case_no}"

    # Saving (or recording, or releasing) ends the draft.
    for key in "111":
        again.form.first_unanswered().setFocus()
        qtbot.keyClick(again.form.first_unanswered(), key)
    with qtbot.waitSignal(again.case_saved):
        again.save()
    assert not DraftStore(drafts_dir).path(again.operator_id, first.entry_id).exists()
    wait_idle(qtbot)  # the page has no parent to outlive its work: it goes with this function


def test_on_first_use_the_operator_types_their_name(
    qtbot: QtBot, desk_db: Database, drafts_dir: Path, window: MainWindow
) -> None:
    page = window.pages[0]
    assert isinstance(page, CallDeskPage)
    assert page.body.currentIndex() == 0  # the chooser, not the desk
    assert page.operator_label.text() == "回访员：未选择"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.chooser.name_combo)
    keys = Keyboard(qtbot)
    keys.type("李强")
    with qtbot.waitSignal(page.operation_finished):
        keys.press(Key.Key_Return)
    try:
        assert preferences.OPERATOR.get() == "李强"
        assert page.body.currentWidget() is page.desk
        assert page.operator_label.text() == "回访员：李强"
        with desk_db.sessions() as session:
            assert session.scalar(select(Staff.is_operator).where(Staff.name == "李强"))
    finally:
        preferences.OPERATOR.set(None)


def test_nothing_due_is_said_plainly(
    qtbot: QtBot, sqlite_db: Database, operator: str, stop_clock
) -> None:
    stop_clock(DESK_NOW)  # in calling hours: outside them the desk says when they start
    page = CallDeskPage(sqlite_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.operator_id is not None and not operations.busy())
    with qtbot.waitSignal(page.case_shown):
        page.fetch_next()
    assert page.item is None
    assert page.message_label.text() == "现在没有到期的回访件。"
    assert page.placeholder.text().startswith("现在没有到期的回访件。")
    assert not page.form_box.isEnabled()
    assert QApplication.focusWidget() is page.next_button  # Space or F2 tries again


def test_f2_with_a_case_open_says_what_to_do_first(qtbot: QtBot, desk: CallDeskPage) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    keys.press(Key.Key_F2)
    assert desk.item is first
    assert desk.message_label.text().startswith("当前件还没有结果")

    with qtbot.waitSignal(desk.operation_finished):
        keys.press(Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert desk.item is None
    assert desk.message_label.text() == f"已放回队列：{first.case_no}"
    assert entry(desk.database, first.entry_id).claimed_by_id is None
    assert QApplication.focusWidget() is desk.next_button


def test_the_claim_is_renewed_and_a_lost_claim_is_said(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database, stop_clock
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    assert desk.renew_timer.isActive()
    before = entry(desk_db, desk.item.entry_id).claim_expires_at
    stop_clock(DESK_NOW + timedelta(minutes=5))  # the operator has been on the call a while
    with qtbot.waitSignal(desk.operation_finished):
        desk.renew()
    assert entry(desk_db, desk.item.entry_id).claim_expires_at > before

    with desk_db.sessions.begin() as session:  # another seat took it after it expired
        session.get(QueueEntry, desk.item.entry_id).claimed_by_id = None
    with qtbot.waitSignal(desk.operation_finished):
        desk.renew()
    assert desk.message_label.text().startswith("此业务件已不在您名下")
    assert not desk.renew_timer.isActive()


def test_switching_the_language_keeps_the_case_and_the_answers(
    qtbot: QtBot, desk: CallDeskPage, window: MainWindow
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    keys.press("3")  # the draft is written when the page goes (no 300 ms wait)
    wait_idle(qtbot)

    window.language_actions["en"].trigger()
    english = window.pages[0]
    assert isinstance(english, CallDeskPage)
    qtbot.waitUntil(lambda: english.item is not None)
    try:
        assert english.item.entry_id == first.entry_id
        assert english.form.rows["overall"].value() is Rating.AVERAGE
        assert english.next_button.text() == "Next case (F2)"
        assert english.form.save_button.text() == "Save and next (Ctrl+Enter)"
        assert [b.text() for b in english.strip.group.buttons()][0] == "No answer (N)"
        assert window.navigation.item(0).text() == "Call desk"
    finally:
        wait_idle(qtbot)
        window.language_actions["zh"].trigger()


def test_the_service_phrases_are_beside_the_call_and_can_be_edited(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = desk.phrases_panel.text_label.text()
    assert "您好,这里是(单位)" in shown
    assert "⚠ 服务忌语（禁止使用）" in shown and "你问我,我问谁" in shown

    def edit(editor: PhrasesEditor) -> int:
        assert editor.edits["greeting"].toPlainText().startswith("您好,这里是(单位)")
        editor.edits["greeting"].setPlainText(
            "您好，这里是历下区不动产登记中心\n\n请问是王先生吗？"
        )
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PhrasesEditor, "exec", edit)
    with qtbot.waitSignal(desk.operation_finished):
        qtbot.mouseClick(desk.phrases_panel.edit_button, Qt.MouseButton.LeftButton)

    with desk_db.sessions() as session:
        assert service_phrases(session)["greeting"] == [
            "您好，这里是历下区不动产登记中心",
            "请问是王先生吗？",
        ]
    assert "请问是王先生吗？" in desk.phrases_panel.text_label.text()


def test_refreshing_the_queue_says_what_was_drawn(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    with qtbot.waitSignal(desk.operation_finished):
        qtbot.mouseClick(desk.refresh_button, Qt.MouseButton.LeftButton)
    assert desk.message_label.text().startswith("队列已刷新：新抽取 ")
    wait_idle(qtbot)
    assert desk.coverage_view.title_label.text().startswith("2026 年第 4 季度：")
    assert len(desk.coverage_view.unit_blocks) == 7


def test_a_callback_assigned_to_the_operator_comes_first_and_takes_round_two_answers(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    from app.callbacks.tasks import assign
    from app.staff import add_staff
    from db.models import CallbackContact

    with desk_db.sessions.begin() as session:
        lead = add_staff(session, "组长甲", "team_lead").id
        task = session.scalars(select(CallbackTask).order_by(CallbackTask.id)).first()
        assert task is not None, "the demo's dissatisfied evaluations open callbacks"
        task.respondent_words = "办事大厅等了两个小时"
        first_evaluation = task.evaluation_id
        assign(session, [task.id], by_id=lead, staff_id=operator_id(desk_db))
        task_id, case_id = task.id, task.case_id

    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    assert (desk.item.kind, desk.item.case_id) == ("callback", case_id)
    assert desk.case_panel.kind_label.text() == "二次回访"
    history = desk.case_panel.history_label.text()
    assert "二次回访：不满意原因" in history and "办事大厅等了两个小时" in history

    for _ in range(4):
        keys.press("2")  # 满意, 满意, 满意, 满意
    keys.press("1")  # 没有
    with qtbot.waitSignal(desk.case_saved) as saved:
        keys.press(Key.Key_Return, CTRL)

    with desk_db.sessions() as session:
        task = session.get(CallbackTask, task_id)
        second = session.get(Evaluation, saved.args[0].evaluation_id)
        assert (second.round, second.overall) == (2, "satisfied")
        assert task.second_evaluation_id == second.id
        assert task.status == "contacted"
        assert task.evaluation_id == first_evaluation  # the scoring evaluation is untouched
        (contact,) = session.scalars(
            select(CallbackContact).where(CallbackContact.task_id == task_id)
        ).all()
        assert contact.means == "phone" and "总体情况：满意" in contact.said
        # No second callback for the same case.
        assert (
            session.scalar(
                select(func.count(CallbackTask.id)).where(CallbackTask.case_id == case_id)
            )
            == 1
        )


def _assign_first_callback(database: Database, **changes) -> tuple[int, int]:
    """The demo's first callback, assigned to the operator (so it comes first): its ids."""
    from app.callbacks.tasks import assign
    from app.staff import add_staff

    with database.sessions.begin() as session:
        lead = add_staff(session, "组长乙", "team_lead").id
        task = session.scalars(select(CallbackTask).order_by(CallbackTask.id)).first()
        for name, value in changes.items():
            setattr(task, name, value)
        assign(session, [task.id], by_id=lead, staff_id=operator_id(database))
        return task.id, task.case_id


def test_a_second_round_dissatisfaction_needs_its_words_and_keeps_its_reason(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    task_id, case_id = _assign_first_callback(desk_db)
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    assert (desk.item.kind, desk.item.case_id) == ("callback", case_id)
    form = desk.form
    keys.press("4")  # 总体情况 still 不满意
    for _ in range(3):
        keys.press("2")
    keys.press("5")  # 流程/系统问题
    assert QApplication.focusWidget() is form.dissatisfaction_details
    keys.press(Key.Key_Tab)
    keys.press("N")
    evaluations_before = count(desk_db, Evaluation)

    keys.press(Key.Key_Return, CTRL)  # the panel says the problem is required: it is
    wait_idle(qtbot)
    assert form.error_label.text() == "有“不满意”的评价时，请记录被回访人反映的具体问题"
    assert QApplication.focusWidget() is form.dissatisfaction_details
    assert count(desk_db, Evaluation) == evaluations_before

    keys.type("系统一直显示审核中")
    with qtbot.waitSignal(desk.case_saved) as saved:
        keys.press(Key.Key_Return, CTRL)
    with desk_db.sessions() as session:
        second = session.get(Evaluation, saved.args[0].evaluation_id)
        assert second.round == 2
        assert second.original["reason_category"] == "process"
        assert second.original["words"] == "系统一直显示审核中"


def test_release_with_half_typed_answers_asks_first_and_keeps_the_draft(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database, drafts_dir: Path
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    keys.press("2")
    keys.press("3")
    draft = DraftStore(drafts_dir).path(desk.operator_id, first.entry_id)

    keys.press(Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    box = desk.release_box
    assert box is QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()))
    assert draft.exists()  # kept while the operator decides
    keys.press(Key.Key_Escape)  # keep the case
    qtbot.waitUntil(lambda: desk.release_box is None)
    assert desk.item is first
    assert desk.form.rows["overall"].value() is Rating.SATISFIED
    assert entry(desk_db, first.entry_id).claimed_by_id == desk.operator_id
    assert draft.exists()
    qtbot.waitUntil(lambda: desk.form_box.isAncestorOf(QApplication.focusWidget()))

    keys.press(Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    box = desk.release_box
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()))
    with qtbot.waitSignal(desk.operation_finished):
        keys.press(Key.Key_Return)  # Enter confirms
    assert desk.item is None
    assert desk.message_label.text() == f"已放回队列：{first.case_no}"
    assert entry(desk_db, first.entry_id).claimed_by_id is None
    assert not draft.exists()


def test_the_side_tabs_the_queue_refresh_and_the_history_have_keys(
    qtbot: QtBot, desk: CallDeskPage, window: MainWindow
) -> None:
    from ui.navigation_keys import KEY_ROLE, PageKeyDelegate

    keys = Keyboard(qtbot)
    keys.press("T", CTRL)
    assert desk.side_tabs.currentWidget() is desk.today_view
    keys.press("G", CTRL)
    assert desk.side_tabs.currentWidget() is desk.coverage_view
    wait_idle(qtbot)
    with qtbot.waitSignal(desk.operation_finished):
        keys.press(Key.Key_F5)
    assert desk.message_label.text().startswith("队列已刷新：新抽取 ")
    assert desk.refresh_button.text() == "刷新队列 (F5)"
    wait_idle(qtbot)

    take_next(qtbot, keys, desk)
    panel = desk.case_panel
    panel.history_label.setText("<br>".join(f"第 {n} 行" for n in range(200)))
    bar = panel.history_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    focused = QApplication.focusWidget()
    keys.press(Key.Key_PageDown)
    assert bar.value() > 0
    assert QApplication.focusWidget() is focused  # the form keeps the keyboard
    keys.press(Key.Key_PageUp)
    assert bar.value() == 0

    # The page keys are drawn beside the pages' names, not only in tooltips.
    assert isinstance(window.navigation.itemDelegate(), PageKeyDelegate)
    shown = [window.navigation.item(i).data(KEY_ROLE) for i in range(window.navigation.count())]
    assert shown[:7] == [f"Ctrl+{n}" for n in range(1, 8)]
    name = window.navigation.item(0).text()
    assert name == "回访工作台"  # the name itself stays as it was
    room = window.navigation.fontMetrics().horizontalAdvance(f"{name}  Ctrl+1")
    assert window.navigation.viewport().width() > room + window.navigation.iconSize().width()


def test_an_overdue_callback_shows_its_deadline_in_red_with_the_days_late(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    _assign_first_callback(desk_db, due_on=date(2026, 11, 13))  # a week before: 5 working days
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    assert desk.item.kind == "callback"
    history = desk.case_panel.history_label.text()
    assert "期限 2026-11-13" in history
    assert "color: #b3261e" in history and "已超期 5 个工作日" in history


def test_a_new_message_replaces_the_old_result_and_today_shows_whole_case_numbers(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    for key in "11111":
        keys.press(key)
    with qtbot.waitSignal(desk.case_saved), qtbot.waitSignal(desk.case_shown):
        keys.press(Key.Key_Return, CTRL)
    wait_idle(qtbot)
    second = desk.item
    assert desk.result_label.text() == f"已保存 {first.case_no}。"  # beside "已取件"
    with qtbot.waitSignal(desk.operation_finished):
        keys.press(Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert desk.message_label.text() == f"已放回队列：{second.case_no}"
    assert desk.result_label.text() == ""

    from app.desk.today import TodayRow
    from ui.desk.today_view import TodayView

    view = TodayView()
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.show()
    case_no = "3701022026061270239600"
    row = TodayRow(
        at=DESK_NOW, case_no=case_no, applicant="欧阳建国", outcome_label="已回访", kind="call"
    )
    view.show_rows([row])
    table = view.table
    qtbot.waitUntil(lambda: table.columnWidth(3) > 0)
    text_width = table.fontMetrics().horizontalAdvance(case_no)
    assert table.columnWidth(3) >= text_width


def _coverage_row(unit_coverage: type) -> object:
    return unit_coverage(
        unit="历城区不动产登记中心（董家分中心）",
        cases=400,
        online=40,
        phone=48,
        enterprise=0,
        revisited=88,
        coverage=0.22,
        target=0.3,
        shortfall=12,
        completion_rate=0.23,
        calls_needed=52,
        queued=0,
        no_valid_phone=0,
    )


def test_the_coverage_figures_stay_on_one_line(qtbot: QtBot) -> None:
    from app.desk.coverage import UnitCoverage
    from ui.desk.coverage_view import CoverageView

    view = CoverageView()
    qtbot.addWidget(view)
    view.resize(300, 400)
    view.show()
    view.show_plan(2026, 4, [_coverage_row(UnitCoverage)])
    qtbot.waitUntil(lambda: view.unit_blocks[0].isVisible())
    (label,) = [w for w in view.unit_blocks[0].findChildren(QLabel) if "需拨打" in w.text()]
    assert label.text() == "还差 12 件 · 需拨打 52"
    line = label.fontMetrics().height()
    assert label.height() < 2 * line, "wrapped"
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_auto_dial_dials_the_first_number_as_soon_as_the_case_is_on_screen(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    from app.settings import set_setting

    with desk_db.sessions.begin() as session:
        set_setting(session, "desk.auto_dial", True)
    with qtbot.waitSignal(desk.operation_finished):
        desk.load_desk()
    wait_idle(qtbot)
    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "dial")
    try:
        keys = Keyboard(qtbot)
        take_next(qtbot, keys, desk)
        qtbot.waitUntil(lambda: handler.urls != [])
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    phone = desk.item.phones[desk.item.next_phone_index]
    assert handler.urls == [f"tel:{phone.e164}"]
    assert desk.timer.running()
    assert desk.message_label.text() == f"正在拨打 {phone.masked}…"
    # From the case on screen a Form A is then 6 keys: four ratings, 廉洁纪律 and Ctrl+Enter.
    keys.pressed = 0
    for key in "11111":
        keys.press(key)
    with qtbot.waitSignal(desk.case_saved):
        keys.press(Key.Key_Return, CTRL)
    assert keys.pressed == 6


def test_auto_dial_is_a_desk_setting_off_by_default() -> None:
    from app.settings import OPTIONS

    option = OPTIONS["desk.auto_dial"]
    assert (option.area, option.default) == ("desk", False)
    assert "Ctrl+D" in option.help
