"""The outlet assessment (网点考核, W 7.2 and 附录 G 考核计分表).

sheet: the score sheet as data — the default built from 附录 G as far as the copy of the standard
we hold goes (items 1–13, item 13 cut off mid-sentence), seeded into an empty table and edited by
an administrator. rules: the items the system computes from the records (服务礼仪, item 11: the
survey satisfaction rate and complaints upheld against the outlet's staff). service: an
assessment from draft to final, its total, grade and the comparison with the previous one, and
the ranking of outlets circulated for a period (W 7.2.3.2).

Points are kept in tenths (a 3-point item is 30); `parse_points` and `format_points` are the one
way a person's "1.5" becomes 15 and back.
"""

from __future__ import annotations

import re

from app.errors import Refused
from app.i18n import pick

INTERNAL, AUTHORITY = "internal", "authority"
KINDS: dict[str, tuple[str, str]] = {
    INTERNAL: ("内部考核", "Internal"),  # W 7.2.1, at least every half year
    AUTHORITY: ("上级主管部门考核", "Supervising authority"),  # W 7.2.2, once a year
}
DRAFT, FINAL = "draft", "final"
STATUSES: dict[str, tuple[str, str]] = {
    DRAFT: ("草稿", "Draft"),
    FINAL: ("已签定", "Final"),
}
EXCELLENT, GOOD, PASS, FAIL = "excellent", "good", "pass", "fail"
GRADES: dict[str, tuple[str, str]] = {
    EXCELLENT: ("优秀", "Excellent"),
    GOOD: ("良好", "Good"),
    PASS: ("合格", "Pass"),
    FAIL: ("不合格", "Fail"),
}
FULL_MARKS = 1000  # 100 points: what the sheet of 附录 G adds up to when complete
MAX_ITEM_POINTS = 1000


class AssessmentError(Refused, ValueError):
    """An assessment or a score sheet change that cannot be made as asked; the message says why,
    `field` (when set) what to correct."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def label(table: dict[str, tuple[str, str]], code: str | None) -> str:
    if code is None:
        return ""
    zh, en = table.get(code, (code, code))
    return pick(zh, en)


def grade_of(total_tenths: int) -> str:
    """W 7.2.3.1: 优秀 91 and above, 良好 81–90, 合格 71–80, 不合格 70 and below.

    A grade is reached only by reaching its figure: a total between two bands (90.5, 80.5,
    70.5) is in the lower one — 90.5 is 良好, 80.5 合格, 70.5 不合格.
    """
    if total_tenths >= 910:
        return EXCELLENT
    if total_tenths >= 810:
        return GOOD
    if total_tenths >= 710:
        return PASS
    return FAIL


_POINTS = re.compile(r"(\d{1,4})(?:\.(\d))?")


def parse_points(text: str | int | None, *, field: str = "points") -> int:
    """Points as a person types them ("3", "1.5", "０.５") in tenths; at most one decimal, not
    negative, at most 100 points."""
    if isinstance(text, int) and not isinstance(text, bool):
        value = text * 10
    else:
        raw = (text or "").strip()
        raw = raw.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
        if raw.startswith("."):
            raw = "0" + raw
        match = _POINTS.fullmatch(raw)
        if match is None:
            raise AssessmentError(
                pick(
                    f"分数“{raw[:20]}”不对：请写不带负号的数，至多一位小数，如 1 或 0.5",
                    f"Points “{raw[:20]}” unclear: write a number, at most one decimal, e.g. 1 or 0.5",
                ),
                field,
            )
        value = int(match.group(1)) * 10 + int(match.group(2) or 0)
    if value < 0 or value > MAX_ITEM_POINTS:
        raise AssessmentError(
            pick("分数须在 0 到 100 之间", "Points must be between 0 and 100"), field
        )
    return value


def format_points(tenths: int | None) -> str:
    """15 → "1.5", 30 → "3"."""
    if tenths is None:
        return ""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    return f"{sign}{whole}.{tenth}" if tenth else f"{sign}{whole}"
