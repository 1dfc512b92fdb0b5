"""A seat's softphone command line, e.g. `linphonec -c "call {number}"`: run for each call, and
the telephone says nothing more.

The command is split as a shell would, then filled in word by word: the number never passes
through a shell, and a placeholder inside quotes stays one argument. The interface starts the
program (`starter`, e.g. QProcess.startDetached), so this module stays free of Qt.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable

from app.i18n import pick
from app.telephony import COMMAND, Call, Telephone, TelephonyRefused

SAMPLE_NUMBER = "+8653186123456"  # what a command is tried with while it is typed
MAX_LENGTH = 2000


def dial_arguments(command: str, number: str, extension: str | None) -> list[str]:
    """The program and its arguments, `{number}` and `{extension}` filled in.

    Raises ValueError (unpaired quotes), KeyError or IndexError (another placeholder)."""
    words = shlex.split(command)
    return [w.format(number=number, extension=extension or "") for w in words]


def check_command(command: str) -> str:
    """The command as kept, or TelephonyRefused saying why it cannot be used."""
    command = command.strip()
    if not command:
        raise TelephonyRefused(pick("请填写拨号命令", "Enter the dial command"), "dial_command")
    if len(command) > MAX_LENGTH or any(ord(c) < 32 for c in command):
        raise TelephonyRefused(
            pick(
                "拨号命令过长或含控制字符", "The dial command is too long or has control characters"
            ),
            "dial_command",
        )
    try:
        dial_arguments(command, SAMPLE_NUMBER, None)
    except (ValueError, KeyError, IndexError) as error:
        raise TelephonyRefused(
            pick(
                f"拨号命令无法使用（{error}）：引号要成对，花括号中只能是 number 或 extension。",
                f"The dial command cannot be used ({error}): quotes in pairs, and only "
                "{number} or {extension} in braces.",
            ),
            "dial_command",
        ) from error
    return command


class CommandTelephone(Telephone):
    kind = COMMAND
    reports = False

    def __init__(self, command: str, starter: Callable[[str, list[str]], bool]) -> None:
        super().__init__()
        self.command = command
        self.starter = starter

    def _start(self, call: Call) -> None:
        program, *arguments = dial_arguments(
            check_command(self.command), call.permit.e164, call.permit.extension
        )
        if not self.starter(program, arguments):
            raise TelephonyRefused(
                pick(f"无法启动拨号程序 {program}", f"The dial program {program} did not start")
            )
