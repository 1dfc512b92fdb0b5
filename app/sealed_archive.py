"""One ZIP file checked whole before anything in it is used: the container of backups and of
sync files, signed by the installation that wrote it and encrypted to those it is for.

    <parts>         each encrypted on its own: zlib-compressed (unless stored as it is), then
                    AES-256-GCM in 1 MiB chunks whose nonce is the chunk's number and whether it
                    is the last (so a part cut short or reordered does not decrypt), under a key
                    derived from the file key and the part's name
    <manifest>      the caller's, in the clear: what the file is (counts, times, SHA-256 of every
                    part's content), never personal data — backup lists read it without keys
    envelope.json   how each entry is kept (and the SHA-256 of those in the clear), the signer's
                    public keys, and the file key wrapped for each recipient
    comment         the seal: a label saying what the file is, the signer's key id, and the
                    Ed25519 signature of the SHA-256 of every byte of the file before it

The file key is random, one per file. For each recipient (an X25519 public key) it is wrapped
with AES-256-GCM under a key derived by HKDF-SHA256 from X25519(ephemeral, recipient) and
X25519(signer, recipient) — as HPKE's authenticated mode: only the signer, or the recipient,
can have made the wrap — and bound to the envelope's entries, the ephemeral key, the signer's
keys and the recipient's key. So a file opens only for a recipient; it is accepted only when
signed by a key the reader trusts (or, for a recovery key, bound to it by the wrap); and a
flipped byte anywhere, a part edited and every hash recomputed, or a signature made by anyone
else is refused before a single part is used. The file is written under a temporary name and
renamed once sealed (app.atomic_file), so a file that was cut off never looks like one.

Files of older versions (format 1: in the clear, sealed with a bare SHA-256 that anyone can
recompute) are read only when the caller allows it (`allow_unsigned`).
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import io
import json
import os
import re
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.atomic_file import AtomicFile
from app.keys.material import (
    KEY_ID_LENGTH,
    KEY_LENGTH,
    Identity,
    Keyring,
    PublicKeys,
    Recipient,
    agree,
)

DIGEST_LENGTH = 64  # a SHA-256 in hex: the seal of format 1
SIGNATURE_LENGTH = 128  # an Ed25519 signature in hex
CHUNK = 1 << 20
TAG = 16  # bytes AES-GCM adds to each chunk
ENVELOPE = "envelope.json"
ENVELOPE_FORMAT = "revisitdesk-sealed-archive"
ENVELOPE_VERSION = 2
# Some 60 bytes an entry: far more than any archive lists. A larger one is not read into memory.
ENVELOPE_LIMIT = 16 << 20
CLEAR, ZLIB, STORED = "clear", "zlib", "stored"  # how an entry is kept
_EOCD = b"PK\x05\x06"  # the ZIP's end record: 22 bytes, then the comment
_SIGNED = b"RevisitDesk sealed archive v2\x00"  # what a signature is of: this, then the digest
_HEX = re.compile(rb"[0-9a-f]+")
Advance = Callable[[int], None]  # told the number of bytes just read or written


@dataclass(frozen=True)
class Written:
    """A part as written: its name in the archive, size in bytes and SHA-256 (of its content,
    before compression and encryption)."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Sealing:
    """Who signs a file and whom it is encrypted to."""

    signer: Identity
    recipients: tuple[Recipient, ...]


class Problem(enum.Enum):
    MISSING = "missing"  # no seal at the end: cut short, unfinished or not such a file
    BROKEN = "broken"  # the bytes do not match the signature or a part: damaged or altered
    UNSIGNED = "unsigned"  # format 1: sealed by an older version, without signature
    UNKNOWN_SIGNER = "unknown_signer"  # signed by keys the reader does not trust
    NOT_FOR_US = "not_for_us"  # encrypted for others only


class ArchiveRefused(Exception):
    """Why an archive cannot be used; the callers (backups, sync files) word it for people.

    `key_id`: the signer's, for UNKNOWN_SIGNER; `recipients`: the key ids a file is for, for
    NOT_FOR_US; `part`: where the damage was found, when it was in one part.
    """

    def __init__(
        self,
        problem: Problem,
        *,
        key_id: str | None = None,
        recipients: tuple[str, ...] = (),
        part: str | None = None,
    ) -> None:
        super().__init__(problem.value, key_id or part or "")
        self.problem, self.key_id, self.recipients, self.part = problem, key_id, recipients, part


# Writing


