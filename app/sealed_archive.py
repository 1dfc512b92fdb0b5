"""One ZIP file checked whole before anything in it is used: the container of backups and of
sync files.

Each part is written with its size and SHA-256 (for the caller's manifest); the manifest goes in
last; then the archive's comment becomes its seal: a fixed prefix (which says what the file is)
and the SHA-256, in hex, of every byte of the file before the digest itself. A flipped byte
anywhere — in a part, the manifest or the ZIP's own headers — breaks the seal, and a file cut
short has lost it. The file is written under a temporary name and renamed only once it is
sealed (app.atomic_file), so a file that was cut off never looks like one.

The seal detects damage and editing by hand; it is not a signature against someone who
recomputes every hash.
"""

from __future__ import annotations

import enum
import hashlib
import os
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from app.atomic_file import AtomicFile

DIGEST_LENGTH = 64  # a SHA-256 in hex
CHUNK = 1 << 20
Advance = Callable[[int], None]  # told the number of bytes just read or written


@dataclass(frozen=True)
class Written:
    """A part as written: its name in the archive, size in bytes and SHA-256."""

    name: str
    size: int
    sha256: str


class Seal(enum.Enum):
    INTACT = "intact"
    MISSING = "missing"  # no seal at the end: cut short, unfinished or not such a file
    BROKEN = "broken"  # the bytes do not match the seal: damaged or altered


class SealedArchiveWriter:
    """Writes the parts one after the other; `seal` adds the manifest, seals and renames.

    Leaving it as a context manager by an exception (or a cancelled progress) removes the
    temporary file: the target never appears.
    """

    def __init__(self, target: Path, seal_prefix: bytes = b"") -> None:
        self.seal_prefix = seal_prefix
        self._file = AtomicFile(target)
        self.zip = zipfile.ZipFile(self._file.path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)

    @property
    def target(self) -> Path:
        return self._file.target

    def __enter__(self) -> SealedArchiveWriter:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if error is not None:
            self.abort()

    def write_bytes(
        self, info: zipfile.ZipInfo | str, data: bytes, *, compress: bool = True
    ) -> Written:
        """A part held in memory; stored as it is when `compress` is False (scans, already
        compressed)."""
        info = _info(info)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        self.zip.writestr(info, data)
        return Written(info.filename, len(data), hashlib.sha256(data).hexdigest())

    def write_file(self, name: str, source: Path, advance: Advance | None = None) -> Written:
        """A large file (a database), compressed, read in chunks."""
        with source.open("rb") as stream, self.open_part(name) as part:
            while chunk := stream.read(CHUNK):
                part.write(chunk)
                if advance:
                    advance(len(chunk))
        return part.written

    def open_part(self, info: zipfile.ZipInfo | str) -> PartStream:
        """A compressed part written piece by piece; its size and hash are known when closed."""
        info = _info(info)
        info.compress_type = zipfile.ZIP_DEFLATED
        return PartStream(info.filename, self.zip.open(info, "w", force_zip64=True))

    def seal(self, manifest: zipfile.ZipInfo | str, text: str) -> Path:
        """Add the manifest, write the seal and put the file in place."""
        self.write_bytes(manifest, text.encode("utf-8"))
        self.zip.comment = self.seal_prefix + b"0" * DIGEST_LENGTH
        self.zip.close()
        with self._file.path.open("r+b") as stream:
            end = stream.seek(0, os.SEEK_END) - DIGEST_LENGTH
            digest = _digest(stream, end)
            stream.seek(end)
            stream.write(digest.encode("ascii"))
        return self._file.commit()

    def abort(self) -> None:
        try:
            self.zip.close()
        except Exception:  # noqa: BLE001 - the half-written file is removed either way
            pass
        self._file.discard()


class PartStream:
    """A part being written: `write(bytes)`; closed, `written` tells its size and SHA-256."""

    def __init__(self, name: str, stream: IO[bytes]) -> None:
        self.name, self._stream = name, stream
        self._digest, self._size = hashlib.sha256(), 0
        self.written: Written | None = None

    def write(self, data: bytes) -> None:
        self._stream.write(data)
        self._digest.update(data)
        self._size += len(data)

    def close(self) -> Written:
        self._stream.close()
        self.written = Written(self.name, self._size, self._digest.hexdigest())
        return self.written

    def __enter__(self) -> PartStream:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def check_seal(path: Path, seal_prefix: bytes = b"", advance: Advance | None = None) -> Seal:
    """Whether the file ends with its seal and every byte before the digest matches it.
    Raises OSError when the file cannot be read (FileNotFoundError when it is not there)."""
    with path.open("rb") as stream:
        size = stream.seek(0, os.SEEK_END)
        tail_length = len(seal_prefix) + DIGEST_LENGTH
        if size < tail_length:
            return Seal.MISSING
        stream.seek(size - tail_length)
        tail = stream.read(tail_length)
        sealed = tail[len(seal_prefix) :]
        if not tail.startswith(seal_prefix):
            return Seal.MISSING
        if not _is_hex_digest(sealed):
            # Behind its label, a seal that is no digest was damaged; without a label there is
            # no telling a damaged seal from none.
            return Seal.BROKEN if seal_prefix else Seal.MISSING
        if _digest(stream, size - DIGEST_LENGTH, advance) != sealed.decode("ascii"):
            return Seal.BROKEN
    return Seal.INTACT


def _digest(stream: IO[bytes], end: int, advance: Advance | None = None) -> str:
    """The SHA-256 of the stream's first `end` bytes."""
    stream.seek(0)
    digest, remaining = hashlib.sha256(), end
    while remaining > 0:
        chunk = stream.read(min(CHUNK, remaining))
        if not chunk:
            break
        digest.update(chunk)
        remaining -= len(chunk)
        if advance:
            advance(len(chunk))
    return digest.hexdigest()


def _is_hex_digest(data: bytes) -> bool:
    return len(data) == DIGEST_LENGTH and all(c in b"0123456789abcdef" for c in data)


def _info(info: zipfile.ZipInfo | str) -> zipfile.ZipInfo:
    if isinstance(info, zipfile.ZipInfo):
        return info
    return zipfile.ZipInfo(info, date_time=time.localtime()[:6])
