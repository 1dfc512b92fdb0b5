"""Renders resources/icons/revisitdesk.svg into the sizes a desktop menu asks for:
OUT/hicolor/<n>x<n>/apps/APPID.png, OUT/hicolor/scalable/apps/APPID.svg and, for the
Windows program and installer, OUT/revisitdesk.ico.

    python packaging/icons.py OUT APPID     (run by packaging/revisitdesk.spec)
"""

import os
import shutil
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SOURCE = Path(__file__).resolve().parents[1] / "resources" / "icons" / "revisitdesk.svg"


def render(out: Path, appid: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    application = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QPainter needs it)
    renderer = QSvgRenderer(str(SOURCE))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not image.save(str(folder / f"{appid}.png")):
            raise SystemExit(f"could not write {folder / appid}.png")
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / f"{appid}.svg")
    largest = Image.open(out / "hicolor" / "256x256" / "apps" / f"{appid}.png")
    largest.save(out / "revisitdesk.ico", sizes=[(n, n) for n in SIZES if n <= 256])


if __name__ == "__main__":
    render(Path(sys.argv[1]), sys.argv[2])
