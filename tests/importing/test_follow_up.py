"""What imported evaluations open: one callback per dissatisfied case, an escalation per 有."""

from __future__ import annotations

from sqlalchemy import select

from app.roles import Permission, Role, may
from db.models import CallbackTask, Case, Evaluation, IntegrityEscalation

from .helpers import (
    CASE_HEADER,
    EVALUATION_HEADER,
    case_row,
    count,
    evaluation_row,
    run_import,
)


def _with_cases(db, make_file) -> None:
    rows = [CASE_HEADER] + [case_row(f"JN{i:03}") for i in range(1, 6)]
    assert run_import(db, "cases", make_file("cases.csv", rows)).inserted == 5


def test_a_dissatisfied_import_opens_exactly_one_task_and_reimport_none(any_db, make_file):
    _with_cases(any_db, make_file)
    rows = [
        EVALUATION_HEADER,
        # Only 办事效率 is 不满意 (非常不满意 maps onto it): the callback's reason is efficiency.
        evaluation_row("JN001", 办事效率="非常不满意", 评价内容="等了三周才办好"),
        evaluation_row("JN002", 总体评价="不满意"),
        evaluation_row("JN003"),  # satisfied: nothing to chase
        # A later evaluation of JN001, dissatisfied too: still one task for the case.
        evaluation_row("JN001", "2026-07-20 09:00:00", 服务态度="不满意"),
    ]
    path = make_file("evaluations.csv", rows)
    summary = run_import(any_db, "evaluations", path)
    assert summary.inserted == 4
    # The later evaluation of JN001 came after the online window (办结 07-05): not valid.
    assert summary.flagged == {"callbacks_opened": 2, "invalid_late": 1}

    with any_db.sessions() as session:
        tasks = session.execute(
            select(Case.case_no, CallbackTask.reason_category, CallbackTask.respondent_words)
            .join(Case, Case.id == CallbackTask.case_id)
            .order_by(Case.case_no)
        ).all()
        assert [tuple(t) for t in tasks] == [
            ("JN001", "efficiency", "等了三周才办好"),
            ("JN002", "other", None),
        ]
        task = session.scalars(select(CallbackTask).order_by(CallbackTask.id)).first()
        # The task points at the first evaluation, which stays as imported.
        first = session.get(Evaluation, task.evaluation_id)
        assert first.efficiency == "dissatisfied" and first.round == 1
        assert task.status == "open" and task.due_on is not None
        assert task.unit_id == session.scalar(select(Case.unit_id).where(Case.case_no == "JN001"))

    again = run_import(any_db, "evaluations", path)
    assert (again.inserted, again.unchanged) == (0, 4)
    assert "callbacks_opened" not in again.flagged
    assert count(any_db, CallbackTask) == 2


def test_an_imported_integrity_breach_is_escalated_once(any_db, make_file):
    _with_cases(any_db, make_file)
    rows = [
        EVALUATION_HEADER,
        evaluation_row("JN004", 有无违反廉洁纪律="有", 评价内容="有人暗示交钱加快办理"),
        evaluation_row("JN005"),
    ]
    path = make_file("evaluations.csv", rows)
    assert run_import(any_db, "evaluations", path).flagged == {"integrity_escalations": 1}
    run_import(any_db, "evaluations", path)
    with any_db.sessions() as session:
        escalations = session.scalars(select(IntegrityEscalation)).all()
        assert [(e.details, e.status) for e in escalations] == [("有人暗示交钱加快办理", "open")]
        # Satisfied answers with 有: an escalation but no callback.
        assert session.scalar(select(CallbackTask.id)) is None


def test_only_leads_and_administrators_see_integrity_escalations():
    assert [role for role in Role if may(role, Permission.SEE_INTEGRITY)] == [
        Role.TEAM_LEAD,
        Role.ADMINISTRATOR,
    ]
    assert may("nonsense", Permission.SEE_INTEGRITY) is False  # unknown roles are operators


def test_an_import_that_changes_a_case_leaves_an_audit_entry(any_db, make_file):
    from db.models import AuditEntry

    rows = [CASE_HEADER, case_row("JN001"), case_row("JN002")]
    run_import(any_db, "cases", make_file("cases.csv", rows))
    changed = [CASE_HEADER, case_row("JN001", 申请人="张三丰"), case_row("JN002")]
    summary = run_import(any_db, "cases", make_file("cases2.csv", changed))
    assert (summary.updated, summary.unchanged) == (1, 1)
    with any_db.sessions() as session:
        (entry,) = session.scalars(select(AuditEntry)).all()
        uid = session.scalar(select(Case.uid).where(Case.case_no == "JN001"))
        assert (entry.action, entry.entity, entry.entity_uid) == ("case.import_update", "case", uid)
        assert entry.before == {"applicant": "张三"}
        assert entry.after["applicant"] == "张三丰" and "import_batch_id" in entry.after
