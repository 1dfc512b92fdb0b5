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
