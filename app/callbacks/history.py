"""The whole history of a case, in time order, for the team lead who opens it on the board:
its facts, every evaluation (the first marked: it alone scores, J 5.4.1), every call attempt,
every callback contact and step, each step of its 差评 (核实, 申诉复核, 整改, 反馈, 结案), its
complaints, the scans and evidence filed to it and — for the roles that handle them only (SPEC
rule 7) — its integrity escalations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, or_, select
from sqlalchemy.orm import Session

from app.bad_reviews.process import decider_label
from app.bad_reviews.process import stage_label as review_stage_label
from app.callbacks.board import CALLBACK, COMPLAINT, reason_label, withheld_words
from app.callbacks.contacts import answers_summary, means_label, status_label
from app.complaints.registry import channel_label as complaint_channel_label
from app.complaints.registry import kind_label as complaint_kind_label
from app.complaints.registry import status_label as complaint_status_label
from app.desk.do_not_call import in_force
from app.desk.outcomes import outcome_labels
from app.i18n import pick
from app.importing.validity import invalid_scores
from app.importing.validity import reason_label as invalid_reason_label
from app.phones import mask_phone
from app.ratings import CHANNEL_LABELS, RATING_LABELS, Channel, Rating
from app.recordings.matching import FILED
from app.roles import Permission, Role, may
from app.scanning.filing import SCAN_KIND, case_scans
from db.models import (
    Attachment,
    AuditEntry,
    BadReview,
    CallAttempt,
    CallbackContact,
    CallbackTask,
    CallRecording,
    Case,
    CasePhone,
    Complaint,
    Evaluation,
    IntegrityEscalation,
    ScanPage,
    Staff,
    SupervisionOrder,
    Unit,
)

# What an event is, for the screen to draw each kind its own way.
EVALUATION = "evaluation"
CALL = "call"
CONTACT = "contact"
TASK = "task"
COMPLAINT_EVENT = "complaint"
ATTACHMENT = "attachment"
INTEGRITY = "integrity"

SCORED_BADGE = "计分（首次评价）"
_NEVER = datetime.min.replace(tzinfo=UTC)
_RATED = (
    ("overall", "总体情况"),
    ("efficiency", "办事效率"),
    ("attitude", "服务态度"),
    ("materials", "提交材料"),
)
_STEP_TITLES = {
    "callback.assign": ("分派", "Assigned"),
    "callback.resolve": ("已解决", "Resolved"),
    "callback.close": ("未解决关闭", "Closed unresolved"),
    "callback.reopen": ("重新打开", "Reopened"),
}
_REVIEW_STEPS = {
    "bad_review.verify": ("差评核实", "Bad review verified"),
    "bad_review.appeal": ("提出申诉", "Appeal filed"),
    "bad_review.decide": ("申诉复核", "Appeal decided"),
    "bad_review.plan": ("制定整改", "Rectification planned"),
    "bad_review.rectified": ("整改完成", "Rectified"),
    "bad_review.feedback": ("反馈评价人", "Fed back"),
    "bad_review.close": ("差评结案", "Bad review closed"),
}
_CASE_CHANNELS = {"window": ("窗口办理", "At the window"), "online": ("全程网办", "Fully online")}


@dataclass
class CaseFacts:
    case_id: int
    case_no: str
    business_type: str | None
    unit: str
    district: str | None
    accepted_on: date | None
    completed_on: date
    applicant: str | None
    enterprise_name: str | None
    location: str | None
    handler: str | None
    channel: str | None  # 窗口办理 / 全程网办, as a label
    phones: list[str]  # masked


@dataclass
class HistoryEvent:
    at: datetime
    kind: str
    title: str
    lines: list[str] = field(default_factory=list)
    badge: str | None = None  # e.g. 计分（首次评价）
    alert: bool = False  # 不满意, an overdue or refused step, an integrity report
    attachment_id: int | None = None  # an attachment's event: the file that can be opened
    call_attempt_id: int | None = None  # a call's event
    recording_seconds: int | None = None  # a call with a recording (app.recordings): its length


@dataclass
class CaseHistory:
    facts: CaseFacts
    events: list[HistoryEvent]  # oldest first
    integrity_shown: bool  # the viewer's role sees integrity escalations


@dataclass
class CallbackSummary:
    """A callback task as its dialog heads it, with what its buttons need to know."""

    task_id: int
    case_id: int
    case_no: str
    unit: str
    status: str
    status_label: str
    reason_label: str
    words: str | None
    due_on: date | None
    owner: str | None  # the operator or unit it is assigned to
    second_round_answers: str | None  # the round-2 Form A already taken, in a line
    resolution: str | None


def callback_summary(session: Session, task_id: int, *, role: Role | str | None) -> CallbackSummary:
    task = session.get(CallbackTask, task_id)
    if task is None:
        raise LookupError(pick("找不到此二次回访任务", "No such callback task"))
    words = task.respondent_words
    if words and _opened_by_breach(session, task) and not may(role, Permission.SEE_INTEGRITY):
        words = withheld_words()
    case_no, unit = session.execute(
        select(Case.case_no, Unit.name)
        .join(Unit, Unit.id == task.unit_id)
        .where(Case.id == task.case_id)
    ).one()
    owner = None
    if task.assigned_to_id is not None:
        owner = session.scalar(select(Staff.name).where(Staff.id == task.assigned_to_id))
    elif task.assigned_unit_id is not None:
        owner = session.scalar(select(Unit.name).where(Unit.id == task.assigned_unit_id))
    second = (
        session.get(Evaluation, task.second_evaluation_id)
        if task.second_evaluation_id is not None
        else None
    )
    return CallbackSummary(
        task_id=task.id,
        case_id=task.case_id,
        case_no=case_no,
        unit=unit,
        status=task.status,
        status_label=status_label(task.status),
        reason_label=reason_label(CALLBACK, task.reason_category),
        words=words,
        due_on=task.due_on,
        owner=owner,
        second_round_answers=answers_summary(second) if second is not None else None,
        resolution=task.resolution,
    )


def _opened_by_breach(session: Session, task: CallbackTask) -> bool:
    """Whether the evaluation that opened the task also reported an integrity breach: then the
    respondent's words may describe it (SPEC rule 7)."""
    if task.evaluation_id is None:
        return False
    return bool(
        session.scalar(
            select(Evaluation.integrity_breach).where(Evaluation.id == task.evaluation_id)
        )
    )


