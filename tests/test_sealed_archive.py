"""app.sealed_archive, the container of backups and sync files: parts encrypted to the
recipients, every byte signed by the writer, read only when the signer is trusted and the file
is for the reader; older files (a bare SHA-256 seal) only on request; a file that appears only
once signed."""

from __future__ import annotations

import hashlib
import os
import zipfile

import pytest

from app.keys import Identity, Keyring, RecoveryKey
from app.sealed_archive import (
    _SIGNED,
    CHUNK,
    ENVELOPE,
    SIGNATURE_LENGTH,
    TAG,
    ArchiveRefused,
    Problem,
    SealedArchiveWriter,
    Sealing,
    _digest,
    open_archive,
)

PREFIX = b"Test archive, signed by "
OLD_PREFIX = b"Test archive, SHA-256: "
WRITER = Identity.generate("writer-site", "写入方")
READER = Identity.generate("reader-site", "读取方")
RECOVERY = RecoveryKey.generate()
SCAN = os.urandom(3000)  # incompressible, as scans are


FOR_READER = Sealing(WRITER, (READER.public.recipient,))


def _write(path, sealing: Sealing | None = FOR_READER):
    with SealedArchiveWriter(path, PREFIX if sealing else OLD_PREFIX, sealing) as writer:
        stored = writer.write_bytes("scans/a.png", SCAN, compress=False)
        with writer.open_part("records/cases.jsonl") as part:
            part.write(b'{"id": 1, "phone": "13812345678"}\n')
            part.write(b'{"id": 2, "phone": "13912345678"}\n')
        writer.seal("manifest.json", '{"parts": 2}')
    return stored, part.written


READER_KEYS = Keyring(own=READER, trusted=(WRITER.public,))


def _open(path, keys: Keyring = READER_KEYS, **kwargs):
    return open_archive(path, PREFIX, keys, format_1_prefix=OLD_PREFIX, **kwargs)


def _read_all(path, keys: Keyring = READER_KEYS, **kwargs) -> dict[str, bytes]:
    with _open(path, keys, **kwargs) as archive:
        return {name: archive.read(name) for name in archive.names}


def test_parts_are_encrypted_and_signed_and_read_back(tmp_path):
    path = tmp_path / "a.zip"
    stored, streamed = _write(path)

    assert stored.size == len(SCAN) and stored.sha256 == hashlib.sha256(SCAN).hexdigest()
    assert streamed.size == 68
    with _open(path) as archive:
        assert archive.signer == WRITER.public and archive.signed
        assert archive.names == ["scans/a.png", "records/cases.jsonl", "manifest.json"]
        assert archive.read("scans/a.png") == SCAN
        assert (
            list(archive.open("records/cases.jsonl"))[1] == b'{"id": 2, "phone": "13912345678"}\n'
        )
        assert archive.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    data = path.read_bytes()
    assert b"13812345678" not in data and SCAN[:64] not in data
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("scans/a.png").compress_type == zipfile.ZIP_STORED
        assert archive.read("manifest.json") == b'{"parts": 2}'  # in the clear
        assert ENVELOPE in archive.namelist()
        assert archive.comment.startswith(PREFIX + WRITER.public.key_id.encode())
    assert [p.name for p in tmp_path.iterdir()] == ["a.zip"]


