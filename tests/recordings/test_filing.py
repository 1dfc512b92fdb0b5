"""Recordings find their call attempt by the call's id, or by number / seat and time; the rest
wait in the tray, which a team lead files or discards (audited); every listen is audited."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import Cancelled
from app.recordings.filing import (
    add_recording,
    attempt_recordings,
    candidates,
    discard_recording,
    file_recording,
    listen,
    recorded_attempts,
    tray,
)
from app.recordings.folder import FolderRefused, import_recordings
from app.recordings.matching import DISCARDED, FILED, TRAY, match_tray
from app.recordings.wav import RecordingRefused, check_wav
from app.roles import NotPermitted
from app.scanning.store import AttachmentStore
from app.settings import set_setting
from db.models import Attachment, AuditEntry, CallRecording

from .helpers import CALL_AT, MOBILE_E164, OTHER_E164, add_attempt, wav

OLD = 3600.0  # seconds: files written an hour ago are finished


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The recordings folder (not tmp_path itself: a SQLite test database lives there)."""
    path = tmp_path / "recordings"
    path.mkdir()
    return path


def _store(database) -> AttachmentStore:
    return AttachmentStore.for_database(database)


def _drop(folder: Path, name: str, data: bytes, *, age: float = OLD) -> Path:
    path = folder / name
    path.write_bytes(data)
    moment = time.time() - age
    os.utime(path, (moment, moment))
    return path


def _import(database, folder: Path, actor_id: int, **kwargs):
    with database.sessions.begin() as session:
        return import_recordings(session, _store(database), folder, actor_id=actor_id, **kwargs)


def _recordings(database) -> list[CallRecording]:
    with database.sessions() as session:
        return list(session.scalars(select(CallRecording).order_by(CallRecording.id)))


def _actions(database) -> list[str]:
    with database.sessions() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_a_recording_with_the_calls_id_is_filed_to_it(any_db, people):
    with any_db.sessions.begin() as session:
        added = add_recording(
            session,
            _store(any_db),
            wav(2.0),
            "x.wav",
            recorded_at=CALL_AT + timedelta(hours=3),  # the id decides, not the time
            call_ref="call-1",
            actor_id=people.operator,
        )
    assert (added.status, added.call_attempt_id, added.duration_seconds) == (
        FILED,
        people.attempt_id,
        2,
    )
    with any_db.sessions() as session:
        attachment = session.scalar(select(Attachment))
        assert (attachment.kind, attachment.case_id, attachment.media_type) == (
            "recording",
            people.case_id,
            "audio/wav",
        )
        assert recorded_attempts(session, people.case_id) == {people.attempt_id: 2}
    assert "recording.add" in _actions(any_db)


def test_a_pbx_folder_files_by_number_and_time_and_moves_files_aside(any_db, people, folder):
    _drop(folder, "13812345678_20261207-101530.wav", wav(1.0))  # 30 s into the call
    _drop(folder, "20261207-120000_13812345678.wav", wav(1.5))  # two hours later: no call
    _drop(folder, "=SUM(A1).mp3", b"ID3=SUM(A1)")
    _drop(folder, "notes.txt", b"=SUM(A1)")  # not a sound file: not ours, left alone
    _drop(folder, "revisitdesk.sqlite3", b"SQLite format 3\x00")  # a folder chosen by mistake
    _drop(folder, "fresh.wav", wav(0.5), age=-OLD)  # still being written (changed "now")
    result = _import(any_db, folder, people.lead)
    assert (result.filed, result.tray, result.refused, result.duplicate) == (1, 1, 1, 0)
    assert "=SUM(A1).mp3" in result.messages[0] and "RIFF" in result.messages[0]
    first, second = _recordings(any_db)
    assert (first.status, first.call_attempt_id, first.phone_e164) == (
        FILED,
        people.attempt_id,
        MOBILE_E164,
    )
    assert (second.status, second.call_attempt_id) == (TRAY, None)
    assert sorted(p.name for p in (folder / "done").iterdir()) == [
        "13812345678_20261207-101530.wav",
        "20261207-120000_13812345678.wav",
    ]
    refused = sorted(p.name for p in (folder / "refused").iterdir())
    assert refused == ["=SUM(A1).mp3", "=SUM(A1).mp3.txt"]
    assert "RIFF" in (folder / "refused" / "=SUM(A1).mp3.txt").read_text("utf-8")
    assert (folder / "fresh.wav").exists()
    assert (folder / "notes.txt").read_bytes() == b"=SUM(A1)"
    assert (folder / "revisitdesk.sqlite3").exists()


