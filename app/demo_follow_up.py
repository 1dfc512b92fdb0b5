"""Demo follow-up work for the team lead's board: callbacks in every state, complaints, a
supervision order and a corrective action — made through the same functions a person uses.

Runs after app.demo.fill_demo_data (whose dissatisfied evaluations opened the callbacks); does
nothing when the database already has complaints, so running the demo again adds nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.callbacks.tasks import assign, close_unresolved, record_contact, resolve
from app.complaints.corrective import CapaInput, create_capa
from app.complaints.registry import ComplaintInput, record_first_contact, register_complaint
from app.complaints.supervision import issue_order
from app.desk.calls import FormAAnswers
from app.ratings import Rating
from app.roles import Role
from app.staff import add_staff
from db.models import CallbackTask, Case, Complaint, Staff, Unit

LEAD_NAME = "王组长"
_COMPLAINTS = (
    ("phone", "coordination", "电话一直打不通，咨询无人答复"),
    ("on_site", "opinion", "窗口工作人员让我补交了三次材料，每次说法都不一样"),
    ("online", "filed", "抵押登记办了十五个工作日，超过承诺时限"),
    ("letter", "opinion", "大厅取号系统故障，排队两个多小时"),
)
_CONTACTS = (
    ("申请人反映窗口等候时间长，已解释当日业务量大的原因", "五个工作日内回复改进情况"),
    ("已向申请人说明补交材料的政策依据并致歉", "安排专人跟进后续办理"),
    ("对方同意再听取单位负责人说明", None),
)


@dataclass
class FollowUpResult:
    assigned: int = 0
    resolved: int = 0
    complaints: int = 0


def fill_follow_up_demo(session: Session, seed: int = 2026) -> FollowUpResult:
    result = FollowUpResult()
    if session.scalar(select(func.count(Complaint.id))):
        return result
    rng = random.Random(seed)
    lead = _lead(session)
    operators = session.scalars(
        select(Staff.id).where(Staff.is_operator.is_(True), Staff.role == Role.OPERATOR)
    ).all()
    tasks = session.scalars(
        select(CallbackTask).where(CallbackTask.status == "open").order_by(CallbackTask.id)
    ).all()
    now = clock.now()
    for index, task in enumerate(tasks[: max(6, len(tasks) // 2)]):
        if operators and index % 3:
            assign(session, [task.id], by_id=lead, staff_id=rng.choice(operators), now=now)
        else:
            assign(session, [task.id], by_id=lead, unit_id=task.unit_id, now=now)
        result.assigned += 1
        if index % 2 == 0:
            said, promised = _CONTACTS[index % len(_CONTACTS)]
            record_contact(
                session, task.id, by_id=lead, means="phone", said=said, promised=promised, at=now
            )
        if index % 6 == 0:
            answers = FormAAnswers(
                overall=Rating.SATISFIED,
                efficiency=Rating.AVERAGE,
                attitude=Rating.SATISFIED,
                materials=Rating.SATISFIED,
                integrity_breach=False,
            )
            resolve(
                session, task.id, by_id=lead, explanation=_CONTACTS[0][0], answers=answers, now=now
            )
            result.resolved += 1
        elif index % 10 == 5:
            close_unresolved(
                session,
                task.id,
                by_id=lead,
                reason="申请人坚持要求减免登记费，超出政策范围",
                now=now,
            )
    cases = (
        session.execute(select(Case.case_no).order_by(Case.completed_on.desc(), Case.id).limit(40))
        .scalars()
        .all()
    )
    units = session.scalars(select(Unit.id).order_by(Unit.id)).all()
    for index, (channel, category, content) in enumerate(_COMPLAINTS):
        case_no = cases[index * 7] if len(cases) > index * 7 else None
        if case_no is None and not units:  # nothing to complain about in an empty demo
            break
        received = now - timedelta(days=3 * index + 1)
        complaint = register_complaint(
            session,
            ComplaintInput(
                content=content,
                channel=channel,
                category=category,
                received_at=received,
                complainant=f"投诉人{index + 1}",
                contact=f"1390531{rng.randrange(10000):04d}",
                case_no=case_no,
                unit_id=None if case_no else units[index % len(units)],
            ),
            by_id=lead,
            now=received,
        )
        result.complaints += 1
        if category == "filed":
            record_first_contact(
                session, complaint.id, by_id=lead, note="已电话联系投诉人，了解办理经过", now=now
            )
            issue_order(
                session,
                complaint.id,
                by_id=lead,
                opinion="请被投诉网点核实超时原因，五个工作日内书面回复处理结果和整改情况",
                issued_by="市不动产登记中心",
                now=now,
            )
            create_capa(
                session,
                CapaInput(
                    source="complaint",
                    problem=content,
                    complaint_id=complaint.id,
                    cause="抵押登记环节审核人员不足",
                    correction="调配人员，逾期件逐件督办",
                    prevention="每周通报办理时限，超时件列入考核",
                    owner="业务科负责人",
                    due_on=(now + timedelta(days=14)).date(),
                ),
                by_id=lead,
                now=now,
            )
    return result


def _lead(session: Session) -> int:
    found = session.scalar(
        select(Staff.id).where(Staff.role == Role.TEAM_LEAD, Staff.active.is_(True)).limit(1)
    )
    return found if found is not None else add_staff(session, LEAD_NAME, Role.TEAM_LEAD).id
