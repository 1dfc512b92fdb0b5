"""Backing up a SQLite database in use, verifying the file, restoring it into a new one."""

from __future__ import annotations

import hashlib
import json
import threading
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import i18n
from app.backup import (
    BackupError,
    BackupInvalid,
    backup_keyring,
    create_backup,
    read_manifest,
    restore_backup,
    verify_backup,
)
from app.backup.archive import (
    FORMAT_1_PREFIX,
    MANIFEST_NAME,
    SEAL_PREFIX,
    BackupReader,
    BackupWriter,
    Manifest,
    Meter,
)
from app.backup.sealing import backup_sealing
from app.errors import Cancelled
from app.keys import Keyring, installation_identity, own_public_keys
from app.scanning.store import AttachmentStore, FolderStore
from app.sealed_archive import ENVELOPE
from db.database import Database, open_database
from db.models import Case, Unit
from tests.sealing_helpers import rewrite

from .conftest import ATTACHMENTS, add_attachments, quarterly


def test_a_backup_while_another_connection_keeps_writing(sqlite_db: Database, tmp_path: Path):
    with sqlite_db.sessions.begin() as session:
        session.add_all(Unit(name=f"单位{n}") for n in range(2000))
    written = 0
    stop = threading.Event()
    wrote_during_backup = threading.Event()

    def writer() -> None:
        nonlocal written
        while not stop.is_set():
            with sqlite_db.sessions.begin() as session:
                session.add(Unit(name=f"新单位{written}"))
            written += 1

    def progress(_done: int, _total: int) -> None:
        # The first report comes from inside the snapshot: the writer must get through now.
        if not wrote_during_backup.is_set():
            target = written + 5
            while written < target:
                stop.wait(0.01)
            wrote_during_backup.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        manifest = create_backup(sqlite_db, tmp_path / "b.zip", progress)
    finally:
        stop.set()
        thread.join()

    assert wrote_during_backup.is_set()
    with sqlite_db.sessions() as session:
        now = session.scalar(select(func.count()).select_from(Unit))
    # The backup is one moment: what the writer added during the copy is not in it.
    assert 2000 <= manifest.counts["units"] < now
    restored = restore_backup(
        tmp_path / "b.zip", tmp_path / "restored.sqlite3", keys=backup_keyring(sqlite_db)
    )
    assert restored.counts["units"] == manifest.counts["units"]


def test_verify_reports_what_the_backup_holds(filled_sqlite: Database, tmp_path: Path):
    manifest = create_backup(filled_sqlite, tmp_path / "b.zip")
    report = verify_backup(tmp_path / "b.zip", keys=backup_keyring(filled_sqlite))

    assert report.manifest.counts == manifest.counts
    assert manifest.counts["cases"] == 400
    assert manifest.backend == "sqlite" and manifest.kind == "manual"
    assert manifest.source == str(Path(filled_sqlite.engine.url.database).resolve())
    assert manifest.schema_revision is not None and manifest.app_version
    assert manifest.created_at.tzinfo is not None
    assert report.warnings == []
    assert "完整性检查通过" in report.database_check
    assert "业务件 400" in report.text() and "由本机签名并加密" in report.text()
    with filled_sqlite.sessions() as session:
        assert report.signed_by == own_public_keys(session).fingerprint
    # Every part is listed with its SHA-256; in the file it is encrypted (its bytes are not its
    # content), the manifest alone is in the clear.
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert sorted(archive.namelist()) == sorted(
            [MANIFEST_NAME, ENVELOPE, *(p.path for p in manifest.parts)]
        )
        for part in manifest.parts:
            assert hashlib.sha256(archive.read(part.path)).hexdigest() != part.sha256
        data = json.loads(archive.read(MANIFEST_NAME))
    assert data["counts"]["cases"] == 400 and data["format"] == "revisitdesk-backup"
    assert len(manifest.attachments) == len(ATTACHMENTS)


def test_a_lost_backup_gives_away_no_phone_number_and_no_file(
    filled_sqlite: Database, tmp_path: Path
):
    create_backup(filled_sqlite, tmp_path / "b.zip")
    data = (tmp_path / "b.zip").read_bytes()
    for secret in (b"16670379223", "雷海".encode(), b"SQLite format 3", *ATTACHMENTS):
        assert secret not in data
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            for secret in (b"16670379223", "雷海".encode(), b"SQLite format 3"):
                assert secret not in raw, name


@pytest.fixture
def keys(filled_sqlite: Database) -> Keyring:
    """This installation's keys, as the backups made in it are opened with."""
    with filled_sqlite.sessions.begin() as session:
        installation_identity(session)
    return backup_keyring(filled_sqlite)


@pytest.fixture
def backup_file(filled_sqlite: Database, keys: Keyring, tmp_path: Path) -> Path:
    path = tmp_path / "b.zip"
    create_backup(filled_sqlite, path)
    return path


