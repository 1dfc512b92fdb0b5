"""The circulated ranking of outlets by their assessment (考核结果通报, W 7.2.3.2) as an Excel
workbook: rank, outlet, kind, period, total, grade. Written through app.spreadsheets (text stays
text, never a formula) and audited as every export."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app import spreadsheets
from app.assessment import GRADES, KINDS
from app.assessment.service import Ranking, ranking
from app.atomic_file import AtomicFile
from app.audit import record_export
from app.reports.exports import file_errors
from app.staff import StaffMember

HEADERS = ("名次", "网点", "考核类别", "考核期", "总分", "等次")


def write_ranking_xlsx(result: Ranking, path: Path | str) -> None:
    workbook = spreadsheets.workbook(path)
    try:
        sheet = workbook.add_worksheet("考核通报")
        base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
        cell = {**base, "border": 1, "align": "center"}
        title = workbook.add_format(
            {**base, "font_name": "黑体", "font_size": 16, "bold": True, "align": "center"}
        )
        subtitle = workbook.add_format({**base, "align": "center"})
        header = workbook.add_format({**cell, "bold": True, "bg_color": "#D9E1F2"})
        centred = workbook.add_format(cell)
        left = workbook.add_format({**cell, "align": "left"})
        points = workbook.add_format({**cell, "num_format": "0.0"})
        note = workbook.add_format({**base, "font_size": 9, "text_wrap": True})
        sheet.merge_range(0, 0, 0, len(HEADERS) - 1, "“四全”服务网点考核结果通报", title)
        kind = f"（{KINDS[result.kind][0]}）" if result.kind else ""
        sheet.merge_range(
            1, 0, 1, len(HEADERS) - 1,
            f"考核期截止于 {result.start:%Y-%m-%d} 至 {result.end:%Y-%m-%d} 之间{kind}", subtitle,
        )  # fmt: skip
        sheet.write_row(3, 0, HEADERS, header)
        for n, r in enumerate(result.rows, start=4):
            sheet.write_number(n, 0, r.rank, centred)
            sheet.write(n, 1, r.unit_name, left)
            sheet.write(n, 2, KINDS[r.kind][0] if r.kind in KINDS else r.kind, centred)
            sheet.write(n, 3, f"{r.period_start:%Y-%m-%d} 至 {r.period_end:%Y-%m-%d}", centred)
            sheet.write_number(n, 4, r.total_tenths / 10, points)
            sheet.write(n, 5, GRADES[r.grade][0] if r.grade in GRADES else r.grade, centred)
        last = 4 + len(result.rows)
        if not result.rows:
            sheet.merge_range(last, 0, last, len(HEADERS) - 1, "本期没有已签定的考核", centred)
            last += 1
        if result.warning:
            sheet.merge_range(
                last + 1, 0, last + 1, len(HEADERS) - 1,
                "注：所用计分表标准分合计不是 100 分（标准文本在第 13 项中断，计分表待补全），等次仅供参考。",
                note,
            )  # fmt: skip
        sheet.set_column(0, 0, 7)
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, 2, 16)
        sheet.set_column(3, 3, 26)
        sheet.set_column(4, 5, 9)
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
    finally:
        workbook.close()


def export_ranking_xlsx(
    session: Session,
    actor: StaffMember | None,
    start: date,
    end: date,
    path: Path | str,
    *,
    kind: str | None = None,
    now: datetime | None = None,
) -> Ranking:
    """The ranking read, written whole to `path` and audited in the caller's transaction."""
    result = ranking(session, actor, start, end, kind=kind)
    with file_errors(), AtomicFile(Path(path)) as partial:
        write_ranking_xlsx(result, partial)
        record_export(
            session,
            actor_id=actor.id if actor is not None else None,
            what="outlet_assessment_ranking",
            path=path,
            rows=len(result.rows),
            details={"period": f"{start:%Y-%m-%d}..{end:%Y-%m-%d}", "format": "xlsx", "kind": kind},
        )
    return result
