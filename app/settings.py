"""Settings: each declared once with its type, default and title; values kept in the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Setting


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    title: str  # Chinese
    title_en: str

    def check(self, value: Any) -> Any:
        """The value as the option's type; raises ValueError when it cannot be."""
        kind = type(self.default)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ValueError(f"{self.key}: expected {kind.__name__}, got {value!r}")
        return value


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("coverage.target", 0.3, "回访覆盖率目标", "Revisit coverage target"),
        Option(
            "coverage.supplement_working_days",
            3,
            "未达标单位补充回访期限（工作日）",
            "Working days for a unit below target to supplement revisits",
        ),
    )
}


def get_setting(session: Session, key: str) -> Any:
    option = OPTIONS[key]
    stored = session.scalar(select(Setting.value).where(Setting.key == key))
    return option.default if stored is None else option.check(stored)


def set_setting(session: Session, key: str, value: Any) -> None:
    value = OPTIONS[key].check(value)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
