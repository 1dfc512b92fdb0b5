"""The backup file: one zip holding the database, the attachments and manifest.json, sealed.

    manifest.json                 what the backup holds: SHA-256 and size of every part, the row
                                  counts, schema revision, app version, source and time
    database/NAME.sqlite3         a SQLite snapshot (or database/NAME.pgdump, pg_dump's archive)
    attachments/SHA256            each attached file, named by its SHA-256 (SQLite sources)

The zip's comment is a seal: the SHA-256 of every byte of the file before the digest itself.
Any flipped byte, anywhere, breaks it; a truncated file has lost it. A file is written under a
temporary name and renamed only once it is complete and sealed, so a backup that was cut off
never looks like one.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from app import sealed_archive
from app.errors import Refused
from app.i18n import pick
from app.progress import Progress
from app.sealed_archive import Seal, SealedArchiveWriter, Written

FORMAT = "revisitdesk-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_DIR = "database/"
ATTACHMENTS_DIR = "attachments/"
SEAL_PREFIX = b"RevisitDesk backup, SHA-256 of all before: "
CHUNK = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")

# Where the database part comes from: sqlite3 (a SQLite file) or pg_dump's custom format.
SQLITE_FORMAT = "sqlite3"
PG_DUMP_FORMAT = "pg_dump-custom"

# Progress (app.progress) is counted in KiB here.


class BackupError(Refused):
    """A backup could not be made, read or restored; the message says why, for the user."""


class BackupInvalid(BackupError):
    """The file is not a complete, intact RevisitDesk backup."""


@dataclass(frozen=True)
class Part:
    """One file inside the backup."""

    path: str
    size: int
    sha256: str

    @property
    def attachment_sha256(self) -> str | None:
        """The attachment's own SHA-256 when this part is an attachment."""
        return self.path.removeprefix(ATTACHMENTS_DIR) if self.is_attachment else None

    @property
    def is_attachment(self) -> bool:
        return self.path.startswith(ATTACHMENTS_DIR)


