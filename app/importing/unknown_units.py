"""Which unit a case file's 受理单位 means, and what becomes of a name that no unit has (issue 15).

An import never invents a unit in a database that has units: a misspelt name would become a unit
of its own in the quarterly ranking. Each unknown name is mapped to an existing unit (remembered
as that unit's alias for the next file), added as a new unit, or its rows are rejected — rejected
unless the caller chose otherwise. The first import into a database without units creates them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.importing.problems import FileRefused
from app.importing.summary import UnknownUnit
from app.importing.values import normalize
from app.units import remember_unit_alias, resolve_unit_alias, unit_aliases
from db.models import Unit


class UnitAction(StrEnum):
    MAP = "map"  # the rows go to an existing unit; the name is remembered as its alias
    NEW = "new"  # the name becomes a new unit
    REJECT = "reject"  # the rows are rejected, with the reason


@dataclass(frozen=True)
class UnitChoice:
    action: UnitAction
    unit: str | None = None  # MAP: the name of the existing unit meant

    def __post_init__(self) -> None:
        if (self.action is UnitAction.MAP) != bool(self.unit):
            raise ValueError("a unit is named for a mapping, and only for one")


@dataclass(frozen=True)
class UnitChoices:
    """What to do with each unknown name (as written in the file); `otherwise` for the rest."""

    by_name: dict[str, UnitChoice] = field(default_factory=dict)
    otherwise: UnitAction = UnitAction.REJECT

    def __post_init__(self) -> None:
        if self.otherwise is UnitAction.MAP:
            raise ValueError("names without a choice cannot all be mapped to one unit")

    def choice(self, name: str) -> UnitChoice | None:
        return self._normalized().get(name)

    def _normalized(self) -> dict[str, UnitChoice]:
        return {unit_name(name): choice for name, choice in self.by_name.items()}


# What the summary says was done with an unknown name, by the action chosen.
_DONE = {UnitAction.MAP: "mapped", UnitAction.NEW: "created", UnitAction.REJECT: "rejected"}


@lru_cache(maxsize=1024)  # a file names a few units over and over
def unit_name(text: str) -> str:
    """One spelling per unit: half-width letters and digits, full-width brackets as in 中文 names,
    so that 市中心（专业大厅） and 市中心(专业大厅) are one unit."""
    return normalize(text).replace("(", "（").replace(")", "）")


@dataclass
class UnitPlan:
    """The unit of every name a file gives, decided before anything is written."""

    known: dict[str, int]  # name -> id of the unit it is, or was mapped to
    new: set[str]  # names to add as units
    rejected: set[str]  # names whose rows are rejected
    aliases: dict[str, int]  # names mapped now, to remember: name -> unit id
    unknown: list[UnknownUnit]  # for the summary, most rows first

    def resolve(self, session: Session, districts: dict[str, str | None]) -> dict[str, Unit]:
        """The unit of each name imported (`districts`: name -> the district of its first
        case): new units added, mappings remembered. Call it when the rows are stored."""
        wanted = set(self.known.values())
        units = {unit.id: unit for unit in session.scalars(select(Unit).where(Unit.id.in_(wanted)))}
        found = {name: units[unit_id] for name, unit_id in self.known.items()}
        for name, district in districts.items():  # in the order of the rows, as ever
            if name in self.new:
                found[name] = Unit(name=name, district=district)
                session.add(found[name])
        for name, unit_id in self.aliases.items():
            remember_unit_alias(session, name, unit_id)
        session.flush()
        return found


def plan_units(session: Session, rows_per_name: Counter[str], choices: UnitChoices) -> UnitPlan:
    """Decide the unit of each name (spelt by `unit_name`) with the rows counted per name.

    Raises FileRefused when a mapping names a unit that does not exist.
    """
    names = set(rows_per_name)
    known = dict(session.execute(select(Unit.name, Unit.id).where(Unit.name.in_(names))).all())
    aliases = unit_aliases(session)
    for name in names - set(known):
        if name in aliases:
            known[name] = aliases[name]
    first_units = not known and session.scalar(select(Unit.id).limit(1)) is None
    plan = UnitPlan(known=known, new=set(), rejected=set(), aliases={}, unknown=[])
    # The names with most rows first: the likeliest to matter.
    for name in sorted(names - set(known), key=lambda name: (-rows_per_name[name], name)):
        choice = choices.choice(name)
        if choice is None:
            choice = UnitChoice(UnitAction.NEW if first_units else choices.otherwise)
        target = None
        if choice.action is UnitAction.MAP:
            assert choice.unit is not None
            unit_id, target = _existing_unit(session, unit_name(choice.unit))
            if unit_id is None:
                raise FileRefused("unit_map_target_unknown", {"name": name, "unit": choice.unit})
            plan.known[name] = plan.aliases[name] = unit_id
        elif choice.action is UnitAction.NEW:
            plan.new.add(name)
        else:
            plan.rejected.add(name)
        plan.unknown.append(UnknownUnit(name, rows_per_name[name], _DONE[choice.action], target))
    return plan


def likely_units(name: str, units: list[str]) -> list[str]:
    """`units` with those spelt most like `name` first: what a misspelt name probably means."""
    return sorted(units, key=lambda unit: -SequenceMatcher(None, name, unit).ratio())


def _existing_unit(session: Session, name: str) -> tuple[int | None, str | None]:
    """(id, name) of the unit called `name`, or that `name` is an alias of; (None, None)."""
    alias_of = resolve_unit_alias(session, name)
    condition = Unit.name == name if alias_of is None else Unit.id == alias_of
    row = session.execute(select(Unit.id, Unit.name).where(condition)).first()
    return (row[0], row[1]) if row else (None, None)
