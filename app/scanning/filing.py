"""Adding scans and filing their pages to cases: by the page's QR code, or by hand from the tray.

A scan is stored once (by SHA-256) and gets one `scan_pages` row per page. A page whose QR code
names a known case is filed to it at once; any other page waits in the "unmatched" tray until a
person files it by case number or discards it. Everything `add_scan` does is one transaction:
a scan is either filed whole or not there at all (the file store may keep the bytes of a scan
whose transaction failed; they are found again by hash and reused).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePath

from PIL import Image
from sqlalchemy import case as sql_case
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.atomic_file import write_atomically
from app.enterprise.forms import PRINTED, RETURNED, FormBStatusError, mark_scanned
from app.errors import Refused
from app.i18n import pick
from app.scanning.files import ScanFile, check_scan, iter_page_images, render_page
from app.scanning.qr import read_page
from app.scanning.store import AttachmentStore, sha256_of
from app.settings import get_setting
from db.models import Attachment, AuditEntry, Case, EnterpriseFeedback, ScanPage, Unit
from db.types import utcnow

SCAN_KIND = "scan"  # attachments.kind of files added through the scanner panel
SOURCES = ("drop", "dialog", "folder", "scanner")
FILED, UNMATCHED, DISCARDED = "filed", "unmatched", "discarded"
QR_TEXT_LENGTH = 500  # scan_pages.qr_text


class FilingError(Refused, ValueError):
    """A page cannot be filed or discarded as asked; `message` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class PageResult:
    page_index: int
    status: str  # filed / unmatched / discarded
    case_no: str | None


@dataclass
class AddResult:
    attachment_id: int
    sha256: str
    # The scan was added before: the case(s) its pages are filed to ("A, B"), None if none is.
    duplicate_of_case: str | None
    pages: list[PageResult]
    duplicate: bool = False
    filename: str | None = None

    @property
    def message(self) -> str:
        """One line for the screen: what became of the scan."""
        filed = sum(page.status == FILED for page in self.pages)
        waiting = sum(page.status == UNMATCHED for page in self.pages)
        if self.duplicate:
            if self.duplicate_of_case:
                return pick(
                    f"此扫描件已添加过，已归档到业务件 {self.duplicate_of_case}",
                    f"This scan was added before: already filed to case {self.duplicate_of_case}",
                )
            return pick(
                "此扫描件已添加过，正在待匹配区等待处理",
                "This scan was added before and is waiting in the unmatched tray",
            )
        cases = ", ".join(sorted({p.case_no for p in self.pages if p.case_no}))
        return pick(
            f"共 {len(self.pages)} 页：{filed} 页已归档"
            + (f"（{cases}）" if cases else "")
            + (f"，{waiting} 页待匹配" if waiting else ""),
            f"{len(self.pages)} page(s): {filed} filed"
            + (f" ({cases})" if cases else "")
            + (f", {waiting} waiting in the unmatched tray" if waiting else ""),
        )


@dataclass
class TrayPage:
    attachment_id: int
    page_index: int
    filename: str | None
    added_at: datetime
    pages: int  # of the whole file
    source: str
    qr_text: str | None  # a code that was read but is not ours, failed its check, or is unknown


@dataclass
class CandidateCase:
    case_id: int
    case_no: str
    is_enterprise: bool
    enterprise_name: str | None
    applicant: str | None
    unit: str
    completed_on: date
    form_b_status: str | None


@dataclass
class CaseScan:
    attachment_id: int
    page_index: int
    pages: int
    filename: str | None
    media_type: str
    sha256: str
    source: str
    filed_at: datetime | None
    filed_by: str | None  # None: filed by its QR code


def max_scan_bytes(session: Session) -> int:
    return int(get_setting(session, "scanning.max_megabytes")) * 1024 * 1024