def case_history(session: Session, case_id: int, *, role: Role | str | None) -> CaseHistory:
    """Everything known about a case, oldest first; LookupError when there is no such case.

    The case is read with its unit and whether it has each kind of record, and only the kinds
    it has are read: each statement is a round trip to a PostgreSQL server, and most cases have
    an evaluation and a call or two, nothing else (issue 23)."""
    found = session.execute(_case_query(), {"case_id": case_id}).first()
    if found is None:
        raise LookupError(pick("找不到此业务件", "No such case"))
    case_ = found.Case
    integrity = may(role, Permission.SEE_INTEGRITY)
    names = dict(session.execute(select(Staff.id, Staff.name)).all())
    facts = _facts(session, case_, names, found.unit or "")
    events: list[HistoryEvent] = []
    if found.evaluated:
        events += _evaluations(session, case_, names, integrity)
    if found.called:
        events += _calls(session, case_id, names)
    if found.tasks:
        events += _tasks(session, case_id, names, integrity)
    if found.complaints:
        events += _complaints(session, case_id, names)
    if found.attachments:
        events += _attachments(session, case_id)
    if integrity and found.escalations:
        events += _escalations(session, case_id, names)
    # Stable: events of one moment keep the order above (the evaluation before its call).
    events.sort(key=lambda event: event.at)
    return CaseHistory(facts=facts, events=events, integrity_shown=integrity)


@cache
def _case_query() -> Select:
    """Built once: the case, its unit's name, and whether it has records of each kind (an
    index look-up each)."""
    case_id = bindparam("case_id", type_=Case.id.type)

    def has(model) -> Any:
        return select(model.id).where(model.case_id == case_id).exists()

    return (
        select(
            Case,
            Unit.name.label("unit"),
            has(Evaluation).label("evaluated"),
            has(CallAttempt).label("called"),
            has(CallbackTask).label("tasks"),
            has(Complaint).label("complaints"),
            or_(has(ScanPage), has(Attachment)).label("attachments"),
            has(IntegrityEscalation).label("escalations"),
        )
        .outerjoin(Unit, Unit.id == Case.unit_id)
        .where(Case.id == case_id)
    )


