"""The language of messages that app/ produces (Chinese by default, English second).

The interface translates its own strings with Qt; app/ has no Qt, so its few user-facing
messages carry both languages and are rendered in the language chosen here.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")
_language = "zh"


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {LANGUAGES}")
    _language = language


def current_language() -> str:
    return _language


def pick(zh: str, en: str, language: str | None = None) -> str:
    return en if (language or _language) == "en" else zh
