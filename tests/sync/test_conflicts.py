"""A record changed in two places: both versions kept, nothing overwritten, a team lead decides."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.roles import NotPermitted
from app.sync import (
    SyncError,
    conflict_details,
    decide_conflict,
    export_cases_to_call,
    export_changes,
    import_sync_file,
    list_conflicts,
)
from db.models import AuditEntry, Case, Evaluation, QueueEntry, SyncConflict, Unit

from .helpers import (
    CASE_NO,
    add_staff,
    case_value,
    change_case,
    conflicts,
    counts,
    exchange_keys,
    name_site,
    outlet_day,
    sync_file,
)


@pytest.fixture
def synced(outlet, any_db, tmp_path):
    """The outlet's day imported at the centre; both then change the same case."""
    name_site(outlet, "历下网点")
    name_site(any_db, "市中心")
    exchange_keys(outlet, any_db)
    outlet_day(outlet)
    first = sync_file(tmp_path, "1")
    export_changes(outlet, first)
    import_sync_file(any_db, first)
    return any_db


def test_same_case_changed_at_both_is_kept_for_the_lead(outlet, synced, tmp_path):
    centre = synced
    change_case(centre, location="中心改的座落", applicant="张三（中心核实）")
    change_case(outlet, location="网点改的座落")
    path = sync_file(tmp_path, "2")
    export_changes(outlet, path)

    summary = import_sync_file(centre, path)

    assert summary.conflicts == 1 and summary.tables["cases"].conflicts == 1
    assert case_value(centre, "location") == "中心改的座落"  # untouched
    assert "组长" in summary.text()
    (row,) = conflicts(centre)
    assert (row.entity, row.title, row.site, row.status) == ("cases", CASE_NO, "历下网点", "open")
    with centre.sessions() as session:
        details = conflict_details(session, row.id)
    differing = {f.label: (f.local, f.incoming) for f in details.differing()}
    assert differing == {
        "座落": ("中心改的座落", "网点改的座落"),
        "申请人": ("张三（中心核实）", "张三"),
    }
    assert details.fields[0].differs and not details.fields[-1].differs
    assert not details.local_changed_since

    before = counts(centre)
    again = import_sync_file(centre, path)
    assert again.conflicts == 0 and not again.changed() and counts(centre) == before


def test_only_a_team_lead_decides_and_the_decision_is_audited(outlet, synced, tmp_path):
    centre = synced
    operator = add_staff(centre, "中心回访员", "operator")
    lead = add_staff(centre, "中心组长", "team_lead")
    change_case(centre, location="中心改的座落")
    change_case(outlet, location="网点改的座落")
    path = sync_file(tmp_path, "2")
    export_changes(outlet, path)
    import_sync_file(centre, path)
    (row,) = conflicts(centre)

    with pytest.raises(NotPermitted), centre.sessions.begin() as session:
        decide_conflict(session, row.id, "incoming", operator)
    with centre.sessions.begin() as session:
        decided = decide_conflict(session, row.id, "incoming", lead)
    assert (decided.status, decided.decision, decided.decided_by) == (
        "decided",
        "incoming",
        "中心组长",
    )
    assert case_value(centre, "location") == "网点改的座落"
    with pytest.raises(SyncError), centre.sessions.begin() as session:
        decide_conflict(session, row.id, "local", lead)
    with centre.sessions() as session:
        audit = session.scalar(
            select(AuditEntry).where(AuditEntry.action == "sync.conflict.incoming")
        )
        assert audit.actor.startswith("中心组长")
        assert audit.before["local"]["location"] == "中心改的座落"
        assert audit.after["location"] == "网点改的座落"
    assert conflicts(centre) == []

    # The same file once more: the decided version is the one here; nothing new to decide.
    assert import_sync_file(centre, path).conflicts == 0


def test_keeping_the_local_version_makes_it_win_at_the_outlet_too(outlet, synced, tmp_path):
    centre = synced
    lead = add_staff(centre, "中心组长", "team_lead")
    firm = "JN20260701000002"  # queued: it goes back with the cases to call
    with centre.sessions.begin() as session:
        session.scalar(select(Case).where(Case.case_no == firm)).location = "中心版本"
    with outlet.sessions.begin() as session:
        session.scalar(select(Case).where(Case.case_no == firm)).location = "网点版本"
    changes = sync_file(tmp_path, "2")
    export_changes(outlet, changes)
    import_sync_file(centre, changes)
    (row,) = conflicts(centre)
    with centre.sessions.begin() as session:
        decide_conflict(session, row.id, "local", lead)
    assert case_value(centre, "location", firm) == "中心版本"

    back = sync_file(tmp_path, "back")
    with centre.sessions() as session:
        unit_id = session.scalar(select(Unit.id))
    export_cases_to_call(centre, back, [unit_id])
    summary = import_sync_file(outlet, back)

    # The lead's decision travels: the outlet takes it without a conflict of its own.
    assert summary.conflicts == 0 and summary.tables["cases"].updated == 1
    assert case_value(outlet, "location", firm) == "中心版本"


