"""Evaluation samples for business-environment reviews (J 5.4.5), drawn at random from cases
already revisited, recorded with their seed so that the draw can be shown and repeated.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import spreadsheets
from app.desk.due import counts_as_revisit
from app.errors import Refused
from app.i18n import pick
from app.ratings import CHANNEL_LABELS, RATING_LABELS, Rating
from app.zone import LOCAL_ZONE
from db.models import Case, Evaluation, EvaluationSample, EvaluationSampleCase, Unit

# Seeds fit a 32-bit integer column on every backend.
SEED_LIMIT = 2**31
METHOD = (
    "候选：办结日期在抽样期间内、已有首轮评价（已回访）的业务件，按业务编号排序；"
    "以随机种子初始化 Python random.Random 后用 sample() 抽取。"
    "同一数据、同一种子，抽取结果相同。"
)


class UnknownUnitError(Refused, ValueError):
    def __init__(self, names: list[str]) -> None:
        joined = "、".join(names)
        super().__init__(pick(f"没有这个受理单位：{joined}", f"unknown unit(s): {joined}"))
        self.names = names


@dataclass
class SampleRow:
    position: int  # 1-based, in the order drawn
    case_no: str
    unit: str
    completed_on: date  # 办结日期
    business_type: str | None
    applicant: str | None
    # The case's first evaluation (earliest round-1 by time, the one that scores, J 5.4.1).
    channel: str
    channel_label: str
    evaluated_at: datetime  # local time
    overall: str | None  # Chinese labels of Form A's ratings
    efficiency: str | None
    attitude: str | None
    materials: str | None
    integrity: str | None  # 有 / 没有
    suggestion: str | None


@dataclass
class DrawnSample:
    id: int
    seed: int
    start: date
    end: date
    unit_names: list[str]  # empty: all units
    requested_size: int
    candidate_count: int
    drawn_at: datetime  # local time
    drawn_by: str | None
    note: str | None
    rows: list[SampleRow]


def draw_sample(
    session: Session,
    *,
    start: date,
    end: date,
    size: int,
    unit_names: list[str] | None = None,
    seed: int | None = None,
    drawn_by: str | None = None,
    note: str | None = None,
) -> DrawnSample:
    """Draw and record a sample of min(size, candidates) revisited cases completed in [start, end].

    The caller owns the transaction: the sample is added and flushed, not committed.
    Raises ValueError for an empty period, a size below 1 or a seed out of range, and
    UnknownUnitError for a unit name that is not known.
    """
    if end < start:
        raise ValueError(
            pick(
                f"期间结束日期 {end} 早于开始日期 {start}",
                f"the period ends ({end}) before it starts ({start})",
            )
        )
    if size < 1:
        raise ValueError(
            pick(f"样本量至少为 1，不能是 {size}", f"sample size must be at least 1, not {size}")
        )
    if seed is None:
        seed = secrets.randbelow(SEED_LIMIT)
    elif not 0 <= seed < SEED_LIMIT:
        raise ValueError(
            pick(
                f"随机种子应在 0 到 {SEED_LIMIT - 1} 之间，不能是 {seed}",
                f"seed must be between 0 and {SEED_LIMIT - 1}, not {seed}",
            )
        )
    unit_ids = _unit_ids(session, unit_names or [])

    # Drawn from the revisited cases (J 5.4.5): those whose first evaluation is valid.
    query = (
        select(Case.id, Case.case_no)
        .join(Evaluation, Evaluation.id == Case.first_evaluation_id)
        .where(Case.completed_on.between(start, end), counts_as_revisit(Evaluation))
    )
    if unit_ids:
        query = query.where(Case.unit_id.in_(unit_ids))
    # Sorted here, not by the database: collations differ between SQLite and PostgreSQL, and the
    # order is what makes a seed reproduce the same draw.
    candidates = sorted(session.execute(query).all(), key=lambda row: row.case_no)
    chosen = random.Random(seed).sample(candidates, min(size, len(candidates)))

    sample = EvaluationSample(
        seed=seed,
        period_start=start,
        period_end=end,
        unit_ids=unit_ids,
        requested_size=size,
        candidate_count=len(candidates),
        drawn_by=drawn_by,
        note=note,
    )
    sample.cases = [
        EvaluationSampleCase(case_id=row.id, position=position)
        for position, row in enumerate(chosen, start=1)
    ]
    session.add(sample)
    session.flush()
    return load_sample(session, sample.id)


def load_sample(session: Session, sample_id: int) -> DrawnSample:
    """A recorded sample, with its cases' first evaluations as they are now. Raises LookupError."""
    sample = session.get(EvaluationSample, sample_id)
    if sample is None:
        raise LookupError(f"no evaluation sample {sample_id}")
    units = select(Unit.id, Unit.name).where(Unit.id.in_(sample.unit_ids))
    names = dict(session.execute(units).all())
    return DrawnSample(
        id=sample.id,
        seed=sample.seed,
        start=sample.period_start,
        end=sample.period_end,
        unit_names=[names.get(unit_id, str(unit_id)) for unit_id in sample.unit_ids],
        requested_size=sample.requested_size,
        candidate_count=sample.candidate_count,
        drawn_at=sample.created_at.astimezone(LOCAL_ZONE),
        drawn_by=sample.drawn_by,
        note=sample.note,
        rows=_rows(session, sample.id),
    )


