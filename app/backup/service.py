"""Making a backup of the database in use, verifying a backup file, restoring one into a new database."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

import app.backup.postgres as postgres
import app.backup.sqlite as sqlite
from app import clock
from app.atomic_file import PARTIAL_SUFFIX
from app.audit import record_backup, record_change
from app.backup.archive import (
    ATTACHMENTS_DIR,
    DATABASE_DIR,
    PG_DUMP_FORMAT,
    SQLITE_FORMAT,
    BackupError,
    BackupInvalid,
    BackupReader,
    BackupWriter,
    Manifest,
    Meter,
    Progress,
    read_manifest,
)
from app.backup.facts import DatabaseFacts, check_facts, check_revision_known
from app.backup.sealing import backup_sealing
from app.i18n import pick
from app.keys.material import Keyring
from app.scanning.store import FolderStore, StoreError
from app.staff import require_administrator
from app.zone import LOCAL_ZONE
from db.engine import database_key, key_file_path, sqlite_path

# An encrypted SQLite file (app.keys.database_key) is backed up as it is, encrypted with its key,
# and the archive (itself encrypted) carries that key, so that the backup is verified without a
# log-in, and the file's key file, so that the restored file unlocks as the original did.
KEY_PART = "key/database.key"
KEY_FILE_PART = "key/database.key.json"

log = logging.getLogger(__name__)

# What made a backup: someone on purpose, the daily schedule (only these are rotated away), or
# the app just before it upgraded the database's schema.
MANUAL = "manual"
DAILY = "daily"
PRE_UPGRADE = "pre-upgrade"
KINDS = (MANUAL, DAILY, PRE_UPGRADE)
KIND_LABELS = {
    MANUAL: ("手动", "manual"),
    DAILY: ("每日自动", "daily"),
    PRE_UPGRADE: ("升级前", "before an upgrade"),
}

# The tables a person recognises, for summaries: (table, 中文, English).
MAIN_TABLES = (
    ("cases", "业务件", "cases"),
    ("evaluations", "评价", "evaluations"),
    ("call_attempts", "拨打记录", "call attempts"),
    ("callback_tasks", "二次回访", "callbacks"),
    ("attachments", "附件", "attachments"),
)


def app_version() -> str:
    from app.version import app_version as version

    return version().number


@dataclass(frozen=True)
class Source:
    backend: str  # sqlite / postgresql
    name: str  # the file's absolute path, or the URL without its password
    stem: str  # for file names: the file's stem, or the database's name


def source_of(url: str) -> Source:
    """Which database a URL names, as backups record it; BackupError for what cannot be backed up."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is None:
            raise BackupError(
                pick("内存中的数据库无法备份", "an in-memory database cannot be backed up")
            )
        return Source(backend, str(path.resolve()), path.stem)
    if backend == "postgresql":
        return Source(
            backend, parsed.render_as_string(hide_password=True), parsed.database or "postgres"
        )
    raise BackupError(
        pick(f"不支持备份 {backend} 数据库", f"{backend} databases cannot be backed up")
    )


def create_backup(
    database,
    output_path: Path | str,
    progress: Progress | None = None,
    *,
    kind: str = MANUAL,
    by_id: int | None = None,
) -> Manifest:
    """Back up `database` (db.database.Database, in use or not) into the new file `output_path`.

    SQLite: a snapshot by the online backup API, and the attachments from the folder beside the
    file. PostgreSQL: pg_dump (attachments are in the database). Returns the manifest written.
    Raises BackupError (e.g. pg_dump missing, the file exists) or OSError (e.g. disk full).
    A manual backup, to a file a person names, is for administrators only (`by_id`: who,
    app.staff.require_administrator): it holds every phone number. The daily one goes only into
    the backup folder an administrator set, for whoever is at work (the window makes it).
    """
    if kind == MANUAL:
        with database.sessions() as session:
            require_administrator(session, by_id)
    manifest = back_up(database.engine, database.url, Path(output_path), kind, progress)
    record_backup(database, output_path, actor_id=by_id, kind=kind, counts=manifest.counts)
    return manifest