def add_scan(
    database,
    data: bytes,
    filename: str | None,
    *,
    source: str,
    operator: str | None = None,
) -> AddResult:
    """Check, store and file a scanned file in one transaction of its own.

    Raises app.scanning.files.ScanRefused for a file that is not an acceptable scan. The same
    file added again returns the earlier result with `duplicate` set and changes nothing.
    """
    if source not in SOURCES:
        raise ValueError(f"unknown scan source {source!r}; use one of {SOURCES}")
    with database.sessions() as session:
        scan = check_scan(data, filename, max_bytes=max_scan_bytes(session))
        digest = sha256_of(data)
        earlier = _scan_attachment(session, digest)
        if earlier is not None:
            return _duplicate(session, earlier)
    # QR reading takes a moment per page: done before the transaction, so that no lock is held.
    reads = [read_page(image) for image in iter_page_images(scan)]
    store = AttachmentStore.for_database(database)
    try:
        with database.sessions.begin() as session:
            # Another seat may have added the same file while the pages were being read.
            earlier = _scan_attachment(session, digest)
            if earlier is not None:
                return _duplicate(session, earlier)
            store.put(session, data)
            attachment = Attachment(
                sha256=digest,
                kind=SCAN_KIND,
                filename=_short_name(filename),
                media_type=scan.media_type,
                size=len(data),
                pages=scan.pages,
                source=source,
            )
            session.add(attachment)
            session.flush()
            now = utcnow()
            results = []
            for index, (case_no, qr_text) in enumerate(reads):
                page = ScanPage(
                    attachment_id=attachment.id,
                    page_index=index,
                    status=UNMATCHED,
                    qr_text=qr_text[:QR_TEXT_LENGTH] if qr_text else None,
                    source=source,
                )
                session.add(page)
                found = _case_by_no(session, case_no) if case_no else None
                if found is not None:
                    _file(session, page, found, filed_by=None, now=now)
                results.append(PageResult(index, page.status, found.case_no if found else None))
            session.flush()
            _sync_attachment(session, attachment)
            session.add(
                AuditEntry(
                    actor=operator,
                    action="scan.add",
                    entity="attachment",
                    entity_uid=attachment.uid,
                    after={
                        "sha256": digest,
                        "filename": attachment.filename,
                        "source": source,
                        "pages": [[r.status, r.case_no] for r in results],
                    },
                )
            )
            result = AddResult(
                attachment_id=attachment.id,
                sha256=digest,
                duplicate_of_case=None,
                pages=results,
                filename=attachment.filename,
            )
    except IntegrityError:
        # Two seats committed the same file at once: the unique index let one through.
        with database.sessions() as session:
            earlier = _scan_attachment(session, digest)
            if earlier is None:
                raise
            return _duplicate(session, earlier)
    return result


def _short_name(filename: str | None) -> str | None:
    if not filename:
        return None
    # Only the name is kept: the folder it came from says nothing once the file is stored.
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    return name[-255:]


def _scan_attachment(session: Session, digest: str) -> Attachment | None:
    return session.scalar(
        select(Attachment).where(Attachment.sha256 == digest, Attachment.kind == SCAN_KIND)
    )


def _duplicate(session: Session, attachment: Attachment) -> AddResult:
    rows = session.execute(
        select(ScanPage.page_index, ScanPage.status, Case.case_no)
        .outerjoin(Case, Case.id == ScanPage.case_id)
        .where(ScanPage.attachment_id == attachment.id)
        .order_by(ScanPage.page_index)
    ).all()
    pages = [PageResult(index, status, case_no) for index, status, case_no in rows]
    cases = sorted({page.case_no for page in pages if page.case_no})
    return AddResult(
        attachment_id=attachment.id,
        sha256=attachment.sha256,
        duplicate_of_case=", ".join(cases) or None,
        pages=pages,
        duplicate=True,
        filename=attachment.filename,
    )


def _normal_case_no(text: str) -> str:
    # Case numbers are stored upper case without surrounding spaces (the importer's rule).
    return text.strip().upper()


def _case_by_no(session: Session, case_no: str) -> Case | None:
    return session.scalar(select(Case).where(Case.case_no == _normal_case_no(case_no)))


def _file(
    session: Session, page: ScanPage, case_: Case, *, filed_by: str | None, now: datetime
) -> None:
    page.status = FILED
    page.case_id = case_.id
    page.filed_at = now
    page.filed_by = filed_by
    if case_.is_enterprise:
        _mark_form_b_scanned(session, case_.id, now)


def _mark_form_b_scanned(session: Session, case_id: int, now: datetime) -> None:
    has_form_b = session.scalar(
        select(EnterpriseFeedback.id).where(EnterpriseFeedback.case_id == case_id)
    )
    if has_form_b is None:
        return
    try:
        mark_scanned(session, case_id, now=now)
    except FormBStatusError:
        # A form not yet printed, or already verified or archived: the page is filed all the
        # same, and the form's own steps stay with the people who take them.
        pass


