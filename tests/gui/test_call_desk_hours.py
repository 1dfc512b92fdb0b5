"""Issue 16, items 1 and 4 at the call desk, from the keyboard: an appointment typed as people
say it, and the desk outside calling hours."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.demo import fill_demo_data
from app.desk.queue import refresh_queue
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CallAttempt, QueueEntry
from ui.pages.call_desk_page import CallDeskPage

from . import test_call_desk as call_desk
from .helpers import count
from .test_call_desk import CTRL as Qt_CTRL
from .test_call_desk import QUEUE_DAY, Key, Keyboard, TelHandler, entry, take_next, wait_idle

# The call desk's fixtures, by name (this module's desk_db stops the clock elsewhere).
desk, drafts_dir, operator = call_desk.desk, call_desk.drafts_dir, call_desk.operator

FRIDAY_AFTERNOON = datetime(2026, 11, 20, 14, tzinfo=LOCAL_ZONE)
THURSDAY_AFTERNOON = datetime(2026, 11, 19, 14, tzinfo=LOCAL_ZONE)
FRIDAY_EARLY = datetime(2026, 11, 20, 7, 46, tzinfo=LOCAL_ZONE)  # before the 09:00 hours


def focus_on(qtbot: QtBot, box: QMessageBox) -> None:
    """The question has the keys, as a window manager gives them to a new dialog (offscreen
    activates nothing by itself)."""
    box.activateWindow()
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()))


@pytest.fixture
def desk_now() -> datetime:
    return FRIDAY_AFTERNOON


@pytest.fixture
def desk_db(sqlite_db: Database, stop_clock, desk_now: datetime) -> Database:
    """test_call_desk's database, with the clock stopped at `desk_now` and the queue drawn then."""
    stop_clock(desk_now)
    with sqlite_db.sessions.begin() as session:
        fill_demo_data(session, cases=200, seed=1, today=QUEUE_DAY)
    with sqlite_db.sessions.begin() as session:
        assert refresh_queue(session, today=desk_now.date(), seed=7).added > 3
    return sqlite_db


@pytest.mark.parametrize("desk_now", [THURSDAY_AFTERNOON])
def test_tomorrow_at_10_30_is_six_keys_and_shows_the_day_before_it_is_taken(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    keys.press(Key.Key_F4)
    keys.press("A")
    assert QApplication.focusWidget() is desk.strip.appointment_edit

    keys.pressed = 0
    for key in "m1030":  # m: 明天; the proposed time is selected, so typing replaces it
        keys.press(key)
    assert desk.strip.appointment_edit.text() == "m1030"
    assert desk.strip.appointment_preview.text() == "→ 2026-11-20 周五 10:30"
    with qtbot.waitSignal(desk.call_recorded):
        keys.press(Key.Key_Return)
    assert keys.pressed == 6

    booked = entry(desk_db, first.entry_id)
    assert booked.appointment_at.astimezone(LOCAL_ZONE) == datetime(
        2026, 11, 20, 10, 30, tzinfo=LOCAL_ZONE
    )
    assert desk.result_label.text().endswith("2026-11-20 10:30 再拨。")


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("2026-12-08 10:30", "→ 2026-12-08 周二 10:30"),  # once stored as 12-12 08:10
        ("12-08 10:30", "→ 2026-12-08 周二 10:30"),
        ("202612081030", "→ 2026-12-08 周二 10:30"),
        ("下周一上午", "→ 2026-11-23 周一 09:00"),
    ],
)
def test_an_appointment_typed_the_natural_way_is_stored_as_shown(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database, typed: str, shown: str
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    keys.press(Key.Key_F4)
    keys.press("A")
    keys.type(typed)  # as an input method hands it over: it replaces the selected proposal
    assert desk.strip.appointment_edit.text() == typed
    assert desk.strip.appointment_preview.text() == shown
    with qtbot.waitSignal(desk.call_recorded):
        keys.press(Key.Key_Return)
    at = entry(desk_db, first.entry_id).appointment_at.astimezone(LOCAL_ZONE)
    assert "→ " + f"{at:%Y-%m-%d}" in shown and f"{at:%H:%M}" in shown


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("m1030", "2026-11-21 周六 10:30：这天不是工作日"),  # Friday: tomorrow is Saturday
        ("12:30", "2026-11-23 周一 12:30：不在回访时段（09:00-12:00、14:00-17:30）"),
    ],
)
def test_an_appointment_the_desk_cannot_keep_is_refused_with_the_reason(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database, typed: str, reason: str
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    keys.press(Key.Key_F4)
    keys.press("A")
    for key in typed:
        keys.press(key)
    assert desk.strip.appointment_preview.text() == reason  # said while typing
    keys.press(Key.Key_Return)
    wait_idle(qtbot)
    assert desk.strip.error_label.text() == reason
    assert QApplication.focusWidget() is desk.strip.appointment_edit
    assert desk.item is first
    assert count(desk_db, CallAttempt) == 0


@pytest.mark.parametrize("desk_now", [FRIDAY_EARLY])
def test_before_calling_hours_only_a_due_appointment_is_offered_and_dialling_asks(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    with qtbot.waitSignal(desk.case_shown):
        keys.press(Key.Key_F2)
    assert desk.item is None  # the drawn queue waits for 09:00
    said = "现在不在回访时段（2026-11-20 09:00 开始），只取已到时间的预约。"
    assert desk.message_label.text() == said
    assert desk.placeholder.text().startswith(said)

    # A respondent who asked to be called at 07:45.
    with desk_db.sessions.begin() as session:
        booked = session.scalars(select(QueueEntry).order_by(QueueEntry.id.desc())).first()
        booked.appointment_at = FRIDAY_EARLY - timedelta(minutes=1)
        booked_id = booked.id
    take_next(qtbot, keys, desk)
    assert desk.item.entry_id == booked_id
    assert desk.message_label.text() == said

    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "dial")
    try:
        keys.press("D", Qt_CTRL)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        assert desk.dial_box is QApplication.activeModalWidget()
        assert "09:00 开始" in desk.dial_box.text()
        focus_on(qtbot, desk.dial_box)
        keys.press(Key.Key_Return)  # the default is not to dial
        qtbot.waitUntil(lambda: desk.dial_box is None)
        assert handler.urls == [] and not desk.timer.running()
        assert desk.message_label.text() == "没有拨打：不在回访时段。"
        desk.window().activateWindow()  # the window has the keys again once the question closed
        qtbot.waitUntil(lambda: desk.isAncestorOf(QApplication.focusWidget()))

        keys.press("D", Qt_CTRL)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        focus_on(qtbot, desk.dial_box)
        keys.press("Y")  # 仍然拨打(&Y)
        qtbot.waitUntil(lambda: desk.dial_box is None)
        qtbot.waitUntil(lambda: handler.urls != [])  # once cleared (not do-not-call)
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    phone = desk.item.phones[desk.item.next_phone_index]
    assert handler.urls == [f"tel:{phone.e164}"]
    assert desk.timer.running()


def test_in_calling_hours_dialling_does_not_ask(qtbot: QtBot, desk: CallDeskPage) -> None:
    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "dial")
    try:
        keys = Keyboard(qtbot)
        take_next(qtbot, keys, desk)
        keys.press("D", Qt_CTRL)
        qtbot.waitUntil(lambda: handler.urls != [])  # once cleared (not do-not-call)
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    assert desk.dial_box is None and len(handler.urls) == 1