class SealedArchiveWriter:
    """Writes the parts one after the other; `seal` adds the manifest, signs and renames.

    `seal_prefix` is the label the seal starts with (what the file is). Without `sealing` the
    file is written in format 1 (clear, SHA-256 seal) — only for a database too old to hold
    keys (app.backup, before an upgrade).

    Leaving it as a context manager by an exception (or a cancelled progress) removes the
    temporary file: the target never appears.
    """

    def __init__(self, target: Path, seal_prefix: bytes, sealing: Sealing | None = None) -> None:
        self.seal_prefix = seal_prefix
        self.sealing = sealing
        self._file = AtomicFile(target)
        self.zip = zipfile.ZipFile(self._file.path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._entries: dict[str, dict[str, str]] = {}
        self._file_key = os.urandom(KEY_LENGTH) if sealing else b""

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
        with self.open_part(info, compress=compress) as part:
            part.write(data)
        return part.written

    def write_file(self, name: str, source: Path, advance: Advance | None = None) -> Written:
        """A large file (a database), compressed, read in chunks."""
        with source.open("rb") as stream, self.open_part(name) as part:
            while chunk := stream.read(CHUNK):
                part.write(chunk)
                if advance:
                    advance(len(chunk))
        return part.written

    def open_part(self, info: zipfile.ZipInfo | str, *, compress: bool = True) -> PartStream:
        """A part written piece by piece; its size and hash are known when closed."""
        info = self._new_entry(info)
        if self.sealing is None:
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            return PartStream(info.filename, self.zip.open(info, "w", force_zip64=True))
        mode = ZLIB if compress else STORED
        self._entries[info.filename] = {"mode": mode}
        info.compress_type = zipfile.ZIP_STORED  # ciphertext does not compress
        stream = self.zip.open(info, "w", force_zip64=True)
        return PartStream(
            info.filename, _Encrypting(stream, _part_key(self._file_key, info.filename), mode)
        )

    def _new_entry(self, info: zipfile.ZipInfo | str) -> zipfile.ZipInfo:
        info = _info(info)
        if info.filename == ENVELOPE or info.filename in self._entries:
            raise ValueError(f"{info.filename} is written once, by the archive")
        self._entries[info.filename] = {}
        return info

    def seal(self, manifest: zipfile.ZipInfo | str, text: str) -> Path:
        """Add the manifest (in the clear), sign or seal, and put the file in place."""
        data = text.encode("utf-8")
        info = self._new_entry(manifest)
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        if self.sealing is None:
            return self._seal_format_1()
        self._entries[info.filename] = {"mode": CLEAR, "sha256": hashlib.sha256(data).hexdigest()}
        envelope = _envelope(self.sealing, self._file_key, self._entries)
        self.zip.writestr(_info(ENVELOPE), json.dumps(envelope, indent=1).encode("ascii"))
        key_id = self.sealing.signer.public.key_id.encode("ascii")
        self.zip.comment = self.seal_prefix + key_id + b" " + b"0" * SIGNATURE_LENGTH
        self.zip.close()
        with self._file.path.open("r+b") as stream:
            end = stream.seek(0, os.SEEK_END) - SIGNATURE_LENGTH
            signature = self.sealing.signer.sign(_SIGNED + _digest(stream, end).digest())
            stream.seek(end)
            stream.write(signature.hex().encode("ascii"))
        return self._file.commit()

    def _seal_format_1(self) -> Path:
        self.zip.comment = self.seal_prefix + b"0" * DIGEST_LENGTH
        self.zip.close()
        with self._file.path.open("r+b") as stream:
            end = stream.seek(0, os.SEEK_END) - DIGEST_LENGTH
            digest = _digest(stream, end).hexdigest()
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

    def __init__(self, name: str, stream: IO[bytes] | _Encrypting) -> None:
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


class _Encrypting:
    """Compresses (mode zlib) and encrypts a part chunk by chunk into its ZIP entry."""

    def __init__(self, out: IO[bytes], key: bytes, mode: str) -> None:
        self._out, self._aead, self._mode = out, AESGCM(key), mode
        self._compressor = zlib.compressobj() if mode == ZLIB else None
        self._buffer = bytearray()
        self._number = 0

    def write(self, data: bytes) -> None:
        self._buffer += self._compressor.compress(data) if self._compressor else data
        # A full chunk waits until more comes: the last one, even if full, is marked as such.
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]

    def close(self) -> None:
        if self._compressor:
            self._buffer += self._compressor.flush()
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        self._emit(bytes(self._buffer), last=True)
        self._out.close()

    def _emit(self, chunk: bytes, *, last: bool) -> None:
        nonce = _nonce(self._number, last)
        self._out.write(self._aead.encrypt(nonce, chunk, self._mode.encode()))
        self._number += 1


