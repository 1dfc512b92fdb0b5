"""Printing a PDF that app.printing wrote: preview, the system's print dialog, or a saved copy.

The PDF is the one document: what the preview shows and the printer prints are its pages,
rasterised by QtPdf, so the paper looks exactly like the saved file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.file_errors import file_error_text
from ui import file_dialogs
from ui.desk.display import ERROR_COLOR

# Enough for a seal and small print on paper; a 1200-dpi printer would need 0.5 GB per page.
MAX_PRINT_DPI = 300
POINTS_PER_INCH = 72
ZOOM_STEP = 1.25


class PdfUnreadable(Exception):
    """The generated PDF could not be opened (it should never happen: we wrote it)."""


def open_pdf(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise PdfUnreadable(str(path))
    return document


def page_image(document: QPdfDocument, index: int, dpi: float) -> QImage:
    """Page `index` at `dpi` on white paper (QtPdf renders onto a transparent background)."""
    points = document.pagePointSize(index)
    size = QSize(
        max(1, round(points.width() * dpi / POINTS_PER_INCH)),
        max(1, round(points.height() * dpi / POINTS_PER_INCH)),
    )
    rendered = document.render(index, size)
    page = QImage(size, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of `document` on `printer`, each scaled to its paper; the page count."""
    count = document.pageCount()
    if count == 0:
        return 0
    first = document.pagePointSize(0)
    printer.setFullPage(True)  # the PDF has its margins already
    landscape = first.width() > first.height()
    portrait_size = first.transposed() if landscape else first
    printer.setPageLayout(
        QPageLayout(
            QPageSize(portrait_size, QPageSize.Unit.Point),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(),
        )
    )
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index in range(count):
            if index:
                printer.newPage()
            image = page_image(document, index, dpi)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()
    return count


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print the PDF at `path` on `printer` (a real one, or a PDF file in tests)."""
    return print_document(open_pdf(path), printer)


class PdfPrintDialog(QDialog):
    """A generated document's pages, with 打印… (the system's dialog) and 另存为 PDF….

    The pages are shown by QPdfView, which renders only those in sight: a batch of a hundred
    forms opens at once (a print preview would rasterise them all first).
    """

    # The document went out: to a printer, or saved as a PDF to hand on. Carries where to.
    printed = Signal(str)

    def __init__(
        self, path: Path, title: str, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.file_name = file_name
        self.document = open_pdf(path)
        self.document.setParent(self)
        self.setWindowTitle(title)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setStyleSheet("QPdfView { background: #6b6b6b; }")

        self.info_label = QLabel(self.tr("共 {pages} 页").format(pages=self.document.pageCount()))
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.print_button.setToolTip(self.tr("选择打印机并打印（Ctrl+P）"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_on_paper)
        self.save_button = QPushButton(self.tr("另存为 PDF(&S)…"))
        self.save_button.setToolTip(self.tr("保存为 PDF 文件（Ctrl+S）"))
        self.save_button.clicked.connect(self.save_as_pdf)
        zoom_out = QToolButton()
        zoom_out.setText("−")
        zoom_out.setToolTip(self.tr("缩小（Ctrl+-）"))
        zoom_out.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        zoom_in = QToolButton()
        zoom_in.setText("+")
        zoom_in.setToolTip(self.tr("放大（Ctrl+=）"))
        zoom_in.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        fit_page = QToolButton()
        fit_page.setText(self.tr("整页"))
        fit_page.setToolTip(self.tr("整页显示（Ctrl+0）"))
        fit_page.clicked.connect(self.fit)
        close_button = QPushButton(self.tr("关闭"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        for keys, slot in (
            (QKeySequence.StandardKey.Print, self.print_on_paper),
            (QKeySequence.StandardKey.Save, self.save_as_pdf),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(ZOOM_STEP)),
            ("Ctrl+=", lambda: self.zoom(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(1 / ZOOM_STEP)),
            ("Ctrl+0", self.fit),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

        buttons = QHBoxLayout()
        buttons.addWidget(self.info_label)
        buttons.addStretch(1)
        for button in (zoom_out, zoom_in, fit_page):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(760, 700)

    def zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            # The factor the fitted view shows, so that zooming starts from what is seen.
            page = self.document.pagePointSize(0)
            width = self.view.viewport().width() / max(1.0, page.width() * 96 / 72)
            height = self.view.viewport().height() / max(1.0, page.height() * 96 / 72)
            current = min(width, height)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, current * factor)))

    def fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def print_on_paper(self) -> None:
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if print_document(self.document, self.printer):
            self.printed.emit(self.printer.printerName())
            self.accept()

    def save_as_pdf(self) -> None:
        target = file_dialogs.save_path(
            self, self.tr("另存为 PDF"), "pdf", f"{self.file_name}.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(f"{target.name}.pdf")
        try:
            shutil.copyfile(self.path, target)
        except OSError as error:
            self.info_label.setText(
                self.tr("没有保存 {path}：{reason}").format(
                    path=target, reason=file_error_text(error)
                )
            )
            self.info_label.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        self.printed.emit(str(target))
        self.accept()
