"""The monthly phone-revisit analysis as an Excel workbook (XlsxWriter), one sheet per part,
plus the month's calls as the 附录 F ledger (服务对象电话回访记录单).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from app import spreadsheets
from app.ratings import RATING_LABELS, Rating
from app.reports.monthly import GroupFigures, MonthlyAnalysis, OutcomeCount, SatisfactionView

LEDGER_HEADERS = ("序号", "日期", "人员姓名", "座落", "业务类型", "联系方式", "回访情况")
SHEETS = ("回访率", "满意度", "不满意原因", "按单位", "按回访员", "回访记录单")
_GROUP_HEADERS = (
    "拨打次数",
    "回访件数",
    "成功回访件数",
    "接通次数",
    "接通率",
    "回访成功率",
    "平均通话时长（秒）",
    "不满意件数",
)
# Per operator only: the quality inspection of their calls of the month (质检, issue 22).
_QC_HEADERS = ("质检通话数", "质检平均得分率", "关键项不合格数")


class _Formats:
    def __init__(self, book: Workbook) -> None:
        base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
        cell = {**base, "border": 1}
        self.title = book.add_format({**base, "bold": True, "font_size": 14, "align": "center"})
        self.subtitle = book.add_format({**base, "bold": True, "font_size": 12})
        self.note = book.add_format({**base, "font_color": "#555555"})
        self.header = book.add_format(
            {**cell, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#DDEBF7"}
        )
        self.text = book.add_format({**cell, "text_wrap": True})
        self.number = book.add_format({**cell, "num_format": "0"})
        self.decimal = book.add_format({**cell, "num_format": "0.0"})
        self.percent = book.add_format({**cell, "num_format": "0.0%"})
        self.date = book.add_format({**cell, "num_format": "yyyy-mm-dd", "align": "center"})
        self.datetime = book.add_format({**cell, "num_format": "yyyy-mm-dd hh:mm"})
        self.total = book.add_format({**cell, "bold": True})
        self.total_number = book.add_format({**cell, "bold": True, "num_format": "0"})
        self.total_decimal = book.add_format({**cell, "bold": True, "num_format": "0.0"})
        self.total_percent = book.add_format({**cell, "bold": True, "num_format": "0.0%"})


def write_monthly_xlsx(analysis: MonthlyAnalysis, path: Path) -> None:
    with spreadsheets.workbook(path, {"remove_timezone": True}) as book:
        formats = _Formats(book)
        period = f"{analysis.year}年{analysis.month:02d}月"
        _revisit_sheet(book.add_worksheet(SHEETS[0]), formats, analysis, period)
        _satisfaction_sheet(book.add_worksheet(SHEETS[1]), formats, analysis, period)
        _dissatisfaction_sheet(book.add_worksheet(SHEETS[2]), formats, analysis, period)
        _group_sheet(
            book.add_worksheet(SHEETS[3]),
            formats,
            f"{period}电话回访按受理单位统计",
            "受理单位",
            analysis.units,
            analysis.total,
            _generated(analysis),
        )
        _group_sheet(
            book.add_worksheet(SHEETS[4]),
            formats,
            f"{period}电话回访按回访员统计",
            "回访员",
            analysis.operators,
            analysis.total,
            _generated(analysis),
            quality=True,
        )
        _ledger_sheet(book.add_worksheet(SHEETS[5]), formats, analysis, period)


def _title(sheet: Worksheet, f: _Formats, text: str, width: int, generated: str) -> int:
    """Writes the title row and the period note below it; returns the next free row."""
    sheet.merge_range(0, 0, 0, width - 1, text, f.title)
    sheet.set_row(0, 24)
    sheet.write_string(1, 0, generated, f.note)
    return 3


def _generated(analysis: MonthlyAnalysis) -> str:
    return (
        f"统计期间：{analysis.start.isoformat()} 至 {analysis.end.isoformat()}（北京时间）"
        f"　生成时间：{analysis.generated_at.strftime('%Y-%m-%d %H:%M')}"
    )


def _headers(sheet: Worksheet, f: _Formats, row: int, headers: Sequence[str]) -> int:
    sheet.write_row(row, 0, headers, f.header)
    return row + 1


def _value(sheet: Worksheet, row: int, column: int, value: Any, fmt, text_format) -> None:
    """A number in `fmt`; None as an empty bordered cell; text always as a string (no formulas)."""
    if value is None:
        sheet.write_blank(row, column, None, text_format)
    elif isinstance(value, str):
        sheet.write_string(row, column, value, text_format)
    else:
        sheet.write_number(row, column, value, fmt)


def _revisit_sheet(sheet: Worksheet, f: _Formats, analysis: MonthlyAnalysis, period: str) -> None:
    revisit = analysis.revisit
    row = _title(sheet, f, f"{period}电话回访率分析", 4, _generated(analysis))
    row = _headers(sheet, f, row, ("项目", "数值"))
    summary = (
        ("拨打次数", revisit.calls, f.number),
        ("回访件数（本月拨打过的业务件）", revisit.cases_attempted, f.number),
        ("成功回访件数", revisit.cases_completed, f.number),
        ("未成功回访件数", revisit.cases_failed, f.number),
        ("回访率（成功回访件数 / 回访件数）", revisit.rate, f.percent),
    )
    for label, value, fmt in summary:
        sheet.write_string(row, 0, label, f.text)
        _value(sheet, row, 1, value, fmt, f.text)
        row += 1

    row += 1
    sheet.write_string(row, 0, "未成功回访原因（按该件本月最后一次拨打结果）", f.subtitle)
    row = _outcome_table(sheet, f, row + 1, "未成功原因", "件数", revisit.failure_reasons)

    row += 1
    sheet.write_string(row, 0, "本月全部拨打按回访情况", f.subtitle)
    _outcome_table(sheet, f, row + 1, "回访情况", "次数", revisit.attempts_by_outcome)
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, 3, 14)


def _outcome_table(
    sheet: Worksheet,
    f: _Formats,
    row: int,
    label: str,
    unit: str,
    outcomes: list[OutcomeCount],
) -> int:
    row = _headers(sheet, f, row, (label, unit, "占比", "是否终止拨打"))
    total = sum(o.count for o in outcomes)
    for outcome in outcomes:
        sheet.write_string(row, 0, outcome.label, f.text)
        sheet.write_number(row, 1, outcome.count, f.number)
        _value(sheet, row, 2, outcome.count / total if total else None, f.percent, f.text)
        sheet.write_string(row, 3, "是" if outcome.final else "否", f.text)
        row += 1
    sheet.write_string(row, 0, "合计", f.total)
    sheet.write_number(row, 1, total, f.total_number)
    sheet.write_blank(row, 2, None, f.total)
    sheet.write_blank(row, 3, None, f.total)
    return row + 2


def _satisfaction_sheet(
    sheet: Worksheet, f: _Formats, analysis: MonthlyAnalysis, period: str
) -> None:
    headers = ("评价项目", *(RATING_LABELS[r] for r in Rating), "有效回答", "未答", "满意率")
    row = _title(sheet, f, f"{period}客户满意度分析", len(headers), _generated(analysis))
    sheet.write_string(row, 0, "满意率 =（非常满意 + 满意）/ 有效回答", f.note)
    row += 2
    for view in (analysis.satisfaction_phone, analysis.satisfaction_all):
        row = _satisfaction_table(sheet, f, row, headers, view)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, len(headers) - 1, 12)


def _satisfaction_table(
    sheet: Worksheet, f: _Formats, row: int, headers: Sequence[str], view: SatisfactionView
) -> int:
    sheet.write_string(row, 0, f"{view.label}：本月评价 {view.evaluations} 份", f.subtitle)
    row = _headers(sheet, f, row + 1, headers)
    for item in view.items:
        sheet.write_string(row, 0, item.label, f.text)
        for column, rating in enumerate(Rating, start=1):
            sheet.write_number(row, column, item.counts[rating.value], f.number)
        sheet.write_number(row, len(Rating) + 1, item.answered, f.number)
        sheet.write_number(row, len(Rating) + 2, item.unanswered, f.number)
        _value(sheet, row, len(Rating) + 3, item.satisfied_share, f.percent, f.text)
        row += 1
    return row + 1


def _dissatisfaction_sheet(
    sheet: Worksheet, f: _Formats, analysis: MonthlyAnalysis, period: str
) -> None:
    found = analysis.dissatisfaction
    headers = (
        "序号",
        "业务编号",
        "受理单位",
        "评价渠道",
        "评价时间",
        "回访员",
        "不满意项目",
        "原因分类",
        "群众意见",
        "二次回访情况",
    )
    row = _title(sheet, f, f"{period}客户不满意原因分析", len(headers), _generated(analysis))
    sheet.write_string(
        row,
        0,
        f"本月首轮评价中有不满意项的 {found.evaluations} 份（其中电话回访 {found.phone} 份，"
        f"已开二次回访 {found.with_callback} 份）",
        f.note,
    )
    row += 2
    sheet.write_string(row, 0, "按评价项目", f.subtitle)
    row = _headers(sheet, f, row + 1, ("评价项目", "不满意份数", "其中电话回访"))
    for item in found.by_item:
        sheet.write_string(row, 0, item.label, f.text)
        sheet.write_number(row, 1, item.count, f.number)
        sheet.write_number(row, 2, item.phone, f.number)
        row += 1

    row += 1
    sheet.write_string(row, 0, "按原因分类（二次回访工单）", f.subtitle)
    row = _headers(sheet, f, row + 1, ("原因分类", "份数"))
    for reason in found.by_reason:
        sheet.write_string(row, 0, reason.reason or "未分类", f.text)
        sheet.write_number(row, 1, reason.count, f.number)
        row += 1
    if not found.by_reason:
        sheet.write_string(row, 0, "（无）", f.text)
        sheet.write_blank(row, 1, None, f.text)
        row += 1

    row += 1
    sheet.write_string(row, 0, "不满意评价明细", f.subtitle)
    row = _headers(sheet, f, row + 1, headers)
    for seq, entry in enumerate(found.entries, start=1):
        sheet.write_number(row, 0, seq, f.number)
        sheet.write_string(row, 1, entry.case_no, f.text)
        sheet.write_string(row, 2, entry.unit, f.text)
        sheet.write_string(row, 3, entry.channel_label, f.text)
        sheet.write_datetime(row, 4, entry.evaluated_at, f.datetime)
        _value(sheet, row, 5, entry.operator, f.text, f.text)
        sheet.write_string(row, 6, "、".join(entry.items), f.text)
        _value(sheet, row, 7, entry.reason_category, f.text, f.text)
        _value(sheet, row, 8, entry.words, f.text, f.text)
        _value(sheet, row, 9, entry.callback_words, f.text, f.text)
        row += 1
    for column, width in enumerate((16, 20, 24, 12, 17, 10, 22, 14, 40, 30)):
        sheet.set_column(column, column, width)


def _group_sheet(
    sheet: Worksheet,
    f: _Formats,
    title: str,
    name_header: str,
    groups: list[GroupFigures],
    total: GroupFigures,
    generated: str,
    *,
    quality: bool = False,
) -> None:
    headers = (name_header, *_GROUP_HEADERS, *(_QC_HEADERS if quality else ()))
    row = _title(sheet, f, title, len(headers), generated)
    sheet.write_string(
        2,
        0,
        "接通率 = 接通次数 / 拨打次数；回访成功率 = 成功回访件数 / 回访件数；"
        "不满意件数：本月首轮评价（各渠道）中有不满意项的份数"
        + ("；质检：本月通话中已评分的（得分率 = 得分 / 满分）" if quality else ""),
        f.note,
    )
    row = _headers(sheet, f, row, headers)
    sheet.freeze_panes(row, 1)
    for group in groups:
        row = _group_row(sheet, row, group, f.text, f.number, f.decimal, f.percent)
        if quality:
            _qc_cells(sheet, row - 1, len(_GROUP_HEADERS) + 1, group, f.text, f.number, f.percent)
    _group_row(sheet, row, total, f.total, f.total_number, f.total_decimal, f.total_percent)
    if quality:
        scored = [g for g in groups if g.qc_scored]
        for column in range(len(_GROUP_HEADERS) + 1, len(headers)):
            sheet.write_blank(row, column, None, f.total)
        _value(
            sheet,
            row,
            len(_GROUP_HEADERS) + 1,
            sum(g.qc_scored for g in scored),
            f.total_number,
            f.total,
        )
        _value(
            sheet,
            row,
            len(_GROUP_HEADERS) + 3,
            sum(g.qc_critical for g in scored),
            f.total_number,
            f.total,
        )
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, len(headers) - 1, 12)


def _group_row(sheet: Worksheet, row: int, g: GroupFigures, text, number, decimal, percent) -> int:
    sheet.write_string(row, 0, g.name, text)
    values = (
        (g.calls, number),
        (g.cases_attempted, number),
        (g.cases_completed, number),
        (g.contacts, number),
        (g.contact_rate, percent),
        (g.completion_rate, percent),
        (g.average_duration, decimal),
        (g.dissatisfied, number),
    )
    for column, (value, fmt) in enumerate(values, start=1):
        _value(sheet, row, column, value, fmt, text)
    return row + 1


def _qc_cells(sheet: Worksheet, row: int, first: int, g: GroupFigures, text, number, percent):
    average = g.qc_average / 100 if g.qc_average is not None else None
    for column, (value, fmt) in enumerate(
        ((g.qc_scored, number), (average, percent), (g.qc_critical, number)), start=first
    ):
        _value(sheet, row, column, value, fmt, text)


def _ledger_sheet(sheet: Worksheet, f: _Formats, analysis: MonthlyAnalysis, period: str) -> None:
    # The layout of 表 F.1: title, the month in brackets, then the seven columns.
    sheet.merge_range(0, 0, 0, len(LEDGER_HEADERS) - 1, "服务对象电话回访记录单", f.title)
    sheet.set_row(0, 24)
    sheet.merge_range(1, 0, 1, len(LEDGER_HEADERS) - 1, f"（{period}）", f.note)
    row = _headers(sheet, f, 2, LEDGER_HEADERS)
    sheet.freeze_panes(row, 0)
    for line in analysis.ledger_rows:
        sheet.write_number(row, 0, line.seq, f.number)
        sheet.write_datetime(row, 1, line.day, f.date)
        for column, value in enumerate(
            (line.person, line.location, line.business_type, line.contact, line.outcome_label),
            start=2,
        ):
            _value(sheet, row, column, value, f.text, f.text)
        row += 1
    for column, width in enumerate((6, 12, 12, 36, 30, 18, 12)):
        sheet.set_column(column, column, width)
