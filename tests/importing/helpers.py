"""Helpers for the import tests: export files written as real exports write them, imports run on a DB."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.importing import ImportSummary, import_file
from db.database import Database

CASE_HEADER = [
    "业务编号",
    "办理事项类型",
    "受理单位",
    "所属区县",
    "受理日期",
    "办结日期",
    "申请人",
    "联系电话",
    "是否企业",
    "企业名称",
    "座落",
    "经办人",
    "办理渠道",
    "办理环节数",
    "办理天数",
    "登记费",
    "契税",
    "印花税",
]
EVALUATION_HEADER = [
    "业务编号",
    "评价时间",
    "评价渠道",
    "总体评价",
    "办事效率",
    "服务态度",
    "提交材料",
    "有无违反廉洁纪律",
    "评价内容",
]
LEDGER_HEADER = [
    "序号",
    "日期",
    "人员姓名",
    "座落",
    "业务类型",
    "联系方式",
    "回访情况",
    "业务编号",
    "总体情况",
    "办事效率",
    "服务态度",
    "提交材料",
    "有无违反廉洁纪律",
    "有无建议",
    "回访人",
]

Rows = Sequence[Sequence[Any]]


def case_row(case_no: str, **changes: Any) -> list[Any]:
    """A valid row under CASE_HEADER; keyword arguments replace cells by header label."""
    values = {
        "业务编号": case_no,
        "办理事项类型": "转移登记",
        "受理单位": "历下区不动产登记中心",
        "所属区县": "历下区",
        "受理日期": "2026-07-01",
        "办结日期": "2026-07-05",
        "申请人": "张三",
        "联系电话": "13812345678",
        "是否企业": "否",
        "企业名称": "",
        "座落": "历下区泉城路1号",
        "经办人": "李四",
        "办理渠道": "窗口",
        "办理环节数": "3",
        "办理天数": "2",
        "登记费": "80",
        "契税": "1234.5",
        "印花税": "0",
    }
    values.update(changes)
    unknown = set(values) - set(CASE_HEADER)
    assert not unknown, unknown
    return [values[h] for h in CASE_HEADER]


def evaluation_row(case_no: str, at: Any = "2026-07-06 10:00:00", **changes: Any) -> list[Any]:
    values = {
        "业务编号": case_no,
        "评价时间": at,
        "评价渠道": "好差评系统",
        "总体评价": "满意",
        "办事效率": "满意",
        "服务态度": "非常满意",
        "提交材料": "满意",
        "有无违反廉洁纪律": "没有",
        "评价内容": "",
    }
    values.update(changes)
    assert set(values) == set(EVALUATION_HEADER)
    return [values[h] for h in EVALUATION_HEADER]


def ledger_row(case_no: str, status: str = "已回访", at: Any = "2026-07-13", **changes: Any):
    completed = status == "已回访"
    values = {
        "序号": "1",
        "日期": at,
        "人员姓名": "张三",
        "座落": "历下区泉城路1号",
        "业务类型": "转移登记",
        "联系方式": "13812345678",
        "回访情况": status,
        "业务编号": case_no,
        "总体情况": "满意" if completed else "",
        "办事效率": "满意" if completed else "",
        "服务态度": "满意" if completed else "",
        "提交材料": "满意" if completed else "",
        "有无违反廉洁纪律": "没有" if completed else "",
        "有无建议": "",
        "回访人": "回访员1",
    }
    values.update(changes)
    assert set(values) == set(LEDGER_HEADER)
    return [values[h] for h in LEDGER_HEADER]


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if c is None else c for c in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: Rows, sheet: str = "Sheet1") -> Path:
    """Cells keep their Python types: dates become real date cells, numbers numbers."""
    import openpyxl

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(list(row))
    for cells in worksheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    workbook.save(path)
    return path


def write_xls(path: Path, rows: Rows, sheet: str = "Sheet1") -> Path:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    worksheet = workbook.add_sheet(sheet)
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    moment = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM:SS")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, datetime):
                worksheet.write(r, c, value, moment)
            elif isinstance(value, date):
                worksheet.write(r, c, value, day)
            else:
                worksheet.write(r, c, value)
    workbook.save(str(path))
    return path


def write_table(path: Path, rows: Rows, **options: Any) -> Path:
    """Write rows as the file type the suffix names (.csv, .xlsx, .xls)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return write_csv(path, rows, **options)
    if suffix == ".xlsx":
        return write_xlsx(path, rows, **options)
    if suffix == ".xls":
        return write_xls(path, rows, **options)
    raise AssertionError(f"no writer for {suffix}")


def run_import(db: Database, kind: str, path: Path, **options: Any) -> ImportSummary:
    with db.sessions.begin() as session:
        return import_file(session, kind, path, **options)


def count(db: Database, model: Any, *where: Any) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def rejected_lines(summary: ImportSummary) -> dict[int, str]:
    return {r.line: r.code for r in summary.rejected}
