"""Importing survey results collected elsewhere (.xlsx, .csv, … as app.importing.reader reads them).

The file has a header row naming its columns — 网点 (or 受理单位), 日期, 年龄, the seven rated
questions by their names on the form (服务环境 … 总体印象), 渠道, 需要改善的方面, optionally 编号 —
and a row per sheet. Ratings are written 满意/一般/不满意 or 1/2/3, the age band as on the form
(25岁以下, 25岁-35岁 …) or 1–4, the channels as their names or 1–5 separated by 、 , ; / or spaces.

All or nothing: every row is checked first, and one row wrong refuses the whole file with a
report of each row at fault (its line, the column, why); nothing of it is stored. A row already
imported (the same fingerprint at the same outlet: a digest of the row's values,
app.surveys.entry.fingerprint) is counted as unchanged, not stored again; rows alike within one
file are told apart by their order among themselves, so that a file imported twice adds nothing
while two people who answered alike still count twice.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.audit import record_change
from app.errors import Refused
from app.i18n import pick
from app.importing.reader import read_table
from app.importing.rows import quoted
from app.importing.values import clean_text, header_key, normalize, parse_date
from app.progress import Progress
from app.roles import Permission
from app.staff import require_permission
from app.surveys import AGE_BANDS, AVERAGE, CHANNELS, DISSATISFIED, ITEMS, SATISFIED
from app.surveys.entry import (
    IMPROVEMENT_LIMIT,
    ITEM_COLUMNS,
    SurveyAnswers,
    SurveyError,
    checked_answers,
    fingerprint,
    new_survey,
)
from app.units import unit_aliases
from db.models import SatisfactionSurvey, Unit

HEADER_SEARCH_ROWS = 20  # the header is looked for among the first rows (a title may precede it)
SHOWN_REJECTIONS = 20  # rows named in the message; the result lists them all

# Column → the header texts that name it (compared after header_key: half-width, no spaces).
HEADERS: dict[str, tuple[str, ...]] = {
    "unit": ("网点", "网点名称", "受理单位", "单位", "outlet", "unit"),
    "day": ("日期", "调查日期", "填表日期", "day", "date"),
    "sheet_no": ("编号", "调查表编号", "表号", "sheet", "sheetno", "sheetnumber"),
    "age_band": ("年龄", "年龄段", "您的年龄", "age", "ageband"),
    "environment": ("服务环境", "环境", "environment"),
    "attitude": ("服务态度", "态度", "attitude"),
    "efficiency": ("办事效率", "效率", "efficiency"),
    "consultation": ("咨询答复", "咨询", "consultation", "answerstoquestions"),
    "discipline": ("上班纪律", "纪律", "discipline", "workdiscipline"),
    "facilities": ("便民服务设施设备", "便民服务设施", "便民设施", "服务设施", "facilities"),
    "overall": ("总体印象", "总体", "overall", "overallimpression"),
    "channels": ("渠道", "了解渠道", "政策了解渠道", "channels", "channel"),
    "improvement": ("需要改善的方面", "需要改善", "改善意见", "改进意见", "improvement"),
}
COLUMN_TITLES: dict[str, tuple[str, str]] = {
    "unit": ("网点", "outlet"),
    "day": ("日期", "day"),
    "sheet_no": ("编号", "sheet number"),
    "age_band": ("年龄", "age band"),
    **{column: (zh, en) for column, zh, en in ITEMS},
    "channels": ("渠道", "channels"),
    "improvement": ("需要改善的方面", "improvement"),
}
_RATING_WORDS = {
    SATISFIED: ("满意", "1", "satisfied", "√满意"),
    AVERAGE: ("一般", "2", "average", "√一般"),
    DISSATISFIED: ("不满意", "3", "dissatisfied", "√不满意"),
}
_CHANNEL_SPLIT = re.compile(r"[、,，;；/|\s]+")


def _key(text: Any) -> str:
    return normalize(text).replace(" ", "").replace("–", "-").replace("—", "-").lower()


def _value_table(table: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Every spelling accepted for a code: the code, its number on the form, both titles."""
    words: dict[str, str] = {}
    for number, (code, (zh, en)) in enumerate(table.items(), start=1):
        for word in (code, str(number), zh, en, zh.replace("岁", "")):
            words[_key(word)] = code
    return words


RATING_VALUES = {
    _key(word): code for code, spellings in _RATING_WORDS.items() for word in spellings
}
AGE_VALUES = _value_table(AGE_BANDS)
CHANNEL_VALUES = _value_table(CHANNELS)


@dataclass(frozen=True)
class RejectedRow:
    line: int  # the file's line (1-based, as a spreadsheet numbers its rows)
    column: str  # the column's title ("" for the row as a whole)
    reason: str

    def text(self) -> str:
        if self.column:
            return pick(
                f"第 {self.line} 行，{self.column}：{self.reason}",
                f"Line {self.line}, {self.column}: {self.reason}",
            )
        return pick(f"第 {self.line} 行：{self.reason}", f"Line {self.line}: {self.reason}")


