"""The backup file: a sealed archive (app.sealed_archive) holding the database, the attachments
and manifest.json, signed by this installation and encrypted to it and its recovery key.

    manifest.json                 what the backup holds: SHA-256 and size of every part, the row
                                  counts, schema revision, app version, source and time (in the
                                  clear, so that lists of backups need no key)
    database/NAME.sqlite3         a SQLite snapshot (or database/NAME.pgdump, pg_dump's archive)
    attachments/SHA256            each attached file, named by its SHA-256 (SQLite sources)

The seal at the end is an Ed25519 signature of every byte before it: a flipped byte anywhere,
or a part changed and every hash recomputed, is refused, and so is a backup signed by anyone
but this installation. A file is written under a temporary name and renamed only once it is
complete and signed, so a backup that was cut off never looks like one. Backups of older
versions (in the clear, sealed with a bare SHA-256) are read only on request (allow_unsigned).
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

from app.errors import Refused
from app.i18n import pick
from app.keys.material import Keyring, readable
from app.progress import Progress
from app.sealed_archive import (
    ArchiveRefused,
    Problem,
    SealedArchive,
    SealedArchiveWriter,
    Sealing,
    Written,
    open_archive,
)

FORMAT = "revisitdesk-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_DIR = "database/"
ATTACHMENTS_DIR = "attachments/"
SEAL_PREFIX = b"RevisitDesk backup, Ed25519 signature by "
FORMAT_1_PREFIX = b"RevisitDesk backup, SHA-256 of all before: "  # older versions' backups
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


def _message(problem: str, path: Path, **values: str) -> BackupInvalid:
    zh, en = _INVALID[problem]
    return BackupInvalid(pick(zh, en).format(name=path.name, **values))


_INVALID = {
    "missing": ("找不到备份文件 {name}", "Backup file {name} not found"),
    "no_seal": (
        "{name} 不是完整的回访台备份：文件末尾没有签名（文件可能被截断或没有写完）",
        "{name} is not a complete RevisitDesk backup: its closing signature is missing "
        "(the file may be truncated or unfinished)",
    ),
    "bad_seal": (
        "{name} 已损坏或被改动：文件内容与它的签名不符，不能使用",
        "{name} is damaged or has been altered: its content does not match its signature; "
        "it cannot be used",
    ),
    "unsigned": (
        "{name} 是旧版本回访台制作的备份，没有签名也没有加密，无法证明它未被改动。"
        "只有管理员可以在确认其来源后恢复它（backup restore … --allow-unsigned）",
        "{name} is a backup of an older RevisitDesk, neither signed nor encrypted: nothing proves "
        "it was not altered. Only an administrator who trusts where it comes from may restore it "
        "(backup restore … --allow-unsigned)",
    ),
    "unknown_signer": (
        "{name} 不是本机制作的备份（它由指纹为 {signer} 的安装签名；{own}）。备份只能在制作它的"
        "安装上校验和恢复，或者用它的恢复密钥（--recovery-key）",
        "{name} was not made by this installation (it is signed by the installation with "
        "fingerprint {signer}; {own}). A backup is verified and restored where it was made, or "
        "with its recovery key (--recovery-key)",
    ),
    "not_for_us": (
        "{name} 不能用本机的密钥或给出的恢复密钥打开（它由指纹为 {signer} 的安装制作）。"
        "请确认恢复密钥是制作这份备份时的那一个",
        "{name} does not open with this installation's keys or the recovery key given (it was "
        "made by the installation with fingerprint {signer}). Check that the recovery key is "
        "the one in use when the backup was made",
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


def refusal(refused: ArchiveRefused, path: Path, keys: Keyring) -> BackupInvalid:
    """An archive's refusal said of a backup."""
    problem = refused.problem
    if problem is Problem.MISSING:
        return _message("no_seal", path)
    if problem is Problem.UNSIGNED:
        return _message("unsigned", path)
    signer = readable(refused.key_id) if refused.key_id else "?"
    if problem is Problem.UNKNOWN_SIGNER:
        own = (
            pick(
                f"本机指纹为 {keys.own.public.fingerprint}",
                f"this one's is {keys.own.public.fingerprint}",
            )
            if keys.own
            else pick("本机还没有密钥", "this installation has no keys")
        )
        return _message("unknown_signer", path, signer=signer, own=own)
    if problem is Problem.NOT_FOR_US:
        return _message("not_for_us", path, signer=signer)
    if refused.part:
        return BackupInvalid(
            pick(
                f"{path.name} 中的 {refused.part} 已损坏或被改动，不能使用",
                f"{refused.part} in {path.name} is damaged or has been altered; it cannot be used",
            )
        )
    return _message("bad_seal", path)


