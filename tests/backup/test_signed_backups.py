"""Backups are signed by the installation that made them and encrypted to it and its recovery
key: a backup edited and sealed again is refused, one of another installation too; the recovery
key restores one when the database and its keys are lost; an older version's unsigned backup is
restored only on an administrator's explicit request."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.backup import (
    BackupInvalid,
    authorize_unsigned_restore,
    backup_keyring,
    create_backup,
    restore_backup,
    verify_backup,
)
from app.backup.archive import FORMAT_1_PREFIX, SEAL_PREFIX
from app.backup.sealing import can_sign_before_upgrade
from app.backup.service import MANUAL, back_up
from app.keys import (
    Identity,
    KeyRefused,
    Keyring,
    RecoveryKey,
    make_recovery_key,
    own_public_keys,
)
from app.roles import NotPermitted
from cli import main
from db.database import Database, open_database
from db.engine import make_engine
from db.migrate import run_migrations
from db.models import AuditEntry, Staff
from tests.conftest import copy_of
from tests.sealing_helpers import rewrite

OPERATOR = "王芳"


@pytest.fixture
def database(filled_sqlite: Database) -> Database:
    """The samples, three attachments, an operator and a recovery key."""
    with filled_sqlite.sessions.begin() as session:
        session.add(Staff(name=OPERATOR, role="operator", is_operator=True))
    return filled_sqlite


def recovery_key_of(database: Database, *, replace: bool = False) -> RecoveryKey:
    with database.sessions.begin() as session:
        return make_recovery_key(session, by_id=None, replace=replace)


def made_administrator(name: str, data: bytes) -> bytes:
    """The database part with the operator made an administrator, as by someone who knows
    SQLite; other parts as they are."""
    if not name.startswith("database/"):
        return data
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite3"
        copy.write_bytes(data)
        connection = sqlite3.connect(copy)
        connection.execute("UPDATE staff SET role = 'administrator' WHERE name = ?", (OPERATOR,))
        connection.commit()
        connection.close()
        return copy.read_bytes()


def with_manifest_matching(edit):
    """`edit`, and the manifest's SHA-256 and size of every part edited made to match: every
    hash recomputed."""
    edited: dict[str, bytes] = {}

    def apply(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            edited[name] = edit(name, data)
            return edited[name]
        manifest = json.loads(data)
        for part in manifest["parts"]:
            new = edited[part["path"]]
            part["sha256"], part["size"] = hashlib.sha256(new).hexdigest(), len(new)
        return json.dumps(manifest).encode()

    return apply


def resealed(source: Path, target: Path, keys: Keyring, signer: Identity | None) -> Path:
    return rewrite(
        source,
        target,
        prefix=SEAL_PREFIX,
        format_1_prefix=FORMAT_1_PREFIX,
        opened_with=keys,
        edit=with_manifest_matching(made_administrator),
        signer=signer,
        recipients=(keys.own.public.recipient,) if signer else (),
    )


def role_in(target: Path, name: str) -> str:
    restored = open_database(f"sqlite:///{target}")
    try:
        with restored.sessions() as session:
            return session.scalar(select(Staff.role).where(Staff.name == name))
    finally:
        restored.close()


def test_a_backup_edited_and_sealed_again_with_every_hash_recomputed_is_refused(
    database: Database, tmp_path: Path
):
    """What was done before signatures: an operator made administrator in the database part,
    its SHA-256 and size put in the manifest, the file sealed again. Refused by verify and
    restore, whoever sealed it — the seal of older versions, or keys not this installation's."""
    create_backup(database, tmp_path / "b.zip")
    keys = backup_keyring(database)
    stranger = Identity.generate("another-site", "别处")
    forged_plain = resealed(tmp_path / "b.zip", tmp_path / "plain.zip", keys, None)
    forged_signed = resealed(tmp_path / "b.zip", tmp_path / "signed.zip", keys, stranger)

    for forged, message in ((forged_plain, "没有签名"), (forged_signed, "不是本机制作的备份")):
        with pytest.raises(BackupInvalid, match=message):
            verify_backup(forged, keys=keys)
        with pytest.raises(BackupInvalid, match=message):
            restore_backup(forged, tmp_path / "never.sqlite3", keys=keys)
        assert not (tmp_path / "never.sqlite3").exists()
    assert stranger.public.fingerprint in _refusal(forged_signed, keys)


