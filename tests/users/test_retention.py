"""Retention: personal data of cases completed more than `retention.years` ago is forgotten,
every figure the reports count stays, and the purge is previewed, audited and repeatable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

# First: app.callbacks cannot be imported before app.importing (an import cycle).
import app.importing  # noqa: F401
from app.audit import record_change
from app.audit_chain import verify_chain
from app.callbacks.tasks import close_unresolved, record_contact
from app.complaints.registry import ComplaintInput, register_complaint
from app.demo import fill_demo_data
from app.reports.monthly import monthly_analysis
from app.reports.quarterly import quarterly_report
from app.retention import PURGED, RetentionError, preview, purge, retention_cutoff
from app.settings import set_setting
from app.users import DEMO_PASSWORD
from app.zone import LOCAL_ZONE
from cli import main
from db.models import (
    AuditEntry,
    BadReview,
    CallAttempt,
    CallbackContact,
    CallbackTask,
    Case,
    CasePhone,
    Complaint,
    EnterpriseFeedback,
    Evaluation,
    Setting,
)
from tests.callbacks import helpers as h
from tests.cli_login import log_in_as

TODAY = date(2026, 11, 20)  # the demo's cases were completed in the six months before
PURGE_DAY = date(2029, 8, 15)  # 3 years kept: cases completed before 2026-08-15 go
CUTOFF = date(2026, 8, 15)
DEMO_NOW = datetime.combine(TODAY, time(10), LOCAL_ZONE)


@dataclass
class Filled:
    old: int  # a case completed before the cutoff, with a closed callback and a complaint
    new: int  # a case completed after it
    waiting: int  # an old case whose callback is still open
    complained: int  # an old case whose complaint is still open
    enterprise: int  # an old enterprise case with Form B answers
    task: int
    complaint: int
    open_complaint: int
    lead: int
    admin: int  # who purges (administrators only)


def _old_and_new(session) -> tuple[list[Case], list[Case]]:
    with_phone = select(Case).where(Case.has_valid_phone.is_(True), Case.is_enterprise.is_(False))
    old = session.scalars(with_phone.where(Case.completed_on < CUTOFF).order_by(Case.id)).all()
    new = session.scalars(with_phone.where(Case.completed_on >= CUTOFF).order_by(Case.id)).all()
    return old, new


@pytest.fixture
def filled(any_db) -> Filled:
    with any_db.sessions.begin() as session:
        fill_demo_data(session, cases=300, seed=7, today=TODAY)
        people = h.people(session)
        (old, waiting, complained, *_), (new, *_) = _old_and_new(session)
        at = h.local(2026, 7, 1)
        session.add(
            CallAttempt(
                case_id=old.id,
                attempted_at=at,
                outcome="no_answer",
                phone_original="138 1234 5678",
                phone_e164="+8613812345678",
                note="家属说本人在外地",
                operator_id=people.wang,
            )
        )
        for case_ in (old, waiting):
            evaluation = h.first_evaluation(session, case_, at, words="窗口人员态度生硬")
            task_id = h.open_callback(
                session, case_, evaluation.id, now=at, words="窗口人员态度生硬，电话 13812345678"
            ).id
            record_contact(
                session,
                task_id,
                by_id=people.wang,
                means="phone",
                said="张先生说已经解决",
                promised="下周回电",
                at=at,
            )
            if case_ is old:
                task = task_id
                close_unresolved(session, task_id, by_id=people.lead, reason="无法联系", now=at)
        enterprise = session.scalars(
            select(Case).where(Case.is_enterprise.is_(True), Case.completed_on < CUTOFF)
        ).first()
        answers = {"satisfaction": "satisfied", "enterprise_contact": "刘经理", "suggestion": "好"}
        evaluation = Evaluation(
            case_id=enterprise.id,
            channel="enterprise",
            round=1,
            evaluated_at=at,
            overall="satisfied",
            suggestion="好",
            original={"form": "B", **answers},
        )
        session.add(evaluation)
        session.flush()
        session.add(
            EnterpriseFeedback(
                case_id=enterprise.id,
                status="verified",
                satisfaction="satisfied",
                enterprise_contact="刘经理",
                revisit_contact="王芳",
                suggestion="好",
                first_answers=answers,
                evaluation_id=evaluation.id,
            )
        )
        complaints = []
        for case_, received in ((old, h.local(2026, 6, 20)), (complained, h.local(2026, 7, 20))):
            complaints.append(
                register_complaint(
                    session,
                    ComplaintInput(
                        content="窗口排队太久",
                        channel="phone",
                        category="opinion",
                        received_at=received,
                        complainant="李女士",
                        contact="0531-86123456",
                        address="历下区经十路 1 号",
                        case_no=case_.case_no,
                    ),
                    by_id=people.wang,
                    now=received,
                )
            )
        complaints[0].status, complaints[0].closed_at = "closed", h.local(2026, 7, 1)
        return Filled(
            old=old.id,
            new=new.id,
            waiting=waiting.id,
            complained=complained.id,
            enterprise=enterprise.id,
            task=task,
            complaint=complaints[0].id,
            open_complaint=complaints[1].id,
            lead=people.lead,
            admin=people.admin,
        )


# What the monthly analysis quotes of people — the 附录 F ledger (names, numbers, addresses) and
# the respondents' own words — is what the purge forgets on purpose; its figures must stay.
TEXTS = frozenset({"ledger_rows", "words", "callback_words"})


def _without(value, keys: frozenset[str]):
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def _figures(database) -> dict:
    """Every figure of the quarterly reports and monthly analyses the demo's days cover."""
    with database.sessions() as session:
        figures = {}
        for quarter in (2, 3, 4):
            report = quarterly_report(session, 2026, quarter, today=TODAY).to_json()
            report.pop("generated_at")
            figures[f"Q{quarter}"] = report
        for month in range(5, 12):
            analysis = monthly_analysis(session, 2026, month).to_json()
            analysis.pop("generated_at")
            figures[f"M{month}"] = _without(analysis, TEXTS)
        figures["counts"] = [
            session.scalar(select(func.count()).select_from(model))
            for model in (Case, Evaluation, CallAttempt, CallbackTask, Complaint)
        ]
    return figures


