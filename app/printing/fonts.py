"""The Chinese font every printed PDF uses: WenQuanYi Micro Hei, registered once and embedded.

reportlab's built-in STSong-Light is never embedded (no glyphs without poppler-data): use TrueType.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WenQuanYiMicroHei"

# The copy shipped in the repository first, so that output looks the same on every machine;
# Debian's fonts-wqy-microhei second, for installs that left resources/ out.
FONT_PATHS: tuple[Path, ...] = (
    Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc",
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
)

_lock = threading.Lock()


class ChineseFontMissingError(FileNotFoundError):
    """No copy of the Chinese font was found, so no PDF with Chinese text can be made."""

    def __init__(self, tried: tuple[Path, ...]) -> None:
        self.tried = tried
        places = "; ".join(str(path) for path in tried)
        super().__init__(
            f"找不到中文字体 wqy-microhei.ttc，无法生成 PDF（已查找：{places}）/ "
            f"Chinese font wqy-microhei.ttc not found, cannot make PDFs (looked in: {places}). "
            "Reinstall RevisitDesk with its resources/fonts folder, or install fonts-wqy-microhei."
        )


def chinese_font_path() -> Path:
    for path in FONT_PATHS:
        if path.is_file():
            return path
    raise ChineseFontMissingError(FONT_PATHS)


def register_chinese_font() -> str:
    """Register WenQuanYi Micro Hei with reportlab (once) and return its font name."""
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            # The file is a TrueType collection: face 0 is Micro Hei (1 is its monospaced twin).
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(chinese_font_path()), subfontIndex=0))
            # The font has no bold or italic face; map them to the regular one so that <b> in
            # a Paragraph does not fall back to Helvetica, which has no Chinese glyphs.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
    return FONT_NAME
