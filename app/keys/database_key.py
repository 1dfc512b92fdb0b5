"""The key of an encrypted SQLite database, and the key file beside it that unlocks it.

A database file encrypted with SQLCipher opens with one random 256-bit key (db.engine). The key
is never stored as it is: the key file (`<database>.key`, JSON) keeps it wrapped — encrypted with
AES-256-GCM — once for each way in:

- each user with a password, under a key derived from that password by Argon2id (its own salt);
  setting or changing a password re-wraps the one key, it never re-encrypts the database;
- each token of a scheduled job (app.tokens), under a key derived from the token by HKDF, so
  that a job opens the database without anybody's password; a revoked token's wrap is removed;
- the installation's recovery key (app.keys.installation), by X25519 with its public half, so
  that the key is wrapped for it without its secret being anywhere on the machine.

So the database opens only through a log-in, a token or the recovery key, and a stolen file and
key file give nothing without one of them. Unlocking fails the same way for an unknown user and a
wrong password; failures are counted in the key file (the database, where the window counts
them, cannot be read yet), five in a row lock the user for a few minutes as the window does, and
they are entered in the audit trail at the next unlock.

The services that change who may log in (app.users, app.tokens, app.keys.installation) keep the
key file in step in their own transaction, before it commits; for a database in the clear (and
for PostgreSQL, which the server protects) they do nothing here.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy.orm import Session

from app import clock
from app.atomic_file import AtomicFile
from app.credentials import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    locked_message,
    normalize_username,
    wrong_credentials,
)
from app.errors import Refused
from app.i18n import pick
from app.keys.material import RecoveryKey, RecoveryPublic, agree
from db.engine import DATABASE_KEY_BYTES, database_key, key_file_path, sqlite_path

FORMAT = "revisitdesk-database-key"
VERSION = 1
# Argon2id for a password's wrap: about a tenth of a second and 64 MiB at each log-in, so that
# guessing passwords against a stolen key file is slow (RFC 9106's second choice, t=3).
ARGON2_TIME, ARGON2_MEMORY_KIB, ARGON2_LANES = 3, 65_536, 1
PASSWORD, TOKEN, RECOVERY = "password", "token", "recovery"
MAX_FAILURES_KEPT = 200  # failures waiting for the audit trail: the newest are kept


class DatabaseKeyRefused(Refused):
    """The database could not be unlocked, or its key file is missing, damaged or not one."""


class DatabaseLocked(Refused):
    """The database is encrypted and nobody has unlocked it: a log-in is needed to open it."""

    def __init__(self, path: Path, url: str) -> None:
        super().__init__(
            pick(
                f"数据库 {path} 已加密：请登录（用户名和密码，或计划任务的令牌）后再打开。",
                f"The database {path} is encrypted: log in (user name and password, or a "
                "scheduled job's token) to open it.",
            )
        )
        self.path, self.url = path, url


@dataclass
class KeyFile:
    """The key file of one encrypted database, as read (or about to be written)."""

    path: Path
    key_id: str
    wraps: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise DatabaseKeyRefused(
                pick(
                    f"找不到数据库的密钥文件 {path}：加密的数据库没有它就无法打开。请从备份中恢复，"
                    "或把它放回数据库文件旁边。",
                    f"The database's key file {path} is missing: an encrypted database cannot be "
                    "opened without it. Restore a backup, or put it back beside the database.",
                )
            ) from None
        except (OSError, ValueError) as error:
            raise _damaged(path, str(error)) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise _damaged(path, "format")
        if data.get("version") != VERSION:
            raise _damaged(path, f"version {data.get('version')!r}")
        wraps, failures = data.get("wraps"), data.get("failures", [])
        if not isinstance(wraps, list) or not all(isinstance(w, dict) for w in wraps):
            raise _damaged(path, "wraps")
        if not isinstance(failures, list) or not all(isinstance(f, dict) for f in failures):
            failures = []
        return cls(path, str(data.get("key_id", "")), wraps, failures)

    def write(self) -> None:
        """Written whole or not at all; a token's wrap goes once the token has expired."""
        now = clock.now()
        self.wraps = [w for w in self.wraps if not _expired(w, now)]
        data = {
            "format": FORMAT,
            "version": VERSION,
            "cipher": "SQLCipher 4, raw 256-bit key; wraps AES-256-GCM",
            "key_id": self.key_id,
            "wraps": self.wraps,
            "failures": self.failures[-MAX_FAILURES_KEPT:],
        }
        with AtomicFile(self.path) as temporary:
            temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False), "utf-8")

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        return [wrap for wrap in self.wraps if wrap.get("kind") == kind]

    def put(self, wrap: dict[str, Any], *, replacing: dict[str, Any]) -> None:
        """Add `wrap`, instead of those that match every item of `replacing`."""
        self.remove(replacing)
        self.wraps.append(wrap)

    def remove(self, matching: dict[str, Any]) -> int:
        before = len(self.wraps)
        self.wraps = [w for w in self.wraps if any(w.get(k) != v for k, v in matching.items())]
        return before - len(self.wraps)