def test_the_purge_keeps_every_figure_of_the_reports(any_db, filled):
    before = _figures(any_db)
    with any_db.sessions.begin() as session:
        counts = purge(session, PURGE_DAY, cutoff=CUTOFF, by_id=filled.admin)
    assert counts.cases > 100 and counts.phones > 100
    assert _figures(any_db) == before


def test_the_personal_data_of_old_cases_is_forgotten(any_db, filled):
    with any_db.sessions.begin() as session:
        purge(session, PURGE_DAY, cutoff=CUTOFF)
    with any_db.sessions() as session:
        old = session.get(Case, filled.old)
        assert (old.applicant, old.location, old.phones) == (None, None, [])
        assert old.has_valid_phone  # a figure: it had a number
        attempt = session.scalar(select(CallAttempt).where(CallAttempt.case_id == filled.old))
        assert (attempt.note, attempt.phone_original, attempt.phone_e164) == (None, None, None)
        assert attempt.outcome == "no_answer"
        assert (
            session.scalar(
                select(func.count(Evaluation.id)).where(
                    Evaluation.case_id.in_([filled.old, filled.enterprise]),
                    Evaluation.suggestion.is_not(None),
                )
            )
            == 0
        )
        task = session.get(CallbackTask, filled.task)
        assert (task.respondent_words, task.status) == (None, "closed")
        contact = session.scalar(select(CallbackContact).where(CallbackContact.task_id == task.id))
        assert (contact.said, contact.promised, contact.means) == (PURGED, None, "phone")
        form = session.scalar(
            select(EnterpriseFeedback).where(EnterpriseFeedback.case_id == filled.enterprise)
        )
        assert (form.enterprise_contact, form.suggestion, form.revisit_contact) == (
            None,
            None,
            "王芳",
        )
        assert form.first_answers["enterprise_contact"] is None
        assert form.first_answers["satisfaction"] == "satisfied"
        original = session.scalar(
            select(Evaluation.original)
            .where(Evaluation.case_id == filled.enterprise)
            .where(Evaluation.channel == "enterprise")
        )
        assert original == {
            "form": "B",
            "satisfaction": "satisfied",
            "enterprise_contact": None,
            "suggestion": None,
        }
        closed = session.get(Complaint, filled.complaint)
        assert (closed.complainant, closed.contact, closed.address) == (None, None, None)
        assert closed.content == "窗口排队太久"
        # The audit trail of those records keeps who and when, not the words and numbers.
        trail = session.execute(
            select(AuditEntry.action, AuditEntry.before, AuditEntry.after).where(
                AuditEntry.entity_uid.in_([task.uid, closed.uid])
            )
        ).all()
        assert {action for action, *_ in trail} >= {"callback.contact", "callback.close"}
        text = repr(trail)
        for personal in ("张先生说已经解决", "下周回电", "李女士", "0531-86123456"):
            assert personal not in text
        # Their hash chain holds: what was blanked is kept as digests, the salt gone with it.
        assert verify_chain(session).intact
        contact_entry = session.scalar(
            select(AuditEntry).where(
                AuditEntry.entity_uid == task.uid, AuditEntry.action == "callback.contact"
            )
        )
        assert "salt" not in contact_entry.personal
        assert contact_entry.personal["digests"]  # one per value blanked


