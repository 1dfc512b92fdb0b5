"""The sync menu and the lead's conflicts dialog, driven offscreen on real databases."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from app.keys import sync_keyring
from app.roles import Role
from app.staff import StaffMember
from app.sync import export_changes, read_sync_file
from db.database import Database
from db.models import Staff
from ui import operations
from ui.current_user import log_in_as, save_user_name
from ui.sync import SyncActions, add_sync_actions

from .helpers import (
    add_staff,
    case_value,
    conflict_on_a_case,
    counts,
    exchange_keys,
    name_site,
    outlet_day,
    sync_file,
)


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database) -> Iterator[QMainWindow]:
    window = QMainWindow()
    window.database = sqlite_db
    window.resize(1200, 700)
    qtbot.addWidget(window)
    window.show()
    yield window
    operations.cancel_and_wait()


@pytest.fixture
def sync(window: QMainWindow) -> SyncActions:
    menu = QMenu(window)
    actions = add_sync_actions(menu, window)
    assert [a.text() for a in menu.actions()] == [
        "导出同步文件(&E)…",
        "导出全部记录（补缺）(&A)…",
        "导入同步文件(&I)…",
        "发送待回访业务件(&S)…",
        "同步冲突(&C)…",
        "密钥交换(&K)…",
    ]
    return actions


def trigger(sync: SyncActions, text: str) -> None:
    (action,) = [a for a in sync.parent().actions() if a.text().startswith(text)]
    action.trigger()


def test_the_lead_sees_both_versions_and_takes_the_incoming_one(
    qtbot, sync, outlet, sqlite_db, tmp_path
):
    centre = sqlite_db
    conflict_on_a_case(outlet, centre, tmp_path)
    add_staff(centre, "中心组长", "team_lead")
    save_user_name("中心组长")

    trigger(sync, "同步冲突")
    qtbot.waitUntil(lambda: sync.conflicts_dialog is not None)
    dialog = sync.conflicts_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    assert dialog.current().title == "JN20260701000001"
    header = dialog.versions.horizontalHeaderItem(2).text()
    assert header == "传入的版本（历下网点）"
    rows = {
        dialog.versions.item(r, 0).text(): (
            dialog.versions.item(r, 1).text(),
            dialog.versions.item(r, 2).text(),
        )
        for r in range(3)
    }
    assert rows == {
        "座落": ("历下区经十路 1 号 3 单元", "历下区经十路 1 号 2 单元"),
        "申请人": ("张三（中心核实）", "张三"),
        "办理事项类型": ("转移登记", "抵押登记"),
    }
    assert dialog.versions.item(3, 0).font().bold() is False  # the same in both: after
    assert "3 个字段不同" in dialog.times_label.text()

    with qtbot.waitSignal(dialog.decided, timeout=10000) as decided:
        qtbot.mouseClick(dialog.take_incoming_button, Qt.MouseButton.LeftButton)
    assert decided.args[0].decision == "incoming"
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert dialog.status_label.text() == "没有待处理的同步冲突。"
    assert not dialog.keep_local_button.isEnabled()
    assert case_value(centre, "location") == "历下区经十路 1 号 2 单元"
    dialog.close()


def test_only_a_lead_opens_the_conflicts(qtbot, sync, sqlite_db):
    add_staff(sqlite_db, "中心回访员", "operator")
    save_user_name("中心回访员")
    with qtbot.waitSignal(sync.message_shown, timeout=10000) as shown:
        trigger(sync, "同步冲突")
    assert "只有组长或管理员" in shown.args[0]
    assert sync.conflicts_dialog is None


def test_a_lead_logged_in_opens_the_conflicts(qtbot, sync, outlet, sqlite_db, tmp_path):
    """Where people log in, the person logged in decides (not a name chosen at the seat)."""
    conflict_on_a_case(outlet, sqlite_db, tmp_path)
    lead = add_staff(sqlite_db, "中心组长", "team_lead")
    save_user_name(None)
    log_in_as(StaffMember(lead, "中心组长", Role.TEAM_LEAD))

    trigger(sync, "同步冲突")
    qtbot.waitUntil(lambda: sync.conflicts_dialog is not None)
    qtbot.waitUntil(lambda: sync.conflicts_dialog.model.rowCount() == 1)
    sync.conflicts_dialog.close()


def test_import_and_export_from_the_menu(qtbot, sync, outlet, sqlite_db, tmp_path, monkeypatch):
    exchange_keys(outlet, sqlite_db)
    outlet_day(outlet)
    sent = sync_file(tmp_path, "outlet")
    export_changes(outlet, sent)
    monkeypatch.setattr(sync, "ask_open_path", lambda _title: sent)
    with qtbot.waitSignal(sync.data_changed, timeout=10000):
        trigger(sync, "导入同步文件")
    qtbot.waitUntil(lambda: not operations.busy())
    assert counts(sqlite_db)["cases"] == 2

    broken = tmp_path / "broken.rdsync"
    broken.write_bytes(sent.read_bytes()[:-200])
    monkeypatch.setattr(sync, "ask_open_path", lambda _title: broken)
    with qtbot.waitSignal(sync.message_shown, timeout=10000) as shown:
        trigger(sync, "导入同步文件")
    assert "不完整" in shown.args[0]

    written = tmp_path / "centre.rdsync"
    monkeypatch.setattr(sync, "ask_save_path", lambda _title, _name: written)
    with qtbot.waitSignal(sync.message_shown, timeout=10000) as shown:
        trigger(sync, "导出同步文件")
    assert "已导出同步文件第 1 号" in shown.args[0] and written.exists()

    with qtbot.waitSignal(sync.message_shown, timeout=10000) as shown:
        trigger(sync, "导出全部记录")
    assert "已导出同步文件第 2 号" in shown.args[0]
    with outlet.sessions() as session, read_sync_file(written, sync_keyring(session)) as read:
        assert read.manifest["since"] is None


def test_send_cases_dialog_lists_units_with_their_open_queue(
    qtbot, sync, outlet, sqlite_db, tmp_path
):
    exchange_keys(outlet, sqlite_db)
    outlet_day(sqlite_db)
    sync.folder = tmp_path
    trigger(sync, "发送待回访业务件")
    dialog = sync.send_dialog
    qtbot.waitUntil(lambda: dialog.units.count() == 1)
    item = dialog.units.item(0)
    assert item.text() == "历下区不动产登记中心（待回访 1 件）"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    item.setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled() and Path(dialog.path_edit.text()).parent == tmp_path
    with qtbot.waitSignal(sync.message_shown, timeout=10000) as shown:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "已导出待回访业务件（历下区不动产登记中心）" in shown.args[0]
    assert len(list(tmp_path.glob("*.rdsync"))) == 1


def test_a_refused_decision_is_shown_and_changes_nothing(qtbot, sync, outlet, sqlite_db, tmp_path):
    centre = sqlite_db
    conflict_on_a_case(outlet, centre, tmp_path)
    lead = add_staff(centre, "中心组长", "team_lead")
    save_user_name("中心组长")
    trigger(sync, "同步冲突")
    qtbot.waitUntil(lambda: sync.conflicts_dialog is not None)
    dialog = sync.conflicts_dialog
    qtbot.waitUntil(lambda: dialog.keep_local_button.isEnabled(), timeout=10000)
    with centre.sessions.begin() as session:
        session.get(Staff, lead).role = "operator"  # the role was taken away meanwhile

    qtbot.mouseClick(dialog.keep_local_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "无权" in dialog.status_label.text(), timeout=10000)
    assert dialog.keep_local_button.isEnabled() and dialog.model.rowCount() == 1
    assert case_value(centre, "location") == "历下区经十路 1 号 3 单元"
    dialog.close()


def test_the_window_asks_which_site_a_file_is_for_when_several_are_trusted(
    qtbot, sync, outlet, second_outlet, sqlite_db, tmp_path, monkeypatch
):
    name_site(sqlite_db, "市中心")
    name_site(outlet, "历下网点")
    name_site(second_outlet, "槐荫网点")
    exchange_keys(sqlite_db, outlet, second_outlet)
    outlet_day(sqlite_db)
    asked = []

    def choose(names):
        asked.append(names)
        return "槐荫网点"

    monkeypatch.setattr(sync, "ask_recipient", choose)
    written = tmp_path / "for-huaiyin.rdsync"
    monkeypatch.setattr(sync, "ask_save_path", lambda _title, _name: written)
    with qtbot.waitSignal(sync.message_shown, timeout=10000) as shown:
        trigger(sync, "导出同步文件")
    assert sorted(asked[0]) == ["历下网点", "槐荫网点"]
    assert "加密发给 槐荫网点" in shown.args[0]
    with second_outlet.sessions() as session, read_sync_file(written, sync_keyring(session)):
        pass  # it opens there

    # Giving up the choice writes nothing.
    monkeypatch.setattr(sync, "ask_recipient", lambda names: None)
    monkeypatch.setattr(sync, "ask_save_path", lambda _t, _n: pytest.fail("no file asked"))
    trigger(sync, "导出同步文件")
    qtbot.waitUntil(lambda: not operations.busy())