@cache
def _phones_query() -> Select:
    """Built once: a case's numbers, each with whether it is marked do-not-call."""
    return (
        select(CasePhone.e164, CasePhone.original, in_force(CasePhone.e164).label("marked"))
        .where(CasePhone.case_id == bindparam("case_id", type_=Case.id.type))
        .order_by(CasePhone.position)
    )


def _facts(session: Session, case_: Case, names: dict[int, str], unit: str) -> CaseFacts:
    phones = session.execute(_phones_query(), {"case_id": case_.id}).all()
    channel = _CASE_CHANNELS.get(case_.channel or "")
    marked = {phone.e164 for phone in phones if phone.e164 and phone.marked}
    return CaseFacts(
        case_id=case_.id,
        case_no=case_.case_no,
        business_type=case_.business_type,
        unit=unit,
        district=case_.district,
        accepted_on=case_.accepted_on,
        completed_on=case_.completed_on,
        applicant=case_.applicant,
        enterprise_name=case_.enterprise_name if case_.is_enterprise else None,
        location=case_.location,
        handler=names.get(case_.handler_id) if case_.handler_id else None,
        channel=pick(*channel) if channel else case_.channel,
        phones=[
            mask_phone(e164 or original)
            + (pick("（免打扰）", " (do not call)") if e164 in marked else "")
            for e164, original, _marked in phones
        ],
    )


def _rating(value: str | None) -> str:
    if value in set(Rating):
        return RATING_LABELS[Rating(value)]
    return pick("未答", "no answer")


def _evaluations(
    session: Session, case_: Case, names: dict[int, str], integrity: bool
) -> list[HistoryEvent]:
    rows = session.scalars(
        select(Evaluation)
        .where(Evaluation.case_id == case_.id)
        .order_by(Evaluation.evaluated_at, Evaluation.id)
    ).all()
    events = []
    invalid_score = invalid_scores(session)
    for evaluation in rows:
        channel = (
            CHANNEL_LABELS[Channel(evaluation.channel)]
            if evaluation.channel in set(Channel)
            else evaluation.channel
        )
        round_label = (
            pick("首轮评价", "First round")
            if evaluation.round == 1
            else pick("二次回访评价", "Second round")
        )
        title = f"{round_label} · {channel}"
        if evaluation.source_channel:
            title += f"（{evaluation.source_channel}）"
        if evaluation.operator_id:
            title += f" · {names.get(evaluation.operator_id, '?')}"
        lines = [
            "　".join(f"{label}：{_rating(getattr(evaluation, name))}" for name, label in _RATED)
        ]
        # The integrity answer, and words that may describe the breach, only for those who
        # handle integrity reports (SPEC rule 7).
        hidden = evaluation.integrity_breach is True and not integrity
        if integrity and evaluation.integrity_breach is not None:
            lines.append(
                pick("违反廉洁纪律：", "Integrity breach: ")
                + (pick("有", "yes") if evaluation.integrity_breach else pick("没有", "no"))
            )
        if evaluation.round == 2:
            lines += _second_round_reason(evaluation.original, hidden)
        if evaluation.suggestion and not hidden:
            lines.append(pick("意见建议：", "Words: ") + evaluation.suggestion)
        if evaluation.attempt > 1:
            lines.append(pick("追评（不计分）", "Follow-up evaluation (not scored)"))
        if not evaluation.valid:  # a default rating, late, unreviewed…: the case stays due
            lines.append(
                pick("无效评价：", "Not valid: ") + invalid_reason_label(evaluation.invalid_reason)
            )
        scored = evaluation.id == case_.first_evaluation_id and (evaluation.valid or invalid_score)
        events.append(
            HistoryEvent(
                at=evaluation.evaluated_at,
                kind=EVALUATION,
                title=title,
                lines=lines,
                badge=pick(SCORED_BADGE, "Scored (first evaluation)") if scored else None,
                alert=any(getattr(evaluation, n) == Rating.DISSATISFIED for n, _ in _RATED),
            )
        )
    return events