def test_audit_entries_are_kept_whole_six_months_whatever_the_retention(any_db, filled):
    with any_db.sessions.begin() as session:
        task = session.get(CallbackTask, filled.task)
        record_change(  # a word about the old case, written a month before the purge
            session,
            actor_id=None,
            action="callback.contact",
            entity="callback_task",
            entity_uid=task.uid,
            before=None,
            after={"said": "本人补充说明"},
            at=datetime.combine(PURGE_DAY, time(10), LOCAL_ZONE) - timedelta(days=30),
        )
    with any_db.sessions.begin() as session:
        purge(session, PURGE_DAY, cutoff=CUTOFF)

    def words() -> list:
        with any_db.sessions() as session:
            return session.scalars(
                select(AuditEntry.after).where(
                    AuditEntry.entity_uid == task.uid, AuditEntry.action == "callback.contact"
                )
            ).all()

    assert {"said": "本人补充说明"} in words()  # a month old: kept whole
    later = PURGE_DAY + timedelta(days=182)
    with any_db.sessions.begin() as session:
        assert purge(session, later, cutoff=retention_cutoff(later, 3)).audit_entries == 1
    assert {"said": None} in words() and {"said": "本人补充说明"} not in words()
    with any_db.sessions() as session:
        assert verify_chain(session).intact


def test_newer_cases_open_callbacks_and_open_complaints_are_left_alone(any_db, filled):
    with any_db.sessions.begin() as session:
        purge(session, PURGE_DAY, cutoff=CUTOFF)
    with any_db.sessions() as session:
        for case_id in (filled.new, filled.waiting, filled.complained):
            case_ = session.get(Case, case_id)
            assert case_.applicant and case_.location and case_.phones
        waiting = session.scalar(select(CallbackTask).where(CallbackTask.case_id == filled.waiting))
        assert waiting.respondent_words.endswith("13812345678")
        assert (
            session.scalar(
                select(CallbackContact.said).where(CallbackContact.task_id == waiting.id)
            )
            == "张先生说已经解决"
        )
        still_open = session.get(Complaint, filled.open_complaint)
        assert still_open.complainant == "李女士"


