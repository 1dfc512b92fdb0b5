"""The quarterly satisfaction survey analysis (W 7.1.3.1.2) as an Excel workbook, via the writer
that stores every text as text (app.spreadsheets: a wish typed as "=HYPERLINK(…)" stays inert).

Sheets: 汇总 (an outlet a row: responses, the rate of each question, the overall rate, the four
quarters before), 分项 (each question's 满意 / 一般 / 不满意 and shares), 年龄与渠道, 改善意见
(the wishes grouped, app.surveys.analysis). The texts shared with the PDF are defined here too.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from app import spreadsheets
from app.surveys import AGE_BANDS, CHANNELS, ITEMS
from app.surveys.analysis import OutletAnalysis, SurveyAnalysis

QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")
ALL_OUTLETS = "全部网点"
NOTES = (
    "满意率＝“满意”÷作答数；一般、不满意占比同理。未作答的题不计入作答数。",
    "总体满意率＝七个评价题（服务环境至总体印象）的全部“满意”÷全部作答数，"
    "即附录 G 第 11 项“服务礼仪”扣分所依据的群众满意度调查满意率。",
    "改善意见的归并：去掉空格、首尾标点，全角转半角，英文不分大小写后相同的意见归为一条并计数，"
    "显示最多人使用的写法；“无”“没有”“暂无”等不计为意见，另计。",
)


def title(analysis: SurveyAnalysis) -> str:
    return f"{analysis.year}年{QUARTER_NAMES[analysis.quarter - 1]}群众满意度调查分析"


def period(analysis: SurveyAnalysis) -> str:
    return f"{analysis.start.isoformat()} 至 {analysis.end.isoformat()}"


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}年Q{quarter}"


def shown_outlets(analysis: SurveyAnalysis) -> list[OutletAnalysis]:
    """The outlets, then all together (when the analysis is of all)."""
    outlets = list(analysis.outlets)
    if analysis.total is not None:
        outlets.append(analysis.total)
    return outlets


def outlet_name(outlet: OutletAnalysis) -> str:
    return outlet.name if outlet.unit_id is not None else ALL_OUTLETS


def summary_header(analysis: SurveyAnalysis) -> list[str]:
    trend = (
        analysis.total.trend
        if analysis.total
        else (analysis.outlets[0].trend if analysis.outlets else [])
    )
    return [
        "网点",
        "调查表数",
        *[f"{zh}满意率" for _column, zh, _en in ITEMS],
        "总体满意率",
        *[f"{quarter_label(q.year, q.quarter)}满意率" for q in trend],
    ]


def summary_values(outlet: OutletAnalysis) -> list:
    """One row of 汇总: rates as Fractions (None: nothing answered)."""
    return [
        outlet_name(outlet),
        outlet.responses,
        *[item.rate for item in outlet.items],
        outlet.overall.rate,
        *[q.rate.rate for q in outlet.trend],
    ]


def write_survey_xlsx(analysis: SurveyAnalysis, path: Path | str) -> int:
    """Write the workbook; returns the number of outlet rows (for the export's audit)."""
    book = spreadsheets.workbook(path)
    try:
        bold = book.add_format({"bold": True})
        heading = book.add_format({"bold": True, "font_size": 14})
        header = book.add_format(
            {"bold": True, "bg_color": "#D9D9D9", "border": 1, "text_wrap": True}
        )
        rate = book.add_format({"num_format": "0.0%", "border": 1})
        cell = book.add_format({"border": 1})
        wrap = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        outlets = shown_outlets(analysis)

        def value(sheet, row: int, column: int, item) -> None:
            if isinstance(item, Fraction):
                sheet.write_number(row, column, float(item), rate)
            elif item is None:
                sheet.write(row, column, "—", cell)
            else:
                sheet.write(row, column, item, cell)

        summary = book.add_worksheet("汇总")
        summary.write(0, 0, title(analysis), heading)
        summary.write(1, 0, period(analysis))
        columns = summary_header(analysis)
        summary.write_row(3, 0, columns, header)
        summary.set_column(0, 0, 28)
        summary.set_column(1, len(columns) - 1, 11)
        for number, outlet in enumerate(outlets, start=4):
            for column, item in enumerate(summary_values(outlet)):
                value(summary, number, column, item)
        row = 4 + len(outlets) + 1
        for note in NOTES:
            summary.write(row, 0, note)
            row += 1

        items = book.add_worksheet("分项")
        items.write_row(
            0,
            0,
            ["网点", "项目", "满意", "一般", "不满意", "作答", "满意率", "一般占比", "不满意占比"],
            header,
        )
        items.set_column(0, 0, 28)
        items.set_column(1, 1, 18)
        items.set_column(2, 8, 10)
        row = 1
        for outlet in outlets:
            for figures, (_column, zh, _en) in zip(outlet.items, ITEMS, strict=True):
                values = [
                    outlet_name(outlet),
                    zh,
                    figures.satisfied,
                    figures.average,
                    figures.dissatisfied,
                    figures.answered,
                    figures.rate,
                    figures.share(figures.average),
                    figures.share(figures.dissatisfied),
                ]
                for column, item in enumerate(values):
                    value(items, row, column, item)
                row += 1

        people = book.add_worksheet("年龄与渠道")
        people.write_row(0, 0, ["网点", "类别", "选项", "人数", "占调查表数"], header)
        people.set_column(0, 0, 28)
        people.set_column(1, 2, 14)
        people.set_column(3, 4, 11)
        row = 1
        for outlet in outlets:
            entries = [
                *[("年龄", zh, outlet.age_bands[code]) for code, (zh, _en) in AGE_BANDS.items()],
                ("年龄", "未填", outlet.age_unanswered),
                *[("了解渠道", zh, outlet.channels[code]) for code, (zh, _en) in CHANNELS.items()],
                ("了解渠道", "未填", outlet.channels_unanswered),
            ]
            for kind, choice, count in entries:
                share = Fraction(count, outlet.responses) if outlet.responses else None
                for column, item in enumerate([outlet_name(outlet), kind, choice, count, share]):
                    value(people, row, column, item)
                row += 1
        people.write(row + 1, 0, "了解渠道可多选，各项之和可能大于调查表数。")

        wishes = book.add_worksheet("改善意见")
        wishes.write_row(0, 0, ["网点", "需要改善的方面", "人数"], header)
        wishes.set_column(0, 0, 28)
        wishes.set_column(1, 1, 60)
        wishes.set_column(2, 2, 8)
        row = 1
        for outlet in outlets:
            for wish in outlet.wishes:
                wishes.write(row, 0, outlet_name(outlet), cell)
                wishes.write(row, 1, wish.text, wrap)
                wishes.write(row, 2, wish.count, cell)
                row += 1
            if outlet.no_wish:
                wishes.write(row, 0, outlet_name(outlet), cell)
                wishes.write(row, 1, "（填写“无”等，无意见）", wrap)
                wishes.write(row, 2, outlet.no_wish, cell)
                row += 1
        wishes.write(row + 1, 0, NOTES[2], bold)
    finally:
        book.close()
    return len(analysis.outlets)
