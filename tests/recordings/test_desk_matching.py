"""A recording imported before its call attempt is saved waits in the tray, and the desk's save
of that attempt files it: a softphone's recording (no number) by the seat's operator kept with
it, a PBX's by its number. The desk looks only at the tray recordings near the attempt's time."""

from __future__ import annotations

import os
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select

from app.desk.calls import FormAAnswers, record_failed_call, save_form_a
from app.desk.queue import next_case
from app.ratings import Rating
from app.recordings.filing import add_recording
from app.recordings.folder import import_recordings, seat_operator
from app.recordings.matching import FILED, TRAY, AttemptSpan, match_saved_attempt
from app.scanning.store import AttachmentStore
from db.models import Attachment, AuditEntry, CallAttempt, CallRecording
from tests.desk import helpers as h

from .helpers import wav

NOW = h.local(2026, 11, 16, 10)  # Monday morning: the call is saved then
SATISFIED = FormAAnswers(
    overall=Rating.SATISFIED,
    efficiency=Rating.SATISFIED,
    attitude=Rating.SATISFIED,
    materials=Rating.SATISFIED,
    integrity_breach=False,
)
OLD = 3600.0


def _queue(database, case_no: str = "A-1") -> int:
    with database.sessions.begin() as session:
        hall = h.unit(session, f"不动产登记中心 {case_no}")
        row = h.case(session, hall, case_no, date(2026, 11, 2), phones=(h.MOBILE,))
        return h.entry(session, row, NOW - timedelta(hours=1)).id


def _drop(folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.write_bytes(data)
    os.utime(path, (time.time() - OLD,) * 2)


def _softphone_call(folder: Path, at) -> None:
    """baresip's two halves of a call that began at `at` (the seat's local time)."""
    stamp = f"{at:%Y-%m-%d-%H-%M-%S}"
    _drop(folder, f"dump-{stamp}-enc.wav", wav(1.0, tone=300))
    _drop(folder, f"dump-{stamp}-dec.wav", wav(1.0, tone=700))


def _import(database, folder: Path, operator_id: int | None):
    store = AttachmentStore.for_database(database)
    with database.sessions.begin() as session:
        return import_recordings(
            session, store, folder, actor_id=None, operator_id=operator_id, min_age_seconds=0
        )


def _recording(database) -> CallRecording:
    with database.sessions() as session:
        return session.scalars(select(CallRecording)).one()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "recordings"
    path.mkdir()
    return path


def test_a_softphone_recording_is_filed_when_its_form_a_is_saved(any_db, folder):
    operator, other = h.two_operators(any_db)
    entry_id = _queue(any_db)
    assert next_case(any_db, operator, now=NOW - timedelta(minutes=3)) is not None
    _softphone_call(folder, NOW - timedelta(seconds=80))  # talking, before the form is saved
    result = _import(any_db, folder, operator)
    assert (result.tray, result.waiting) == (1, 0)  # no attempt yet: the tray, not the folder
    recording = _recording(any_db)
    assert (recording.status, recording.operator_id) == (TRAY, operator)

    with any_db.sessions.begin() as session:
        save_form_a(
            session,
            entry_id,
            operator,
            SATISFIED,
            duration_seconds=95,
            phone_e164="+8613812345678",
            now=NOW,
        )
    with any_db.sessions() as session:
        attempt_id, case_id = session.execute(select(CallAttempt.id, CallAttempt.case_id)).one()
        recording = session.scalars(select(CallRecording)).one()
        assert (recording.status, recording.call_attempt_id, recording.filed_by_id) == (
            FILED,
            attempt_id,
            None,
        )
        attachment = session.get(Attachment, recording.attachment_id)
        assert attachment.case_id == case_id  # purged with its case
        match = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "recording.match")
        ).one()
        assert match.actor.startswith("王芳")  # the operator who saved the call