def test_preview_counts_what_the_purge_does_and_a_second_purge_has_nothing(any_db, filled):
    with any_db.sessions() as session:
        expected = preview(session, PURGE_DAY)
        assert session.scalar(select(func.count(CasePhone.id))) > expected.phones  # unchanged
    assert expected.cutoff == CUTOFF and expected.years == 3
    assert (expected.callback_tasks, expected.callback_contacts, expected.complaints) == (1, 1, 1)
    assert expected.enterprise_forms == 1
    assert expected.audit_entries == 2  # the contact's words, the complainant's registration
    with any_db.sessions.begin() as session:
        done = purge(session, PURGE_DAY, cutoff=CUTOFF, by_id=filled.admin)
    assert done == expected
    with any_db.sessions.begin() as session:
        assert preview(session, PURGE_DAY).total == 0
        assert purge(session, PURGE_DAY, cutoff=CUTOFF).total == 0
    with any_db.sessions() as session:
        (entry,) = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "retention.purge")
        ).all()
    assert entry.actor == f"赵管理 (#{filled.admin})"
    assert entry.after["cutoff"] == "2026-08-15" and entry.after["cases"] == expected.cases


def test_the_retention_period_is_a_setting(any_db, filled, monkeypatch):
    monkeypatch.setattr("app.settings._reported", set())
    with any_db.sessions.begin() as session:
        set_setting(session, "retention.years", 4)
        assert preview(session, PURGE_DAY).total == 0  # cut-off 2025-08-15: nothing so old
        for years in (0, -1, 2):  # refused since settings have ranges; W 7.1.3.2.5: 3 years
            with pytest.raises(ValueError, match="retention.years"):
                set_setting(session, "retention.years", years)
        # As a database from before the ranges: read as the least the rules allow, never as
        # "forget every case".
        session.merge(Setting(key="retention.years", value=0))
        counts = preview(session, PURGE_DAY)
        assert (counts.years, counts.cutoff) == (3, CUTOFF)
        assert purge(session, PURGE_DAY, cutoff=CUTOFF).cases == counts.cases


def test_a_purge_runs_only_for_the_cutoff_confirmed(any_db, filled):
    with any_db.sessions.begin() as session:
        shown = preview(session, PURGE_DAY, by_id=filled.admin)
        assert shown.cutoff == CUTOFF and shown.total > 0
    # Another administrator shortens the retention meanwhile, or a day passes: refused whole.
    with any_db.sessions.begin() as session:
        set_setting(session, "retention.years", 4, by_id=filled.admin)
    with pytest.raises(RetentionError, match="2025-08-15") as refused:
        with any_db.sessions.begin() as session:
            purge(session, PURGE_DAY, cutoff=shown.cutoff, by_id=filled.admin)
    assert "没有清除任何数据" in str(refused.value)
    with any_db.sessions.begin() as session:
        set_setting(session, "retention.years", 3, by_id=filled.admin)
    with pytest.raises(RetentionError, match="2026-08-16"), any_db.sessions() as session:
        purge(session, PURGE_DAY + timedelta(days=1), cutoff=shown.cutoff, by_id=filled.admin)
    with any_db.sessions() as session:
        assert preview(session, PURGE_DAY).total == shown.total  # nothing was forgotten
        assert session.get(Case, filled.old).applicant is not None


def test_the_cutoff_of_a_29_february():
    assert retention_cutoff(date(2028, 2, 29), 3) == date(2025, 2, 28)
    assert retention_cutoff(date(2029, 8, 15), 3) == CUTOFF
    with pytest.raises(RetentionError):
        retention_cutoff(date(2, 1, 1), 3)  # no year -1: refused, not a ValueError


