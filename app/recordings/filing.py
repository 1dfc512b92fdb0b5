"""Recordings kept on the record: stored like scans, filed to their call attempts, or waiting in
the tray until a team lead files or discards them; and listened to, each time audited.

A recording is content-checked (app.recordings.wav), stored once by its SHA-256 in the
attachment store (app.scanning.store: never overwritten) as an attachment of kind "recording",
with a `call_recordings` row holding when it began, how long it lasts (measured from the file),
the number or call id it came with and the attempt it is filed to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.clock import current_time
from app.desk.outcomes import outcome_labels
from app.i18n import pick
from app.phones import mask_phone
from app.recordings.matching import (
    DISCARDED,
    FILED,
    PURGED,
    RECORDING_KIND,
    TRAY,
    file_to,
    matching_attempts,
    tolerance,
)
from app.recordings.names import clean_name
from app.recordings.wav import MAX_BYTES, WAV_MEDIA_TYPE, RecordingRefused, check_wav
from app.roles import Permission
from app.scanning.store import AttachmentStore, sha256_of
from app.staff import acting_member, require_permission
from db.models import Attachment, CallAttempt, CallRecording, Case, Staff

CALL_REF_LENGTH = 200  # call_recordings.call_ref


@dataclass(frozen=True)
class AddedRecording:
    recording_id: int
    status: str  # filed / tray (or, for a duplicate, whatever it is now)
    call_attempt_id: int | None
    duplicate: bool = False
    duration_seconds: int = 0


@dataclass(frozen=True)
class RecordingRow:
    """A recording as a list shows it (the tray, an attempt's recordings)."""

    recording_id: int
    status: str
    recorded_at: datetime
    duration_seconds: int
    filename: str | None
    phone: str | None  # masked
    call_ref: str | None
    call_attempt_id: int | None
    operator: str | None = None  # the seat's operator it came from (a softphone's recording)


@dataclass(frozen=True)
class CandidateAttempt:
    """A call attempt a tray recording may belong to."""

    call_attempt_id: int
    case_no: str
    attempted_at: datetime
    phone: str | None  # masked
    operator: str | None
    outcome: str
    has_recording: bool


def _recording(session: Session, recording_id: int) -> CallRecording:
    recording = session.get(CallRecording, recording_id)
    if recording is None:
        raise RecordingRefused(
            pick(f"找不到录音 {recording_id}", f"Recording {recording_id} not found")
        )
    return recording


def _row(recording: CallRecording, operator: str | None = None) -> RecordingRow:
    return RecordingRow(
        recording_id=recording.id,
        status=recording.status,
        recorded_at=recording.recorded_at,
        duration_seconds=recording.duration_seconds,
        filename=recording.filename,
        phone=mask_phone(recording.phone_e164) if recording.phone_e164 else None,
        call_ref=recording.call_ref,
        call_attempt_id=recording.call_attempt_id,
        operator=operator,
    )


def add_recording(
    session: Session,
    store: AttachmentStore,
    data: bytes,
    filename: str | None,
    *,
    recorded_at: datetime,
    actor_id: int | None,
    phone_e164: str | None = None,
    call_ref: str | None = None,
    operator_id: int | None = None,
    source: str = "folder",
    now: datetime | None = None,
    max_bytes: int = MAX_BYTES,
) -> AddedRecording:
    """Check, store and file one recording in the caller's transaction.

    Filed at once to the one attempt it matches (app.recordings.matching: by `call_ref`, else
    by `phone_e164` and/or `operator_id` — the seat's operator, kept with it for matching it
    again later — and time); else it waits in the tray. The same file again changes nothing and is reported as a duplicate. Raises
    RecordingRefused for a file that is not an acceptable recording."""
    info, _audio = check_wav(data, max_bytes=max_bytes)
    if recorded_at.tzinfo is None:
        raise ValueError(f"naive datetime {recorded_at!r}: give it a time zone")
    digest = sha256_of(data)
    earlier = session.scalar(
        select(CallRecording)
        .join(Attachment, Attachment.id == CallRecording.attachment_id)
        .where(Attachment.sha256 == digest, Attachment.kind == RECORDING_KIND)
    )
    if earlier is not None:
        return AddedRecording(
            earlier.id,
            earlier.status,
            earlier.call_attempt_id,
            duplicate=True,
            duration_seconds=earlier.duration_seconds,
        )
    name = clean_name(filename)
    store.put(session, data)
    attachment = Attachment(
        sha256=digest,
        kind=RECORDING_KIND,
        filename=name,
        media_type=WAV_MEDIA_TYPE,
        size=len(data),
        source=source[:20],
    )
    session.add(attachment)
    session.flush()
    call_ref = (call_ref or "").strip()[:CALL_REF_LENGTH] or None
    recording = CallRecording(
        attachment_id=attachment.id,
        status=TRAY,
        call_ref=call_ref,
        phone_e164=phone_e164,
        operator_id=operator_id,
        recorded_at=recorded_at,
        duration_seconds=info.duration_seconds,
        filename=name,
    )
    session.add(recording)
    found = matching_attempts(
        session,
        recorded_at=recorded_at,
        call_ref=call_ref,
        phone_e164=phone_e164,
        operator_id=operator_id,
        within=tolerance(session),
    )
    if len(found) == 1:
        file_to(session, recording, found[0], by_id=None, now=now)
    session.flush()
    record_change(
        session,
        actor_id=actor_id,
        action="recording.add",
        entity="call_recording",
        entity_uid=recording.uid,
        before=None,
        after={
            # Not the file's name: a PBX's names hold the number dialled.
            "sha256": digest,
            "source": source,
            "seconds": info.duration_seconds,
            "status": recording.status,
            "call_attempt_id": recording.call_attempt_id,
            "candidates": len(found),
        },
    )
    return AddedRecording(
        recording.id,
        recording.status,
        recording.call_attempt_id,
        duration_seconds=info.duration_seconds,
    )


def tray(session: Session, *, viewer_id: int | None) -> list[RecordingRow]:
    """The recordings waiting to be filed, oldest first (team leads and administrators)."""
    require_permission(session, viewer_id, Permission.LEAD_BOARD)
    rows = session.execute(
        select(CallRecording, Staff.name)
        .outerjoin(Staff, Staff.id == CallRecording.operator_id)
        .where(CallRecording.status == TRAY)
        .order_by(CallRecording.recorded_at, CallRecording.id)
    ).all()
    return [_row(recording, operator) for recording, operator in rows]


def tray_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(CallRecording).where(CallRecording.status == TRAY)
        )
        or 0
    )


