"""The 设置 dialog driven with keys and the mouse: the settings by area with their rules, checked as
they are typed, what changed shown before it is saved in one go and audited; read-only for other
roles; the evaluation address's QR preview and its reminder; this seat's dial command and a test
dial."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.roles import Role
from app.settings import OPTIONS, get_setting, set_setting
from app.staff import StaffMember, add_staff
from db.database import Database
from db.models import AuditEntry
from ui import preferences
from ui.current_user import log_in_as
from ui.main_window import MainWindow
from ui.settings.example_address import remind_administrator
from ui.settings.settings_dialog import SettingsDialog

Key = Qt.Key
REAL_ADDRESS = "https://hcp.jinan.gov.cn/pj?ywbh={case_no}"


def person(database: Database, name: str, role: Role) -> StaffMember:
    with database.sessions.begin() as session:
        staff_id = add_staff(session, name, role.value).id
    member = StaffMember(staff_id, name, role)
    log_in_as(member)
    return member


@pytest.fixture(autouse=True)
def no_dial_command():
    seat = (preferences.DIAL_COMMAND, preferences.TELEPHONE)
    for preference in seat:
        preference.set(None)
    yield
    for preference in seat:
        preference.set(None)


def open_dialog(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    """Through the menu 设置 → 设置(S)…, as a person would."""
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "设置(&S)"]
    (action,) = [a for a in menu.actions() if a.text() == "设置(&S)…"]
    action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.values is not None)
    return dialog


def show_area(qtbot: QtBot, dialog: SettingsDialog, title: str) -> None:
    (item,) = dialog.areas.findItems(title, Qt.MatchFlag.MatchExactly)
    rect = dialog.areas.visualItemRect(item)
    qtbot.mouseClick(dialog.areas.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.areas.currentItem() is item


def retype(qtbot: QtBot, editor: QLineEdit | QSpinBox, text: str) -> None:
    editor.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(editor, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Key.Key_Delete)
    qtbot.keyClicks(editor, text)


def test_an_administrator_edits_sees_what_changed_and_saves_it_audited(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    admin = person(sqlite_db, "赵管理", Role.ADMINISTRATOR)
    dialog = open_dialog(qtbot, window)
    assert [dialog.areas.item(i).text() for i in range(dialog.areas.count())] == [
        "本中心", "回访工作台", "二次回访与投诉", "打印", "扫描", "备份", "网点同步", "数据保留", "账号安全", "本机",
    ]  # fmt: skip
    assert not dialog.save_button.isEnabled()  # nothing changed yet

    # Each setting shows its title and the rule it serves.
    show_area(qtbot, dialog, "二次回访与投诉")
    reply = dialog.rows["complaints.reply_working_days"]
    assert reply.isVisible() and reply.title_label.text() == "<b>投诉答复处理意见期限（工作日）</b>"
    assert reply.help_label.text().startswith("W 7.3.4：十五个工作日内答复处理意见")
    assert "范围 ≥ 1 且 ≤ 15" in reply.help_label.text()  # W 7.3.4's fifteen working days
    retype(qtbot, reply.editor, "10")

    # A wrong value is red with its reason as it is typed, and holds up 保存.
    show_area(qtbot, dialog, "回访工作台")
    morning = dialog.rows["desk.morning_hours"]
    retype(qtbot, morning.editor, "12:00-09:00")
    assert morning.problem_label.isVisible()
    assert "时段的开始应早于结束" in morning.problem_label.text()
    assert not dialog.save_button.isEnabled()
    assert dialog.summary_label.text() == "有 1 项设置的值不正确，请按红字修改。"
    assert dialog.areas.item(1).foreground().color().name() == "#b3261e"  # 回访工作台
    # Right alone, wrong with the afternoon: said on the afternoon's line.
    retype(qtbot, morning.editor, "09:00-15:00")
    assert not morning.problem_label.isVisible()
    assert (
        "应在上午时段（09:00-15:00）之后"
        in dialog.rows["desk.afternoon_hours"].problem_label.text()
    )
    retype(qtbot, morning.editor, "08:30-11:30")
    assert dialog.problems == {}
    sample_all = dialog.rows["desk.sample_all"].editor
    assert isinstance(sample_all, QCheckBox)
    qtbot.mouseClick(sample_all, Qt.MouseButton.LeftButton, pos=QPoint(4, sample_all.height() // 2))
    assert sample_all.isChecked()
    assert dialog.summary_label.text() == "已更改 3 项，尚未保存。"
    assert dialog.save_button.isEnabled()

    # What changed, old → new, before anything is saved.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    changes = dialog.changes_dialog
    assert changes is not None and changes.isVisible()
    assert [changes.list.item(i).text() for i in range(changes.list.count())] == [
        "所有到期业务件都电话回访（不抽样）：否 → 是",
        "上午回访时段：09:00-12:00 → 08:30-11:30",
        "投诉答复处理意见期限（工作日）：15 → 10",
    ]
    with sqlite_db.sessions() as session:
        assert get_setting(session, "complaints.reply_working_days") == 15  # not yet
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(changes.save_button, Qt.MouseButton.LeftButton)
    assert len(saved.args[0]) == 3
    qtbot.waitUntil(lambda: not dialog.save_button.isEnabled())
    assert dialog.message_label.text() == "已保存 3 项更改。"

    with sqlite_db.sessions() as session:
        assert get_setting(session, "complaints.reply_working_days") == 10
        assert get_setting(session, "desk.morning_hours") == "08:30-11:30"
        assert get_setting(session, "desk.sample_all") is True
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "setting.change").order_by(AuditEntry.id)
        ).all()
    assert [(e.before["key"], e.after["value"], e.actor) for e in entries] == [
        ("desk.sample_all", True, f"赵管理 (#{admin.id})"),
        ("desk.morning_hours", "08:30-11:30", f"赵管理 (#{admin.id})"),
        ("complaints.reply_working_days", 10, f"赵管理 (#{admin.id})"),
    ]


def test_going_back_from_the_summary_saves_nothing(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    person(sqlite_db, "赵管理", Role.ADMINISTRATOR)
    dialog = open_dialog(qtbot, window)
    show_area(qtbot, dialog, "数据保留")
    years = dialog.rows["retention.years"].editor
    assert years.minimum() == 3 and years.maximum() == 30  # the declared range
    years.setFocus()
    qtbot.keyClick(years, Key.Key_Up)
    assert years.value() == 4
    qtbot.keyClick(dialog, Key.Key_S, Qt.KeyboardModifier.AltModifier)  # 保存(&S)…
    qtbot.waitUntil(lambda: dialog.changes_dialog is not None)
    qtbot.keyClick(dialog.changes_dialog, Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.changes_dialog is None)
    with sqlite_db.sessions() as session:
        assert get_setting(session, "retention.years") == 3
        assert session.scalar(select(AuditEntry.id).where(AuditEntry.entity == "setting")) is None
    assert dialog.save_button.isEnabled()  # still changed on screen


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.TEAM_LEAD, Role.AUDITOR])
def test_other_roles_see_the_settings_read_only(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, role: Role
) -> None:
    person(sqlite_db, "某人", role)
    dialog = open_dialog(qtbot, window)
    assert dialog.banner.text() == "只有管理员可以更改设置；您可以查看各项设置及其依据。"
    assert not dialog.save_button.isVisible()
    assert not dialog.rows["desk.max_attempts"].editor.isEnabled()
    assert not dialog.rows["backup.daily"].editor.isEnabled()
    morning = dialog.rows["desk.morning_hours"].editor
    assert morning.text() == "09:00-12:00" and morning.isReadOnly()
    morning.setFocus()
    qtbot.keyClicks(morning, "x")
    assert morning.text() == "09:00-12:00"
    assert dialog.dial_edit.isReadOnly()


def test_the_evaluation_address_shows_its_qr_live_and_is_checked(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, tmp_path: Path
) -> None:
    person(sqlite_db, "赵管理", Role.ADMINISTRATOR)
    dialog = open_dialog(qtbot, window)
    show_area(qtbot, dialog, "打印")
    preview = dialog.address_preview
    assert preview.isVisible()
    assert preview.url_label.text() == "https://hcp.example.gov.cn/evaluate?case=JN20261201000001"
    assert preview.warning_label.text().startswith("这是示例地址")
    address = dialog.rows["printing.evaluation_url_template"]
    assert "J 5.2.1" in address.help_label.text()

    retype(qtbot, address.editor, "https://hcp.jinan.gov.cn/pj")
    assert "{case_no}" in address.problem_label.text()
    assert preview.qr_label.text() == "地址无效"
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(address.editor, "?ywbh={case_no}")
    assert not address.problem_label.isVisible()
    assert preview.url_label.text() == "https://hcp.jinan.gov.cn/pj?ywbh=JN20261201000001"
    assert preview.warning_label.text() == ""
    # The QR on screen reads back to the address the slip will print.
    preview.qr_label.pixmap().save(str(tmp_path / "qr.png"))
    (code,) = zxingcpp.read_barcodes(Image.open(tmp_path / "qr.png"))
    assert code.text == "https://hcp.jinan.gov.cn/pj?ywbh=JN20261201000001"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        dialog.changes_dialog.save_button.click()
    with sqlite_db.sessions() as session:
        assert get_setting(session, "printing.evaluation_url_template") == REAL_ADDRESS


def test_an_administrator_is_told_once_after_log_in_while_the_address_is_the_example(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    person(sqlite_db, "王芳", Role.OPERATOR)
    remind_administrator(window)  # an operator cannot change it: not told
    person(sqlite_db, "赵管理", Role.ADMINISTRATOR)
    remind_administrator(window)
    qtbot.waitUntil(lambda: getattr(window, "example_address_box", None) is not None)
    box: QMessageBox = window.example_address_box
    assert box.isVisible() and "hcp.example.gov.cn" in box.text()
    assert window.statusBar().currentMessage() == "网上评价地址仍是示例地址：请在“设置”中填写。"
    (open_button,) = [b for b in box.buttons() if b.text() == "打开设置(&O)…"]
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.areas.currentItem().text() == "打印"

    with sqlite_db.sessions.begin() as session:
        set_setting(session, "printing.evaluation_url_template", REAL_ADDRESS)
    window.example_address_box = None
    remind_administrator(window)
    qtbot.waitUntil(lambda: not _busy())
    assert window.example_address_box is None  # a real address: nothing to tell


def _busy() -> bool:
    from ui import operations

    return operations.busy()


def test_the_dial_command_is_checked_tried_and_kept_for_this_seat(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, tmp_path: Path
) -> None:
    person(sqlite_db, "赵管理", Role.ADMINISTRATOR)
    dialog = open_dialog(qtbot, window)
    show_area(qtbot, dialog, "本机")
    dialog.telephone_combo.setCurrentIndex(dialog.telephone_combo.findData("command"))
    retype(qtbot, dialog.dial_edit, 'linphonec -c "call {number}')
    assert dialog.dial_problem_label.isVisible()
    assert "拨号命令无法使用" in dialog.dial_problem_label.text()
    assert not dialog.save_button.isEnabled()
    last = dialog.areas.item(dialog.areas.count() - 1)
    assert last.foreground().color().name() == "#b3261e"  # 本机

    dialled = tmp_path / "dialled.txt"
    command = f"sh -c {shlex.quote('echo {number} > ' + str(dialled))}"
    retype(qtbot, dialog.dial_edit, command)
    assert not dialog.dial_problem_label.isVisible()
    retype(qtbot, dialog.test_number_edit, "0531-86123456")
    with qtbot.waitSignal(dialog.dialled):
        qtbot.keyClick(dialog.test_number_edit, Key.Key_Return)
    qtbot.waitUntil(lambda: dialled.exists() and dialled.read_text().strip() != "")
    assert dialled.read_text().strip() == "+8653186123456"
    assert dialog.dial_result_label.text().startswith("已用“sh -c")
    assert preferences.DIAL_COMMAND.get() == ""  # tried before it is saved

    retype(qtbot, dialog.test_number_edit, "12")
    with qtbot.waitSignal(dialog.dialled):
        qtbot.mouseClick(dialog.test_dial_button, Qt.MouseButton.LeftButton)
    assert dialog.dial_result_label.text() == "请输入一个有效的电话号码。"
    retype(qtbot, dialog.dial_edit, "/no/such/phone {number}")
    retype(qtbot, dialog.test_number_edit, "13812345678")
    with qtbot.waitSignal(dialog.dialled):
        qtbot.mouseClick(dialog.test_dial_button, Qt.MouseButton.LeftButton)
    assert dialog.dial_result_label.text().startswith("无法拨号（")
    assert "/no/such/phone" in dialog.dial_result_label.text()

    retype(qtbot, dialog.dial_edit, command)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [dialog.changes_dialog.list.item(i).text() for i in range(2)] == [
        f"拨号命令（本机）：（空） → {command}",
        "电话（本机）：系统电话程序（tel: 链接） → 软电话命令",
    ]
    with qtbot.waitSignal(dialog.saved):
        dialog.changes_dialog.save_button.click()
    assert preferences.DIAL_COMMAND.get() == command
    assert preferences.TELEPHONE.get() == "command"
    with sqlite_db.sessions() as session:  # a seat's preference: nothing in the database
        assert session.scalar(select(AuditEntry.id).where(AuditEntry.entity == "setting")) is None


def test_every_setting_has_an_editor_showing_its_value(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    dialog = open_dialog(qtbot, window)  # nobody logs in on this database: may change all
    assert dialog.may_edit
    assert set(dialog.rows) == set(OPTIONS)
    for key, row in dialog.rows.items():
        assert row.value() == OPTIONS[key].default, key


def test_a_folder_the_disk_refuses_is_said_beside_it_when_saved(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, tmp_path: Path
) -> None:
    """Its form is checked as it is typed; this computer's disk only when it is saved (on the
    database's thread: a network drive may be slow to answer). Nothing is saved then."""
    person(sqlite_db, "赵管理", Role.ADMINISTRATOR)
    a_file = tmp_path / "backups.txt"  # ASCII: QTest types no other characters
    a_file.write_text("not a folder")
    dialog = open_dialog(qtbot, window)
    show_area(qtbot, dialog, "备份")
    folder = dialog.rows["backup.folder"]
    retype(qtbot, folder.editor, "backups")
    assert "应为完整的文件夹路径" in folder.problem_label.text()
    retype(qtbot, folder.editor, str(a_file))
    assert dialog.problems == {} and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.changes_dialog is not None)
    qtbot.mouseClick(dialog.changes_dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: folder.problem_label.isVisible())
    assert f"{a_file} 是一个文件，不是文件夹" in folder.problem_label.text()
    assert "是一个文件，不是文件夹" in dialog.message_label.text()
    assert not dialog.save_button.isEnabled()
    assert dialog.areas.item(5).foreground().color().name() == "#b3261e"  # 备份
    with sqlite_db.sessions() as session:
        assert get_setting(session, "backup.folder") == ""
    # Another folder, not there yet: taken (the first backup makes it).
    retype(qtbot, folder.editor, str(tmp_path / "new-backups"))
    assert not folder.problem_label.isVisible() and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.changes_dialog is not None)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.changes_dialog.save_button, Qt.MouseButton.LeftButton)
    with sqlite_db.sessions() as session:
        assert get_setting(session, "backup.folder") == str(tmp_path / "new-backups")
