"""Fixtures of the import tests (the helpers themselves are in helpers.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .helpers import Rows, write_table


@pytest.fixture
def make_file(tmp_path: Path) -> Callable[..., Path]:
    """make_file("name.csv", rows, encoding=…) -> the path of the file written in tmp_path."""

    def make(name: str, rows: Rows, **options: Any) -> Path:
        return write_table(tmp_path / name, rows, **options)

    return make