def test_baresips_two_halves_are_filed_as_one_stereo_recording_of_the_seats_call(
    any_db, people, folder
):
    _drop(folder, "dump-2026-12-07-10-15-05-enc.wav", wav(1.0, tone=300))
    _drop(folder, "dump-2026-12-07-10-15-05-dec.wav", wav(1.2, tone=800))
    result = _import(any_db, folder, people.operator)
    assert (result.filed, result.tray, result.waiting) == (1, 0, 0)
    [recording] = _recordings(any_db)
    assert recording.call_attempt_id == people.attempt_id
    assert recording.filename == "dump-2026-12-07-10-15-05.wav"
    assert recording.phone_e164 is None and recording.duration_seconds == 1
    assert recording.operator_id == people.operator  # who ran the import, when not told
    with any_db.sessions() as session:
        data = listen(session, _store(any_db), recording.id, by_id=people.operator)
    info, _ = check_wav(data)
    assert (info.channels, info.frames) == (2, 9600)
    assert len(list((folder / "done").iterdir())) == 2


def test_another_seats_import_does_not_take_a_recording_for_its_operator(any_db, people, folder):
    # The lead's seat has no call at that time: the recording goes to the tray at once, kept
    # as the lead's seat's, and matching the tray again never gives it to the operator's call.
    _drop(folder, "dump-2026-12-07-10-15-05-enc.wav", wav(1.0), age=60)
    _drop(folder, "dump-2026-12-07-10-15-05-dec.wav", wav(1.0), age=60)
    result = _import(any_db, folder, people.lead)
    assert (result.tray, result.waiting) == (1, 0)
    [recording] = _recordings(any_db)
    assert (recording.status, recording.operator_id) == (TRAY, people.lead)
    with any_db.sessions.begin() as session:
        assert match_tray(session, actor_id=people.operator) == 0


def test_the_seats_operator_is_given_apart_from_who_runs_the_import(any_db, people, folder):
    _drop(folder, "dump-2026-12-07-10-15-05-enc.wav", wav(1.0))
    _drop(folder, "dump-2026-12-07-10-15-05-dec.wav", wav(1.1))
    result = _import(any_db, folder, people.lead, operator_id=people.operator)  # at its seat
    assert result.filed == 1
    [recording] = _recordings(any_db)
    assert (recording.call_attempt_id, recording.operator_id) == (
        people.attempt_id,
        people.operator,
    )
    with pytest.raises(FolderRefused, match="回访员"):
        _import(any_db, folder, people.lead, operator_id=999_999)


def test_a_stereo_opus_pair_is_mixed_down_and_filed(any_db, people, folder):
    _drop(folder, "dump-2026-12-07-10-15-05-enc.wav", wav(1.0, rate=48000, channels=2))
    _drop(folder, "dump-2026-12-07-10-15-05-dec.wav", wav(1.0, rate=48000, channels=2, tone=700))
    result = _import(any_db, folder, people.operator)
    assert (result.filed, result.refused) == (1, 0), result.messages
    [recording] = _recordings(any_db)
    with any_db.sessions() as session:
        info, _ = check_wav(listen(session, _store(any_db), recording.id, by_id=people.operator))
    assert (info.channels, info.rate, info.frames) == (2, 48000, 48000)


def test_halves_a_second_apart_are_one_call(any_db, people, folder):
    # baresip stamps each half when it opens it: 10:15:05.98 and 10:15:06.01.
    _drop(folder, "dump-2026-12-07-10-15-05-enc.wav", wav(1.0))
    _drop(folder, "dump-2026-12-07-10-15-06-dec.wav", wav(1.0))
    _drop(folder, "dump-2026-12-07-10-15-30-dec.wav", wav(1.0), age=60)  # 24 s later: alone
    result = _import(any_db, folder, people.operator)
    assert (result.filed, result.waiting) == (1, 1)
    [recording] = _recordings(any_db)
    assert recording.filename == "dump-2026-12-07-10-15-05.wav"
    assert check_wav(listen_data(any_db, recording.id, people.operator))[0].channels == 2


