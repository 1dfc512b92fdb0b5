"""The accepting units (受理单位): as the screens offer them to choose from, their import aliases,
and their administration — listed with their cases, renamed, a mistaken one merged into the right one."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from app.audit import record_change, snapshot
from app.errors import Refused
from app.i18n import pick
from app.phones import area_code
from app.staff import require_administrator
from db.models import Base, Case, EvaluationSample, SyncRecord, Unit, UnitAlias


def unit_choices(session: Session, *, active_only: bool = True) -> list[tuple[int, str]]:
    """(id, name) of the units, by name; with `active_only`, those still receiving work."""
    query = select(Unit.id, Unit.name).order_by(Unit.name, Unit.id)
    if active_only:
        query = query.where(Unit.active.is_(True))
    return [(unit_id, name) for unit_id, name in session.execute(query)]


# Aliases: other spellings of a unit's name in import files (issue 15). An administrator maps an
# unknown 受理单位 to a unit once; the next file naming it goes to that unit. Names here are
# spelt as the case import spells them (app.importing.unknown_units.unit_name).


def unit_aliases(session: Session) -> dict[str, int]:
    """Every remembered alias, with the id of the unit it means."""
    return dict(session.execute(select(UnitAlias.name, UnitAlias.unit_id)).all())


def resolve_unit_alias(session: Session, name: str) -> int | None:
    """The id of the unit that `name` was mapped to before, if it was."""
    return session.scalar(select(UnitAlias.unit_id).where(UnitAlias.name == name))


def remember_unit_alias(session: Session, name: str, unit_id: int) -> None:
    """From now on `name` means the unit `unit_id` (replacing what it meant before)."""
    alias = session.scalar(select(UnitAlias).where(UnitAlias.name == name))
    if alias is None:
        session.add(UnitAlias(name=name, unit_id=unit_id))
    else:
        alias.unit_id = unit_id


# Administration (issue 15): the units listed with their cases, changed, and a mistaken unit merged
# into the right one. Administrators only (app.staff.require_administrator); every change audited.


class UnitError(Refused, ValueError):
    """A change of the units that cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    district: str | None
    area_code: str | None
    active: bool
    cases: int


@dataclass(frozen=True)
class UnitMerge:
    """What a merge did: rows moved per table, and whether the mistaken unit is gone or kept."""

    source: str
    target: str
    moved: dict[str, int]
    removed: bool  # False: kept, inactive, because it has travelled in a sync file

    @property
    def cases(self) -> int:
        return self.moved.get("cases", 0)


UNIT_FIELDS = ("name", "district", "area_code", "active")
_NAME_LENGTH = 100  # Unit.name
_DISTRICT_LENGTH = 50  # Unit.district
# What the tables referring to a unit hold, for a person reading what a merge moves.
REFERENCE_TITLES: dict[str, tuple[str, str]] = {
    "cases": ("业务件", "cases"),
    "staff": ("人员", "staff"),
    "callback_tasks": ("二次回访", "callbacks"),
    "complaints": ("投诉/建议", "complaints"),
    "supervision_orders": ("督办表", "supervision orders"),
    "corrective_actions": ("整改措施", "corrective actions"),
    "enterprise_feedback": ("企业回访反馈单", "Form B records"),
    "call_samples": ("电话回访抽样", "call samples"),
    "integrity_escalations": ("廉洁纪律反映", "integrity reports"),
    "unit_aliases": ("导入别名", "import aliases"),
    "evaluation_samples": ("评价抽样", "evaluation samples"),
}


def reference_title(table: str) -> str:
    titles = REFERENCE_TITLES.get(table)
    return pick(*titles) if titles else table


def list_units(session: Session) -> list[UnitRow]:
    """Every unit, active or not, by name, with how many cases it has."""
    return _unit_rows(session)


def unit_row(session: Session, unit_id: int) -> UnitRow:
    rows = _unit_rows(session, Unit.id == unit_id)
    if not rows:
        raise UnitError(pick("找不到此受理单位", "No such accepting unit"))
    return rows[0]