# Where to flip a bit: the first byte, inside the database and the attachments, the zip's
# central directory, the seal's label, the signer's key id, the signature.
FLIPS = [
    (0, "已损坏或被改动"),
    (0.3, "已损坏或被改动"),
    (0.6, "已损坏或被改动"),
    (0.95, "已损坏或被改动"),
    (-300, "已损坏或被改动"),
    (-200, "不是完整的回访台备份"),  # the seal's label itself: no seal any more
    # The key id: another signer, unknown here (or no hex digit any more: a damaged seal).
    (-150, "不是本机制作的备份|已损坏或被改动"),
    (-80, "已损坏或被改动"),
    (-1, "已损坏或被改动"),
]


@pytest.mark.parametrize(("where", "message"), FLIPS)
def test_one_flipped_bit_anywhere_is_refused(
    backup_file: Path, keys: Keyring, where: float, message: str
):
    data = bytearray(backup_file.read_bytes())
    offset = int(len(data) * where) if where >= 0 else len(data) + int(where)
    data[offset] ^= 0x01
    backup_file.write_bytes(bytes(data))

    with pytest.raises(BackupInvalid, match=message):
        verify_backup(backup_file, keys=keys)
    with pytest.raises(BackupInvalid, match=message):
        restore_backup(backup_file, backup_file.with_name("never.sqlite3"), keys=keys)
    assert not backup_file.with_name("never.sqlite3").exists()


CUTS = {
    "empty": lambda data: b"",
    "the first 100 bytes": lambda data: data[:100],
    "half": lambda data: data[: len(data) // 2],
    "all but the last byte": lambda data: data[:-1],
}


@pytest.mark.parametrize("cut", CUTS)
def test_a_truncated_file_is_refused(backup_file: Path, keys: Keyring, cut: str):
    backup_file.write_bytes(CUTS[cut](backup_file.read_bytes()))

    with pytest.raises(BackupInvalid, match="不是完整的回访台备份"):
        verify_backup(backup_file, keys=keys)


def test_refusals_speak_english_too(backup_file: Path, keys: Keyring):
    backup_file.write_bytes(backup_file.read_bytes()[:-10])
    i18n.set_language("en")
    with pytest.raises(BackupInvalid, match="not a complete RevisitDesk backup"):
        verify_backup(backup_file, keys=keys)


def test_a_part_changed_and_the_file_signed_again_is_refused_by_the_manifest(
    backup_file: Path, filled_sqlite: Database, keys: Keyring, tmp_path: Path
):
    """Even signed by this installation (a file assembled by hand), a part that does not match
    the manifest's SHA-256 is refused."""

    def edit(name, data):
        return data[:-1] + b"!" if name.startswith("attachments/") else data

    forged = rewrite_backup(backup_file, tmp_path / "forged.zip", keys, edit, keys.own)
    with pytest.raises(BackupInvalid, match="与清单记录的 SHA-256 不符"):
        verify_backup(forged, keys=keys)


def test_an_attachment_named_like_a_path_is_refused(
    backup_file: Path, filled_sqlite: Database, keys: Keyring, tmp_path: Path
):
    """Attachment names become paths on restore: only a SHA-256 is accepted as one."""
    manifest = read_manifest(backup_file)
    forged = tmp_path / "forged.zip"
    with BackupReader(backup_file, Meter(None), keys) as original:
        database = original.archive.read(manifest.database_part)
    with BackupWriter(forged, backup_sealing(filled_sqlite.engine)) as writer:
        writer.add_stored(manifest.database_part, database)
        writer.add_stored("attachments/../../escaped", b"x")
        writer.finish(Manifest.from_dict(manifest.to_dict()))

    with pytest.raises(BackupInvalid, match="名称不对的附件"):
        restore_backup(forged, tmp_path / "r" / "restored.sqlite3", keys=keys)
    assert not (tmp_path / "escaped").exists() and not (tmp_path / "r").exists()


def test_restore_into_a_new_file_gives_the_same_quarterly_report(
    filled_sqlite: Database, tmp_path: Path
):
    create_backup(filled_sqlite, tmp_path / "b.zip")
    result = restore_backup(
        tmp_path / "b.zip",
        tmp_path / "new" / "restored.sqlite3",
        keys=backup_keyring(filled_sqlite),
    )

    assert result.target == f"sqlite:///{tmp_path / 'new' / 'restored.sqlite3'}"
    restored = open_database(result.target)
    try:
        report = quarterly(restored)
        assert len(report["units"]) == 7 and report == quarterly(filled_sqlite)
        with restored.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Case)) == 400
    finally:
        restored.close()