def listen_data(database, recording_id: int, by_id: int) -> bytes:
    with database.sessions() as session:
        return listen(session, _store(database), recording_id, by_id=by_id)


def test_a_half_waits_while_its_other_half_is_still_written(any_db, people, folder):
    _drop(folder, "dump-2026-12-07-10-15-05-dec.wav", wav(1.0))  # no sound heard: old
    _drop(folder, "dump-2026-12-07-10-15-05-enc.wav", wav(1.0), age=-OLD)  # still written
    assert _import(any_db, folder, people.operator, wait_seconds=30).waiting == 1
    assert _recordings(any_db) == []
    os.utime(folder / "dump-2026-12-07-10-15-05-enc.wav", (time.time() - OLD,) * 2)
    result = _import(any_db, folder, people.operator, wait_seconds=30)
    assert (result.filed, result.waiting) == (1, 0)


def test_a_lone_half_waits_for_its_pair_then_is_kept_alone(any_db, people, folder):
    _drop(folder, "dump-2026-12-07-10-15-05-dec.wav", wav(1.0), age=60)
    assert _import(any_db, folder, people.operator).waiting == 1
    result = _import(any_db, folder, people.operator, wait_seconds=30)
    assert result.filed == 1
    [recording] = _recordings(any_db)
    assert recording.filename == "dump-2026-12-07-10-15-05-dec.wav"


def test_two_calls_of_the_number_within_the_tolerance_leave_it_in_the_tray(any_db, people, folder):
    add_attempt(any_db, people.case_id, CALL_AT + timedelta(seconds=100), operator_id=None)
    _drop(folder, "13812345678_20261207-101630.wav", wav(1.0))
    assert _import(any_db, folder, people.lead).tray == 1
    with any_db.sessions() as session:
        [row] = tray(session, viewer_id=people.lead)
        found = candidates(session, row.recording_id, viewer_id=people.lead)
        assert len(found) == 2 and {c.case_no for c in found} == {"BDC2026120700001"}
        assert found[0].phone == "138****5678"


def test_the_tray_is_matched_again_when_the_attempt_is_saved_later(any_db, people, folder):
    _drop(folder, "13912345678_20261207-140000.wav", wav(1.0))
    assert _import(any_db, folder, people.lead).tray == 1
    later = CALL_AT + timedelta(hours=3, minutes=44, seconds=30)
    attempt = add_attempt(any_db, people.case_id, later, operator_id=None, phone=OTHER_E164)
    with any_db.sessions.begin() as session:
        assert match_tray(session, actor_id=people.lead) == 1
    [recording] = _recordings(any_db)
    assert (recording.status, recording.call_attempt_id, recording.filed_by_id) == (
        FILED,
        attempt,
        None,
    )
    assert _actions(any_db)[-1] == "recording.match"


def test_the_tolerance_is_a_setting(any_db, people):
    with any_db.sessions.begin() as session:
        set_setting(session, "recordings.match_seconds", 10, by_id=people.admin)
        added = add_recording(
            session,
            _store(any_db),
            wav(1.0),
            "late.wav",
            recorded_at=CALL_AT + timedelta(seconds=95 + 30),  # 30 s after the call ended
            phone_e164=MOBILE_E164,
            actor_id=people.lead,
        )
    assert added.status == TRAY


def test_the_same_file_twice_is_kept_once(any_db, people, folder):
    data = wav(1.0)
    _drop(folder, "13812345678_20261207-101530.wav", data)
    _drop(folder, "copy.wav", data)
    result = _import(any_db, folder, people.lead)
    assert (result.filed, result.duplicate) == (1, 1)
    _drop(folder, "again.wav", data)
    assert _import(any_db, folder, people.lead).duplicate == 1
    assert len(_recordings(any_db)) == 1


