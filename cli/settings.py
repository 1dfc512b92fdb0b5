"""`settings [KEY VALUE]`: list the settings, or change one."""

from __future__ import annotations

import json
import sys

from app.i18n import pick
from cli.exit_codes import EXIT_OK, EXIT_REFUSED


def add_commands(commands) -> None:
    settings = commands.add_parser("settings", help="list or change settings / 设置")
    settings.add_argument("key", nargs="?", help="the setting to change, e.g. coverage.target")
    settings.add_argument("value", nargs="?", help="its new value (a number, true/false or text)")
    settings.set_defaults(func=_settings)


def _settings(database, args) -> int:
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
