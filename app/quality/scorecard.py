"""The quality-inspection scorecard: the active criteria in position order, seeded on first use
with the default card built from the specifications' own words.

W 附录 D (服务语言): the telephone phrases D.1.2, the closing phrases D.1.1 g), no 服务忌语 D.1.3
(critical). J 附件 A (网上及电话回访内容): every item asked; the answers recorded as said
(critical). J 5.3.3: a dissatisfied respondent's problem recorded in full and explained. W 附录 G
item 11 (服务礼仪): service manners.

Team leads edit the card (save_criteria): label, weight, critical, active, order, new criteria;
the whole card is checked before anything is written, each change audited. A criterion is never
deleted, only made inactive; a score keeps its own copy of the label and weight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit import record_change
from app.errors import Refused
from app.i18n import pick
from app.roles import Permission
from app.staff import require_permission
from db.models import QcCriterion

LABEL_LENGTH, LABEL_EN_LENGTH, CODE_LENGTH, SOURCE_LENGTH = 100, 200, 40, 50  # the columns
MAX_WEIGHT = 100  # points of one criterion
MAX_CRITERIA = 50
_POSITION_STEP = 10


@dataclass(frozen=True)
class DefaultCriterion:
    code: str
    label: str
    label_en: str
    source: str
    weight: int
    critical: bool


DEFAULT_CARD: tuple[DefaultCriterion, ...] = (
    DefaultCriterion(
        "opening",
        "开头使用电话用语：“您好，这里是（单位）”“请问”",
        "Opened with the telephone phrases: “Hello, this is (the unit)”, “May I ask”",
        "W 附录 D.1.2",
        10,
        False,
    ),
    DefaultCriterion(
        "closing",
        "结束使用服务用语：“很高兴为您服务”“希望您能满意”“再见”",
        "Closed with the service phrases: “Glad to serve you”, “We hope you are satisfied”, “Goodbye”",
        "W 附录 D.1.1 g)",
        10,
        False,
    ),
    DefaultCriterion(
        "no_forbidden",
        "未使用服务忌语（如“不知道、不清楚”“听不到，大声一点”）",
        "No forbidden phrase (e.g. “I don't know”, “Can't hear you, speak up”)",
        "W 附录 D.1.3",
        20,
        True,
    ),
    DefaultCriterion(
        "form_a_asked",
        "按《网上及电话回访单》逐项询问：总体情况、办事效率、服务态度、提交材料、廉洁纪律、建议",
        "Every item of Form A asked: overall, efficiency, attitude, materials, integrity, suggestions",
        "J 附件 A",
        20,
        False,
    ),
    DefaultCriterion(
        "answers_as_said",
        "回访结果如实记录：所记答案与被回访人所说一致",
        "The answers recorded as the respondent gave them",
        "J 附件 A",
        20,
        True,
    ),
    DefaultCriterion(
        "dissatisfaction_recorded",
        "被回访人不满意的，及时沟通、做好详细记录，并做好解释工作",
        "A dissatisfied respondent's problem recorded in full, and explained",
        "J 5.3.3",
        10,
        False,
    ),
    DefaultCriterion(
        "manners",
        "服务礼仪：服务态度良好，行为规范文明",
        "Service manners: a good attitude, courteous conduct",
        "W 附录 G 第 11 项",
        10,
        False,
    ),
)


@dataclass
class CriterionRow:
    code: str
    label: str
    label_en: str
    source: str | None
    weight: int
    critical: bool
    position: int
    active: bool

    @classmethod
    def of(cls, row: QcCriterion) -> CriterionRow:
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


_EDITABLE = {f.name for f in fields(CriterionRow)} - {"code"}


class CriterionInvalid(Refused, ValueError):
    """A scorecard the team lead may not save; the message names the rule."""


def ensure_scorecard(session: Session) -> None:
    """Insert the default card when the table is empty (a new database's first use).

    Only an empty card is seeded: a criterion a team lead made inactive stays so.
    """
    if session.scalar(select(QcCriterion.id).limit(1)) is not None:
        return
    rows = [
        QcCriterion(
            code=c.code,
            label=c.label,
            label_en=c.label_en,
            source=c.source,
            weight=c.weight,
            critical=c.critical,
            position=(index + 1) * _POSITION_STEP,
            active=True,
        )
        for index, c in enumerate(DEFAULT_CARD)
    ]
    try:
        with session.begin_nested():
            session.add_all(rows)
    except IntegrityError:
        pass  # another seat seeded it a moment ago


def scorecard(session: Session) -> list[CriterionRow]:
    """The active criteria in position order: the card a call is scored on."""
    return [row for row in all_criteria(session) if row.active]


def all_criteria(session: Session) -> list[CriterionRow]:
    """Every criterion, inactive ones too, in position order: the card as the editor shows it."""
    ensure_scorecard(session)
    rows = session.scalars(select(QcCriterion).order_by(QcCriterion.position, QcCriterion.code))
    return [CriterionRow.of(row) for row in rows]


def save_criteria(
    session: Session,
    changes: dict[str, dict[str, Any]],
    *,
    new: list[CriterionRow] = (),
    by_id: int | None,
) -> list[CriterionRow]:
    """Change existing criteria (code -> field -> value) and add `new` ones, checked as the whole
    card would be (check_criteria) before anything is written; each change audited. Team leads
    and administrators. Returns the whole card as stored."""
    require_permission(session, by_id, Permission.INSPECT_QUALITY)
    ensure_scorecard(session)
    stored = {row.code: row for row in session.scalars(select(QcCriterion))}
    table = {code: CriterionRow.of(row) for code, row in stored.items()}
    for code, changed in changes.items():
        unknown = set(changed) - _EDITABLE
        if unknown:
            raise CriterionInvalid(f"not editable: {', '.join(sorted(unknown))}")
        if code not in table:
            raise CriterionInvalid(pick(f"没有这项质检标准：{code}", f"No criterion {code}"))
        table[code] = replace(table[code], **changed)
    added = []
    for row in new:
        code = (row.code or "").strip() or new_code(set(table) | {r.code for r in added})
        if code in table or any(r.code == code for r in added):
            raise CriterionInvalid(pick(f"代码 {code} 已存在", f"The code {code} exists already"))
        added.append(replace(row, code=code))
    checked = {row.code: row for row in check_criteria([*table.values(), *added])}
    for code in changes:
        row, after = stored[code], checked[code]
        before = CriterionRow.of(row)
        differing = {
            name: getattr(after, name)
            for name in _EDITABLE
            if getattr(before, name) != getattr(after, name)
        }
        if not differing:
            continue
        for name, value in differing.items():
            setattr(row, name, value)
        record_change(
            session,
            actor_id=by_id,
            action="qc_criterion.change",
            entity="qc_criterion",
            entity_uid=row.uid,
            before={"code": code} | {name: getattr(before, name) for name in differing},
            after={"code": code} | differing,
        )
    for row in added:
        record = QcCriterion(**{f.name: getattr(checked[row.code], f.name) for f in fields(row)})
        session.add(record)
        session.flush()
        record_change(
            session,
            actor_id=by_id,
            action="qc_criterion.add",
            entity="qc_criterion",
            entity_uid=record.uid,
            before=None,
            after={f.name: getattr(checked[row.code], f.name) for f in fields(row)},
        )
    session.flush()
    return all_criteria(session)


def new_code(taken: set[str]) -> str:
    """A code for a criterion a team lead adds: custom_1, custom_2, …"""
    number = 1
    while f"custom_{number}" in taken:
        number += 1
    return f"custom_{number}"


_CODE = re.compile(r"^[a-z0-9_]{1,40}$")


def check_criteria(rows: list[CriterionRow]) -> list[CriterionRow]:
    """The whole card as it would be stored (texts trimmed), or CriterionInvalid naming the
    first rule it breaks: every criterion named (Chinese and English), uniquely; weights 1 to
    MAX_WEIGHT points; positions not negative; at least one active criterion."""
    if len(rows) > MAX_CRITERIA:
        raise CriterionInvalid(
            pick(f"质检标准最多 {MAX_CRITERIA} 项", f"At most {MAX_CRITERIA} criteria")
        )
    checked = [_checked_row(row) for row in rows]
    labels: dict[str, CriterionRow] = {}
    for row in checked:
        other = labels.setdefault(row.label, row)
        if other is not row:
            raise CriterionInvalid(
                pick(f"名称“{row.label}”重复", f"The label {row.label_en} is used twice")
            )
    if not any(row.active for row in checked):
        raise CriterionInvalid(
            pick("至少要有一项在用的质检标准", "At least one criterion must stay active")
        )
    return checked


def _checked_row(row: CriterionRow) -> CriterionRow:
    label, label_en = (row.label or "").strip(), (row.label_en or "").strip()
    source = (row.source or "").strip() or None
    name = label or row.code

    def refuse(zh: str, en: str) -> CriterionInvalid:
        return CriterionInvalid(pick(f"“{name}”：{zh}", f"{label_en or row.code}: {en}"))

    if not _CODE.match(row.code or ""):
        raise refuse("代码须为 1–40 个小写字母、数字或下划线", "a code is 1–40 of a–z, 0–9, _")
    if not label or not label_en:
        raise refuse("中文和英文名称都不能为空", "both the Chinese and English labels are needed")
    if len(label) > LABEL_LENGTH or len(label_en) > LABEL_EN_LENGTH:
        raise refuse(
            f"名称最多 {LABEL_LENGTH} 个字（英文 {LABEL_EN_LENGTH} 个字符）",
            f"labels have at most {LABEL_LENGTH} (English {LABEL_EN_LENGTH}) characters",
        )
    if source is not None and len(source) > SOURCE_LENGTH:
        raise refuse(f"依据最多 {SOURCE_LENGTH} 个字", f"the clause has at most {SOURCE_LENGTH}")
    if isinstance(row.weight, bool) or not isinstance(row.weight, int):
        raise refuse("分值须为整数", "the weight is a whole number of points")
    if not 1 <= row.weight <= MAX_WEIGHT:
        raise refuse(
            f"分值须在 1 到 {MAX_WEIGHT} 分之间", f"the weight is 1 to {MAX_WEIGHT} points"
        )
    if not isinstance(row.position, int) or row.position < 0 or row.position > 10**6:
        raise refuse("顺序须为 0 到 1000000", "the position is 0 to 1000000")
    return replace(
        row,
        label=label,
        label_en=label_en,
        source=source,
        critical=bool(row.critical),
        active=bool(row.active),
    )
