"""Which column of an export holds which field: headers matched by name and alias, or a mapping."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.importing.problems import FileRefused
from app.importing.values import clean_text, header_key

HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # the usual Chinese header, also the field's name in messages
    aliases: tuple[str, ...] = ()
    required: bool = False

    def names(self) -> set[str]:
        return {header_key(n) for n in (self.label, self.key, *self.aliases)}


@dataclass
class Layout:
    """Where the header is and which column each field comes from."""

    header_line: int
    header: list[str]
    columns: dict[str, int]  # field key -> column index

    @property
    def signature(self) -> str:
        return header_signature(self.header)


def header_signature(header: list[str]) -> str:
    """Identifies a layout by its header cells, to remember a mapping made for it."""
    keys = "\x1f".join(header_key(h) for h in header)
    return hashlib.sha256(keys.encode()).hexdigest()


def find_layout(
    fields: tuple[Field, ...],
    rows: list[tuple[int, list[Any]]],
    mapping: dict[str, str] | None = None,
) -> Layout:
    """Find the header row among the first rows, then the column of each field.

    Title rows above the header are skipped. A mapping (field key or label -> header text)
    overrides the names and aliases for the fields it names.
    """
    mapping = resolve_mapping_fields(fields, mapping or {})
    required = [f for f in fields if f.required]
    best: tuple[int, int] | None = None  # (matches, index in rows)
    for index, (_line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {header_key(c) for c in cells if clean_text(c)}
        wanted = {header_key(v) for v in mapping.values()}
        matches = sum(1 for f in fields if keys & f.names()) + len(keys & wanted)
        if best is None or matches > best[0]:
            best = (matches, index)
    if best is None or best[0] < min(2, len(required)):
        raise FileRefused(
            "header_not_found",
            {
                "rows": min(HEADER_SEARCH_ROWS, len(rows)),
                "columns": "、".join(f.label for f in required),
            },
        )
    line, cells = rows[best[1]]
    header = [clean_text(c) for c in cells]
    keys = [header_key(c) for c in header]
    columns: dict[str, int] = {}
    for key, column in mapping.items():
        if header_key(column) not in keys:
            raise FileRefused("mapping_unknown_column", {"column": column})
        columns[key] = keys.index(header_key(column))
    # Then the other fields by name, from the columns the mapping left free.
    for f in fields:
        if f.key in columns:
            continue
        names = f.names()
        for index, key in enumerate(keys):
            if key in names and index not in columns.values():
                columns[f.key] = index
                break
    missing = [f.label for f in required if f.key not in columns]
    if missing:
        raise FileRefused("missing_columns", {"columns": "、".join(missing)})
    return Layout(header_line=line, header=header, columns=columns)


def resolve_mapping_fields(fields: tuple[Field, ...], mapping: dict[str, str]) -> dict[str, str]:
    """A mapping keyed by field keys, whether it was written with keys or Chinese labels."""
    by_name = {}
    for f in fields:
        by_name[f.key] = f.key
        by_name[header_key(f.label)] = f.key
    resolved = {}
    for name, column in mapping.items():
        key = by_name.get(name) or by_name.get(header_key(name))
        if key is None:
            raise FileRefused(
                "mapping_unknown_field",
                {"name": name, "fields": "、".join(f.label for f in fields)},
            )
        if clean_text(column):
            resolved[key] = clean_text(column)
    return resolved


def load_mapping_file(path: Path) -> dict[str, str]:
    """A mapping file: JSON, either {"字段": "表头", …} or {"columns": {"字段": "表头", …}}."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FileRefused("mapping_invalid", {"detail": str(error)}) from None
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise FileRefused("mapping_invalid", {"detail": '{"业务编号": "件号", …}'})
    return data