def _envelope(sealing: Sealing, file_key: bytes, entries: dict[str, dict[str, str]]) -> dict:
    signer = sealing.signer.public
    ephemeral = X25519PrivateKey.generate()
    ephemeral_private = ephemeral.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    header = {
        "format": ENVELOPE_FORMAT,
        "version": ENVELOPE_VERSION,
        "cipher": "AES-256-GCM",
        "chunk": CHUNK,
        "signer": signer.to_json(),
        "ephemeral": _b64(
            ephemeral.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw
            )
        ),
        "entries": entries,
    }
    bound = _header_digest(header)
    recipients = []
    for recipient in sealing.recipients:
        secret = agree(ephemeral_private, recipient.agreement) + sealing.signer.agree(
            recipient.agreement
        )
        wrapping = _wrapping_key(secret, bound, recipient)
        recipients.append(
            {
                "key_id": recipient.key_id,
                "wrapped": _b64(AESGCM(wrapping).encrypt(bytes(12), file_key, None)),
            }
        )
    return {**header, "recipients": recipients}


# Reading


class SealedArchive:
    """An archive whose signature (or format-1 seal) was checked, opened for reading.

    `signer` is None for a format-1 file (unsigned); `sha256` is the whole file's; `names` are
    the caller's entries (the envelope is the archive's own).
    """

    def __init__(
        self,
        path: Path,
        stream: IO[bytes],
        sha256: str,
        signer: PublicKeys | None = None,
        file_key: bytes | None = None,
        entries: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.path, self._stream, self.sha256, self.signer = path, stream, sha256, signer
        self._file_key, self._entries = file_key, entries
        try:
            self.zip = zipfile.ZipFile(stream)
            names = self.zip.namelist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            stream.close()
            raise ArchiveRefused(Problem.BROKEN) from None
        if len(set(names)) != len(names):
            self.close()
            raise ArchiveRefused(Problem.BROKEN)
        if entries is None:
            self.names = names
        else:
            if set(names) != set(entries) | {ENVELOPE}:
                self.close()
                raise ArchiveRefused(Problem.BROKEN)
            self.names = [name for name in names if name != ENVELOPE]

    @property
    def signed(self) -> bool:
        return self.signer is not None

    def __enter__(self) -> SealedArchive:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        if hasattr(self, "zip"):
            self.zip.close()
        self._stream.close()

    def read(self, name: str) -> bytes:
        """A whole entry's content; ArchiveRefused(BROKEN) when it was altered."""
        with self.open(name) as stream:
            return stream.read()

    def open(self, name: str) -> IO[bytes]:
        """An entry's content as a stream (decrypted, decompressed); reading it raises
        ArchiveRefused(BROKEN) at the first chunk that was altered. KeyError for no such entry."""
        if self._entries is None:
            return self.zip.open(name)
        mode = self._entries[name]["mode"]
        if mode == CLEAR:
            data = self.zip.read(name)
            if hashlib.sha256(data).hexdigest() != self._entries[name].get("sha256"):
                raise ArchiveRefused(Problem.BROKEN, part=name)
            return io.BytesIO(data)
        assert self._file_key is not None
        decrypting = _Decrypting(self.zip.open(name), _part_key(self._file_key, name), mode, name)
        return io.BufferedReader(decrypting, CHUNK)


def open_archive(
    path: Path,
    seal_prefix: bytes,
    keyring: Keyring,
    *,
    format_1_prefix: bytes,
    allow_unsigned: bool = False,
    advance: Advance | None = None,
) -> SealedArchive:
    """Check a file whole and open it: its seal, its signature by a key the keyring trusts (or
    bound to its recovery key), and that it is encrypted for this keyring.

    `format_1_prefix` is the label older versions sealed such files with: those are refused as
    UNSIGNED unless `allow_unsigned`. Raises ArchiveRefused, or OSError when the file cannot
    be read (FileNotFoundError when it is not there). Nothing is decrypted here but the file
    key; parts are checked as they are read.
    """
    stream = path.open("rb")
    try:
        size = stream.seek(0, os.SEEK_END)
        signed_length = len(seal_prefix) + KEY_ID_LENGTH + 1 + SIGNATURE_LENGTH
        comment = _comment(stream, size, signed_length)
        if comment is not None and comment.startswith(seal_prefix):
            return _open_signed(path, stream, comment[len(seal_prefix) :], keyring, advance)
        comment = _comment(stream, size, len(format_1_prefix) + DIGEST_LENGTH)
        if comment is None or not comment.startswith(format_1_prefix):
            raise ArchiveRefused(Problem.MISSING)
        if not allow_unsigned:
            raise ArchiveRefused(Problem.UNSIGNED)
        sealed = comment[len(format_1_prefix) :]
        if not _HEX.fullmatch(sealed):
            raise ArchiveRefused(Problem.BROKEN)
        before = _digest(stream, size - DIGEST_LENGTH, advance)
        if before.hexdigest().encode("ascii") != sealed:
            raise ArchiveRefused(Problem.BROKEN)
        whole = before.copy()
        whole.update(sealed)
        return SealedArchive(path, stream, whole.hexdigest())
    except BaseException:
        stream.close()
        raise


def _open_signed(
    path: Path, stream: IO[bytes], seal: bytes, keyring: Keyring, advance: Advance | None
) -> SealedArchive:
    key_text, space, signature_text = (
        seal[:KEY_ID_LENGTH],
        seal[KEY_ID_LENGTH : KEY_ID_LENGTH + 1],
        seal[KEY_ID_LENGTH + 1 :],
    )
    if space != b" " or not _HEX.fullmatch(key_text) or not _HEX.fullmatch(signature_text):
        raise ArchiveRefused(Problem.BROKEN)
    key_id, signature = key_text.decode("ascii"), bytes.fromhex(signature_text.decode("ascii"))
    signer = keyring.signer(key_id)
    if signer is None and keyring.recovery is None:
        raise ArchiveRefused(Problem.UNKNOWN_SIGNER, key_id=key_id)
    size = stream.seek(0, os.SEEK_END)
    before = _digest(stream, size - SIGNATURE_LENGTH, advance)
    whole = before.copy()
    whole.update(signature_text)
    message = _SIGNED + before.digest()
    if signer is not None and not signer.verifies(signature, message):
        raise ArchiveRefused(Problem.BROKEN)
    try:
        with zipfile.ZipFile(stream) as archive:
            if archive.getinfo(ENVELOPE).file_size > ENVELOPE_LIMIT:
                raise ValueError("envelope")
            envelope = json.loads(archive.read(ENVELOPE))
        header = {k: v for k, v in envelope.items() if k != "recipients"}
        if header.get("format") != ENVELOPE_FORMAT or header.get("version") != ENVELOPE_VERSION:
            raise ValueError("envelope")
        claimed = PublicKeys.from_json(header["signer"])
        ephemeral = _unb64(header["ephemeral"])
        entries = _entries(header["entries"])
        wraps = {r["key_id"]: _unb64(r["wrapped"]) for r in envelope["recipients"]}
        if len(wraps) != len(envelope["recipients"]):
            raise ValueError("recipients")
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        AttributeError,
        EOFError,
        RecursionError,  # JSON nested thousands deep
    ):
        raise ArchiveRefused(Problem.BROKEN) from None
    if claimed.key_id != key_id:
        raise ArchiveRefused(Problem.BROKEN)
    unwrapping: list[tuple[Recipient, bytes]] = []
    if signer is None:
        # Opened with a recovery key: the signer is the one the file names, bound to the file
        # key by the wrap for the recovery key (which only the installation could make), and
        # only that wrap may open it.
        if not claimed.verifies(signature, message):
            raise ArchiveRefused(Problem.BROKEN)
        signer = claimed
    elif keyring.own is not None:
        unwrapping.append((keyring.own.public.recipient, keyring.own.agreement_private))
    if keyring.recovery is not None:
        unwrapping.append((keyring.recovery.public.recipient, keyring.recovery.agreement_private))
    bound = _header_digest(header)
    for recipient, private in unwrapping:
        wrapped = wraps.get(recipient.key_id)
        if wrapped is None:
            continue
        try:
            secret = agree(private, ephemeral) + agree(private, signer.agreement)
            file_key = AESGCM(_wrapping_key(secret, bound, recipient)).decrypt(
                bytes(12), wrapped, None
            )
        except (InvalidTag, ValueError):
            raise ArchiveRefused(Problem.BROKEN) from None
        return SealedArchive(path, stream, whole.hexdigest(), signer, file_key, entries)
    raise ArchiveRefused(Problem.NOT_FOR_US, key_id=key_id, recipients=tuple(wraps))


