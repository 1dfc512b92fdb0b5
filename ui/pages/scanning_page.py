"""The scanning page (扫描归档): stamped Form B pages in, filed to their cases by QR code.

Scans come by drag and drop, the file dialog (Ctrl+O), a watched folder (remembered per seat)
or a SANE scanner (Ctrl+Shift+S). A page whose code names a case is filed at once; any other
waits in the tray, shown beside the cases it may belong to: search, choose, 归档到此业务件
(Ctrl+Enter), or 丢弃此页. The viewer zooms (Ctrl+= / Ctrl+- / Ctrl+0), rotates (Ctrl+R) and
turns the tray's pages (PgUp / PgDn). A file that is not a scan is refused with its reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.enterprise.forms import status_label
from app.file_errors import file_error_text
from app.scanning import scanner
from app.scanning.files import ScanRefused
from app.scanning.filing import (
    AddResult,
    CandidateCase,
    TrayPage,
    add_scan,
    candidates,
    discard_page,
    file_page,
    page_image,
    unmatched_pages,
)
from app.scanning.inbox import import_folder
from db.database import Database
from ui import file_dialogs, preferences
from ui.current_user import working_here
from ui.desk.display import ERROR_COLOR, local_time
from ui.operations import Operation, Progress, Work, operation
from ui.pages.page import Page
from ui.scanning.viewer import ScanViewer

logger = logging.getLogger(__name__)

SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
INFO_STYLE = "color: #1a5fb4;"
WARNING_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"
FILE_PATTERNS = "*.pdf *.png *.jpg *.jpeg *.tif *.tiff"
# A scanner writes a file over some seconds; the folder is read once it has been quiet.
FOLDER_QUIET_MS = 2500
SEARCH_DELAY_MS = 250


def ask_for_scanner(_progress: Progress) -> bool:
    """Whether SANE finds a scanner (it looks for network scanners for seconds)."""
    try:
        return scanner.sane_available()
    except Exception:  # a broken SANE backend must not stop the panel
        logger.exception("Could not ask SANE for scanners")
        return False


@dataclass
class FolderImport:
    results: list[AddResult]
    refused: list[tuple[Path, str]]
    failed: list[tuple[Path, str]]


def to_qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()


class ScanningPage(Page):
    scans_added = Signal()  # files were added (or refused) and the outcome shows
    tray_loaded = Signal()  # the tray on screen is up to date
    candidates_shown = Signal()
    page_filed = Signal()  # a tray page was filed or discarded
    operation_finished = Signal()

    # Whether a scanner can be used: asked once a session, one question at a time, whichever
    # pages wait for the answer.
    scanner_available: bool | None = None
    _asking_for_scanner: Operation | None = None

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.setAcceptDrops(True)
        self._loaded = False
        self._busy = 0
        self._folder_import_running = False
        self._folder_import_again = False
        self.tray: list[TrayPage] = []
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self.folder_timer = QTimer(self)
        self.folder_timer.setSingleShot(True)
        self.folder_timer.setInterval(FOLDER_QUIET_MS)
        self.folder_timer.timeout.connect(self.import_watched_folder)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search)
        self._build()
        self._add_shortcuts()
        self._restore_folder()
        self._update_enabled()

    # Building

    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("添加扫描文件(&O)…"))
        self.add_button.setToolTip(self.tr("选择 PDF、PNG、JPEG 或 TIFF 扫描文件（Ctrl+O）"))
        self.add_button.clicked.connect(self.choose_files)
        self.scan_button = QPushButton(self.tr("从扫描仪扫描"))
        self.scan_button.setEnabled(False)
        self.scan_button.setToolTip(self.tr("正在查找扫描仪…"))
        self.scan_button.clicked.connect(self.scan_from_scanner)
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("未设置"))
        folder_label = QLabel(self.tr("监视文件夹："))
        folder_label.setBuddy(self.folder_edit)
        self.folder_button = QPushButton(self.tr("选择文件夹…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.watch_check = QCheckBox(self.tr("监视"))
        self.watch_check.setToolTip(
            self.tr("扫描仪存入此文件夹的文件自动添加；处理后移到 done/ 或 refused/ 子文件夹")
        )
        self.watch_check.toggled.connect(self._watch_toggled)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.scan_button)
        top.addSpacing(16)
        top.addWidget(folder_label)
        top.addWidget(self.folder_edit, 1)
        top.addWidget(self.folder_button)
        top.addWidget(self.watch_check)

        self.message_label = QLabel(
            self.tr("把扫描文件拖到这里即可添加。带二维码的反馈单自动归档到业务件。")
        )
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setStyleSheet(INFO_STYLE)

        # The tray: pages waiting for a case
        self.tray_list = QListWidget()
        self.tray_list.setWordWrap(True)
        self.tray_list.setAlternatingRowColors(True)
        self.tray_list.currentRowChanged.connect(self._tray_page_chosen)
        self.tray_box = QGroupBox()
        tray_layout = QVBoxLayout(self.tray_box)
        tray_layout.addWidget(self.tray_list)
        self.log_list = QListWidget()
        self.log_list.setWordWrap(True)
        log_box = QGroupBox(self.tr("本次添加"))
        QVBoxLayout(log_box).addWidget(self.log_list)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.tray_box)
        left.addWidget(log_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        self.viewer = ScanViewer()
        self.viewer.page_turned.connect(self.turn_page)

        # Filing the page on screen
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("业务编号、企业名称或申请人"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.search)
        search_label = QLabel(self.tr("查找业务件(&D)："))
        search_label.setBuddy(self.search_edit)
        self.candidate_list = QListWidget()
        self.candidate_list.setWordWrap(True)
        self.candidate_list.setAlternatingRowColors(True)
        self.candidate_list.itemDoubleClicked.connect(lambda _item: self.file_current_page())
        self.candidate_list.currentRowChanged.connect(self._update_enabled)
        self.file_button = QPushButton(self.tr("归档到此业务件"))
        self.file_button.setToolTip(self.tr("把当前页归档到选中的业务件（Ctrl+Enter）"))
        self.file_button.setStyleSheet("QPushButton { font-weight: bold; padding: 5px 12px; }")
        self.file_button.clicked.connect(self.file_current_page)
        self.discard_button = QPushButton(self.tr("丢弃此页"))
        self.discard_button.setToolTip(
            self.tr("空白页或无关的页：移出待匹配区（文件仍保留）（Ctrl+Delete）")
        )
        self.discard_button.clicked.connect(self.discard_current_page)
        self.page_info = QLabel()
        self.page_info.setWordWrap(True)
        self.page_info.setStyleSheet("color: #555555;")
        match_box = QGroupBox(self.tr("匹配业务件"))
        match_layout = QVBoxLayout(match_box)
        match_layout.addWidget(self.page_info)
        match_layout.addWidget(search_label)
        match_layout.addWidget(self.search_edit)
        match_layout.addWidget(self.candidate_list, 1)
        match_layout.addWidget(self.file_button)
        match_layout.addWidget(self.discard_button)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.viewer)
        splitter.addWidget(match_box)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([230, 540, 360])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(splitter, 1)

    def _add_shortcuts(self) -> None:
        bindings: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+O", self.choose_files),
            ("Ctrl+Shift+S", self.scan_from_scanner),
            ("Ctrl+Return", self.file_current_page),
            ("Ctrl+Enter", self.file_current_page),
            ("Ctrl+Delete", self.discard_current_page),
            ("Ctrl+F", self.search_edit.setFocus),
            ("F5", self.load_tray),
        ]
        self.shortcuts = self.add_window_shortcuts(bindings)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.load_tray()
            self._probe_scanner()
            if self.watch_check.isChecked():
                self.import_watched_folder()

    # Adding scans

    def choose_files(self) -> None:
        watched = self.folder_edit.text().strip()
        paths = file_dialogs.open_paths(
            self,
            self.tr("选择扫描文件"),
            "scans",
            self.tr("扫描文件 ({patterns})").format(patterns=FILE_PATTERNS),
            folder=Path(watched) if watched else None,
        )
        if paths:
            self.add_files(paths, "dialog")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths, "drop")

    def add_files(self, paths: list[Path], source: str) -> None:
        """Add each file in the background; each is its own transaction (add_scan's)."""
        database, operator = self.database, working_here()

        def add(_session: Session, progress: Progress) -> list[tuple[str, Any]]:
            outcomes: list[tuple[str, Any]] = []
            for done, path in enumerate(paths):
                progress(done, len(paths))
                try:
                    data = path.read_bytes()
                    outcomes.append(
                        (
                            path.name,
                            add_scan(database, data, path.name, source=source, operator=operator),
                        )
                    )
                except ScanRefused as refused:
                    outcomes.append((path.name, refused.message))
                except OSError as error:
                    outcomes.append(
                        (
                            path.name,
                            self.tr("无法读取文件：{reason}").format(reason=file_error_text(error)),
                        )
                    )
            return outcomes

        self.show_message(self.tr("正在添加 {count} 个文件…").format(count=len(paths)), INFO_STYLE)
        self._action(
            operation(self, self.database, add)
            .on_success(self._show_added)
            .on_failure(self._show_problem)
        ).run()

    def _show_added(self, outcomes: list[tuple[str, Any]]) -> None:
        lines, problems = [], []
        for name, outcome in outcomes:
            if isinstance(outcome, AddResult):
                line = f"{name}：{outcome.message}"
                lines.append(line)
                self._log(line, ok=True)
            else:
                line = self.tr("{file} 未添加：{reason}").format(file=name, reason=outcome)
                problems.append(line)
                self._log(line, ok=False)
        self.show_message("\n".join(problems + lines), WARNING_STYLE if problems else SUCCESS_STYLE)
        if any(isinstance(o, AddResult) for _n, o in outcomes):
            self.data_changed.emit()
        self.scans_added.emit()
        self.load_tray()

    def _log(self, text: str, *, ok: bool) -> None:
        item = QListWidgetItem(text)
        if not ok:
            item.setForeground(Qt.GlobalColor.darkRed)
        self.log_list.insertItem(0, item)

    # The scanner

    def _probe_scanner(self) -> None:
        if ScanningPage.scanner_available is not None:
            self._scanner_probed(ScanningPage.scanner_available)
            return
        if ScanningPage._asking_for_scanner is None:
            # Asked once for the whole application, whichever page goes away first; every page
            # waiting hears the answer, and it is forgotten once given.
            asking = (
                operation(QCoreApplication.instance(), None, ask_for_scanner)
                .on_success(_remember_scanner)
                .on_finish(_forget_scanner_question)
                .run()
            )
            ScanningPage._asking_for_scanner = asking
        ScanningPage._asking_for_scanner.on_success(self._scanner_probed)

    def _scanner_probed(self, available: bool) -> None:
        self.scan_button.setEnabled(available)
        self.scan_button.setToolTip(
            self.tr("扫描放在扫描仪上的全部页（Ctrl+Shift+S）")
            if available
            else self.tr(
                "没有可用的扫描仪：未安装扫描仪支持（python-sane）或未连接扫描仪。"
                "可以拖放文件、选择文件或使用监视文件夹。"
            )
        )

    def scan_from_scanner(self) -> None:
        if not self.scan_button.isEnabled() or self._busy:
            return
        database, operator = self.database, working_here()

        def scan(_session: Session, _progress: Progress) -> list[tuple[str, Any]]:
            name = scanner.scan_filename()
            try:
                data = scanner.pages_to_tiff(scanner.scan_pages())
                return [(name, add_scan(database, data, name, source="scanner", operator=operator))]
            except (scanner.ScannerUnavailable, ScanRefused) as problem:
                return [(name, problem.message)]

        self.show_message(self.tr("正在扫描…"), INFO_STYLE)
        self._action(
            operation(self, self.database, scan)
            .on_success(self._show_added)
            .on_failure(self._show_problem)
        ).run()

    # The watched folder

    def _restore_folder(self) -> None:
        folder = preferences.WATCHED_FOLDER.get()
        self.folder_edit.setText(folder)
        self.watch_check.blockSignals(True)
        self.watch_check.setChecked(bool(folder) and preferences.WATCHING.get())
        self.watch_check.blockSignals(False)
        self._watch()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择扫描仪存放文件的文件夹"), self.folder_edit.text()
        )
        if folder:
            self.set_watched_folder(Path(folder))

    def set_watched_folder(self, folder: Path | None, watching: bool = True) -> None:
        """Remember the folder for this seat and start (or stop) watching it."""
        preferences.WATCHED_FOLDER.set(str(folder) if folder else None)
        self.folder_edit.setText(str(folder) if folder else "")
        self.watch_check.setChecked(watching and folder is not None)
        self._watch_toggled(self.watch_check.isChecked())

    def _watch_toggled(self, watching: bool) -> None:
        preferences.WATCHING.set(watching)
        self._watch()
        if watching:
            self.import_watched_folder()

    def _watch(self) -> None:
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        folder = self.folder_edit.text()
        if self.watch_check.isChecked() and folder:
            if Path(folder).is_dir():
                self.watcher.addPath(folder)
            else:
                self.show_message(
                    self.tr("监视文件夹不存在：{folder}").format(folder=folder), WARNING_STYLE
                )

    def _folder_changed(self, _path: str) -> None:
        self.folder_timer.start()  # again and again while files arrive

    def import_watched_folder(self) -> None:
        folder = self.folder_edit.text()
        if not (self.watch_check.isChecked() and folder and Path(folder).is_dir()):
            return
        if self._folder_import_running:
            self._folder_import_again = True
            return
        self._folder_import_running = True
        database = self.database

        def read_folder(_session: Session, _progress: Progress) -> FolderImport:
            refused: list[tuple[Path, str]] = []
            failed: list[tuple[Path, str]] = []
            results = import_folder(database, Path(folder), refused=refused, failed=failed)
            return FolderImport(results, refused, failed)

        (
            operation(self, self.database, read_folder)
            .on_success(self._folder_imported)
            .on_failure(self._show_problem)
            .on_finish(self._folder_import_done)
            .on_finish(self.operation_finished)
            .run()
        )

    def _folder_import_done(self) -> None:
        self._folder_import_running = False
        if self._folder_import_again:
            self._folder_import_again = False
            self.folder_timer.start()  # files that arrived meanwhile, once they are complete

    def _folder_imported(self, outcome: FolderImport) -> None:
        if outcome.results or outcome.refused or outcome.failed:
            problems = [
                self.tr("{file} 未添加：{reason}").format(file=path.name, reason=reason)
                for path, reason in (*outcome.refused, *outcome.failed)
            ]
            lines = [f"{result.filename or ''}：{result.message}" for result in outcome.results]
            for line in lines:
                self._log(line, ok=True)
            for line in problems:
                self._log(line, ok=False)
            self.show_message(
                "\n".join(problems + lines), WARNING_STYLE if problems else SUCCESS_STYLE
            )
            if outcome.results:
                self.data_changed.emit()
            self.load_tray()
        self.scans_added.emit()

    # The tray

    def load_tray(self) -> None:
        def load(session: Session, _progress: Progress) -> list[TrayPage]:
            return unmatched_pages(session)

        (
            operation(self, self.database, load)
            .on_success(self._show_tray)
            .on_failure(self._show_problem)
            .on_finish(self.operation_finished)
            .run()
        )

    def _show_tray(self, pages: list[TrayPage]) -> None:
        current = self.current_page()
        self.tray = pages
        self.tray_box.setTitle(self.tr("待匹配 ({count})").format(count=len(pages)))
        self.tray_list.blockSignals(True)
        self.tray_list.clear()
        for page in pages:
            title = self.tr("{file} 第 {page}/{pages} 页").format(
                file=page.filename or self.tr("扫描件"), page=page.page_index + 1, pages=page.pages
            )
            item = QListWidgetItem(f"{title} · {local_time(page.added_at, '%m-%d %H:%M')}")
            tip = self.tr("添加于 {at}").format(at=local_time(page.added_at))
            if page.qr_text:
                tip += "\n" + self.tr("读到的二维码：{text}").format(text=page.qr_text)
            item.setToolTip(tip)
            self.tray_list.addItem(item)
        self.tray_list.blockSignals(False)
        keys = [(p.attachment_id, p.page_index) for p in pages]
        if current is not None and (current.attachment_id, current.page_index) in keys:
            row = keys.index((current.attachment_id, current.page_index))
        else:
            row = 0 if pages else -1
        self.tray_list.setCurrentRow(row)
        if row == -1 or current is None:
            self._tray_page_chosen(row)
        self._update_enabled()
        self.tray_loaded.emit()

    def current_page(self) -> TrayPage | None:
        row = self.tray_list.currentRow()
        return self.tray[row] if 0 <= row < len(self.tray) else None

    def turn_page(self, step: int) -> None:
        if self.tray:
            row = max(0, min(len(self.tray) - 1, self.tray_list.currentRow() + step))
            self.tray_list.setCurrentRow(row)

    def _tray_page_chosen(self, row: int) -> None:
        page = self.current_page()
        self._update_enabled()
        if page is None:
            self.viewer.show_image(None)
            self.page_info.setText(self.tr("待匹配区是空的。"))
            return
        self.page_info.setText(
            self.tr("未能从这一页识别业务件。请查找并选择它所属的业务件。")
            if not page.qr_text
            else self.tr("这一页的二维码不是有效的回访单编码：{text}").format(text=page.qr_text)
        )
        database, attachment_id, index = self.database, page.attachment_id, page.page_index
        position = self.tr("第 {row}/{count} 页").format(row=row + 1, count=len(self.tray))

        def render(_session: Session, _progress: Progress) -> QImage:
            return to_qimage(page_image(database, attachment_id, index))

        def rendered(image: QImage) -> None:
            if self.current_page() is page:
                self.viewer.show_image(image, position)

        (
            operation(self, self.database, render)
            .on_success(rendered)
            .on_failure(self._show_problem)
            .on_finish(self.operation_finished)
            .run()
        )

    # Filing from the tray

    def search(self) -> None:
        self.search_timer.stop()
        text = self.search_edit.text()

        def find(session: Session, _progress: Progress) -> list[CandidateCase]:
            return candidates(session, text)

        (
            operation(self, self.database, find)
            .on_success(self._show_candidates)
            .on_failure(self._show_problem)
            .on_finish(self.operation_finished)
            .run()
        )

    def _show_candidates(self, found: list[CandidateCase]) -> None:
        self.candidate_list.clear()
        for case_ in found:
            first = f"{case_.case_no}  {case_.completed_on.isoformat()}"
            if case_.form_b_status:
                first += "  " + status_label(case_.form_b_status)
            item = QListWidgetItem(f"{first}\n{case_.enterprise_name or case_.applicant or ''}")
            item.setToolTip(case_.unit)
            item.setData(Qt.ItemDataRole.UserRole, case_.case_no)
            self.candidate_list.addItem(item)
        if found:
            self.candidate_list.setCurrentRow(0)
        self._update_enabled()
        self.candidates_shown.emit()

    def chosen_case_no(self) -> str | None:
        item = self.candidate_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def file_current_page(self) -> None:
        page, case_no = self.current_page(), self.chosen_case_no()
        if page is None or case_no is None or self._busy:
            return
        operator = working_here() or ""

        def store(session: Session, _progress: Progress) -> None:
            file_page(session, page.attachment_id, page.page_index, case_no, operator)

        self._tray_step(store, self.tr("已归档到业务件 {case_no}。").format(case_no=case_no))

    def discard_current_page(self) -> None:
        page = self.current_page()
        if page is None or self._busy:
            return
        operator = working_here() or ""

        def store(session: Session, _progress: Progress) -> None:
            discard_page(session, page.attachment_id, page.page_index, operator)

        self._tray_step(store, self.tr("已丢弃这一页（文件仍保留）。"))

    def _tray_step(self, work: Work, message: str) -> None:
        def done(_result: None) -> None:
            self.show_message(message, SUCCESS_STYLE)
            self._log(message, ok=True)
            self.search_edit.clear()
            self.candidate_list.clear()
            self.data_changed.emit()
            self.page_filed.emit()
            self.load_tray()

        self._action(
            operation(self, self.database, work).on_success(done).on_failure(self._show_problem)
        ).run()

    # Background work

    def _action(self, step: Operation) -> Operation:
        """A step the person took: adding and filing wait until it is done."""
        self._busy += 1
        self._update_enabled()
        return step.on_finish(self._action_done)

    def _action_done(self) -> None:
        self._busy -= 1
        self._update_enabled()
        self.operation_finished.emit()

    def _update_enabled(self) -> None:
        idle = not self._busy
        has_page = self.current_page() is not None
        self.file_button.setEnabled(
            idle and has_page and self.candidate_list.currentItem() is not None
        )
        self.discard_button.setEnabled(idle and has_page)
        self.add_button.setEnabled(idle)

    def _show_problem(self, problem: Exception) -> None:
        text = getattr(problem, "message", None) or str(problem)
        self.show_message(text, WARNING_STYLE)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)


def _remember_scanner(available: bool) -> None:
    ScanningPage.scanner_available = available


def _forget_scanner_question() -> None:
    ScanningPage._asking_for_scanner = None
