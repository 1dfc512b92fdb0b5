"""Who holds a queue entry: one operator at a time, until the claim expires."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, update
from sqlalchemy.orm import Session

from app.i18n import pick
from db.models import QueueEntry


class ClaimLost(ValueError):
    """The entry is no longer this operator's: finished, released, or taken after expiry."""

    def __init__(self) -> None:
        super().__init__(
            pick(
                "此业务件已不在您名下（已完成、已释放或超时后被他人领取）",
                "This case is no longer yours: finished, released, or taken by someone else",
            )
        )


def unclaimed(now: datetime) -> ColumnElement[bool]:
    """Nobody holds the entry, or the claim has expired."""
    return QueueEntry.claimed_by_id.is_(None) | (QueueEntry.claim_expires_at <= now)


def held_entry(session: Session, entry_id: int, operator_id: int) -> QueueEntry:
    """The open entry this operator claimed, now locked for this transaction; ClaimLost otherwise.

    The check is an UPDATE, and callers make it their first statement: on PostgreSQL it locks
    the row against a seat taking it meanwhile, on SQLite it takes the write lock before the
    transaction has read anything, so a seat's commit in between makes it wait rather than fail.
    A claim that expired while the operator was still on the phone stays theirs as long as
    nobody else has taken the entry: the call they just made is not thrown away.
    """
    held = session.execute(
        update(QueueEntry)
        .where(
            QueueEntry.id == entry_id,
            QueueEntry.status == "open",
            QueueEntry.claimed_by_id == operator_id,
        )
        .values(claimed_by_id=operator_id)
    ).rowcount
    if not held:
        raise ClaimLost()
    return session.get_one(QueueEntry, entry_id)


def release(entry: QueueEntry) -> None:
    entry.claimed_by_id = None
    entry.claim_expires_at = None