def _entries(value: Any) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise ValueError("entries")
    for name, entry in value.items():
        if not isinstance(entry, dict) or entry.get("mode") not in (CLEAR, ZLIB, STORED):
            raise ValueError(name)
    return value


class _Decrypting(io.RawIOBase):
    """A part's entry decrypted (and decompressed) chunk by chunk, each checked as it comes.

    What a chunk inflates to is taken CHUNK bytes at a time: a chunk of zeros inflates a
    thousandfold, and a part of gigabytes is read no further than its reader wants."""

    def __init__(self, raw: IO[bytes], key: bytes, mode: str, name: str) -> None:
        super().__init__()
        self._raw, self._aead, self._mode, self._name = raw, AESGCM(key), mode, name
        self._decompressor = zlib.decompressobj() if mode == ZLIB else None
        self._number = 0
        self._pending = self._next_chunk()
        self._last = False  # the last chunk is decrypted
        self._compressed = b""  # decrypted, not inflated yet
        self._out = bytearray()
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._out and not self._done:
            try:
                self._produce()
            except (InvalidTag, zlib.error):
                raise ArchiveRefused(Problem.BROKEN, part=self._name) from None
        count = min(len(buffer), len(self._out))
        buffer[:count] = self._out[:count]
        del self._out[:count]
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()

    def _next_chunk(self) -> bytes:
        wanted, parts = CHUNK + TAG, []
        while wanted:
            data = self._raw.read(wanted)
            if not data:
                break
            parts.append(data)
            wanted -= len(data)
        return b"".join(parts)

    def _produce(self) -> None:
        """More of the content in `_out`: a chunk decrypted, or at most CHUNK bytes inflated."""
        if self._decompressor is None:
            self._out += self._decrypt_next()
            self._done = self._last
            return
        if not self._compressed and not self._last:
            self._compressed = self._decrypt_next()
        self._out += self._decompressor.decompress(self._compressed, CHUNK)
        self._compressed = self._decompressor.unconsumed_tail
        if self._decompressor.unused_data:
            raise zlib.error("data after the end")
        if self._last and not self._compressed:
            self._out += self._decompressor.flush()  # no input left: what zlib holds, a few KiB
            if not self._decompressor.eof or self._decompressor.unused_data:
                raise zlib.error("ends early")
            self._done = True

    def _decrypt_next(self) -> bytes:
        chunk, following = self._pending, self._next_chunk()
        last = not following
        plain = self._aead.decrypt(_nonce(self._number, last), chunk, self._mode.encode())
        self._number += 1
        self._pending = following
        self._last = last
        return plain


