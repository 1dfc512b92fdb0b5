"""How an audit entry is sealed into the hash chain: the stored format of `audit_entries.seq`,
`hash`, `personal` and `pending`, shared by the app (app.audit_chain) and migration 0015.

Each entry's hash is SHA-256 over the hash of the entry before it and a canonical JSON of the
entry: its place in the chain (`seq`), time, actor, action, record, and the values before and
after. Values that are personal data (a phone number, a respondent's words) enter the hash only
as a salted digest of their own, so that a purge past retention can blank them and keep their
digests without breaking the chain; once the salt is gone with them, the digests no longer
tell what was there. `personal` holds, per entry, the keys so treated and either the salt
(values present) or the digests (values purged).

`pending` marks the rows a transaction has written and not sealed yet: every INSERT through
SQLAlchemy gets its connection's token as the column default, and the seal at commit takes
exactly those rows, so a row put in by other means is never sealed by mistake.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64  # the "hash before" the first entry
SALT_KEY, KEYS_KEY, DIGESTS_KEY = "salt", "keys", "digests"
PENDING_TOKEN = "revisitdesk.audit_pending"  # in Connection.info: this transaction's token

Path = tuple[str | int, ...]


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def pending_token(context) -> str:
    """The column default of `audit_entries.pending`: one token per connection and transaction
    (dropped at its commit or rollback by app.audit_chain)."""
    info = context.connection.info
    token = info.get(PENDING_TOKEN)
    if token is None:
        token = info[PENDING_TOKEN] = secrets.token_hex(16)
    return token


def new_salt() -> str:
    return secrets.token_hex(16)


def personal_paths(value: Any, keys: Iterable[str], path: Path = ()) -> list[Path]:
    """Where in `value` (an entry's before or after) a key of `keys` holds a value."""
    keys = frozenset(keys)
    found: list[Path] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key in keys:
                found.append((*path, key))
            else:
                found.extend(personal_paths(item, keys, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(personal_paths(item, keys, (*path, index)))
    return found


def path_text(path: Path) -> str:
    return canonical_json(list(path))


def value_digest(salt: str, path: Path, value: Any) -> str:
    data = bytes.fromhex(salt) + canonical_json([list(path), value]).encode()
    return hashlib.sha256(data).hexdigest()


def _with_digests(value: Any, keys: frozenset[str], digest: Callable[[Path], str], path: Path):
    if isinstance(value, Mapping):
        return {
            key: (
                "sha256:" + digest((*path, key))
                if key in keys
                else _with_digests(item, keys, digest, (*path, key))
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_with_digests(item, keys, digest, (*path, i)) for i, item in enumerate(value)]
    return value


def _digest_function(
    before: Any, after: Any, personal: Mapping[str, Any] | None
) -> Callable[[Path], str]:
    values = {"before": before, "after": after}
    salt = (personal or {}).get(SALT_KEY)
    stored = (personal or {}).get(DIGESTS_KEY)

    def digest(path: Path) -> str:
        if isinstance(salt, str):
            value: Any = values
            for step in path:
                value = value[step]
            return value_digest(salt, path, value)
        if isinstance(stored, Mapping) and isinstance(stored.get(path_text(path)), str):
            return stored[path_text(path)]
        return "missing"  # neither the salt nor a digest: the entry no longer matches its hash

    return digest


def entry_hash(
    previous: str,
    seq: int,
    at: datetime,
    actor: str | None,
    action: str,
    entity: str,
    entity_uid: uuid.UUID | str | None,
    before: Any,
    after: Any,
    personal: Mapping[str, Any] | None,
) -> str:
    """The hash of an entry sealed after the entry whose hash is `previous`."""
    keys = frozenset((personal or {}).get(KEYS_KEY) or ())
    digest = _digest_function(before, after, personal)
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    payload = {
        "seq": seq,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_uid": str(entity_uid) if entity_uid is not None else None,
        "before": _with_digests(before, keys, digest, ("before",)),
        "after": _with_digests(after, keys, digest, ("after",)),
        "personal": sorted(keys),
    }
    data = (previous + "\n" + canonical_json(payload)).encode()
    return hashlib.sha256(data).hexdigest()


def sealed_personal(before: Any, after: Any, keys: Iterable[str]) -> dict[str, Any] | None:
    """What `personal` holds for a new entry: the personal keys it has, and a fresh salt."""
    keys = frozenset(keys)
    paths = personal_paths({"before": before, "after": after}, keys)
    if not paths:
        return None
    return {KEYS_KEY: sorted({str(path[-1]) for path in paths}), SALT_KEY: new_salt()}


def purged_personal(before: Any, after: Any, personal: Mapping[str, Any]) -> dict[str, Any]:
    """`personal` once the entry's personal values are blanked: their digests, made with the
    salt while the values are still there, and no salt."""
    keys = list((personal or {}).get(KEYS_KEY) or ())
    if DIGESTS_KEY in personal and SALT_KEY not in personal:
        return dict(personal)
    digest = _digest_function(before, after, personal)
    paths = personal_paths({"before": before, "after": after}, keys)
    return {KEYS_KEY: keys, DIGESTS_KEY: {path_text(path): digest(path) for path in paths}}
