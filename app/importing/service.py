"""Running an import: read the file, find its layout, check every row, then store in one go.

The caller owns the transaction: everything an import writes happens in the session it is given,
so that an interrupted, cancelled or refused import leaves nothing behind when rolled back.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from sqlalchemy import select
from sqlalchemy.orm import Session

import app.importing.cases as cases
import app.importing.evaluations as evaluations
import app.importing.ledger as ledger
from app.importing.columns import Field, Layout, find_layout, header_signature
from app.importing.problems import FileRefused, Problem
from app.importing.profiles import ImportProfile, ProfileRefused, get_profile
from app.importing.reader import RawTable, read_table
from app.importing.rows import SourceRow, accepted_dates
from app.importing.summary import ImportSummary, UnknownUnit
from app.importing.unknown_units import UnitChoices, plan_units
from app.importing.values import clean_text, normalize
from app.progress import Progress
from app.staff import require_administrator
from db.engine import bulk_write_cache
from db.models import ColumnMapping, ImportBatch, Unit

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
    units: UnitChoices | None = None,
    profile: str | ImportProfile | None = None,
    progress: Progress | None = None,
    by_id: int | None = None,
) -> ImportSummary:
    """Import one file of `kind` (cases, evaluations or ledger); administrators only (`by_id`:
    who, checked before the file is read). Raises FileRefused.

    With `strict`, a file with any rejected row is refused whole. A file none of whose rows
    could be imported is refused too; `summary.refusal` says so and nothing is written.
    `units` says what becomes of a case file's unknown 受理单位 names (by default, in a
    database that has units, their rows are rejected). `profile` (evaluations only; a name or
    a profile) says how the platform writes its export; by default the usual headers with the
    ratings in words (app.importing.profiles).
    """
    require_administrator(session, by_id)
    with _cyclic_gc_paused():  # from the first row read: see _cyclic_gc_paused
        table = read_table(Path(path), progress)
        return import_table(
            session,
            kind,
            table,
            Path(path).name,
            mapping=mapping,
            strict=strict,
            units=units,
            profile=profile,
            progress=progress,
            by_id=by_id,
        )


def resolve_profile(
    session: Session, kind: str, profile: str | ImportProfile | None
) -> ImportProfile | None:
    """The import profile a file of `kind` is read through: None for cases and ledgers."""
    if kind != evaluations.KIND:
        if profile is not None:
            raise FileRefused("profile_not_evaluations", {"kind": kind})
        return None
    if profile is None:
        return evaluations.default_profile()
    if isinstance(profile, ImportProfile):
        return profile
    try:
        return get_profile(session, profile)
    except ProfileRefused as problem:
        raise FileRefused("profile_unknown", {"detail": str(problem)}) from None


def fields_of(kind: str, profile: ImportProfile | None) -> tuple[Field, ...]:
    """The fields of an import of `kind`, with the profile's header names."""
    return profile.fields() if profile is not None else IMPORTERS[kind].FIELDS


def import_table(
    session: Session,
    kind: str,
    table: RawTable,
    filename: str,
    *,
    mapping: dict[str, str] | None = None,
    strict: bool = False,
    units: UnitChoices | None = None,
    profile: str | ImportProfile | None = None,
    progress: Progress | None = None,
    by_id: int | None = None,
) -> ImportSummary:
    """Import a table read from a file named `filename` (`import_file`); administrators only
    (`by_id`: who; app.staff.require_administrator)."""
    require_administrator(session, by_id)
    with _cyclic_gc_paused():
        return _import_table(
            session, kind, table, filename, mapping, strict, units, profile, progress
        )


