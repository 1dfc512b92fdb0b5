"""The command line's log-in, for tests: a user named in the environment and a password typed on
a terminal (getpass), without a terminal."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

import cli.login


def typed_on_terminal(monkeypatch: pytest.MonkeyPatch, answers: Iterable[str]) -> list[str]:
    """Standard input is a terminal, and getpass returns `answers` one after another; returns
    the prompts it was asked with."""
    given = iter(answers)
    prompts: list[str] = []

    def getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(given)

    monkeypatch.setattr(cli.login, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr("getpass.getpass", getpass)
    return prompts


def log_in_as(monkeypatch: pytest.MonkeyPatch, username: str, password: str) -> None:
    """Every command from now on logs in as `username` ($REVISITDESK_USER) with `password`."""
    monkeypatch.setenv(cli.login.ENV_USER, username)
    monkeypatch.delenv(cli.login.ENV_TOKEN, raising=False)
    monkeypatch.setattr(cli.login, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": password)