def test_a_rolled_back_import_moves_no_file(any_db, people, folder):
    _drop(folder, "13812345678_20261207-101530.wav", wav(1.0))
    _drop(folder, "bad.wav", b"RIFF")

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        _import(any_db, folder, people.lead, progress=cancel)
    assert _recordings(any_db) == []
    assert sorted(p.name for p in folder.iterdir()) == [
        "13812345678_20261207-101530.wav",
        "bad.wav",
    ]
    result = _import(any_db, folder, people.lead)
    assert (result.filed, result.refused) == (1, 1)


def test_a_missing_folder_is_refused(any_db, people, folder):
    with pytest.raises(FolderRefused, match="不存在"):
        _import(any_db, folder / "nowhere", people.lead)


def test_hostile_names_are_kept_as_text(any_db, people, folder):
    name = '=HYPERLINK("http:&&x","y") \u202e.wav'
    _drop(folder, name, wav(1.0))
    assert _import(any_db, folder, people.lead).tray == 1
    [recording] = _recordings(any_db)
    assert recording.filename == name.replace("\u202e", " ").strip()
    assert (folder / "done" / name).exists()


def test_a_lead_files_and_discards_tray_recordings_an_operator_may_not(any_db, people):
    with any_db.sessions.begin() as session:
        ids = [
            add_recording(
                session,
                _store(any_db),
                wav(1.0 + n),
                f"{n}.wav",
                recorded_at=CALL_AT,
                actor_id=people.lead,
            ).recording_id
            for n in range(2)
        ]
    with any_db.sessions() as session:
        with pytest.raises(NotPermitted):
            tray(session, viewer_id=people.operator)
        with pytest.raises(NotPermitted):
            file_recording(session, ids[0], people.attempt_id, by_id=people.operator)
        with pytest.raises(NotPermitted):
            discard_recording(session, ids[1], by_id=people.auditor)
        with pytest.raises(NotPermitted):  # a tray recording: heard by those who file it
            listen(session, _store(any_db), ids[0], by_id=people.operator)
        with pytest.raises(RecordingRefused, match="找不到拨打记录"):
            file_recording(session, ids[0], 999999, by_id=people.lead)
    with any_db.sessions.begin() as session:
        file_recording(session, ids[0], people.attempt_id, by_id=people.lead)
        discard_recording(session, ids[1], by_id=people.admin)
    first, second = _recordings(any_db)
    assert (first.status, first.call_attempt_id, first.filed_by_id) == (
        FILED,
        people.attempt_id,
        people.lead,
    )
    assert (second.status, second.call_attempt_id) == (DISCARDED, None)
    with any_db.sessions() as session:
        entries = session.execute(
            select(AuditEntry.action, AuditEntry.actor, AuditEntry.after).where(
                AuditEntry.action.in_(("recording.file", "recording.discard"))
            )
        ).all()
        assert [(a, actor.split(" ")[0], after["status"]) for a, actor, after in entries] == [
            ("recording.file", "张组长", FILED),
            ("recording.discard", "赵管理", DISCARDED),
        ]
        assert tray(session, viewer_id=people.lead) == []


def test_anyone_who_sees_the_case_listens_and_each_listen_is_audited(any_db, people):
    data = wav(1.0)
    with any_db.sessions.begin() as session:
        recording_id = add_recording(
            session,
            _store(any_db),
            data,
            "a.wav",
            recorded_at=CALL_AT,
            call_ref="call-1",
            actor_id=None,
        ).recording_id
    for who in (people.operator, people.auditor, people.operator):
        with any_db.sessions.begin() as session:
            assert listen(session, _store(any_db), recording_id, by_id=who) == data
    with any_db.sessions() as session:
        [row] = attempt_recordings(session, people.attempt_id, viewer_id=people.auditor)
        assert row.recording_id == recording_id and row.duration_seconds == 1
        listens = session.execute(
            select(AuditEntry.actor, AuditEntry.entity).where(
                AuditEntry.action == "recording.listen"
            )
        ).all()
        assert [actor.split(" ")[0] for actor, _ in listens] == ["王芳", "钱审计", "王芳"]
        assert {entity for _, entity in listens} == {"call_recording"}
        # Nobody logged in, where people have passwords: refused.
        with pytest.raises(NotPermitted):
            listen(session, _store(any_db), recording_id, by_id=None)
        assert session.scalar(select(func.count()).select_from(CallRecording)) == 1
