"""The score sheet (考核计分表, W 附录 G 表 G.1) as data, and its editing by an administrator.

The default is table G.1 as far as the copy of DB 3202/T 1005-2019 we hold goes: items 1–9 under
服务举措 (20 points) and 10–13 under 服务保障 (25 points). The copy breaks off in the middle of
item 13 (硬件设施: "按要求配置各项服务设施,并有专人管理,确保能"), so item 13's 考评标准 and points are
unknown: it is seeded with 0 points and says so in its own text, and the sheet adds up to 32, not
100, until an administrator completes it (item 13, and the items after it). The texts are the
standard's, with the PDF's stray spaces and half-width commas put back as the standard prints them.

The default is written into the table by the first action that needs the sheet (an assessment
made, the sheet edited) when the table is empty — never twice: a table with any item in it is
the administrator's. Editing (add, change, deactivate, renumber) is Permission.ADMINISTER and
audited; it never changes an assessment already made, whose scores copied each item.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.assessment import FULL_MARKS, MAX_ITEM_POINTS, AssessmentError, format_points
from app.assessment.rules import RULES
from app.audit import record_change, snapshot
from app.i18n import pick
from app.roles import Permission
from app.staff import StaffMember, require_permission
from db.models import AssessmentItem

MEASURES, ASSURANCE = "服务举措", "服务保障"
COURTESY_NUMBER = 11
TRUNCATED_NOTE = "（我们持有的标准文本至此中断，请管理员按标准原文补全）"


@dataclass(frozen=True)
class ItemInput:
    number: int
    group_name: str
    name: str
    content: str  # 考评内容
    standard: str  # 考评标准
    points_tenths: int
    rule: str | None = None


DEFAULT_ITEMS: tuple[ItemInput, ...] = (
    ItemInput(
        1, MEASURES, "同城通办", "网点应能同城受理各类服务事项。",
        "符合条件不予受理的，发生一次扣1分。", 30,
    ),
    ItemInput(
        2, MEASURES, "延时服务", "网点应按标准要求提供延时服务。",
        "符合延时条件但未提供业务办理的，发生一次扣1分。", 20,
    ),
    ItemInput(
        3, MEASURES, "容缺服务", "网点应按标准要求提供容缺服务。",
        "符合条件未提供容缺服务的，一次扣1分。", 20,
    ),
    ItemInput(
        4, MEASURES, "上门服务", "网点应按标准要求提供上门服务。",
        "收到符合条件的预约，没有提供上门服务的，一次扣1分。", 30,
    ),
    ItemInput(
        5, MEASURES, "绿色通道服务", "网点应按标准要求提供绿色通道服务。",
        "符合条件未提供绿色通道服务的，一次扣1分。", 30,
    ),
    ItemInput(
        6, MEASURES, "预约服务", "网点应按标准要求提供预约服务。",
        "未能提供预约服务的，扣1分。", 10,
    ),
    ItemInput(
        7, MEASURES, "网上办事服务", "网点应按标准要求提供网上办事服务。",
        "有网上办事申请未提供网上办事服务的，一次扣1分", 20,
    ),
    ItemInput(
        8, MEASURES, "自助服务", "网点应按标准要求提供自助服务。",
        "未提供自助服务的，扣2分", 20,
    ),
    ItemInput(
        9, MEASURES, "“不见面审批”服务", "网点应按标准要求提供“不见面审批”服务。",
        "符合条件未提供“不见面审批”服务的，一次扣1分。", 20,
    ),
    ItemInput(
        10, ASSURANCE, "服务人员",
        "窗口服务人员的配置满足日常服务需求，实行佩戴工作牌上岗制度。",
        "服务人员人数不能满足服务需求的扣2分，未佩戴工作牌上岗的扣2分。", 40,
    ),
    ItemInput(
        COURTESY_NUMBER, ASSURANCE, "服务礼仪",
        "窗口服务人员应做到服务态度良好，行为规范文明，群众评价满意。",
        "群众满意度调查满意率90-95%的扣1分，85-90%的扣2分，80-85%的扣3分，80%以下的不得分。"
        "服务人员服务态度较差、行为举止不文明、受到投诉经查实的不得分。",
        50, "courtesy",
    ),
    ItemInput(
        12, ASSURANCE, "服务环境", "网点办公环境整洁，物品摆放有序，内部管理制度健全。",
        "办公环境不整洁的扣1分，物品摆放杂乱的扣1分，内部管理制度不健全的扣1分。", 30,
    ),
    ItemInput(
        13, ASSURANCE, "硬件设施",
        "按要求配置各项服务设施，并有专人管理，确保能……" + TRUNCATED_NOTE,
        "（标准文本缺失：本项的考评标准和标准分数待管理员补全；补全前本项计0分，"
        "本计分表合计不足100分。）",
        0,
    ),
)  # fmt: skip

ITEM_FIELDS = (
    "number",
    "group_name",
    "name",
    "content",
    "standard",
    "points_tenths",
    "rule",
    "active",
)
TEXT_LIMIT = 2000


@dataclass(frozen=True)
class SheetItem:
    id: int | None  # None: the default, not yet written into the database
    number: int
    group_name: str
    name: str
    content: str
    standard: str
    points_tenths: int
    rule: str | None
    active: bool


@dataclass(frozen=True)
class Sheet:
    items: list[SheetItem]  # every item, active or not, by number
    seeded: bool  # False: the table is empty and these are the default's

    @property
    def active_items(self) -> list[SheetItem]:
        return [item for item in self.items if item.active]

    @property
    def total_tenths(self) -> int:
        """The standard total of the active items (100 points, 1000, when the sheet is whole)."""
        return sum(item.points_tenths for item in self.active_items)

    @property
    def complete(self) -> bool:
        return self.total_tenths == FULL_MARKS


def sheet_warning(total_tenths: int) -> str | None:
    """What to say while a sheet (or an assessment made with it) does not add up to 100."""
    if total_tenths == FULL_MARKS:
        return None
    shown = format_points(total_tenths)
    return pick(
        f"计分表标准分合计 {shown} 分，不是 100 分：计分表不完整（标准文本在第 13 项中断），"
        "请管理员补全；等次按实得分数评定，仅供参考。",
        f"The score sheet adds up to {shown} points, not 100: it is incomplete (the standard's "
        "text breaks off at item 13) and an administrator should complete it; the grade, from "
        "the points scored, is only indicative.",
    )


def _item(row: AssessmentItem) -> SheetItem:
    return SheetItem(
        row.id, row.number, row.group_name, row.name, row.content, row.standard,
        row.points_tenths, row.rule, bool(row.active),
    )  # fmt: skip


def score_sheet(session: Session) -> Sheet:
    """The sheet as it stands (reading writes nothing): the table's items, or the default's
    while the table is empty."""
    rows = session.scalars(select(AssessmentItem).order_by(AssessmentItem.number)).all()
    if rows:
        return Sheet([_item(row) for row in rows], seeded=True)
    items = [SheetItem(None, **_values(data), active=True) for data in DEFAULT_ITEMS]
    return Sheet(items, seeded=False)


def _values(data: ItemInput) -> dict:
    return {
        "number": data.number,
        "group_name": data.group_name,
        "name": data.name,
        "content": data.content,
        "standard": data.standard,
        "points_tenths": data.points_tenths,
        "rule": data.rule,
    }


def ensure_default_sheet(session: Session, actor_id: int | None) -> bool:
    """Write the default sheet when the table is empty (idempotent); True when it did."""
    if session.scalar(select(func.count()).select_from(AssessmentItem)):
        return False
    for data in DEFAULT_ITEMS:
        session.add(AssessmentItem(**_values(data), active=True))
    session.flush()
    record_change(
        session,
        actor_id=actor_id,
        action="assessment_item.seeded",
        entity="assessment_item",
        entity_uid=None,
        before=None,
        after={"items": len(DEFAULT_ITEMS), "source": "W 附录 G 表 G.1, items 1–13"},
    )
    return True


def _text(value: str | None, limit: int, zh: str, en: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise AssessmentError(pick(f"请填写{zh}", f"Fill in the {en}"), field)
    if len(text) > limit:
        raise AssessmentError(
            pick(f"{zh}不能超过 {limit} 个字", f"The {en} may be at most {limit} characters"),
            field,
        )
    return text


def _checked(data: ItemInput) -> dict:
    if not isinstance(data.number, int) or not 1 <= data.number <= 999:
        raise AssessmentError(
            pick("序号须是 1 到 999 的整数", "The number must be 1–999"), "number"
        )
    if not isinstance(data.points_tenths, int) or not 0 <= data.points_tenths <= MAX_ITEM_POINTS:
        raise AssessmentError(
            pick("标准分数须在 0 到 100 之间", "The points must be 0–100"), "points"
        )
    if data.rule is not None and data.rule not in RULES:
        raise AssessmentError(
            pick(f"未知的计算规则：{data.rule}", f"Unknown rule: {data.rule}"), "rule"
        )
    return {
        "number": data.number,
        "group_name": _text(data.group_name, 50, "评估项目", "group", "group_name"),
        "name": _text(data.name, 50, "项目名称", "item name", "name"),
        "content": _text(data.content, TEXT_LIMIT, "考评内容", "content", "content"),
        "standard": _text(data.standard, TEXT_LIMIT, "考评标准", "standard", "standard"),
        "points_tenths": data.points_tenths,
        "rule": data.rule,
    }


def _number_taken(session: Session, number: int, other_than: int | None) -> None:
    found = session.scalar(select(AssessmentItem.id).where(AssessmentItem.number == number))
    if found is not None and found != other_than:
        raise AssessmentError(
            pick(f"序号 {number} 已被另一项使用", f"Number {number} is taken by another item"),
            "number",
        )


def _audit(session, actor_id, action, item: AssessmentItem, before) -> None:
    record_change(
        session,
        actor_id=actor_id,
        action=action,
        entity="assessment_item",
        entity_uid=None,
        before=before,
        after={"id": item.id, **snapshot(item, ITEM_FIELDS)},
    )


def _admin(session: Session, actor: StaffMember | None) -> int | None:
    actor_id = actor.id if actor is not None else None
    require_permission(session, actor_id, Permission.ADMINISTER)
    ensure_default_sheet(session, actor_id)
    return actor_id


def add_item(session: Session, actor: StaffMember | None, data: ItemInput) -> SheetItem:
    actor_id = _admin(session, actor)
    values = _checked(data)
    _number_taken(session, values["number"], None)
    item = AssessmentItem(**values, active=True)
    session.add(item)
    session.flush()
    _audit(session, actor_id, "assessment_item.added", item, None)
    return _item(item)


def _get(session: Session, item_id: int) -> AssessmentItem:
    item = session.get(AssessmentItem, item_id)
    if item is None:
        raise AssessmentError(pick("找不到此考核项目", "No such item on the score sheet"))
    return item


def update_item(
    session: Session, actor: StaffMember | None, item_id: int, data: ItemInput
) -> SheetItem:
    """Change an item (its number too: renumbering); assessments already made keep their copy."""
    actor_id = _admin(session, actor)
    item = _get(session, item_id)
    values = _checked(data)
    _number_taken(session, values["number"], item.id)
    before = {"id": item.id, **snapshot(item, ITEM_FIELDS)}
    for key, value in values.items():
        setattr(item, key, value)
    session.flush()
    _audit(session, actor_id, "assessment_item.changed", item, before)
    return _item(item)


def set_item_active(
    session: Session, actor: StaffMember | None, item_id: int, active: bool
) -> SheetItem:
    """Deactivate an item (new assessments leave it out) or bring it back."""
    actor_id = _admin(session, actor)
    item = _get(session, item_id)
    before = {"id": item.id, **snapshot(item, ITEM_FIELDS)}
    item.active = bool(active)
    session.flush()
    action = "assessment_item.activated" if active else "assessment_item.deactivated"
    _audit(session, actor_id, action, item, before)
    return _item(item)


def move_item(session: Session, actor: StaffMember | None, item_id: int, step: int) -> SheetItem:
    """Swap an item's number with the next item's above (step -1) or below (step +1)."""
    actor_id = _admin(session, actor)
    item = _get(session, item_id)
    if step not in (-1, 1):
        raise AssessmentError(pick("只能上移或下移一位", "Move one place up or down"))
    order = AssessmentItem.number.desc() if step < 0 else AssessmentItem.number
    beyond = (
        AssessmentItem.number < item.number if step < 0 else AssessmentItem.number > item.number
    )
    other = session.scalars(select(AssessmentItem).where(beyond).order_by(order).limit(1)).first()
    if other is None:
        raise AssessmentError(
            pick("已是第一项" if step < 0 else "已是最后一项", "No item beyond this one")
        )
    before = {"id": item.id, **snapshot(item, ITEM_FIELDS)}
    before_other = {"id": other.id, **snapshot(other, ITEM_FIELDS)}
    mine, theirs = item.number, other.number
    item.number = -1  # the unique number is free while the two change places
    session.flush()
    other.number = mine
    session.flush()
    item.number = theirs
    session.flush()
    _audit(session, actor_id, "assessment_item.changed", item, before)
    _audit(session, actor_id, "assessment_item.changed", other, before_other)
    return _item(item)
