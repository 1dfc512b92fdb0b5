"""The backup menu and the daily backup, driven offscreen in a bare main window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.backup import backup_keyring, create_backup, verify_backup
from app.backup.service import MANUAL, back_up
from app.keys import RecoveryKey, make_recovery_key
from app.roles import Role
from app.settings import set_setting
from app.staff import StaffMember
from db.database import Database, open_database
from db.models import AuditEntry, Staff
from tests.conftest import copy_of
from ui import operations
from ui.backup import DailyBackup, add_backup_actions
from ui.backup.actions import BackupActions
from ui.backup.restore_dialog import RestoreDialog
from ui.current_user import log_in_as, save_user_name
from ui.operations import operation

from .conftest import quarterly


@pytest.fixture(scope="module", autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The chosen user lives in QSettings: keep the tests' choice out of the user's own."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))


def seat_user(database: Database, role: str) -> None:
    """Someone with `role` chosen at this seat (databases without log-ins)."""
    with database.sessions.begin() as session:
        session.add(Staff(name=f"用户-{role}", role=role))
    save_user_name(f"用户-{role}")


@pytest.fixture
def window(qtbot: QtBot, filled_sqlite: Database) -> Iterator[QMainWindow]:
    window = QMainWindow()
    window.database = filled_sqlite
    add_backup_actions(window.menuBar().addMenu("文件"), window)
    qtbot.addWidget(window)
    window.show()
    yield window
    operations.cancel_and_wait()
    save_user_name(None)


def with_recovery_key(database: Database) -> RecoveryKey:
    with database.sessions.begin() as session:
        return make_recovery_key(session, by_id=None)


def trigger(window: QMainWindow, text: str) -> None:
    menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in menu.actions() if a.text() == text]
    action.trigger()


@dataclass(frozen=True)
class Shown:
    icon: QMessageBox.Icon
    text: str
    informative: str
    details: str


def message(qtbot: QtBot, window: QMainWindow) -> Shown:
    """What the message box the action ends with said; the box is closed."""
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=20_000)
    (box,) = window.findChildren(QMessageBox)
    shown = Shown(box.icon(), box.text(), box.informativeText(), box.detailedText())
    box.close()  # deletes it (WA_DeleteOnClose)
    qtbot.waitUntil(lambda: not window.findChildren(QMessageBox))
    return shown


def choose(monkeypatch, method: str, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, method, lambda *a, **k: (str(path), ""))


def test_menu_holds_the_three_actions(window: QMainWindow):
    (menu,) = [a.menu() for a in window.menuBar().actions()]
    assert [a.text() for a in menu.actions()] == [
        "立即备份…",
        "校验备份…",
        "从备份恢复到新数据库…",
    ]
    # Menus rebuilt (a language switch) get the actions again, from the one BackupActions.
    again = add_backup_actions(window.menuBar().addMenu("File"), window)
    assert window.findChildren(BackupActions) == [again]


def test_back_up_now_with_progress(qtbot: QtBot, window: QMainWindow, tmp_path, monkeypatch):
    with_recovery_key(window.database)
    seat_user(window.database, "administrator")
    choose(monkeypatch, "getSaveFileName", tmp_path / "gui-backup")
    trigger(window, "立即备份…")
    assert window.findChildren(QProgressDialog)  # shown while it runs

    box = message(qtbot, window)
    assert box.icon == QMessageBox.Icon.Information
    assert "已备份到" in box.text and "gui-backup.zip" in box.text and "签名并加密" in box.text
    assert "业务件 400" in box.informative
    keys = backup_keyring(window.database)
    assert verify_backup(tmp_path / "gui-backup.zip", keys=keys).manifest.counts["cases"] == 400
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog))


def test_a_backup_without_a_recovery_key_says_so_and_offers_one(
    qtbot: QtBot, window: QMainWindow, tmp_path, monkeypatch
):
    with window.database.sessions.begin() as session:
        session.add(Staff(name="用户-administrator", role="administrator"))
    save_user_name("用户-administrator")
    choose(monkeypatch, "getSaveFileName", tmp_path / "first")
    trigger(window, "立即备份…")
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=20_000)
    (box,) = window.findChildren(QMessageBox)
    assert box.icon() == QMessageBox.Icon.Warning and "还没有恢复密钥" in box.text()
    (make,) = [b for b in box.buttons() if b.text() == "制作恢复密钥(&R)…"]
    make.click()
    actions = window.findChild(BackupActions)
    qtbot.waitUntil(lambda: actions.keys_dialog is not None and actions.keys_dialog.facts)
    dialog = actions.keys_dialog
    assert dialog.recovery_button.text() == "制作恢复密钥(&R)…"
    dialog.close()


def test_cancel_leaves_no_file(qtbot: QtBot, window: QMainWindow, tmp_path, monkeypatch):
    seat_user(window.database, "administrator")
    choose(monkeypatch, "getSaveFileName", tmp_path / "out" / "cancelled.zip")
    # Hold the backup thread, so that Cancel comes before the backup has begun.
    release = threading.Event()
    operation(window, None, lambda _progress: release.wait()).run()
    trigger(window, "立即备份…")
    (progress,) = window.findChildren(QProgressDialog)
    progress.findChild(QPushButton).click()  # 取消
    release.set()

    qtbot.waitUntil(lambda: not operations.busy())
    assert "备份已取消" in window.statusBar().currentMessage()
    assert not (tmp_path / "out" / "cancelled.zip").exists()
    assert [p for p in (tmp_path / "out").iterdir()] == []
    assert not window.findChildren(QMessageBox)


def test_verify_says_intact_or_refuses(qtbot: QtBot, window: QMainWindow, tmp_path, monkeypatch):
    good = tmp_path / "b.zip"
    create_backup(window.database, good)
    save_user_name(None)  # verifying is open to anyone
    choose(monkeypatch, "getOpenFileName", good)
    trigger(window, "校验备份…")
    box = message(qtbot, window)
    assert box.icon == QMessageBox.Icon.Information and "备份完好" in box.text
    assert "业务件 400" in box.informative and "完整性检查通过" in box.details

    damaged = tmp_path / "damaged.zip"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x10
    damaged.write_bytes(bytes(data))
    choose(monkeypatch, "getOpenFileName", damaged)
    trigger(window, "校验备份…")
    box = message(qtbot, window)
    assert box.icon == QMessageBox.Icon.Critical and "已损坏或被改动" in box.text


def test_restore_into_a_new_file(qtbot: QtBot, window: QMainWindow, tmp_path, monkeypatch):
    with_recovery_key(window.database)
    backup = tmp_path / "b.zip"
    create_backup(window.database, backup)
    seat_user(window.database, "administrator")
    choose(monkeypatch, "getOpenFileName", backup)
    trigger(window, "从备份恢复到新数据库…")

    qtbot.waitUntil(lambda: bool(window.findChildren(RestoreDialog)))
    (dialog,) = window.findChildren(RestoreDialog)
    assert dialog.target().endswith(".sqlite3") and not Path(dialog.target()).exists()
    assert "业务件 400" in dialog.contents(dialog.manifest)
    target = tmp_path / "restored.sqlite3"
    dialog.target_edit.setText(str(target))
    dialog.ok_button.click()

    box = message(qtbot, window)
    assert box.icon == QMessageBox.Icon.Information and "正在使用的数据库没有改动" in box.text
    restored = open_database(f"sqlite:///{target}")
    try:
        assert quarterly(restored) == quarterly(window.database)
    finally:
        restored.close()


def test_restore_refuses_the_running_database(
    qtbot: QtBot, window: QMainWindow, tmp_path, monkeypatch
):
    backup = tmp_path / "b.zip"
    create_backup(window.database, backup)
    seat_user(window.database, "administrator")
    choose(monkeypatch, "getOpenFileName", backup)
    trigger(window, "从备份恢复到新数据库…")
    qtbot.waitUntil(lambda: bool(window.findChildren(RestoreDialog)))
    (dialog,) = window.findChildren(RestoreDialog)
    dialog.target_edit.setText(window.database.engine.url.database)
    dialog.ok_button.click()

    box = message(qtbot, window)
    assert box.icon == QMessageBox.Icon.Warning and "不会覆盖" in box.text


def test_only_administrators_back_up_and_restore(
    qtbot: QtBot, window: QMainWindow, tmp_path, monkeypatch
):
    seat_user(window.database, "operator")

    def no_dialog(*_args, **_kwargs):
        raise AssertionError("no file dialog for someone who may not")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_dialog)
    for text in ("立即备份…", "从备份恢复到新数据库…"):
        trigger(window, text)
        box = message(qtbot, window)
        assert box.icon == QMessageBox.Icon.Warning
        assert "只有管理员可以" in box.text and "用户-operator（回访员）" in box.text


def test_daily_backup_in_the_background(qtbot: QtBot, window: QMainWindow):
    with window.database.sessions.begin() as session:
        admin = Staff(name="李管理", role=Role.ADMINISTRATOR)
        session.add(admin)
    log_in_as(StaffMember(admin.id, "李管理", Role.ADMINISTRATOR))
    try:
        daily = DailyBackup(window, window.database, first_check_ms=0)
        with qtbot.waitSignal(daily.made, timeout=20_000) as made:
            pass
    finally:
        log_in_as(None)
    result = made.args[0]
    with window.database.sessions() as session:  # made for who is logged in, not "nobody"
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "backup.create")
        ).one()
        assert entry.actor == f"李管理 (#{admin.id})"
    assert result.path.parent == Path(window.database.engine.url.database).parent / "backups"
    assert result.manifest.kind == "daily"
    assert "已自动备份" in window.statusBar().currentMessage()

    # The hourly check finds it recent and does nothing.
    with qtbot.waitSignal(daily.checked):
        daily.check()
    assert list(result.path.parent.glob("*.zip")) == [result.path]
    assert daily.timer.isActive() and daily.timer.interval() == 60 * 60 * 1000


def test_daily_backup_off_by_setting(qtbot: QtBot, window: QMainWindow):
    with window.database.sessions.begin() as session:
        set_setting(session, "backup.daily", False)
    daily = DailyBackup(window, window.database, first_check_ms=0)
    with qtbot.waitSignal(daily.checked, timeout=20_000):
        pass
    assert not (Path(window.database.engine.url.database).parent / "backups").exists()


def test_daily_backup_failure_stays_in_the_status_bar(
    qtbot: QtBot, window: QMainWindow, tmp_path: Path
):
    blocked = tmp_path / "a-file-not-a-folder"
    with window.database.sessions.begin() as session:
        set_setting(session, "backup.folder", str(blocked / "backups"))
    blocked.write_text("x")  # since: set now, the setting would be refused (app.settings)
    daily = DailyBackup(window, window.database, first_check_ms=0)
    with qtbot.waitSignal(daily.failed, timeout=20_000):
        pass
    assert "自动备份没有完成" in window.statusBar().currentMessage()


def test_restore_with_the_recovery_key_of_a_lost_installation(
    qtbot: QtBot, window: QMainWindow, migrated_sqlite: Path, tmp_path, monkeypatch
):
    """The backup of an installation whose database was lost, restored at a new one (this
    window's) with the recovery key printed there."""
    lost = copy_of(migrated_sqlite, tmp_path / "lost" / "lost.sqlite3")
    try:
        key = with_recovery_key(lost)
        create_backup(lost, tmp_path / "lost.zip")
    finally:
        lost.close()
    seat_user(window.database, "administrator")
    choose(monkeypatch, "getOpenFileName", tmp_path / "lost.zip")
    target = tmp_path / "back.sqlite3"

    def restore(recovery: str) -> Shown:
        trigger(window, "从备份恢复到新数据库…")
        qtbot.waitUntil(lambda: bool(window.findChildren(RestoreDialog)))
        (dialog,) = window.findChildren(RestoreDialog)
        dialog.target_edit.setText(str(target))
        qtbot.keyClicks(dialog.recovery_edit, recovery)
        dialog.ok_button.click()
        shown = message(qtbot, window)
        qtbot.waitUntil(lambda: not window.findChildren(RestoreDialog))  # deleted once closed
        return shown

    refused = restore("")
    assert refused.icon == QMessageBox.Icon.Warning and "不是本机制作的备份" in refused.text
    assert "这不是恢复密钥" in restore("RK-1234").text
    done = restore(key.text)
    assert done.icon == QMessageBox.Icon.Information and "已用恢复密钥打开" in done.details
    assert target.exists()


def test_an_unsigned_backup_restores_only_when_the_administrator_says_so(
    qtbot: QtBot, window: QMainWindow, tmp_path, monkeypatch
):
    old = tmp_path / "old.zip"
    back_up(window.database.engine, window.database.url, old, MANUAL, unsigned=True)
    seat_user(window.database, "administrator")
    choose(monkeypatch, "getOpenFileName", old)
    target = tmp_path / "old-restored.sqlite3"
    for allow in (False, True):
        trigger(window, "从备份恢复到新数据库…")
        qtbot.waitUntil(lambda: bool(window.findChildren(RestoreDialog)))
        (dialog,) = window.findChildren(RestoreDialog)
        dialog.target_edit.setText(str(target))
        dialog.unsigned_check.setChecked(allow)
        dialog.ok_button.click()
        box = message(qtbot, window)
        qtbot.waitUntil(lambda: not window.findChildren(RestoreDialog))  # deleted once closed
        if allow:
            assert box.icon == QMessageBox.Icon.Information and "未签名" in box.details
        else:
            assert "旧版本回访台制作的备份" in box.text and not target.exists()
    assert target.exists()