def test_every_flipped_byte_and_every_cut_is_refused(tmp_path):
    path = tmp_path / "a.zip"
    _write(path)
    data = path.read_bytes()
    damaged = tmp_path / "damaged.zip"
    for at in range(0, len(data), max(1, len(data) // 97)):
        damaged.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :])
        with pytest.raises(ArchiveRefused):
            _read_all(damaged)
    for end in range(0, len(data), max(1, len(data) // 53)):
        damaged.write_bytes(data[:end])
        with pytest.raises(ArchiveRefused) as refused:
            _read_all(damaged)
        assert refused.value.problem is Problem.MISSING, end


def test_every_bit_of_the_signature_flipped_is_a_broken_file(tmp_path):
    path = tmp_path / "a.zip"
    _write(path)
    data = path.read_bytes()
    damaged = tmp_path / "damaged.zip"
    for at in range(len(data) - SIGNATURE_LENGTH, len(data), 7):
        for bit in range(8):
            damaged.write_bytes(data[:at] + bytes([data[at] ^ (1 << bit)]) + data[at + 1 :])
            with pytest.raises(ArchiveRefused) as refused:
                _open(damaged)
            assert refused.value.problem is Problem.BROKEN, (at, bit)


def test_a_writer_not_trusted_and_a_file_for_others_are_refused(tmp_path):
    path = tmp_path / "a.zip"
    _write(path)
    with pytest.raises(ArchiveRefused) as refused:
        _open(path, Keyring(own=READER))
    assert refused.value.problem is Problem.UNKNOWN_SIGNER
    assert refused.value.key_id == WRITER.public.key_id
    stranger = Identity.generate("stranger", None)
    with pytest.raises(ArchiveRefused) as refused:
        _open(path, Keyring(own=stranger, trusted=(WRITER.public,)))
    assert refused.value.problem is Problem.NOT_FOR_US
    assert refused.value.recipients == (READER.public.key_id,)


def test_the_recovery_key_opens_what_was_encrypted_to_it_and_nothing_else(tmp_path):
    path = tmp_path / "a.zip"
    _write(path, Sealing(WRITER, (WRITER.public.recipient, RECOVERY.public.recipient)))
    with _open(path, Keyring(recovery=RECOVERY)) as archive:
        assert archive.signer == WRITER.public and archive.read("scans/a.png") == SCAN
    with pytest.raises(ArchiveRefused) as refused:
        _open(path, Keyring(recovery=RecoveryKey.generate()))
    assert refused.value.problem is Problem.NOT_FOR_US
    # Someone encrypts a file to this installation's public key and signs it with his own:
    # a recovery key given does not make his signature acceptable.
    forger = Identity.generate(WRITER.site_id, WRITER.name)
    _write(tmp_path / "forged.zip", Sealing(forger, (WRITER.public.recipient,)))
    with pytest.raises(ArchiveRefused) as refused:
        _open(tmp_path / "forged.zip", Keyring(own=WRITER, recovery=RECOVERY))
    assert refused.value.problem is Problem.NOT_FOR_US


def test_files_of_older_versions_only_on_request(tmp_path):
    path = tmp_path / "old.zip"
    _write(path, None)
    with pytest.raises(ArchiveRefused) as refused:
        _open(path)
    assert refused.value.problem is Problem.UNSIGNED
    with _open(path, allow_unsigned=True) as archive:
        assert archive.signer is None and archive.read("scans/a.png") == SCAN
    data = path.read_bytes()
    path.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])
    with pytest.raises(ArchiveRefused) as refused:
        _open(path, allow_unsigned=True)
    assert refused.value.problem is Problem.BROKEN


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 7])
def test_parts_of_every_size_around_the_chunks_come_back(tmp_path, size):
    data = os.urandom(size)
    path = tmp_path / "a.zip"
    with SealedArchiveWriter(path, PREFIX, Sealing(WRITER, (READER.public.recipient,))) as w:
        w.write_bytes("stored", data, compress=False)
        w.write_bytes("compressed", data)
        w.seal("manifest.json", "{}")
    read = _read_all(path)
    assert read["stored"] == data and read["compressed"] == data


def _sign_again(path, identity: Identity) -> None:
    """The file's signature made again over its bytes as they are now: as only the writer
    could, to see what the parts' own authentication catches behind it."""
    with path.open("r+b") as stream:
        end = stream.seek(0, os.SEEK_END) - SIGNATURE_LENGTH
        signature = identity.sign(_SIGNED + _digest(stream, end).digest())
        stream.seek(end)
        stream.write(signature.hex().encode("ascii"))


def test_chunks_swapped_or_dropped_inside_a_part_are_caught_even_behind_a_good_signature(
    tmp_path,
):
    path = tmp_path / "a.zip"
    data = os.urandom(3 * CHUNK)
    with SealedArchiveWriter(path, PREFIX, Sealing(WRITER, (READER.public.recipient,))) as w:
        w.write_bytes("big", data, compress=False)
        w.seal("manifest.json", "{}")
    raw = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("big")
    local = info.header_offset  # the entry's local header: 30 bytes, its name, its extra
    name_length = int.from_bytes(raw[local + 26 : local + 28], "little")
    extra_length = int.from_bytes(raw[local + 28 : local + 30], "little")
    start = local + 30 + name_length + extra_length
    step = CHUNK + TAG
    first, second = raw[start : start + step], raw[start + step : start + 2 * step]
    swapped = tmp_path / "swapped.zip"
    swapped.write_bytes(raw[:start] + second + first + raw[start + 2 * step :])
    _sign_again(swapped, WRITER)
    with _open(swapped) as archive, pytest.raises(ArchiveRefused) as refused:
        archive.read("big")
    assert refused.value.problem is Problem.BROKEN and refused.value.part == "big"


def test_the_envelope_name_is_the_archives_own_and_a_failed_write_leaves_nothing(tmp_path):
    sealing = Sealing(WRITER, (READER.public.recipient,))
    with pytest.raises(RuntimeError), SealedArchiveWriter(tmp_path / "a.zip", PREFIX, sealing) as w:
        w.write_bytes("x", b"data")
        with pytest.raises(ValueError):
            w.write_bytes(ENVELOPE, b"{}")
        with pytest.raises(ValueError):
            w.write_bytes("x", b"again")
        raise RuntimeError("cancelled")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(FileNotFoundError):
        _open(tmp_path / "none.zip")
