"""The quarterly satisfaction survey analysis (W 7.1.3.1.2) as a printable A4 PDF, the Chinese font
embedded: the summary of every outlet with the trend, then per outlet its questions, age bands,
channels and grouped improvement wishes. Texts as in the workbook (app.reports.survey_xlsx)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.fonts import register_chinese_font
from app.printing.markup import paragraph_text
from app.reports.survey_xlsx import (
    NOTES,
    outlet_name,
    period,
    shown_outlets,
    summary_header,
    summary_values,
    title,
)
from app.surveys import AGE_BANDS, CHANNELS, ITEMS
from app.surveys.analysis import OutletAnalysis, SurveyAnalysis, percent

PAGE = landscape(A4)  # the summary has up to 14 columns
MARGIN = 14 * mm
HEADER_FILL = colors.HexColor("#D9E1F2")
TOTAL_FILL = colors.HexColor("#F2F2F2")
SHOWN_WISHES = 30  # per outlet; the workbook lists them all


def write_survey_pdf(analysis: SurveyAnalysis, path: Path | str) -> None:
    font = register_chinese_font()
    styles = {
        "title": ParagraphStyle("title", fontName=font, fontSize=16, leading=22, alignment=1),
        "period": ParagraphStyle("period", fontName=font, fontSize=10, leading=14, alignment=1),
        "heading": ParagraphStyle(
            "heading", fontName=font, fontSize=12.5, leading=18, spaceBefore=6
        ),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11),
        "note": ParagraphStyle("note", fontName=font, fontSize=8.5, leading=12),
    }
    doc = SimpleDocTemplate(
        str(path),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title(analysis),
        author="RevisitDesk 回访台",
        # Otherwise every page starts in Helvetica, listed in the PDF but never embedded.
        initialFontName=font,
    )
    width = PAGE[0] - 2 * MARGIN
    story: list = [
        Paragraph(paragraph_text(title(analysis)), styles["title"]),
        Paragraph(paragraph_text(period(analysis)), styles["period"]),
        Spacer(1, 4 * mm),
    ]
    outlets = shown_outlets(analysis)
    if not analysis.outlets:
        story.append(Paragraph("本季度没有录入或导入的调查表。", styles["heading"]))
    else:
        story.append(_summary(analysis, outlets, styles, font, width))
        story.append(Spacer(1, 3 * mm))
        for note in NOTES:
            story.append(Paragraph(paragraph_text(note), styles["note"]))
        for outlet in outlets:
            story.extend(_outlet_section(outlet, styles, font, width))
    doc.build(story)


def _shown(value) -> str:
    if isinstance(value, Fraction) or value is None:
        return percent(value)
    return str(value)


def _grid(font: str, total_row: bool = False) -> TableStyle:
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
    if total_row:
        style.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL))
    return TableStyle(style)


def _summary(analysis, outlets, styles, font: str, width: float) -> Table:
    header = [Paragraph(paragraph_text(text), styles["cell"]) for text in summary_header(analysis)]
    rows = [header]
    for outlet in outlets:
        values = summary_values(outlet)
        rows.append(
            [Paragraph(paragraph_text(values[0]), styles["cell"]), *[_shown(v) for v in values[1:]]]
        )
    others = len(header) - 1
    first = max(width - others * 16.5 * mm, 40 * mm)
    widths = [first] + [(width - first) / others] * others
    return Table(
        rows, colWidths=widths, repeatRows=1, style=_grid(font, analysis.total is not None)
    )


def _outlet_section(outlet: OutletAnalysis, styles, font: str, width: float) -> list:
    heading = Paragraph(
        paragraph_text(
            f"{outlet_name(outlet)}：调查表 {outlet.responses} 份，总体满意率 {percent(outlet.overall.rate)}"
        ),
        styles["heading"],
    )
    items = [["项目", "满意", "一般", "不满意", "作答", "满意率", "一般占比", "不满意占比"]]
    for figures, (_column, zh, _en) in zip(outlet.items, ITEMS, strict=True):
        items.append(
            [
                zh,
                figures.satisfied,
                figures.average,
                figures.dissatisfied,
                figures.answered,
                percent(figures.rate),
                percent(figures.share(figures.average)),
                percent(figures.share(figures.dissatisfied)),
            ]
        )
    item_table = Table(items, hAlign="LEFT", colWidths=[42 * mm] + [20 * mm] * 7, style=_grid(font))

    def share(count: int) -> str:
        return percent(Fraction(count, outlet.responses) if outlet.responses else None)

    people = [["年龄", "人数", "占比"]]
    people += [
        [zh, outlet.age_bands[code], share(outlet.age_bands[code])]
        for code, (zh, _) in AGE_BANDS.items()
    ]
    people.append(["未填", outlet.age_unanswered, share(outlet.age_unanswered)])
    channels = [["了解渠道（可多选）", "人数", "占比"]]
    channels += [
        [zh, outlet.channels[code], share(outlet.channels[code])]
        for code, (zh, _) in CHANNELS.items()
    ]
    channels.append(["未填", outlet.channels_unanswered, share(outlet.channels_unanswered)])
    side = Table(
        hAlign="LEFT",
        data=[
            [
                Table(people, colWidths=[28 * mm, 16 * mm, 18 * mm], style=_grid(font)),
                Table(channels, colWidths=[36 * mm, 16 * mm, 18 * mm], style=_grid(font)),
            ]
        ],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    trend = [["季度", *[f"{q.year}年Q{q.quarter}" for q in outlet.trend], "本季度"]]
    trend.append(
        ["总体满意率", *[percent(q.rate.rate) for q in outlet.trend], percent(outlet.overall.rate)]
    )
    trend.append(["调查表数", *[q.rate.surveys for q in outlet.trend], outlet.responses])
    trend_table = Table(
        trend,
        hAlign="LEFT",
        colWidths=[28 * mm] + [26 * mm] * (len(trend[0]) - 1),
        style=_grid(font),
    )

    wishes = [[Paragraph("需要改善的方面", styles["cell"]), "人数"]]
    for wish in outlet.wishes[:SHOWN_WISHES]:
        wishes.append([Paragraph(paragraph_text(wish.text), styles["cell"]), wish.count])
    if len(outlet.wishes) > SHOWN_WISHES:
        wishes.append(
            [
                Paragraph(
                    f"……另有 {len(outlet.wishes) - SHOWN_WISHES} 条，见 Excel 导出", styles["cell"]
                ),
                "",
            ]
        )
    if outlet.no_wish:
        wishes.append([Paragraph("（填写“无”等，无意见）", styles["cell"]), outlet.no_wish])
    wish_table = (
        Table(
            wishes,
            hAlign="LEFT",
            colWidths=[width - 30 * mm, 20 * mm],
            repeatRows=1,
            style=_grid(font),
        )
        if len(wishes) > 1
        else Paragraph("没有填写改善意见。", styles["note"])
    )
    return [
        KeepTogether(
            [heading, item_table, Spacer(1, 3 * mm), side, Spacer(1, 3 * mm), trend_table]
        ),
        Spacer(1, 3 * mm),
        wish_table,
    ]
