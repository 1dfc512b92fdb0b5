"""Numbers never to be dialled again (免打扰), whatever path would dial them.

A number is marked by the do-not-call outcome, by a list an administrator imports, or by an
administrator by hand. Every way of dialling — the queue, an appointment, a second-round
callback, a number typed by hand — asks `require_callable` first. Marking is idempotent and never
weakens a mark; only an administrator clears one (`clear`), with a reason, in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.clock import current_time
from app.errors import Refused
from app.i18n import pick
from app.phones import mask_phone
from app.staff import require_administrator
from db.models import DoNotCall

FROM_OUTCOME = "outcome"
FROM_IMPORT = "import"
BY_HAND = "manual"
SOURCES: dict[str, tuple[str, str]] = {
    FROM_OUTCOME: ("来电人要求不再来电", "Asked not to be called"),
    FROM_IMPORT: ("管理员导入的名单", "An administrator's list"),
    BY_HAND: ("管理员标记", "Marked by an administrator"),
}
_REASON_LENGTH = 500


class DoNotCallRefused(Refused, PermissionError):
    """The number is marked do-not-call: nothing dials it."""

    def __init__(self, e164: str) -> None:
        masked = mask_phone(e164)
        super().__init__(
            pick(
                f"号码 {masked} 已标记为“不再来电”，任何方式都不会拨打。如需解除，请联系管理员。",
                f"{masked} is marked do-not-call and is never dialled. An administrator can "
                "clear the mark.",
            )
        )
        self.e164 = e164


@dataclass(frozen=True)
class Mark:
    phone_e164: str
    source: str
    reason: str | None
    marked_at: datetime
    marked_by_id: int | None
    case_id: int | None


def is_marked(session: Session, e164: str | None) -> bool:
    if not e164:
        return False
    return (
        session.scalar(
            select(DoNotCall.id).where(DoNotCall.phone_e164 == e164, DoNotCall.cleared_at.is_(None))
        )
        is not None
    )


def marked_among(session: Session, numbers: set[str]) -> set[str]:
    """Which of `numbers` (E.164) are marked."""
    if not numbers:
        return set()
    return set(
        session.scalars(
            select(DoNotCall.phone_e164).where(
                DoNotCall.phone_e164.in_(numbers), DoNotCall.cleared_at.is_(None)
            )
        )
    )


def require_callable(session: Session, e164: str | None) -> None:
    """Refuse (DoNotCallRefused) to dial a marked number."""
    if e164 and is_marked(session, e164):
        raise DoNotCallRefused(e164)


def mark(
    session: Session,
    e164: str,
    *,
    source: str,
    by_id: int | None,
    reason: str | None = None,
    case_id: int | None = None,
    now: datetime | None = None,
) -> bool:
    """Mark `e164` do-not-call, in the session's transaction; True if it was not marked before.

    A mark already in force is left as it is (the first reason stands); a cleared one is armed
    again. Only the outcome marks without an administrator.
    """
    if source not in SOURCES:
        raise ValueError(source)
    if source != FROM_OUTCOME:
        require_administrator(session, by_id)
    reason = (reason or "").strip()[:_REASON_LENGTH] or None
    now = now or current_time()
    row = session.scalar(select(DoNotCall).where(DoNotCall.phone_e164 == e164))
    if row is not None and row.cleared_at is None:
        return False
    before = None if row is None else _snapshot(row)
    if row is None:
        row = DoNotCall(phone_e164=e164)
        session.add(row)
    row.source, row.reason, row.case_id = source, reason, case_id
    row.marked_at, row.marked_by_id = now, by_id
    row.cleared_at = row.cleared_by_id = row.clear_reason = None
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="mark",
        entity="do_not_call",
        entity_uid=row.uid,
        before=before,
        after=_snapshot(row),
        at=now,
    )
    return True


def clear(
    session: Session, e164: str, *, by_id: int | None, reason: str, now: datetime | None = None
) -> None:
    """An administrator lifts the mark on `e164`, saying why; audited."""
    require_administrator(session, by_id)
    reason = (reason or "").strip()
    if not reason:
        raise Refused(pick("请填写解除“不再来电”的原因", "Say why the mark is cleared"))
    row = session.scalar(
        select(DoNotCall).where(DoNotCall.phone_e164 == e164, DoNotCall.cleared_at.is_(None))
    )
    if row is None:
        raise Refused(
            pick(
                f"号码 {mask_phone(e164)} 没有“不再来电”标记",
                f"{mask_phone(e164)} is not marked do-not-call",
            )
        )
    before = _snapshot(row)
    row.cleared_at, row.cleared_by_id = now or current_time(), by_id
    row.clear_reason = reason[:_REASON_LENGTH]
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="clear",
        entity="do_not_call",
        entity_uid=row.uid,
        before=before,
        after=_snapshot(row),
        at=row.cleared_at,
    )


def marks(session: Session) -> list[Mark]:
    """The marks in force, newest first."""
    rows = session.scalars(
        select(DoNotCall)
        .where(DoNotCall.cleared_at.is_(None))
        .order_by(DoNotCall.marked_at.desc(), DoNotCall.id.desc())
    )
    return [
        Mark(r.phone_e164, r.source, r.reason, r.marked_at, r.marked_by_id, r.case_id) for r in rows
    ]


def source_label(code: str) -> str:
    zh, en = SOURCES.get(code, (code, code))
    return pick(zh, en)


def _snapshot(row: DoNotCall) -> dict:
    return {
        "phone_e164": row.phone_e164,
        "source": row.source,
        "reason": row.reason,
        "marked_at": row.marked_at,
        "cleared_at": row.cleared_at,
        "clear_reason": row.clear_reason,
    }