def test_attachments_come_back_beside_the_restored_file(filled_sqlite: Database, tmp_path: Path):
    create_backup(filled_sqlite, tmp_path / "b.zip")
    target = tmp_path / "restored.sqlite3"
    result = restore_backup(tmp_path / "b.zip", target, keys=backup_keyring(filled_sqlite))

    assert result.attachments == len(ATTACHMENTS)
    restored = open_database(f"sqlite:///{target}")
    try:
        store = AttachmentStore.for_database(restored)
        assert isinstance(store, FolderStore)
        assert store.root == tmp_path / "restored.attachments"
        for data in ATTACHMENTS:
            digest = hashlib.sha256(data).hexdigest()
            assert hashlib.sha256(store.path_for(digest).read_bytes()).hexdigest() == digest
            assert store.get(None, digest) == data
    finally:
        restored.close()
    # Nothing of the restore's scaffolding (hidden .partial folders) is left.
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_attachment_missing_from_the_store_is_named_and_the_rest_backed_up(
    sqlite_db: Database, tmp_path: Path
):
    digests = add_attachments(sqlite_db)
    store = AttachmentStore.for_database(sqlite_db)
    store.path_for(digests[0]).unlink()
    store.path_for(digests[1]).write_bytes(b"bit rot")

    manifest = create_backup(sqlite_db, tmp_path / "b.zip")
    assert manifest.missing_attachments == sorted(digests[:2])
    assert [p.attachment_sha256 for p in manifest.attachments] == [digests[2]]
    report = verify_backup(tmp_path / "b.zip", keys=backup_keyring(sqlite_db))
    assert "缺失或已损坏" in report.warnings[0]


def test_restore_never_writes_over_an_existing_database(
    backup_file: Path, filled_sqlite: Database, keys: Keyring
):
    running = Path(filled_sqlite.engine.url.database)
    with pytest.raises(BackupError, match="不会覆盖已有的文件"):
        restore_backup(backup_file, running, keys=keys)
    with pytest.raises(BackupError, match="不会覆盖"):
        restore_backup(backup_file, f"sqlite:///{running}", keys=keys)

    # A new name whose attachments folder already holds files is refused too.
    taken = running.with_name("other.attachments")
    (taken / "ab").mkdir(parents=True)
    (taken / "ab" / "cdef").write_bytes(b"x")
    with pytest.raises(BackupError, match="other.attachments"):
        restore_backup(backup_file, running.with_name("other.sqlite3"), keys=keys)
    assert not running.with_name("other.sqlite3").exists()


def test_a_sqlite_backup_does_not_restore_into_postgresql(backup_file: Path):
    with pytest.raises(BackupError, match="只能恢复为一个新的 SQLite 文件"):
        restore_backup(backup_file, "postgresql+psycopg://u:p@127.0.0.1:1/none")


def test_a_backup_never_overwrites_a_file(filled_sqlite: Database, tmp_path: Path):
    (tmp_path / "b.zip").write_bytes(b"precious")
    with pytest.raises(BackupError, match="已存在"):
        create_backup(filled_sqlite, tmp_path / "b.zip")
    assert (tmp_path / "b.zip").read_bytes() == b"precious"


def test_a_cancelled_backup_or_restore_leaves_nothing(filled_sqlite: Database, tmp_path: Path):
    def cancel_at_the_second_report(done: int, _total: int) -> None:
        reports.append(done)
        if len(reports) == 2:
            raise Cancelled

    folder = tmp_path / "out"
    reports: list[int] = []
    with pytest.raises(Cancelled):
        create_backup(filled_sqlite, folder / "b.zip", cancel_at_the_second_report)
    assert list(folder.iterdir()) == []

    create_backup(filled_sqlite, folder / "b.zip")
    reports = []
    with pytest.raises(Cancelled):
        restore_backup(
            folder / "b.zip",
            folder / "r.sqlite3",
            cancel_at_the_second_report,
            keys=backup_keyring(filled_sqlite),
        )
    assert [p.name for p in folder.iterdir()] == ["b.zip"]


def test_progress_counts_up_to_its_total(filled_sqlite: Database, tmp_path: Path):
    reports: list[tuple[int, int]] = []
    create_backup(filled_sqlite, tmp_path / "b.zip", lambda d, t: reports.append((d, t)))
    assert reports and all(0 <= d <= t for d, t in reports)
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)
    reports.clear()
    verify_backup(
        tmp_path / "b.zip", lambda d, t: reports.append((d, t)), keys=backup_keyring(filled_sqlite)
    )
    assert reports[-1][0] >= reports[-1][1] * 0.9


def test_a_file_that_is_not_a_backup_is_refused_clearly(tmp_path: Path):
    (tmp_path / "photo.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(BackupInvalid, match="不是完整的回访台备份"):
        verify_backup(tmp_path / "photo.zip")
    with pytest.raises(BackupInvalid, match="找不到备份文件"):
        verify_backup(tmp_path / "none.zip")
    with pytest.raises(BackupInvalid, match="manifest.json"):
        read_manifest(tmp_path / "photo.zip")


def rewrite_backup(source: Path, target: Path, keys: Keyring, edit, signer) -> Path:
    """The backup opened with `keys`, edited, signed by `signer` for `keys` (or, without a
    signer, sealed with a recomputed SHA-256 as older versions did)."""
    return rewrite(
        source,
        target,
        prefix=SEAL_PREFIX,
        format_1_prefix=FORMAT_1_PREFIX,
        opened_with=keys,
        edit=edit,
        signer=signer,
        recipients=(keys.own.public.recipient,) if signer else (),
        compress=lambda name: not name.startswith("attachments/"),
    )
