"""`demo`: fill the database with demo data, accounts and a queue to call."""

from __future__ import annotations

from app.i18n import pick
from cli.arguments import integer, seed
from cli.exit_codes import EXIT_OK
from cli.login import Access


def add_commands(commands) -> None:
    demo = commands.add_parser("demo", help="fill the database with demo data / 填充演示数据")
    demo.add_argument(
        "--cases",
        type=integer("演示业务件数", "the number of cases"),
        default=3000,
        help="number of cases (default 3000, at most 100000)",
    )
    demo.add_argument("--seed", type=seed, default=2026)
    demo.add_argument(
        "--if-empty", action="store_true", help="only when the database holds no case yet"
    )
    # No log-in: demo data goes only into a database where nobody has a password yet
    # (app.users.check_demo_may_fill), and --if-empty on one with cases changes nothing.
    demo.set_defaults(func=_demo, creates_database=True, access=Access.OPEN)


def _demo(database, args) -> int:
    from app.database_info import holds_cases
    from app.demo import fill_demo_data
    from app.demo_follow_up import fill_follow_up_demo
    from app.desk.sampling import refresh_queue
    from app.users import DEMO_PASSWORD, add_demo_accounts, check_demo_may_fill
    from db.transactions import write_transaction

    with database.sessions.begin() as session:
        if args.if_empty and holds_cases(session):
            print(
                pick(
                    "数据库中已有业务件，未添加演示数据。",
                    "The database holds cases; no demo data added.",
                )
            )
            return EXIT_OK
        check_demo_may_fill(session)
        result = fill_demo_data(session, cases=args.cases, seed=args.seed)
        accounts = add_demo_accounts(session)
        # The team lead's board: callbacks in every state, complaints, a 督办 and a CAPA.
        fill_follow_up_demo(session, seed=args.seed)
    # So that "next case" on the call desk has something to offer straight away.
    with write_transaction(database) as session:
        queued = refresh_queue(session, seed=args.seed).added
    # Issue 22: softphone calls with their recordings, a 质检 sample, a do-not-call mark.
    from app.demo_quality import fill_quality_demo

    quality = fill_quality_demo(database, seed=args.seed)
    print(
        pick(
            "已添加演示数据：{units} 个受理单位，{cases} 件业务，{evaluations} 条评价。",
            "Demo data added: {units} units, {cases} cases, {evaluations} evaluations.",
        ).format(units=result.units, cases=result.cases, evaluations=result.evaluations)
        + pick(" 回访队列中有 {n} 件。", " {n} cases queued for phone revisits.").format(
            n=queued - quality.calls
        )
    )
    if quality.calls:
        print(
            pick(
                "演示通话 {calls} 通（录音 {filed} 段已归档，{tray} 段待归档），质检抽样已评分 {scored}"
                " 通，{marks} 个号码不再来电。",
                "Demo calls: {calls} ({filed} recordings filed, {tray} in the tray); {scored} calls"
                " scored in a quality sample; {marks} number(s) marked do-not-call.",
            ).format(
                calls=quality.calls,
                filed=quality.recordings_filed,
                tray=quality.recordings_in_tray,
                scored=quality.scored,
                marks=len(quality.do_not_call),
            )
        )
    if accounts:
        print(
            pick("演示账号（密码均为 {p}）：", "Demo accounts (password {p}):").format(
                p=DEMO_PASSWORD
            )
        )
        for account in accounts:
            print(f"  {account.username:10} {account.name}")
    return EXIT_OK