@dataclass
class Manifest:
    app_version: str
    created_at: datetime  # timezone-aware
    kind: str  # manual / daily / pre-upgrade (app.backup.service)
    backend: str  # sqlite / postgresql
    source: str  # the database file, or its URL without the password
    machine: str  # the computer that made the backup
    schema_revision: str | None
    database_part: str
    database_format: str
    counts: dict[str, int]  # rows per table
    parts: list[Part] = field(default_factory=list)
    # Attachments the database refers to that were missing or damaged in the store when the
    # backup was made: the backup holds everything else.
    missing_attachments: list[str] = field(default_factory=list)
    format_version: int = FORMAT_VERSION

    @property
    def attachments(self) -> list[Part]:
        return [p for p in self.parts if p.is_attachment]

    def part(self, path: str) -> Part:
        return next(p for p in self.parts if p.path == path)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return {"format": FORMAT, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Manifest:
        """Raises ValueError, KeyError or TypeError for anything that is not a manifest."""
        if data.get("format") != FORMAT:
            raise ValueError("not a RevisitDesk backup manifest")
        values = {k: v for k, v in data.items() if k != "format"}
        values["created_at"] = datetime.fromisoformat(values["created_at"])
        values["parts"] = [Part(**p) for p in values["parts"]]
        values["counts"] = {str(k): int(v) for k, v in values["counts"].items()}
        return cls(**values)


class Meter:
    """Progress over a whole job, in KiB, passed on to `progress` every 1/500 of the way.

    Each call of `progress` is also where a cancelled job stops (it raises).
    """

    STEPS = 500

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self.total = 0
        self.done = 0
        self._reported = 0
        self._waited = 0.0

    def expect(self, nbytes: int) -> None:
        self.total += nbytes

    def advance(self, nbytes: int) -> None:
        self.done += nbytes
        if self._progress and self.done - self._reported >= max(1, self.total // self.STEPS):
            self._reported = self.done
            self._progress(min(self.done, self.total) // 1024, self.total // 1024)

    def wait(self) -> None:
        """During a step whose length is unknown (pg_dump): a busy indicator, and a chance to
        stop. Called as often as convenient; passed on ten times a second at most."""
        now = time.monotonic()
        if self._progress and now - self._waited >= 0.1:
            self._waited = now
            self._progress(0, 0)


def _message(problem: str, path: Path) -> BackupInvalid:
    zh, en = _INVALID[problem]
    return BackupInvalid(pick(zh, en).format(name=path.name))


_INVALID = {
    "missing": ("找不到备份文件 {name}", "Backup file {name} not found"),
    "no_seal": (
        "{name} 不是完整的回访台备份：文件末尾没有校验封记（文件可能被截断或没有写完）",
        "{name} is not a complete RevisitDesk backup: its closing checksum seal is missing "
        "(the file may be truncated or unfinished)",
    ),
    "bad_seal": (
        "{name} 已损坏或被改动：文件内容与它的 SHA-256 校验封记不符，不能使用",
        "{name} is damaged or has been altered: its content does not match its SHA-256 seal; "
        "it cannot be used",
    ),
    "no_manifest": (
        "{name} 中缺少清单 manifest.json，或清单无法读取",
        "{name} has no readable manifest.json",
    ),
    "newer_format": (
        "{name} 由较新版本的回访台制作，请先升级回访台",
        "{name} was made by a newer version of RevisitDesk; upgrade RevisitDesk first",
    ),
}


class BackupWriter(SealedArchiveWriter):
    """Writes a backup under a temporary name beside `target`; `finish` seals and renames it.

    Used as a context manager: leaving it by an exception (or a cancelled progress) removes the
    temporary file, and `target` never appears.
    """

    def __init__(self, target: Path) -> None:
        _refuse_existing(target)
        super().__init__(target, SEAL_PREFIX)
        self.parts: list[Part] = []

    def __enter__(self) -> BackupWriter:
        return self

    def add_file(self, name: str, source: Path, meter: Meter) -> Part:
        """A large file (the database), compressed, read in chunks."""
        return self._add_part(self.write_file(name, source, meter.advance))

    def add_stored(self, name: str, data: bytes) -> Part:
        """A file stored as it is: scans (PNG, JPEG, PDF) are compressed already."""
        return self._add_part(self.write_bytes(name, data, compress=False))

    def _add_part(self, written: Written) -> Part:
        part = Part(written.name, written.size, written.sha256)
        self.parts.append(part)
        return part

    def finish(self, manifest: Manifest) -> Path:
        manifest.parts = list(self.parts)
        _refuse_existing(self.target)  # made meanwhile by someone else?
        return self.seal(
            MANIFEST_NAME, json.dumps(manifest.to_dict(), ensure_ascii=False, indent=2)
        )


def _refuse_existing(target: Path) -> None:
    if target.exists():
        raise BackupError(
            pick(
                f"{target} 已存在，备份不会覆盖已有文件",
                f"{target} exists; a backup never overwrites a file",
            )
        )


def check_seal(path: Path, meter: Meter | None = None) -> None:
    """Raise BackupInvalid unless the file ends with its seal and every byte matches it."""
    try:
        seal = sealed_archive.check_seal(path, SEAL_PREFIX, meter.advance if meter else None)
    except FileNotFoundError:
        raise _message("missing", path) from None
    if seal is Seal.MISSING:
        raise _message("no_seal", path)
    if seal is Seal.BROKEN:
        raise _message("bad_seal", path)


def read_manifest(path: Path) -> Manifest:
    """The manifest alone, without checking the rest (quick: for lists and dialogs)."""
    if not path.exists():
        raise _message("missing", path)
    try:
        with zipfile.ZipFile(path) as archive:
            data = json.loads(archive.read(MANIFEST_NAME).decode("utf-8"))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
        raise _message("no_manifest", path) from None
    if isinstance(data, dict) and data.get("format_version", 0) > FORMAT_VERSION:
        raise _message("newer_format", path)
    try:
        return Manifest.from_dict(data)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _message("no_manifest", path) from None


class BackupReader:
    """An opened backup whose seal has been checked; parts are checked as they are read."""

    def __init__(self, path: Path, meter: Meter) -> None:
        self.path = path
        size = path.stat().st_size if path.exists() else 0
        meter.expect(size)
        check_seal(path, meter)
        self.manifest = read_manifest(path)
        meter.expect(sum(p.size for p in self.manifest.parts))
        self._zip = zipfile.ZipFile(path)
        # An attachment is named by its content's SHA-256, and nothing else: the name becomes a
        # path when it is restored.
        misnamed = [
            p.path
            for p in self.manifest.attachments
            if not _SHA256.fullmatch(p.attachment_sha256) or p.attachment_sha256 != p.sha256
        ]
        if misnamed:
            self.close()
            raise BackupInvalid(
                pick(
                    f"{path.name} 的清单中有名称不对的附件：{misnamed[0]}",
                    f"{path.name} lists a wrongly named attachment: {misnamed[0]}",
                )
            )
        listed = {p.path for p in self.manifest.parts}
        present = set(self._zip.namelist()) - {MANIFEST_NAME}
        if present != listed or self.manifest.database_part not in listed:
            self.close()
            missing = sorted(listed - present) or [self.manifest.database_part]
            extra = sorted(present - listed)
            raise BackupInvalid(
                pick(
                    f"{path.name} 与其清单不符：缺少 {missing}，多出 {extra}",
                    f"{path.name} does not match its manifest: missing {missing}, extra {extra}",
                )
            )

    def __enter__(self) -> BackupReader:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        if hasattr(self, "_zip"):
            self._zip.close()

    def extract(self, part: Part, destination: Path | None, meter: Meter) -> None:
        """Read one part, checking its size and SHA-256; write it to `destination` if given."""
        digest, size = hashlib.sha256(), 0
        output: BinaryIO | None = None
        if destination is not None:
            destination.parent.mkdir(parents=True, exist_ok=True)
            output = destination.open("xb")
        try:
            with self._zip.open(part.path) as member:
                while chunk := member.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    if output:
                        output.write(chunk)
                    meter.advance(len(chunk))
        except (zipfile.BadZipFile, EOFError, zlib.error) as error:
            raise BackupInvalid(
                pick(
                    f"{self.path.name} 中的 {part.path} 无法读取：{error}",
                    f"{part.path} in {self.path.name} cannot be read: {error}",
                )
            ) from None
        finally:
            if output:
                output.close()
        if size != part.size or digest.hexdigest() != part.sha256:
            raise BackupInvalid(
                pick(
                    f"{self.path.name} 中的 {part.path} 与清单记录的 SHA-256 不符",
                    f"{part.path} in {self.path.name} does not match the SHA-256 in its manifest",
                )
            )