def back_up(
    engine: Engine,
    url: str,
    output: Path,
    kind: str,
    progress: Progress | None = None,
    *,
    unsigned: bool = False,
) -> Manifest:
    """The backup, signed by this installation and encrypted to it and its recovery key
    (app.backup.sealing); `unsigned` only for a database too old to hold keys."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}; use one of {KINDS}")
    source = source_of(url)
    meter = Meter(progress)
    started = clock.now()  # the moment the data is of: the snapshot starts right after
    if source.backend == "postgresql":
        postgres.find_tool("pg_dump")  # said first: the seats of a call centre often lack it
    sealing = None if unsigned else backup_sealing(engine)
    with (
        BackupWriter(output, sealing) as writer,
        tempfile.TemporaryDirectory(
            dir=output.parent, prefix=f".{output.name}.", suffix=PARTIAL_SUFFIX
        ) as work,
    ):
        if source.backend == "sqlite":
            facts, part, missing = _write_sqlite(
                Path(source.name), writer, Path(work), meter, database_key(engine)
            )
        else:
            facts, part, missing = _write_postgres(engine, url, source, writer, Path(work), meter)
        manifest = Manifest(
            app_version=app_version(),
            created_at=started,
            kind=kind,
            backend=source.backend,
            source=source.name,
            machine=socket.gethostname(),
            schema_revision=facts.schema_revision,
            database_part=part,
            database_format=SQLITE_FORMAT if source.backend == "sqlite" else PG_DUMP_FORMAT,
            counts=facts.counts,
            missing_attachments=missing,
        )
        writer.finish(manifest)
    log.info("Backup written to %s (%s, %d parts)", output, kind, len(manifest.parts))
    return manifest


def _write_sqlite(
    path: Path, writer: BackupWriter, work: Path, meter: Meter, key: bytes | None = None
) -> tuple[DatabaseFacts, str, list[str]]:
    """The snapshot and the attachments it refers to; its facts, its part, what was missing.
    An encrypted file's snapshot is encrypted with its `key`; the key and the key file go along."""
    store = sqlite.attachment_store(path, key)
    meter.expect(2 * sqlite.size_to_copy(path) + _folder_size(store.root))
    copy = work / f"{path.stem}.sqlite3"
    sqlite.snapshot(path, copy, meter, key)
    facts, hashes = sqlite.read_copy(copy, key)
    part = writer.add_file(f"{DATABASE_DIR}{path.stem}.sqlite3", copy, meter)
    copy.unlink()
    if key is not None:
        writer.add_stored(KEY_PART, key)
        writer.add_stored(KEY_FILE_PART, key_file_path(path).read_bytes())
    missing = []
    for digest in hashes:
        try:
            data = store.get(None, digest)  # a folder store needs no session
        except StoreError as problem:
            # The backup is still worth having; the manifest and the report say what is absent.
            log.warning("Attachment %s not backed up: %s", digest[:12], problem)
            missing.append(digest)
            continue
        writer.add_stored(f"{ATTACHMENTS_DIR}{digest}", data)
        meter.advance(len(data))
    return facts, part.path, missing


def _folder_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.is_dir() else 0


def _write_postgres(
    engine: Engine, url: str, source: Source, writer: BackupWriter, work: Path, meter: Meter
) -> tuple[DatabaseFacts, str, list[str]]:
    """The dump, attachments included (they are in the database)."""
    dump_file = work / f"{source.stem}.pgdump"
    facts = postgres.dump(engine, url, dump_file, meter)
    meter.expect(dump_file.stat().st_size)
    part = writer.add_file(f"{DATABASE_DIR}{source.stem}.pgdump", dump_file, meter)
    return facts, part.path, []


@dataclass
class VerifyReport:
    path: Path
    manifest: Manifest
    size: int  # bytes of the backup file
    database_check: str  # what was checked inside the database part
    warnings: list[str] = field(default_factory=list)
    signed_by: str | None = None  # the signing installation's fingerprint; None: unsigned
    by_recovery_key: bool = False  # opened with the recovery key, not this installation's

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "valid": True,
            "size": self.size,
            "signed_by": self.signed_by,
            "database_check": self.database_check,
            "warnings": self.warnings,
            "manifest": self.manifest.to_dict(),
        }

    def text(self) -> str:
        lines = [pick(f"备份完好：{self.path}", f"The backup is intact: {self.path}")]
        lines.append(signature_line(self.signed_by, self.by_recovery_key))
        lines += describe(self.manifest)
        lines.append(pick("已校验：", "Checked: ") + self.database_check)
        lines += [pick("注意：", "Note: ") + w for w in self.warnings]
        return "\n".join(lines)


