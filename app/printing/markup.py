"""Text put into reportlab's paragraphs, which read a little XML: `&`, `<` and `>` escaped, so
that a name or a citizen's words print as written, and line breaks kept."""

from __future__ import annotations

from xml.sax.saxutils import escape


def paragraph_text(value: object) -> str:
    """`value` as paragraph markup; None prints as nothing."""
    if value is None:
        return ""
    return escape(str(value)).replace("\r\n", "\n").replace("\n", "<br/>")