def _second_round_reason(original: object, hidden: bool) -> list[str]:
    """Why a second-round Form A is still 不满意 (app.desk.calls.second_round_reason)."""
    if not isinstance(original, dict) or original.get("form") != "A":
        return []
    lines = []
    if original.get("reason_category"):
        lines.append(
            pick("二次回访不满意原因：", "Second-round reason: ")
            + reason_label(CALLBACK, original["reason_category"])
        )
    if original.get("words"):
        words = withheld_words() if hidden else original["words"]
        lines.append(pick("反映：", "Said: ") + words)
    return lines


def _calls(session: Session, case_id: int, names: dict[int, str]) -> list[HistoryEvent]:
    # Each attempt with the seconds of its filed recordings (None: it has none), as
    # app.recordings.filing.recorded_attempts tells them, in the same statement.
    rows = session.execute(_calls_query(), {"case_id": case_id}).all()
    labels = outcome_labels(session) if rows else {}
    recorded = {row.CallAttempt.id: int(row.recorded) for row in rows if row.recorded is not None}
    events = []
    for attempt in (row.CallAttempt for row in rows):
        title = pick("电话", "Call") + f" · {labels.get(attempt.outcome, attempt.outcome)}"
        if attempt.callback_task_id is not None:
            title = pick("二次回访", "Second-round") + " " + title
        if attempt.operator_id:
            title += f" · {names.get(attempt.operator_id, '?')}"
        lines = []
        number = attempt.phone_e164 or attempt.phone_original
        if number:
            lines.append(pick("号码：", "Number: ") + mask_phone(number))
        if attempt.duration_seconds:
            minutes, seconds = divmod(attempt.duration_seconds, 60)
            lines.append(pick("通话：", "Duration: ") + f"{minutes}:{seconds:02d}")
        if attempt.note:
            lines.append(pick("备注：", "Note: ") + attempt.note)
        seconds = recorded.get(attempt.id)
        if seconds is not None:
            minutes, rest = divmod(seconds, 60)
            lines.append(pick("录音：", "Recording: ") + f"{minutes}:{rest:02d}")
        events.append(
            HistoryEvent(
                at=attempt.attempted_at,
                kind=CALL,
                title=title,
                lines=lines,
                call_attempt_id=attempt.id,
                recording_seconds=seconds,
            )
        )
    return events


@cache
def _calls_query() -> Select:
    recorded = (
        select(func.sum(func.coalesce(CallRecording.duration_seconds, 0)))
        .where(CallRecording.call_attempt_id == CallAttempt.id, CallRecording.status == FILED)
        .correlate(CallAttempt)
        .scalar_subquery()
    )
    return (
        select(CallAttempt, recorded.label("recorded"))
        .where(CallAttempt.case_id == bindparam("case_id", type_=Case.id.type))
        .order_by(CallAttempt.attempted_at, CallAttempt.id)
    )


