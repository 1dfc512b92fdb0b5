r"""The interface's translations: our English catalogue, and Qt's own strings for each language.

Chinese is the source language of every string in ui/, so Chinese needs only Qt's own catalogue
(for the buttons of standard dialogs). After adding or changing strings in ui/, refresh the
English catalogue from the project's top directory:

    .venv/bin/pyside6-lupdate $(find ui -name '*.py' | sort) -no-obsolete \
        -source-language zh_CN -target-language en -ts resources/translations/revisitdesk_en.ts
    # translate the new entries of the .ts (type="unfinished"), e.g. in .venv/bin/pyside6-linguist
    .venv/bin/pyside6-lrelease resources/translations/revisitdesk_en.ts \
        -qm resources/translations/revisitdesk_en.qm

`python -m ui.translations` runs both commands for you. Strings not yet translated stay Chinese
in the English interface; translate them in the .ts, then run it again to compile.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

import app.i18n
from ui.resources import TRANSLATIONS_DIR

logger = logging.getLogger(__name__)

CATALOGUE = "revisitdesk"
# Qt's own catalogues are named by locale; ours by our language code.
QT_LOCALES = {"zh": "zh_CN", "en": "en"}
SOURCE_LANGUAGE = "zh"

_installed: list[QTranslator] = []


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str) -> Path | None:
    """The compiled catalogue for `language`, built from its .ts when missing; None for Chinese."""
    if language == SOURCE_LANGUAGE:
        return None
    qm = ts_path(language).with_suffix(".qm")
    if not qm.exists() and ts_path(language).exists() and _tool("lrelease"):
        release(language)
    return qm if qm.exists() else None


def use_language(language: str) -> None:
    """Make `language` the interface's language: Qt translators and app/'s messages.

    Widgets built afterwards show the new language; existing ones keep their texts.
    """
    application = QCoreApplication.instance()
    for translator in _installed:
        application.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [(f"qtbase_{QT_LOCALES[language]}", qt_dir)]
    ours = qm_path(language)
    if ours is not None:
        catalogues.append((ours.stem, str(ours.parent)))
    for name, directory in catalogues:
        translator = QTranslator()
        if translator.load(name, directory):
            application.installTranslator(translator)
            _installed.append(translator)
        else:
            logger.warning("Translation %s not found in %s", name, directory)
    if language == "zh":
        gaps = QtGapsTranslator()
        application.installTranslator(gaps)  # installed last: asked first
        _installed.append(gaps)
    app.i18n.set_language(language)


class QtGapsTranslator(QTranslator):
    """Qt's own strings that qtbase_zh_CN lacks, in Chinese: its file dialog's labels with their
    mnemonics (the catalogue has "Look in:" but not "&Look in:"). A few fixed strings, so kept
    here rather than in a compiled catalogue of their own."""

    GAPS = {
        ("QFileDialog", "&Look in:"): "查找范围(&I)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    }

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ANN001
        return self.GAPS.get((context, source_text))  # None: not ours, the next catalogue

    def isEmpty(self) -> bool:
        return False


def _tool(name: str) -> str | None:
    """A Qt Linguist tool: the one beside this Python (the venv's), else one on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    return str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")


def update(language: str = "en", ts: Path | None = None) -> None:
    """Collect the strings of ui/ into the .ts (or into `ts`, a copy of it), keeping the
    translations it already has."""
    top = TRANSLATIONS_DIR.parent.parent
    # lupdate finds Python files only when named one by one, not by scanning a directory.
    sources = sorted(str(p.relative_to(top)) for p in (top / "ui").rglob("*.py"))
    subprocess.run(
        [
            _tool("lupdate") or "pyside6-lupdate",
            *sources,
            "-no-obsolete",
            "-source-language",
            QT_LOCALES[SOURCE_LANGUAGE],
            "-target-language",
            QT_LOCALES[language],
            "-ts",
            str(ts or ts_path(language).relative_to(top)),
        ],
        cwd=top,
        check=True,
        capture_output=ts is not None,
    )


def release(language: str = "en") -> None:
    """Compile the .ts into the .qm the application loads."""
    ts = ts_path(language)
    subprocess.run(
        [_tool("lrelease") or "pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))],
        check=True,
    )


if __name__ == "__main__":
    update()
    release()
