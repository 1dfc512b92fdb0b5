"""Recordings forgotten under the retention setting (app.retention): those filed to a case past
its retention, and those never filed (tray, discarded) made before the cut-off.

A voice is personal data through and through, so the file itself goes, not only the number:
its bytes leave the attachment store (a PostgreSQL row in the purge's transaction; a file beside a
SQLite database once that transaction has committed, so a purge rolled back loses nothing). The
rows stay, marked purged, with their time and length: the reports still count recorded calls.
"""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.recordings.folder import after_commit
from app.recordings.matching import PURGED, RECORDING_KIND
from app.scanning.store import AttachmentStore, FolderStore
from db.models import Attachment, AttachmentBlob, CallAttempt, CallRecording


def _store(session: Session) -> AttachmentStore:
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    return AttachmentStore.for_database(
        SimpleNamespace(url=engine.url.render_as_string(hide_password=False), engine=engine)
    )


def purge_recordings(session: Session, cases, before: datetime, *, apply: bool) -> int:
    """How many recordings are (`apply` False) or were forgotten: those of the call attempts of
    `cases` (a select of case ids), and those filed to no call recorded before `before`."""
    attempts = select(CallAttempt.id).where(CallAttempt.case_id.in_(cases))
    where = [
        CallRecording.status != PURGED,
        or_(
            CallRecording.call_attempt_id.in_(attempts),
            (CallRecording.call_attempt_id.is_(None) & (CallRecording.recorded_at < before)),
        ),
    ]
    count = session.scalar(select(func.count()).select_from(CallRecording).where(*where)) or 0
    if not apply or not count:
        return count
    rows = session.execute(
        select(CallRecording.id, Attachment.id, Attachment.sha256)
        .join(Attachment, Attachment.id == CallRecording.attachment_id)
        .where(*where)
    ).all()
    recording_ids = [row[0] for row in rows]
    attachment_ids = [row[1] for row in rows]
    digests = {row[2] for row in rows}
    session.execute(
        update(CallRecording)
        .where(CallRecording.id.in_(recording_ids))
        .values(status=PURGED, phone_e164=None, filename=None, call_ref=None),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        update(Attachment).where(Attachment.id.in_(attachment_ids)).values(filename=None),
        execution_options={"synchronize_session": False},
    )
    # A file kept for something else too (the same bytes attached as evidence) stays.
    shared = set(
        session.scalars(
            select(Attachment.sha256).where(
                Attachment.sha256.in_(digests),
                or_(Attachment.kind != RECORDING_KIND, Attachment.id.not_in(attachment_ids)),
            )
        )
    )
    gone = sorted(digests - shared)
    store = _store(session)
    if isinstance(store, FolderStore):
        paths = [store.path_for(digest) for digest in gone]
        after_commit(session, lambda: [path.unlink(missing_ok=True) for path in paths])
    elif gone:
        session.execute(
            delete(AttachmentBlob).where(AttachmentBlob.sha256.in_(gone)),
            execution_options={"synchronize_session": False},
        )
    return count