def candidates(
    session: Session, recording_id: int, *, viewer_id: int | None, limit: int = 30
) -> list[CandidateAttempt]:
    """The attempts a tray recording may be filed to, nearest in time first: those of its
    number, call id or seat's operator within the tolerance, else every attempt within it."""
    require_permission(session, viewer_id, Permission.LEAD_BOARD)
    recording = _recording(session, recording_id)
    slack = tolerance(session)
    ids = matching_attempts(
        session,
        recorded_at=recording.recorded_at,
        call_ref=recording.call_ref,
        phone_e164=recording.phone_e164,
        operator_id=recording.operator_id,
        within=slack,
    )
    if not ids:
        near = session.execute(
            select(CallAttempt.id, CallAttempt.attempted_at).where(
                CallAttempt.attempted_at >= recording.recorded_at - slack * 2,
                CallAttempt.attempted_at <= recording.recorded_at + slack,
            )
        ).all()
        ids = [
            attempt_id
            for attempt_id, at in sorted(
                near, key=lambda row: abs((row[1] - recording.recorded_at).total_seconds())
            )
        ]
    ids = ids[:limit]
    if not ids:
        return []
    rows = session.execute(
        select(CallAttempt, Case.case_no, Staff.name)
        .join(Case, Case.id == CallAttempt.case_id)
        .outerjoin(Staff, Staff.id == CallAttempt.operator_id)
        .where(CallAttempt.id.in_(ids))
    ).all()
    recorded = set(
        session.scalars(
            select(CallRecording.call_attempt_id).where(
                CallRecording.call_attempt_id.in_(ids), CallRecording.status == FILED
            )
        )
    )
    labels = outcome_labels(session)
    by_id = {
        attempt.id: CandidateAttempt(
            call_attempt_id=attempt.id,
            case_no=case_no,
            attempted_at=attempt.attempted_at,
            phone=mask_phone(attempt.phone_e164 or attempt.phone_original)
            if (attempt.phone_e164 or attempt.phone_original)
            else None,
            operator=operator,
            outcome=labels.get(attempt.outcome, attempt.outcome),
            has_recording=attempt.id in recorded,
        )
        for attempt, case_no, operator in rows
    }
    return [by_id[attempt_id] for attempt_id in ids if attempt_id in by_id]


