"""The command line: `python main.py [--db URL] [--lang zh|en] COMMAND …` for administrators' work.

With no command main.py starts the GUI instead; everything here runs without Qt.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app import i18n
from app.i18n import pick

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NOT_IMPORTED = 1  # the file was read but nothing of it was imported
EXIT_REFUSED = 2  # the file (or an argument) could not be used at all
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="revisitdesk",
        description="回访台 RevisitDesk. 不带命令时启动图形界面 / Starts the GUI when no command is given.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL, e.g. sqlite:///path/file.sqlite3 or "
        "postgresql+psycopg://user:password@host/dbname (default: $REVISITDESK_DB, "
        "else a SQLite file in the user's data directory)",
    )
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=os.environ.get("REVISITDESK_LANG") or None,
        help="language of messages: zh (default) or en",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = commands.add_parser(
        "import", help="import a file: cases, evaluations or ledger / 导入业务件、评价或回访台账"
    )
    imp.add_argument("kind", choices=("cases", "evaluations", "ledger"))
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help='JSON column mapping for other layouts: {"业务编号": "件号", …}',
    )
    imp.add_argument(
        "--strict", action="store_true", help="refuse the whole file if any row is rejected"
    )
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")

    demo = commands.add_parser("demo", help="fill the database with demo data / 填充演示数据")
    demo.add_argument("--cases", type=int, default=3000, help="number of cases (default 3000)")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument(
        "--if-empty", action="store_true", help="only when the database holds no case yet"
    )

    report = commands.add_parser("report", help="reports / 统计报表")
    report_kinds = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    quarterly = report_kinds.add_parser(
        "quarterly", help="quarterly unit report: coverage, scores, ranking / 季度回访评价统计"
    )
    quarterly.add_argument("--year", type=int, required=True)
    quarterly.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), required=True)
    quarterly.add_argument("--format", choices=("json", "xlsx", "pdf"), default="json")
    quarterly.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (required for xlsx, pdf)"
    )

    monthly = report_kinds.add_parser(
        "monthly", help="monthly phone-revisit analysis (W 7.1.3.3.2) / 月度电话回访分析"
    )
    monthly.add_argument("--year", type=int, required=True)
    monthly.add_argument("--month", type=int, choices=range(1, 13), metavar="M", required=True)
    monthly.add_argument("--format", choices=("json", "xlsx"), default="json")
    monthly.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (required for xlsx)"
    )
    sample = report_kinds.add_parser(
        "sample", help="draw and record a sample of revisited cases (J 5.4.5) / 抽取评价样本"
    )
    sample.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
    sample.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
    sample.add_argument("--size", type=int, required=True)
    sample.add_argument("--unit", action="append", help="accepting unit (repeatable; default all)")
    sample.add_argument("--seed", type=int, help="random seed (recorded; chosen when omitted)")
    sample.add_argument("-o", "--output", type=Path, metavar="FILE.xlsx", required=True)
    feedback_report = report_kinds.add_parser(
        "feedback",
        help="suggestions, complaints and dissatisfaction per unit (J 5.4.4) / 单位反馈清单",
    )
    feedback_report.add_argument("--year", type=int, required=True)
    feedback_report.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), required=True)
    feedback_report.add_argument("--unit", help="one accepting unit (default: all)")
    feedback_report.add_argument("-o", "--output", type=Path, metavar="FILE.xlsx", required=True)
    staff_report = report_kinds.add_parser(
        "staff", help="dissatisfied and complaint work orders per handler (J 5.4.4) / 人员考核"
    )
    staff_report.add_argument("--year", type=int, required=True)
    staff_report.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), required=True)
    staff_report.add_argument("--format", choices=("json", "xlsx"), default="json")
    staff_report.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (required for xlsx)"
    )

    desk = commands.add_parser("desk", help="the phone revisit queue / 电话回访队列")
    desk_actions = desk.add_subparsers(dest="action", metavar="ACTION", required=True)
    refresh = desk_actions.add_parser(
        "refresh", help="draw due cases into the queue (e.g. every morning) / 刷新回访队列"
    )
    refresh.add_argument("--seed", type=int, help="random seed (recorded; chosen when omitted)")
    plan = desk_actions.add_parser("plan", help="coverage plan of a quarter / 覆盖率计划")
    plan.add_argument("--year", type=int, required=True)
    plan.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), required=True)

    outcomes = desk_actions.add_parser(
        "outcomes", help="list the call outcomes, or change one / 回访结果表"
    )
    outcomes.add_argument("code", nargs="?", help="the outcome to change, e.g. busy")
    outcomes.add_argument("--label")
    outcomes.add_argument("--key", help="shortcut key on the call desk (one letter)")
    outcomes.add_argument("--retry-minutes", type=int, help="wait before a retry")
    outcomes.add_argument("--final", action=argparse.BooleanOptionalAction)
    outcomes.add_argument("--contact", action=argparse.BooleanOptionalAction)
    outcomes.add_argument("--note-required", action=argparse.BooleanOptionalAction)
    outcomes.add_argument("--active", action=argparse.BooleanOptionalAction)

    settings = commands.add_parser("settings", help="list or change settings / 设置")
    settings.add_argument("key", nargs="?", help="the setting to change, e.g. coverage.target")
    settings.add_argument("value", nargs="?", help="its new value (a number, true/false or text)")

    staff = commands.add_parser("staff", help="staff and their roles / 人员与角色")
    staff_actions = staff.add_subparsers(dest="action", metavar="ACTION", required=True)
    staff_list = staff_actions.add_parser("list", help="the app's users, with role and unit")
    staff_list.add_argument(
        "--all", action="store_true", help="also the handling staff (经办人) who do not use the app"
    )
    staff_add = staff_actions.add_parser("add", help="add a person")
    staff_add.add_argument("name")
    staff_add.add_argument(
        "--role", default="operator", help="operator, team_lead, administrator, auditor"
    )
    staff_add.add_argument("--unit", help="their accepting unit")
    staff_add.add_argument("--username", help="their user name for logging in")
    staff_role = staff_actions.add_parser("role", help="change a person's role")
    staff_role.add_argument("name")
    staff_role.add_argument("role", help="operator, team_lead, administrator, auditor")
    staff_password = staff_actions.add_parser(
        "password", help="set a user's password (asked for, not shown) / 设置登录密码"
    )
    staff_password.add_argument("username")
    staff_password.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )

    audit = commands.add_parser("audit", help="the audit trail / 审计日志")
    audit_actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    audit_export = audit_actions.add_parser("export", help="write the trail to .xlsx or .csv")
    audit_export.add_argument("--from", dest="start", type=date.fromisoformat, metavar="YYYY-MM-DD")
    audit_export.add_argument("--to", dest="end", type=date.fromisoformat, metavar="YYYY-MM-DD")
    audit_export.add_argument("--actor", help="part of the name of who made the changes")
    audit_export.add_argument("--entity", help="e.g. staff, setting, callback_task")
    audit_export.add_argument("--action", dest="audit_action", help="e.g. user.login_failed")
    audit_export.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)

    retention = commands.add_parser(
        "retention", help="purge personal data past retention.years / 个人信息保留期限"
    )
    retention.add_argument("action", choices=("preview", "purge"))
    retention.add_argument(
        "--today", type=date.fromisoformat, metavar="YYYY-MM-DD", help="count from this day"
    )

    dbcmd = commands.add_parser("db", help="database: info, upgrade / 数据库信息与升级")
    dbcmd.add_argument("action", choices=("info", "upgrade"))

    backup = commands.add_parser("backup", help="back up, verify, restore / 备份、校验与恢复")
    backup_actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = backup_actions.add_parser(
        "create", help="back up the database and its attachments into one file / 立即备份"
    )
    where = create.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="the new file (default: in the backup folder)",
    )
    where.add_argument(
        "--daily",
        action="store_true",
        help="the daily automatic backup: into the backup folder when the newest there is "
        "older than a day, then delete daily backups beyond backup.keep (for cron)",
    )
    verify = backup_actions.add_parser(
        "verify", help="check every byte of a backup file / 校验备份"
    )
    verify.add_argument("file", type=Path)
    restore = backup_actions.add_parser(
        "restore", help="restore a backup into a NEW database / 恢复到新数据库"
    )
    restore.add_argument("file", type=Path)
    restore.add_argument(
        "--to",
        required=True,
        metavar="URL_OR_PATH",
        help="a SQLite file that does not exist yet, or the URL of an empty PostgreSQL database",
    )
    backup_actions.add_parser("list", help="the backups in the backup folder / 备份列表")
    for action in backup_actions.choices.values():
        action.add_argument("--json", action="store_true", help="print the result as JSON")

    cal = commands.add_parser("calendar", help="the working-day calendar / 工作日历")
    cal_actions = cal.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = cal_actions.add_parser("show", help="list a month's days")
    show.add_argument("year", type=int)
    show.add_argument("month", type=int)
    setday = cal_actions.add_parser("set", help="set a day as working (work) or rest (rest)")
    setday.add_argument("day", type=date.fromisoformat, metavar="YYYY-MM-DD")
    setday.add_argument("kind", choices=("work", "rest"))
    setday.add_argument("--note", help="e.g. 春节 or 调休上班")
    clear = cal_actions.add_parser("clear", help="remove a day's entry from the table")
    clear.add_argument("day", type=date.fromisoformat, metavar="YYYY-MM-DD")
    year = cal_actions.add_parser(
        "add-year", help="mark a year as entered (after setting its holidays and make-up days)"
    )
    year.add_argument("year", type=int)
    year.add_argument("--note")
    _add_sync_commands(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    if args.lang:
        i18n.set_language(args.lang)
    from db.database import open_database

    if args.command == "backup" and args.action in ("verify", "restore"):
        # These leave the database in use alone: it may be the very one that was lost.
        return _cmd_backup(None, args)
    database = open_database(args.db)
    try:
        handler = {
            "import": _cmd_import,
            "demo": _cmd_demo,
            "db": _cmd_db,
            "calendar": _cmd_calendar,
            "report": _cmd_report,
            "desk": _cmd_desk,
            "settings": _cmd_settings,
            "backup": _cmd_backup,
            "staff": _cmd_staff,
            "sync": _cmd_sync,
            "audit": _cmd_audit,
            "retention": _cmd_retention,
        }[args.command]
        return handler(database, args)
    except KeyboardInterrupt:
        print(
            pick("已中断，本次操作未保存任何数据。", "Interrupted; nothing was saved."),
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    finally:
        database.close()


def _cmd_import(database, args) -> int:
    from app.importing import FileRefused, import_file
    from app.importing.columns import load_mapping_file

    try:
        mapping = load_mapping_file(args.mapping) if args.mapping else None
        with database.sessions.begin() as session:
            summary = import_file(
                session, args.kind, args.file, mapping=mapping, strict=args.strict
            )
    except FileRefused as problem:
        if args.json:
            print(json.dumps({"imported": False, "refusal": problem.message()}, ensure_ascii=False))
        else:
            print(problem.message(), file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(summary.text())
    return EXIT_OK if summary.imported else EXIT_NOT_IMPORTED


def _cmd_demo(database, args) -> int:
    from app.demo import fill_demo_data
    from app.demo_follow_up import fill_follow_up_demo
    from app.desk.sampling import refresh_queue
    from app.desk.transaction import write_transaction
    from app.users import DEMO_PASSWORD, add_demo_accounts
    from db.models import Case

    with database.sessions.begin() as session:
        if args.if_empty and session.scalar(select(func.count(Case.id))):
            print(
                pick(
                    "数据库中已有业务件，未添加演示数据。",
                    "The database holds cases; no demo data added.",
                )
            )
            return EXIT_OK
        result = fill_demo_data(session, cases=args.cases, seed=args.seed)
        accounts = add_demo_accounts(session)
        # The team lead's board: callbacks in every state, complaints, a 督办 and a CAPA.
        fill_follow_up_demo(session, seed=args.seed)
    # So that "next case" on the call desk has something to offer straight away.
    with write_transaction(database) as session:
        queued = refresh_queue(session, seed=args.seed).added
    print(
        pick(
            "已添加演示数据：{units} 个受理单位，{cases} 件业务，{evaluations} 条评价。",
            "Demo data added: {units} units, {cases} cases, {evaluations} evaluations.",
        ).format(units=result.units, cases=result.cases, evaluations=result.evaluations)
        + pick(" 回访队列中有 {n} 件。", " {n} cases queued for phone revisits.").format(n=queued)
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


def _cmd_backup(database, args) -> int:
    from app import backup

    try:
        return {
            "create": _backup_create,
            "verify": _backup_verify,
            "restore": _backup_restore,
            "list": _backup_list,
        }[args.action](database, args)
    except (backup.BackupError, OSError) as error:
        if args.json:
            print(json.dumps({"ok": False, "error": str(error)}, ensure_ascii=False))
        else:
            print(error, file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print(
            pick("已中断，没有留下未完成的文件。", "Interrupted; no unfinished file left."),
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED


def _backup_create(database, args) -> int:
    from app.backup import (
        MANUAL,
        backup_settings,
        create_backup,
        describe,
        make_daily_backup,
        new_backup_path,
    )

    settings = backup_settings(database)
    removed = []
    if args.daily:
        daily = make_daily_backup(database, settings)
        if daily is None:
            message = pick(
                "备份文件夹中已有一天之内的备份，本次未备份。",
                "A backup less than a day old exists; none made.",
            )
            print(json.dumps({"ok": True, "made": False}) if args.json else message)
            return EXIT_OK
        path, manifest, removed = daily.path, daily.manifest, daily.removed
    else:
        path = args.output or new_backup_path(settings.folder, database.url, MANUAL)
        manifest = create_backup(database, path)
    if args.json:
        data = {"ok": True, "made": True, "file": str(path), "size": path.stat().st_size}
        data |= {"removed": [str(p) for p in removed], "manifest": manifest.to_dict()}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(pick(f"已备份到 {path}", f"Backed up to {path}") + f" ({path.stat().st_size:,} B)")
    print("\n".join(describe(manifest)))
    if manifest.missing_attachments:
        print(
            pick(
                "注意：这些附件在存储中缺失或已损坏，没有备份：",
                "Note: missing or damaged, not backed up: ",
            )
            + ", ".join(manifest.missing_attachments),
            file=sys.stderr,
        )
    for old in removed:
        print(pick("已按保留份数删除：", "Rotated away: ") + str(old))
    return EXIT_OK


def _backup_verify(_database, args) -> int:
    from app.backup import verify_backup

    report = verify_backup(args.file)
    print(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else report.text()
    )
    return EXIT_OK


def _backup_restore(_database, args) -> int:
    from app.backup import restore_backup

    result = restore_backup(args.file, args.to)
    print(
        json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.json else result.text()
    )
    return EXIT_OK


def _backup_list(database, args) -> int:
    from app.backup import backup_settings, list_backups
    from app.importing.values import LOCAL_ZONE

    folder = backup_settings(database).folder
    entries = list_backups(folder)
    if args.json:
        rows = [
            {
                "file": str(e.path),
                "size": e.size,
                "manifest": e.manifest.to_dict() if e.manifest else None,
                "problem": e.problem,
            }
            for e in entries
        ]
        print(json.dumps({"folder": str(folder), "backups": rows}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(pick("备份文件夹：", "Backup folder: ") + str(folder))
    for e in entries:
        if e.manifest is None:
            print(f"{'?':19}  {'?':11}  {e.size:>13,}  {e.path.name}  {e.problem}")
            continue
        when = e.manifest.created_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {e.manifest.kind:11}  {e.size:>13,}  {e.path.name}  {e.manifest.source}")
    if not entries:
        print(pick("（没有备份）", "(no backups)"))
    return EXIT_OK


def _cmd_db(database, args) -> int:
    from db.migrate import current_revision
    from db.models import Case, Evaluation

    # open_database has already upgraded; "upgrade" reports what it found and did.
    print(pick("数据库：", "Database: ") + database.display_url())
    print(pick("结构版本：", "Schema revision: ") + str(current_revision(database.engine)))
    if database.backup:
        print(pick("升级前的副本：", "Copy made before the upgrade: ") + str(database.backup))
    if args.action == "info":
        with database.sessions() as session:
            cases = session.scalar(select(func.count(Case.id)))
            evaluations = session.scalar(select(func.count(Evaluation.id)))
        print(
            pick("业务件：{c}，评价：{e}", "Cases: {c}, evaluations: {e}").format(
                c=cases, e=evaluations
            )
        )
    return EXIT_OK


def _cmd_report(database, args) -> int:
    if getattr(args, "format", "json") != "json" and args.output is None:
        print(
            pick("xlsx 和 pdf 格式需要用 -o 指定输出文件", "xlsx and pdf need -o FILE"),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    return {
        "quarterly": _report_quarterly,
        "monthly": _report_monthly,
        "sample": _report_sample,
        "feedback": _report_feedback,
        "staff": _report_staff,
    }[args.report](database, args)


def _report_quarterly(database, args) -> int:
    from app.printing.fonts import ChineseFontMissingError
    from app.printing.quarterly_pdf import write_quarterly_pdf
    from app.reports.quarterly import quarterly_report
    from app.reports.quarterly_xlsx import write_quarterly_xlsx

    with database.sessions() as session:
        report = quarterly_report(session, args.year, args.quarter)
    if args.format == "json":
        return _write_json(report.to_json(), args.output)
    if args.format == "xlsx":
        write_quarterly_xlsx(report, args.output)
    else:
        try:
            write_quarterly_pdf(report, args.output)
        except ChineseFontMissingError as error:
            print(error, file=sys.stderr)
            return EXIT_REFUSED
    return _written(args.output)


def _report_monthly(database, args) -> int:
    from app.reports.monthly import monthly_analysis
    from app.reports.monthly_xlsx import write_monthly_xlsx

    with database.sessions() as session:
        analysis = monthly_analysis(session, args.year, args.month)
    if args.format == "json":
        return _write_json(analysis.to_json(), args.output)
    write_monthly_xlsx(analysis, args.output)
    return _written(args.output)


def _report_sample(database, args) -> int:
    from app.reports.samples import draw_sample, write_sample_xlsx

    try:
        with database.sessions.begin() as session:
            drawn = draw_sample(
                session,
                start=args.start,
                end=args.end,
                size=args.size,
                unit_names=args.unit or None,
                seed=args.seed,
            )
            # Written inside the transaction: a sample that could not be exported is not recorded.
            write_sample_xlsx(drawn, args.output)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    print(
        pick(
            "已抽取样本 {id}：{n} 件，随机种子 {seed}",
            "Sample {id} drawn: {n} cases, seed {seed}",
        ).format(id=drawn.id, n=len(drawn.rows), seed=drawn.seed)
    )
    return _written(args.output)


def _report_feedback(database, args) -> int:
    from app.reports.feedback_xlsx import write_feedback_xlsx
    from app.reports.unit_feedback import UnknownUnit, quarter_feedback

    try:
        with database.sessions() as session:
            report = quarter_feedback(session, args.year, args.quarter, unit=args.unit)
    except UnknownUnit as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    write_feedback_xlsx(report, args.output)
    print(
        pick(
            "{units} 个受理单位，共 {entries} 条建议、投诉和不满意回访，其中 {pending} 条尚在办理",
            "{units} units, {entries} suggestions, complaints and dissatisfied callbacks, "
            "{pending} still being handled",
        ).format(
            units=len(report.units),
            entries=sum(u.total for u in report.units),
            pending=sum(u.pending for u in report.units),
        )
    )
    return _written(args.output)


def _report_staff(database, args) -> int:
    from app.reports.feedback_xlsx import write_assessment_xlsx
    from app.reports.staff_assessment import staff_assessment, work_orders

    with database.sessions() as session:
        assessment = staff_assessment(session, args.year, args.quarter)
        orders = work_orders(session, args.year, args.quarter) if args.format == "xlsx" else []
    if args.format == "json":
        return _write_json(assessment.to_json(), args.output)
    write_assessment_xlsx(assessment, orders, args.output)
    return _written(args.output)


def _write_json(data: dict, output: Path | None) -> int:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output is None:
        print(text)
        return EXIT_OK
    output.write_text(text + "\n", encoding="utf-8")
    return _written(output)


def _written(path: Path) -> int:
    print(pick("已写入 {path}", "Written to {path}").format(path=path))
    return EXIT_OK


def _cmd_desk(database, args) -> int:
    if args.action == "outcomes":
        return _desk_outcomes(database, args)
    from app.calendar import CalendarUnknownError
    from app.desk.coverage import coverage_plan
    from app.desk.sampling import refresh_queue
    from app.desk.transaction import write_transaction

    try:
        if args.action == "refresh":
            with write_transaction(database) as session:
                result = refresh_queue(session, seed=args.seed)
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
            plan = result.plan
        else:
            with database.sessions() as session:
                plan = coverage_plan(session, args.year, args.quarter)
    except CalendarUnknownError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
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


def _desk_outcomes(database, args) -> int:
    from app.desk.outcomes import OutcomeInvalid, call_outcomes, update_outcome

    changes = {
        name: getattr(args, name)
        for name in ("label", "key", "retry_minutes", "final", "contact", "note_required", "active")
        if getattr(args, name) is not None
    }
    try:
        with database.sessions.begin() as session:
            if args.code:
                update_outcome(session, args.code, **changes)
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


def _cmd_settings(database, args) -> int:
    from app.settings import OPTIONS, get_setting, set_setting

    if args.key is not None:
        if args.key not in OPTIONS or args.value is None:
            print(
                pick(
                    "用法：settings KEY VALUE；KEY 为：",
                    "usage: settings KEY VALUE; KEY is one of: ",
                )
                + ", ".join(OPTIONS),
                file=sys.stderr,
            )
            return EXIT_REFUSED
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError:
            value = args.value  # plain text, e.g. 09:00-12:00
        try:
            with database.sessions.begin() as session:
                set_setting(session, args.key, value)
        except ValueError as error:
            print(error, file=sys.stderr)
            return EXIT_REFUSED
    with database.sessions() as session:
        for key, option in OPTIONS.items():
            title = pick(option.title, option.title_en)
            print(
                f"{key:40} {json.dumps(get_setting(session, key), ensure_ascii=False):16} {title}"
            )
    return EXIT_OK


def _cmd_staff(database, args) -> int:
    from app.roles import role_label
    from app.staff import StaffError, add_staff, list_staff, set_role
    from app.users import UserError, set_password, set_username, staff_by_username

    try:
        with database.sessions.begin() as session:
            if args.action == "add":
                staff = add_staff(session, args.name, args.role, unit=args.unit)
                if args.username:
                    set_username(session, staff.id, args.username)
            elif args.action == "role":
                set_role(session, args.name, args.role)
            elif args.action == "password":
                user = staff_by_username(session, args.username)
                if user is None:
                    raise UserError(
                        pick(f"没有用户名为“{args.username}”的人员", f"No user {args.username!r}")
                    )
                set_password(session, user.id, _read_password(args.password_stdin))
    except StaffError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    if args.action == "password":
        print(pick("密码已设置。", "Password set."))
        return EXIT_OK
    with database.sessions() as session:
        for row in list_staff(session):
            user = row.is_operator or row.role != "operator" or row.username
            if not (getattr(args, "all", False) or user):
                continue  # a 经办人 known from the case files, not a user of the app
            state = "" if row.active else pick("（停用）", " (inactive)")
            login = ""
            if row.username:
                login = f"  {row.username}" + (
                    "" if row.has_password else pick("（无密码）", " (no password)")
                )
            print(
                f"{row.name:12} {row.role:14} {role_label(row.role):6} {row.unit or '—'}{state}{login}"
            )
    return EXIT_OK


def _read_password(from_stdin: bool) -> str:
    """The new password: one line of standard input, or typed twice without being shown."""
    import getpass

    from app.users import UserError

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass(pick("新密码：", "New password: "))
    if getpass.getpass(pick("再输入一次：", "Again: ")) != password:
        raise UserError(pick("两次输入的密码不一致", "The two passwords differ"))
    return password


def _cmd_audit(database, args) -> int:
    from app.audit import AuditQuery, audit_entries
    from app.audit_export import ExportRefused, write_audit_file

    query = AuditQuery(
        start=args.start,
        end=args.end,
        actor=args.actor,
        entity=args.entity,
        action=args.audit_action,
    )
    with database.sessions() as session:
        rows = audit_entries(session, query)
    try:
        write_audit_file(rows, args.output)
    except ExportRefused as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    print(pick("已导出 {n} 条审计记录。", "{n} audit entries exported.").format(n=len(rows)))
    return _written(args.output)


def _cmd_retention(database, args) -> int:
    from app.retention import RetentionError, preview, purge

    try:
        with database.sessions.begin() as session:
            if args.action == "purge":
                counts = purge(session, args.today)
            else:
                counts = preview(session, args.today)
    except RetentionError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    print(
        pick(
            "保存年限 {years} 年：{cutoff} 之前办结的业务件",
            "Kept {years} years: cases completed before {cutoff}",
        ).format(years=counts.years, cutoff=counts.cutoff.isoformat())
    )
    labels = {
        "cases": ("业务件（申请人、座落）", "cases (applicant, location)"),
        "phones": ("联系电话", "phone numbers"),
        "evaluations": ("评价（建议等文字）", "evaluations (free text)"),
        "call_attempts": ("拨打记录（号码、备注）", "call attempts (number, note)"),
        "callback_tasks": ("二次回访（被回访人反映）", "callbacks (respondent's words)"),
        "callback_contacts": ("二次回访联系记录", "callback contacts"),
        "enterprise_forms": ("企业回访反馈单（联系人、建议）", "Form B (contact, suggestion)"),
        "complaints": ("投诉（投诉人、联系方式、地址）", "complaints (complainant, contact)"),
        "audit_entries": ("审计记录中的个人信息", "audit entries"),
    }
    values = counts.to_dict()
    for key, (zh, en) in labels.items():
        print(f"  {pick(zh, en)}: {values[key]}")
    if args.action == "purge":
        print(
            pick(
                "已清除 {n} 条记录中的个人信息。", "Personal data removed from {n} records."
            ).format(n=counts.total)
        )
    else:
        print(
            pick(
                "预览：共 {n} 条记录将被清除个人信息；执行 retention purge 清除。",
                "Preview: {n} records would lose their personal data; run retention purge.",
            ).format(n=counts.total)
        )
    return EXIT_OK


def _cmd_calendar(database, args) -> int:
    from app import calendar

    if args.action == "show":
        with database.sessions() as session:
            cal = calendar.WorkingCalendar.load(session)
            try:
                days = cal.month_days(args.year, args.month)
            except calendar.CalendarUnknownError as error:
                print(error, file=sys.stderr)
                return EXIT_REFUSED
        weekdays = pick("一二三四五六日", "MTWTFSS")
        for info in days:
            kind = pick("上班", "work") if info.is_working_day else pick("休息", "rest")
            note = f"  {info.note}" if info.note else ""
            print(f"{info.day.isoformat()} {weekdays[info.day.weekday()]}  {kind}{note}")
        return EXIT_OK
    with database.sessions.begin() as session:
        if args.action == "set":
            calendar.set_day(session, args.day, args.kind == "work", args.note)
        elif args.action == "clear":
            calendar.clear_day(session, args.day)
        elif args.action == "add-year":
            calendar.add_year(session, args.year, args.note)
    print(pick("已保存。", "Saved."))
    return EXIT_OK


def _add_sync_commands(commands) -> None:
    from app.sync.commands import add_sync_commands

    add_sync_commands(commands)


def _cmd_sync(database, args) -> int:
    from app.sync.commands import run_sync_command

    return run_sync_command(database, args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (the GUI is main.py's business)."""
    return run(build_parser().parse_args(argv))
