"""`retention preview|purge`: personal data kept past retention.years."""

from __future__ import annotations

import sys
from datetime import date

from app.i18n import pick
from cli.exit_codes import EXIT_OK, EXIT_REFUSED

# What each count of app.retention is, in the order printed.
LABELS = {
    "cases": ("业务件（申请人、座落）", "cases (applicant, location)"),
    "phones": ("联系电话", "phone numbers"),
    "evaluations": ("评价（评价人、建议等文字）", "evaluations (evaluator, free text)"),
    "call_attempts": ("拨打记录（号码、备注）", "call attempts (number, note)"),
    "callback_tasks": ("二次回访（被回访人反映）", "callbacks (respondent's words)"),
    "bad_reviews": ("差评核实与反馈", "bad reviews (verification, feedback)"),
    "callback_contacts": ("二次回访联系记录", "callback contacts"),
    "enterprise_forms": ("企业回访反馈单（联系人、建议）", "Form B (contact, suggestion)"),
    "complaints": ("投诉（投诉人、联系方式、地址）", "complaints (complainant, contact)"),
    "audit_entries": ("审计记录中的个人信息", "audit entries"),
}


def add_commands(commands) -> None:
    retention = commands.add_parser(
        "retention", help="purge personal data past retention.years / 个人信息保留期限"
    )
    retention.add_argument("action", choices=("preview", "purge"))
    retention.add_argument(
        "--today", type=date.fromisoformat, metavar="YYYY-MM-DD", help="count from this day"
    )
    retention.set_defaults(func=_retention)


def _retention(database, args) -> int:
    from app.retention import RetentionError, preview, purge

    try:
        with database.sessions.begin() as session:
            if args.action == "purge":
                counts = purge(session, args.today, by_id=args.actor_id)
            else:
                counts = preview(session, args.today, by_id=args.actor_id)
    except RetentionError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    print(
        pick(
            "保存年限 {years} 年：{cutoff} 之前办结的业务件",
            "Kept {years} years: cases completed before {cutoff}",
        ).format(years=counts.years, cutoff=counts.cutoff.isoformat())
    )
    values = counts.to_dict()
    for key, (zh, en) in LABELS.items():
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
