"""The quarterly unit report as a printable A4 PDF (J 5.4.3), all text in the embedded Chinese font.

Title, table and notes as in the Excel workbook (app.reports.quarterly_xlsx), plus a bar chart,
then per unit the channels and the 差评 handling, and the 差评 upheld as malicious on appeal.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.printing.fonts import register_chinese_font
from app.printing.markup import paragraph_text
from app.reports.bad_review_figures import rate_text
from app.reports.quarterly import AWAITING_SUPPLEMENT, FAIL, QuarterlyReport
from app.reports.quarterly_xlsx import (
    COLUMNS,
    MALICIOUS_COLUMNS,
    MALICIOUS_TITLE,
    REVIEW_COLUMNS,
    REVIEW_TITLE,
    generated_text,
    malicious_values,
    percent,
    report_notes,
    report_period,
    report_title,
    review_notes,
    review_total_values,
    review_values,
    total_values,
    unit_values,
)

PAGE = landscape(A4)  # 13 columns do not fit the width of a portrait page at a readable size
MARGIN = 15 * mm
RED = colors.HexColor("#C00000")
ORANGE = colors.HexColor("#C65911")  # 待补报: action needed, not yet a failure
BLUE = colors.HexColor("#4472C4")
HEADER_FILL = colors.HexColor("#D9E1F2")
TOTAL_FILL = colors.HexColor("#F2F2F2")

# Points, in COLUMNS order; 受理单位 takes what the others leave of the frame's width.
_FIXED_WIDTHS = (32, None, 60, 60, 40, 40, 40, 62, 52, 54, 48, 68, 50)
# The same for REVIEW_COLUMNS and MALICIOUS_COLUMNS.
_REVIEW_WIDTHS = (None, 38, 44, 38, 38, 48, 32, 38, 46, 50, 38, 42, 50, 38, 38, 38)
_MALICIOUS_WIDTHS = (None, 90, 92, 180, 60, 120, 40)


def write_quarterly_pdf(report: QuarterlyReport, path: Path) -> None:
    """Write the report: title, period, table, ranking chart, notes; numbered pages."""
    font = register_chinese_font()
    styles = _styles(font)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=report_title(report),
        author="回访台 RevisitDesk",
        subject=report_period(report),
        # Otherwise every page starts in Helvetica, listed in the PDF but never embedded.
        initialFontName=font,
    )
    story = [
        Paragraph(report_title(report), styles["title"]),
        Paragraph(report_period(report), styles["period"]),
        Spacer(1, 4 * mm),
        _table(report, styles, doc.width),
    ]
    if report.units:
        story += [
            Spacer(1, 6 * mm),
            KeepTogether(
                [
                    Paragraph("各受理单位得分合计排名", styles["heading"]),
                    Paragraph(
                        "蓝色为回访覆盖率达标单位，红色为未达标单位；条形右侧为得分合计。",
                        styles["caption"],
                    ),
                    _chart(report, font, doc.width),
                ]
            ),
        ]
    notes = [Paragraph("说明", styles["heading"])]
    notes += [
        Paragraph(f"{number}. {paragraph_text(note)}", styles["note"])
        for number, note in enumerate(report_notes(report), start=1)
    ]
    story += [Spacer(1, 5 * mm), KeepTogether(notes[:3]), *notes[3:]]
    story += _review_section(report, styles, doc.width)
    story += [Spacer(1, 4 * mm), Paragraph(generated_text(report), styles["generated"])]

    footer = f"{report_title(report)}　　{generated_text(report)}"
    doc.build(story, canvasmaker=_numbered_canvas(font, footer))


def _styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle(
            "title", fontName=font, fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=4
        ),
        "period": ParagraphStyle(
            "period", fontName=font, fontSize=10.5, leading=14, alignment=TA_CENTER
        ),
        "heading": ParagraphStyle(
            "heading", fontName=font, fontSize=12, leading=16, spaceBefore=2, spaceAfter=3
        ),
        "caption": ParagraphStyle(
            "caption", fontName=font, fontSize=9, leading=12, textColor=colors.HexColor("#595959")
        ),
        "note": ParagraphStyle(
            "note",
            fontName=font,
            fontSize=9.5,
            leading=14,
            leftIndent=12,
            firstLineIndent=-12,
            spaceAfter=2,
            # Chinese has no spaces between words: break anywhere, as CJK typesetting does.
            wordWrap="CJK",
        ),
        "generated": ParagraphStyle(
            "generated", fontName=font, fontSize=9.5, leading=13, alignment=TA_LEFT
        ),
        "cell_head": ParagraphStyle(
            "cell_head", fontName=font, fontSize=9, leading=11, alignment=TA_CENTER, wordWrap="CJK"
        ),
        "cell_unit": ParagraphStyle(
            "cell_unit", fontName=font, fontSize=9.5, leading=12, wordWrap="CJK"
        ),
    }


def _table(report: QuarterlyReport, styles: dict[str, ParagraphStyle], width: float) -> Table:
    fixed = sum(w for w in _FIXED_WIDTHS if w is not None)
    widths = [w if w is not None else width - fixed for w in _FIXED_WIDTHS]
    percent_col = next(i for i, c in enumerate(COLUMNS) if c.kind == "percent")
    target_col = next(i for i, c in enumerate(COLUMNS) if c.title == "是否达标")
    grade_col = next(i for i, c in enumerate(COLUMNS) if c.title == "等次")

    def cells(values: list) -> list:
        row = []
        for column, value in zip(COLUMNS, values, strict=True):
            if column.kind == "percent":
                row.append(percent(value))
            elif column.kind == "decimal":
                row.append(f"{value:.2f}")
            elif column.title == "受理单位":
                # A Paragraph wraps a long unit name inside its cell instead of overflowing it.
                row.append(Paragraph(paragraph_text(str(value)), styles["cell_unit"]))
            else:
                row.append(str(value))
        return row

    data = [[Paragraph(c.title, styles["cell_head"]) for c in COLUMNS]]
    style = [
        ("FONT", (0, 0), (-1, -1), styles["cell_unit"].fontName, 9.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for line, unit in enumerate(report.units, start=1):
        data.append(cells(unit_values(unit)))
        if not unit.meets_target:
            style.append(("TEXTCOLOR", (percent_col, line), (target_col, line), RED))
        if unit.grade in (FAIL, AWAITING_SUPPLEMENT):
            colour = RED if unit.grade == FAIL else ORANGE
            style.append(("TEXTCOLOR", (grade_col, line), (grade_col, line), colour))
    if report.units:
        data.append(cells(total_values(report)))
        style.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), TOTAL_FILL))
    else:
        data.append(["本季度没有办结的业务件。"] + [""] * (len(COLUMNS) - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    # The header row repeats when the table runs onto a second page.
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


def _review_section(
    report: QuarterlyReport, styles: dict[str, ParagraphStyle], width: float
) -> list:
    """Per unit the channels and the 差评 figures (a rate below 100 % in red), their notes, and
    the 差评 upheld as malicious on appeal, one by one; each heading kept with its table."""
    rate_cols = [i for i, c in enumerate(REVIEW_COLUMNS) if c.kind == "rate"]
    style = _grid_style(styles)

    def cells(values: list) -> list:
        return [
            Paragraph(paragraph_text(str(value)), styles["cell_unit"])
            if column.kind == "text"
            else rate_text(value)
            if column.kind == "rate"
            else str(value)
            for column, value in zip(REVIEW_COLUMNS, values, strict=True)
        ]

    data = [[Paragraph(c.title, styles["cell_head"]) for c in REVIEW_COLUMNS]]
    for line, unit in enumerate(report.units, start=1):
        values = review_values(unit)
        data.append(cells(values))
        for col in rate_cols:
            if values[col] is not None and values[col] < 1:
                style.append(("TEXTCOLOR", (col, line), (col, line), RED))
    if report.units:
        data.append(cells(review_total_values(report)))
        style.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), TOTAL_FILL))
    else:
        data.append(["本季度没有办结的业务件。"] + [""] * (len(REVIEW_COLUMNS) - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(data, colWidths=_widths(_REVIEW_WIDTHS, width), repeatRows=1, style=style)
    story: list = [
        Spacer(1, 6 * mm),
        KeepTogether([Paragraph(REVIEW_TITLE, styles["heading"]), table]),
        Spacer(1, 3 * mm),
    ]
    story += [
        Paragraph(f"{number}. {paragraph_text(note)}", styles["note"])
        for number, note in enumerate(review_notes(report), start=1)
    ]

    rows = malicious_values(report)
    if rows:
        data = [[Paragraph(c.title, styles["cell_head"]) for c in MALICIOUS_COLUMNS]]
        data += [
            [Paragraph(paragraph_text(str(value)), styles["cell_unit"]) for value in row]
            for row in rows
        ]
        listing = Table(
            data,
            colWidths=_widths(_MALICIOUS_WIDTHS, width),
            repeatRows=1,
            style=_grid_style(styles),
        )
    else:
        listing = Paragraph("本季度没有经申诉认定为恶意的差评。", styles["generated"])
    heading = Paragraph(MALICIOUS_TITLE, styles["heading"])
    return [*story, Spacer(1, 5 * mm), KeepTogether([heading, listing])]


def _widths(fixed: tuple[float | None, ...], width: float) -> list[float]:
    """Column widths: the one given as None takes what the others leave of `width`."""
    taken = sum(w for w in fixed if w is not None)
    return [w if w is not None else width - taken for w in fixed]


def _grid_style(styles: dict[str, ParagraphStyle]) -> list:
    return [
        ("FONT", (0, 0), (-1, -1), styles["cell_unit"].fontName, 9),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def _chart(report: QuarterlyReport, font: str, width: float) -> Drawing:
    """Horizontal bars of score totals, rank 1 at the top, with the unit names as labels."""
    label_size = 9.5
    # A very long unit name would squeeze the bars: wrap it at 40 % of the width instead.
    names = [_wrap(unit.unit, font, label_size, 0.4 * width) for unit in report.units]
    label_width = max(
        stringWidth(line, font, label_size) for name in names for line in name.split("\n")
    )
    bar_pitch = 24
    plot_height = bar_pitch * len(names)
    height = plot_height + 36
    # The drawing would otherwise set Helvetica first, a font listed in the PDF but not embedded.
    drawing = Drawing(width, height, initialFontName=font)

    chart = HorizontalBarChart()
    chart.x = label_width + 16
    chart.y = 24
    chart.width = width - chart.x - 40  # room on the right for the last bar's label
    chart.height = plot_height
    chart.data = [[unit.score_total for unit in report.units]]
    chart.barSpacing = 0
    chart.groupSpacing = 8
    chart.strokeColor = None

    chart.categoryAxis.categoryNames = names
    # The first category is drawn at the bottom unless reversed: rank 1 belongs on top.
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = label_size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"  # wrapped lines flush against the axis
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.tickLeft = 0

    top = max([unit.score_total for unit in report.units] + [1])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(top)
    chart.valueAxis.valueStep = _nice_step(chart.valueAxis.valueMax)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8.5
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#D9D9D9")
    chart.valueAxis.gridStrokeWidth = 0.5

    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BLUE
    for index, unit in enumerate(report.units):
        if not unit.meets_target:
            chart.bars[(0, index)].fillColor = RED
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 9
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 4
    drawing.add(chart)
    drawing.add(
        String(chart.x + chart.width + 8, chart.y - 12, "（分）", fontName=font, fontSize=8.5)
    )
    return drawing


def _wrap(text: str, font: str, size: float, max_width: float) -> str:
    """Break Chinese text (no spaces to break at) into lines no wider than max_width."""
    lines = [""]
    for char in text:
        if lines[-1] and stringWidth(lines[-1] + char, font, size) > max_width:
            lines.append("")
        lines[-1] += char
    return "\n".join(lines)


def _nice_step(maximum: float) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if maximum / step <= 10:
            return step
    return int(maximum // 10) or 1


def _nice_max(top: int) -> int:
    step = _nice_step(top)
    return (top // step + 1) * step


def _numbered_canvas(font: str, footer: str) -> type[Canvas]:
    """A canvas that writes 第 N 页，共 M 页 once the number of pages is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            # Hold each page back until save(), when the total is known.
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setFont(font, 8.5)
            self.setFillColor(colors.HexColor("#595959"))
            self.drawString(MARGIN, 8 * mm, footer)
            self.drawRightString(width - MARGIN, 8 * mm, f"第 {number} 页，共 {total} 页")
            self.restoreState()

    return NumberedCanvas