def _sync_attachment(session: Session, attachment: Attachment) -> None:
    """The attachment's case (and Form B) when all its filed pages belong to one case."""
    case_ids = set(
        session.scalars(
            select(ScanPage.case_id).where(
                ScanPage.attachment_id == attachment.id, ScanPage.status == FILED
            )
        )
    )
    only = next(iter(case_ids)) if len(case_ids) == 1 else None
    attachment.case_id = only
    attachment.enterprise_feedback_id = (
        session.scalar(select(EnterpriseFeedback.id).where(EnterpriseFeedback.case_id == only))
        if only is not None
        else None
    )


def _page(session: Session, attachment_id: int, page_index: int) -> ScanPage:
    page = session.scalar(
        select(ScanPage).where(
            ScanPage.attachment_id == attachment_id, ScanPage.page_index == page_index
        )
    )
    if page is None:
        raise FilingError(
            pick(
                f"找不到扫描件 {attachment_id} 的第 {page_index + 1} 页",
                f"Page {page_index + 1} of scan {attachment_id} not found",
            )
        )
    return page


def _audit(
    session: Session, page: ScanPage, action: str, operator: str | None, before: dict
) -> None:
    session.add(
        AuditEntry(
            actor=operator,
            action=action,
            entity="scan_page",
            entity_uid=page.uid,
            before=before,
            after={"status": page.status, "case_id": page.case_id},
        )
    )


def unmatched_pages(session: Session) -> list[TrayPage]:
    """The tray: pages no case has been found for, oldest first."""
    rows = session.execute(
        select(ScanPage, Attachment)
        .join(Attachment, Attachment.id == ScanPage.attachment_id)
        .where(ScanPage.status == UNMATCHED)
        .order_by(ScanPage.created_at, ScanPage.attachment_id, ScanPage.page_index)
    ).all()
    return [
        TrayPage(
            attachment_id=page.attachment_id,
            page_index=page.page_index,
            filename=attachment.filename,
            added_at=page.created_at,
            pages=attachment.pages or 1,
            source=page.source,
            qr_text=page.qr_text,
        )
        for page, attachment in rows
    ]


def scan_file(database, attachment_id: int) -> ScanFile:
    """The stored file of a scan (to show or save the original)."""
    store = AttachmentStore.for_database(database)
    with database.sessions() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise FilingError(
                pick(f"找不到扫描件 {attachment_id}", f"Scan {attachment_id} not found")
            )
        data = store.get(session, attachment.sha256)
        return ScanFile(data=data, media_type=attachment.media_type, pages=attachment.pages or 1)


MEDIA_SUFFIXES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
    "image/bmp": ".bmp",
}


def copy_attachment(
    session: Session, store: AttachmentStore, attachment_id: int, folder: Path
) -> Path:
    """Write a stored attachment (a scan, a letter) into `folder` under its own name, for a
    program of the computer to open; the path written. Raises FilingError when it is gone."""
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise FilingError(
            pick(f"找不到附件 {attachment_id}", f"Attachment {attachment_id} not found")
        )
    data = store.get(session, attachment.sha256)
    suffix = MEDIA_SUFFIXES.get(attachment.media_type, "")
    name = PurePath((attachment.filename or "").replace("\\", "/")).name
    if not name or name.startswith("."):
        name = f"attachment-{attachment_id}{suffix}"
    elif suffix and not name.lower().endswith(suffix):
        name += suffix
    return write_atomically(folder / name, data)


