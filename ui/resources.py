"""Where the interface finds its resource files (translations, fonts, the icon) in the source tree."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
FONTS_DIR = RESOURCES_DIR / "fonts"
APP_ICON = RESOURCES_DIR / "icons" / "revisitdesk.svg"