def _refusal(path: Path, keys: Keyring) -> str:
    with pytest.raises(BackupInvalid) as caught:
        verify_backup(path, keys=keys)
    return str(caught.value)


def test_a_backup_of_another_installation_is_refused_here(
    database: Database, migrated_sqlite: Path, tmp_path: Path
):
    other = copy_of(migrated_sqlite, tmp_path / "other" / "other.sqlite3")
    try:
        create_backup(other, tmp_path / "theirs.zip")
    finally:
        other.close()
    with database.sessions.begin() as session:
        own_public_keys(session)  # this installation has keys of its own
    message = _refusal(tmp_path / "theirs.zip", backup_keyring(database))
    assert "不是本机制作的备份" in message and "--recovery-key" in message


def test_the_recovery_key_restores_when_the_database_and_its_keys_are_lost(
    database: Database, tmp_path: Path
):
    key = recovery_key_of(database)
    with database.sessions() as session:
        fingerprint = own_public_keys(session).fingerprint
    create_backup(database, tmp_path / "b.zip")
    lost = Keyring(recovery=RecoveryKey.parse(key.text.lower().replace("-", " ")))

    report = verify_backup(tmp_path / "b.zip", keys=lost)
    assert report.by_recovery_key and report.signed_by == fingerprint
    assert "已用恢复密钥打开" in report.text() and fingerprint in report.text()
    result = restore_backup(tmp_path / "b.zip", tmp_path / "new" / "r.sqlite3", keys=lost)
    assert result.by_recovery_key and result.counts["cases"] == 400

    # The restored database is the same installation: its keys came back with it.
    restored = open_database(result.target)
    try:
        with restored.sessions() as session:
            assert own_public_keys(session).fingerprint == fingerprint
        assert verify_backup(tmp_path / "b.zip", keys=backup_keyring(restored)).signed_by
    finally:
        restored.close()


def test_the_recovery_key_must_be_the_one_made_then(database: Database, tmp_path: Path):
    create_backup(database, tmp_path / "before.zip")  # no recovery key yet
    old = recovery_key_of(database)
    create_backup(database, tmp_path / "old.zip")
    with pytest.raises(KeyRefused, match="已于 .* 制作过恢复密钥"):
        recovery_key_of(database)
    new = recovery_key_of(database, replace=True)
    create_backup(database, tmp_path / "new.zip")

    assert verify_backup(tmp_path / "old.zip", keys=Keyring(recovery=old)).by_recovery_key
    assert verify_backup(tmp_path / "new.zip", keys=Keyring(recovery=new)).by_recovery_key
    for path, key in (("old.zip", new), ("new.zip", old), ("before.zip", new)):
        message = _refusal(tmp_path / path, Keyring(recovery=key))
        assert "不能用本机的密钥或给出的恢复密钥打开" in message
    with pytest.raises(KeyRefused, match="校验不符"):
        RecoveryKey.parse(old.text[:-1] + ("A" if old.text[-1] != "A" else "B"))
    with pytest.raises(KeyRefused, match="这不是恢复密钥"):
        RecoveryKey.parse("RK-1234")
    with database.sessions() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "keys.recovery")
        ).all()
    assert len(actions) == 2


def test_only_administrators_make_the_recovery_key(database: Database):
    with database.sessions() as session:
        operator = session.scalar(select(Staff.id).where(Staff.name == OPERATOR))
    with database.sessions.begin() as session, pytest.raises(NotPermitted):
        make_recovery_key(session, by_id=operator)


def unsigned_backup(database: Database, path: Path) -> Path:
    """A backup as older versions made them (and as one is made before an upgrade from a
    schema without keys): in the clear, sealed with a bare SHA-256."""
    back_up(database.engine, database.url, path, MANUAL, unsigned=True)
    return path


