"""Imports never invent a unit: unknown 受理单位 names are mapped, added or rejected (issue 15)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.importing import FileRefused
from app.importing.reader import read_table
from app.importing.service import find_unknown_units
from app.importing.summary import UnknownUnit
from app.importing.unknown_units import UnitAction, UnitChoice, UnitChoices, likely_units
from db.models import Case, ImportBatch, Unit, UnitAlias

from .helpers import CASE_HEADER, case_row, count, run_import

LIXIA = "历下区不动产登记中心"
MISSPELT = "历下区不动产登记中"  # the last character lost
EAST = "历下区不动产登记中心（东）"
MAP = UnitAction.MAP


def map_to(unit: str) -> UnitChoice:
    return UnitChoice(MAP, unit)


def units_of_cases(db) -> dict[str, str]:
    with db.sessions() as session:
        rows = session.execute(select(Case.case_no, Unit.name).join(Unit, Case.unit_id == Unit.id))
        return dict(rows.all())


def unit_names(db) -> list[str]:
    with db.sessions() as session:
        return list(session.scalars(select(Unit.name).order_by(Unit.name)))


def aliases(db) -> dict[str, str]:
    with db.sessions() as session:
        query = select(UnitAlias.name, Unit.name).join(Unit, UnitAlias.unit_id == Unit.id)
        return dict(session.execute(query).all())


@pytest.fixture
def known_unit(any_db, make_file):
    """A database with one unit, 历下区不动产登记中心, from a first file."""
    run_import(any_db, "cases", make_file("first.csv", [CASE_HEADER, case_row("JN001")]))
    return any_db


def misspelt_file(make_file, name: str = "second.csv"):
    return make_file(
        name,
        [
            CASE_HEADER,
            case_row("JN002"),
            case_row("JN003", 受理单位=MISSPELT),
            case_row("JN004", 受理单位=MISSPELT),
            case_row("JN005", 受理单位="天桥区不动产登记中心"),
        ],
    )


def test_the_first_import_into_an_empty_database_creates_its_units_and_says_which(
    sqlite_db, make_file
):
    rows = [CASE_HEADER, case_row("JN001"), case_row("JN002", 受理单位=EAST), case_row("JN003")]
    summary = run_import(sqlite_db, "cases", make_file("first.csv", rows))
    assert summary.inserted == 3 and summary.rejected == []
    assert summary.unknown_units == [
        UnknownUnit(LIXIA, 2, "created"),
        UnknownUnit(EAST, 1, "created"),
    ]
    assert "未知受理单位“历下区不动产登记中心”（2 行）：已新建为单位" in summary.text("zh")
    assert unit_names(sqlite_db) == sorted([LIXIA, EAST])


def test_unknown_units_are_rejected_by_default_and_listed_with_their_rows(known_unit, make_file):
    summary = run_import(known_unit, "cases", misspelt_file(make_file))
    assert summary.imported
    assert summary.inserted == 1
    assert summary.unknown_units == [  # most rows first
        UnknownUnit(MISSPELT, 2, "rejected"),
        UnknownUnit("天桥区不动产登记中心", 1, "rejected"),
    ]
    assert [(r.line, r.code) for r in summary.rejected] == [
        (3, "unknown_unit"),
        (4, "unknown_unit"),
        (5, "unknown_unit"),
    ]
    assert f"受理单位“{MISSPELT}”不是已有的单位" in summary.rejected[0].reason("zh")
    assert "is not an existing unit" in summary.rejected[0].reason("en")
    assert unit_names(known_unit) == [LIXIA]  # no unit invented
    assert set(units_of_cases(known_unit)) == {"JN001", "JN002"}
    # The import batch keeps what was done with each name.
    with known_unit.sessions() as session:
        batch = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).first()
        assert [u["action"] for u in batch.summary["unknown_units"]] == ["rejected", "rejected"]


def test_map_add_or_reject_per_name(known_unit, make_file):
    choices = UnitChoices(
        {
            MISSPELT: map_to(LIXIA),
            "天桥区不动产登记中心": UnitChoice(UnitAction.NEW),
        }
    )
    summary = run_import(known_unit, "cases", misspelt_file(make_file), units=choices)
    assert (summary.inserted, summary.rejected) == (4, [])
    assert summary.unknown_units == [
        UnknownUnit(MISSPELT, 2, "mapped", LIXIA),
        UnknownUnit("天桥区不动产登记中心", 1, "created"),
    ]
    assert units_of_cases(known_unit) == {
        "JN001": LIXIA,
        "JN002": LIXIA,
        "JN003": LIXIA,
        "JN004": LIXIA,
        "JN005": "天桥区不动产登记中心",
    }
    assert unit_names(known_unit) == sorted([LIXIA, "天桥区不动产登记中心"])
    assert aliases(known_unit) == {MISSPELT: LIXIA}


def test_a_mapping_is_remembered_for_the_next_file(known_unit, make_file):
    run_import(
        known_unit, "cases", misspelt_file(make_file), units=UnitChoices({MISSPELT: map_to(LIXIA)})
    )
    # The same file again changes nothing and asks nothing for the mapped name.
    again = run_import(known_unit, "cases", misspelt_file(make_file, "again.csv"))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    assert [u.name for u in again.unknown_units] == ["天桥区不动产登记中心"]
    # A later file spelling it the same way (brackets half-width, say) goes to the unit too.
    later = [CASE_HEADER, case_row("JN010", 受理单位=MISSPELT)]
    summary = run_import(known_unit, "cases", make_file("later.csv", later))
    assert (summary.inserted, summary.unknown_units) == (1, [])
    assert units_of_cases(known_unit)["JN010"] == LIXIA


def test_names_are_matched_as_the_import_spells_them(known_unit, make_file):
    rows = [CASE_HEADER, case_row("JN002", 受理单位=EAST)]
    choices = UnitChoices({"历下区不动产登记中心(东)": UnitChoice(UnitAction.NEW)})
    summary = run_import(known_unit, "cases", make_file("east.csv", rows), units=choices)
    assert summary.unknown_units == [UnknownUnit(EAST, 1, "created")]
    assert units_of_cases(known_unit)["JN002"] == EAST


def test_every_unknown_name_added_when_asked(known_unit, make_file):
    choices = UnitChoices({MISSPELT: map_to(LIXIA)}, otherwise=UnitAction.NEW)
    summary = run_import(known_unit, "cases", misspelt_file(make_file), units=choices)
    assert [u.action for u in summary.unknown_units] == ["mapped", "created"]
    assert unit_names(known_unit) == sorted([LIXIA, "天桥区不动产登记中心"])


def test_mapping_to_a_unit_that_does_not_exist_refuses_the_file_and_writes_nothing(
    known_unit, make_file
):
    choices = UnitChoices({MISSPELT: map_to("不存在的中心")})
    with pytest.raises(FileRefused) as refused:
        run_import(known_unit, "cases", misspelt_file(make_file), units=choices)
    assert refused.value.code == "unit_map_target_unknown"
    assert "不存在的中心" in refused.value.message("zh")
    assert (count(known_unit, Case), count(known_unit, ImportBatch)) == (1, 1)
    assert aliases(known_unit) == {}


def test_a_refused_import_remembers_no_mapping(known_unit, make_file):
    """Strict mode refuses a file with rejected rows: the mapping chosen for it is not kept."""
    choices = UnitChoices({MISSPELT: map_to(LIXIA)})
    summary = run_import(known_unit, "cases", misspelt_file(make_file), units=choices, strict=True)
    assert not summary.imported  # 天桥区 was rejected
    assert aliases(known_unit) == {}
    assert count(known_unit, Case) == 1


def test_a_file_of_only_unknown_units_imports_nothing(known_unit, make_file):
    rows = [CASE_HEADER, case_row("JN002", 受理单位=MISSPELT)]
    summary = run_import(known_unit, "cases", make_file("bad.csv", rows))
    assert not summary.imported
    assert summary.refusal.code == "no_valid_rows"
    assert summary.unknown_units == [UnknownUnit(MISSPELT, 1, "rejected")]


def test_unknown_units_are_found_before_importing_and_nothing_is_written(known_unit, make_file):
    table = read_table(misspelt_file(make_file))
    with known_unit.sessions.begin() as session:
        found = find_unknown_units(session, "cases", table)
    assert [(u.name, u.rows) for u in found] == [(MISSPELT, 2), ("天桥区不动产登记中心", 1)]
    assert (count(known_unit, Case), unit_names(known_unit)) == (1, [LIXIA])
    with known_unit.sessions() as session:
        assert find_unknown_units(session, "evaluations", table) == []


def test_nothing_to_ask_in_an_empty_database(sqlite_db, make_file):
    table = read_table(misspelt_file(make_file))
    with sqlite_db.sessions() as session:
        assert find_unknown_units(session, "cases", table) == []


def test_a_choice_maps_only_to_one_unit():
    with pytest.raises(ValueError):
        UnitChoice(MAP)
    with pytest.raises(ValueError):
        UnitChoice(UnitAction.NEW, LIXIA)
    with pytest.raises(ValueError):
        UnitChoices(otherwise=MAP)


def test_the_units_a_misspelt_name_likely_means_come_first():
    units = ["天桥区不动产登记中心", "市中区不动产登记中心", LIXIA, EAST]
    assert likely_units(MISSPELT, units)[:2] == [LIXIA, EAST]
