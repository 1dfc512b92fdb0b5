"""`retention preview|purge`: personal data kept past retention.years.

A purge first shows the cut-off it will use and what it will forget, then asks on the terminal;
`--yes` answers for a scheduled job (the cut-off and counts are printed all the same). Without a
terminal and without --yes nothing is purged.
"""

from __future__ import annotations

import sys

from app.i18n import pick
from cli.arguments import day
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
    "suggestion_slips": ("意见条（留言人、联系方式）", "suggestion slips (writer, contact)"),
    "recordings": ("通话录音（录音文件）", "call recordings (the files)"),
    "audit_entries": ("审计记录中的个人信息", "audit entries"),
}


def add_commands(commands) -> None:
    retention = commands.add_parser(
        "retention",
        help="purge personal data past retention.years / 个人信息保留期限",
        description="preview: what a purge would forget today. purge: shows the cut-off and "
        "the counts, then asks (--yes: does not ask). / preview：预览将清除的个人信息；purge：显示"
        "清除范围和条数，确认后清除（--yes：不再询问）。",
    )
    retention.add_argument("action", choices=("preview", "purge"))
    retention.add_argument("--today", type=day, metavar="YYYY-MM-DD", help="count from this day")
    retention.add_argument(
        "--yes",
        action="store_true",
        help="purge without asking, e.g. in a scheduled job / 不询问直接清除（如计划任务）",
    )
    retention.set_defaults(func=_retention)


def _retention(database, args) -> int:
    from app.retention import preview, purge

    with database.sessions() as session:
        counts = preview(session, args.today, by_id=args.actor_id)
    _print_counts(counts)
    if args.action == "preview":
        print(
            pick(
                "预览：共 {n} 条记录将被清除个人信息；执行 retention purge 清除。",
                "Preview: {n} records would lose their personal data; run retention purge.",
            ).format(n=counts.total)
        )
        return EXIT_OK
    if not counts.total:
        print(pick("没有需要清除的个人信息。", "No personal data to purge."))
        return EXIT_OK
    if not args.yes and not _confirmed(counts):
        return EXIT_REFUSED
    with database.sessions.begin() as session:
        done = purge(session, args.today, cutoff=counts.cutoff, by_id=args.actor_id)
    print(
        pick(
            "已清除 {n} 条记录中的个人信息（{cutoff} 之前办结）。",
            "Personal data removed from {n} records (completed before {cutoff}).",
        ).format(n=done.total, cutoff=done.cutoff.isoformat())
    )
    return EXIT_OK


def _print_counts(counts) -> None:
    print(
        pick(
            "保存年限 {years} 年：{cutoff} 之前办结的业务件",
            "Kept {years} years: cases completed before {cutoff}",
        ).format(years=counts.years, cutoff=counts.cutoff.isoformat())
    )
    values = counts.to_dict()
    for key, (zh, en) in LABELS.items():
        print(f"  {pick(zh, en)}: {values[key]}")


def _confirmed(counts) -> bool:
    """Asks on the terminal whether to purge what was just shown; False without one."""
    from cli.login import stdin_is_terminal

    if not stdin_is_terminal():
        print(
            pick(
                "清除不能撤销：请在终端中运行并确认，或加 --yes（如计划任务）。没有清除任何数据。",
                "A purge cannot be undone: run it on a terminal and confirm, or add --yes (e.g. "
                "in a scheduled job). Nothing was purged.",
            ),
            file=sys.stderr,
        )
        return False
    try:
        answer = input(
            pick(
                "将清除 {n} 条记录中的个人信息（{cutoff} 之前办结），不能撤销。输入 yes 清除：",
                "This removes the personal data from {n} records (completed before {cutoff}) "
                "and cannot be undone. Type yes to purge: ",
            ).format(n=counts.total, cutoff=counts.cutoff.isoformat())
        )
    except EOFError:
        answer = ""
    if answer.strip().lower() in ("yes", "y", "是"):
        return True
    print(pick("没有清除任何数据。", "Nothing was purged."), file=sys.stderr)
    return False