def test_an_older_version_sent_again_leaves_the_newer_one(outlet, synced, tmp_path):
    centre = synced
    change_case(centre, location="中心改的座落")
    echo = sync_file(tmp_path, "echo")
    # The outlet did not touch the case; its next file sends it all again.
    export_changes(outlet, echo, full=True)

    summary = import_sync_file(centre, echo)

    assert summary.conflicts == 0 and summary.total("updated") == 0
    assert case_value(centre, "location") == "中心改的座落"


def test_a_newer_conflicting_version_supersedes_the_waiting_one(outlet, synced, tmp_path):
    centre = synced
    change_case(centre, location="中心")
    change_case(outlet, location="网点一")
    export_changes(outlet, first := sync_file(tmp_path, "2"))
    import_sync_file(centre, first)
    change_case(outlet, location="网点二")
    export_changes(outlet, second := sync_file(tmp_path, "3"))

    summary = import_sync_file(centre, second)

    assert summary.conflicts == 1 and summary.superseded == 1
    (row,) = conflicts(centre)
    with centre.sessions() as session:
        details = conflict_details(session, row.id)
    assert {f.label: f.incoming for f in details.differing()} == {"座落": "网点二"}
    assert [c.status for c in conflicts(centre, status=None)] == ["open", "superseded"]


def test_two_outlets_changing_a_case_sent_to_both_conflict_at_the_centre(
    outlet, second_outlet, any_db, tmp_path
):
    centre = any_db
    name_site(centre, "市中心")
    name_site(outlet, "网点甲")
    name_site(second_outlet, "网点乙")
    exchange_keys(centre, outlet, second_outlet)
    outlet_day(centre)  # the centre's own cases this time, with a queue entry on the firm's
    firm = "JN20260701000002"
    with centre.sessions() as session:
        unit_id = session.scalar(select(Unit.id))
    for database, place in ((outlet, "网点甲"), (second_outlet, "网点乙")):
        # The same cases for each outlet, in a file that only it can open.
        cases = sync_file(tmp_path, f"cases-{place}")
        export_cases_to_call(centre, cases, [unit_id], to=place)
        import_sync_file(database, cases)
        with database.sessions.begin() as session:
            session.scalar(select(Case).where(Case.case_no == firm)).location = place
    from_a, from_b = sync_file(tmp_path, "a"), sync_file(tmp_path, "b")
    export_changes(outlet, from_a, to="市中心")
    export_changes(second_outlet, from_b, to="市中心")

    assert import_sync_file(centre, from_a).tables["cases"].updated == 1
    summary = import_sync_file(centre, from_b)

    # B's change was not made on A's: it must not silently replace it.
    assert summary.conflicts == 1
    assert case_value(centre, "location", firm) == "网点甲"


def test_a_case_both_imported_from_the_same_export_is_recognised(outlet, any_db, tmp_path):
    centre = any_db
    exchange_keys(outlet, centre)
    outlet_day(outlet)
    outlet_day(centre)  # the same case numbers, created here under other uids
    with outlet.sessions.begin() as session:
        case = session.scalar(select(Case).where(Case.case_no == CASE_NO))
        session.add(
            Evaluation(
                case_id=case.id,
                channel="phone",
                round=2,
                evaluated_at=case.created_at,
                overall="satisfied",
            )
        )
    path = sync_file(tmp_path, "outlet")
    export_changes(outlet, path)

    summary = import_sync_file(centre, path)

    assert summary.tables["cases"].inserted == 0 and summary.tables["cases"].unchanged == 2
    with centre.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 2
        case = session.scalar(select(Case).where(Case.case_no == CASE_NO))
        # The outlet's second-round answers found the case here.
        assert [e.round for e in case.evaluations].count(2) == 1
        assert session.scalar(select(func.count()).select_from(QueueEntry)) == 1
    assert import_sync_file(centre, path).changed() is False


def test_a_conflict_on_a_case_created_in_two_places_differently(outlet, any_db, tmp_path):
    centre = any_db
    exchange_keys(outlet, centre)
    outlet_day(outlet)
    outlet_day(centre)
    change_case(centre, applicant="王五")
    path = sync_file(tmp_path, "outlet")
    export_changes(outlet, path)

    summary = import_sync_file(centre, path)

    assert summary.tables["cases"].conflicts == 1
    assert case_value(centre, "applicant") == "王五"
    with centre.sessions() as session:
        assert session.scalar(select(func.count()).select_from(SyncConflict)) == 1
        (row,) = list_conflicts(session)
        (field,) = conflict_details(session, row.id).differing()
    assert (field.local, field.incoming) == ("王五", "张三")
