"""The operator's interface preferences, kept in QSettings (per user, not in the database)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.i18n import LANGUAGES

ORGANIZATION = "RevisitDesk"
APPLICATION = "RevisitDesk"
DEFAULT_LANGUAGE = "zh"
_LANGUAGE_KEY = "ui/language"


def _settings() -> QSettings:
    # Named explicitly, so that the preferences do not depend on QApplication's names being set.
    return QSettings(ORGANIZATION, APPLICATION)


def saved_language() -> str:
    language = _settings().value(_LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    _settings().setValue(_LANGUAGE_KEY, language)