# The pieces


def _comment(stream: IO[bytes], size: int, length: int) -> bytes | None:
    """The archive's comment if it is `length` bytes long (read from the end record)."""
    if size < length + 22:
        return None
    stream.seek(size - length - 22)
    record = stream.read(22 + length)
    if record[:4] != _EOCD or int.from_bytes(record[20:22], "little") != length:
        return None
    return record[22:]


def _digest(stream: IO[bytes], end: int, advance: Advance | None = None):
    """The SHA-256 (a hashlib object) of the stream's first `end` bytes."""
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
    return digest


def _part_key(file_key: bytes, name: str) -> bytes:
    return _hkdf(file_key, b"RevisitDesk part v2\x00" + name.encode("utf-8"))


def _wrapping_key(secret: bytes, bound: bytes, recipient: Recipient) -> bytes:
    info = b"RevisitDesk file key v2\x00" + bound + recipient.key_id.encode() + recipient.agreement
    return _hkdf(secret, info)


def _header_digest(header: dict) -> bytes:
    """What a wrap is bound to: the envelope but its wraps (entries, ephemeral key, signer)."""
    return hashlib.sha256(json.dumps(header, sort_keys=True).encode("utf-8")).digest()


def _hkdf(secret: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_LENGTH, salt=None, info=info).derive(secret)


def _nonce(number: int, last: bool) -> bytes:
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("base64")
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError("base64") from None


def _info(info: zipfile.ZipInfo | str) -> zipfile.ZipInfo:
    if isinstance(info, zipfile.ZipInfo):
        return info
    return zipfile.ZipInfo(info, date_time=time.localtime()[:6])
