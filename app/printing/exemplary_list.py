"""The year's list of exemplary staff and cases (先进模范人物和典型事例, J 5.5.2), for publicity in
briefings, on the web and in the press: A4 PDF (Chinese font embedded) and Excel.

It is public: it names the staff praised and their outlet, the cases by number and type, and
what was said with phone and ID numbers masked — never a citizen's name or phone. Those a team
lead marked exemplary come first (★), then the most praised. The words on the paper are Chinese.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from app import spreadsheets
from app.atomic_file import AtomicFile
from app.audit import record_export
from app.clock import local_now
from app.commendations import SOURCES, ExemplaryList, exemplary_list
from app.printing.fonts import register_chinese_font
from app.printing.markup import paragraph_text
from app.reports.exports import file_errors

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 16 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN
HEADER_FILL = colors.HexColor("#F2F2F2")
STAR = "★"
WHAT = "exemplary_list"
FORMS = ("pdf", "xlsx")
CONTENT_SHOWN = 300  # characters of what was said, per case, on the list


def title(year: int) -> str:
    return f"{year}年度回访工作先进模范人物和典型事例"


def _escape(value: object) -> str:
    """On one line: the list's cells have no room for the line breaks of what was said."""
    return " ".join(paragraph_text(value).replace("<br/>", " ").split())


def _said(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CONTENT_SHOWN else text[:CONTENT_SHOWN] + "……"


def person_rows(listing: ExemplaryList) -> list[list[str]]:
    return [
        [
            str(number),
            (STAR if p.exemplary else "") + p.name,
            p.unit or "",
            str(p.commendations),
            str(p.exemplary),
            "、".join(p.case_nos),
        ]
        for number, p in enumerate(listing.people, start=1)
    ]


def case_rows(listing: ExemplaryList) -> list[list[str]]:
    return [
        [
            str(number),
            (STAR if c.exemplary else "") + (c.case_no or ""),
            c.business_type or "",
            c.staff or "",
            c.unit or "",
            SOURCES.get(c.source, (c.source, c.source))[0],
            c.received_on.isoformat(),
            _said(c.content),
        ]
        for number, c in enumerate(listing.cases, start=1)
    ]


PERSON_HEADER = ["序号", "姓名", "所属网点", "受表扬次数", "其中典型", "受表扬业务件"]
CASE_HEADER = ["序号", "业务编号", "办理事项", "经办人", "网点", "来源", "日期", "表扬内容"]


def write_exemplary_pdf(listing: ExemplaryList, path: Path | str) -> None:
    font = register_chinese_font()
    styles = {
        "title": ParagraphStyle(
            "title", fontName=font, fontSize=16, leading=22, alignment=TA_CENTER
        ),
        "heading": ParagraphStyle("heading", fontName=font, fontSize=12, leading=18),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=9, leading=12),
        "note": ParagraphStyle("note", fontName=font, fontSize=9, leading=13),
    }
    cell = styles["cell"]

    def table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
        data = [[Paragraph(_escape(h), cell) for h in header]]
        data += [[Paragraph(_escape(v), cell) for v in row] for row in rows]
        made = Table(data, colWidths=widths, repeatRows=1)
        made.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return made

    story = [
        Paragraph(_escape(title(listing.year)), styles["title"]),
        Spacer(1, 4 * mm),
        Paragraph(
            _escape(
                f"全年受表扬 {listing.total} 次，涉及工作人员 {len(listing.people)} 人、"
                f"业务件 {len(listing.cases)} 件。★ 为经评选的先进典型。"
            ),
            styles["note"],
        ),
        Spacer(1, 4 * mm),
        Paragraph("一、先进模范人物", styles["heading"]),
        Spacer(1, 2 * mm),
    ]
    if listing.people:
        story.append(
            table(
                PERSON_HEADER,
                person_rows(listing),
                [w * mm for w in (12, 28, 40, 20, 16)] + [WIDTH - 116 * mm],
            )
        )
    else:
        story.append(Paragraph("本年度没有受表扬的工作人员。", styles["note"]))
    story += [Spacer(1, 6 * mm), Paragraph("二、典型事例", styles["heading"]), Spacer(1, 2 * mm)]
    if listing.cases:
        story.append(
            table(
                CASE_HEADER,
                case_rows(listing),
                [w * mm for w in (10, 31, 22, 15, 22, 16, 21)] + [WIDTH - 137 * mm],
            )
        )
    else:
        story.append(Paragraph("本年度没有受表扬的业务件。", styles["note"]))
    story += [
        Spacer(1, 6 * mm),
        Paragraph(_escape(f"制表日期：{local_now():%Y年%m月%d日}"), styles["note"]),
    ]
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title(listing.year),
    )
    document.build(story)


def write_exemplary_xlsx(listing: ExemplaryList, path: Path | str) -> None:
    book = spreadsheets.workbook(path)
    try:
        bold = book.add_format({"bold": True})
        for name, header, rows in (
            ("先进模范人物", PERSON_HEADER, person_rows(listing)),
            ("典型事例", CASE_HEADER, case_rows(listing)),
        ):
            sheet = book.add_worksheet(name)
            sheet.write(0, 0, title(listing.year), bold)
            sheet.write_row(2, 0, header, bold)
            for number, row in enumerate(rows, start=3):
                sheet.write_row(number, 0, row)
            sheet.set_column(0, 0, 6)
            sheet.set_column(1, len(header) - 1, 16)
            sheet.set_column(len(header) - 1, len(header) - 1, 60)
    finally:
        book.close()


def export_exemplary_list(
    session: Session, year: int, path: Path | str, *, by_id: int | None, form: str = "pdf"
) -> ExemplaryList:
    """The year's list read, written whole to `path` and audited in the caller's transaction."""
    if form not in FORMS:
        raise ValueError(form)
    listing = exemplary_list(session, year, viewer_id=by_id)
    writer = write_exemplary_pdf if form == "pdf" else write_exemplary_xlsx
    with file_errors(), AtomicFile(Path(path)) as partial:
        writer(listing, partial)
        record_export(
            session,
            actor_id=by_id,
            what=WHAT,
            path=path,
            rows=len(listing.people) + len(listing.cases),
            details={"year": year, "format": form},
        )
    return listing
