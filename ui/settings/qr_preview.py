"""A QR code on screen, encoded exactly as the printed slips encode it (app.printing.form_b)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from app.printing.form_b import QR_QUIET_ZONE, qr_modules


def qr_image(text: str, size: int) -> QImage:
    """A QR code of `text`, about `size` pixels square with its quiet zone; whole pixels per
    module, so that a phone can read it off the screen."""
    modules = qr_modules(text)
    count = len(modules) + 2 * QR_QUIET_ZONE
    box = max(1, size // count)
    image = QImage(count * box, count * box, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    for row_number, row in enumerate(modules):
        for column, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    (column + QR_QUIET_ZONE) * box,
                    (row_number + QR_QUIET_ZONE) * box,
                    box,
                    box,
                    Qt.GlobalColor.black,
                )
    painter.end()
    return image
