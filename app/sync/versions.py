"""Versions of a record across sites: which of two versions is newer, or whether both changed.

A version is named by a token, "site:fingerprint", given by the site where the content was made.
Each site remembers, per record it sent or received (`sync_records`), the tokens of the version
exchanged and of every version that one descends from (its history). A sent record carries the
same. When a record arrives:

- it shares a token with the version here: the same version;
- its history holds the version here: it was made from ours, so it is newer and applied;
- the history here holds it: it is an older version, and ours stays;
- otherwise both places changed it: a conflict for the team lead, unless the contents are equal.

No clock is compared, so sites whose clocks disagree still sync correctly.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.sync.records import CHUNK
from db.models import SyncRecord

# The newest tokens are kept: a longer history than this only costs a conflict to decide.
HISTORY_LIMIT = 200
SYNC_LOCK = 0x5259_4E43  # the PostgreSQL advisory lock held while a file is written or applied


def lock_sync_records(session: Session) -> None:
    """One file at a time per PostgreSQL database: two seats importing the same file would
    insert the same records, two exports would write the same `sync_records` rows. SQLite's
    writing transactions take turns already."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SYNC_LOCK})


class Relation(StrEnum):
    SAME = "same"
    NEWER = "newer"  # the incoming version descends from the one here
    OLDER = "older"  # the one here descends from the incoming version
    DIVERGED = "diverged"


@dataclass
class Version:
    versions: list[str]
    history: list[str]


def token(site_id: str, fingerprint: str) -> str:
    return f"{site_id}:{fingerprint[:20]}"


def merged(*lists: Iterable[str]) -> list[str]:
    """The tokens of all lists, each once, oldest first, at most HISTORY_LIMIT of the newest."""
    seen: dict[str, None] = {}
    for tokens in lists:
        for item in tokens:
            seen.pop(item, None)
            seen[item] = None
    return list(seen)[-HISTORY_LIMIT:]


def current_version(state: SyncRecord | None, fingerprint: str, site_id: str) -> Version:
    """The version of a record here: the one last exchanged, or a new one if it changed since."""
    if state is None:
        return Version([token(site_id, fingerprint)], [])
    if state.fingerprint == fingerprint:
        return Version(list(state.versions), list(state.history))
    return Version([token(site_id, fingerprint)], merged(state.history, state.versions))


def relation(local: Version, incoming: Version) -> Relation:
    if set(local.versions) & set(incoming.versions):
        return Relation.SAME
    if set(local.versions) & set(incoming.history):
        return Relation.NEWER
    if set(incoming.versions) & set(local.history):
        return Relation.OLDER
    return Relation.DIVERGED


def load_states(
    session: Session, entity: str, uids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, SyncRecord]:
    found: dict[uuid.UUID, SyncRecord] = {}
    for start in range(0, len(uids), CHUNK):
        for state in session.scalars(
            select(SyncRecord).where(
                SyncRecord.entity == entity, SyncRecord.uid.in_(uids[start : start + CHUNK])
            )
        ):
            found[state.uid] = state
    return found


def save_state(
    session: Session,
    states: dict[uuid.UUID, SyncRecord],
    entity: str,
    uid: uuid.UUID,
    fingerprint: str,
    version: Version,
) -> None:
    """Remember the version exchanged (only what changed is written)."""
    state = states.get(uid)
    if state is None:
        state = SyncRecord(entity=entity, uid=uid)
        session.add(state)
        states[uid] = state
    elif (
        state.fingerprint == fingerprint
        and state.versions == version.versions
        and state.history == version.history
    ):
        return
    state.fingerprint = fingerprint
    state.versions = version.versions
    state.history = version.history