def _expired(wrap: dict[str, Any], now: datetime) -> bool:
    if wrap.get("kind") != TOKEN:
        return False
    try:
        return datetime.fromisoformat(str(wrap.get("expires_at"))) <= now
    except ValueError:
        return True


def _damaged(path: Path, detail: str) -> DatabaseKeyRefused:
    return DatabaseKeyRefused(
        pick(
            f"数据库的密钥文件 {path} 已损坏或不是密钥文件（{detail}）：请从备份中恢复。",
            f"The database's key file {path} is damaged or not a key file ({detail}): restore a "
            "backup.",
        )
    )


def key_id_of(key: bytes) -> str:
    """Which key a key file wraps (not secret: a digest that names it)."""
    return hashlib.sha256(b"RevisitDesk database key id\0" + key).hexdigest()[:16]


def new_database_key() -> bytes:
    return os.urandom(DATABASE_KEY_BYTES)


# Wrapping and unwrapping


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise ValueError("not base64")
    return base64.b64decode(value, validate=True)


def _associated(kind: str) -> bytes:
    return f"RevisitDesk database key wrap v1: {kind}".encode()


def _seal(wrapping: bytes, key: bytes, kind: str) -> dict[str, str]:
    nonce = os.urandom(12)
    return {
        "nonce": _b64(nonce),
        "wrapped": _b64(AESGCM(wrapping).encrypt(nonce, key, _associated(kind))),
    }


def _open(wrapping: bytes, wrap: dict[str, Any]) -> bytes | None:
    try:
        key = AESGCM(wrapping).decrypt(
            _unb64(wrap.get("nonce")), _unb64(wrap.get("wrapped")), _associated(wrap["kind"])
        )
    except (InvalidTag, ValueError, binascii.Error, KeyError):
        return None
    return key if len(key) == DATABASE_KEY_BYTES else None


def _password_key(password: str, salt: bytes, wrap: dict[str, Any] | None = None) -> bytes:
    wrap = wrap or {}
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=int(wrap.get("t", ARGON2_TIME)),
        memory_cost=int(wrap.get("m", ARGON2_MEMORY_KIB)),
        parallelism=int(wrap.get("p", ARGON2_LANES)),
        hash_len=32,
        type=Type.ID,
    )


