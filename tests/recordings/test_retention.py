"""Recordings fall under the retention setting: counted in the preview, and purged — the file
itself — with their case; tray recordings made before the cut-off too."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.recordings.filing import add_recording, listen
from app.recordings.matching import PURGED
from app.recordings.wav import RecordingRefused
from app.retention import preview, purge
from app.scanning.store import AttachmentStore, StoreError
from db.models import Attachment, CallRecording

from .helpers import CALL_AT, wav

LATER = date(2030, 6, 1)  # the case (completed 2026-12-01) is then past three years


def test_recordings_are_counted_then_purged_with_their_case(any_db, people):
    store = AttachmentStore.for_database(any_db)
    with any_db.sessions.begin() as session:
        filed = add_recording(
            session, store, wav(1.0), "a.wav", recorded_at=CALL_AT, call_ref="call-1", actor_id=None
        )
        waiting = add_recording(
            session, store, wav(2.0), "b.wav", recorded_at=CALL_AT, actor_id=None
        )
    with any_db.sessions() as session:
        assert preview(session, date(2027, 6, 1), by_id=people.admin).recordings == 0
        counts = preview(session, LATER, by_id=people.admin)
        assert counts.recordings == 2
        digests = list(session.scalars(select(Attachment.sha256)))
        assert all(store.exists(session, digest) for digest in digests)
    with any_db.sessions.begin() as session:
        assert purge(session, LATER, cutoff=counts.cutoff, by_id=people.admin).recordings == 2
    with any_db.sessions() as session:
        rows = session.scalars(select(CallRecording).order_by(CallRecording.id)).all()
        assert [(r.status, r.filename, r.phone_e164) for r in rows] == [(PURGED, None, None)] * 2
        assert [r.duration_seconds for r in rows] == [1, 2]  # the figures stay
        assert not any(store.exists(session, digest) for digest in digests)
        with pytest.raises(RecordingRefused, match="清除"):
            listen(session, store, filed.recording_id, by_id=people.admin)
        with pytest.raises(RecordingRefused, match="清除"):
            listen(session, store, waiting.recording_id, by_id=people.admin)
        assert preview(session, LATER, by_id=people.admin).recordings == 0


def test_a_purge_rolled_back_keeps_the_files(sqlite_db, sqlite_people):
    store = AttachmentStore.for_database(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        add_recording(session, store, wav(1.0), "a.wav", recorded_at=CALL_AT, actor_id=None)
    with sqlite_db.sessions() as session:
        counts = preview(session, LATER, by_id=sqlite_people.admin)
    with pytest.raises(RuntimeError), sqlite_db.sessions.begin() as session:
        purge(session, LATER, cutoff=counts.cutoff, by_id=sqlite_people.admin)
        raise RuntimeError("the power went")
    with sqlite_db.sessions() as session:
        [digest] = session.scalars(select(Attachment.sha256))
        assert store.get(session, digest) == wav(1.0)
        assert session.scalar(select(CallRecording.status)) == "tray"
    with sqlite_db.sessions.begin() as session:
        purge(session, LATER, cutoff=counts.cutoff, by_id=sqlite_people.admin)
    with sqlite_db.sessions() as session, pytest.raises(StoreError):
        store.get(session, digest)