def test_the_retention_commands(tmp_path, capsys, stop_clock, monkeypatch):
    stop_clock(DEMO_NOW)  # the demo's deadlines: not in a year the calendar does not know yet
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    assert main(["--db", url, "demo", "--cases", "60"]) == 0
    capsys.readouterr()
    # The demo made accounts: the commands now run as the demo's administrator.
    log_in_as(monkeypatch, "admin", DEMO_PASSWORD)
    assert main(["--db", url, "retention", "preview", "--today", "2040-01-01"]) == 0
    out = capsys.readouterr().out
    assert "2037-01-01 之前办结的业务件" in out and "预览：共" in out
    total = int(out.split("预览：共 ")[1].split(" ")[0])
    assert total > 60
    purge_ = ["--db", url, "retention", "purge", "--today", "2040-01-01"]

    # Asked on the terminal, after the cut-off and the counts: anything but yes purges nothing.
    answers = iter(["no", "", "yes"])
    prompts: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt="": prompts.append(prompt) or next(answers))
    for _declined in range(2):
        assert main(purge_) == 2
        captured = capsys.readouterr()
        assert "2037-01-01 之前办结的业务件" in captured.out
        assert "没有清除任何数据" in captured.err
    assert prompts[0] == (
        f"将清除 {total} 条记录中的个人信息（2037-01-01 之前办结），不能撤销。输入 yes 清除："
    )
    # No terminal (a script, a pipe) and no --yes: refused before anything is asked.
    monkeypatch.setenv("REVISITDESK_TOKEN", _token(url, capsys))
    monkeypatch.setattr("cli.login.stdin_is_terminal", lambda: False)
    monkeypatch.delenv("REVISITDESK_USER")
    assert main(purge_) == 2
    assert "--yes" in capsys.readouterr().err and len(prompts) == 2
    assert main(["--lang", "en", *purge_]) == 2
    captured = capsys.readouterr()
    assert "Kept 3 years: cases completed before 2037-01-01" in captured.out
    assert "run it on a terminal and confirm, or add --yes" in captured.err
    assert main(["--lang", "zh", "--db", url, "retention", "preview", "--today", "2040-01-01"]) == 0
    assert f"预览：共 {total} 条" in capsys.readouterr().out  # still all there
    # --yes, as a scheduled job: the cut-off and the counts printed all the same.
    assert main([*purge_, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "2037-01-01 之前办结的业务件" in out
    assert f"已清除 {total} 条记录中的个人信息（2037-01-01 之前办结）" in out
    assert len(prompts) == 2
    assert main(purge_) == 0
    assert "没有需要清除的个人信息" in capsys.readouterr().out
    assert main(["--db", url, "retention", "preview", "--today", "2040-01-01"]) == 0
    assert "预览：共 0 条" in capsys.readouterr().out


def _token(url, capsys) -> str:
    """A token for the demo's administrator, as `token create` makes it for a scheduled job."""
    assert main(["--db", url, "token", "create", "--for", "admin", "--hours", "1"]) == 0
    return capsys.readouterr().out.splitlines()[0]


def test_bad_reviews_and_evaluators_are_forgotten_unless_the_review_is_still_open(any_db):
    """评价人 on an imported evaluation and a 差评's 核实情况 and feedback are personal: forgotten
    past retention; a case whose 差评 is not closed yet is left alone, as an open callback is."""
    from tests.callbacks.bad_reviews import bad_review

    with any_db.sessions.begin() as session:
        h.people(session)
        owner = h.unit(session, "历下区登记中心")
        reviews = [
            bad_review(session, owner, case_no, h.local(2026, 6, 2), completed_on=date(2026, 6, 1))
            for case_no in ("OLD-CLOSED", "OLD-OPEN")
        ]
        for opened, stage in zip(reviews, ("closed", "rectify"), strict=True):
            session.get(Evaluation, opened.evaluation_id).evaluator = "张三"
            session.get(CallbackTask, opened.task_id).status = "resolved"
            review = session.get(BadReview, opened.review_id)
            review.stage = stage
            review.verification = "核实：张三反映属实，电话 13812345678"
            review.feedback_text = "已电话告知张三整改结果"
    with any_db.sessions.begin() as session:
        counts = purge(session, PURGE_DAY, cutoff=CUTOFF)
    assert counts.bad_reviews == 1
    with any_db.sessions() as session:
        closed, still_open = (session.get(BadReview, r.review_id) for r in reviews)
        assert (closed.verification, closed.feedback_text) == (None, None)
        assert still_open.verification.startswith("核实：张三")
        assert session.get(Evaluation, reviews[0].evaluation_id).evaluator is None
        assert session.get(Evaluation, reviews[1].evaluation_id).evaluator == "张三"
        assert verify_chain(session).intact