def signature_line(signed_by: str | None, by_recovery_key: bool) -> str:
    """Who signed a backup, for the reports."""
    if signed_by is None:
        return pick(
            "未签名、未加密：旧版本回访台的备份，无法证明它未被改动（按 --allow-unsigned 读取）",
            "Unsigned and unencrypted: a backup of an older RevisitDesk; nothing proves it was "
            "not altered (read on --allow-unsigned)",
        )
    if by_recovery_key:
        return pick(
            f"已用恢复密钥打开；由指纹为 {signed_by} 的安装签名（请与恢复密钥旁打印的指纹核对）",
            f"Opened with the recovery key; signed by the installation with fingerprint "
            f"{signed_by} (compare it with the fingerprint printed beside the recovery key)",
        )
    return pick(
        f"由本机签名并加密（指纹 {signed_by}）",
        f"Signed and encrypted by this installation (fingerprint {signed_by})",
    )


def verify_backup(
    path: Path | str,
    progress: Progress | None = None,
    *,
    keys: Keyring | None = None,
    allow_unsigned: bool = False,
) -> VerifyReport:
    """Check every byte of a backup: its signature by this installation, every part's SHA-256,
    and the database inside.

    `keys`: this installation's (app.backup.sealing.backup_keyring), with the recovery key
    when one was typed in; `allow_unsigned` reads a backup of an older version (unsigned).
    Raises BackupInvalid (a BackupError) for a truncated, damaged, altered or foreign file.
    """
    path = Path(path)
    meter = Meter(progress)
    warnings = []
    keys = keys or Keyring()
    with (
        BackupReader(path, meter, keys, allow_unsigned=allow_unsigned) as reader,
        tempfile.TemporaryDirectory() as temp,
    ):
        signed_by, by_recovery_key = _signature(reader)
        manifest = reader.manifest
        for part in manifest.parts:
            if part.path != manifest.database_part:
                reader.extract(part, None, meter)
        copy = Path(temp) / "database"
        reader.extract(manifest.part(manifest.database_part), copy, meter)
        if manifest.backend == "sqlite":
            key = _stored_key(reader, Path(temp), meter)
            sqlite.check_integrity(copy, meter, path.name, key)
            check_facts(sqlite.read_copy(copy, key)[0], manifest, path.name)
            database_check = pick(
                "SQLite 完整性检查通过，各表行数与清单一致",
                "SQLite integrity check passed, row counts match the manifest",
            )
        else:
            database_check = postgres.check_dump(copy, manifest, path.name, meter) or pick(
                "仅校验了 SHA-256（找不到 pg_restore，未读取 pg_dump 文件的目录）",
                "SHA-256 only (pg_restore not found: the pg_dump file's contents were not listed)",
            )
    if manifest.missing_attachments:
        warnings.append(_missing_warning(manifest))
    return VerifyReport(
        path,
        manifest,
        path.stat().st_size,
        database_check,
        warnings,
        signed_by,
        by_recovery_key,
    )


def _missing_warning(manifest: Manifest) -> str:
    count = len(manifest.missing_attachments)
    return pick(
        f"制作备份时有 {count} 个附件在存储中缺失或已损坏，备份中没有它们："
        f"{', '.join(d[:12] for d in manifest.missing_attachments)}",
        f"{count} attachments were missing or damaged in the store when the backup was made "
        f"and are not in it: {', '.join(d[:12] for d in manifest.missing_attachments)}",
    )


def describe(manifest: Manifest) -> list[str]:
    """A few lines on what a backup holds, for the command line."""
    when = manifest.created_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M:%S")
    counts = pick("，", ", ").join(
        f"{pick(zh, en)} {manifest.counts[table]}"
        for table, zh, en in MAIN_TABLES
        if table in manifest.counts
    )
    if manifest.backend == "postgresql":
        stored = manifest.counts.get("attachment_blobs", 0)
        files = pick(f"{stored}（在数据库中）", f"{stored} (inside the database)")
    else:
        files = str(len(manifest.attachments))
    kind = pick(*KIND_LABELS[manifest.kind]) if manifest.kind in KIND_LABELS else manifest.kind
    return [
        pick("制作时间：", "Made: ") + f"{when} ({kind}, {manifest.machine})",
        pick("来源：", "Source: ") + f"{manifest.backend} {manifest.source}",
        pick("回访台版本：", "RevisitDesk version: ")
        + f"{manifest.app_version}, "
        + pick("结构版本 ", "schema revision ")
        + str(manifest.schema_revision),
        pick("内容：", "Contents: ") + counts,
        pick("附件文件：", "Attachment files: ") + files,
    ]


