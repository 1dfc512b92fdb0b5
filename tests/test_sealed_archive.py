"""app.sealed_archive, the container of backups and sync files: every part's size and hash, a
seal over every byte, and a file that appears only once sealed."""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from app.sealed_archive import Seal, SealedArchiveWriter, check_seal

PREFIX = b"Test archive, SHA-256: "


def _write(path, prefix=PREFIX):
    with SealedArchiveWriter(path, prefix) as writer:
        stored = writer.write_bytes("scans/a.png", b"\x89PNG" * 100, compress=False)
        with writer.open_part("records/cases.jsonl") as part:
            part.write(b'{"id": 1}\n')
            part.write(b'{"id": 2}\n')
        writer.seal("manifest.json", '{"parts": 2}')
    return stored, part.written


def test_parts_are_written_with_size_and_hash_and_the_seal_holds(tmp_path):
    path = tmp_path / "a.zip"
    stored, streamed = _write(path)

    assert stored.size == 400 and stored.sha256 == hashlib.sha256(b"\x89PNG" * 100).hexdigest()
    assert streamed.size == 20
    assert check_seal(path, PREFIX) is Seal.INTACT
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("scans/a.png").compress_type == zipfile.ZIP_STORED
        assert archive.read("manifest.json") == b'{"parts": 2}'
        assert archive.comment.startswith(PREFIX)
    assert [p.name for p in tmp_path.iterdir()] == ["a.zip"]


def test_every_flipped_byte_and_every_cut_breaks_or_loses_the_seal(tmp_path):
    path = tmp_path / "a.zip"
    _write(path)
    data = path.read_bytes()
    damaged = tmp_path / "damaged.zip"
    for at in range(0, len(data), max(1, len(data) // 97)):
        damaged.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :])
        assert check_seal(damaged, PREFIX) is not Seal.INTACT, at
    for end in range(0, len(data), max(1, len(data) // 53)):
        damaged.write_bytes(data[:end])
        assert check_seal(damaged, PREFIX) is not Seal.INTACT, end


def test_every_bit_of_a_labelled_digest_flipped_is_a_broken_seal(tmp_path):
    """Whatever the digest's characters: a flipped bit may or may not leave a hex digit."""
    path = tmp_path / "a.zip"
    _write(path)
    data = path.read_bytes()
    damaged = tmp_path / "damaged.zip"
    for at in range(len(data) - 64, len(data)):
        for bit in range(8):
            damaged.write_bytes(data[:at] + bytes([data[at] ^ (1 << bit)]) + data[at + 1 :])
            assert check_seal(damaged, PREFIX) is Seal.BROKEN, (at, bit)


def test_another_kind_of_file_has_no_seal(tmp_path):
    path = tmp_path / "a.zip"
    _write(path, prefix=b"")
    assert check_seal(path, PREFIX) is Seal.MISSING
    assert check_seal(path) is Seal.INTACT
    with pytest.raises(FileNotFoundError):
        check_seal(tmp_path / "none.zip")


def test_a_failed_write_leaves_nothing(tmp_path):
    with pytest.raises(RuntimeError), SealedArchiveWriter(tmp_path / "a.zip") as writer:
        writer.write_bytes("x", b"data")
        raise RuntimeError("cancelled")
    assert list(tmp_path.iterdir()) == []
