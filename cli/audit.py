"""`audit export`: the audit trail, filtered, into .xlsx or .csv."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app.i18n import pick
from cli.exit_codes import EXIT_REFUSED
from cli.output import written


def add_commands(commands) -> None:
    audit = commands.add_parser("audit", help="the audit trail / 审计日志")
    audit_actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    audit_export = audit_actions.add_parser("export", help="write the trail to .xlsx or .csv")
    audit_export.add_argument("--from", dest="start", type=date.fromisoformat, metavar="YYYY-MM-DD")
    audit_export.add_argument("--to", dest="end", type=date.fromisoformat, metavar="YYYY-MM-DD")
    audit_export.add_argument("--actor", help="part of the name of who made the changes")
    audit_export.add_argument("--entity", help="e.g. staff, setting, callback_task")
    audit_export.add_argument("--action", dest="audit_action", help="e.g. user.login_failed")
    audit_export.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    audit_export.set_defaults(func=_export)


def _export(database, args) -> int:
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
    return written(args.output)