@dataclass
class RestoreResult:
    backend: str
    target: str  # the new database: a SQLite URL, or the PostgreSQL URL without its password
    manifest: Manifest
    counts: dict[str, int]
    attachments: int  # attachment files written beside a SQLite file
    signed_by: str | None = None  # the signing installation's fingerprint; None: unsigned
    by_recovery_key: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "backend": self.backend,
            "signed_by": self.signed_by,
            "counts": self.counts,
            "attachment_files": self.attachments,
            "manifest": self.manifest.to_dict(),
        }

    def text(self) -> str:
        lines = [
            pick(
                f"已恢复到新数据库：{self.target}", f"Restored into a new database: {self.target}"
            ),
            signature_line(self.signed_by, self.by_recovery_key),
        ]
        lines += describe(self.manifest)
        lines.append(
            pick(
                f"要使用它：python main.py --db {self.target}（或设置 REVISITDESK_DB）",
                f"To use it: python main.py --db {self.target} (or set REVISITDESK_DB)",
            )
        )
        if self.manifest.missing_attachments:
            lines.append(pick("注意：", "Note: ") + _missing_warning(self.manifest))
        return "\n".join(lines)


def restore_backup(
    path: Path | str,
    target: str | Path,
    progress: Progress | None = None,
    *,
    keys: Keyring | None = None,
    allow_unsigned: bool = False,
) -> RestoreResult:
    """Restore a backup into a NEW database: a SQLite file that does not exist yet (a path or a
    sqlite:/// URL), or an empty PostgreSQL database (its URL). Never over an existing one.

    Every part is checked as it is read; nothing is left behind when anything fails. `keys` and
    `allow_unsigned` as for `verify_backup`: a backup opens with this installation's keys or
    with its recovery key (when the database and its keys were lost).
    """
    path = Path(path)
    keys = keys or Keyring()
    try:
        manifest = read_manifest(path)  # quick: to refuse a wrong target before reading it all
    except BackupInvalid:
        # Damaged or altered, most likely: the signature's check says so more precisely.
        with BackupReader(path, Meter(None), keys, allow_unsigned=allow_unsigned):
            pass
        raise
    check_revision_known(manifest)
    backend, url = _target_url(target)
    if backend != manifest.backend:
        raise BackupError(
            pick(
                "这是 SQLite 数据库的备份，只能恢复为一个新的 SQLite 文件（请给出文件路径）",
                "this is a backup of a SQLite database: it restores into a new SQLite file "
                "(give a file path)",
            )
            if manifest.backend == "sqlite"
            else pick(
                "这是 PostgreSQL 数据库的备份，只能恢复到一个新建的空 PostgreSQL 数据库"
                "（请给出 postgresql+psycopg://… 地址）",
                "this is a backup of a PostgreSQL database: it restores into a new, empty "
                "PostgreSQL database (give a postgresql+psycopg://… URL)",
            )
        )
    meter = Meter(progress)
    if backend == "sqlite":
        file = sqlite_path(url)
        _refuse_existing(file)
        with BackupReader(path, meter, keys, allow_unsigned=allow_unsigned) as reader:
            manifest, signed = reader.manifest, _signature(reader)
            facts, attachments = _restore_sqlite(reader, file, meter)
        shown = f"sqlite:///{file.resolve()}"
    else:
        shown = make_url(url).render_as_string(hide_password=True)
        postgres.find_tool("pg_restore")
        postgres.check_empty_target(url)
        with (
            BackupReader(path, meter, keys, allow_unsigned=allow_unsigned) as reader,
            tempfile.TemporaryDirectory() as temp,
        ):
            manifest, signed = reader.manifest, _signature(reader)
            dump_file = Path(temp) / "database.pgdump"
            reader.extract(manifest.part(manifest.database_part), dump_file, meter)
            facts = postgres.restore(dump_file, url, meter)
        check_facts(facts, manifest, shown)
        attachments = 0
    log.info("Backup %s restored into %s (signed by %s)", path, shown, signed[0] or "nobody")
    return RestoreResult(backend, shown, manifest, facts.counts, attachments, *signed)