class SurveyImportRefused(Refused):
    """The file as a whole is refused; `rejected` lists every row at fault (maybe none, when the
    file itself is wrong). Nothing of it was stored."""

    def __init__(self, message: str, rejected: list[RejectedRow] | None = None) -> None:
        super().__init__(message)
        self.rejected = rejected or []


@dataclass
class SurveyImportResult:
    file: str
    rows: int  # the sheets in the file
    added: int
    unchanged: int  # imported before: recognised by their fingerprint
    units: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Parsed:
    line: int
    unit_id: int
    day: date
    answers: SurveyAnswers


def import_surveys(
    session: Session,
    path: Path | str,
    *,
    by_id: int | None,
    progress: Progress | None = None,
    today: date | None = None,
) -> SurveyImportResult:
    """Import the file at `path`, whole or not at all (SurveyImportRefused, FileRefused)."""
    require_permission(session, by_id, Permission.RECORD_FEEDBACK)
    path = Path(path)
    table = read_table(path, progress)
    header_index, columns = _header(table.rows)
    today = today or clock.today()
    units = _units(session)
    rows = table.rows[header_index + 1 :]
    parsed: list[_Parsed] = []
    rejected: list[RejectedRow] = []
    for number, (line, cells) in enumerate(rows, start=1):
        if progress is not None and number % 200 == 0:
            progress(number, len(rows))
        if not any(clean_text(cell) for cell in cells):
            continue
        row, problems = _parse_row(line, cells, columns, units, today)
        if problems:
            rejected.extend(problems)
        elif row is not None:
            parsed.append(row)
    if rejected:
        raise SurveyImportRefused(_refusal_text(rejected), rejected)
    if not parsed:
        raise SurveyImportRefused(pick("文件中没有调查表的数据", "The file holds no survey rows"))

    known = _known_fingerprints(session, {row.unit_id for row in parsed})
    occurrences: Counter[tuple[int, str]] = Counter()
    added = unchanged = 0
    for row in parsed:
        base = fingerprint(row.day, row.answers)
        occurrences[(row.unit_id, base)] += 1
        digest = fingerprint(row.day, row.answers, occurrences[(row.unit_id, base)])
        if (row.unit_id, digest) in known:
            unchanged += 1
            continue
        survey = new_survey(row.unit_id, row.day, row.answers, by_id)
        survey.fingerprint = digest
        session.add(survey)
        known.add((row.unit_id, digest))
        added += 1
    session.flush()
    names = {unit_id: name for name, (unit_id, _active) in units.items()}
    unit_names = sorted({names.get(row.unit_id, str(row.unit_id)) for row in parsed})
    record_change(
        session,
        actor_id=by_id,
        action="survey.imported",
        entity="survey",
        entity_uid=None,
        before=None,
        after={
            "file": path.name,
            "sha256": table.sha256,
            "rows": len(parsed),
            "added": added,
            "unchanged": unchanged,
        },
    )
    if progress is not None:
        progress(len(rows), len(rows))
    return SurveyImportResult(path.name, len(parsed), added, unchanged, unit_names)