def _tasks(
    session: Session, case_id: int, names: dict[int, str], integrity: bool
) -> list[HistoryEvent]:
    tasks = session.scalars(
        select(CallbackTask).where(CallbackTask.case_id == case_id).order_by(CallbackTask.id)
    ).all()
    if not tasks:
        return []
    units = dict(session.execute(select(Unit.id, Unit.name)).all())
    reviews = {
        review.callback_task_id: review
        for review in session.scalars(
            select(BadReview).where(BadReview.callback_task_id.in_([t.id for t in tasks]))
        )
    }
    events = []
    for task in tasks:
        lines = [pick("原因：", "Reason: ") + reason_label(CALLBACK, task.reason_category)]
        if task.respondent_words:
            hidden = not integrity and _opened_by_breach(session, task)
            words = withheld_words() if hidden else task.respondent_words
            lines.append(pick("反映：", "Said: ") + words)
        if task.due_on:
            lines.append(pick("办结期限：", "Due: ") + task.due_on.isoformat())
        lines.append(pick("当前状态：", "Now: ") + status_label(task.status))
        if task.id in reviews:
            lines.append(
                pick("差评处理：", "Bad review: ") + review_stage_label(reviews[task.id].stage)
            )
        events.append(
            HistoryEvent(
                at=task.opened_at,
                kind=TASK,
                title=pick("开启二次回访", "Second-round callback opened")
                + f" · {units.get(task.unit_id, '')}",
                lines=lines,
                alert=True,
            )
        )
    contacts = session.scalars(
        select(CallbackContact)
        .where(CallbackContact.task_id.in_([t.id for t in tasks]))
        .order_by(CallbackContact.contacted_at, CallbackContact.id)
    ).all()
    for contact in contacts:
        title = pick("联系", "Contact") + f" · {means_label(contact.means)}"
        if contact.staff_id:
            title += f" · {names.get(contact.staff_id, '?')}"
        lines = [pick("沟通：", "Said: ") + contact.said]
        if contact.promised:
            lines.append(pick("承诺：", "Promised: ") + contact.promised)
        events.append(HistoryEvent(at=contact.contacted_at, kind=CONTACT, title=title, lines=lines))
    steps = session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.entity == "callback_task",
            AuditEntry.entity_uid.in_([t.uid for t in tasks]),
            AuditEntry.action.in_(list(_STEP_TITLES)),  # contacts are shown from their records
        )
        .order_by(AuditEntry.at, AuditEntry.id)
    ).all()
    for step in steps:
        events.append(_step(step, names, units))
    if reviews:
        review_steps = session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.entity == "bad_review",
                AuditEntry.entity_uid.in_([r.uid for r in reviews.values()]),
                AuditEntry.action.in_(list(_REVIEW_STEPS)),
            )
            .order_by(AuditEntry.at, AuditEntry.id)
        ).all()
        events += [_review_step(step) for step in review_steps]
    return events


def _yes_no(value: object, yes: tuple[str, str], no: tuple[str, str]) -> str:
    if value is None:
        return pick("未填", "not given")
    return pick(*yes) if value else pick(*no)


def _review_step(step: AuditEntry) -> HistoryEvent:
    """A step of a 差评 as the audit trail kept it (app.bad_reviews.process.FIELDS)."""
    after = step.after or {}
    title = pick(*_REVIEW_STEPS[step.action])
    actor = _actor_name(step.actor)
    if actor:
        title += f" · {actor}"
    lines: list[str] = []
    alert = False
    if step.action == "bad_review.verify":
        lines.append(
            "，".join(
                (
                    _yes_no(after.get("found_true"), ("属实", "true"), ("不属实", "untrue")),
                    _yes_no(
                        after.get("found_reasonable"),
                        ("合理", "reasonable"),
                        ("不合理", "unreasonable"),
                    ),
                    _yes_no(
                        after.get("malicious"),
                        ("恶意评价", "malicious"),
                        ("非恶意", "not malicious"),
                    ),
                )
            )
        )
        lines.append(pick("核实情况：", "Found: ") + (after.get("verification") or ""))
        if after.get("malicious_reason"):
            lines.append(pick("恶意理由：", "Why malicious: ") + after["malicious_reason"])
        alert = bool(after.get("malicious"))
    elif step.action == "bad_review.appeal":
        lines.append(pick("申诉理由：", "Reasons: ") + (after.get("appeal_reasons") or ""))
        if after.get("appeal_due"):
            lines.append(pick("复核期限：", "Decision due: ") + after["appeal_due"])
        files = [
            item.get("filename") or item.get("sha256", "")[:8] for item in after.get("evidence", [])
        ]
        if files:
            lines.append(pick("证据：", "Evidence: ") + "、".join(files))
    elif step.action == "bad_review.decide":
        upheld = after.get("appeal_upheld")
        lines.append(
            _yes_no(
                upheld,
                ("申诉成立，差评不成立", "upheld: set aside"),
                ("申诉不成立，差评成立", "rejected: it stands"),
            )
            + f"（{decider_label(after.get('appeal_decider'))}"
            + (f"：{after['appeal_decider_name']}" if after.get("appeal_decider_name") else "")
            + "）"
        )
        lines.append(pick("复核意见：", "Opinion: ") + (after.get("appeal_opinion") or ""))
        alert = upheld is False
    elif step.action == "bad_review.plan":
        lines.append(pick("整改措施：", "Measures: ") + (after.get("rectify_measures") or ""))
        lines.append(
            pick("责任人：", "By: ")
            + (after.get("rectify_owner") or "")
            + pick("　完成日期：", "  done by: ")
            + (after.get("rectify_by") or "")
        )
    elif step.action == "bad_review.rectified":
        lines.append(pick("整改结果：", "Result: ") + (after.get("rectify_result") or ""))
    elif step.action == "bad_review.feedback":
        means = after.get("feedback_means")
        lines.append(
            pick("反馈：", "Told: ")
            + (f"（{means_label(means)}）" if means else "")
            + (after.get("feedback_text") or "")
        )
        if after.get("feedback_satisfied") is not None:
            lines.append(
                pick("评价人：", "Citizen: ")
                + _yes_no(
                    after["feedback_satisfied"], ("满意", "satisfied"), ("不满意", "not satisfied")
                )
            )
    return HistoryEvent(at=step.at, kind=TASK, title=title, lines=lines, alert=alert)