def test_an_unsigned_backup_of_an_older_version_only_on_request(database: Database, tmp_path):
    old = unsigned_backup(database, tmp_path / "old.zip")
    keys = backup_keyring(database)
    assert b"SQLite format 3" in _database_part(old)  # in the clear

    assert "旧版本回访台制作的备份" in _refusal(old, keys)
    with pytest.raises(BackupInvalid, match="--allow-unsigned"):
        restore_backup(old, tmp_path / "never.sqlite3", keys=keys)

    report = verify_backup(old, keys=keys, allow_unsigned=True)
    assert report.signed_by is None and "未签名" in report.text()
    authorize_unsigned_restore(database, old, by_id=None)
    result = restore_backup(old, tmp_path / "r.sqlite3", keys=keys, allow_unsigned=True)
    assert result.signed_by is None and result.counts["cases"] == 400
    with database.sessions() as session:
        entry = session.scalar(
            select(AuditEntry).where(AuditEntry.action == "backup.restore_unsigned")
        )
    assert entry.after == {"file": str(old)}


def _database_part(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.startswith("database/"))
        return archive.read(name)


def test_restoring_an_unsigned_backup_is_for_administrators(database: Database):
    from app.users import set_password, set_username

    with database.sessions.begin() as session:
        operator = session.scalar(select(Staff.id).where(Staff.name == OPERATOR))
        set_username(session, operator, "wangfang")
        set_password(session, operator, "Operator-2026!x")
    with pytest.raises(NotPermitted):
        authorize_unsigned_restore(database, "old.zip", by_id=operator)


def test_the_command_line_restores_an_unsigned_backup_only_with_the_flag(
    database: Database, tmp_path: Path, capsys
):
    old = unsigned_backup(database, tmp_path / "old.zip")
    target = tmp_path / "r.sqlite3"
    url = database.url
    assert main(["--db", url, "backup", "restore", str(old), "--to", str(target)]) == 2
    assert "--allow-unsigned" in capsys.readouterr().err and not target.exists()
    assert main(["--db", url, "backup", "verify", str(old), "--allow-unsigned"]) == 0
    assert "未签名" in capsys.readouterr().out
    restore = ["backup", "restore", str(old), "--to", str(target), "--allow-unsigned"]
    assert main(["--db", url, *restore]) == 0
    assert role_in(target, OPERATOR) == "operator"


def test_the_command_line_asks_the_recovery_key_on_a_terminal_only(
    database: Database, tmp_path: Path, capsys, monkeypatch
):
    key = recovery_key_of(database)
    create_backup(database, tmp_path / "b.zip")
    gone = f"sqlite:///{tmp_path / 'gone.sqlite3'}"
    verify = ["--db", gone, "backup", "verify", str(tmp_path / "b.zip"), "--recovery-key"]
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(verify) == 2
    assert "终端" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: key.text)
    assert main(verify) == 0
    assert "已用恢复密钥打开" in capsys.readouterr().out
    monkeypatch.setattr("getpass.getpass", lambda prompt: "RK-not-it")
    assert main(verify) == 2
    assert "这不是恢复密钥" in capsys.readouterr().err
    assert not (tmp_path / "gone.sqlite3").exists()  # the lost database is not made up


def test_a_database_too_old_for_keys_backs_up_unsigned_before_its_upgrade(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        run_migrations(engine, "0016")
        assert can_sign_before_upgrade(engine) is False
        run_migrations(engine, "head")
        assert can_sign_before_upgrade(engine) is True
        with Session(engine) as session:  # and its keys were made for it
            assert own_public_keys(session).fingerprint
    finally:
        engine.dispose()


def test_a_recovery_key_file_that_cannot_be_read_is_explained(
    database: Database, tmp_path: Path, capsys
):
    create_backup(database, tmp_path / "b.zip")
    gone = f"sqlite:///{tmp_path / 'gone.sqlite3'}"
    for path in (tmp_path / "missing.txt", tmp_path):
        verify = ["--db", gone, "backup", "verify", str(tmp_path / "b.zip")]
        assert main([*verify, "--recovery-key", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("无法读取恢复密钥文件：") and "Traceback" not in err
