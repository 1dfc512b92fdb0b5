"""`desk refresh|plan|outcomes`: the phone revisit queue, its coverage plan and the call outcomes."""

from __future__ import annotations

import argparse
import sys

from app.i18n import pick
from cli.arguments import integer, quarter, seed, year
from cli.exit_codes import EXIT_OK, EXIT_REFUSED
from cli.login import Access


def add_commands(commands) -> None:
    desk = commands.add_parser("desk", help="the phone revisit queue / 电话回访队列")
    desk_actions = desk.add_subparsers(dest="action", metavar="ACTION", required=True)
    refresh = desk_actions.add_parser(
        "refresh", help="draw due cases into the queue (e.g. every morning) / 刷新回访队列"
    )
    refresh.add_argument("--seed", type=seed, help="random seed (recorded; chosen when omitted)")
    refresh.set_defaults(func=_refresh)
    plan = desk_actions.add_parser("plan", help="coverage plan of a quarter / 覆盖率计划")
    plan.add_argument("--year", type=year, required=True, help="2000 to 2100")
    plan.add_argument("--quarter", type=quarter, required=True, help="1 to 4")
    plan.set_defaults(func=_plan, access=Access.OPEN)  # counts per unit, no one's data

    outcomes = desk_actions.add_parser(
        "outcomes", help="list the call outcomes, or change one / 回访结果表"
    )
    outcomes.add_argument("code", nargs="?", help="the outcome to change, e.g. busy")
    outcomes.add_argument("--label", help="its Chinese label / 中文名称")
    outcomes.add_argument("--label-en", help="its English label / 英文名称")
    outcomes.add_argument("--key", help="shortcut key on the call desk (one letter)")
    outcomes.add_argument(
        "--retry-minutes",
        type=integer("重拨间隔", "the retry wait"),
        help="wait before a retry (0 to 10080 minutes)",
    )
    outcomes.add_argument("--final", action=argparse.BooleanOptionalAction)
    outcomes.add_argument("--contact", action=argparse.BooleanOptionalAction)
    outcomes.add_argument("--note-required", action=argparse.BooleanOptionalAction)
    outcomes.add_argument(
        "--next-number",
        action=argparse.BooleanOptionalAction,
        help="try the case's next number / 换下一个号码",
    )
    outcomes.add_argument("--active", action=argparse.BooleanOptionalAction)
    outcomes.set_defaults(func=_outcomes)


def _refresh(database, args) -> int:
    from app.calendar import CalendarUnknownError
    from app.desk.sampling import refresh_queue
    from db.transactions import write_transaction

    try:
        with write_transaction(database) as session:
            result = refresh_queue(session, seed=args.seed)
    except CalendarUnknownError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    print(
        pick(
            "队列已刷新：新增 {added} 件，移出已评价 {dropped} 件，预约未接 {missed} 件，"
            "随机种子 {seed}",
            "Queue refreshed: {added} added, {dropped} already evaluated removed, "
            "{missed} missed appointments, seed {seed}",
        ).format(
            added=result.added,
            dropped=result.dropped,
            missed=result.missed_appointments,
            seed=result.seed,
        )
    )
    return _print_plan(result.plan)


def _plan(database, args) -> int:
    from app.calendar import CalendarUnknownError
    from app.desk.coverage import coverage_plan

    try:
        with database.sessions() as session:
            plan = coverage_plan(session, args.year, args.quarter)
    except CalendarUnknownError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    return _print_plan(plan)


def _print_plan(plan) -> int:
    for unit in plan:
        print(
            pick(
                "{unit}：业务 {cases}，已回访 {rev}（{cov:.1%}），还差 {short}，需拨打 {calls}，"
                "在队列 {queued}",
                "{unit}: cases {cases}, revisited {rev} ({cov:.1%}), short {short}, "
                "calls needed {calls}, queued {queued}",
            ).format(
                unit=unit.unit,
                cases=unit.cases,
                rev=unit.revisited,
                cov=unit.coverage,
                short=unit.shortfall,
                calls=unit.calls_needed,
                queued=unit.queued,
            )
        )
    return EXIT_OK


def _outcomes(database, args) -> int:
    from app.desk.outcomes import OutcomeInvalid, call_outcomes, update_outcome

    changes = {
        name: getattr(args, name)
        for name in (
            "label",
            "label_en",
            "key",
            "retry_minutes",
            "final",
            "contact",
            "note_required",
            "next_number",
            "active",
        )
        if getattr(args, name) is not None
    }
    try:
        with database.sessions.begin() as session:
            if args.code:
                update_outcome(session, args.code, by_id=args.actor_id, **changes)
            rows = call_outcomes(session)
    except OutcomeInvalid as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    yes, no = pick("是", "yes"), pick("否", "no")
    for row in rows:
        retry = (
            pick("下个半天", "next half-day") if row.retry_minutes is None else row.retry_minutes
        )
        print(
            f"{row.code:20} {row.key or '-':2} {row.label:8} "
            + pick(
                "结束 {f}  接通 {c}  须备注 {n}  重拨 {r}",
                "final {f}  contact {c}  note {n}  retry {r}",
            ).format(
                f=yes if row.final else no,
                c=yes if row.contact else no,
                n=yes if row.note_required else no,
                r=retry,
            )
        )
    return EXIT_OK