def _audit(session: Session, recording: CallRecording, action: str, by_id, before: dict) -> None:
    record_change(
        session,
        actor_id=by_id,
        action=action,
        entity="call_recording",
        entity_uid=recording.uid,
        before=before,
        after={"status": recording.status, "call_attempt_id": recording.call_attempt_id},
    )


def file_recording(
    session: Session,
    recording_id: int,
    call_attempt_id: int,
    *,
    by_id: int | None,
    now: datetime | None = None,
) -> None:
    """File a recording by hand to a call attempt (from the tray, or to correct a match);
    team leads and administrators, audited."""
    require_permission(session, by_id, Permission.LEAD_BOARD)
    recording = _recording(session, recording_id)
    if recording.status == PURGED:
        raise RecordingRefused(
            pick("此录音已按保留期限清除", "This recording was purged under the retention rule")
        )
    attempt = session.get(CallAttempt, call_attempt_id)
    if attempt is None:
        raise RecordingRefused(
            pick(f"找不到拨打记录 {call_attempt_id}", f"Call attempt {call_attempt_id} not found")
        )
    before = {"status": recording.status, "call_attempt_id": recording.call_attempt_id}
    file_to(session, recording, attempt.id, by_id=by_id, now=now)
    session.flush()
    _audit(session, recording, "recording.file", by_id, before)


def discard_recording(
    session: Session, recording_id: int, *, by_id: int | None, now: datetime | None = None
) -> None:
    """Take a recording out of the tray (a test call, a wrong number): it stays stored, filed to
    nothing; team leads and administrators, audited."""
    require_permission(session, by_id, Permission.LEAD_BOARD)
    recording = _recording(session, recording_id)
    if recording.status == PURGED:
        raise RecordingRefused(
            pick("此录音已按保留期限清除", "This recording was purged under the retention rule")
        )
    before = {"status": recording.status, "call_attempt_id": recording.call_attempt_id}
    recording.status = DISCARDED
    recording.call_attempt_id = None
    recording.filed_by_id = by_id
    recording.filed_at = current_time(now)
    attachment = session.get(Attachment, recording.attachment_id)
    if attachment is not None:
        attachment.case_id = None
    session.flush()
    _audit(session, recording, "recording.discard", by_id, before)


# Listening


def attempt_recordings(
    session: Session, call_attempt_id: int, *, viewer_id: int | None
) -> list[RecordingRow]:
    """The recordings filed to a call attempt, in the order they were made; anyone who may
    see the case (logged in) — listening is what is audited (`listen`)."""
    acting_member(session, viewer_id)
    rows = session.scalars(
        select(CallRecording)
        .where(
            CallRecording.call_attempt_id == call_attempt_id,
            CallRecording.status == FILED,
        )
        .order_by(CallRecording.recorded_at, CallRecording.id)
    ).all()
    return [_row(recording) for recording in rows]


def recorded_attempts(session: Session, case_id: int) -> dict[int, int]:
    """A case's attempts that have a recording: attempt id → seconds recorded (for the history
    to show which calls can be played; the playing itself is audited)."""
    rows = session.execute(
        select(CallRecording.call_attempt_id, func.sum(CallRecording.duration_seconds))
        .join(CallAttempt, CallAttempt.id == CallRecording.call_attempt_id)
        .where(CallAttempt.case_id == case_id, CallRecording.status == FILED)
        .group_by(CallRecording.call_attempt_id)
    ).all()
    return {attempt_id: int(seconds or 0) for attempt_id, seconds in rows}


def listen(
    session: Session,
    store: AttachmentStore,
    recording_id: int,
    *,
    by_id: int | None,
) -> bytes:
    """The recording's file, to be played, and the audit entry that says who listened when
    (action recording.listen). A filed recording: anyone who may see its case (logged in); one
    in the tray or discarded: team leads and administrators, who file them. The caller commits
    (the entry stands only when the transaction does)."""
    recording = _recording(session, recording_id)
    if recording.status == FILED:
        acting_member(session, by_id)
    else:
        require_permission(session, by_id, Permission.LEAD_BOARD)
    if recording.status == PURGED:
        raise RecordingRefused(
            pick("此录音已按保留期限清除", "This recording was purged under the retention rule")
        )
    attachment = session.get(Attachment, recording.attachment_id)
    assert attachment is not None  # a foreign key
    data = store.get(session, attachment.sha256)
    record_change(
        session,
        actor_id=by_id,
        action="recording.listen",
        entity="call_recording",
        entity_uid=recording.uid,
        before=None,
        after={"call_attempt_id": recording.call_attempt_id, "status": recording.status},
    )
    return data