def _header(rows: list[tuple[int, list[Any]]]) -> tuple[int, dict[str, int]]:
    names = {header_key(text): column for column, texts in HEADERS.items() for text in texts}
    for index, (_line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for position, cell in enumerate(cells):
            column = names.get(header_key(cell))
            if column is not None and column not in columns:
                columns[column] = position
        if "unit" in columns and "day" in columns:
            return index, columns
    raise SurveyImportRefused(
        pick(
            "找不到表头：文件的前 20 行中应有一行写明各列，至少有“网点”和“日期”两列"
            "（以及 年龄、服务环境 … 总体印象、渠道、需要改善的方面）",
            "No header found: one of the first 20 lines should name the columns, at least "
            "'网点' (outlet) and '日期' (day) (and 年龄, 服务环境 … 总体印象, 渠道, 需要改善的方面)",
        )
    )


def _units(session: Session) -> dict[str, tuple[int, bool]]:
    """Every name an outlet goes by in files (its own and its aliases) → (id, active)."""
    found = {
        clean_text(name): (unit_id, active)
        for unit_id, name, active in session.execute(select(Unit.id, Unit.name, Unit.active))
    }
    active_of = {unit_id: active for unit_id, active in found.values()}
    for alias, unit_id in unit_aliases(session).items():
        found.setdefault(clean_text(alias), (unit_id, active_of.get(unit_id, False)))
    return found


def _known_fingerprints(session: Session, unit_ids: set[int]) -> set[tuple[int, str]]:
    rows = session.execute(
        select(SatisfactionSurvey.unit_id, SatisfactionSurvey.fingerprint).where(
            SatisfactionSurvey.unit_id.in_(sorted(unit_ids)),
            SatisfactionSurvey.fingerprint.is_not(None),
        )
    )
    return {(unit_id, digest) for unit_id, digest in rows}


def _title(column: str) -> str:
    zh, en = COLUMN_TITLES[column]
    return pick(zh, en)


def _parse_row(
    line: int,
    cells: list[Any],
    columns: dict[str, int],
    units: dict[str, tuple[int, bool]],
    today: date,
) -> tuple[_Parsed | None, list[RejectedRow]]:
    problems: list[RejectedRow] = []

    def cell(column: str) -> Any:
        index = columns.get(column)
        return cells[index] if index is not None and index < len(cells) else None

    def refuse(column: str, reason: str) -> None:
        problems.append(RejectedRow(line, _title(column) if column else "", reason))

    unit_id = None
    name = clean_text(cell("unit"))
    if not name:
        refuse("unit", pick("没有填写网点", "no outlet given"))
    elif name not in units:
        refuse("unit", pick(f"没有名为“{quoted(name)}”的网点", f"no outlet named '{quoted(name)}'"))
    elif not units[name][1]:
        refuse(
            "unit", pick(f"网点“{quoted(name)}”已停用", f"the outlet '{quoted(name)}' is inactive")
        )
    else:
        unit_id = units[name][0]

    day = None
    try:
        day = parse_date(cell("day"))
    except (ValueError, OverflowError):
        refuse(
            "day", pick(f"“{quoted(cell('day'))}”不是日期", f"'{quoted(cell('day'))}' is not a day")
        )
    else:
        if day is None:
            refuse("day", pick("没有填写日期", "no day given"))
        elif day > today:
            refuse("day", pick(f"{day.isoformat()} 晚于今天", f"{day.isoformat()} is after today"))
            day = None

    def coded(
        column: str, values: dict[str, str], expected_zh: str, expected_en: str
    ) -> str | None:
        raw = cell(column)
        if not clean_text(raw):
            return None
        code = values.get(_key(raw))
        if code is None:
            refuse(
                column,
                pick(
                    f"“{quoted(raw)}”无法识别（应为 {expected_zh}）",
                    f"'{quoted(raw)}' is not understood ({expected_en})",
                ),
            )
        return code

    age = coded(
        "age_band",
        AGE_VALUES,
        "25岁以下、25岁-35岁、36岁-50岁、51岁以上 或 1–4",
        "an age band or 1–4",
    )
    ratings = {
        column: coded(
            column, RATING_VALUES, "满意、一般、不满意 或 1/2/3", "满意/一般/不满意 or 1/2/3"
        )
        for column in ITEM_COLUMNS
    }
    channels: list[str] = []
    for word in _CHANNEL_SPLIT.split(normalize(cell("channels"))):
        if not word:
            continue
        code = CHANNEL_VALUES.get(_key(word))
        if code is None:
            refuse(
                "channels",
                pick(
                    f"“{quoted(word)}”不是了解渠道（社区、政府部门、电视报刊、网络、其他 或 1–5）",
                    f"'{quoted(word)}' is not a channel (社区, 政府部门, 电视报刊, 网络, 其他 or 1–5)",
                ),
            )
        else:
            channels.append(code)
    improvement = cell("improvement")
    improvement_text = None if improvement is None else str(improvement)
    if improvement_text is not None and len(improvement_text.strip()) > IMPROVEMENT_LIMIT:
        refuse(
            "improvement",
            pick(
                f"超过 {IMPROVEMENT_LIMIT} 个字（有 {len(improvement_text.strip())} 个）",
                f"longer than {IMPROVEMENT_LIMIT} characters ({len(improvement_text.strip())})",
            ),
        )
        improvement_text = None
    sheet = clean_text(cell("sheet_no")) or None
    if problems:
        return None, problems
    try:
        answers = checked_answers(
            SurveyAnswers(age, ratings, tuple(channels), improvement_text, sheet)
        )
    except SurveyError as error:
        column = error.field if error.field in COLUMN_TITLES else ""
        refuse(column, str(error))
        return None, problems
    assert unit_id is not None and day is not None
    return _Parsed(line, unit_id, day, answers), []


def _refusal_text(rejected: list[RejectedRow]) -> str:
    lines = [row.text() for row in rejected[:SHOWN_REJECTIONS]]
    more = len(rejected) - SHOWN_REJECTIONS
    if more > 0:
        lines.append(pick(f"……另有 {more} 处", f"… and {more} more"))
    lines_at_fault = len({row.line for row in rejected})
    head = pick(
        f"文件没有导入：{lines_at_fault} 行有错误，请改正后重新导入。",
        f"Nothing was imported: {lines_at_fault} lines are wrong; correct them and import again.",
    )
    return "\n".join([head, *lines])
