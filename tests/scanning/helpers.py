"""Builders for the scanning tests: cases, and pages with a case code as PDFs and noisy images."""

from __future__ import annotations

import io
import random
from datetime import date

import pypdfium2
from PIL import Image
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from app.printing.case_code import encode_case_code
from db.models import Case, EnterpriseFeedback, Unit

CASE_NO = "JN20260818000001"
OTHER_CASE_NO = "JN20260818000002"
QR_SIZE = 22 * mm  # about the size Form B prints its code at


def make_cases(session: Session) -> dict[str, int]:
    """An enterprise case with a printed Form B, an ordinary case, and a third one: ids by number."""
    unit = Unit(name="历下区不动产登记中心", district="历下区")
    session.add(unit)
    session.flush()
    ids = {}
    for number, enterprise in ((CASE_NO, True), (OTHER_CASE_NO, False), ("JN20260901000003", True)):
        row = Case(
            case_no=number,
            unit_id=unit.id,
            completed_on=date(2026, 8, 18),
            applicant="济南明泉置业有限公司" if enterprise else "张三",
            is_enterprise=enterprise,
            enterprise_name="济南明泉置业有限公司" if enterprise else None,
        )
        session.add(row)
        session.flush()
        ids[number] = row.id
    session.add(EnterpriseFeedback(case_id=ids[CASE_NO], status="printed"))
    session.flush()
    return ids


def page_pdf(*codes: str | None) -> bytes:
    """A PDF with one A4 page per entry: a case code in the top right corner, or no code (None)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for code in codes:
        canvas.setFont("Helvetica", 14)
        canvas.drawString(30 * mm, 250 * mm, "Enterprise feedback form (test page)")
        for line in range(12):
            canvas.drawString(30 * mm, (220 - 12 * line) * mm, f"Question {line + 1}: ____________")
        if code:
            widget = QrCodeWidget(code)
            widget.barWidth = widget.barHeight = QR_SIZE
            drawing = Drawing(QR_SIZE, QR_SIZE)
            drawing.add(widget)
            renderPDF.draw(drawing, canvas, A4[0] - QR_SIZE - 18 * mm, A4[1] - QR_SIZE - 18 * mm)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def case_pdf(*case_nos: str | None) -> bytes:
    return page_pdf(*(encode_case_code(no) if no else None for no in case_nos))


def rasterize(pdf: bytes, dpi: int = 150) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]
    finally:
        document.close()


def scanned(
    image: Image.Image, angle: float = 4.0, noise: float = 0.03, seed: int = 7
) -> Image.Image:
    """The page as a scanner returns it: slightly rotated, with speckle."""
    rotated = image.rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    rng = random.Random(seed)
    pixels = rotated.load()
    width, height = rotated.size
    for _ in range(int(width * height * noise)):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
    return rotated


def to_bytes(images: list[Image.Image] | Image.Image, format: str = "PNG", **options) -> bytes:
    images = images if isinstance(images, list) else [images]
    buffer = io.BytesIO()
    images[0].save(
        buffer, format=format, save_all=len(images) > 1, append_images=images[1:], **options
    )
    return buffer.getvalue()


def scanned_png(case_no: str | None, angle: float = 4.0, seed: int = 7) -> bytes:
    return to_bytes(scanned(rasterize(case_pdf(case_no))[0], angle=angle, seed=seed))
