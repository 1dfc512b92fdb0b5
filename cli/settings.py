"""`settings [KEY VALUE]`: list the settings by area, or change one (checked as app.settings
declares it)."""

from __future__ import annotations

import json
import sys

from app.i18n import pick
from cli.exit_codes import EXIT_OK, EXIT_REFUSED


def add_commands(commands) -> None:
    settings = commands.add_parser(
        "settings",
        help="list or change settings / 列出或更改设置",
        description="Without arguments: every setting by area, with its value, default and "
        "title. With KEY VALUE: change one, checked as the 设置 dialog checks it. / "
        "不带参数：按类别列出所有设置；带 KEY VALUE：更改一项（与设置对话框同样检查）。",
    )
    settings.add_argument("key", nargs="?", help="the setting to change, e.g. coverage.target")
    settings.add_argument(
        "value", nargs="?", help='its new value: a number, true/false or text ("" for empty)'
    )
    settings.set_defaults(func=_settings)


def _settings(database, args) -> int:
    from app.settings import AREAS, OPTIONS, all_settings, set_setting

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
        value = OPTIONS[args.key].parse(args.value)
        with database.sessions.begin() as session:
            set_setting(session, args.key, value, by_id=args.actor_id)
    with database.sessions() as session:
        values = all_settings(session)
    for area, titles in AREAS.items():
        print(f"[{pick(*titles)}]")
        for key, option in OPTIONS.items():
            if option.area != area:
                continue
            value, default = _shown(values[key]), _shown(option.default)
            print(
                f"  {key:42} {value:16} {pick('默认', 'default')} {default:10} {option.title_text()}"
            )
    return EXIT_OK


def _shown(value) -> str:
    return json.dumps(value, ensure_ascii=False)
