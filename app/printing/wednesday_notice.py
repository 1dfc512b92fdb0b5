"""The Wednesday notice (意见箱、意见簿处理情况公告, W 7.1.3.2.3: 每周三发布公告), A4.

For one outlet and the week a Wednesday's notice covers (app.suggestion_box.notice_week: the
Wednesday before through the Tuesday before), the problems raised by slips in the box or book
and what was done: the suggestion record's number, status and reply. It is pinned up in the
hall, so nothing of the writer is on it — no name, no contact — and phone and ID numbers
written inside a slip or a reply are masked (app.masking). The font is embedded; the words are
Chinese whatever language the interface speaks.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from app.clock import current_time
from app.masking import mask_personal_data
from app.printing.fonts import register_chinese_font
from app.printing.markup import paragraph_text
from app.suggestion_box import SOURCES, Notice, notice, notice_status
from app.zone import LOCAL_ZONE

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN
COLUMNS = (12 * mm, 22 * mm, 58 * mm, 26 * mm)  # 序号, 日期/来源, 问题, 编号/状态; reply: the rest
HEAD_FILL = colors.HexColor("#F2F2F2")


# app.masking's markers, in the notice's words.
MARKERS = {
    "[mobile]": "（号码略）",
    "[landline]": "（号码略）",
    "[phone]": "（号码略）",
    "[ID]": "（证件号略）",
}


def _public(value: str | None) -> str:
    """Text fit for a public notice: phone and ID numbers masked, markup escaped."""
    text = mask_personal_data(value or "")
    for marker, words in MARKERS.items():
        text = text.replace(marker, words)
    return paragraph_text(text)


def _day(value: date) -> str:
    return f"{value.year} 年 {value.month} 月 {value.day} 日"


def _short(value: date) -> str:
    return f"{value.month} 月 {value.day} 日"


def write_wednesday_notice(data: Notice, path: Path | str, *, printed_at: datetime) -> None:
    font = register_chinese_font()
    base = {"fontName": font, "wordWrap": "CJK"}
    title = ParagraphStyle("title", fontSize=18, leading=24, alignment=TA_CENTER, **base)
    subtitle = ParagraphStyle("subtitle", fontSize=11, leading=16, alignment=TA_CENTER, **base)
    body = ParagraphStyle("body", fontSize=10.5, leading=15, **base)
    cell = ParagraphStyle("cell", fontSize=9.5, leading=13, **base)
    head = ParagraphStyle("head", fontSize=9.5, leading=13, alignment=TA_CENTER, **base)
    right = ParagraphStyle("right", fontSize=10.5, leading=15, alignment=TA_RIGHT, **base)

    story: list = [
        Paragraph("意见箱、意见簿处理情况公告", title),
        Spacer(1, 2 * mm),
        Paragraph(
            f"{paragraph_text(data.unit_name)}　　（{_day(data.start)}至{_day(data.end)}）",
            subtitle,
        ),
        Spacer(1, 5 * mm),
    ]
    problems = len(data.lines)
    story.append(
        Paragraph(
            f"本周共检查意见箱、意见簿 {data.checks} 次，收到意见 {data.slips} 条，"
            f"其中反映问题 {problems} 条。"
            + ("现将问题及处理情况公告如下：" if problems else "本周没有收到反映问题的意见。"),
            body,
        )
    )
    story.append(Spacer(1, 4 * mm))
    if problems:
        rows: list[list] = [
            [
                Paragraph(word, head)
                for word in ("序号", "日期/来源", "反映的问题", "编号/状态", "处理情况")
            ]
        ]
        for number, line in enumerate(data.lines, start=1):
            where = SOURCES.get(line.source, (line.source,))[0]
            rows.append(
                [
                    Paragraph(str(number), head),
                    Paragraph(f"{_short(line.found_on)}<br/>{paragraph_text(where)}", cell),
                    Paragraph(_public(line.content), cell),
                    Paragraph(
                        f"{paragraph_text(line.number or '')}<br/>{notice_status(line)}", cell
                    ),
                    Paragraph(_public(line.reply) or "正在调查处理，处理结果将另行公告", cell),
                ]
            )
        widths = [*COLUMNS, WIDTH - sum(COLUMNS)]
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        story.append(table)
    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            "欢迎继续通过意见箱、意见簿对我们的工作提出意见和建议。留有联系方式的，"
            "我们将另行联系答复。",
            body,
        ),
        Spacer(1, 10 * mm),
        Paragraph(paragraph_text(data.unit_name), right),
        Paragraph(_day(data.wednesday), right),
    ]
    printed = printed_at.astimezone(LOCAL_ZONE)

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(MARGIN, 10 * mm, f"打印于 {printed:%Y-%m-%d %H:%M}")
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 10 * mm, f"第 {document.page} 页")
        canvas.restoreState()

    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title="意见箱、意见簿处理情况公告",
        author="RevisitDesk",
    )
    document.build(story, onFirstPage=footer, onLaterPages=footer)


def wednesday_notice_pdf(
    session: Session,
    unit_id: int,
    wednesday: date,
    path: Path | str,
    *,
    by_id: int | None,
    now: datetime | None = None,
) -> Notice:
    """Write the notice of `wednesday` for the outlet to `path`; returns what it lists. It holds
    no personal data (that is its point), so it is not audited as an export."""
    data = notice(session, unit_id, wednesday, viewer_id=by_id)
    write_wednesday_notice(data, path, printed_at=current_time(now))
    return data
