"""The sync file: one ZIP archive that is checked whole before anything of it is used.

    manifest.json                 format, version, kind, site, marks, and every part with its
                                  size, record count and SHA-256
    records/<table>.jsonl         one record per line, tables in the order they are applied
    records/audit_entries.jsonl   the audit trail written at the site since its last export
    blobs/<sha256>                attachment bytes, once each

It is an app.sealed_archive: signed by the site that wrote it and encrypted to the one site it
is for, whose keys were exchanged once (app.keys). A file cut short, a changed byte anywhere —
in a record, in the manifest, in the archive's own headers —, records edited and every hash
and the seal recomputed, a file from a site whose keys are not trusted here or one for another
site is refused before a single record is read. Files of older versions (sealed with a bare
SHA-256, in the clear) are refused: the sending site exports again once keys are exchanged.
A file sealed as it should be may still hold what no database should: the manifest's values, each
part's size and every line's length (MAX_LINE_BYTES) are checked here, without reading more than
that into memory; each record's values as it is applied (app.sync.checks).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.i18n import pick
from app.keys.material import Keyring, readable
from app.sealed_archive import (
    ArchiveRefused,
    PartStream,
    Problem,
    SealedArchive,
    SealedArchiveWriter,
    Sealing,
    open_archive,
)
from app.sync.checks import Invalid, check_manifest, check_part
from app.sync.errors import SyncRefused
from app.sync.tables import BY_NAME

FORMAT = "revisitdesk-sync"
FORMAT_VERSION = 1
SUFFIX = ".rdsync"
SEAL_PREFIX = b"RevisitDesk sync file, Ed25519 signature by "
FORMAT_1_PREFIX = b""  # older versions sealed sync files with a bare SHA-256
MANIFEST = "manifest.json"
AUDIT_PART = "records/audit_entries.jsonl"
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)
# A record is one line: at most this long, so that a file with a line of gigabytes is refused
# after reading this much of it, never read into memory whole. A 差评 with each of its seven texts
# as long as app.sync.checks.TEXT_LIMIT lets it be is under 1.5 MB.
MAX_LINE_BYTES = 8 * 1024 * 1024
MAX_MANIFEST_BYTES = 16 * 1024 * 1024  # it lists every part: some 150 bytes each
_BLOCK = 1 << 20  # bytes read at a time while a part is checked


def records_part(table: str) -> str:
    return f"records/{table}.jsonl"


def blob_part(sha256: str) -> str:
    return f"blobs/{sha256}"


@dataclass
class Part:
    name: str
    size: int
    sha256: str
    count: int | None = None  # records, for .jsonl parts
    table: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "bytes": self.size, "sha256": self.sha256}
        if self.count is not None:
            data["count"] = self.count
        if self.table is not None:
            data["table"] = self.table
        return data


class SyncFileWriter:
    """Writes the parts one after the other; `finish` adds the manifest, seals and renames."""

    def __init__(self, path: Path, sealing: Sealing) -> None:
        self.path = Path(path)
        self._archive = SealedArchiveWriter(self.path, SEAL_PREFIX, sealing)
        self.parts: list[Part] = []
        self._open: tuple[PartStream, Part] | None = None

    def begin_records(self, name: str, table: str | None) -> None:
        self._open = (self._archive.open_part(_entry(name)), Part(name, 0, "", 0, table))

    def write_record(self, record: dict[str, Any]) -> None:
        assert self._open is not None
        stream, part = self._open
        stream.write(
            (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        )
        part.count = (part.count or 0) + 1

    def end_records(self) -> Part:
        assert self._open is not None
        stream, part = self._open
        written = stream.close()
        part.size, part.sha256 = written.size, written.sha256
        self.parts.append(part)
        self._open = None
        return part

    def write_blob(self, sha256: str, data: bytes) -> None:
        # Scans are compressed already.
        written = self._archive.write_bytes(_entry(blob_part(sha256)), data, compress=False)
        self.parts.append(Part(written.name, written.size, written.sha256))

    def finish(self, manifest: dict[str, Any]) -> dict[str, Any]:
        manifest = {**manifest, "parts": [p.to_json() for p in self.parts]}
        self._archive.seal(_entry(MANIFEST), json.dumps(manifest, ensure_ascii=False, indent=1))
        return manifest

    def abort(self) -> None:
        self._archive.abort()


def _entry(name: str) -> zipfile.ZipInfo:
    # Entries carry no time of their own: the manifest has it.
    return zipfile.ZipInfo(name, _FIXED_TIME)


@dataclass
class SyncFile:
    """A sync file that passed every check, open: its records and blobs can be read. Close it
    (or use it in a `with`) when done."""

    path: Path
    sha256: str  # of the whole file
    manifest: dict[str, Any]
    parts: dict[str, Part] = field(default_factory=dict)
    archive: SealedArchive | None = None

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def site_id(self) -> str:
        return self.manifest["site"]["id"]

    @property
    def site_name(self) -> str | None:
        return self.manifest["site"].get("name")

    @property
    def signer_fingerprint(self) -> str | None:
        signer = self.archive.signer if self.archive else None
        return signer.fingerprint if signer else None

    def __enter__(self) -> SyncFile:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def count(self, table: str) -> int:
        part = self.parts.get(records_part(table))
        return part.count or 0 if part else 0

    def records(self, table: str) -> Iterator[tuple[int, Any]]:
        """(line number, parsed JSON) of a table's records, in file order."""
        return self.records_of_part(records_part(table))

    def records_of_part(self, name: str) -> Iterator[tuple[int, Any]]:
        """(line number, parsed JSON) of a part's lines; a line longer than MAX_LINE_BYTES is
        refused after reading that much of it."""
        if name not in self.parts:
            return
        limit = MAX_LINE_BYTES
        try:
            with self._archive().open(name) as stream:
                number = 0
                while line := stream.readline(limit + 2):
                    number += 1
                    if len(line) > limit + (line[-1:] == b"\n"):
                        raise _line_too_long(name, number)
                    yield number, _parsed(line, name, number)
        except ArchiveRefused:
            raise _changed(name) from None

    def blob(self, sha256: str) -> bytes:
        try:
            data = self._archive().read(blob_part(sha256))
        except ArchiveRefused:
            raise _changed(blob_part(sha256)) from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise _changed()
        return data

    def blob_names(self) -> list[str]:
        return [n.removeprefix("blobs/") for n in self.parts if n.startswith("blobs/")]

    def _archive(self) -> SealedArchive:
        assert self.archive is not None, "a SyncFile is read through read_sync_file"
        return self.archive


