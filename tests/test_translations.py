"""The English translation is complete and reaches the screen: every string of ui/ is in the
.ts under the context Qt looks it up in at run time."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

TOP = Path(__file__).resolve().parents[1]
TS = TOP / "resources" / "translations" / "revisitdesk_en.ts"


def test_every_string_is_translated() -> None:
    tree = ElementTree.parse(TS)
    unfinished = [
        message.findtext("source")
        for message in tree.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_tr_is_only_called_on_self() -> None:
    """`other.tr("…")` is collected under the variable's name ("window", "actions") but looked up
    under the object's class: its English never showed. Outside a class, use
    QCoreApplication.translate("Context", "…")."""
    calls = [
        f"{path.relative_to(TOP)}:{number}"
        for path in sorted((TOP / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\b(?!self\b)[A-Za-z_]\w*\.tr\(", line)
    ]
    assert calls == []


def test_every_context_is_a_class_or_a_named_context() -> None:
    """A context named like a variable means a tr() call lupdate attributed to the wrong name."""
    tree = ElementTree.parse(TS)
    contexts = [context.findtext("name") for context in tree.iter("context")]
    assert [name for name in contexts if not name[:1].isupper()] == []


def test_every_string_of_ui_is_in_the_ts(tmp_path: Path) -> None:
    """lupdate run afresh on ui/ finds nothing the committed .ts lacks: a string added without
    running ui.translations.update() would show in Chinese in the English window."""
    import shutil

    from ui.translations import update

    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    update("en", ts=fresh)
    missing = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in ElementTree.parse(fresh).iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert missing == []
