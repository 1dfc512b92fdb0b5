"""A scanned page on screen: zoom (Ctrl+= / Ctrl+- / Ctrl+0 fit), rotate (Ctrl+R), turn (PgUp/PgDn).

The viewer shows one image; turning asks its owner for the previous or next one, so the same
viewer serves the tray of unmatched pages and the pages of one scan.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut, QTransform
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0


class ScanViewer(QWidget):
    page_turned = Signal(int)  # -1 previous, +1 next

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.rotation = 0  # degrees clockwise, a multiple of 90
        self.zoom: float | None = None  # None: fit the page into the view

        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll = QScrollArea()
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self.picture)
        self.scroll.setStyleSheet("QScrollArea { background: #6b6b6b; }")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.position_label = QLabel()
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for name, text, tip, slot in (
            ("previous", "◀", self.tr("上一页（PgUp）"), lambda: self.page_turned.emit(-1)),
            ("next", "▶", self.tr("下一页（PgDn）"), lambda: self.page_turned.emit(1)),
            ("zoom_out", "−", self.tr("缩小（Ctrl+-）"), self.zoom_out),
            ("zoom_in", "+", self.tr("放大（Ctrl+=）"), self.zoom_in),
            ("fit", self.tr("适合"), self.tr("整页显示（Ctrl+0）"), self.fit),
            ("rotate", "↻", self.tr("向右旋转 90°（Ctrl+R）"), self.rotate),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            self.buttons[name] = button
        bar.addWidget(self.buttons["previous"])
        bar.addWidget(self.buttons["next"])
        bar.addWidget(self.position_label)
        bar.addStretch(1)
        for name in ("zoom_out", "zoom_in", "fit", "rotate"):
            bar.addWidget(self.buttons[name])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        # Window shortcuts: they work wherever the focus is while the viewer is shown.
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            ("Ctrl+=", self.zoom_in),
            ("Ctrl++", self.zoom_in),
            ("Ctrl+-", self.zoom_out),
            ("Ctrl+0", self.fit),
            ("Ctrl+R", self.rotate),
            ("PgUp", lambda: self.page_turned.emit(-1)),
            ("PgDown", lambda: self.page_turned.emit(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        self.show_image(None)

    def show_image(self, image: QImage | None, position: str = "") -> None:
        """Show a new page, fitted and upright; None shows an empty viewer."""
        self.image = image
        self.rotation = 0
        self.zoom = None
        self.position_label.setText(position)
        self._redraw()

    def zoom_in(self) -> None:
        self._set_zoom(self._current_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._current_zoom() / ZOOM_STEP)

    def fit(self) -> None:
        self.zoom = None
        self._redraw()

    def rotate(self) -> None:
        self.rotation = (self.rotation + 90) % 360
        self._redraw()

    def _set_zoom(self, zoom: float) -> None:
        if self.image is not None:
            self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
            self._redraw()

    def _rotated(self) -> QImage | None:
        if self.image is None or not self.rotation:
            return self.image
        return self.image.transformed(QTransform().rotate(self.rotation))

    def _fit_zoom(self, image: QImage) -> float:
        room = self.scroll.viewport().size()
        return max(
            MIN_ZOOM,
            min(room.width() / max(1, image.width()), room.height() / max(1, image.height())),
        )

    def _current_zoom(self) -> float:
        image = self._rotated()
        if image is None:
            return 1.0
        return self.zoom if self.zoom is not None else self._fit_zoom(image)

    def _redraw(self) -> None:
        image = self._rotated()
        for button in self.buttons.values():
            button.setEnabled(image is not None)
        if image is None:
            self.picture.clear()
            self.picture.resize(self.scroll.viewport().size())
            return
        zoom = self._current_zoom()
        pixmap = QPixmap.fromImage(image).scaled(
            max(1, round(image.width() * zoom)),
            max(1, round(image.height() * zoom)),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.picture.setPixmap(pixmap)
        self.picture.resize(pixmap.size())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom is None:
            self._redraw()
