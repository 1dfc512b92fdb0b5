"""The life of a paper Form B: to_do → printed → returned → scanned → verified → archived.

Each step records its time on the EnterpriseFeedback record. Printing again is allowed at any
status before verification (a form gets lost or spoiled) and never moves the status back. A page
filed by the scanner proves the stamped form came back, so scanning a printed form also records
its return.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import current_time
from app.errors import Refused
from app.i18n import pick
from db.models import EnterpriseFeedback

TO_DO = "to_do"
PRINTED = "printed"
RETURNED = "returned"
SCANNED = "scanned"
VERIFIED = "verified"
ARCHIVED = "archived"
STATUSES = (TO_DO, PRINTED, RETURNED, SCANNED, VERIFIED, ARCHIVED)
# Printing (for outlets: the forms still to hand out) is due at these statuses.
DUE = (TO_DO, PRINTED)

STATUS_LABELS = {
    TO_DO: ("待打印", "to print"),
    PRINTED: ("已打印", "printed"),
    RETURNED: ("已交回", "returned"),
    SCANNED: ("已扫描", "scanned"),
    VERIFIED: ("已核对", "verified"),
    ARCHIVED: ("已归档", "archived"),
}


class FormBStatusError(Refused, ValueError):
    """A Form B step that its record's status does not allow."""


def status_label(status: str) -> str:
    zh, en = STATUS_LABELS.get(status, (status, status))
    return pick(zh, en)


def _refuse(record: EnterpriseFeedback, action_zh: str, action_en: str) -> FormBStatusError:
    return FormBStatusError(
        pick(
            f"企业回访反馈单（业务件 {record.case_id}）当前状态为“{status_label(record.status)}”，"
            f"不能{action_zh}",
            f"Form B of case {record.case_id} is {status_label(record.status)}: "
            f"it cannot be {action_en}",
        )
    )


def _record(session: Session, feedback_id: int) -> EnterpriseFeedback:
    record = session.get(EnterpriseFeedback, feedback_id)
    if record is None:
        raise LookupError(
            pick(f"没有编号为 {feedback_id} 的企业回访反馈单", f"No Form B record {feedback_id}")
        )
    return record


def mark_printed(
    session: Session, ids: Iterable[int], now: datetime | None = None
) -> list[EnterpriseFeedback]:
    """Record that these forms were printed (again). All or none: a verified one refuses all."""
    now = current_time(now)
    records = [_record(session, i) for i in ids]
    for record in records:
        if record.status in (VERIFIED, ARCHIVED):
            raise _refuse(record, "重新打印", "printed again")
    for record in records:
        record.printed_at = now
        if record.status == TO_DO:
            record.status = PRINTED
    session.flush()
    return records


def mark_returned(
    session: Session, ids: Iterable[int], now: datetime | None = None
) -> list[EnterpriseFeedback]:
    """Record that the filled, stamped forms came back to the agency."""
    now = current_time(now)
    records = [_record(session, i) for i in ids]
    for record in records:
        if record.status != PRINTED:
            raise _refuse(record, "登记为已交回", "marked returned")
    for record in records:
        record.returned_at = now
        record.status = RETURNED
    session.flush()
    return records


def mark_scanned(session: Session, case_id: int, now: datetime | None = None) -> EnterpriseFeedback:
    """Record that the case's stamped form was scanned and filed (called by the scanner panel).

    Filing another page of a form already scanned changes nothing.
    """
    now = current_time(now)
    record = session.scalar(select(EnterpriseFeedback).where(EnterpriseFeedback.case_id == case_id))
    if record is None:
        raise LookupError(
            pick(
                f"业务件 {case_id} 没有企业回访反馈单",
                f"Case {case_id} has no Form B record",
            )
        )
    if record.status == SCANNED:
        return record
    if record.status not in (PRINTED, RETURNED):
        raise _refuse(record, "登记为已扫描", "marked scanned")
    record.returned_at = record.returned_at or now
    record.scanned_at = now
    record.status = SCANNED
    session.flush()
    return record


def verify(
    session: Session, feedback_id: int, verified_by: str, now: datetime | None = None
) -> EnterpriseFeedback:
    """Confirm that the answers typed in match the scanned, stamped form."""
    now = current_time(now)
    record = _record(session, feedback_id)
    if record.status != SCANNED:
        raise _refuse(record, "核对", "verified")
    if record.answered_at is None:
        raise FormBStatusError(
            pick(
                "请先录入反馈单的内容，再核对",
                "Enter the form's answers before verifying it",
            )
        )
    verified_by = (verified_by or "").strip()
    if not verified_by:
        raise FormBStatusError(pick("请填写核对人", "Say who verified the form"))
    record.verified_at = now
    record.verified_by = verified_by[:100]
    record.status = VERIFIED
    session.flush()
    return record


def archive(
    session: Session, feedback_id: int, location: str, now: datetime | None = None
) -> EnterpriseFeedback:
    """Record where the paper form is kept (J 5.3.4: 纸制表格自行存档)."""
    now = current_time(now)
    record = _record(session, feedback_id)
    if record.status != VERIFIED:
        raise _refuse(record, "归档", "archived")
    location = (location or "").strip()
    if not location:
        raise FormBStatusError(pick("请填写纸质表格的存放位置", "Say where the paper is kept"))
    record.archive_location = location[:100]
    record.archived_at = now
    record.status = ARCHIVED
    session.flush()
    return record