def read_sync_file(path: Path, keys: Keyring | None = None) -> SyncFile:
    """Open and check a sync file whole: its signature by a site trusted here (`keys`:
    app.keys.sync_keyring), that it is for this installation, its manifest, every part's size,
    count and hash.

    Raises SyncRefused with a message for the user; reads nothing into any database.
    """
    path, keys = Path(path), keys or Keyring()
    if not path.is_file():
        raise SyncRefused(pick(f"找不到文件：{path}", f"File not found: {path}"))
    with _as_refusals(keys):
        archive = open_archive(path, SEAL_PREFIX, keys, format_1_prefix=FORMAT_1_PREFIX)
    try:
        with _as_refusals(keys):
            if MANIFEST not in archive.names:
                raise _not_sync_file()
            if archive.zip.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
                raise _manifest_too_large()
            with archive.open(MANIFEST) as stream:
                data = stream.read(MAX_MANIFEST_BYTES + 1)
            if len(data) > MAX_MANIFEST_BYTES:
                raise _manifest_too_large()
            manifest = _manifest(data)
            if archive.signer is None or archive.signer.site_id != manifest["site"]["id"]:
                raise _not_its_site(manifest, archive)
            parts = _check_parts(archive, manifest, archive.names)
    except BaseException:
        archive.close()
        raise
    return SyncFile(path, archive.sha256, manifest, parts, archive)


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a number JSON knows")


