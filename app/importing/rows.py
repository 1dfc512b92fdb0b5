"""One data row of an import file, with typed access to its fields and clear reasons when wrong."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from app.clock import local_date, today
from app.importing.columns import Field
from app.importing.problems import RowProblem
from app.importing.summary import ImportSummary
from app.importing.values import (
    ValueTooLarge,
    clean_text,
    normalize,
    parse_count,
    parse_date,
    parse_datetime,
    parse_flag,
    parse_money_fen,
)

T = TypeVar("T")

# Dates an import accepts: none before the registration records kept today began, none more
# than a year ahead (a 9999-12-31 "open end" would put a case in a quarter of the year 9999).
EARLIEST_DATE = date(1990, 1, 1)
DAYS_AHEAD = 366
# Characters never stored: controls (NUL …; tabs and line breaks are folded to spaces first),
# line and paragraph separators, the direction overrides that make text show other than it
# is, and lone surrogates. A byte-order mark is dropped instead: joined files leave one.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Invisible characters no identifier holds: a case number with a zero-width space pasted into it
# would look like another and never match it.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


def accepted_dates() -> tuple[date, date]:
    """The first and the last date an import accepts, today."""
    return EARLIEST_DATE, today() + timedelta(days=DAYS_AHEAD)


def shown(text: str) -> str:
    """Text of a file as shown in a summary: controls as U+FFFD, never stored or printed."""
    return text if text.isprintable() else _CONTROL.sub("\ufffd", text)


def quoted(value: Any) -> str:
    """A cell as a reason quotes it: as `shown`, a long one cut to its beginning (a 5 000-digit
    number is told by its first digits; the rejected row keeps the whole cell)."""
    text = shown(clean_text(value))
    return text if len(text) <= _QUOTED_LENGTH else text[: _QUOTED_LENGTH - 1] + "…"


_QUOTED_LENGTH = 60


@dataclass(slots=True)  # a city's file makes 100 000 of them
class SourceRow:
    line: int
    cells: list[Any]
    fields: dict[str, Field]
    columns: dict[str, int]
    # The dates accepted (accepted_dates()), given by whoever builds the rows of a file.
    dates: tuple[date, date] = field(default_factory=accepted_dates)

    def raw(self, key: str) -> Any:
        index = self.columns.get(key)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def label(self, key: str) -> str:
        return self.fields[key].label

    def text(self, key: str, limit: int | None = None, required: bool = False) -> str | None:
        # self.raw and clean_text inlined for a str cell: this runs ten times a row.
        index, cells = self.columns.get(key), self.cells
        value = cells[index] if index is not None and index < len(cells) else None
        value = " ".join(value.split()) if value.__class__ is str else clean_text(value)
        if not value.isprintable():  # str.isprintable is quick; most cells pass
            value = self._without_controls(key, value)
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
        if not value.isprintable():
            value = self._without_controls(key, _INVISIBLE.sub("", value))
        if not value and required:
            raise RowProblem("missing_value", {"field": self.label(key)})
        if len(value) > limit:
            raise RowProblem(
                "too_long", {"field": self.label(key), "length": len(value), "limit": limit}
            )
        return value or None

    def raw_text(self, key: str) -> str | None:
        """The cell as written, line breaks and runs of spaces kept (a phone cell's numbers are
        split on them); controls refused as by `text`."""
        value = self.raw(key)
        if not isinstance(value, str):
            return clean_text(value) or None
        if not value.isprintable():
            value = self._without_controls(key, value, folded=False)
        return value or None

    def _without_controls(self, key: str, value: str, folded: bool = True) -> str:
        """`value` without byte-order marks; RowProblem when it holds a control character."""
        value = value.replace("\ufeff", "")
        found = _CONTROL.search(value if folded else clean_text(value))
        if found:
            character = f"U+{ord(found.group()):04X}"
            raise RowProblem(
                "control_character", {"field": self.label(key), "character": character}
            )
        return value

    def date(self, key: str, required: bool = False) -> date | None:
        day = self._parsed(key, parse_date, "bad_date", required)
        if day is not None and not self.dates[0] <= day <= self.dates[1]:
            self._out_of_range(key, day.isoformat())
        return day

    def datetime(self, key: str, required: bool = False) -> datetime | None:
        moment = self._parsed(key, parse_datetime, "bad_datetime", required)
        if moment is not None and not self.dates[0] <= local_date(moment) <= self.dates[1]:
            self._out_of_range(key, quoted(self.raw(key)))
        return moment

    def _out_of_range(self, key: str, value: str) -> None:
        earliest, latest = self.dates
        raise RowProblem(
            "date_out_of_range",
            {
                "field": self.label(key),
                "value": value,
                "earliest": earliest.isoformat(),
                "latest": latest.isoformat(),
            },
        )

    def flag(self, key: str) -> bool:
        return bool(self._parsed(key, parse_flag, "bad_flag", False))

    def count(self, key: str) -> int | None:
        return self._parsed(key, parse_count, "bad_count", False)

    def money_fen(self, key: str) -> int | None:
        return self._parsed(key, parse_money_fen, "bad_money", False)

    def _parsed(
        self, key: str, parse: Callable[[Any], T | None], code: str, required: bool
    ) -> T | None:
        index, cells = self.columns.get(key), self.cells  # self.raw(key), inlined
        raw = cells[index] if index is not None and index < len(cells) else None
        try:
            value = parse(raw)
        except ValueTooLarge as error:
            raise RowProblem(
                "value_too_large",
                {"field": self.label(key), "value": quoted(raw), "limit": error.limit},
            ) from None
        except (ValueError, ArithmeticError):
            raise RowProblem(code, {"field": self.label(key), "value": quoted(raw)}) from None
        if value is None and required:
            raise RowProblem("missing_value", {"field": self.label(key)})
        return value

    def shown_cells(self) -> list[str]:
        return [shown(clean_text(c)) for c in self.cells]


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
