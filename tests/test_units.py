"""The units administered: listed with their cases, renamed, given a district and an area code,
deactivated, and a mistaken unit merged into the right one — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.errors import Refused
from app.reports.quarterly import quarterly_report
from app.roles import NotPermitted
from app.staff import add_staff
from app.units import (
    UnitError,
    list_units,
    merge_preview,
    merge_units,
    unit_choices,
    unit_id_named,
    update_unit,
)
from app.zone import LOCAL_ZONE
from db.models import (
    AuditEntry,
    Base,
    CallbackTask,
    CallSample,
    Case,
    Complaint,
    CorrectiveAction,
    EnterpriseFeedback,
    Evaluation,
    EvaluationSample,
    IntegrityEscalation,
    QueueEntry,
    Staff,
    SupervisionOrder,
    SyncRecord,
    Unit,
    UnitAlias,
)

RIGHT, MISTAKEN, OTHER = "历下区不动产登记中心", "历下区不动产登记中信", "市中区不动产登记中心"
AT = datetime(2026, 8, 10, 10, tzinfo=LOCAL_ZONE)


def _units(session, *names: str) -> list[Unit]:
    units = [Unit(name=name) for name in names]
    session.add_all(units)
    session.flush()
    return units


def _cases(session, unit: Unit, count: int, *, evaluated: int = 0) -> list[Case]:
    cases = [
        Case(case_no=f"{unit.id}-{n}", unit_id=unit.id, completed_on=date(2026, 8, 3))
        for n in range(count)
    ]
    session.add_all(cases)
    session.flush()
    for case in cases[:evaluated]:
        session.add(
            Evaluation(case_id=case.id, channel="qr", round=1, evaluated_at=AT, overall="satisfied")
        )
    session.flush()
    return cases


def _people(session) -> tuple[int, int]:
    """An administrator's and an operator's staff ids."""
    admin = add_staff(session, "管理员", "administrator").id
    operator = add_staff(session, "王芳", "operator").id
    return admin, operator


def test_units_are_listed_with_their_cases(any_db):
    with any_db.sessions.begin() as session:
        right, mistaken, other = _units(session, RIGHT, MISTAKEN, OTHER)
        _cases(session, right, 3)
        _cases(session, mistaken, 1)
        update_unit(session, other.id, active=False)
        rows = {row.name: row for row in list_units(session)}
    assert [(rows[n].cases, rows[n].active) for n in (RIGHT, MISTAKEN, OTHER)] == [
        (3, True),
        (1, True),
        (0, False),
    ]


def test_a_unit_is_renamed_and_given_a_district_and_area_code_audited(any_db):
    with any_db.sessions.begin() as session:
        admin, _ = _people(session)
        (unit,) = _units(session, MISTAKEN)
        row = update_unit(session, unit.id, name=f"  {RIGHT} ", by_id=admin)
        assert row.name == RIGHT
        row = update_unit(session, unit.id, district="历下区", area_code="531", by_id=admin)
        assert (row.district, row.area_code) == ("历下区", "0531")  # the trunk 0 added
        update_unit(session, unit.id, area_code="０１０")  # full width, from the command line
        assert unit_choices(session) == [(unit.id, RIGHT)]
        update_unit(session, unit.id, district="", area_code="")
        entries = session.execute(
            select(AuditEntry.actor, AuditEntry.before, AuditEntry.after)
            .where(AuditEntry.action == "unit.change")
            .order_by(AuditEntry.id)
        ).all()
    assert [(actor, before, after) for actor, before, after in entries[:2]] == [
        (f"管理员 (#{admin})", {"name": MISTAKEN}, {"name": RIGHT}),
        (
            f"管理员 (#{admin})",
            {"name": RIGHT, "district": None, "area_code": None},
            {"name": RIGHT, "district": "历下区", "area_code": "0531"},
        ),
    ]
    assert entries[3].after == {"name": RIGHT, "district": None, "area_code": None}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": OTHER}, "已有名为“市中区不动产登记中心”的受理单位"),
        ({"name": "市中区 不动产登记中心"}, "请用“合并到…”"),  # the same name, but for a space
        ({"name": "  "}, "单位名称不能为空"),
        ({"name": "中" * 101}, "最多 100 个字"),
        ({"area_code": "0300"}, "不是有效的长途区号"),
        ({"area_code": "05311"}, "不是有效的长途区号"),
        ({"area_code": "abc"}, "不是有效的长途区号"),
        ({"colour": "red"}, "not editable"),
    ],
)
def test_bad_unit_changes_are_refused_with_the_reason(any_db, changes, message):
    with any_db.sessions.begin() as session:
        right, _other = _units(session, RIGHT, OTHER)
        with pytest.raises(UnitError, match=message):
            update_unit(session, right.id, **changes)


def test_only_administrators_change_units(any_db):
    with any_db.sessions.begin() as session:
        admin, operator = _people(session)
        right, mistaken = _units(session, RIGHT, MISTAKEN)
        with pytest.raises(NotPermitted):
            update_unit(session, right.id, district="历下区", by_id=operator)
        with pytest.raises(NotPermitted):
            merge_units(session, mistaken.id, right.id, by_id=operator)
        update_unit(session, right.id, district="历下区", by_id=admin)
        # Nobody logged in (the command line, a database without passwords): let through.
        update_unit(session, right.id, district="历城区")


def test_a_merge_moves_everything_of_the_mistaken_unit_and_removes_it(any_db):
    with any_db.sessions.begin() as session:
        admin, _ = _people(session)
        right, mistaken, other = _units(session, RIGHT, MISTAKEN, OTHER)
        _cases(session, right, 2)
        cases = _cases(session, mistaken, 3)
        case = cases[0]
        handler = Staff(name="李经办", unit_id=mistaken.id)
        sample = CallSample(
            seed=1, unit_id=mistaken.id, year=2026, quarter=3, drawn_on=date(2026, 8, 4),
            candidate_count=3, size=1,
        )  # fmt: skip
        complaint = Complaint(unit_id=mistaken.id, channel="phone", received_at=AT, content="慢")
        session.add_all([handler, sample, complaint])
        session.flush()
        session.add_all(
            [
                CallbackTask(case_id=case.id, unit_id=mistaken.id, assigned_unit_id=mistaken.id),
                SupervisionOrder(
                    complaint_id=complaint.id,
                    sequence=1,
                    issued_at=AT,
                    handling_unit_id=mistaken.id,
                    opinion="督办",
                    reply_due=date(2026, 8, 20),
                ),  # fmt: skip
                CorrectiveAction(source="complaint", unit_id=mistaken.id, problem="慢"),
                EnterpriseFeedback(case_id=case.id, assigned_unit_id=mistaken.id),
                IntegrityEscalation(case_id=case.id, unit_id=mistaken.id, details="x"),
                QueueEntry(case_id=cases[1].id, sample_id=sample.id, ready_at=AT),
                EvaluationSample(
                    seed=2,
                    period_start=date(2026, 7, 1),
                    period_end=date(2026, 9, 30),
                    unit_ids=[mistaken.id, right.id, other.id],
                    requested_size=1,
                    candidate_count=5,
                ),  # fmt: skip
                UnitAlias(name="历下区登记中信", unit_id=mistaken.id),
            ]
        )
        session.flush()
        preview = merge_preview(session, mistaken.id)
        merged = merge_units(session, mistaken.id, right.id, by_id=admin)
        mistaken_id, right_id, other_id = mistaken.id, right.id, other.id

    assert preview == merged.moved
    assert merged.moved == {
        "call_samples": 1,
        "callback_tasks": 1,
        "cases": 3,
        "complaints": 1,
        "corrective_actions": 1,
        "enterprise_feedback": 1,
        "evaluation_samples": 1,
        "integrity_escalations": 1,
        "staff": 1,
        "supervision_orders": 1,
        "unit_aliases": 1,
    }
    assert (merged.cases, merged.removed, merged.source, merged.target) == (
        3,
        True,
        MISTAKEN,
        RIGHT,
    )
    with any_db.sessions() as session:
        assert session.get(Unit, mistaken_id) is None
        # Nothing anywhere refers to the removed unit: every foreign key to units was followed.
        for table in Base.metadata.sorted_tables:
            for key in table.foreign_keys:
                if key.column.table.name == "units":
                    left = session.scalar(
                        select(func.count()).select_from(table).where(key.parent == mistaken_id)
                    )
                    assert left == 0, f"{table.name}.{key.parent.name}"
        assert session.scalar(select(func.count()).where(Case.unit_id == right_id)) == 5
        task = session.scalars(select(CallbackTask)).one()
        assert (task.unit_id, task.assigned_unit_id) == (right_id, right_id)
        assert session.scalars(select(EvaluationSample.unit_ids)).one() == [right_id, other_id]
        # The mistaken spelling now leads the next import to the right unit.
        aliases = dict(session.execute(select(UnitAlias.name, UnitAlias.unit_id)).all())
        assert aliases == {"历下区登记中信": right_id, MISTAKEN: right_id}
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "unit.merge"))
        assert entry.before["source"]["name"] == MISTAKEN
        assert entry.after["moved"]["cases"] == 3 and entry.after["source_kept"] is False
        assert entry.actor == f"管理员 (#{admin})"


def test_a_unit_that_travelled_in_a_sync_file_is_kept_inactive(any_db):
    with any_db.sessions.begin() as session:
        right, mistaken = _units(session, RIGHT, MISTAKEN)
        _cases(session, mistaken, 2)
        session.add(SyncRecord(entity="units", uid=mistaken.uid, fingerprint="0" * 64))
        session.flush()
        merged = merge_units(session, mistaken.id, right.id)
        rows = {row.name: row for row in list_units(session)}
    assert not merged.removed
    assert (rows[MISTAKEN].active, rows[MISTAKEN].cases, rows[RIGHT].cases) == (False, 0, 2)


@pytest.mark.parametrize("mistake", ["itself", "inactive target", "unknown"])
def test_impossible_merges_are_refused_and_change_nothing(any_db, mistake):
    with any_db.sessions.begin() as session:
        right, mistaken = _units(session, RIGHT, MISTAKEN)
        _cases(session, mistaken, 1)
        ids = {"itself": (right.id, right.id), "unknown": (mistaken.id, 9999)}
        if mistake == "inactive target":
            update_unit(session, right.id, active=False)
        with pytest.raises(Refused):
            merge_units(session, *ids.get(mistake, (mistaken.id, right.id)))
        assert {row.name: row.cases for row in list_units(session)} == {RIGHT: 0, MISTAKEN: 1}


def test_the_quarterly_report_counts_the_merged_cases_under_the_right_unit(any_db):
    with any_db.sessions.begin() as session:
        right, mistaken, other = _units(session, RIGHT, MISTAKEN, OTHER)
        _cases(session, right, 10, evaluated=4)
        _cases(session, mistaken, 5, evaluated=1)
        _cases(session, other, 4, evaluated=2)
    today = date(2026, 10, 20)

    def figures() -> dict[str, tuple[int, int]]:
        with any_db.sessions() as session:
            report = quarterly_report(session, 2026, 3, today=today)
        return {u.unit: (u.cases, u.revisited) for u in report.units}

    assert figures() == {RIGHT: (10, 4), MISTAKEN: (5, 1), OTHER: (4, 2)}
    with any_db.sessions.begin() as session:
        merge_units(session, unit_id_named(session, MISTAKEN), unit_id_named(session, RIGHT))
    assert figures() == {RIGHT: (15, 5), OTHER: (4, 2)}