def _step(step: AuditEntry, names: dict[int, str], units: dict[int, str]) -> HistoryEvent:
    after = step.after or {}
    title = pick(*_STEP_TITLES[step.action])
    actor = _actor_name(step.actor)
    if actor:
        title += f" · {actor}"
    lines = []
    if step.action == "callback.assign":
        staff_id, unit_id = after.get("assigned_to_id"), after.get("assigned_unit_id")
        target = names.get(staff_id) if staff_id else units.get(unit_id, "")
        lines.append(pick("分派给：", "To: ") + (target or "?"))
    elif step.action in ("callback.resolve", "callback.close") and after.get("resolution"):
        prefix = pick("处理说明：", "Explanation: ")
        if step.action == "callback.close":
            prefix = pick("未解决原因：", "Reason: ")
        lines.append(prefix + after["resolution"])
    elif step.action == "callback.reopen" and after.get("reason"):
        lines.append(pick("重新打开原因：", "Reason: ") + after["reason"])
    return HistoryEvent(
        at=step.at,
        kind=TASK,
        title=title,
        lines=lines,
        alert=step.action == "callback.close",
    )


def _actor_name(actor: str | None) -> str | None:
    """The trail writes "name (#id)"; the screen shows the name."""
    if not actor:
        return None
    name, _, _ = actor.rpartition(" (#")
    return name or actor


