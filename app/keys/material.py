"""Keys as values: an installation's key pairs, the public keys it hands to another site, a
recovery key, and the texts they are written as. No database here (app.keys.store keeps them).

An installation has two key pairs: Ed25519 signs the files it writes, X25519 is what files for
it are encrypted to. Its public keys travel in a small key file (`PublicKeys.to_text`) named by
a fingerprint that two people can read to each other on the phone: SHA-256 over the site id and
both public keys, the first 20 bytes in groups of four hex digits.

A recovery key is 32 random bytes written as 56 letters and digits with a check; an X25519 key
pair is derived from it, and only its public half is kept by the installation, so that every
backup can be encrypted to it and opened by whoever holds the printed key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import Refused
from app.i18n import pick

KEY_LENGTH = 32  # bytes of every key here, public or private
KEY_ID_LENGTH = 40  # hex digits of a key id: 20 bytes of SHA-256
KEY_FILE_FORMAT = "revisitdesk-public-keys"
KEY_FILE_VERSION = 1
KEY_FILE_SUFFIX = ".rdkeys"
KEY_FILE_LIMIT = 16 * 1024  # a key file is a few hundred bytes; anything much larger is not one
SITE_ID_LENGTH = 64  # sync_peers.site_id
NAME_LENGTH = 200  # sync_peers.name

_RAW = serialization.Encoding.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_NO_ENCRYPTION = serialization.NoEncryption()


class KeyRefused(Refused):
    """A key file, fingerprint or recovery key that cannot be used; the message says why."""


def readable(key_id: str) -> str:
    """A key id as people read it: groups of four upper-case hex digits."""
    text = key_id.upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def key_id_of_text(text: str) -> str:
    """A fingerprint as typed (spaces, dashes, any case) as a key id; KeyRefused when it is not
    one."""
    compact = re.sub(r"[\s:-]+", "", text).lower()
    if not re.fullmatch(rf"[0-9a-f]{{{KEY_ID_LENGTH}}}", compact):
        raise KeyRefused(
            pick(
                f"“{text.strip()}”不是指纹：指纹是 {KEY_ID_LENGTH} 位十六进制数字（0-9、A-F），"
                "每四位一组",
                f"{text.strip()!r} is not a fingerprint: a fingerprint is {KEY_ID_LENGTH} hex "
                "digits (0-9, A-F) in groups of four",
            )
        )
    return compact


def _digest_id(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(4, "big"))
        digest.update(part)
    return digest.hexdigest()[:KEY_ID_LENGTH]


def check_fingerprint(keys: PublicKeys, typed: str) -> None:
    """Refuse (KeyRefused) unless `typed` — the fingerprint the other site read out on the
    phone — is the fingerprint of `keys`."""
    if key_id_of_text(typed) != keys.key_id:
        raise KeyRefused(
            pick(
                f"指纹不符：密钥文件的指纹是 {keys.fingerprint}，与对方读出的 {typed.strip()} "
                "不同。这个文件不是对方的（或已被调换），没有信任它",
                f"The fingerprints differ: the key file's is {keys.fingerprint}, not "
                f"{typed.strip()} as the other site read it out. The file is not theirs (or was "
                "swapped); it was not trusted",
            )
        )


@dataclass(frozen=True)
class Recipient:
    """Whom a file is encrypted to: a key id and an X25519 public key."""

    key_id: str
    agreement: bytes


@dataclass(frozen=True)
class PublicKeys:
    """A site's public keys as another site trusts them."""

    site_id: str
    name: str | None
    signing: bytes  # Ed25519 public key
    agreement: bytes  # X25519 public key

    @property
    def key_id(self) -> str:
        """The fingerprint's digits: what files name their signer and recipients by. The name is
        not in it (a site may rename itself); the site id is."""
        return _digest_id(
            b"RevisitDesk public keys v1", self.site_id.encode(), self.signing, self.agreement
        )

    @property
    def fingerprint(self) -> str:
        return readable(self.key_id)

    @property
    def recipient(self) -> Recipient:
        return Recipient(self.key_id, self.agreement)

    def verifies(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.signing).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_json(self) -> dict:
        return {
            "site_id": self.site_id,
            "name": self.name,
            "signing_key": _b64(self.signing),
            "agreement_key": _b64(self.agreement),
        }

    def to_text(self) -> str:
        """The key file: what `keys show` writes and `keys trust` reads at the other site."""
        return (
            json.dumps(
                {
                    "format": KEY_FILE_FORMAT,
                    "version": KEY_FILE_VERSION,
                    **self.to_json(),
                    "fingerprint": self.fingerprint,
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )

    @classmethod
    def from_json(cls, data: object) -> PublicKeys:
        """Raises ValueError for anything that is not a site's public keys."""
        if not isinstance(data, dict):
            raise ValueError("not an object")
        site_id, name = data.get("site_id"), data.get("name")
        if not isinstance(site_id, str) or not 0 < len(site_id) <= SITE_ID_LENGTH:
            raise ValueError("site_id")
        if name is not None and (not isinstance(name, str) or len(name) > NAME_LENGTH):
            raise ValueError("name")
        return cls(site_id, name, _key(data.get("signing_key")), _key(data.get("agreement_key")))


def read_key_file(path: Path | str) -> PublicKeys:
    """A key file written by `keys show` at another site; KeyRefused with the reason when it is
    missing, too large, not one, or its fingerprint does not match its keys."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(KEY_FILE_LIMIT + 1)
    except FileNotFoundError:
        raise KeyRefused(pick(f"找不到密钥文件：{path}", f"Key file not found: {path}")) from None
    except OSError as error:
        raise KeyRefused(
            pick(f"无法读取密钥文件：{error}", f"Cannot read the key file: {error}")
        ) from None
    if len(data) > KEY_FILE_LIMIT:
        raise KeyRefused(
            pick(
                f"{path.name} 太大，不是回访台的密钥文件（密钥文件只有几百字节）",
                f"{path.name} is too large to be a RevisitDesk key file (one is a few hundred "
                "bytes)",
            )
        )
    return parse_key_file(data, path.name)


def parse_key_file(data: bytes, name: str = "") -> PublicKeys:
    """The text of a key file; see `read_key_file`."""
    try:
        content = json.loads(data.decode("utf-8-sig"))
        if not isinstance(content, dict) or content.get("format") != KEY_FILE_FORMAT:
            raise ValueError("format")
        if content.get("version") != KEY_FILE_VERSION:
            raise ValueError("version")
        keys = PublicKeys.from_json(content)
        stated = key_id_of_text(str(content.get("fingerprint", "")))
    except (UnicodeDecodeError, ValueError, KeyRefused):
        raise KeyRefused(
            pick(
                f"{name or '该文件'} 不是回访台的密钥文件，或已损坏（请让对方用“keys show”重新导出）",
                f"{name or 'The file'} is not a RevisitDesk key file, or it is damaged (ask the "
                "other site to write it again with 'keys show')",
            )
        ) from None
    if stated != keys.key_id:
        raise KeyRefused(
            pick(
                f"{name or '密钥文件'} 中的指纹与其中的密钥不符：文件已被改动，不能使用",
                f"The fingerprint in {name or 'the key file'} does not match its keys: the file "
                "has been altered and cannot be used",
            )
        )
    return keys


def _key(value: object) -> bytes:
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("key")
    try:
        raw = base64.b64decode(value, validate=True)
    except binascii.Error:
        raise ValueError("key") from None
    if len(raw) != KEY_LENGTH:
        raise ValueError("key length")
    return raw


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


@dataclass(frozen=True)
class Identity:
    """This installation's key pairs (private), with its site id and name."""

    site_id: str
    name: str | None
    signing_private: bytes
    agreement_private: bytes

    @classmethod
    def generate(cls, site_id: str, name: str | None) -> Identity:
        signing = Ed25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION)
        agreement = X25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION)
        return cls(site_id, name, signing, agreement)

    @property
    def public(self) -> PublicKeys:
        signing = Ed25519PrivateKey.from_private_bytes(self.signing_private).public_key()
        agreement = X25519PrivateKey.from_private_bytes(self.agreement_private).public_key()
        return PublicKeys(
            self.site_id,
            self.name,
            signing.public_bytes(_RAW, _RAW_PUBLIC),
            agreement.public_bytes(_RAW, _RAW_PUBLIC),
        )

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.signing_private).sign(message)

    def agree(self, public: bytes) -> bytes:
        """X25519 with another public key; ValueError for a key that yields no secret."""
        return agree(self.agreement_private, public)


