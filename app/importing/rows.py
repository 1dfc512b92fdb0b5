"""One data row of an import file, with typed access to its fields and clear reasons when wrong."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from app.importing.columns import Field
from app.importing.problems import RowProblem
from app.importing.summary import ImportSummary
from app.importing.values import (
    clean_text,
    normalize,
    parse_count,
    parse_date,
    parse_datetime,
    parse_flag,
    parse_money_fen,
)

T = TypeVar("T")


@dataclass
class SourceRow:
    line: int
    cells: list[Any]
    fields: dict[str, Field]
    columns: dict[str, int]

    def raw(self, key: str) -> Any:
        index = self.columns.get(key)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def label(self, key: str) -> str:
        return self.fields[key].label

    def text(self, key: str, limit: int | None = None, required: bool = False) -> str | None:
        value = clean_text(self.raw(key))
        if not value:
            if required:
                raise RowProblem("missing_value", {"field": self.label(key)})
            return None
        if limit is not None and len(value) > limit:
            raise RowProblem(
                "too_long", {"field": self.label(key), "length": len(value), "limit": limit}
            )
        return value

    def code(self, key: str, limit: int, required: bool = False) -> str | None:
        """An identifier such as 业务编号: half-width, no spaces, upper case."""
        value = normalize(self.raw(key)).replace(" ", "").upper()
        if not value and required:
            raise RowProblem("missing_value", {"field": self.label(key)})
        if len(value) > limit:
            raise RowProblem(
                "too_long", {"field": self.label(key), "length": len(value), "limit": limit}
            )
        return value or None

    def date(self, key: str, required: bool = False) -> date | None:
        return self._parsed(key, parse_date, "bad_date", required)

    def datetime(self, key: str, required: bool = False) -> datetime | None:
        return self._parsed(key, parse_datetime, "bad_datetime", required)

    def flag(self, key: str) -> bool:
        return bool(self._parsed(key, parse_flag, "bad_flag", False))

    def count(self, key: str) -> int | None:
        return self._parsed(key, parse_count, "bad_count", False)

    def money_fen(self, key: str) -> int | None:
        return self._parsed(key, parse_money_fen, "bad_money", False)

    def _parsed(
        self, key: str, parse: Callable[[Any], T | None], code: str, required: bool
    ) -> T | None:
        raw = self.raw(key)
        try:
            value = parse(raw)
        except (ValueError, ArithmeticError):
            raise RowProblem(code, {"field": self.label(key), "value": clean_text(raw)}) from None
        if value is None and required:
            raise RowProblem("missing_value", {"field": self.label(key)})
        return value

    def shown_cells(self) -> list[str]:
        return [clean_text(c) for c in self.cells]


def parse_rows(
    rows: list[SourceRow],
    parse: Callable[[SourceRow], T],
    summary: ImportSummary,
    tick: Callable[[], None],
) -> list[tuple[SourceRow, T]]:
    """Each row with its record; a row that cannot be parsed is rejected with its reason."""
    parsed = []
    for row in rows:
        tick()
        try:
            parsed.append((row, parse(row)))
        except RowProblem as problem:
            summary.reject(row.line, problem, row.shown_cells())
    return parsed
