"""The audit trail: who changed what, when, and what it was before and after.

Written in the same transaction as the change it describes, so the two stand or fall together.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, Staff


def actor_name(session: Session, staff_id: int | None) -> str | None:
    """How a staff member is named in the trail: "name (#id)"; None for the system."""
    if staff_id is None:
        return None
    name = session.scalar(select(Staff.name).where(Staff.id == staff_id))
    return f"{name or '?'} (#{staff_id})"


def snapshot(record: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """The named attributes of a record as JSON-ready values."""
    return {name: _plain(getattr(record, name)) for name in fields}


def record_change(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_uid: uuid.UUID | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: datetime | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        actor=actor_name(session, actor_id),
        action=action,
        entity=entity,
        entity_uid=entity_uid,
        before=_plain(before),
        after=_plain(after),
    )
    if at is not None:
        entry.at = at
    session.add(entry)
    return entry


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    return value