def agree(private: bytes, public: bytes) -> bytes:
    """X25519 of a private and a public key; ValueError for a weak (small-order) public key."""
    return X25519PrivateKey.from_private_bytes(private).exchange(
        X25519PublicKey.from_public_bytes(public)
    )


# A recovery key: RK-XXXX-XXXX-… in RFC 4648 base32 (A-Z, 2-7), 32 random bytes and 3 of check.
RECOVERY_PREFIX = "RK"
_RECOVERY_CHECK = 3


@dataclass(frozen=True)
class RecoveryPublic:
    """The public half of a recovery key: what the installation keeps and encrypts backups to."""

    agreement: bytes

    @property
    def key_id(self) -> str:
        return _digest_id(b"RevisitDesk recovery key v1", self.agreement)

    @property
    def fingerprint(self) -> str:
        return readable(self.key_id)

    @property
    def recipient(self) -> Recipient:
        return Recipient(self.key_id, self.agreement)


@dataclass(frozen=True)
class RecoveryKey:
    """A recovery key's secret: shown once when made, typed in to restore a backup."""

    secret: bytes

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(os.urandom(KEY_LENGTH))

    @property
    def agreement_private(self) -> bytes:
        return HKDF(
            algorithm=hashes.SHA256(),
            length=KEY_LENGTH,
            salt=None,
            info=b"RevisitDesk recovery key v1: X25519",
        ).derive(self.secret)

    @property
    def public(self) -> RecoveryPublic:
        private = X25519PrivateKey.from_private_bytes(self.agreement_private)
        return RecoveryPublic(private.public_key().public_bytes(_RAW, _RAW_PUBLIC))

    @property
    def text(self) -> str:
        check = hashlib.sha256(self.secret).digest()[:_RECOVERY_CHECK]
        letters = base64.b32encode(self.secret + check).decode("ascii")
        return "-".join([RECOVERY_PREFIX, *(letters[i : i + 4] for i in range(0, len(letters), 4))])

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        """The key as typed: any case, spaces or dashes anywhere; KeyRefused with the reason."""
        compact = re.sub(r"[\s-]+", "", text).upper()
        if compact.startswith(RECOVERY_PREFIX):
            compact = compact[len(RECOVERY_PREFIX) :]
        # Digits that look like letters are read as the letters base32 has.
        compact = compact.translate(str.maketrans("018", "OIB"))
        expected = (KEY_LENGTH + _RECOVERY_CHECK) * 8 // 5
        try:
            if len(compact) != expected:
                raise ValueError(len(compact))
            raw = base64.b32decode(compact)
        except (ValueError, binascii.Error):
            raise KeyRefused(
                pick(
                    f"这不是恢复密钥：恢复密钥以 {RECOVERY_PREFIX}- 开头，后面是 {expected} 个字母"
                    "和数字，每四个一组",
                    f"This is not a recovery key: one starts with {RECOVERY_PREFIX}- followed by "
                    f"{expected} letters and digits in groups of four",
                )
            ) from None
        secret, check = raw[:KEY_LENGTH], raw[KEY_LENGTH:]
        if hashlib.sha256(secret).digest()[:_RECOVERY_CHECK] != check:
            raise KeyRefused(
                pick(
                    "恢复密钥有误（校验不符）：请对照打印的恢复密钥逐组检查",
                    "The recovery key is mistyped (its check does not match): compare it group "
                    "by group with the printed one",
                )
            )
        return cls(secret)


@dataclass(frozen=True)
class Keyring:
    """What a sealed archive is opened with: this installation's private keys (to decrypt), the
    public keys whose signatures are accepted, and a recovery key when one was typed in."""

    own: Identity | None = None
    trusted: tuple[PublicKeys, ...] = ()
    recovery: RecoveryKey | None = None

    def signer(self, key_id: str) -> PublicKeys | None:
        return next((keys for keys in self.trusted if keys.key_id == key_id), None)