def _unit_ids(session: Session, names: list[str]) -> list[int]:
    wanted = list(dict.fromkeys(name.strip() for name in names if name.strip()))
    if not wanted:
        return []
    found = dict(session.execute(select(Unit.name, Unit.id).where(Unit.name.in_(wanted))).all())
    missing = [name for name in wanted if name not in found]
    if missing:
        raise UnknownUnitError(missing)
    return sorted(found[name] for name in wanted)


def _rows(session: Session, sample_id: int) -> list[SampleRow]:
    query = (
        select(
            EvaluationSampleCase.position,
            Case.case_no,
            Unit.name.label("unit"),
            Case.completed_on,
            Case.business_type,
            func.coalesce(Case.applicant, Case.enterprise_name).label("applicant"),
            Evaluation.channel,
            Evaluation.evaluated_at,
            Evaluation.overall,
            Evaluation.efficiency,
            Evaluation.attitude,
            Evaluation.materials,
            Evaluation.integrity_breach,
            Evaluation.suggestion,
        )
        .join(Case, Case.id == EvaluationSampleCase.case_id)
        .join(Unit, Unit.id == Case.unit_id)
        # The first evaluation, kept on the case by the database (migration 0004).
        .join(Evaluation, Evaluation.id == Case.first_evaluation_id)
        .where(EvaluationSampleCase.sample_id == sample_id)
        .order_by(EvaluationSampleCase.position)
    )
    return [
        SampleRow(
            position=row.position,
            case_no=row.case_no,
            unit=row.unit,
            completed_on=row.completed_on,
            business_type=row.business_type,
            applicant=row.applicant,
            channel=row.channel,
            channel_label=CHANNEL_LABELS.get(row.channel, row.channel),
            evaluated_at=row.evaluated_at.astimezone(LOCAL_ZONE),
            overall=_rating_label(row.overall),
            efficiency=_rating_label(row.efficiency),
            attitude=_rating_label(row.attitude),
            materials=_rating_label(row.materials),
            integrity=(
                None if row.integrity_breach is None else ("有" if row.integrity_breach else "没有")
            ),
            suggestion=row.suggestion,
        )
        for row in session.execute(query)
    ]


def _rating_label(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return RATING_LABELS[Rating(value)]
    except ValueError:
        return value


SAMPLE_HEADERS = (
    "序号",
    "业务编号",
    "受理单位",
    "办结日期",
    "办理事项类型",
    "申请人",
    "评价渠道",
    "评价时间",
    "总体情况",
    "办事效率",
    "服务态度",
    "提交材料",
    "有无违反廉洁纪律",
    "有无建议",
)


def write_sample_xlsx(sample: DrawnSample, path: Path) -> None:
    """The sample with its answers, below a header block that says how it was drawn."""
    with spreadsheets.workbook(path, {"remove_timezone": True}) as book:
        base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
        cell = {**base, "border": 1}
        title = book.add_format({**base, "bold": True, "font_size": 14, "align": "center"})
        label = book.add_format({**base, "bold": True})
        plain = book.add_format(base)
        header = book.add_format(
            {**cell, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#DDEBF7"}
        )
        text = book.add_format({**cell, "text_wrap": True})
        number = book.add_format({**cell, "num_format": "0"})
        day = book.add_format({**cell, "num_format": "yyyy-mm-dd", "align": "center"})
        moment = book.add_format({**cell, "num_format": "yyyy-mm-dd hh:mm"})

        sheet = book.add_worksheet("评价样本")
        sheet.merge_range(
            0, 0, 0, len(SAMPLE_HEADERS) - 1, "营商环境评价样本（已回访业务件）", title
        )
        sheet.set_row(0, 24)
        block = (
            ("样本编号", str(sample.id)),
            ("随机种子", str(sample.seed)),
            ("抽样期间（办结日期）", f"{sample.start.isoformat()} 至 {sample.end.isoformat()}"),
            ("受理单位", "、".join(sample.unit_names) if sample.unit_names else "全部"),
            ("候选件数", str(sample.candidate_count)),
            ("样本量", f"{len(sample.rows)}（要求 {sample.requested_size}）"),
            ("抽取时间", sample.drawn_at.strftime("%Y-%m-%d %H:%M:%S")),
            ("抽取人", sample.drawn_by or ""),
            ("备注", sample.note or ""),
            ("抽样方法", METHOD),
        )
        for offset, (name, value) in enumerate(block, start=2):
            sheet.write_string(offset, 0, name, label)
            sheet.merge_range(offset, 1, offset, len(SAMPLE_HEADERS) - 1, value, plain)
        row = 2 + len(block) + 1
        sheet.write_row(row, 0, SAMPLE_HEADERS, header)
        sheet.freeze_panes(row + 1, 2)
        for sample_row in sample.rows:
            row += 1
            sheet.write_number(row, 0, sample_row.position, number)
            sheet.write_datetime(row, 3, sample_row.completed_on, day)
            sheet.write_datetime(row, 7, sample_row.evaluated_at, moment)
            texts = {
                1: sample_row.case_no,
                2: sample_row.unit,
                4: sample_row.business_type,
                5: sample_row.applicant,
                6: sample_row.channel_label,
                8: sample_row.overall,
                9: sample_row.efficiency,
                10: sample_row.attitude,
                11: sample_row.materials,
                12: sample_row.integrity,
                13: sample_row.suggestion,
            }
            for column, value in texts.items():
                # As strings: case numbers stay as written and '=…' is never a formula.
                if value is None:
                    sheet.write_blank(row, column, None, text)
                else:
                    sheet.write_string(row, column, value, text)
        widths = (6, 20, 24, 12, 30, 12, 12, 17, 10, 10, 10, 10, 10, 36)
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
