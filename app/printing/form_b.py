"""Form B (附件 B, 企业回访反馈单) printed for an enterprise, one A4 page per case.

Laid out like the form in the Jinan rules, pre-filled from the case (企业名称, 登记类型, 环节,
天数, fees), with a QR code of the case code (app.printing.case_code) in the top right corner so
that the scanner panel files the stamped page back to its case. The QR is 28 mm wide: about five
pixels per module on a 150-dpi scan.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.enterprise.forms import DUE, ensure_form_b_records, mark_printed
from app.printing.case_code import encode_case_code
from app.printing.fonts import register_chinese_font
from db.models import Case, EnterpriseFeedback, Unit

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
QR_SIZE = 28 * mm
QR_QUIET_ZONE = 4  # modules of white around the code, as the standard asks
TOP = PAGE_HEIGHT - 15 * mm
CELL_PADDING_X = 6  # reportlab's default left and right padding of a table cell
FORM_NAME = "form_b_blank"
# The font's □ is small at text size: print it larger so that a tick fits in it.
BOX = '<font size="15">□</font>'
POLICY_CHOICES = ("非常熟悉", "一般", "不了解")
SATISFACTION_CHOICES = ("非常满意", "满意", "一般", "不满意")
NOTE = "注：办理登记缴纳费用含登记费、契税、印花税。"


@dataclass
class FormBPrintData:
    case_no: str
    enterprise_name: str | None = None
    registration_type: str | None = None
    steps: int | None = None
    days: int | None = None
    registration_fee_fen: int | None = None
    deed_tax_fen: int | None = None
    stamp_duty_fen: int | None = None
    unit_name: str | None = None  # the agency responsible for the revisit
    completed_on: date | None = None
    feedback_id: int | None = None


def yuan(fen: int | None) -> str:
    """Integer fen as yuan with thousands separators: 1234550 → "12,345.50"; blank for None."""
    if fen is None:
        return ""
    return f"{fen // 100:,}.{fen % 100:02d}"


def fee_total_fen(data: FormBPrintData) -> int | None:
    """登记费 + 契税 + 印花税, or None while any of them is unknown (a partial sum would mislead)."""
    parts = (data.registration_fee_fen, data.deed_tax_fen, data.stamp_duty_fen)
    return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)


def form_b_print_data(
    session: Session,
    feedback_ids: Sequence[int] | None = None,
    *,
    unit_id: int | None = None,
) -> list[FormBPrintData]:
    """The forms to print: the given records, or every Form B due (to do or printed) whose
    agency is `unit_id`. Answers already typed in take precedence over the case's figures."""
    if (feedback_ids is None) == (unit_id is None):
        raise ValueError("give either feedback_ids or unit_id")
    assigned = aliased(Unit)
    query = (
        select(EnterpriseFeedback, Case, assigned.name)
        .join(Case, Case.id == EnterpriseFeedback.case_id)
        .outerjoin(assigned, assigned.id == EnterpriseFeedback.assigned_unit_id)
        .order_by(Case.completed_on, Case.case_no)
    )
    if feedback_ids is not None:
        query = query.where(EnterpriseFeedback.id.in_(list(feedback_ids)))
    else:
        query = query.where(
            EnterpriseFeedback.assigned_unit_id == unit_id, EnterpriseFeedback.status.in_(DUE)
        )

    def pick_value(answer, from_case):
        return answer if answer is not None else from_case

    return [
        FormBPrintData(
            case_no=case_.case_no,
            enterprise_name=pick_value(record.enterprise_name, case_.enterprise_name),
            registration_type=pick_value(record.registration_type, case_.business_type),
            steps=pick_value(record.steps, case_.steps),
            days=pick_value(record.days, case_.days),
            registration_fee_fen=pick_value(
                record.registration_fee_fen, case_.registration_fee_fen
            ),
            deed_tax_fen=pick_value(record.deed_tax_fen, case_.deed_tax_fen),
            stamp_duty_fen=pick_value(record.stamp_duty_fen, case_.stamp_duty_fen),
            unit_name=unit_name,
            completed_on=case_.completed_on,
            feedback_id=record.id,
        )
        for record, case_, unit_name in session.execute(query)
    ]


def print_due_form_b(
    session: Session, unit_id: int, path: Path, now: datetime | None = None
) -> int:
    """Write every Form B due at an outlet into one PDF and mark them printed; returns the count.

    Nothing is written (and 0 returned) when none is due.
    """
    ensure_form_b_records(session)
    data = form_b_print_data(session, unit_id=unit_id)
    if not data:
        return 0
    write_form_b(data, path)
    mark_printed(session, [d.feedback_id for d in data if d.feedback_id is not None], now)
    return len(data)


