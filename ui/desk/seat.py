"""What one seat remembers between runs (QSettings, per user): who works there, how to dial."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ui import preferences

_OPERATOR_KEY = "desk/operator"
# e.g. linphonec -c "call {number}": split like a shell would, then run without a shell.
DIAL_COMMAND_KEY = "desk/dial_command"


def _settings() -> QSettings:
    return QSettings(preferences.ORGANIZATION, preferences.APPLICATION)


def saved_operator() -> str | None:
    """The name of the operator who worked here last (names, not ids: ids differ per database)."""
    name = _settings().value(_OPERATOR_KEY, "")
    return (name.strip() or None) if isinstance(name, str) else None


def save_operator(name: str | None) -> None:
    if name:
        _settings().setValue(_OPERATOR_KEY, name)
    else:
        _settings().remove(_OPERATOR_KEY)


def dial_command() -> str:
    command = _settings().value(DIAL_COMMAND_KEY, "")
    return command.strip() if isinstance(command, str) else ""


def save_dial_command(command: str) -> None:
    _settings().setValue(DIAL_COMMAND_KEY, command.strip())
