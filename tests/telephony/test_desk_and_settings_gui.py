"""The telephone at the desk and in 设置, driven with keys: a do-not-call number is refused at
Ctrl+D, F8 stops the operator's timer when the telephone cannot hang up, baresip not running is
said plainly, and the seat's telephone settings are checked before they are kept."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from app.desk.do_not_call import FROM_IMPORT, mark
from db.database import Database
from tests.gui.conftest import window  # noqa: F401  (a fixture)
from tests.gui.test_call_desk import (  # noqa: F401  (fixtures)
    CTRL,
    Key,
    Keyboard,
    TelHandler,
    desk,
    desk_db,
    drafts_dir,
    operator,
    take_next,
)
from tests.gui.test_settings_dialog import open_dialog, retype, show_area
from tests.telephony.test_baresip_end_to_end import free_port
from ui import operations, preferences
from ui.main_window import MainWindow
from ui.pages.call_desk_page import CallDeskPage


def test_a_do_not_call_number_is_not_dialled(
    qtbot: QtBot,
    desk: CallDeskPage,  # noqa: F811
    desk_db: Database,  # noqa: F811
) -> None:
    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "dial")
    try:
        keys = Keyboard(qtbot)
        take_next(qtbot, keys, desk)
        number = desk.item.phones[desk.item.next_phone_index].e164
        with desk_db.sessions.begin() as session:  # marked by a list while the case is open
            mark(session, number, source=FROM_IMPORT, by_id=None)
        keys.press("D", CTRL)
        qtbot.waitUntil(lambda: "不再来电" in desk.message_label.text())
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    assert handler.urls == [] and not desk.timer.running()


def test_f8_stops_the_timer_of_a_telephone_that_cannot_hang_up(
    qtbot: QtBot,
    desk: CallDeskPage,  # noqa: F811
) -> None:
    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "dial")
    try:
        keys = Keyboard(qtbot)
        take_next(qtbot, keys, desk)
        keys.press("D", CTRL)
        qtbot.waitUntil(lambda: handler.urls != [] and desk.timer.running())
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    panel = desk.case_panel
    assert panel.hang_up_button.text() == "挂断 (F8)"
    assert panel.hang_up_button.isVisible() and not panel.dial_button.isVisible()
    keys.press(Key.Key_F8)
    assert panel.call_state_label.text() == "已挂断"
    assert panel.dial_button.isVisible() and not panel.hang_up_button.isVisible()
    assert desk.timer.stopped_at is not None


def test_baresip_not_running_is_said_and_nothing_is_proposed(
    qtbot: QtBot,
    desk: CallDeskPage,  # noqa: F811
) -> None:
    preferences.TELEPHONE.set("baresip")
    preferences.BARESIP_PORT.set(str(free_port()))  # nothing listens there
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    keys.press("D", CTRL)
    qtbot.waitUntil(lambda: "baresip 没有运行" in desk.message_label.text(), timeout=30_000)
    assert desk.case_panel.call_state_label.text().startswith("失败：")
    assert not desk.strip.isVisible() and not desk.timer.running()
    qtbot.waitUntil(lambda: not operations.busy())
    keys.press(Key.Key_F4)  # the operator says what happened
    assert desk.strip.isVisible()


def test_the_seat_chooses_baresip_and_its_settings_are_checked(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
) -> None:
    dialog = open_dialog(qtbot, window)
    show_area(qtbot, dialog, "本机")
    assert not dialog.baresip_port_edit.isEnabled()  # only for baresip
    dialog.telephone_combo.setFocus()
    dialog.telephone_combo.setCurrentIndex(dialog.telephone_combo.findData("baresip"))
    assert dialog.baresip_port_edit.isEnabled()
    retype(qtbot, dialog.baresip_port_edit, "99999")
    assert "1–65535" in dialog.baresip_problem_label.text()
    assert not dialog.save_button.isEnabled()
    retype(qtbot, dialog.baresip_port_edit, "4445")
    retype(qtbot, dialog.baresip_uri_edit, "sip:alice@pbx")
    assert "{number}" in dialog.baresip_problem_label.text()
    assert not dialog.save_button.isEnabled()
    retype(qtbot, dialog.baresip_uri_edit, "sip:{digits}@127.0.0.1:5062")
    assert not dialog.baresip_problem_label.isVisible() and dialog.save_button.isEnabled()
    dialog.save_button.click()
    lines = [dialog.changes_dialog.list.item(i).text() for i in range(3)]
    assert "电话（本机）：系统电话程序（tel: 链接） → baresip 软电话（由本程序控制）" in lines
    with qtbot.waitSignal(dialog.saved):
        dialog.changes_dialog.save_button.click()
    assert preferences.TELEPHONE.get() == "baresip"
    assert preferences.BARESIP_PORT.get() == "4445"
    assert preferences.BARESIP_URI.get() == "sip:{digits}@127.0.0.1:5062"
