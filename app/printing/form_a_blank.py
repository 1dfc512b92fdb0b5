"""Blank Form A (附件 A, 网上及电话回访单) for working by hand when the system is down (W 6.3.2).

The answers are typed in later; the sheet has the system-filled fields (业务编号, 办理事项类型) as
blanks and a box for every answer.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from app.printing.fonts import register_chinese_font
from app.printing.form_b import BOX

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
RATINGS = ("非常满意", "满意", "一般", "不满意")
RATED_ITEMS = ("总体情况", "办事效率", "服务态度", "提交材料")
GAP = "&nbsp;" * 5


def write_blank_form_a(path: Path | str, copies: int = 1) -> None:
    """`copies` identical blank pages."""
    if copies < 1:
        raise ValueError("copies must be at least 1")
    font = register_chinese_font()
    canvas = Canvas(str(path), pagesize=A4, initialFontName=font)
    canvas.setTitle("网上及电话回访单")
    canvas.setAuthor("RevisitDesk 回访台")
    for _ in range(copies):
        _draw_page(canvas, font)
        canvas.showPage()
    canvas.save()


def _draw_page(canvas: Canvas, font: str) -> None:
    width = PAGE_WIDTH - 2 * MARGIN
    label = ParagraphStyle("label", fontName=font, fontSize=12, leading=16, alignment=1)
    value = ParagraphStyle("value", fontName=font, fontSize=12, leading=16)

    def p(text: str, style: ParagraphStyle = value) -> Paragraph:
        return Paragraph(text, style)

    def boxes(words: tuple[str, ...]) -> Paragraph:
        return p(GAP.join(f"{BOX} {word}" for word in words))

    top = PAGE_HEIGHT - 25 * mm
    canvas.setFont(font, 20)
    canvas.drawCentredString(PAGE_WIDTH / 2, top, "网上及电话回访单")
    canvas.setFont(font, 11)
    canvas.drawCentredString(PAGE_WIDTH / 2, top - 8 * mm, "网上及电话回访内容")

    rows = [
        [p("项目", label), p("内容", label)],
        [p("业务编号：", label), ""],
        [p("办理事项类型：", label), ""],
        *[[p(item, label), boxes(RATINGS)] for item in RATED_ITEMS],
        [p("有无违反廉洁纪律", label), boxes(("有", "没有"))],
        [p("有无建议", label), ""],
    ]
    heights = [11 * mm] + [14 * mm] * 2 + [14 * mm] * 4 + [14 * mm, 60 * mm]
    table = Table(rows, colWidths=[48 * mm, width - 48 * mm], rowHeights=heights)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                ("BOX", (0, 0), (-1, -1), 1.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")),
                ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#F2F2F2")),
                ("LEFTPADDING", (1, 1), (1, -1), 10),
            ]
        )
    )
    _, height = table.wrapOn(canvas, width, PAGE_HEIGHT)
    table_top = top - 16 * mm
    table.drawOn(canvas, MARGIN, table_top - height)

    # Who was called and by whom, for typing the sheet in afterwards.
    y = table_top - height - 14 * mm
    canvas.setFont(font, 11)
    canvas.setLineWidth(0.6)
    fields = (
        (("被回访人：", 0), ("联系电话：", width / 2)),
        (("回访人：", 0), ("回访时间：      年    月    日    时    分", width / 2)),
    )
    for line in fields:
        for text, offset in line:
            canvas.drawString(MARGIN + offset, y, text)
        canvas.line(MARGIN + 22 * mm, y - 1.5, MARGIN + width / 2 - 8 * mm, y - 1.5)
        y -= 12 * mm
    canvas.line(MARGIN + width / 2 + 22 * mm, y + 24 * mm - 1.5, MARGIN + width, y + 24 * mm - 1.5)
    canvas.setFont(font, 9)
    canvas.drawString(
        MARGIN, y, "注：在对应的 □ 内打“√”。系统恢复后，请将本单内容录入回访系统并保存原件。"
    )
