"""Which RevisitDesk this is: its version, and for a packaged build the day it was built
(packaging/revisitdesk.spec writes resources/build_info.json into the package)."""

from __future__ import annotations

import importlib.metadata
import json
from dataclasses import dataclass
from pathlib import Path

# The name desktops know RevisitDesk by: its menu entry, its icons, its folder /opt/apps/<APP_ID>.
APP_ID = "cn.gov.revisitdesk"
BUILD_INFO = Path(__file__).resolve().parents[1] / "resources" / "build_info.json"


@dataclass(frozen=True)
class Version:
    number: str
    built_on: str | None  # ISO day of a packaged build; None when run from the source tree


def app_version() -> Version:
    try:
        info = json.loads(BUILD_INFO.read_text("utf-8"))
        return Version(str(info["version"]), str(info["built_on"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        return Version(importlib.metadata.version("revisitdesk"), None)
    except importlib.metadata.PackageNotFoundError:
        return Version("unknown", None)
