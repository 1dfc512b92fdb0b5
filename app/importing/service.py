"""Running an import: read the file, find its layout, check every row, then store in one go.

The caller owns the transaction: everything an import writes happens in the session it is given,
so that an interrupted, cancelled or refused import leaves nothing behind when rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.importing import cases, evaluations, ledger
from app.importing.columns import Layout, find_layout, header_signature
from app.importing.problems import FileRefused, Problem
from app.importing.reader import RawTable, read_table
from app.importing.rows import SourceRow
from app.importing.summary import ImportSummary
from app.importing.values import clean_text, normalize
from app.progress import Progress
from db.engine import bulk_write_cache
from db.models import ColumnMapping, ImportBatch

IMPORTERS: dict[str, ModuleType] = {
    cases.KIND: cases,
    evaluations.KIND: evaluations,
    ledger.KIND: ledger,
}
KINDS = tuple(IMPORTERS)


def import_file(
    session: Session,
    kind: str,
    path: Path,
    *,
    mapping: dict[str, str] | None = None,
    strict: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import one file of `kind` (cases, evaluations or ledger). Raises FileRefused.

    With `strict`, a file with any rejected row is refused whole. A file none of whose rows
    could be imported is refused too; `summary.refusal` says so and nothing is written.
    """
    table = read_table(Path(path))
    return import_table(
        session, kind, table, Path(path).name, mapping=mapping, strict=strict, progress=progress
    )


def import_table(
    session: Session,
    kind: str,
    table: RawTable,
    filename: str,
    *,
    mapping: dict[str, str] | None = None,
    strict: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    importer = IMPORTERS[kind]
    layout = find_layout(importer.FIELDS, table.rows, mapping)
    rows: list[SourceRow] = []
    footers = 0
    for row in data_rows(importer, table, layout):
        if _is_footer(row):
            footers += 1
        else:
            rows.append(row)
    if not rows:
        raise FileRefused("no_rows")
    summary = ImportSummary(
        kind=kind, filename=filename, sheet=table.sheet, header_line=layout.header_line
    )
    summary.rows = len(rows)
    if footers:
        summary.flagged["footer_rows"] = footers
    tick = _ticker(progress, 2 * len(rows))
    with bulk_write_cache(session):
        records = importer.prepare(session, rows, summary, tick)
        if strict and summary.rejected:
            summary.refusal = Problem("strict_refused", {"count": len(summary.rejected)})
        elif summary.rejected and len(summary.rejected) == summary.rows:
            summary.refusal = Problem("no_valid_rows", {"count": len(summary.rejected)})
        if summary.refusal:
            return summary
        batch = ImportBatch(kind=kind, filename=filename, sha256=table.sha256, summary={})
        session.add(batch)
        session.flush()
        importer.store(session, records, batch.id, summary, tick)
        batch.summary = summary.to_dict("zh")
    if progress:
        progress(2 * len(rows), 2 * len(rows))
    return summary


def data_rows(importer: ModuleType, table: RawTable, layout: Layout) -> list[SourceRow]:
    fields = {f.key: f for f in importer.FIELDS}
    return [
        SourceRow(line=line, cells=cells, fields=fields, columns=layout.columns)
        for line, cells in table.rows
        if line > layout.header_line
    ]


# How the notes under an export's table begin: totals, who made it, remarks.
_FOOTER_WORDS = (
    "合计",
    "总计",
    "小计",
    "制表",
    "填表",
    "审核",
    "打印",
    "导出",
    "备注",
    "说明",
    "注:",
)


def _is_footer(row: SourceRow) -> bool:
    """A note under the table (合计…, 制表人…) rather than a record; no case number reads so."""
    first = next((normalize(c) for c in row.cells if clean_text(c)), "")
    return first.startswith(_FOOTER_WORDS)


def _ticker(progress: Progress | None, total: int) -> Callable[[], None]:
    if progress is None:
        return lambda: None
    done = 0
    step = max(1, total // 200)

    def tick() -> None:
        nonlocal done
        done += 1
        if done % step == 0:
            progress(done, total)

    progress(0, total)
    return tick


def remembered_mapping(session: Session, kind: str, header: list[str]) -> dict[str, str] | None:
    """The mapping a user confirmed before for a file with this header, if any."""
    signature = header_signature(header)
    return session.scalar(
        select(ColumnMapping.mapping).where(
            ColumnMapping.kind == kind, ColumnMapping.header_signature == signature
        )
    )


def remember_mapping(
    session: Session, kind: str, header: list[str], mapping: dict[str, str]
) -> None:
    signature = header_signature(header)
    row = session.scalar(
        select(ColumnMapping).where(
            ColumnMapping.kind == kind, ColumnMapping.header_signature == signature
        )
    )
    if row is None:
        session.add(ColumnMapping(kind=kind, header_signature=signature, mapping=mapping))
    else:
        row.mapping = mapping
