"""Which call attempt a recording belongs to.

By the call's id (`call_ref`, what the telephone called the call) when both know it; otherwise
by the number dialled and/or the seat's operator, and a time within the tolerance
(`recordings.match_seconds`) of the attempt's span — from `attempted_at` to `ended_at` (or
`attempted_at` plus its duration). Exactly one attempt: the recording is filed to it. None, or
more than one: it waits in the tray, and is tried again whenever the tray is matched
(`match_tray`: on every import of the recordings folder), and when the desk saves an attempt
(`match_saved_attempt`: only the tray recordings near that attempt's time). A softphone's
recording names no number: the seat's operator it came from (`CallRecording.operator_id`)
stands in for it, so it finds the attempt its operator saves after the file was imported.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from functools import cache
from typing import NamedTuple

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.clock import current_time
from app.settings import OPTIONS, get_setting
from db.models import Attachment, CallAttempt, CallRecording

RECORDING_KIND = "recording"  # attachments.kind
TRAY, FILED, DISCARDED, PURGED = "tray", "filed", "discarded", "purged"
STATUSES = (TRAY, FILED, DISCARDED, PURGED)
LONGEST_CALL = timedelta(hours=4)  # app.recordings.wav.MAX_SECONDS: how far back to look


def tolerance(session: Session) -> timedelta:
    return timedelta(seconds=int(get_setting(session, "recordings.match_seconds")))


class AttemptSpan(NamedTuple):
    """The columns of a call attempt that say when its call was (for an attempt written with a
    Core INSERT, whose object there is not)."""

    attempted_at: datetime
    ended_at: datetime | None
    talk_seconds: int | None
    duration_seconds: int | None


def _span(attempt: CallAttempt | AttemptSpan) -> tuple[datetime, datetime]:
    """From the attempt's dialling to its end (a CallAttempt, or a row of its columns)."""
    start = attempt.attempted_at
    if attempt.ended_at is not None and attempt.ended_at >= start:
        return start, attempt.ended_at
    seconds = attempt.talk_seconds or attempt.duration_seconds or 0
    return start, start + timedelta(seconds=max(0, seconds))


def matching_attempts(
    session: Session,
    *,
    recorded_at: datetime,
    call_ref: str | None = None,
    phone_e164: str | None = None,
    operator_id: int | None = None,
    within: timedelta | None = None,
) -> list[int]:
    """The ids of the attempts the recording may belong to, best first: the one of its
    `call_ref`, else those of its number and/or operator whose span (± the tolerance) holds
    `recorded_at`. Without a ref, a number or an operator: none."""
    if call_ref:
        by_ref = list(
            session.scalars(select(CallAttempt.id).where(CallAttempt.call_ref == call_ref))
        )
        if by_ref:
            return by_ref
    if not phone_e164 and operator_id is None:
        return []
    slack = tolerance(session) if within is None else within
    conditions = [
        CallAttempt.attempted_at >= recorded_at - LONGEST_CALL - slack,
        CallAttempt.attempted_at <= recorded_at + slack,
    ]
    if phone_e164:
        conditions.append(CallAttempt.phone_e164 == phone_e164)
    if operator_id is not None:
        conditions.append(CallAttempt.operator_id == operator_id)
    attempts = session.scalars(
        select(CallAttempt).where(*conditions).order_by(CallAttempt.attempted_at, CallAttempt.id)
    ).all()
    found = []
    for attempt in attempts:
        start, end = _span(attempt)
        if start - slack <= recorded_at <= end + slack:
            found.append((abs((recorded_at - start).total_seconds()), attempt.id))
    return [attempt_id for _distance, attempt_id in sorted(found)]


def file_to(
    session: Session,
    recording: CallRecording,
    attempt_id: int,
    *,
    by_id: int | None,
    now: datetime | None = None,
) -> None:
    """Attach the recording to the attempt (by hand when `by_id` is given; else matched); its
    file then belongs to the attempt's case."""
    recording.call_attempt_id = attempt_id
    recording.status = FILED
    recording.filed_by_id = by_id
    recording.filed_at = current_time(now)
    attachment = session.get(Attachment, recording.attachment_id)
    if attachment is not None:
        attachment.case_id = session.scalar(
            select(CallAttempt.case_id).where(CallAttempt.id == attempt_id)
        )


def match_tray(
    session: Session,
    *,
    actor_id: int | None = None,
    now: datetime | None = None,
    recording_ids: Collection[int] | None = None,
) -> int:
    """Try the tray again (new attempts may have been saved since): every waiting recording
    (of `recording_ids` when given) with a call id, a number or its seat's operator that now
    matches exactly one attempt is filed to it, audited as matched. Returns how many were
    filed. The caller owns the transaction."""
    query = select(CallRecording).where(CallRecording.status == TRAY)
    if recording_ids is not None:
        if not recording_ids:
            return 0
        query = query.where(CallRecording.id.in_(list(recording_ids)))
    waiting = session.scalars(query.order_by(CallRecording.recorded_at, CallRecording.id)).all()
    if not waiting:
        return 0
    slack = tolerance(session)
    filed = 0
    for recording in waiting:
        if not recording.call_ref and not recording.phone_e164 and recording.operator_id is None:
            continue  # nothing to match it by: filed by hand
        found = matching_attempts(
            session,
            recorded_at=recording.recorded_at,
            call_ref=recording.call_ref,
            phone_e164=recording.phone_e164,
            operator_id=recording.operator_id,
            within=slack,
        )
        if len(found) != 1:
            continue
        file_to(session, recording, found[0], by_id=None, now=now)
        record_change(
            session,
            actor_id=actor_id,
            action="recording.match",
            entity="call_recording",
            entity_uid=recording.uid,
            before={"status": TRAY, "call_attempt_id": None},
            after={"status": FILED, "call_attempt_id": found[0]},
        )
        filed += 1
    return filed


@cache
@cache
def _tray_near_query() -> Select:
    # On recorded_at's index, never status's: SQLite's planner, without statistics, prefers an
    # equality (every recording in the tray), which the status wrapped in coalesce is not. Only
    # the recordings near in time are read.
    return select(CallRecording.id).where(
        CallRecording.recorded_at >= bindparam("start", type_=CallRecording.recorded_at.type),
        CallRecording.recorded_at <= bindparam("end", type_=CallRecording.recorded_at.type),
        func.coalesce(CallRecording.status, "") == TRAY,
    )


def match_saved_attempt(
    session: Session,
    attempt: CallAttempt | AttemptSpan,
    *,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Match the tray again for the call attempt just saved (the object, or the span of a row
    written with Core statements), in the caller's transaction; how many recordings were filed.

    The desk's save is a hot path: one indexed query on the recordings' time near the
    attempt's span (within the largest tolerance the setting allows, so that the setting itself
    is read only when something is near); the matching itself, with the tolerance set, only
    when a tray recording is that near.
    """
    connection = session.connection()
    start, end = _span(attempt)
    slack = timedelta(seconds=OPTIONS["recordings.match_seconds"].maximum)
    near = (
        connection.execute(_tray_near_query(), {"start": start - slack, "end": end + slack})
        .scalars()
        .all()
    )
    if not near:
        return 0
    return match_tray(session, actor_id=actor_id, now=now, recording_ids=near)
