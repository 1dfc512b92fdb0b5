"""The audit trail handed to auditors: written out as an Excel workbook (XlsxWriter) or a CSV
file, or its hash chain checked (app.audit_chain) — for auditors and administrators only.

Times are local (Asia/Shanghai); the values before and after are the JSON the trail keeps.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app import spreadsheets
from app.audit import AuditQuery, AuditRow, action_title, audit_entries, entity_title, record_export
from app.audit_chain import ChainReport, verify_chain
from app.errors import Refused
from app.i18n import pick
from app.progress import Progress
from app.roles import Permission
from app.staff import require_permission
from app.zone import LOCAL_ZONE

EXPORT_SUFFIXES = (".xlsx", ".csv")
HEADERS = ("时间", "操作人", "操作", "操作代码", "对象", "对象名称", "对象编号", "修改前", "修改后")
WIDTHS = (20, 18, 18, 18, 16, 20, 38, 60, 60)


class ExportRefused(Refused, ValueError):
    """The file cannot be written as asked (e.g. an unknown format); the message says why."""


def not_logged_in() -> str:
    """Who made a change nobody logged in for: the command line, the system, a failed log-in."""
    return pick("（未登录）", "(not logged in)")


def values_text(values: dict | None) -> str:
    return "" if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True)


def row_values(row: AuditRow) -> list[str]:
    return [
        row.at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M:%S"),
        row.actor or not_logged_in(),
        action_title(row.action),
        row.action,
        entity_title(row.entity),
        row.subject or "",
        str(row.entity_uid) if row.entity_uid else "",
        values_text(row.before),
        values_text(row.after),
    ]


def export_audit_trail(
    session: Session, query: AuditQuery, path: Path, *, by_id: int | None = None
) -> int:
    """Write the entries that match `query` to `path` and audit the export (the values before
    and after name people and may hold their numbers); returns how many were written. Auditors
    and administrators only (`by_id`: who)."""
    require_permission(session, by_id, Permission.AUDIT)
    rows = audit_entries(session, query)
    write_audit_file(rows, path)
    record_export(session, actor_id=by_id, what="audit_trail", path=path, rows=len(rows))
    return len(rows)


def verify_trail(
    session: Session,
    anchor: tuple[int, str] | None = None,
    progress: Progress | None = None,
    *,
    by_id: int | None = None,
) -> ChainReport:
    """`verify_chain` for an auditor or administrator (`by_id`: who asks)."""
    require_permission(session, by_id, Permission.AUDIT)
    return verify_chain(session, anchor, progress)


def write_audit_file(rows: Sequence[AuditRow], path: Path) -> None:
    """Write `rows` to `path`, as .xlsx or .csv by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(rows, path)
    elif suffix == ".csv":
        _write_csv(rows, path)
    else:
        raise ExportRefused(
            pick(
                f"审计日志只能导出为 .xlsx 或 .csv 文件，不能是“{path.name}”",
                f"The audit trail is exported as .xlsx or .csv, not {path.name!r}",
            )
        )


def _write_csv(rows: Sequence[AuditRow], path: Path) -> None:
    # With a BOM, so that Excel opens the Chinese text as UTF-8.
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = spreadsheets.csv_writer(file)
        writer.writerow(HEADERS)
        writer.writerows(row_values(row) for row in rows)


def _write_xlsx(rows: Sequence[AuditRow], path: Path) -> None:
    workbook = spreadsheets.workbook(path)
    try:
        sheet = workbook.add_worksheet("审计日志")
        header = workbook.add_format({"bold": True, "bg_color": "#E3EDFB", "border": 1})
        text = workbook.add_format({"text_wrap": True, "valign": "top"})
        for column, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
            sheet.write_string(0, column, title, header)
            sheet.set_column(column, column, width)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row_values(row)):
                sheet.write_string(number, column, value, text)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(HEADERS) - 1)
    finally:
        workbook.close()
