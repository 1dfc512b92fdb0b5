"""Rewriting a sealed archive as someone who knows the format would: its entries read, edited,
and written again — signed with the keys given (the real ones, an attacker's), or sealed with a
recomputed SHA-256 as older versions did — for the tests of forged backups and sync files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.keys import Identity, Keyring, stored_identity
from app.keys.material import Recipient
from app.sealed_archive import SealedArchiveWriter, Sealing, open_archive

Edit = Callable[[str, bytes], bytes]


def unchanged(_name: str, data: bytes) -> bytes:
    return data


def identity_of(database) -> Identity:
    with database.sessions() as session:
        identity = stored_identity(session)
    assert identity is not None, "this database has made no keys yet"
    return identity


def rewrite(
    source: Path,
    target: Path,
    *,
    prefix: bytes,
    format_1_prefix: bytes,
    opened_with: Keyring,
    edit: Edit = unchanged,
    signer: Identity | None = None,
    recipients: tuple[Recipient, ...] = (),
    compress: Callable[[str], bool] = lambda _name: True,
) -> Path:
    """`source` opened with `opened_with` (the keys of a recipient), each entry passed through
    `edit`, and written to `target`: signed by `signer` and encrypted to `recipients`, or —
    without a signer — in the clear and sealed with a bare SHA-256 (format 1)."""
    with open_archive(
        source, prefix, opened_with, format_1_prefix=format_1_prefix, allow_unsigned=True
    ) as archive:
        entries = [(name, edit(name, archive.read(name))) for name in archive.names]
    sealing = Sealing(signer, recipients) if signer else None
    with SealedArchiveWriter(target, prefix if signer else format_1_prefix, sealing) as writer:
        *parts, (manifest, text) = entries  # the manifest is written last
        for name, data in parts:
            writer.write_bytes(name, data, compress=compress(name))
        writer.seal(manifest, text.decode("utf-8"))
    return target
