"""Scans file themselves to their cases by QR code; the rest waits in the tray for a person."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.scanning.files import ScanRefused
from app.scanning.filing import (
    FILED,
    UNMATCHED,
    FilingError,
    add_scan,
    candidates,
    case_scans,
    discard_page,
    file_page,
    page_image,
    tray_count,
    unmatched_pages,
)
from app.scanning.qr import read_case_code
from app.settings import set_setting
from db.models import Attachment, EnterpriseFeedback, ScanPage

from .helpers import (
    CASE_NO,
    OTHER_CASE_NO,
    case_pdf,
    rasterize,
    scanned,
    scanned_png,
    to_bytes,
)


@pytest.mark.parametrize("angle", [-5, 3, 5])
def test_qr_is_read_from_a_rotated_noisy_scan(angle):
    page = scanned(rasterize(case_pdf(CASE_NO))[0], angle=angle)
    assert read_case_code(page) == CASE_NO


def test_page_without_code_reads_nothing():
    assert read_case_code(scanned(rasterize(case_pdf(None))[0])) is None


def test_scanned_page_files_itself_and_marks_form_b_scanned(any_db, cases):
    result = add_scan(any_db, scanned_png(CASE_NO), "scan0001.png", source="drop", operator="王芳")
    assert not result.duplicate and result.duplicate_of_case is None
    assert [(p.status, p.case_no) for p in result.pages] == [(FILED, CASE_NO)]
    with any_db.sessions() as session:
        attachment = session.get(Attachment, result.attachment_id)
        assert attachment.case_id == cases[CASE_NO]
        assert (attachment.kind, attachment.media_type, attachment.pages) == (
            "scan",
            "image/png",
            1,
        )
        form_b = session.scalar(
            select(EnterpriseFeedback).where(EnterpriseFeedback.case_id == cases[CASE_NO])
        )
        assert attachment.enterprise_feedback_id == form_b.id
        assert form_b.status == "scanned" and form_b.scanned_at is not None
        [filed] = case_scans(session, cases[CASE_NO])
        assert (filed.attachment_id, filed.page_index, filed.filed_by) == (
            result.attachment_id,
            0,
            None,
        )
        assert unmatched_pages(session) == []


def test_page_without_code_waits_in_the_tray_and_is_filed_by_hand(any_db, cases):
    result = add_scan(any_db, scanned_png(None), "blank.png", source="dialog")
    assert [(p.status, p.case_no) for p in result.pages] == [(UNMATCHED, None)]
    with any_db.sessions() as session:
        [tray] = unmatched_pages(session)
        assert (tray.attachment_id, tray.page_index, tray.filename) == (
            result.attachment_id,
            0,
            "blank.png",
        )
        assert tray_count(session) == 1
        found = candidates(session, "0818000002")
        assert [c.case_no for c in found] == [OTHER_CASE_NO]
        # Enterprise cases first, then by case number match.
        assert [c.case_no for c in candidates(session, "jn2026")][0] in (
            CASE_NO,
            "JN20260901000003",
        )
        assert candidates(session, "   ") == []
    image = page_image(any_db, tray.attachment_id, 0)
    assert image.width > 100
    with any_db.sessions.begin() as session:
        with pytest.raises(FilingError):
            file_page(session, tray.attachment_id, 0, "JN-NO-SUCH-CASE", "王芳")
        file_page(session, tray.attachment_id, 0, f" {OTHER_CASE_NO.lower()} ", "王芳")
    with any_db.sessions() as session:
        assert unmatched_pages(session) == []
        [filed] = case_scans(session, cases[OTHER_CASE_NO])
        assert filed.filed_by == "王芳"
        assert session.get(Attachment, result.attachment_id).case_id == cases[OTHER_CASE_NO]


def test_discarded_page_leaves_the_tray_but_stays_stored(any_db, cases):
    result = add_scan(any_db, scanned_png(None, seed=3), None, source="drop")
    with any_db.sessions.begin() as session:
        discard_page(session, result.attachment_id, 0, "王芳")
    with any_db.sessions() as session:
        assert unmatched_pages(session) == []
        assert session.scalar(select(ScanPage.status)) == "discarded"
    assert page_image(any_db, result.attachment_id, 0).width > 100


def test_same_scan_added_twice_is_recognised(any_db, cases):
    data = scanned_png(CASE_NO)
    first = add_scan(any_db, data, "a.png", source="drop")
    again = add_scan(any_db, data, "renamed.png", source="folder")
    assert again.duplicate and again.duplicate_of_case == CASE_NO
    assert again.attachment_id == first.attachment_id
    assert "already filed to case " + CASE_NO in _english(again)
    with any_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 1
        assert session.scalar(select(func.count()).select_from(ScanPage)) == 1


def _english(result) -> str:
    from app.i18n import set_language

    set_language("en")
    try:
        return result.message
    finally:
        set_language("zh")


def test_two_page_pdf_files_each_page_on_its_own(any_db, cases):
    result = add_scan(any_db, case_pdf(CASE_NO, None, OTHER_CASE_NO), "batch.pdf", source="folder")
    assert [(p.status, p.case_no) for p in result.pages] == [
        (FILED, CASE_NO),
        (UNMATCHED, None),
        (FILED, OTHER_CASE_NO),
    ]
    with any_db.sessions() as session:
        # Pages of two cases: the file as a whole belongs to neither.
        assert session.get(Attachment, result.attachment_id).case_id is None
        assert [t.page_index for t in unmatched_pages(session)] == [1]


def test_multi_page_tiff_scan(any_db, cases):
    pages = [
        scanned(page, angle=3, seed=i)
        for i, page in enumerate(rasterize(case_pdf(None, OTHER_CASE_NO)))
    ]
    result = add_scan(
        any_db, to_bytes(pages, "TIFF", compression="tiff_deflate"), "adf.tif", source="scanner"
    )
    assert [(p.status, p.case_no) for p in result.pages] == [
        (UNMATCHED, None),
        (FILED, OTHER_CASE_NO),
    ]


def test_code_for_an_unknown_case_waits_in_the_tray_with_its_text(any_db, cases):
    result = add_scan(any_db, scanned_png("JN19990101000009"), "x.png", source="drop")
    assert result.pages[0].status == UNMATCHED
    with any_db.sessions() as session:
        assert unmatched_pages(session)[0].qr_text.startswith("RDFB:JN19990101000009:")


def test_size_limit_is_a_setting(any_db, cases):
    with any_db.sessions.begin() as session:
        set_setting(session, "scanning.max_megabytes", 1)
    too_big = b"\x89PNG\r\n\x1a\n" + bytes(1024 * 1024)
    with pytest.raises(ScanRefused) as refused:
        add_scan(any_db, too_big, "huge.png", source="drop")
    assert refused.value.reason == "too_large"
    with any_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 0