class BackupWriter(SealedArchiveWriter):
    """Writes a backup under a temporary name beside `target`; `finish` signs and renames it.

    Used as a context manager: leaving it by an exception (or a cancelled progress) removes the
    temporary file, and `target` never appears. Without `sealing` (a database too old to hold
    keys, before an upgrade) it is written unsigned, as older versions did.
    """

    def __init__(self, target: Path, sealing: Sealing | None) -> None:
        _refuse_existing(target)
        super().__init__(target, SEAL_PREFIX if sealing else FORMAT_1_PREFIX, sealing)
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


def read_manifest(path: Path) -> Manifest:
    """The manifest alone, without checking the rest (quick: for lists and dialogs). It is in
    the clear; BackupReader reads it again, checked."""
    if not path.exists():
        raise _message("missing", path)
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(MANIFEST_NAME)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
        raise _message("no_manifest", path) from None
    return _manifest(data, path)


def _manifest(data: bytes, path: Path) -> Manifest:
    try:
        content = json.loads(data.decode("utf-8"))
    except ValueError:
        raise _message("no_manifest", path) from None
    if isinstance(content, dict) and content.get("format_version", 0) > FORMAT_VERSION:
        raise _message("newer_format", path)
    try:
        return Manifest.from_dict(content)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _message("no_manifest", path) from None


class BackupReader:
    """An opened backup whose signature has been checked; parts are checked as they are read.

    `keys` are this installation's (and a recovery key, if one was given); `allow_unsigned`
    opens a backup of an older version, which has no signature.
    """

    def __init__(
        self, path: Path, meter: Meter, keys: Keyring, *, allow_unsigned: bool = False
    ) -> None:
        self.path = path
        size = path.stat().st_size if path.exists() else 0
        meter.expect(size)
        try:
            self.archive: SealedArchive = open_archive(
                path,
                SEAL_PREFIX,
                keys,
                format_1_prefix=FORMAT_1_PREFIX,
                allow_unsigned=allow_unsigned,
                advance=meter.advance,
            )
        except FileNotFoundError:
            raise _message("missing", path) from None
        except ArchiveRefused as refused:
            raise refusal(refused, path, keys) from None
        self.keys = keys
        try:
            self.manifest = _manifest(self.archive.read(MANIFEST_NAME), path)
        except KeyError:
            self.close()
            raise _message("no_manifest", path) from None
        except ArchiveRefused as refused:
            self.close()
            raise refusal(refused, path, keys) from None
        except BaseException:
            self.close()
            raise
        meter.expect(sum(p.size for p in self.manifest.parts))
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
        present = set(self.archive.names) - {MANIFEST_NAME}
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
        self.archive.close()

    @property
    def signer_fingerprint(self) -> str | None:
        """The fingerprint of the installation that signed it; None for an unsigned backup."""
        return self.archive.signer.fingerprint if self.archive.signer else None

    @property
    def opened_by_recovery_key(self) -> bool:
        own = self.keys.own
        return self.archive.signer is not None and (
            own is None or own.public.key_id != self.archive.signer.key_id
        )

    def extract(self, part: Part, destination: Path | None, meter: Meter) -> None:
        """Read one part, checking its size and SHA-256; write it to `destination` if given."""
        digest, size = hashlib.sha256(), 0
        output: BinaryIO | None = None
        if destination is not None:
            destination.parent.mkdir(parents=True, exist_ok=True)
            output = destination.open("xb")
        try:
            with self.archive.open(part.path) as member:
                while chunk := member.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    if output:
                        output.write(chunk)
                    meter.advance(len(chunk))
        except ArchiveRefused as refused:
            raise refusal(refused, self.path, self.keys) from None
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