def write_form_b(
    cases: Sequence[FormBPrintData],
    path: Path | str,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """One pre-filled Form B page per case; `progress(done, total)` after each page (it may
    raise to cancel the batch).

    What every page shares (the table with its labels, the title, the footer lines) is drawn
    once as a PDF form and placed on each page: a batch of a thousand pages then costs only
    the values and the QR codes.
    """
    font = register_chinese_font()
    canvas = Canvas(str(path), pagesize=A4, initialFontName=font)
    canvas.setTitle("企业回访反馈单")
    canvas.setAuthor("RevisitDesk 回访台")
    canvas.beginForm(FORM_NAME)
    _draw_blank(canvas, font)
    canvas.endForm()
    styles = _styles(font)
    laid_out: dict[tuple[str, str, float], tuple[Paragraph, float]] = {}
    for number, data in enumerate(cases, start=1):
        canvas.doForm(FORM_NAME)
        _draw_values(canvas, font, styles, data, laid_out)
        canvas.showPage()
        if progress is not None:
            progress(number, len(cases))
    canvas.save()


def qr_modules(text: str) -> list[list[bool]]:
    """The dark (True) and light modules of a QR code of `text`, level M, smallest version.

    The mask is the fixed pattern 0 instead of the best of eight by the standard's penalty
    score: every reader decodes any mask, and scoring the eight took 30 ms a code in pure
    Python (most of a 1 000-page batch). The codes stay read back from 150-dpi scans, tilted
    too (tests/enterprise/test_printing.py).
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, 0)
    return [[bool(module) for module in row] for row in code.modules]


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """A QR code of `text`, `size` points square (quiet zone included), bottom left at x, y."""
    modules = qr_modules(text)
    count = len(modules)
    box = size / (count + 2 * QR_QUIET_ZONE)
    path = canvas.beginPath()
    for row_number, row in enumerate(modules):
        top = y + size - (row_number + QR_QUIET_ZONE) * box
        column = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(x + (column + QR_QUIET_ZONE) * box, top - box, length * box, box)
            column += length
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _styles(font: str) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    label = ParagraphStyle("label", fontName=font, fontSize=11, leading=15, alignment=1)
    value = ParagraphStyle("value", fontName=font, fontSize=11, leading=15)
    small = ParagraphStyle("small", fontName=font, fontSize=10, leading=14)
    return label, value, small


def _fees(data: FormBPrintData) -> str:
    def amount(fen: int | None) -> str:
        return yuan(fen) if fen is not None else "&nbsp;" * 14

    total = fee_total_fen(data)
    return (
        f"登记费 {amount(data.registration_fee_fen)} 元<br/>"
        f"契税 {amount(data.deed_tax_fen)} 元<br/>"
        f"印花税 {amount(data.stamp_duty_fen)} 元<br/>"
        f"合计 {amount(total)} 元"
    )


def _choices(words: Sequence[str]) -> str:
    return "&nbsp;&nbsp;&nbsp;&nbsp;".join(f"{BOX} {word}" for word in words)


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table_geometry() -> tuple[list[float], list[float], float]:
    width = PAGE_WIDTH - 2 * MARGIN
    columns = [40 * mm, (width - 80 * mm) / 2, 40 * mm, (width - 80 * mm) / 2]
    heights = [14 * mm, 16 * mm, 26 * mm, 16 * mm, 14 * mm, 58 * mm, 34 * mm]
    return columns, heights, TOP - 36 * mm


def _draw_blank(canvas: Canvas, font: str) -> None:
    """Everything but the case's own values: the same on every page."""
    label, value, _small = _styles(font)
    width = PAGE_WIDTH - 2 * MARGIN
    canvas.setFont(font, 20)
    canvas.drawCentredString(PAGE_WIDTH / 2, TOP - 22 * mm, "企业回访反馈单")
    canvas.setFont(font, 11)
    canvas.drawCentredString(PAGE_WIDTH / 2, TOP - 29 * mm, "针对企业回访内容")

    def p(text: str, style: ParagraphStyle = value) -> Paragraph:
        return Paragraph(text, style)

    rows = [
        [p("企业名称", label), "", "", ""],
        [p("办理登记类型", label), "", p("办理登记所用环节", label), ""],
        [p("办理登记所用时间<br/>（天）", label), "", p("办理登记所缴纳费用", label), ""],
        [p("是否了解针对企业的不动产登记政策", label), p(_choices(POLICY_CHOICES)), "", ""],
        [p("对服务是否满意", label), p(_choices(SATISFACTION_CHOICES)), "", ""],
        [p("意见建议", label), "", "", ""],
        [
            p(
                "企业（盖章）：<br/><br/><br/>"
                "经办人签字：" + "&nbsp;" * 40 + "日期：&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;年"
                "&nbsp;&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;&nbsp;日"
            ),
            "",
            "",
            "",
        ],
    ]
    columns, heights, table_top = _table_geometry()
    table = Table(rows, colWidths=columns, rowHeights=heights)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                ("BOX", (0, 0), (-1, -1), 1.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("VALIGN", (0, 5), (-1, 6), "TOP"),
                ("TOPPADDING", (0, 5), (-1, 6), 6),
                ("SPAN", (1, 0), (3, 0)),
                ("SPAN", (1, 3), (3, 3)),
                ("SPAN", (1, 4), (3, 4)),
                ("SPAN", (1, 5), (3, 5)),
                ("SPAN", (0, 6), (3, 6)),
                ("VALIGN", (0, 5), (0, 5), "MIDDLE"),
                ("BACKGROUND", (0, 0), (0, 5), colors.HexColor("#F2F2F2")),
                ("BACKGROUND", (2, 1), (2, 2), colors.HexColor("#F2F2F2")),
            ]
        )
    )
    table.wrapOn(canvas, width, PAGE_HEIGHT)
    table.drawOn(canvas, MARGIN, table_top - sum(heights))

    y = table_top - sum(heights) - 12 * mm
    canvas.setFont(font, 11)
    canvas.drawString(MARGIN, y, "企业联系人：")
    canvas.drawString(MARGIN + width / 2, y, "回访联系人：")
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN + 24 * mm, y - 1.5, MARGIN + width / 2 - 8 * mm, y - 1.5)
    canvas.line(MARGIN + width / 2 + 24 * mm, y - 1.5, MARGIN + width, y - 1.5)
    canvas.setFont(font, 10)
    canvas.drawString(MARGIN, y - 10 * mm, NOTE)


