"""Which column of a file feeds which field: found by the importer, remembered, or picked by hand.

The import page keeps the operator's choice as field key -> column index (None: not imported)
and turns it into what `import_table` takes: a mapping field key -> header text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from app.importing import FileRefused
from app.importing.columns import HEADER_SEARCH_ROWS, Field, find_layout
from app.importing.profiles import ImportProfile
from app.importing.reader import RawTable
from app.importing.service import fields_of, remembered_mapping, resolve_profile
from app.importing.values import header_key

Choice = dict[str, int | None]
Row = tuple[int, list[Any]]


@dataclass
class FileInspection:
    """A file read for import as one kind, with where its header is and what maps where."""

    kind: str
    filename: str
    table: RawTable
    header_line: int
    header: list[str]
    detected: Choice  # what the importer finds by header names and aliases
    initial: Choice  # what the page offers first: a remembered mapping over the detected one
    profile: ImportProfile | None = None  # how an evaluations export is read (its headers too)

    @property
    def fields(self) -> tuple[Field, ...]:
        return fields_of(self.kind, self.profile)

    def data_rows(self) -> list[Row]:
        return [(line, cells) for line, cells in self.table.rows if line > self.header_line]


def inspect_table(
    session: Session, kind: str, table: RawTable, filename: str, profile: str | None = None
) -> FileInspection:
    """Find the header row and the columns of the fields, then apply a remembered mapping.

    `profile` names the import profile of an evaluations export (None: the default one)."""
    chosen = resolve_profile(session, kind, profile)
    fields = fields_of(kind, chosen)
    # With every field optional, find_layout always names its best header row instead of
    # refusing the file, so that the operator can pick the missing columns by hand.
    optional = tuple(replace(f, required=False) for f in fields)
    layout = find_layout(optional, table.rows)
    detected: Choice = {f.key: layout.columns.get(f.key) for f in fields}
    initial = dict(detected)
    remembered = remembered_mapping(session, kind, layout.header) or {}
    keys = [header_key(h) for h in layout.header]
    for field_key, column in remembered.items():
        if field_key in initial:
            wanted = header_key(column)
            initial[field_key] = keys.index(wanted) if wanted and wanted in keys else None
    return FileInspection(
        kind=kind,
        filename=filename,
        table=table,
        header_line=layout.header_line,
        header=layout.header,
        detected=detected,
        initial=initial,
        profile=chosen,
    )


def mapping_of(inspection: FileInspection, choice: Choice) -> dict[str, str]:
    """The choice as field key -> header text; '' for a field that is not imported."""
    return {
        key: inspection.header[index] if index is not None else "" for key, index in choice.items()
    }


def import_input(
    inspection: FileInspection, choice: Choice, *, head_only: bool = False
) -> tuple[RawTable, dict[str, str]]:
    """The table and mapping to give `import_table` so that it uses exactly the chosen columns.

    `head_only` keeps just the rows among which find_layout looks for the header.
    """
    rows = inspection.table.rows[:HEADER_SEARCH_ROWS] if head_only else inspection.table.rows
    rows = _only_chosen_headers(rows, inspection.header_line, choice)
    mapping = {key: text for key, text in mapping_of(inspection, choice).items() if text}
    return replace(inspection.table, rows=rows), mapping


def choice_problem(inspection: FileInspection, choice: Choice) -> FileRefused | None:
    """Why the file cannot be imported with this choice (e.g. a required column is missing)."""
    table, mapping = import_input(inspection, choice, head_only=True)
    try:
        find_layout(inspection.fields, table.rows, mapping)
    except FileRefused as problem:
        return problem
    return None


def _only_chosen_headers(rows: list[Row], header_line: int, choice: Choice) -> list[Row]:
    """The rows with the header cells of the columns nobody chose blanked.

    A mapping only adds to what the importer finds by header name; blanking is how a recognised
    column is left out when the operator chose "not imported" for its field.
    """
    chosen = {index for index in choice.values() if index is not None}
    return [
        (line, [c if i in chosen else "" for i, c in enumerate(cells)])
        if line == header_line
        else (line, cells)
        for line, cells in rows
    ]


def column_letter(index: int) -> str:
    """The spreadsheet name of a column: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
