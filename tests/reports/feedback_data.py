"""A small, hand-built 2026 Q3 of suggestions, complaints and dissatisfied callbacks, shared by the
feedback and staff-assessment tests (reports, command line and screens).

What it holds, and what the reports must make of it:

历下区 (张晓燕, 李明辉)
  LX-0001 张晓燕: 扫码 07-12 不满意 with a suggestion → callback opened 07-12, resolved;
                  its round-2 phone answers 07-20 carry a suggestion too.
  LX-0002 张晓燕: phone 07-28 suggestion, no callback → 已反馈单位; a registered 建议 08-20 on it
                  (a suggestion, never a complaint work order).
  LX-0003 李明辉: platform 08-05 answering 有无建议 "无" (not a suggestion); callback opened
                  08-06, contacted (pending).
  LX-0004 张晓燕: a suggestion of 06-30 23:00 (Q2) — outside the quarter.
槐荫区 (杨帆)
  HY-0001 杨帆: complaint TS-001 received 08-10 on the case, naming 杨帆 → one work order; closed.
  HY-0002 杨帆: callback opened 09-30 23:30 Beijing time (still Q3), open.
  HY-0003 杨帆: callback opened 10-01 00:10 Beijing time (Q4) — outside.
专业大厅 (周立群, 程晓东)
  ZY-0001 周立群: complaint TS-002 09-15 without a unit, on the case, naming 程晓东 → the case's
                  unit; one work order each for 周立群 (经办) and 程晓东 (被投诉人员); open.
天桥区: nothing.
A complaint TS-003 of 09-01 naming neither unit nor case (listed apart), and TS-004 of 10-02 (Q4).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CallbackContact, CallbackTask, Case, Complaint, Evaluation, Staff, Unit

LIXIA = "历下区不动产登记中心"
HUAIYIN = "槐荫区不动产登记中心"
CITY_HALL = "市不动产登记中心专业大厅"
TIANQIAO = "天桥区不动产登记中心"


def at(day: str, clock: str = "10:00") -> datetime:
    """A Beijing time."""
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=LOCAL_ZONE)


def seed_quarter(database: Database) -> dict[str, int]:
    """Writes the quarter above; returns the staff ids by name."""
    with database.sessions.begin() as session:
        return _seed(session)


def _seed(session: Session) -> dict[str, int]:
    units = {
        name: Unit(name=name, district=district)
        for name, district in (
            (LIXIA, "历下区"),
            (HUAIYIN, "槐荫区"),
            (CITY_HALL, "市本级"),
            (TIANQIAO, "天桥区"),
        )
    }
    session.add_all(units.values())
    staff = {
        name: Staff(name=name, unit=units[unit])
        for name, unit in (
            ("张晓燕", LIXIA),
            ("李明辉", LIXIA),
            ("杨帆", HUAIYIN),
            ("周立群", CITY_HALL),
            ("程晓东", CITY_HALL),
        )
    }
    session.add_all(staff.values())
    session.flush()

    def case(case_no: str, unit: str, handler: str, completed: str, kind: str) -> Case:
        row = Case(
            case_no=case_no,
            business_type=kind,
            unit_id=units[unit].id,
            completed_on=date.fromisoformat(completed),
            handler_id=staff[handler].id,
            applicant="王建国",
        )
        session.add(row)
        session.flush()
        return row

    def evaluation(row: Case, when: datetime, channel: str, suggestion: str | None, **answers):
        evaluation = Evaluation(
            case_id=row.id,
            channel=channel,
            round=answers.pop("round", 1),
            evaluated_at=when,
            overall=answers.pop("overall", "satisfied"),
            suggestion=suggestion,
            **answers,
        )
        session.add(evaluation)
        session.flush()
        return evaluation

    def callback(row: Case, first: Evaluation | None, opened: datetime, **fields) -> CallbackTask:
        task = CallbackTask(
            case_id=row.id,
            evaluation_id=first.id if first else None,
            unit_id=row.unit_id,
            opened_at=opened,
            **fields,
        )
        session.add(task)
        session.flush()
        return task

    lx1 = case("LX-0001", LIXIA, "张晓燕", "2026-07-10", "二手房转移登记")
    first = evaluation(
        lx1,
        at("2026-07-12", "09:30"),
        "qr",
        "窗口排队时间太长，建议增加取号窗口",
        overall="dissatisfied",
        efficiency="dissatisfied",
    )
    callback(
        lx1,
        first,
        at("2026-07-12", "09:31"),
        status="resolved",
        reason_category="efficiency",
        respondent_words="排队两个小时",
        resolution="已向申请人解释高峰期原因，并增开一个取号窗口",
        closed_at=at("2026-07-20", "15:00"),
    )
    evaluation(lx1, at("2026-07-20", "14:50"), "phone", "希望以后不要再让我跑两趟", round=2)

    lx2 = case("LX-0002", LIXIA, "张晓燕", "2026-07-20", "抵押权首次登记")
    evaluation(lx2, at("2026-07-28"), "phone", "  希望大厅能提供停车位  ")
    lx3 = case("LX-0003", LIXIA, "李明辉", "2026-08-01", "国有建设用地使用权及房屋所有权首次登记")
    third = evaluation(lx3, at("2026-08-05"), "platform", "无", attitude="dissatisfied")
    task = callback(
        lx3,
        third,
        at("2026-08-06"),
        status="contacted",
        reason_category="attitude",
        respondent_words="窗口人员态度不好",
    )
    session.add(
        CallbackContact(
            task_id=task.id,
            contacted_at=at("2026-08-07"),
            means="phone",
            said="已电话联系，申请人同意等待单位负责人上门说明",
        )
    )
    lx4 = case("LX-0004", LIXIA, "张晓燕", "2026-06-20", "预告登记")
    evaluation(lx4, at("2026-06-30", "23:00"), "qr", "上个季度的建议")

    hy1 = case("HY-0001", HUAIYIN, "杨帆", "2026-08-03", "二手房转移登记")
    hy2 = case("HY-0002", HUAIYIN, "杨帆", "2026-09-25", "变更登记")
    hy3 = case("HY-0003", HUAIYIN, "杨帆", "2026-09-28", "注销登记")
    callback(hy2, None, at("2026-09-30", "23:30"), status="open", reason_category="materials")
    callback(hy3, None, at("2026-10-01", "00:10"), status="open", reason_category="other")
    zy1 = case("ZY-0001", CITY_HALL, "周立群", "2026-09-01", "在建建筑物抵押登记")

    session.add_all(
        [
            Complaint(
                number="TS-001",
                case_id=hy1.id,
                unit_id=units[HUAIYIN].id,
                staff_id=staff["杨帆"].id,
                kind="complaint",
                channel="phone",
                category="coordination",
                received_at=at("2026-08-10"),
                content="工作人员态度生硬，不耐心解释",
                status="closed",
                first_contact_at=at("2026-08-11"),
                replied_at=at("2026-08-20"),
                reply="已约谈当事人并向投诉人致歉",
                closed_at=at("2026-08-21"),
            ),
            Complaint(
                number="TS-002",
                case_id=zy1.id,
                staff_id=staff["程晓东"].id,
                kind="complaint",
                channel="letter",
                category="filed",
                received_at=at("2026-09-15"),
                content="抵押登记材料被退回三次",
                status="open",
            ),
            Complaint(
                number="JY-001",
                case_id=lx2.id,
                unit_id=units[LIXIA].id,
                kind="suggestion",
                channel="online",
                category="opinion",
                received_at=at("2026-08-20"),
                content="建议周末延时服务",
                status="open",
            ),
            Complaint(
                number="TS-003",
                kind="complaint",
                channel="phone",
                received_at=at("2026-09-01"),
                content="咨询电话总是占线",
                status="open",
            ),
            Complaint(
                number="TS-004",
                case_id=hy1.id,
                unit_id=units[HUAIYIN].id,
                staff_id=staff["杨帆"].id,
                kind="complaint",
                channel="on_site",
                received_at=at("2026-10-02"),
                content="第四季度的投诉",
                status="open",
            ),
        ]
    )
    session.flush()
    return {name: person.id for name, person in staff.items()}