def _complaints(session: Session, case_id: int, names: dict[int, str]) -> list[HistoryEvent]:
    complaints = session.scalars(
        select(Complaint).where(Complaint.case_id == case_id).order_by(Complaint.received_at)
    ).all()
    if not complaints:
        return []
    events = []
    for complaint in complaints:
        kind = complaint_kind_label(complaint.kind)
        title = kind + pick("登记", " registered")
        if complaint.number:
            title += f" {complaint.number}"
        title += f" · {complaint_channel_label(complaint.channel)}"
        lines = [
            pick("类别：", "Class: ")
            + reason_label(COMPLAINT, complaint.category)
            + "　"
            + pick("状态：", "Status: ")
            + complaint_status_label(complaint.status),
            pick("内容：", "Content: ") + complaint.content,
        ]
        if complaint.assigned_to_id:
            lines.append(pick("处理人：", "Handler: ") + names.get(complaint.assigned_to_id, "?"))
        events.append(
            HistoryEvent(
                at=complaint.received_at, kind=COMPLAINT_EVENT, title=title, lines=lines, alert=True
            )
        )
        if complaint.first_contact_at:
            events.append(
                HistoryEvent(
                    at=complaint.first_contact_at,
                    kind=COMPLAINT_EVENT,
                    title=kind + pick("首次联系", " first contact"),
                    lines=[complaint.first_contact_note] if complaint.first_contact_note else [],
                )
            )
        if complaint.replied_at:
            lines = [complaint.reply] if complaint.reply else []
            if complaint.complainant_satisfied is not None:
                lines.append(
                    pick("投诉人：", "Complainant: ")
                    + (
                        pick("满意", "satisfied")
                        if complaint.complainant_satisfied
                        else pick("不满意", "not satisfied")
                    )
                    + (
                        f"　{complaint.complainant_opinion}"
                        if complaint.complainant_opinion
                        else ""
                    )
                )
            events.append(
                HistoryEvent(
                    at=complaint.replied_at,
                    kind=COMPLAINT_EVENT,
                    title=kind + pick("答复", " replied"),
                    lines=lines,
                )
            )
        if complaint.closed_at:
            events.append(
                HistoryEvent(
                    at=complaint.closed_at,
                    kind=COMPLAINT_EVENT,
                    title=kind + pick("办结", " closed"),
                )
            )
    orders = session.scalars(
        select(SupervisionOrder)
        .where(SupervisionOrder.complaint_id.in_([c.id for c in complaints]))
        .order_by(SupervisionOrder.issued_at, SupervisionOrder.sequence)
    ).all()
    for order in orders:
        lines = [
            pick("督办意见：", "Opinion: ") + order.opinion,
            pick("回复期限：", "Reply due: ") + order.reply_due.isoformat(),
        ]
        if order.reply:
            lines.append(pick("回复：", "Reply: ") + order.reply)
        events.append(
            HistoryEvent(
                at=order.issued_at,
                kind=COMPLAINT_EVENT,
                title=pick(
                    f"督办（第 {order.sequence} 次）", f"Supervision order #{order.sequence}"
                )
                + (f" · {order.issued_by}" if order.issued_by else ""),
                lines=lines,
            )
        )
    return events


def _attachments(session: Session, case_id: int) -> list[HistoryEvent]:
    events = []
    for scan in case_scans(session, case_id):
        title = pick("扫描件归档", "Scan filed") + f" · {scan.filename or scan.sha256[:8]}"
        if scan.pages > 1:
            title += pick(
                f" 第 {scan.page_index + 1}/{scan.pages} 页", f" p. {scan.page_index + 1}"
            )
        by = scan.filed_by or pick("按二维码自动归档", "by its QR code")
        events.append(
            HistoryEvent(
                at=scan.filed_at or _NEVER,
                kind=ATTACHMENT,
                title=title,
                lines=[by],
                attachment_id=scan.attachment_id,
            )
        )
    others = session.scalars(
        select(Attachment)
        .where(Attachment.case_id == case_id, Attachment.kind != SCAN_KIND)
        .order_by(Attachment.created_at, Attachment.id)
    ).all()
    for attachment in others:
        events.append(
            HistoryEvent(
                at=attachment.created_at,
                kind=ATTACHMENT,
                title=pick("附件", "Attachment")
                + f" · {attachment.filename or attachment.sha256[:8]}",
                lines=[f"{attachment.kind} · {attachment.media_type} · {attachment.size} B"],
                attachment_id=attachment.id,
            )
        )
    return events


def _escalations(session: Session, case_id: int, names: dict[int, str]) -> list[HistoryEvent]:
    rows = session.scalars(
        select(IntegrityEscalation)
        .where(IntegrityEscalation.case_id == case_id)
        .order_by(IntegrityEscalation.reported_at)
    ).all()
    events = []
    for escalation in rows:
        title = pick("廉洁纪律反映", "Integrity report")
        if escalation.reported_by_id:
            title += f" · {names.get(escalation.reported_by_id, '?')}"
        events.append(
            HistoryEvent(
                at=escalation.reported_at,
                kind=INTEGRITY,
                title=title,
                lines=[escalation.details],
                alert=True,
            )
        )
        if escalation.handled_at:
            title = pick("廉洁纪律反映已处理", "Integrity report handled")
            if escalation.handled_by_id:
                title += f" · {names.get(escalation.handled_by_id, '?')}"
            events.append(
                HistoryEvent(
                    at=escalation.handled_at,
                    kind=INTEGRITY,
                    title=title,
                    lines=[escalation.resolution] if escalation.resolution else [],
                )
            )
    return events