def page_image(database, attachment_id: int, page_index: int, dpi: int = 110) -> Image.Image:
    """One page of a stored scan as an image, for the tray and the viewer.

    PDF pages are rendered at `dpi`; scanned images are reduced to about `dpi` when they say
    they were scanned at more.
    """
    scan = scan_file(database, attachment_id)
    image = render_page(scan, page_index, dpi)
    if scan.media_type != "application/pdf":
        with Image.open(io.BytesIO(scan.data)) as original:
            scanned_dpi = original.info.get("dpi", (0, 0))[0] or 0
        if scanned_dpi > dpi:
            factor = dpi / float(scanned_dpi)
            size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
            image = image.resize(size, Image.Resampling.LANCZOS)
    return image


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def candidates(session: Session, text: str, limit: int = 20) -> list[CandidateCase]:
    """Cases a tray page may belong to: by case number (prefix first), then by name.

    Enterprise cases come first (the scanner panel files Form B), then those whose Form B still
    waits for its scan, then the most recently completed.
    """
    wanted = text.strip()
    if not wanted:
        return []
    pattern = _like_escape(wanted)
    number = _like_escape(_normal_case_no(wanted))
    rank = sql_case(
        (Case.case_no.like(f"{number}%", escape="\\"), 0),
        (Case.case_no.like(f"%{number}%", escape="\\"), 1),
        else_=2,
    )
    waiting = sql_case(
        (EnterpriseFeedback.status.in_((PRINTED, RETURNED)), 0),
        else_=1,
    )
    rows = session.execute(
        select(Case, Unit.name, EnterpriseFeedback.status)
        .join(Unit, Unit.id == Case.unit_id)
        .outerjoin(EnterpriseFeedback, EnterpriseFeedback.case_id == Case.id)
        .where(
            or_(
                Case.case_no.like(f"%{number}%", escape="\\"),
                Case.enterprise_name.ilike(f"%{pattern}%", escape="\\"),
                Case.applicant.ilike(f"%{pattern}%", escape="\\"),
            )
        )
        .order_by(Case.is_enterprise.desc(), rank, waiting, Case.completed_on.desc(), Case.case_no)
        .limit(limit)
    ).all()
    return [
        CandidateCase(
            case_id=case_.id,
            case_no=case_.case_no,
            is_enterprise=case_.is_enterprise,
            enterprise_name=case_.enterprise_name,
            applicant=case_.applicant,
            unit=unit_name,
            completed_on=case_.completed_on,
            form_b_status=form_b_status,
        )
        for case_, unit_name, form_b_status in rows
    ]


def file_page(
    session: Session,
    attachment_id: int,
    page_index: int,
    case_no: str,
    operator: str | None,
) -> None:
    """File a page by hand to the case numbered `case_no` (from the tray, or to correct a filing)."""
    page = _page(session, attachment_id, page_index)
    found = _case_by_no(session, case_no)
    if found is None:
        raise FilingError(
            pick(
                f"没有业务编号为 {case_no.strip()} 的业务件", f"No case numbered {case_no.strip()}"
            )
        )
    before = {"status": page.status, "case_id": page.case_id}
    _file(session, page, found, filed_by=operator or "", now=utcnow())
    session.flush()
    _sync_attachment(session, page.attachment)
    _audit(session, page, "scan.file", operator, before)


def discard_page(
    session: Session, attachment_id: int, page_index: int, operator: str | None
) -> None:
    """Take a blank or stray page out of the tray; it stays stored with its file."""
    page = _page(session, attachment_id, page_index)
    before = {"status": page.status, "case_id": page.case_id}
    page.status = DISCARDED
    page.case_id = None
    page.filed_at = utcnow()
    page.filed_by = operator or ""
    session.flush()
    _sync_attachment(session, page.attachment)
    _audit(session, page, "scan.discard", operator, before)


def case_scans(session: Session, case_id: int) -> list[CaseScan]:
    """The scanned pages filed to a case, in the order they were filed."""
    rows = session.execute(
        select(ScanPage, Attachment)
        .join(Attachment, Attachment.id == ScanPage.attachment_id)
        .where(ScanPage.case_id == case_id, ScanPage.status == FILED)
        .order_by(ScanPage.filed_at, ScanPage.attachment_id, ScanPage.page_index)
    ).all()
    return [
        CaseScan(
            attachment_id=attachment.id,
            page_index=page.page_index,
            pages=attachment.pages or 1,
            filename=attachment.filename,
            media_type=attachment.media_type,
            sha256=attachment.sha256,
            source=page.source,
            filed_at=page.filed_at,
            filed_by=page.filed_by,
        )
        for page, attachment in rows
    ]


def tray_count(session: Session) -> int:
    """How many pages wait in the tray (for a badge)."""
    return (
        session.scalar(
            select(func.count()).select_from(ScanPage).where(ScanPage.status == UNMATCHED)
        )
        or 0
    )
