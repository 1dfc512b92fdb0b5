"""Records as sync files carry them, and as this database holds them, with their fingerprints.

A record has two JSON-ready forms. The *travelling* form names other records by uid and carries
the record's uid, origin, times and version tokens: that is what a file holds. The *local* form
has the same data columns with references as this database's ids: two versions are compared in
it, and its SHA-256 (the fingerprint) tells whether a record has changed since it was last sent
or received. Cases carry their phone numbers in both.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, Date, Uuid, select
from sqlalchemy.orm import Session

from app.sync.tables import BY_NAME, TableSpec
from db.models import CasePhone
from db.types import UTCDateTime

CHUNK = 500
PHONE_FIELDS = ("position", "original", "e164", "extension", "kind")
# A column the sending site's version of the app does not have: the value here stays.
MISSING = object()


def encode(column: Column, value: Any) -> Any:
    """A column value as JSON."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def decode(column: Column, value: Any) -> Any:
    """A JSON value back as the column's Python value; raises ValueError when it cannot be."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime):
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(f"time without zone: {value!r}")
        return parsed
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Uuid):
        return uuid.UUID(value)
    return value


def fingerprint(local: dict[str, Any]) -> str:
    text = json.dumps(local, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def phones_of(session: Session, case_ids: Sequence[int]) -> dict[int, list[list[Any]]]:
    """Each case's phones as [position, original, e164, extension, kind] in order."""
    found: dict[int, list[list[Any]]] = {case_id: [] for case_id in case_ids}
    for start in range(0, len(case_ids), CHUNK):
        rows = session.execute(
            select(CasePhone.case_id, *(getattr(CasePhone, f) for f in PHONE_FIELDS))
            .where(CasePhone.case_id.in_(case_ids[start : start + CHUNK]))
            .order_by(CasePhone.case_id, CasePhone.position, CasePhone.id)
        ).all()
        for row in rows:
            found[row[0]].append(list(row[1:]))
    return found


class References:
    """uid ↔ id of the records one export or import touches, loaded in batches and cached."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[str, dict[uuid.UUID, int]] = {}
        self._uids: dict[str, dict[int, uuid.UUID]] = {}

    def remember(self, table: str, uid: uuid.UUID, record_id: int) -> None:
        self._ids.setdefault(table, {})[uid] = record_id
        self._uids.setdefault(table, {}).setdefault(record_id, uid)

    def uids(self, table: str, ids: Iterable[int]) -> dict[int, uuid.UUID]:
        known = self._uids.setdefault(table, {})
        missing = sorted({i for i in ids if i is not None and i not in known})
        column = BY_NAME[table].table.c
        for start in range(0, len(missing), CHUNK):
            chunk = missing[start : start + CHUNK]
            for record_id, uid in self._session.execute(
                select(column.id, column.uid).where(column.id.in_(chunk))
            ):
                self.remember(table, uid, record_id)
        return known

    def ids(self, table: str, uids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
        known = self._ids.setdefault(table, {})
        missing = list({u for u in uids if u is not None and u not in known})
        column = BY_NAME[table].table.c
        for start in range(0, len(missing), CHUNK):
            chunk = missing[start : start + CHUNK]
            for record_id, uid in self._session.execute(
                select(column.id, column.uid).where(column.uid.in_(chunk))
            ):
                self.remember(table, uid, record_id)
        return known


def local_form(spec: TableSpec, row: Any, phones: list[list[Any]] | None) -> dict[str, Any]:
    """A database row's data columns (references as ids) as JSON, with a case's phones."""
    local = {name: encode(spec.column(name), getattr(row, name)) for name in spec.columns}
    if spec.name == "cases":
        local["phones"] = phones or []
    return local


def travelling_form(
    spec: TableSpec,
    row: Any,
    local: dict[str, Any],
    references: References,
    *,
    site_id: str,
    versions: list[str],
    history: list[str],
) -> dict[str, Any]:
    """The record as a file carries it: references as uids, with its uid, origin and times."""
    data = dict(local)
    for name, target in spec.refs.items():
        if data[name] is not None:
            data[name] = str(references.uids(target, ())[data[name]])
    return {
        "uid": str(row.uid),
        "origin": row.origin or site_id,
        "created_at": encode(spec.column("created_at"), row.created_at),
        "updated_at": encode(spec.column("updated_at"), row.updated_at),
        "versions": versions,
        "history": history,
        "data": data,
    }


def incoming_local_form(
    spec: TableSpec,
    record: dict[str, Any],
    references: References,
    local_row: dict[str, Any] | None,
) -> dict[str, Any]:
    """A sent record's data in this database's ids (refs resolved; the file was checked).

    A column the file does not carry (an older version of the app sent it) keeps the value
    here, or its default for a new record.
    """
    data = record["data"]
    local: dict[str, Any] = {}
    for name in spec.columns:
        value = data.get(name, MISSING)
        if value is MISSING:
            value = local_row[name] if local_row is not None else _default(spec.column(name))
        elif name in spec.refs and value is not None:
            value = references.ids(spec.refs[name], ())[uuid.UUID(value)]
        local[name] = value
    if spec.name == "cases":
        phones = data.get("phones", MISSING)
        if phones is MISSING:
            phones = local_row["phones"] if local_row is not None else []
        local["phones"] = [list(p) for p in phones]
    return local


def _default(column: Column) -> Any:
    default = column.default
    if default is not None and default.is_scalar:
        return encode(column, default.arg)
    return None


def database_values(spec: TableSpec, local: dict[str, Any]) -> dict[str, Any]:
    """The local form as Python values for an INSERT or UPDATE (phones apart)."""
    return {name: decode(spec.column(name), local[name]) for name in spec.columns}


def audit_record(entry: Any) -> dict[str, Any]:
    """An audit entry as a file carries it."""
    return {
        "at": entry.at.astimezone(UTC).isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "entity": entry.entity,
        "entity_uid": str(entry.entity_uid) if entry.entity_uid else None,
        "before": entry.before,
        "after": entry.after,
    }