def _unit_rows(session: Session, *conditions) -> list[UnitRow]:
    cases = (
        select(Case.unit_id, func.count().label("cases")).group_by(Case.unit_id).subquery("cases")
    )
    query = (
        select(
            Unit.id,
            Unit.name,
            Unit.district,
            Unit.area_code,
            Unit.active,
            func.coalesce(cases.c.cases, 0),
        )
        .outerjoin(cases, cases.c.unit_id == Unit.id)
        .where(*conditions)
        .order_by(Unit.name, Unit.id)
    )
    return [UnitRow(*row) for row in session.execute(query)]


def unit_id_named(session: Session, name: str) -> int:
    """The id of the unit of this name (as typed on the command line); UnitError if none."""
    found = session.scalar(select(Unit.id).where(Unit.name == name.strip()))
    if found is None:
        raise UnitError(pick(f"没有名为“{name}”的受理单位", f"No accepting unit named {name!r}"))
    return found


def checked_area_code(text: str | None) -> str | None:
    """The area code to store ("0531"), None for none; UnitError when it is not one."""
    if text is None or not text.strip():
        return None
    code = area_code(text)
    if code is None:
        raise UnitError(
            pick(
                f"“{text.strip()}”不是有效的长途区号（例如 010、021、0531）",
                f"{text.strip()!r} is not a Chinese area code (e.g. 010, 021, 0531)",
            )
        )
    return code


def update_unit(session: Session, unit_id: int, *, by_id: int | None = None, **changes) -> UnitRow:
    """Change a unit's name, district, area code or whether it is active (any of UNIT_FIELDS);
    audited with the values before and after."""
    require_administrator(session, by_id)
    unknown = set(changes) - set(UNIT_FIELDS)
    if unknown:
        raise UnitError(f"not editable: {', '.join(sorted(unknown))}")
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise UnitError(pick("找不到此受理单位", "No such accepting unit"))
    checked: dict[str, Any] = {}
    if "name" in changes:
        checked["name"] = _checked_name(session, changes["name"], unit)
    if "district" in changes:
        checked["district"] = _checked_district(changes["district"])
    if "area_code" in changes:
        checked["area_code"] = checked_area_code(changes["area_code"])
    if "active" in changes:
        checked["active"] = bool(changes["active"])
    differing = {name: value for name, value in checked.items() if getattr(unit, name) != value}
    if differing:
        before = {name: getattr(unit, name) for name in differing}
        for name, value in differing.items():
            setattr(unit, name, value)
        record_change(
            session,
            actor_id=by_id,
            action="unit.change",
            entity="unit",
            entity_uid=unit.uid,
            before={"name": before.get("name", unit.name), **before},
            after={"name": unit.name, **differing},
        )
    return unit_row(session, unit.id)


