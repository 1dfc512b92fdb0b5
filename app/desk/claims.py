"""Who holds a queue entry: one operator at a time, until the claim expires."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import ColumnElement, Row, Update, bindparam, null, update
from sqlalchemy.orm import Session

from app.errors import Refused
from app.i18n import pick
from db.models import QueueEntry
from db.transactions import core_connection


class ClaimLost(Refused, ValueError):
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


def hold(
    session: Session,
    entry_id: int,
    operator_id: int,
    *,
    finished: tuple[str, datetime] | None = None,
) -> Row:
    """Check that this operator holds the open entry, and lock it for this transaction; its
    case_id, kind, callback_task_id and phone_index. ClaimLost when it is not theirs.

    The check is an UPDATE, and callers make it their first statement: on PostgreSQL it locks
    the row against a seat taking it meanwhile, on SQLite it takes the write lock before the
    transaction has read anything, so a seat's commit in between makes it wait rather than fail.
    A claim that expired while the operator was still on the phone stays theirs as long as
    nobody else has taken the entry: the call they just made is not thrown away.

    With `finished` (result, when), the same UPDATE ends the entry: done, its claim closed.
    """
    params = {"entry_id": entry_id, "operator_id": operator_id}
    if finished is not None:
        params |= {"result": finished[0], "finished_at": finished[1]}
    held = core_connection(session).execute(_hold_statement(finished is not None), params).first()
    if held is None:
        raise ClaimLost()
    return held


def held_entry(session: Session, entry_id: int, operator_id: int) -> QueueEntry:
    """The open entry this operator claimed, locked for this transaction (see `hold`)."""
    hold(session, entry_id, operator_id)
    return session.get_one(QueueEntry, entry_id)


def finish_held(session: Session, entry_id: int, result: str, now: datetime) -> None:
    """End an entry held in this transaction (see `hold`): done, its claim closed."""
    core_connection(session).execute(
        _finish_statement(), {"entry_id": entry_id, "result": result, "finished_at": now}
    )


# An entry's end: done with its result, no longer anyone's (calls._finish, as Core values).
_FINISHED = {
    "status": "done",
    "result": bindparam("result", type_=QueueEntry.result.type),
    "reasons": null(),
    "finished_at": bindparam("finished_at", type_=QueueEntry.finished_at.type),
    "claimed_by_id": None,
    "claim_expires_at": None,
}


@cache
def _hold_statement(finishing: bool) -> Update:
    """Built once: it runs on every save."""
    operator_id = bindparam("operator_id", type_=QueueEntry.claimed_by_id.type)
    return (
        update(QueueEntry)
        .where(
            QueueEntry.id == bindparam("entry_id", type_=QueueEntry.id.type),
            QueueEntry.status == "open",
            QueueEntry.claimed_by_id == operator_id,
        )
        .values(**_FINISHED if finishing else {"claimed_by_id": operator_id})
        .returning(
            QueueEntry.case_id,
            QueueEntry.kind,
            QueueEntry.callback_task_id,
            QueueEntry.phone_index,
        )
    )


@cache
def _finish_statement() -> Update:
    return (
        update(QueueEntry)
        .where(QueueEntry.id == bindparam("entry_id", type_=QueueEntry.id.type))
        .values(**_FINISHED)
    )


def release(entry: QueueEntry) -> None:
    entry.claimed_by_id = None
    entry.claim_expires_at = None