# NaN and Infinity are not JSON: no database column takes them.
_DECODER = json.JSONDecoder(parse_constant=_no_constant)


def _parsed(line: bytes, part: str, number: int) -> Any:
    try:
        return _DECODER.decode(line.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError too
        raise _malformed(part, number) from None
    except RecursionError:
        raise _malformed(part, number, pick("嵌套太深", "nested too deep")) from None


@contextmanager
def _as_refusals(keys: Keyring) -> Iterator[None]:
    """Whatever stops a file from being read, as a SyncRefused that says why."""
    try:
        yield
    except SyncRefused:
        raise
    except ArchiveRefused as refused:
        raise _refusal(refused, keys) from None
    except PermissionError as error:
        raise SyncRefused(
            pick(f"无法读取文件：{error}", f"Cannot read the file: {error}")
        ) from None
    except Exception:  # noqa: BLE001 - a damaged archive fails in many ways inside zipfile
        raise _incomplete() from None


def _manifest(data: bytes) -> dict[str, Any]:
    try:
        manifest = _DECODER.decode(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise _not_sync_file() from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_sync_file()
    if manifest.get("version") != FORMAT_VERSION:
        raise SyncRefused(
            pick(
                f"同步文件的格式版本为 {manifest.get('version')}，本程序只能读取版本 "
                f"{FORMAT_VERSION}。请把回访台升级到与导出方相同的版本后再导入",
                f"The sync file is format version {manifest.get('version')}; this program reads "
                f"version {FORMAT_VERSION} only. Upgrade RevisitDesk to the exporter's version "
                "and import it again",
            )
        )
    try:
        if manifest["kind"] not in ("changes", "cases_to_call"):
            raise ValueError(manifest["kind"])
        if not isinstance(manifest["site"]["id"], str) or not manifest["site"]["id"]:
            raise ValueError("site")
        for table, columns in manifest["columns"].items():
            unknown = set(columns) - set(BY_NAME[table].columns) - {"phones"}
            if unknown:
                raise _newer_app(f"{table}.{sorted(unknown)[0]}")
    except KeyError as error:
        raise _newer_app(str(error).strip("'")) from None
    except (TypeError, ValueError, AttributeError):
        raise _not_sync_file() from None
    try:
        check_manifest(manifest)
    except Invalid as problem:
        raise _bad_manifest(_where(problem)) from None
    return manifest


def _check_parts(
    archive: SealedArchive, manifest: dict[str, Any], names: list[str]
) -> dict[str, Part]:
    if manifest.get("parts").__class__ is not list:
        raise _not_sync_file()
    for number, entry in enumerate(manifest["parts"], start=1):
        try:
            check_part(entry)
        except Invalid as problem:
            raise _bad_manifest(_where(problem, f"parts[{number}]")) from None
    listed = [
        Part(p["name"], p["bytes"], p["sha256"], p.get("count"), p.get("table"))
        for p in manifest["parts"]
    ]
    parts = {p.name: p for p in listed}
    present = set(names) - {MANIFEST}
    if set(parts) != present or len(parts) != len(listed):
        raise _changed()
    largest_blob = _largest_blob()
    for part in listed:
        if part.table is not None and part.table not in BY_NAME:
            raise _newer_app(part.table)
        if part.name.startswith("blobs/") and part.size > largest_blob:
            raise _blob_too_large(part.name, part.size, largest_blob)
        _check_part(archive, part)
    counts = manifest.get("counts", {})
    for table, count in counts.items():
        part = parts.get(records_part(table))
        if (part.count if part else 0) != count:
            raise _changed(MANIFEST)
    return parts


def _check_part(archive: SealedArchive, part: Part) -> None:
    """The part's bytes against its size and hash, read a block at a time: no more than its
    declared size, and for records no line longer than MAX_LINE_BYTES."""
    limit = MAX_LINE_BYTES
    records = part.count is not None
    block_size = min(_BLOCK, limit) if records else _BLOCK
    digest, size, lines, run = hashlib.sha256(), 0, 0, 0  # run: bytes since the last newline
    with archive.open(part.name) as stream:
        while block := stream.read(block_size):
            digest.update(block)
            size += len(block)
            if size > part.size:
                raise _changed(part.name)
            if not records:
                continue
            # Lines within a block are shorter than the block, which is not longer than the
            # limit: only a line running on from the blocks before can be too long.
            first = block.find(b"\n")
            if first < 0:
                run += len(block)
            elif run + first > limit:
                raise _line_too_long(part.name, lines + 1)
            else:
                lines += block.count(b"\n")
                run = len(block) - block.rfind(b"\n") - 1
            if run > limit:
                raise _line_too_long(part.name, lines + 1)
    if digest.hexdigest() != part.sha256 or size != part.size:
        raise _changed(part.name)
    if records and run:  # every record ends its line: what follows the last is not one
        raise _malformed(part.name, lines + 1, pick("没有以换行结束", "it does not end its line"))
    if records and lines != part.count:
        raise _changed(part.name)


def _largest_blob() -> int:
    """The largest file a sync file may carry: the largest scan any site can accept."""
    from app.settings import OPTIONS

    return int(OPTIONS["scanning.max_megabytes"].maximum) * 1024 * 1024


def _refusal(refused: ArchiveRefused, keys: Keyring) -> SyncRefused:
    """What the archive refused, said of a sync file."""
    problem = refused.problem
    if problem is Problem.MISSING:
        return _incomplete()
    if problem is Problem.BROKEN:
        return _changed(refused.part)
    if problem is Problem.UNSIGNED:
        return SyncRefused(
            pick(
                "这个同步文件由旧版本的回访台导出，没有签名也没有加密，无法证明它来自哪里、是否被"
                "改动过，整个文件没有导入。请在导出方升级回访台、与本机交换一次密钥"
                "（keys show / keys trust）后重新导出",
                "This sync file was exported by an older RevisitDesk, neither signed nor "
                "encrypted: nothing proves where it comes from or that it was not altered, so "
                "nothing of it was imported. Upgrade RevisitDesk at the sending site, exchange "
                "keys with this one once (keys show / keys trust) and export it again",
            )
        )
    signer = readable(refused.key_id) if refused.key_id else "?"
    own = keys.own.public if keys.own else None
    if problem is Problem.UNKNOWN_SIGNER and own is not None and own.key_id == refused.key_id:
        return SyncRefused(
            pick(
                f"这个同步文件是本库自己导出的（{own.name}），不能再导入本库",
                f"This sync file was exported by this database ({own.name}); it cannot be "
                "imported into it",
            )
        )
    if problem is Problem.UNKNOWN_SIGNER:
        return SyncRefused(
            pick(
                f"这个同步文件来自本机不信任的站点（签名密钥指纹 {signer}），整个文件没有导入。"
                "如果它来自本中心的网点（或中心），请先与它交换一次密钥（keys trust），并在电话里"
                "核对指纹；如果已经交换过，这个文件就是被改动或伪造的",
                f"This sync file comes from a site whose keys are not trusted here (signing key "
                f"fingerprint {signer}); nothing of it was imported. If it is one of the centre's "
                "outlets (or the centre), exchange keys with it once (keys trust), comparing the "
                "fingerprint on the phone; if keys were exchanged, the file was altered or forged",
            )
        )
    here = (
        pick(f"本机指纹 {own.fingerprint}", f"this installation's fingerprint is {own.fingerprint}")
        if own
        else pick("本机还没有密钥", "this installation has no keys yet")
    )
    return SyncRefused(
        pick(
            f"这个同步文件是加密发给另一个站点的，不是发给本机的（{here}），整个文件没有导入。"
            "请让导出方选择本机为接收方重新导出",
            f"This sync file is encrypted for another site, not for this one ({here}); nothing "
            "of it was imported. Ask the sending site to export it again for this one",
        )
    )


def _not_its_site(manifest: dict[str, Any], archive: SealedArchive) -> SyncRefused:
    claimed = manifest["site"].get("name") or manifest["site"]["id"]
    signer = archive.signer.name if archive.signer else "?"
    return SyncRefused(
        pick(
            f"这个同步文件自称来自“{claimed}”，却由另一个站点（{signer}）签名：它是伪造的，"
            "整个文件没有导入",
            f"This sync file claims to come from {claimed!r} but is signed by another site "
            f"({signer}): it is forged; nothing of it was imported",
        )
    )


def _incomplete() -> SyncRefused:
    return SyncRefused(
        pick(
            "同步文件不完整或已损坏（可能没有复制完），整个文件没有导入。请重新复制或重新导出",
            "The sync file is incomplete or damaged (perhaps not copied completely); nothing of "
            "it was imported. Copy it again or export it again",
        )
    )


def _changed(part: str | None = None) -> SyncRefused:
    where = pick(f"（{part}）", f" ({part})") if part else ""
    return SyncRefused(
        pick(
            f"同步文件已被改动或损坏，校验值不符{where}，整个文件没有导入。请重新复制或重新导出",
            f"The sync file has been changed or damaged: its checksums do not match{where}. "
            "Nothing of it was imported. Copy it again or export it again",
        )
    )


def _not_sync_file() -> SyncRefused:
    return SyncRefused(
        pick(
            "这不是回访台的同步文件（缺少或无法读取清单），整个文件没有导入",
            "This is not a RevisitDesk sync file (its manifest is missing or unreadable); "
            "nothing of it was imported",
        )
    )


def _newer_app(what: str) -> SyncRefused:
    return SyncRefused(
        pick(
            f"同步文件含有本程序不认识的数据（{what}），可能来自较新版本的回访台。"
            "请升级本机的回访台后再导入；整个文件没有导入",
            f"The sync file holds data this program does not know ({what}); it probably comes "
            "from a newer RevisitDesk. Upgrade this computer's RevisitDesk and import it again; "
            "nothing of it was imported",
        )
    )


def _malformed(part: str, line: int, why: str | None = None) -> SyncRefused:
    because = pick(f"（{why}）", f" ({why})") if why else ""
    return SyncRefused(
        pick(
            f"同步文件中 {part} 第 {line} 行无法读取{because}，整个文件没有导入",
            f"Line {line} of {part} in the sync file cannot be read{because}; nothing of it was "
            "imported",
        )
    )


def _line_too_long(part: str, line: int) -> SyncRefused:
    limit = MAX_LINE_BYTES
    return SyncRefused(
        pick(
            f"同步文件中 {part} 第 {line} 行太长（超过 {limit} 字节），不是一条记录，"
            "整个文件没有导入",
            f"Line {line} of {part} in the sync file is too long (over {limit} bytes) to be a "
            "record; nothing of it was imported",
        )
    )


def _where(problem: Invalid, within: str | None = None) -> str:
    field = ".".join(name for name in (within, problem.field) if name)
    return f"{field}: {problem}" if field else str(problem)


def _manifest_too_large() -> SyncRefused:
    return _bad_manifest(pick("清单太大", "it is too large"))


def _bad_manifest(why: str) -> SyncRefused:
    return SyncRefused(
        pick(
            f"同步文件的清单有误（{why}），整个文件没有导入",
            f"The sync file's manifest is invalid ({why}); nothing of it was imported",
        )
    )


def _blob_too_large(part: str, size: int, limit: int) -> SyncRefused:
    mib, most = size // (1024 * 1024), limit // (1024 * 1024)
    return SyncRefused(
        pick(
            f"同步文件中的附件 {part} 太大（{mib} MB，最多 {most} MB），整个文件没有导入",
            f"The attachment {part} in the sync file is too large ({mib} MB, at most {most} MB); "
            "nothing of it was imported",
        )
    )