def _hkdf(secret: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def password_wrap(key: bytes, username: str, password: str) -> dict[str, Any]:
    salt = os.urandom(16)
    return {
        "kind": PASSWORD,
        "user": username,
        "kdf": "argon2id",
        "t": ARGON2_TIME,
        "m": ARGON2_MEMORY_KIB,
        "p": ARGON2_LANES,
        "salt": _b64(salt),
        **_seal(_password_key(password, salt), key, PASSWORD),
    }


def token_wrap(key: bytes, token_id: int, secret: str, expires_at: datetime) -> dict[str, Any]:
    salt = os.urandom(16)
    wrapping = _hkdf(secret.encode("utf-8"), b"RevisitDesk token wrap v1", salt)
    return {
        "kind": TOKEN,
        "token_id": token_id,
        "token": _token_label(secret),
        "expires_at": expires_at.isoformat(),
        "salt": _b64(salt),
        **_seal(wrapping, key, TOKEN),
    }


def _token_label(secret: str) -> str:
    """Which wrap is a token's: a digest that cannot be turned back into the token."""
    return hashlib.sha256(b"RevisitDesk token label\0" + secret.encode("utf-8")).hexdigest()[:16]


def recovery_wrap(key: bytes, public: RecoveryPublic) -> dict[str, Any]:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(_x25519_public(public.agreement))
    wrapping = _hkdf(shared, b"RevisitDesk recovery wrap v1", ephemeral_public + public.agreement)
    return {
        "kind": RECOVERY,
        "recovery_key": public.key_id,
        "ephemeral": _b64(ephemeral_public),
        **_seal(wrapping, key, RECOVERY),
    }


def _x25519_public(raw: bytes):
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    return X25519PublicKey.from_public_bytes(raw)


# Unlocking (before the database is opened)


def unlock_with_password(database_file: Path, username: str, password: str) -> bytes:
    """The database key, unwrapped with this user's password; DatabaseKeyRefused as the log-in
    window says it (the same words for an unknown user and a wrong password), counted."""
    keys = KeyFile.read(key_file_path(database_file))
    name = normalize_username(username)[:50]
    now = clock.now()
    locked_until = _locked_until(keys, name, MAX_FAILED_LOGINS, LOCK_MINUTES)
    if locked_until is not None and locked_until > now:
        raise DatabaseKeyRefused(locked_message(locked_until))
    wraps = [w for w in keys.of_kind(PASSWORD) if w.get("user") == name]
    for wrap in wraps:
        try:
            wrapping = _password_key(password, _unb64(wrap.get("salt")), wrap)
        except (ValueError, binascii.Error, TypeError):
            continue
        key = _open(wrapping, wrap)
        if key is not None and key_id_of(key) == keys.key_id:
            return key
    if not wraps:  # the same time as a real try
        _password_key(password, bytes(16))
    keys.failures.append({"user": name, "at": now.isoformat(), "reason": _reason(wraps)})
    keys.write()
    locked_until = _locked_until(keys, name, MAX_FAILED_LOGINS, LOCK_MINUTES)
    if locked_until is not None and locked_until > now:
        raise DatabaseKeyRefused(locked_message(locked_until))
    raise DatabaseKeyRefused(wrong_credentials())


def _reason(wraps: list[dict[str, Any]]) -> str:
    return "wrong_password" if wraps else "no_key_for_user"


def _locked_until(keys: KeyFile, name: str, limit: int, minutes: int) -> datetime | None:
    """When the user's run of failures since their last unlock locks them until, if it does."""
    run = [f for f in keys.failures if f.get("user") == name and not f.get("reset")]
    if len(run) < limit:
        return None
    try:
        last = datetime.fromisoformat(run[-1]["at"])
    except (KeyError, ValueError):
        return None
    return last + timedelta(minutes=minutes) if len(run) % limit == 0 else None


def unlock_with_token(database_file: Path, token: str) -> bytes:
    """The database key, unwrapped with a scheduled job's token (app.tokens)."""
    keys = KeyFile.read(key_file_path(database_file))
    label = _token_label(token)
    for wrap in keys.of_kind(TOKEN):
        if wrap.get("token") != label or _expired(wrap, clock.now()):
            continue
        try:
            salt = _unb64(wrap.get("salt"))
        except (ValueError, binascii.Error):
            continue
        key = _open(_hkdf(token.encode("utf-8"), b"RevisitDesk token wrap v1", salt), wrap)
        if key is not None and key_id_of(key) == keys.key_id:
            return key
    raise DatabaseKeyRefused(
        pick(
            "令牌无效、已撤销或已过期：它打不开这个加密的数据库。请管理员重新创建令牌。",
            "The token is not valid, revoked or expired: it does not open this encrypted "
            "database. Ask an administrator for a new token.",
        )
    )


def unlock_with_recovery_key(database_file: Path, recovery: RecoveryKey) -> bytes:
    """The database key, unwrapped with the installation's recovery key."""
    keys = KeyFile.read(key_file_path(database_file))
    public = recovery.public
    for wrap in keys.of_kind(RECOVERY):
        if wrap.get("recovery_key") != public.key_id:
            continue
        try:
            ephemeral = _unb64(wrap.get("ephemeral"))
            shared = agree(recovery.agreement_private, ephemeral)
        except (ValueError, binascii.Error):
            continue
        wrapping = _hkdf(shared, b"RevisitDesk recovery wrap v1", ephemeral + public.agreement)
        key = _open(wrapping, wrap)
        if key is not None and key_id_of(key) == keys.key_id:
            return key
    raise DatabaseKeyRefused(
        pick(
            "这个恢复密钥打不开此数据库：它不是本数据库加密后制作的恢复密钥。",
            "This recovery key does not open this database: it is not the recovery key made "
            "for it since it was encrypted.",
        )
    )


def take_failures(database_file: Path) -> list[dict[str, str]]:
    """The failed unlocks waiting in the key file, which are then marked as entered (the
    caller enters them in the audit trail in its transaction)."""
    path = key_file_path(database_file)
    keys = KeyFile.read(path)
    waiting = [f for f in keys.failures if not f.get("entered")]
    if waiting:
        for failure in keys.failures:
            failure["entered"] = "1"
        keys.write()
    return waiting


def forget_failures(database_file: Path, username: str) -> None:
    """A user unlocked: their run of failures ends (for the lock), as in the window."""
    keys = KeyFile.read(key_file_path(database_file))
    name = normalize_username(username)
    changed = False
    for failure in keys.failures:
        if failure.get("user") == name and not failure.get("reset"):
            failure["reset"] = "1"
            changed = True
    if changed:
        keys.write()


# Keeping the key file in step (while the database is open)


@dataclass(frozen=True)
class OpenKey:
    """The key of the encrypted database a session works in, and its key file."""

    key: bytes
    database_file: Path

    @property
    def key_file(self) -> KeyFile:
        return KeyFile.read(key_file_path(self.database_file))


def open_key(session: Session) -> OpenKey | None:
    """The key of the session's database when it is an encrypted SQLite file, else None."""
    engine = session.get_bind().engine
    key = database_key(engine)
    path = sqlite_path(str(engine.url))
    if key is None or path is None:
        return None
    return OpenKey(key, path)


def wrap_for_user(session: Session, username: str, password: str) -> None:
    """The user's password unlocks the database from now on (their earlier one no longer)."""
    opened = open_key(session)
    if opened is None:
        return
    keys = opened.key_file
    keys.put(
        password_wrap(opened.key, username, password),
        replacing={"kind": PASSWORD, "user": username},
    )
    keys.write()


def forget_user(session: Session, username: str | None) -> None:
    """The user no longer unlocks the database (disabled)."""
    opened = open_key(session)
    if opened is None or username is None:
        return
    keys = opened.key_file
    if keys.remove({"kind": PASSWORD, "user": username}):
        keys.write()


def rename_user(session: Session, old: str | None, new: str) -> None:
    opened = open_key(session)
    if opened is None or old is None or old == new:
        return
    keys = opened.key_file
    for wrap in keys.of_kind(PASSWORD):
        if wrap.get("user") == old:
            wrap["user"] = new
    keys.write()


def user_has_key(session: Session, username: str | None) -> bool:
    """Whether the user can unlock the database (always True for a database in the clear)."""
    opened = open_key(session)
    if opened is None:
        return True
    return any(w.get("user") == username for w in opened.key_file.of_kind(PASSWORD))


def wrap_for_token(session: Session, token_id: int, secret: str, expires_at: datetime) -> None:
    opened = open_key(session)
    if opened is None:
        return
    keys = opened.key_file
    keys.put(
        token_wrap(opened.key, token_id, secret, expires_at),
        replacing={"kind": TOKEN, "token_id": token_id},
    )
    keys.write()


def forget_token(session: Session, token_id: int) -> None:
    opened = open_key(session)
    if opened is None:
        return
    keys = opened.key_file
    if keys.remove({"kind": TOKEN, "token_id": token_id}):
        keys.write()


def wrap_for_recovery(session: Session, public: RecoveryPublic) -> None:
    """The installation's (new) recovery key unlocks the database; an older one no longer."""
    opened = open_key(session)
    if opened is None:
        return
    keys = opened.key_file
    keys.put(recovery_wrap(opened.key, public), replacing={"kind": RECOVERY})
    keys.write()


def new_key_file(
    database_file: Path,
    key: bytes,
    *,
    users: dict[str, str],
    recovery: RecoveryPublic | None = None,
) -> KeyFile:
    """The key file of a database about to be encrypted with `key`: wraps for the users (name:
    password) and the recovery key; written by the caller."""
    keys = KeyFile(key_file_path(database_file), key_id_of(key))
    for username, password in users.items():
        keys.wraps.append(password_wrap(key, username, password))
    if recovery is not None:
        keys.wraps.append(recovery_wrap(key, recovery))
    return keys