def _import_table(
    session: Session,
    kind: str,
    table: RawTable,
    filename: str,
    mapping: dict[str, str] | None,
    strict: bool,
    units: UnitChoices | None,
    profile: str | ImportProfile | None,
    progress: Progress | None,
) -> ImportSummary:
    importer = IMPORTERS[kind]
    chosen = resolve_profile(session, kind, profile)
    layout, rows, footers = _records_below_header(fields_of(kind, chosen), table, mapping)
    summary = ImportSummary(
        kind=kind,
        filename=filename,
        sheet=table.sheet,
        header_line=layout.header_line,
        profile=chosen.name if chosen else None,
    )
    summary.rows = len(rows)
    if footers:
        summary.flagged["footer_rows"] = footers
    tick = _ticker(progress, 2 * len(rows))
    # Only case files name units; only evaluation exports come in platforms' layouts.
    options: dict[str, object] = {}
    if importer is cases:
        options["units"] = units or UnitChoices()
    elif chosen is not None:
        options["profile"] = chosen
    with bulk_write_cache(session):
        records = importer.prepare(session, rows, summary, tick, **options)
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
        _check_every_row_accounted(summary)
        batch.summary = summary.to_dict("zh")
    if progress:
        progress(2 * len(rows), 2 * len(rows))
    return summary


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while the rows are read, checked and stored: a city's file
    makes millions of objects that live to the end, and each full collection walks them all
    again (about a tenth of an import's time). Reference counting frees everything else as
    usual. Nested, only the outermost turns it back on (when it was on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_every_row_accounted(summary: ImportSummary) -> None:
    """Every data row of the file is inserted, updated, unchanged, a repeated line or rejected
    with its reason; otherwise the file is refused (the caller rolls back) rather than lose a
    row without a word."""
    accounted = (
        summary.inserted
        + summary.updated
        + summary.unchanged
        + summary.duplicates_in_file
        + len(summary.rejected)
    )
    if accounted != summary.rows:
        raise FileRefused("rows_unaccounted", {"rows": summary.rows, "accounted": accounted})


def find_unknown_units(
    session: Session,
    kind: str,
    table: RawTable,
    *,
    mapping: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> list[UnknownUnit]:
    """The 受理单位 names of a case file that no unit has (nor an alias), with their rows, as
    `import_table` would find them; writes nothing. Empty for other kinds of file, and in a
    database without units, where the first import creates them."""
    importer = IMPORTERS[kind]
    if importer is not cases or session.scalar(select(Unit.id).limit(1)) is None:
        return []
    _layout, rows, _footers = _records_below_header(cases.FIELDS, table, mapping)
    parsed = cases.parse_rows_of_file(rows, ImportSummary(kind, ""), _ticker(progress, len(rows)))
    counts = Counter(record.unit for _row, record in parsed)
    return plan_units(session, counts, UnitChoices()).unknown


def unit_names_in_case_file(path: Path) -> list[str]:
    """The 受理单位 names of a case export, most rows first (a first run's units are taken from
    it); writes nothing. Raises FileRefused when it is not a case file that can be read."""
    _layout, rows, _footers = _records_below_header(cases.FIELDS, read_table(Path(path)), None)
    parsed = cases.parse_rows_of_file(rows, ImportSummary(cases.KIND, ""), _ticker(None, 0))
    counts = Counter(record.unit for _row, record in parsed)
    return [name for name, _count in counts.most_common()]


def _records_below_header(
    fields: tuple[Field, ...], table: RawTable, mapping: dict[str, str] | None
) -> tuple[Layout, list[SourceRow], int]:
    """The layout, the data rows, and how many notes below the table (合计…) were left out."""
    layout = find_layout(fields, table.rows, mapping)
    rows: list[SourceRow] = []
    footers = 0
    for row in data_rows(fields, table, layout):
        if _is_footer(row):
            footers += 1
        else:
            rows.append(row)
    if not rows:
        raise FileRefused("no_rows")
    return layout, rows, footers


def data_rows(fields: tuple[Field, ...], table: RawTable, layout: Layout) -> list[SourceRow]:
    by_key = {f.key: f for f in fields}
    dates = accepted_dates()
    columns, header_line = layout.columns, layout.header_line
    return [
        SourceRow(line, cells, by_key, columns, dates)
        for line, cells in table.rows
        if line > header_line
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
    cells = row.cells
    if cells and cells[0].__class__ is str and cells[0][:1].isascii() and cells[0][:1].isalnum():
        # A first cell such as JN2026…: every footer word begins with a Chinese character, and
        # normalising can only join a letter with the accents after it.
        return False
    first = next((normalize(c) for c in cells if clean_text(c)), "")
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