def _fold(name: str) -> str:
    """A name as people tell names apart: width, case and spaces ignored."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def _checked_name(session: Session, name: str | None, unit: Unit) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise UnitError(pick("单位名称不能为空", "A unit needs a name"))
    if len(name) > _NAME_LENGTH:
        raise UnitError(
            pick(
                f"单位名称最多 {_NAME_LENGTH} 个字",
                f"A unit's name has at most {_NAME_LENGTH} characters",
            )
        )
    folded = _fold(name)
    for other in session.scalars(select(Unit.name).where(Unit.id != unit.id)):
        if _fold(other) == folded:
            raise UnitError(
                pick(
                    f"已有名为“{other}”的受理单位。如果是同一个单位，请用“合并到…”把它们合并",
                    f"There is already a unit named {other!r}; if it is the same unit, merge "
                    "the two instead",
                )
            )
    alias = session.scalar(select(UnitAlias).where(UnitAlias.name == name))
    if alias is not None:
        if alias.unit_id != unit.id:
            raise UnitError(
                pick(
                    f"“{name}”已是另一个受理单位在导入文件中的别名",
                    f"{name!r} is already another unit's alias in import files",
                )
            )
        session.delete(alias)  # the unit's own name now: an alias of it would be redundant
    return name


def _checked_district(district: str | None) -> str | None:
    district = " ".join((district or "").split())
    if len(district) > _DISTRICT_LENGTH:
        raise UnitError(
            pick(
                f"所属区县最多 {_DISTRICT_LENGTH} 个字",
                f"A district has at most {_DISTRICT_LENGTH} characters",
            )
        )
    return district or None


def _references() -> list[tuple[type, list[str]]]:
    """(model, its attributes referring to a unit) for every model that refers to one: read from
    the models, so that a table added later moves in a merge too."""
    found = []
    for mapper in Base.registry.mappers:
        columns = [
            mapper.get_property_by_column(key.parent).key
            for key in mapper.local_table.foreign_keys
            if key.column.table is Unit.__table__
        ]
        if columns:
            found.append((mapper.class_, sorted(columns)))
    return sorted(found, key=lambda found: found[0].__tablename__)


def merge_preview(session: Session, source_id: int) -> dict[str, int]:
    """The rows that merging this unit away would move, per table (only tables with some)."""
    counts: dict[str, int] = {}
    for model, columns in _references():
        condition = or_(*(getattr(model, column) == source_id for column in columns))
        count = session.scalar(select(func.count()).select_from(model).where(condition))
        if count:
            counts[model.__tablename__] = count
    samples = len(_samples_naming(session, source_id))
    if samples:
        counts[EvaluationSample.__tablename__] = samples
    return counts


def merge_units(
    session: Session, source_id: int, target_id: int, *, by_id: int | None = None
) -> UnitMerge:
    """Merge a mistaken unit into the right one, in the caller's transaction: everything that
    refers to the source (cases, staff, callbacks, complaints, Form B, samples, CAPA, aliases, …)
    is moved to the target, and the source is removed.

    The source is kept, inactive and empty, when it has travelled in a sync file: other sites
    refer to it by its uid, and a sync file naming a unit this database lacks is refused whole
    (app.sync.importer). Removed, its name becomes an alias of the target, so that the next
    import spelling it the mistaken way goes to the right unit.
    """
    require_administrator(session, by_id)
    if source_id == target_id:
        raise UnitError(pick("不能把单位合并到它自己", "A unit cannot be merged into itself"))
    source, target = session.get(Unit, source_id), session.get(Unit, target_id)
    if source is None or target is None:
        raise UnitError(pick("找不到此受理单位", "No such accepting unit"))
    if not target.active:
        raise UnitError(
            pick(
                f"“{target.name}”已停用：请先启用它，再把其他单位合并进来",
                f"{target.name!r} is inactive: activate it before merging another unit into it",
            )
        )
    before = {"source": snapshot(source, UNIT_FIELDS), "target": snapshot(target, UNIT_FIELDS)}
    session.flush()
    moved = merge_preview(session, source_id)
    for model, columns in _references():
        for column in columns:
            session.execute(
                update(model)
                .where(getattr(model, column) == source_id)
                .values({column: target_id})
                .execution_options(synchronize_session="fetch")
            )
    for sample in _samples_naming(session, source_id):
        ids = [target_id if unit_id == source_id else unit_id for unit_id in sample.unit_ids]
        sample.unit_ids = list(dict.fromkeys(ids))
    travelled = session.scalar(
        select(SyncRecord.id)
        .where(SyncRecord.entity == Unit.__tablename__, SyncRecord.uid == source.uid)
        .limit(1)
    )
    removed = travelled is None
    source_name, source_uid = source.name, source.uid
    if removed:
        session.delete(source)
        session.flush()
        remember_unit_alias(session, source_name, target_id)
    else:
        source.active = False
    record_change(
        session,
        actor_id=by_id,
        action="unit.merge",
        entity="unit",
        entity_uid=source_uid,
        before=before,
        after={
            "source": source_name,
            "target": target.name,
            "target_uid": str(target.uid),
            "moved": moved,
            "source_kept": not removed,
        },
    )
    return UnitMerge(source_name, target.name, moved, removed)


def _samples_naming(session: Session, unit_id: int) -> list[EvaluationSample]:
    # unit_ids is a JSON list: read the few samples and look, on every backend alike.
    return [s for s in session.scalars(select(EvaluationSample)) if unit_id in (s.unit_ids or [])]
