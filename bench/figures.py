"""One measured figure of the city-scale benchmark: the app's median against raw sqlite3's."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Figure:
    """What `bench.run` writes as one row of bench/RESULTS.md.

    `app` and `raw` are medians in `unit`; `goal` is the target the app must reach, in the same
    unit, and `higher_is_better` says which way (rows per second) or not (ms, s, MB).
    `raw` is None where no hand-written counterpart makes sense (memory of the GUI process).
    """

    name: str
    unit: str
    app: float
    raw: float | None
    goal: float | None = None
    higher_is_better: bool = False
    runs: int = 1
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """app / raw, so that above 1 the app is slower (or bigger) than raw sqlite3 — except
        for rates, where app / raw below 1 means the app is slower."""
        if self.raw in (None, 0):
            return None
        return self.app / self.raw

    @property
    def met(self) -> bool | None:
        if self.goal is None:
            return None
        return self.app >= self.goal if self.higher_is_better else self.app <= self.goal


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(call: Callable[[], T]) -> tuple[T, float]:
    """The call's result and the seconds it took."""
    began = time.perf_counter()
    result = call()
    return result, time.perf_counter() - began


@dataclass(frozen=True)
class BackendFigure:
    """One row of RESULTS.md's table "SQLite and PostgreSQL": the app's same work on both.

    Times are in ms (`unit` "ms"), rates per second (`unit` "/s", `higher_is_better`). The
    goals of issue 23: PostgreSQL within `max_ratio` of SQLite (a rate at least 1/`max_ratio`
    of it), and where `limit` is given, PostgreSQL's median at most `limit` — SQLite's too when
    `limit_both`. Medians decide (the p95 with `by_p95`); the other is shown beside them.
    """

    name: str
    unit: str
    sqlite: float
    postgresql: float
    sqlite_p95: float | None = None
    postgresql_p95: float | None = None
    limit: float | None = None
    limit_both: bool = False
    max_ratio: float | None = 3.0
    higher_is_better: bool = False
    runs: int = 1
    note: str = ""
    by_p95: bool = False  # the ratio and the goals judge the p95 (waits under load), not medians

    @property
    def judged(self) -> tuple[float, float]:
        """SQLite's and PostgreSQL's figure the ratio and the goals judge."""
        if self.by_p95 and self.sqlite_p95 is not None and self.postgresql_p95 is not None:
            return self.sqlite_p95, self.postgresql_p95
        return self.sqlite, self.postgresql

    @property
    def ratio(self) -> float | None:
        """PostgreSQL / SQLite: above 1 PostgreSQL takes longer (for a rate: does more)."""
        sqlite, postgresql = self.judged
        if not sqlite:
            return None
        return postgresql / sqlite

    @property
    def met(self) -> bool | None:
        sqlite, postgresql = self.judged
        checks = []
        if self.max_ratio is not None and self.ratio is not None:
            if self.higher_is_better:
                checks.append(self.ratio >= 1 / self.max_ratio)
            else:
                checks.append(self.ratio <= self.max_ratio)
        if self.limit is not None:
            bounded = (postgresql, sqlite) if self.limit_both else (postgresql,)
            for value in bounded:
                checks.append(value >= self.limit if self.higher_is_better else value <= self.limit)
        return all(checks) if checks else None
