"""Evidence for an appeal against a 差评 (申诉证据): files from the seat's disk, checked by their
content as scans are (an image or a PDF, within `scanning.max_megabytes`), stored once by SHA-256
in the attachment store, filed to the review's case and linked to the review. They travel in sync
files with the attachments, and open from the case's history like any attachment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Refused
from app.file_errors import file_error_text
from app.i18n import pick
from app.scanning.files import check_scan
from app.scanning.store import AttachmentStore, sha256_of
from app.settings import get_setting
from db.models import Attachment, BadReview, BadReviewEvidence, CallbackTask

EVIDENCE_KIND = "appeal_evidence"  # attachments.kind
MAX_FILES = 20  # per appeal: evidence, not an archive


@dataclass(frozen=True)
class EvidenceFile:
    name: str  # as the file was called on the seat's disk
    data: bytes


class EvidenceRefused(Refused, ValueError):
    """An evidence file that cannot be taken; the message names it and says why."""

    field = "evidence"


def read_evidence(paths: Iterable[Path | str]) -> list[EvidenceFile]:
    """The chosen files' names and bytes; a file that cannot be read is refused by name."""
    files = []
    for path in paths:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise EvidenceRefused(
                pick(
                    f"无法读取证据文件：{file_error_text(error)}",
                    f"Cannot read the evidence file: {file_error_text(error)}",
                )
            ) from error
        files.append(EvidenceFile(path.name, data))
    return files


def store_evidence(
    session: Session, store: AttachmentStore, review: BadReview, files: Sequence[EvidenceFile]
) -> list[Attachment]:
    """Check every file first, then store them and link them to the review; the same file twice
    is kept once. Raises app.scanning.files.ScanRefused for a file that is not an image or PDF."""
    if len(files) > MAX_FILES:
        raise EvidenceRefused(
            pick(
                f"证据文件太多（{len(files)} 份），每次申诉最多 {MAX_FILES} 份",
                f"Too many evidence files ({len(files)}); at most {MAX_FILES} per appeal",
            )
        )
    limit = int(get_setting(session, "scanning.max_megabytes")) * 1024 * 1024
    checked = {}
    for file in files:
        scan = check_scan(file.data, file.name, max_bytes=limit)
        checked.setdefault(sha256_of(file.data), (file, scan))
    case_id = session.scalar(
        select(CallbackTask.case_id).where(CallbackTask.id == review.callback_task_id)
    )
    stored = []
    for digest, (file, scan) in checked.items():
        store.put(session, file.data)
        attachment = Attachment(
            sha256=digest,
            case_id=case_id,
            kind=EVIDENCE_KIND,
            filename=short_name(file.name),
            media_type=scan.media_type,
            size=len(file.data),
            pages=scan.pages,
            source="dialog",
        )
        session.add(attachment)
        session.flush()
        session.add(BadReviewEvidence(bad_review_id=review.id, attachment_id=attachment.id))
        stored.append(attachment)
    session.flush()
    return stored


def short_name(name: str | None) -> str | None:
    """The file's own name, without its folder, as an attachment keeps it (255 characters)."""
    if not name:
        return None
    own = PurePath(name.replace("\\", "/")).name
    return own[-255:] or None


@dataclass(frozen=True)
class EvidenceItem:
    attachment_id: int
    filename: str | None
    media_type: str
    size: int


def evidence_of(session: Session, review_id: int) -> list[EvidenceItem]:
    rows = session.execute(
        select(Attachment.id, Attachment.filename, Attachment.media_type, Attachment.size)
        .join(BadReviewEvidence, BadReviewEvidence.attachment_id == Attachment.id)
        .where(BadReviewEvidence.bad_review_id == review_id)
        .order_by(BadReviewEvidence.id)
    ).all()
    return [EvidenceItem(*row) for row in rows]