def test_a_failed_call_files_its_recording_and_another_operators_call_does_not(any_db, folder):
    operator, other = h.two_operators(any_db)
    first = _queue(any_db, "A-1")
    second = _queue(any_db, "A-2")
    _softphone_call(folder, NOW - timedelta(seconds=20))
    assert _import(any_db, folder, operator).tray == 1

    # Another operator saves a call at the same moment: not this seat's recording.
    taken = next_case(any_db, other, now=NOW - timedelta(minutes=1))
    assert taken is not None
    with any_db.sessions.begin() as session:
        record_failed_call(session, taken.entry_id, other, "no_answer", phone_e164=None, now=NOW)
    assert _recording(any_db).status == TRAY

    mine = next_case(any_db, operator, now=NOW - timedelta(minutes=1))
    assert mine is not None and {mine.entry_id, taken.entry_id} == {first, second}
    with any_db.sessions.begin() as session:
        record_failed_call(session, mine.entry_id, operator, "no_answer", phone_e164=None, now=NOW)
        attempt_id = session.scalar(
            select(CallAttempt.id).where(CallAttempt.operator_id == operator)
        )
    recording = _recording(any_db)
    assert (recording.status, recording.call_attempt_id) == (FILED, attempt_id)


def test_a_pbx_recording_in_the_tray_is_filed_by_its_number_when_the_call_is_saved(any_db):
    operator, _ = h.two_operators(any_db)
    entry_id = _queue(any_db)
    store = AttachmentStore.for_database(any_db)
    with any_db.sessions.begin() as session:
        added = add_recording(
            session,
            store,
            wav(1.0),
            "13812345678_20261116-095930.wav",
            recorded_at=NOW - timedelta(seconds=30),
            phone_e164="+8613812345678",
            actor_id=None,
        )
    assert added.status == TRAY
    assert next_case(any_db, operator, now=NOW - timedelta(minutes=2)) is not None
    with any_db.sessions.begin() as session:
        record_failed_call(session, entry_id, operator, "no_answer", phone_e164=None, now=NOW)
    assert _recording(any_db).status == FILED


def test_the_desk_reads_only_the_tray_near_the_attempt(sqlite_db):
    """The save's look at the tray: the recordings within the tolerance of the call, by the
    index on their time — never the whole tray, however large it grows."""
    operator, _ = h.two_operators(sqlite_db)
    entry_id = _queue(sqlite_db)
    store = AttachmentStore.for_database(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        for day in range(1, 40):  # a month's tray of unmatched recordings, none near the call
            add_recording(
                session,
                store,
                wav(0.1, tone=200 + day),
                f"x{day}.wav",
                recorded_at=NOW - timedelta(days=day),
                actor_id=None,
            )
    assert next_case(sqlite_db, operator, now=NOW - timedelta(minutes=2)) is not None
    statements: list[str] = []

    def seen(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        if "call_recordings" in statement:
            statements.append(statement)

    engine = sqlite_db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        with sqlite_db.sessions.begin() as session:
            record_failed_call(session, entry_id, operator, "no_answer", phone_e164=None, now=NOW)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert len(statements) == 1  # nothing near: no matching, no other query of the tray
    with sqlite_db.engine.connect() as connection:
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statements[0], (NOW, NOW, "", TRAY)
        ).all()
    assert "ix_call_recordings_recorded_at" in str(plan), plan


def test_matching_a_saved_attempt_by_its_object_or_its_span_gives_the_same(any_db):
    operator, _ = h.two_operators(any_db)
    with any_db.sessions.begin() as session:
        row = h.case(session, h.unit(session), "A-1", date(2026, 11, 2))
        attempt = h.attempt(session, row, "no_answer", NOW, operator_id=operator)
        span = AttemptSpan(
            attempt.attempted_at, attempt.ended_at, attempt.talk_seconds, attempt.duration_seconds
        )
        assert match_saved_attempt(session, attempt) == 0
        assert match_saved_attempt(session, span) == 0


def test_the_seats_operator_is_found_by_the_name_the_desk_remembers(any_db):
    operator, other = h.two_operators(any_db)
    with any_db.sessions() as session:
        assert seat_operator(session, " 王芳 ") == operator
        assert seat_operator(session, "李强") == other
        assert seat_operator(session, "无此人") is None
        assert seat_operator(session, "") is None and seat_operator(session, None) is None
