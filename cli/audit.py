"""`audit export|verify`: the audit trail, filtered, into .xlsx or .csv; and its hash chain
checked from the first entry to the last."""

from __future__ import annotations

import sys

from app.i18n import pick
from cli.arguments import day, output_file
from cli.exit_codes import EXIT_OK, EXIT_REFUSED
from cli.output import file_errors_reported, written

# `audit verify` found the chain broken (0: it holds; 2: the command could not run).
EXIT_CHAIN_BROKEN = 3


def add_commands(commands) -> None:
    audit = commands.add_parser("audit", help="the audit trail / 审计日志")
    audit_actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    audit_export = audit_actions.add_parser("export", help="write the trail to .xlsx or .csv")
    audit_export.add_argument("--from", dest="start", type=day, metavar="YYYY-MM-DD")
    audit_export.add_argument("--to", dest="end", type=day, metavar="YYYY-MM-DD")
    audit_export.add_argument("--actor", help="part of the name of who made the changes")
    audit_export.add_argument("--entity", help="e.g. staff, setting, callback_task")
    audit_export.add_argument("--action", dest="audit_action", help="e.g. user.login_failed")
    audit_export.add_argument(
        "-o", "--output", type=output_file, metavar="FILE", required=True, help=".xlsx or .csv"
    )
    audit_export.set_defaults(func=_export)
    audit_verify = audit_actions.add_parser(
        "verify",
        help="check the trail's hash chain; exit 3 where it breaks / 校验审计记录的哈希链",
        description="Walks the hash chain from the first entry and reports the first entry "
        "where it breaks (changed, deleted or inserted), and entries put in outside it. "
        "Prints the chain's head to note down; --anchor checks a head noted earlier is still "
        "there (entries removed from the end). / 从第一条起校验哈希链，报告链断开的第一条记录。",
    )
    audit_verify.add_argument(
        "--anchor", metavar="SEQ:HASH", help="a head printed by an earlier verify, to check"
    )
    audit_verify.set_defaults(func=_verify)


@file_errors_reported
def _export(database, args) -> int:
    from app.audit import AuditQuery
    from app.audit_export import ExportRefused, export_audit_trail

    query = AuditQuery(
        start=args.start,
        end=args.end,
        actor=args.actor,
        entity=args.entity,
        action=args.audit_action,
    )
    try:
        with database.sessions.begin() as session:  # the export itself is audited
            count = export_audit_trail(session, query, args.output, by_id=args.actor_id)
    except ExportRefused as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    print(pick("已导出 {n} 条审计记录。", "{n} audit entries exported.").format(n=count))
    return written(args.output)


def _verify(database, args) -> int:
    from app.audit_chain import parse_anchor
    from app.audit_export import verify_trail

    try:
        anchor = parse_anchor(args.anchor) if args.anchor is not None else None
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    with database.sessions() as session:
        report = verify_trail(session, anchor, by_id=args.actor_id)
    print(report.summary())
    if not report.intact:
        return EXIT_CHAIN_BROKEN
    if report.head is not None:
        print(
            pick(
                "链头（请记下，日后用 --anchor 核对链尾没有被删改）：",
                "Head (note it down; --anchor checks later that the end was not cut or changed): ",
            )
            + report.head.anchor()
        )
    return EXIT_OK
