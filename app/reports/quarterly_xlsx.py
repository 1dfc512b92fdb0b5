"""The quarterly unit report as an Excel workbook ready to circulate (J 5.4.3), via XlsxWriter:
the ranking (sheet 季度通报), the 差评 handling and the channels per unit (差评与渠道), and the
差评 upheld as malicious on appeal (恶意差评).

The texts shared with the printed PDF (title, period, columns, notes) are defined here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import xlsxwriter

from app import spreadsheets
from app.reports.bad_review_figures import EXCLUDED
from app.reports.quarterly import (
    AWAITING_SUPPLEMENT,
    FAIL,
    QuarterlyReport,
    UnitQuarter,
    supplement_calendar_year,
)
from app.zone import LOCAL_ZONE


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # Excel character units
    kind: str  # "int", "text", "percent", "decimal"


COLUMNS: tuple[Column, ...] = (
    Column("排名", 6, "int"),
    Column("受理单位", 26, "text"),
    Column("办结业务量", 10, "int"),
    Column("有效回访量", 10, "int"),
    Column("网上", 7, "int"),
    Column("电话", 7, "int"),
    Column("企业", 7, "int"),
    Column("回访覆盖率", 11, "percent"),
    Column("是否达标", 9, "text"),
    Column("得分合计", 9, "int"),
    Column("平均分", 8, "decimal"),
    Column("未填报企业件", 12, "int"),
    Column("等次", 8, "text"),
)


# Per unit: the channels of the counted evaluations, and the handling of its 差评.
REVIEW_COLUMNS: tuple[Column, ...] = (
    Column("受理单位", 26, "text"),
    Column("扫码评价", 8, "int"),
    Column("好差评平台", 9, "int"),
    Column("电话回访", 8, "int"),
    Column("企业回访", 8, "int"),
    Column("其中系统默认评价", 10, "int"),
    Column("差评", 6, "int"),
    Column("实名差评", 8, "int"),
    Column("实名差评已回访", 9, "int"),
    Column("实名差评回访率", 10, "rate"),
    Column("差评成立", 8, "int"),
    Column("已整改", 7, "int"),
    Column("差评整改率", 10, "rate"),
    Column("提出申诉", 8, "int"),
    Column("申诉成立", 8, "int"),
    Column("恶意差评", 8, "int"),
)
REVIEW_TITLE = "差评处理与评价渠道"
MALICIOUS_TITLE = "经申诉认定为恶意的差评"
MALICIOUS_COLUMNS: tuple[Column, ...] = (
    Column("受理单位", 26, "text"),
    Column("业务编号", 20, "text"),
    Column("评价时间", 17, "text"),
    Column("恶意理由", 40, "text"),
    Column("复核日期", 12, "text"),
    Column("复核", 24, "text"),
    Column("计分", 8, "text"),
)


def review_values(unit: UnitQuarter) -> list:
    """One row of the 差评 and channel table, in REVIEW_COLUMNS order (rates None when there is
    nothing to count)."""
    channels, bad = unit.channels, unit.bad_reviews
    return [
        unit.unit,
        channels.qr,
        channels.platform,
        channels.phone,
        channels.enterprise,
        channels.default,
        bad.bad_reviews,
        bad.named,
        bad.named_called_back,
        bad.callback_rate,
        bad.standing,
        bad.rectified,
        bad.rectify_rate,
        bad.appeals,
        bad.appeals_upheld,
        bad.malicious_upheld,
    ]


def review_total_values(report: QuarterlyReport) -> list:
    """The 合计 row of the 差评 table: sums, and the rates of the whole city."""
    sums = [sum(values) for values in zip(*(_counts(u) for u in report.units), strict=True)]
    if not sums:
        sums = [0] * 13
    qr, platform, phone, enterprise, default, bad, named, called, stands, rectified = sums[:10]
    appeals, upheld, malicious = sums[10:]
    return [
        "合计",
        qr,
        platform,
        phone,
        enterprise,
        default,
        bad,
        named,
        called,
        called / named if named else None,
        stands,
        rectified,
        rectified / stands if stands else None,
        appeals,
        upheld,
        malicious,
    ]


def _counts(unit: UnitQuarter) -> list[int]:
    values = review_values(unit)
    return [v for v, c in zip(values, REVIEW_COLUMNS, strict=True) if c.kind == "int"]


def malicious_values(report: QuarterlyReport) -> list[list]:
    """The malicious 差评 as rows of MALICIOUS_COLUMNS."""
    return [
        [
            review.unit,
            review.case_no,
            f"{review.evaluated_at.astimezone(LOCAL_ZONE):%Y-%m-%d %H:%M}",
            review.reason or "",
            review.decided_on.isoformat(),
            review.decided_by,
            "计分" if review.scored else "不计分",
        ]
        for review in report.malicious_reviews
    ]


def malicious_treatment(report: QuarterlyReport) -> str:
    """How the malicious 差评 score, by the setting bad_reviews.malicious_scoring."""
    if report.malicious_scoring == EXCLUDED:
        return "不计入得分合计和平均分（其业务件仍计入有效回访量）"
    return "照常计分"


def review_notes(report: QuarterlyReport) -> list[str]:
    """How the 差评 and channel figures are counted."""
    return [
        "评价渠道：各业务件计入有效回访的首次评价按渠道统计；“其中系统默认评价”为平台在评价人"
        "未评价时代为作出的默认评价，已计入其所属渠道。",
        "差评：首次评价“总体情况”为不满意（含好差评平台的不满意、非常不满意）；平台未标记为匿名"
        "的为实名差评。",
        "实名差评回访率＝已回访（二次回访有联系记录或已录入二次回访评价）的实名差评÷实名差评；"
        "差评整改率＝已整改的成立差评÷成立差评（核实属实、未申诉或申诉不成立）。无可计算的显示"
        "为“—”。",
        f"经申诉复核认定为恶意的差评保留原评价，不删除，并在“{MALICIOUS_TITLE}”中逐件列出；"
        f"本通报中{malicious_treatment(report)}。",
    ]


def unit_values(unit: UnitQuarter) -> list:
    """One table row, in COLUMNS order, as numbers (formatting is the writer's job)."""
    return [
        unit.rank,
        unit.unit,
        unit.cases,
        unit.revisited,
        unit.online,
        unit.phone,
        unit.enterprise,
        unit.coverage,
        "是" if unit.meets_target else "否",
        unit.score_total,
        round(unit.score_average, 2),
        unit.unreported_enterprise,
        unit.grade,
    ]


def total_values(report: QuarterlyReport) -> list:
    """The 合计 row: sums, and the coverage and average of the whole city."""
    units = report.units
    cases = sum(u.cases for u in units)
    revisited = sum(u.revisited for u in units)
    score = sum(u.score_total for u in units)
    coverage = revisited / cases if cases else 0.0
    return [
        "",
        "合计",
        cases,
        revisited,
        sum(u.online for u in units),
        sum(u.phone for u in units),
        sum(u.enterprise for u in units),
        coverage,
        "是" if cases and coverage >= report.target else "否",
        score,
        round(score / revisited, 2) if revisited else 0.0,
        sum(u.unreported_enterprise for u in units),
        "",
    ]


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def percent(value: float) -> str:
    # Two decimals: a unit at 29.98 % must not read as 30 % on a report that grades at 30 %.
    return f"{value * 100:.2f}%"


def target_text(target: float) -> str:
    """The target as written in rules: 30%, or 32.5% for an unusual setting."""
    return f"{target * 100:.2f}".rstrip("0").rstrip(".") + "%"


def report_title(report: QuarterlyReport) -> str:
    return f"{report.year}年第{report.quarter}季度不动产登记回访评价情况通报"


def report_period(report: QuarterlyReport) -> str:
    return (
        f"统计期间：{chinese_date(report.start)}至{chinese_date(report.end)}（按办结日期统计）"
        f"　　回访覆盖率目标：{target_text(report.target)}"
    )


def generated_text(report: QuarterlyReport) -> str:
    return f"生成时间：{report.generated_at:%Y年%m月%d日 %H:%M}"


def shortfall(unit: UnitQuarter, target: float) -> int:
    """Revisits still needed to reach the target, by the report's own test (revisited/cases)."""
    needed = unit.revisited
    # Counting up with the same division the report uses, so that the figure never disagrees
    # with 是否达标 by a rounding hair (0.3 * 10 is 3.0000000000000004 in floating point).
    while needed / unit.cases < target:
        needed += 1
    return needed - unit.revisited


def deadline_text(report: QuarterlyReport) -> str:
    if report.supplement_deadline is None:
        year = supplement_calendar_year(report.year, report.quarter)
        return f"{year}年的节假日安排尚未录入工作日历，补报截止日暂无法计算"
    return f"{chinese_date(report.supplement_deadline)}（含当日）"


def report_notes(report: QuarterlyReport) -> list[str]:
    """The rules the figures follow, in the words a bureau reader expects (J 5.4.1–5.4.3)."""
    target = target_text(report.target)
    notes = [
        "计分规则：按每件业务首次评价（按评价时间最早的一次首轮评价，不论渠道）的“总体情况”计分，"
        "非常满意计5分、满意计3分、一般计2分、不满意或未填报计0分；二次回访及以后的评价不计分"
        "（J 5.4.1）。",
        "未填报：企业业务未开展实体企业回访的，计0分，并计入“未填报企业件”。",
        "有效回访量：首次评价已完成的业务件数，按首次评价的渠道分为网上（扫码评价、好差评平台）、"
        "电话、企业；季度结束后补充的回访同样计入。平均分＝得分合计÷有效回访量。",
        f"回访覆盖率＝有效回访量÷办结业务量，应不低于{target}（J 5.4.2）。",
        f"未达标的受理单位应补充开展电话回访，并于季度结束后3个工作日内上报回访结果，截止日为"
        f"{deadline_text(report)}，按工作日历（含法定节假日及调休）计算；逾期仍未达标的，本季度"
        "评价结果为不合格。",
        "排名：按得分合计从高到低排列；得分相同的，回访覆盖率高者在前，仍相同的按受理单位名称排序"
        "（J 5.4.3）。",
        "等次：统计中＝季度尚未结束；待补报＝未达标且补报期限未到；合格＝达标或在期限内补报达标；"
        "不合格＝期限届满仍未达标。",
    ]
    if report.malicious_reviews:
        notes.append(
            f"本季度经申诉认定为恶意的差评{len(report.malicious_reviews)}件，保留原评价并"
            f"{malicious_treatment(report)}，逐件列于“{MALICIOUS_TITLE}”。"
        )
    behind = [u for u in report.units if not u.meets_target]
    if behind:
        listing = "；".join(f"{u.unit}差{shortfall(u, report.target)}件" for u in behind)
        notes.append(f"未达标单位（有效回访距目标的差额）：{listing}。")
    # Coverage counts every revisit; the grade only those given by the deadline. Say why a unit
    # that reads 是 under 是否达标 can still be 不合格, or the table looks self-contradictory.
    for unit in report.units:
        if unit.meets_target and unit.grade == FAIL:
            by_deadline = unit.revisited_by_deadline / unit.cases
            notes.append(
                f"{unit.unit}：截至补报截止日有效回访{unit.revisited_by_deadline}件，覆盖率"
                f"{percent(by_deadline)}，未达标；截止日后完成的回访计入覆盖率，但不改变等次。"
            )
    return notes


def write_quarterly_xlsx(report: QuarterlyReport, path: Path) -> None:
    """Write the report as one printable sheet: title, table, ranking chart, notes."""
    workbook = spreadsheets.workbook(path)
    try:
        _write_sheet(workbook, report)
        _write_review_sheet(workbook, report)
        _write_malicious_sheet(workbook, report)
    finally:
        workbook.close()


def _write_sheet(workbook: xlsxwriter.Workbook, report: QuarterlyReport) -> None:
    sheet = workbook.add_worksheet("季度通报")
    # 宋体 is what Chinese government offices expect in circulated spreadsheets.
    base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
    cell = {**base, "border": 1, "align": "center"}
    fmt = {
        "title": workbook.add_format(
            {**base, "font_name": "黑体", "font_size": 18, "bold": True, "align": "center"}
        ),
        "subtitle": workbook.add_format({**base, "align": "center"}),
        "header": workbook.add_format(
            {**cell, "bold": True, "bg_color": "#D9E1F2", "text_wrap": True}
        ),
        "int": workbook.add_format(cell),
        "text": workbook.add_format(cell),
        "unit": workbook.add_format({**cell, "align": "left"}),
        "percent": workbook.add_format({**cell, "num_format": "0.00%"}),
        "decimal": workbook.add_format({**cell, "num_format": "0.00"}),
        "red_text": workbook.add_format({**cell, "font_color": "#C00000", "bold": True}),
        "orange_text": workbook.add_format({**cell, "font_color": "#C65911", "bold": True}),
        "red_percent": workbook.add_format(
            {**cell, "num_format": "0.00%", "font_color": "#C00000", "bold": True}
        ),
        "total": workbook.add_format({**cell, "bold": True, "bg_color": "#F2F2F2"}),
        "total_percent": workbook.add_format(
            {**cell, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.00%"}
        ),
        "total_decimal": workbook.add_format(
            {**cell, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.00"}
        ),
        "notes_head": workbook.add_format({**base, "bold": True}),
        "note": workbook.add_format({**base, "text_wrap": True, "valign": "top"}),
        "footer": workbook.add_format({**base, "italic": True, "font_color": "#595959"}),
    }
    last_col = len(COLUMNS) - 1

    unit_width = max([COLUMNS[1].width, *(2.1 * len(u.unit) + 2 for u in report.units)])
    for col, column in enumerate(COLUMNS):
        sheet.set_column(col, col, unit_width if col == 1 else column.width)

    sheet.set_row(0, 32)
    sheet.merge_range(0, 0, 0, last_col, report_title(report), fmt["title"])
    sheet.merge_range(1, 0, 1, last_col, report_period(report), fmt["subtitle"])

    header_row = 3
    sheet.set_row(header_row, 30)
    for col, column in enumerate(COLUMNS):
        sheet.write(header_row, col, column.title, fmt["header"])

    row = header_row
    for unit in report.units:
        row += 1
        below = not unit.meets_target
        for col, (column, value) in enumerate(zip(COLUMNS, unit_values(unit), strict=True)):
            if column.kind == "percent":
                style = fmt["red_percent" if below else "percent"]
            elif column.title == "是否达标":
                style = fmt["red_text" if below else "text"]
            elif column.title == "等次":
                style = fmt[
                    {FAIL: "red_text", AWAITING_SUPPLEMENT: "orange_text"}.get(value, "text")
                ]
            elif column.title == "受理单位":
                style = fmt["unit"]
            else:
                style = fmt[column.kind]
            sheet.write(row, col, value, style)
    if report.units:
        row += 1
        for col, (column, value) in enumerate(zip(COLUMNS, total_values(report), strict=True)):
            style = {"percent": "total_percent", "decimal": "total_decimal"}.get(
                column.kind, "total"
            )
            sheet.write(row, col, value, fmt[style])
    else:
        row += 1
        sheet.merge_range(row, 0, row, last_col, "本季度没有办结的业务件。", fmt["text"])

    row += 2
    if report.units:
        row = _insert_chart(workbook, sheet, report, header_row, row)

    sheet.write(row, 0, "说明：", fmt["notes_head"])
    # A Chinese character is about two Excel character units wide.
    per_line = int((unit_width + sum(c.width for c in COLUMNS if c.title != "受理单位")) / 2.2)
    for number, note in enumerate(report_notes(report), start=1):
        row += 1
        # Merged cells do not grow with their text, so the height is set from the length.
        lines = max(1, -(-(len(note) + 3) // per_line))
        sheet.set_row(row, 16 * lines + 4)
        sheet.merge_range(row, 0, row, last_col, f"{number}. {note}", fmt["note"])
    row += 2
    sheet.merge_range(row, 0, row, last_col, generated_text(report), fmt["footer"])

    sheet.freeze_panes(header_row + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
    sheet.center_horizontally()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.print_area(0, 0, row, last_col)
    sheet.set_footer("&C第 &P 页，共 &N 页")


def _insert_chart(
    workbook: xlsxwriter.Workbook,
    sheet,
    report: QuarterlyReport,
    header_row: int,
    row: int,
) -> int:
    """A bar per unit, rank 1 at the top, red where the unit is below target; returns next row."""
    first, last = header_row + 1, header_row + len(report.units)
    chart = workbook.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": "得分合计",
            "categories": [sheet.name, first, 1, last, 1],
            "values": [sheet.name, first, 9, last, 9],
            "fill": {"color": "#4472C4"},
            "points": [
                {"fill": {"color": "#C00000" if not u.meets_target else "#4472C4"}}
                for u in report.units
            ],
            "data_labels": {"value": True, "font": {"name": "宋体"}},
            "gap": 60,
        }
    )
    chart.set_title(
        {
            "name": "各受理单位得分合计排名（红色为回访覆盖率未达标）",
            "name_font": {"name": "宋体", "size": 12, "bold": True},
        }
    )
    # Rank 1 on top: a bar chart draws the first category at the bottom unless reversed.
    chart.set_y_axis({"reverse": True, "crossing": "max", "num_font": {"name": "宋体"}})
    chart.set_x_axis({"min": 0, "num_font": {"name": "宋体"}, "major_gridlines": {"visible": True}})
    chart.set_legend({"none": True})
    height = 90 + 32 * len(report.units)
    chart.set_size({"width": 900, "height": height})
    sheet.insert_chart(row, 0, chart, {"x_offset": 10, "y_offset": 0})
    return row + -(-height // 20) + 2


def _formats(workbook: xlsxwriter.Workbook) -> dict:
    base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
    cell = {**base, "border": 1, "align": "center"}
    total = {**cell, "bold": True, "bg_color": "#F2F2F2"}
    return {
        "title": workbook.add_format(
            {**base, "font_name": "黑体", "font_size": 16, "bold": True, "align": "center"}
        ),
        "subtitle": workbook.add_format({**base, "align": "center"}),
        "header": workbook.add_format(
            {**cell, "bold": True, "bg_color": "#D9E1F2", "text_wrap": True}
        ),
        "int": workbook.add_format(cell),
        "text": workbook.add_format({**cell, "align": "left", "text_wrap": True}),
        "rate": workbook.add_format({**cell, "num_format": "0.00%"}),
        "red_rate": workbook.add_format(
            {**cell, "num_format": "0.00%", "font_color": "#C00000", "bold": True}
        ),
        "total_int": workbook.add_format(total),
        "total_text": workbook.add_format(total),
        "total_rate": workbook.add_format({**total, "num_format": "0.00%"}),
        "notes_head": workbook.add_format({**base, "bold": True}),
        "note": workbook.add_format({**base, "text_wrap": True, "valign": "top"}),
    }


def _write_review_sheet(workbook: xlsxwriter.Workbook, report: QuarterlyReport) -> None:
    """Per unit: the channels of the counted evaluations and the 差评 figures; a rate below
    100 % in red (provinces require both rates to be 100 %)."""
    sheet = workbook.add_worksheet("差评与渠道")
    fmt = _formats(workbook)
    last_col = len(REVIEW_COLUMNS) - 1
    for col, column in enumerate(REVIEW_COLUMNS):
        sheet.set_column(col, col, column.width)
    sheet.set_row(0, 28)
    sheet.merge_range(0, 0, 0, last_col, f"{report_title(report)}：{REVIEW_TITLE}", fmt["title"])
    sheet.merge_range(1, 0, 1, last_col, report_period(report), fmt["subtitle"])
    header_row = 3
    sheet.set_row(header_row, 44)
    for col, column in enumerate(REVIEW_COLUMNS):
        sheet.write(header_row, col, column.title, fmt["header"])
    row = header_row
    for unit in report.units:
        row += 1
        _write_review_row(sheet, row, review_values(unit), fmt, "")
    row += 1
    if report.units:
        _write_review_row(sheet, row, review_total_values(report), fmt, "total_")
    else:
        sheet.merge_range(row, 0, row, last_col, "本季度没有办结的业务件。", fmt["text"])
    row += 2
    sheet.write(row, 0, "说明：", fmt["notes_head"])
    per_line = int(sum(c.width for c in REVIEW_COLUMNS) / 2.2)
    for number, note in enumerate(review_notes(report), start=1):
        row += 1
        lines = max(1, -(-(len(note) + 3) // per_line))
        sheet.set_row(row, 16 * lines + 4)
        sheet.merge_range(row, 0, row, last_col, f"{number}. {note}", fmt["note"])
    sheet.freeze_panes(header_row + 1, 1)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)


def _write_review_row(sheet, row: int, values: list, fmt: dict, prefix: str) -> None:
    for col, (column, value) in enumerate(zip(REVIEW_COLUMNS, values, strict=True)):
        if column.kind == "rate":
            if value is None:
                sheet.write(row, col, "—", fmt[f"{prefix}int"])
            elif not prefix and value < 1:
                sheet.write(row, col, value, fmt["red_rate"])
            else:
                sheet.write(row, col, value, fmt[f"{prefix}rate"])
        elif column.kind == "text":
            sheet.write(row, col, value, fmt[f"{prefix}text"])
        else:
            sheet.write(row, col, value, fmt[f"{prefix}int"])


def _write_malicious_sheet(workbook: xlsxwriter.Workbook, report: QuarterlyReport) -> None:
    sheet = workbook.add_worksheet("恶意差评")
    fmt = _formats(workbook)
    last_col = len(MALICIOUS_COLUMNS) - 1
    for col, column in enumerate(MALICIOUS_COLUMNS):
        sheet.set_column(col, col, column.width)
    sheet.set_row(0, 28)
    sheet.merge_range(0, 0, 0, last_col, f"{report_title(report)}：{MALICIOUS_TITLE}", fmt["title"])
    sheet.merge_range(1, 0, 1, last_col, report_period(report), fmt["subtitle"])
    header_row = 3
    for col, column in enumerate(MALICIOUS_COLUMNS):
        sheet.write(header_row, col, column.title, fmt["header"])
    rows = malicious_values(report)
    for number, values in enumerate(rows, start=header_row + 1):
        for col, value in enumerate(values):
            sheet.write(number, col, value, fmt["text"])
    if not rows:
        sheet.merge_range(
            header_row + 1,
            0,
            header_row + 1,
            last_col,
            "本季度没有经申诉认定为恶意的差评。",
            fmt["text"],
        )
    sheet.freeze_panes(header_row + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
