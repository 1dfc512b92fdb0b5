"""The keys dialog (网点同步 → 密钥交换), driven with the keyboard on real databases: the key
file written, another site's trusted after its fingerprint is confirmed, forgotten, the
recovery key shown once; refusals shown in the dialog."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from app.keys import RecoveryKey, own_public_keys, parse_key_file, trusted_sites
from app.roles import Role
from app.staff import StaffMember
from db.database import Database
from db.models import Staff
from ui import operations
from ui.admin.keys_dialog import KeysDialog
from ui.current_user import log_in_as
from ui.sync import SyncActions, add_sync_actions

from .helpers import add_staff, name_site

ALT = Qt.KeyboardModifier.AltModifier


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
    return add_sync_actions(QMenu(window), window)


def open_keys(qtbot: QtBot, sync: SyncActions) -> KeysDialog:
    (action,) = [a for a in sync.parent().actions() if a.text() == "密钥交换(&K)…"]
    action.trigger()
    qtbot.waitUntil(lambda: sync.keys_dialog is not None and sync.keys_dialog.facts is not None)
    dialog = sync.keys_dialog
    qtbot.waitUntil(lambda: not dialog.running)
    active(qtbot, dialog)
    return dialog


def active(qtbot: QtBot, window) -> None:
    """Keys go to the active window: its mnemonics (Alt+letter) work there."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def key_file_of(database: Database, path: Path) -> Path:
    with database.sessions.begin() as session:
        path.write_text(own_public_keys(session).to_text(), encoding="utf-8")
    return path


def test_an_administrator_exchanges_keys_with_the_keyboard(
    qtbot: QtBot, sync: SyncActions, outlet: Database, sqlite_db: Database, tmp_path, monkeypatch
):
    name_site(sqlite_db, "市中心")
    name_site(outlet, "历下网点")
    dialog = open_keys(qtbot, sync)
    with sqlite_db.sessions() as session:
        own = own_public_keys(session)
    assert dialog.fingerprint_label.text() == own.fingerprint
    assert "还没有恢复密钥" in dialog.recovery_label.text()
    assert not dialog.forget_button.isEnabled()

    # This installation's key file, for the outlet.
    monkeypatch.setattr(dialog, "ask_save_path", lambda name: tmp_path / name)
    with qtbot.waitSignal(dialog.message_shown) as shown:
        qtbot.keyClick(dialog, Qt.Key.Key_E, ALT)  # 导出本机密钥文件(&E)…
    assert own.fingerprint in shown.args[0]
    written = tmp_path / "市中心.rdkeys"
    assert parse_key_file(written.read_bytes()) == own

    # The outlet's key file, trusted once its fingerprint is confirmed.
    outlet_file = key_file_of(outlet, tmp_path / "outlet.rdkeys")
    with outlet.sessions() as session:
        outlet_keys = own_public_keys(session)
    monkeypatch.setattr(dialog, "ask_open_path", lambda: outlet_file)
    qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)  # 信任对方的密钥文件(&T)…
    qtbot.waitUntil(lambda: dialog.trust_dialog is not None and dialog.trust_dialog.isVisible())
    trust = dialog.trust_dialog
    active(qtbot, trust)
    assert outlet_keys.fingerprint in [label.text() for label in trust.findChildren(QLabel)]
    assert trust.name() == "历下网点" and not trust.ok_button.isEnabled()
    qtbot.keyClick(trust, Qt.Key.Key_Y, ALT)  # 已在电话里核对，指纹完全一致(&Y)
    qtbot.waitUntil(trust.ok_button.isEnabled)  # a mnemonic clicks the button after a moment
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.keyClick(trust, Qt.Key.Key_T, ALT)  # 信任(&T)
    active(qtbot, dialog)
    assert dialog.sites.rowCount() == 1
    assert dialog.sites.item(0, 0).text() == "历下网点"
    assert dialog.sites.item(0, 1).text() == outlet_keys.fingerprint
    assert "已信任“历下网点”" in dialog.message_label.text()

    # A file that is no key file is refused, with the reason.
    bad = tmp_path / "bad.rdkeys"
    bad.write_text("not keys", encoding="utf-8")
    monkeypatch.setattr(dialog, "ask_open_path", lambda: bad)
    with qtbot.waitSignal(dialog.message_shown) as shown:
        qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)
    assert "不是回访台的密钥文件" in shown.args[0]

    # Forgotten, after a confirmation.
    dialog.sites.setFocus()
    qtbot.keyClick(dialog.sites, Qt.Key.Key_Home)
    dialog.sites.selectRow(0)
    assert dialog.forget_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_F, ALT)  # 不再信任(&F)…
    qtbot.waitUntil(lambda: bool(dialog.findChildren(QMessageBox)))
    (box,) = dialog.findChildren(QMessageBox)
    assert outlet_keys.fingerprint in box.text()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.sites.rowCount() == 0
    with sqlite_db.sessions() as session:
        assert trusted_sites(session) == []


def test_the_recovery_key_is_shown_once(qtbot: QtBot, sync: SyncActions, sqlite_db: Database):
    dialog = open_keys(qtbot, sync)
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)  # 制作恢复密钥(&R)…
    qtbot.waitUntil(lambda: dialog.recovery_dialog is not None)
    shown = dialog.recovery_dialog
    active(qtbot, shown)
    key = RecoveryKey.parse(shown.key_label.text())
    assert dialog.facts.own.fingerprint in shown.page().toPlainText()
    assert key.text in shown.page().toPlainText()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.keyClick(shown, Qt.Key.Key_D, ALT)  # 已打印或抄写，妥善保管(&D)
    assert "已于" in dialog.recovery_label.text()
    assert dialog.recovery_button.text() == "换一个新的恢复密钥(&R)…"

    # A new one only after a warning that the old one still opens the older backups.
    active(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: bool(dialog.findChildren(QMessageBox)))
    (box,) = dialog.findChildren(QMessageBox)
    assert "旧的恢复密钥" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_only_administrators_open_it_and_the_services_check_again(
    qtbot: QtBot, sync: SyncActions, outlet: Database, sqlite_db: Database, tmp_path, monkeypatch
):
    operator = add_staff(sqlite_db, "王芳", "operator")
    log_in_as(StaffMember(operator, "王芳", Role.OPERATOR))
    with qtbot.waitSignal(sync.message_shown) as shown:
        sync.open_keys()
    assert "只有管理员" in shown.args[0] and sync.keys_dialog is None

    admin = add_staff(sqlite_db, "管理员", "administrator")
    log_in_as(StaffMember(admin, "管理员", Role.ADMINISTRATOR))
    dialog = open_keys(qtbot, sync)
    with sqlite_db.sessions.begin() as session:  # the role taken away meanwhile
        session.get(Staff, admin).role = "operator"
    monkeypatch.setattr(dialog, "ask_open_path", lambda: key_file_of(outlet, tmp_path / "o.rdkeys"))
    qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: dialog.trust_dialog is not None and dialog.trust_dialog.isVisible())
    trust = dialog.trust_dialog
    trust.same_check.setChecked(True)
    with qtbot.waitSignal(dialog.message_shown, timeout=10_000) as shown:
        trust.ok_button.click()
    assert "无权" in shown.args[0]
    with sqlite_db.sessions() as session:
        assert trusted_sites(session) == []