def authorize_unsigned_restore(database, path: Path | str, *, by_id: int | None) -> None:
    """Restoring a backup without a signature (older versions made them; nothing proves it was
    not altered) is an administrator's decision, taken in the database in use and audited.
    Call it before `restore_backup(..., allow_unsigned=True)`."""
    with database.sessions.begin() as session:
        require_administrator(session, by_id)
        record_change(
            session,
            actor_id=by_id,
            action="backup.restore_unsigned",
            entity="backup",
            entity_uid=None,
            before=None,
            after={"file": str(path)},
        )


def _signature(reader: BackupReader) -> tuple[str | None, bool]:
    return reader.signer_fingerprint, reader.opened_by_recovery_key


def _target_url(target: str | Path) -> tuple[str, str]:
    """The backend and SQLAlchemy URL of a restore target: a file path or a database URL."""
    text = str(target)
    if "://" not in text:
        return "sqlite", f"sqlite:///{Path(text).expanduser().resolve()}"
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise BackupError(
            pick(f"无法识别的数据库地址：{text}", f"not a database URL: {text}")
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite" and sqlite_path(text) is None:
        raise BackupError(
            pick("不能恢复到内存中的数据库", "cannot restore into an in-memory database")
        )
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(
            pick(f"不支持恢复到 {backend} 数据库", f"cannot restore into a {backend} database")
        )
    return backend, text


def _refuse_existing(file: Path) -> None:
    """A restore writes a new file only: never over a database (the running one included),
    its leftover journals, or an attachments folder that holds files."""
    store = sqlite.attachment_store(file)
    taken = [
        p
        for p in (
            file,
            Path(f"{file}-wal"),
            Path(f"{file}-shm"),
            Path(f"{file}-journal"),
            key_file_path(file),
        )
        if p.exists()
    ]
    if store.root.exists() and any(store.root.iterdir()):
        taken.append(store.root)
    if taken:
        raise BackupError(
            pick(
                f"{taken[0]} 已存在。恢复只写入新的数据库文件，不会覆盖已有的文件"
                "（包括正在使用的数据库），请换一个文件名。",
                f"{taken[0]} exists. A restore only writes a new database file and never "
                "overwrites one (the database in use included); choose another name.",
            )
        )


def _stored_key(reader: BackupReader, work: Path, meter: Meter) -> bytes | None:
    """The key of an encrypted file's backup (KEY_PART), None for a file in the clear."""
    if not any(part.path == KEY_PART for part in reader.manifest.parts):
        return None
    return _part_bytes(reader, KEY_PART, work, meter)


def _part_bytes(reader: BackupReader, name: str, work: Path, meter: Meter) -> bytes:
    target = work / name.replace("/", "_")
    reader.extract(reader.manifest.part(name), target, meter)
    try:
        return target.read_bytes()
    finally:
        target.unlink()


def _restore_sqlite(reader: BackupReader, file: Path, meter: Meter) -> tuple[DatabaseFacts, int]:
    manifest = reader.manifest
    store = sqlite.attachment_store(file)
    file.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(dir=file.parent, prefix=f".{file.name}.", suffix=PARTIAL_SUFFIX)
    )
    try:
        copy = staging / file.name
        reader.extract(manifest.part(manifest.database_part), copy, meter)
        key = _stored_key(reader, staging, meter)
        sqlite.check_integrity(copy, meter, reader.path.name, key)
        facts = sqlite.read_copy(copy, key)[0]
        check_facts(facts, manifest, reader.path.name)
        staged = FolderStore(staging / store.root.name, key)
        for part in manifest.attachments:
            if key is None:
                reader.extract(part, staged.path_for(part.attachment_sha256), meter)
            else:  # encrypted again with the restored file's key
                staged.put(None, _part_bytes(reader, part.path, staging, meter))
        if key is not None:
            key_file_path(copy).write_bytes(_part_bytes(reader, KEY_FILE_PART, staging, meter))
        # Into place: the attachments first, the database last, so that a database file never
        # appears without its attachments.
        _refuse_existing(file)  # again: someone may have made one meanwhile
        if manifest.attachments:
            if store.root.exists():
                store.root.rmdir()  # empty, as checked
            os.rename(staged.root, store.root)
        try:
            if key is not None:  # the key file before the file it unlocks
                os.rename(key_file_path(copy), key_file_path(file))
            os.rename(copy, file)
        except BaseException:
            if manifest.attachments:
                shutil.rmtree(store.root, ignore_errors=True)
            if key is not None:
                key_file_path(file).unlink(missing_ok=True)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return facts, len(manifest.attachments)
