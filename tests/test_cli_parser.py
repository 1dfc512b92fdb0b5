"""The command line's parser: every command runs something, every --help works, and building it
stays cheap (main.py builds it only for a command, but then before anything else)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command and subcommand, as (its words, its parser)."""
    for name, sub in _subcommands(parser).items():
        yield (*path, name), sub
        yield from _commands(sub, (*path, name))


def _help_lines(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The one-line help of each subcommand, as its parent's --help lists it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {choice.dest: choice.help for choice in action._choices_actions}
    return {}


COMMANDS = list(_commands(build_parser()))
WORDS = [words for words, _ in COMMANDS]


def test_there_are_the_commands_of_the_readme():
    groups = {words[0] for words in WORDS}
    assert groups == {
        "import",
        "demo",
        "report",
        "desk",
        "do-not-call",
        "recordings",
        "settings",
        "staff",
        "units",
        "audit",
        "retention",
        "db",
        "backup",
        "calendar",
        "sync",
        "keys",
        "token",
    }
    assert ("backup", "verify") in WORDS and ("sync", "send-cases") in WORDS


def test_every_command_runs_a_function_and_only_the_last_word_chooses_it():
    for words, parser in COMMANDS:
        if _subcommands(parser):
            assert parser.get_default("func") is None, words  # the subcommand chooses
        else:
            assert callable(parser.get_default("func")), words


def test_only_backup_verify_restore_and_db_recover_leave_the_database_closed():
    closed = {words for words, parser in COMMANDS if parser.get_default("opens_database") is False}
    # db recover opens an encrypted database with the recovery key, not a log-in.
    assert closed == {("backup", "verify"), ("backup", "restore"), ("db", "recover")}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("words", [(), *WORDS], ids=lambda words: " ".join(words) or "top")
def test_help_works_and_shows_both_languages(words, lang, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["--lang", lang, *words, "--help"])
    assert exited.value.code == 0
    out = " ".join(capsys.readouterr().out.split())  # as one line: wrapping apart
    assert out.startswith(" ".join(("usage: revisitdesk", *words)))
    parser = dict(COMMANDS)[words] if words else build_parser()
    for name, text in _help_lines(parser).items():
        assert name in out
        # The help is written in both languages at once ("English / 中文"): both halves shown.
        for half in (text or "").split(" / "):
            assert " ".join(half.split()) in out, (words, name, half)


def test_a_bilingual_help_line_has_its_english_and_its_chinese():
    halves = [
        text.split(" / ")
        for words, parser in [((), build_parser()), *COMMANDS]
        for text in _help_lines(parser).values()
        if text and " / " in text
    ]
    assert len(halves) >= 20
    for english, chinese in halves:
        assert english.isascii() and not chinese.isascii(), (english, chinese)


def test_building_the_parser_imports_no_database_or_qt_module():
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, cli; cli.build_parser(); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'sqlalchemy', 'alembic', 'db', 'PySide6', 'openpyxl', 'xlsxwriter', 'reportlab'}))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == "[]"