def _draw_values(
    canvas: Canvas,
    font: str,
    styles: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle],
    data: FormBPrintData,
    laid_out: dict[tuple[str, str, float], tuple[Paragraph, float]],
) -> None:
    """The case's own values, each in its cell of the blank form, middle aligned as the table
    aligns its cells. `laid_out` keeps the paragraphs already wrapped in this batch: the same
    registration types, steps and days come back page after page."""
    _label, value, small = styles
    # The case code in the top right corner, the case number printed under it.
    qr_x = PAGE_WIDTH - MARGIN - QR_SIZE
    qr_y = TOP - QR_SIZE
    draw_qr(canvas, encode_case_code(data.case_no), qr_x, qr_y, QR_SIZE)
    canvas.setFont(font, 8)
    canvas.drawCentredString(qr_x + QR_SIZE / 2, qr_y - 3 * mm, data.case_no)

    canvas.setFont(font, 9)
    canvas.drawString(MARGIN, TOP - 4 * mm, f"业务编号：{data.case_no}")
    if data.unit_name:
        canvas.drawString(MARGIN, TOP - 9 * mm, f"回访单位：{data.unit_name}")
    if data.completed_on:
        canvas.drawString(MARGIN, TOP - 14 * mm, f"办结日期：{data.completed_on.isoformat()}")

    columns, heights, table_top = _table_geometry()
    lefts = [MARGIN + sum(columns[:i]) for i in range(4)]
    cells = (  # row, first column, last column, text, style
        (0, 1, 3, _text(data.enterprise_name), value),
        (1, 1, 1, _text(data.registration_type), value),
        (1, 3, 3, _text(data.steps), value),
        (2, 1, 1, _text(data.days), value),
        (2, 3, 3, _fees(data), small),
    )
    for row, first, last, text, style in cells:
        if not text:
            continue
        width = sum(columns[first : last + 1]) - 2 * CELL_PADDING_X
        key = (text, style.name, width)
        if key not in laid_out:
            paragraph = Paragraph(text, style)
            laid_out[key] = paragraph, paragraph.wrap(width, heights[row])[1]
        paragraph, height = laid_out[key]
        bottom = table_top - sum(heights[: row + 1])
        y = bottom + (heights[row] - height) / 2  # the paddings above and below are equal
        paragraph.drawOn(canvas, lefts[first] + CELL_PADDING_X, y)

    canvas.setFont(font, 7)
    canvas.setFillColor(colors.grey)
    canvas.drawRightString(
        PAGE_WIDTH - MARGIN, 10 * mm, f"RevisitDesk 回访台 · 业务编号 {data.case_no}"
    )
    canvas.setFillColor(colors.black)
