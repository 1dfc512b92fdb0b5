"""Encryption at rest (issue 18): a SQLite file encrypted in place with SQLCipher, a backup first;
its key wrapped once per user, token and recovery key, so that it opens only through a log-in;
attachments encrypted with it; backups and restores that keep it encrypted; and every door —
the command line, the log-in window, the administrator's dialog — through the same app/ code.
Tried as a thief with the laptop would: the file, the key file and a backup, without a password."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.errors import Refused
from app.keys import make_recovery_key
from app.keys.database_key import DatabaseKeyRefused, DatabaseLocked, KeyFile
from app.keys.encrypt_database import EncryptionRefused, encrypt_database, encryption_plan
from app.opening import Unlock, encrypted_file, open_app_database
from app.scanning.store import ENCRYPTED_MAGIC, AttachmentStore, sha256_of
from app.tokens import create_token, revoke_token
from app.users import (
    DEMO_PASSWORD,
    authenticate,
    change_own_password,
    set_active,
    set_password,
    set_username,
    staff_by_username,
)
from app.zone import LOCAL_ZONE
from cli import main
from db.database import Database
from db.engine import SQLITE_HEADER, is_encrypted_file, key_file_path, sqlite_path
from db.models import Attachment, AuditEntry, Case, CasePhone
from tests.cli_login import log_in_as, typed_on_terminal

NOW = datetime(2026, 11, 20, 10, tzinfo=LOCAL_ZONE)
NEW_PASSWORD = "Another#Pass9"
SCAN = b"scan of a contract 13912345678"


def _ids(database: Database) -> dict[str, int]:
    with database.sessions() as session:
        return {n: staff_by_username(session, n).id for n in ("admin", "lead", "operator")}


@pytest.fixture
def plain(sqlite_url, stop_clock, monkeypatch) -> str:
    """A demo database in the clear (accounts admin, lead, operator, auditor: DEMO_PASSWORD),
    with one attachment beside it."""
    stop_clock(NOW)
    monkeypatch.setattr("app.i18n._language", "zh")
    assert main(["--db", sqlite_url, "demo", "--cases", "30"]) == 0
    database = open_app_database(sqlite_url)
    try:
        with database.sessions.begin() as session:
            digest = AttachmentStore.for_database(database).put(session, SCAN)
            session.add(
                Attachment(sha256=digest, kind="complaint_letter", media_type="text/plain", size=1)
            )
    finally:
        database.close()
    return sqlite_url


@pytest.fixture
def encrypted(plain) -> str:
    database = open_app_database(plain)
    try:
        encrypt_database(database, by_id=_ids(database)["admin"], password=DEMO_PASSWORD)
    finally:
        database.close()
    return plain


def _unlocked(url: str, username: str = "admin", password: str = DEMO_PASSWORD) -> Database:
    return open_app_database(url, Unlock(username, password))


def _phone_of_a_case(url: str) -> str:
    database = _unlocked(url)
    try:
        with database.sessions() as session:
            return session.scalar(select(CasePhone.original).limit(1))
    finally:
        database.close()


# --- Encrypting in place ----------------------------------------------------------------------


def test_encrypting_in_place_leaves_nothing_readable_and_keeps_every_row(plain):
    path = sqlite_path(plain)
    database = open_app_database(plain)
    with database.sessions() as session:
        cases_before = session.scalar(select(func.count()).select_from(Case))
        phone = session.scalar(select(CasePhone.original).limit(1))
    store_root = path.parent / f"{path.stem}.attachments"
    # The scan, and the demo's call recordings (app.demo_quality).
    files_before = [p for p in store_root.rglob("*") if p.is_file()]
    result = encrypt_database(database, by_id=_ids(database)["admin"], password=DEMO_PASSWORD)
    # The database object works on, on the encrypted file.
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == cases_before
        assert "database.encrypted" in session.scalars(select(AuditEntry.action)).all()
    database.close()

    assert result.backup.is_file() and result.attachments == len(files_before) >= 1
    assert result.waiting == ["auditor", "lead", "operator"] and not result.recovery_key
    assert is_encrypted_file(path) and encrypted_file(plain) == path
    raw = path.read_bytes()
    assert not raw.startswith(SQLITE_HEADER) and phone.encode() not in raw
    assert (
        not Path(f"{path}-wal").exists() or phone.encode() not in Path(f"{path}-wal").read_bytes()
    )
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM cases").fetchone()
    # The key file keeps the key only wrapped.
    key_file = key_file_path(path).read_text("utf-8")
    unlocked = _unlocked(plain)
    from db.engine import database_key

    key = database_key(unlocked.engine)
    unlocked.close()
    assert key.hex() not in key_file and key.hex().upper() not in key_file
    # The attachments too.
    stored = [p for p in store_root.rglob("*") if p.is_file()]
    assert len(stored) == len(files_before)
    assert all(p.read_bytes().startswith(ENCRYPTED_MAGIC) for p in stored)
    assert not any(b"13912345678" in p.read_bytes() for p in stored)


def test_it_refuses_without_the_password_twice_and_for_other_roles(plain):
    database = open_app_database(plain)
    ids = _ids(database)
    try:
        with pytest.raises(Exception, match="当前密码不正确"):
            encrypt_database(database, by_id=ids["admin"], password="wrong")
        with pytest.raises(Exception, match="您的角色无权"):
            encrypt_database(database, by_id=ids["lead"], password=DEMO_PASSWORD)
        assert encryption_plan(database, ids["lead"]).refused is not None
        assert not is_encrypted_file(sqlite_path(plain))
        encrypt_database(database, by_id=ids["admin"], password=DEMO_PASSWORD)
        with pytest.raises(EncryptionRefused, match="已经加密"):
            encrypt_database(database, by_id=ids["admin"], password=DEMO_PASSWORD)
    finally:
        database.close()


def test_a_key_file_left_beside_a_file_still_in_the_clear_is_ignored(plain):
    """A conversion cut short after the key file was written: the file opens as it was."""
    path = sqlite_path(plain)
    key_file_path(path).write_text("{}", "utf-8")
    assert encrypted_file(plain) is None
    open_app_database(plain).close()


# --- Unlocking ------------------------------------------------------------------------------


def test_it_opens_only_through_a_log_in(encrypted):
    with pytest.raises(DatabaseLocked, match="已加密"):
        open_app_database(encrypted)
    for username, password in (("admin", "wrong"), ("nobody", DEMO_PASSWORD), ("", "")):
        with pytest.raises(DatabaseKeyRefused, match="用户名或密码不正确"):
            _unlocked(encrypted, username, password)
    # The others' passwords were never known: they wait for a new one …
    with pytest.raises(DatabaseKeyRefused, match="用户名或密码不正确"):
        _unlocked(encrypted, "lead")
    database = _unlocked(encrypted, " ADMIN ")
    try:
        with database.sessions() as session:
            failed = session.scalars(
                select(AuditEntry.after).where(AuditEntry.action == "user.login_failed")
            ).all()
        # … and the failures before it could be read are in the trail now.
        assert [(f["username"], f["reason"], f["during"]) for f in failed] == [
            ("admin", "wrong_password", "unlock"),
            ("nobody", "no_key_for_user", "unlock"),
            ("", "no_key_for_user", "unlock"),
            ("lead", "no_key_for_user", "unlock"),
        ]
        ids = _ids(database)
        with database.sessions.begin() as session:  # … or log in once at an unlocked window
            authenticate(session, "lead", DEMO_PASSWORD)
            set_password(session, ids["operator"], NEW_PASSWORD, by_id=ids["admin"])
    finally:
        database.close()
    _unlocked(encrypted, "lead").close()
    _unlocked(encrypted, "operator", NEW_PASSWORD).close()


def test_five_wrong_passwords_lock_the_user_before_the_file_is_read(encrypted, stop_clock):
    for _ in range(4):
        with pytest.raises(DatabaseKeyRefused, match="用户名或密码不正确"):
            _unlocked(encrypted, "admin", "wrong")
    with pytest.raises(DatabaseKeyRefused, match="锁定"):
        _unlocked(encrypted, "admin", "wrong")
    with pytest.raises(DatabaseKeyRefused, match="锁定"):  # even the right one, for a while
        _unlocked(encrypted)
    stop_clock(NOW + timedelta(minutes=6))
    _unlocked(encrypted).close()


def test_passwords_changed_renamed_or_disabled_follow_the_key_file(encrypted):
    database = _unlocked(encrypted)
    ids = _ids(database)
    try:
        with database.sessions.begin() as session:
            change_own_password(session, ids["admin"], DEMO_PASSWORD, NEW_PASSWORD)
            set_password(session, ids["lead"], DEMO_PASSWORD, by_id=ids["admin"])
            set_username(session, ids["lead"], "zhang", by_id=ids["admin"])
            set_password(session, ids["operator"], DEMO_PASSWORD, by_id=ids["admin"])
            set_active(session, ids["operator"], False, by_id=ids["admin"])
    finally:
        database.close()
    with pytest.raises(DatabaseKeyRefused):  # the old password no longer opens it
        _unlocked(encrypted, "admin", DEMO_PASSWORD)
    _unlocked(encrypted, "admin", NEW_PASSWORD).close()
    _unlocked(encrypted, "zhang").close()
    for gone in ("lead", "operator"):
        with pytest.raises(DatabaseKeyRefused):
            _unlocked(encrypted, gone)


def test_a_token_opens_it_until_it_is_revoked_or_expires(encrypted, stop_clock):
    database = _unlocked(encrypted)
    admin = _ids(database)["admin"]
    try:
        with database.sessions.begin() as session:
            first = create_token(session, username="lead", hours=2, by_id=admin)
            second = create_token(session, username="lead", hours=1, by_id=admin)
    finally:
        database.close()
    open_app_database(encrypted, Unlock(token=first.secret)).close()
    with pytest.raises(DatabaseKeyRefused, match="令牌无效"):
        open_app_database(encrypted, Unlock(token=first.secret + "x"))
    database = open_app_database(encrypted, Unlock(token=first.secret))
    try:
        with database.sessions.begin() as session:
            revoke_token(session, first.id, by_id=admin)
    finally:
        database.close()
    with pytest.raises(DatabaseKeyRefused, match="令牌无效"):
        open_app_database(encrypted, Unlock(token=first.secret))
    stop_clock(NOW + timedelta(hours=1, minutes=1))
    with pytest.raises(DatabaseKeyRefused, match="令牌无效"):
        open_app_database(encrypted, Unlock(token=second.secret))


def test_the_key_file_missing_or_damaged_is_explained(encrypted):
    path = key_file_path(sqlite_path(encrypted))
    saved = path.read_bytes()
    path.unlink()
    with pytest.raises(Refused, match="找不到数据库的密钥文件"):
        _unlocked(encrypted)
    for damaged in (b"", b"[]", b'{"format": "x"}', b"\xff" * 100, saved[:50]):
        path.write_bytes(damaged)
        with pytest.raises(DatabaseKeyRefused, match="已损坏"):
            _unlocked(encrypted)
    path.write_bytes(saved)
    _unlocked(encrypted).close()


# --- The recovery key -------------------------------------------------------------------------


def test_the_recovery_key_opens_it_and_resets_an_administrators_password(
    encrypted, tmp_path, monkeypatch, capsys
):
    database = _unlocked(encrypted)
    try:
        with database.sessions.begin() as session:
            key = make_recovery_key(session, by_id=_ids(database)["admin"])
    finally:
        database.close()
    open_app_database(encrypted, Unlock(recovery=key)).close()
    key_file = tmp_path / "rk.txt"
    key_file.write_text(key.text, "utf-8")
    typed_on_terminal(monkeypatch, [NEW_PASSWORD, NEW_PASSWORD])
    code = main(
        ["--db", encrypted, "db", "recover", "--recovery-key", str(key_file), "--for", "admin"]
    )
    assert code == 0, capsys.readouterr().err
    _unlocked(encrypted, "admin", NEW_PASSWORD).close()
    # Only an administrator's: the key is not a way into another person's account.
    typed_on_terminal(monkeypatch, [NEW_PASSWORD, NEW_PASSWORD])
    code = main(
        ["--db", encrypted, "db", "recover", "--recovery-key", str(key_file), "--for", "lead"]
    )
    assert code == 2 and "不是在用的管理员" in capsys.readouterr().err


def test_a_recovery_key_made_before_encrypting_is_wrapped_too(plain):
    database = open_app_database(plain)
    ids = _ids(database)
    with database.sessions.begin() as session:
        key = make_recovery_key(session, by_id=ids["admin"])
    result = encrypt_database(database, by_id=ids["admin"], password=DEMO_PASSWORD)
    database.close()
    assert result.recovery_key
    open_app_database(plain, Unlock(recovery=key)).close()


# --- Backups -------------------------------------------------------------------------------


def test_a_backup_of_the_encrypted_file_verifies_and_restores_encrypted(encrypted, tmp_path):
    from app.backup import backup_keyring, create_backup, restore_backup, verify_backup

    database = _unlocked(encrypted)
    try:
        backup = tmp_path / "b.zip"
        create_backup(database, backup, by_id=_ids(database)["admin"])
        keys = backup_keyring(database)
        report = verify_backup(backup, keys=keys)
        assert "SQLite" in report.database_check
        target = tmp_path / "restored" / "r.sqlite3"
        restore_backup(backup, target, keys=keys)
    finally:
        database.close()
    assert is_encrypted_file(target) and key_file_path(target).is_file()
    url = f"sqlite:///{target}"
    restored = _unlocked(url)
    try:
        with restored.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Case)) == 30
        attachments = [p for p in target.parent.rglob("*.attachments/*/*")]
        assert all(p.read_bytes().startswith(ENCRYPTED_MAGIC) for p in attachments)
        digest = sha256_of(SCAN)
        assert digest[2:] in {p.name for p in attachments}
        store = AttachmentStore.for_database(restored)
        assert store.get(None, digest) == SCAN
    finally:
        restored.close()
    assert _phone_of_a_case(url).encode() not in target.read_bytes()


# --- The command line -------------------------------------------------------------------------


def test_the_command_line_unlocks_with_the_log_in_it_asks_for_once(encrypted, monkeypatch, capsys):
    monkeypatch.delenv("REVISITDESK_USER", raising=False)
    assert main(["--db", encrypted, "db", "info"]) == 2
    err = capsys.readouterr().err
    assert "需要登录" in err and "Traceback" not in err
    prompts = typed_on_terminal(monkeypatch, [DEMO_PASSWORD])
    assert main(["--db", encrypted, "--user", "admin", "db", "info"]) == 0
    assert "业务件：30" in capsys.readouterr().out and len(prompts) == 1
    log_in_as(monkeypatch, "admin", "wrong")
    assert main(["--db", encrypted, "settings"]) == 2
    assert "用户名或密码不正确" in capsys.readouterr().err
    log_in_as(monkeypatch, "admin", DEMO_PASSWORD)
    prompts = typed_on_terminal(monkeypatch, [DEMO_PASSWORD])
    assert (
        main(
            [
                "--db",
                encrypted,
                "--user",
                "admin",
                "token",
                "create",
                "--for",
                "lead",
                "--hours",
                "1",
            ]
        )
        == 0
    )
    secret = next(w for w in capsys.readouterr().out.split() if w.startswith("rdt_"))
    monkeypatch.delenv("REVISITDESK_USER")
    monkeypatch.setenv("REVISITDESK_TOKEN", secret)
    assert main(["--db", encrypted, "report", "quarterly", "--year", "2026", "--quarter", "3"]) == 0


def test_db_encrypt_from_the_command_line_asks_the_password_once(plain, monkeypatch, capsys):
    prompts = typed_on_terminal(monkeypatch, [DEMO_PASSWORD])
    assert main(["--db", plain, "--user", "admin", "db", "encrypt"]) == 0
    out = capsys.readouterr().out
    assert "数据库文件已加密" in out and "lead" in out and len(prompts) == 1
    assert is_encrypted_file(sqlite_path(plain))


# --- The window ---------------------------------------------------------------------------


def test_the_log_in_window_unlocks_the_file(encrypted, qtbot: QtBot):
    from ui.login_dialog import LoginDialog

    dialog = LoginDialog(None, None, locked_url=encrypted)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "admin")
    qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password_edit, "wrong")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.database is None and dialog.error_label.text() == "用户名或密码不正确。"
    assert dialog.password_edit.text() == "" and dialog.isVisible()
    qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.person.name == "演示管理员" and dialog.database is not None
    dialog.database.close()


def test_the_administrator_encrypts_from_the_menu_dialog(plain, qtbot: QtBot, monkeypatch):
    from ui import operations
    from ui.admin.encrypt_dialog import EncryptDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    database = open_app_database(plain)
    try:
        dialog = EncryptDialog(database, _ids(database)["admin"])
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.password_edit, "wrong")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not operations.busy() and dialog.error_label.isVisible())
        assert "当前密码不正确" in dialog.error_label.text()
        assert not is_encrypted_file(sqlite_path(plain))
        qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: shown != [])
        assert "数据库文件已加密" in shown[0]
        assert is_encrypted_file(sqlite_path(plain))
        with database.sessions() as session:  # the window goes on, on the encrypted file
            assert session.scalar(select(func.count()).select_from(Case)) == 30
    finally:
        qtbot.waitUntil(lambda: not operations.busy())
        database.close()


def test_the_dialog_says_why_not_for_postgresql_or_a_file_encrypted_already(encrypted, qtbot):
    from ui.admin.encrypt_dialog import EncryptDialog

    database = _unlocked(encrypted)
    try:
        dialog = EncryptDialog(database, _ids(database)["admin"])
        qtbot.addWidget(dialog)
        assert "已经加密" in dialog.error_label.text()
        assert not dialog.encrypt_button.isEnabled() and not dialog.password_edit.isEnabled()
    finally:
        database.close()


def test_key_file_reads_only_its_own_format(tmp_path):
    path = tmp_path / "x.key"
    path.write_text(json.dumps({"format": "revisitdesk-database-key", "version": 2}), "utf-8")
    with pytest.raises(DatabaseKeyRefused, match="version 2"):
        KeyFile.read(path)
