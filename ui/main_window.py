"""The main window: navigation on the left, the chosen page on the right, the database below."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from ui import preferences
from ui.navigation_keys import KEY_ROLE, PageKeyDelegate, key_width
from ui.pages import PAGES
from ui.translations import use_language

if TYPE_CHECKING:
    from db.database import Database
    from ui.pages.page import Page

# The window's frame is shown before SQLAlchemy is loaded (ui.start_up): what needs the database
# (its status, the pages, the idle lock, the bar about next year) is imported where it is built.

# Fits a 1366×768 screen with the window frame and a task bar; on a screen that small the window
# opens maximised the first time, so that every page has the whole width.
DEFAULT_SIZE = QSize(1280, 680)
MAXIMISED_BELOW_WIDTH = 1440
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}  # each in its own language, never translated


class MainWindow(QMainWindow):
    def __init__(self, database: Database | None, language: str) -> None:
        """The window on `database`; without one (None), its frame only — title, menus, the
        pages' names — shown while the database opens, until `attach` (ui.application)."""
        super().__init__()
        self.database = database
        self.language = language
        self.idle_lock = None
        self.resize(DEFAULT_SIZE)
        self._build()
        if database is not None:
            self._lock_when_idle()

    def attach(self, database: Database) -> None:
        """Work on `database`: the frame gets its pages, its status and the rest."""
        self.database = database
        self._build()
        self._lock_when_idle()

    def _lock_when_idle(self) -> None:
        from ui.idle_lock import IdleLock

        # Locks the window after the setting's minutes without input (nobody logged in: never).
        self.idle_lock = IdleLock(self, self.database)

    def _build(self) -> None:
        """Build everything that shows text, in the current language (again after a switch)."""
        self.setWindowTitle(self.tr("回访台 RevisitDesk"))
        if self.database is None:  # the frame: the database is still opening
            self.status = None
            self.setStatusBar(QStatusBar())
            self.statusBar().showMessage(self.tr("正在打开数据库…"))
        else:
            from ui.database_status import DatabaseStatus

            self.status = DatabaseStatus(self.database)
            self.setStatusBar(self.status)  # replaces and deletes the previous one
        self.setMenuBar(self._build_menus())

        self.navigation = QListWidget()
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setSpacing(2)
        self.stack = QStackedWidget()
        # Each page is built when it is first shown; until then an empty widget holds its place.
        self._pages: list[Page | None] = [None] * len(PAGES)
        central = QWidget()
        for number, entry in enumerate(PAGES, start=1):
            self.stack.addWidget(QWidget())
            item = QListWidgetItem(self.style().standardIcon(entry.icon), entry.translated_title())
            item.setSizeHint(QSize(0, 36))
            self.navigation.addItem(item)
            if number <= 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), central)
                shortcut.activated.connect(
                    lambda row=number - 1: self.navigation.setCurrentRow(row)
                )
                item.setToolTip(shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
                item.setData(KEY_ROLE, item.toolTip())  # drawn beside the name, in grey
        if self.database is None:  # the first page's name marked, its page built on attach
            self.navigation.setCurrentRow(0)
        self.navigation.currentRowChanged.connect(self.show_page)
        self.navigation.setCurrentRow(0)
        widest = max(self.fontMetrics().horizontalAdvance(e.translated_title()) for e in PAGES)
        self.navigation.setItemDelegate(PageKeyDelegate(self.navigation))
        self.navigation.setFixedWidth(
            widest + self.navigation.iconSize().width() + 48 + key_width(self.navigation)
        )

        outer = QVBoxLayout(central)
        if self.database is not None:
            from ui.calendar.next_year_bar import NextYearBar

            # From November on, a bar above the pages while next year is not in the calendar.
            self.next_year_bar = NextYearBar(self.database)
            self.next_year_bar.open_calendar.connect(self.open_calendar)
            outer.addWidget(self.next_year_bar)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(layout, 1)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)  # replaces and deletes the previous one
        if self.database is not None:
            self.status.refresh()
            self.next_year_bar.check()

    def open_calendar(self, year: int | None = None) -> None:
        from ui.calendar.calendar_dialog import open_calendar

        open_calendar(self, year)

    def page(self, row: int) -> Page:
        """The page at `row` of the navigation, built the first time it is asked for."""
        page = self._pages[row]
        if page is None:
            page = PAGES[row].build(self.database)
            page.data_changed.connect(self.status.refresh)
            self._pages[row] = page
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if self.stack.currentWidget() is placeholder:
                self.stack.setCurrentWidget(page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return page

    @property
    def pages(self) -> list[Page]:
        """Every page, in navigation order, building those not shown yet."""
        return [self.page(row) for row in range(len(PAGES))]

    def built_pages(self) -> list[Page]:
        """The pages built so far: what holds state (a case on the desk) is among them."""
        return [page for page in self._pages if page is not None]

    def show_page(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.page(row))

    def _build_menus(self) -> QMenuBar:
        menus = QMenuBar()
        # The file and admin menus bring the modules of backups, sync and people with their
        # dialogs: they are filled when first opened, not while the window comes up.
        file_menu = menus.addMenu(self.tr("文件(&F)"))
        quit_action = QAction(self.tr("退出(&X)"), menus)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)  # Ctrl+Q before the menu was ever opened
        _fill_when_first_shown(file_menu, lambda: self._fill_file_menu(file_menu, quit_action))

        settings_menu = menus.addMenu(self.tr("设置(&S)"))
        settings_menu.addAction(self.tr("设置(&S)…")).triggered.connect(self.open_settings)
        language_menu = settings_menu.addMenu(self.tr("语言(&L)"))
        group = QActionGroup(language_menu)
        self.language_actions: dict[str, QAction] = {}
        for language, name in LANGUAGE_NAMES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(language == self.language)
            action.triggered.connect(lambda _checked, chosen=language: self.switch_language(chosen))
            group.addAction(action)
            self.language_actions[language] = action

        admin_menu = menus.addMenu(self.tr("管理(&M)"))
        _fill_when_first_shown(admin_menu, lambda: self._fill_admin_menu(admin_menu))

        help_menu = menus.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.tr("关于回访台(&A)")).triggered.connect(self.show_about)
        return menus

    def _fill_file_menu(self, file_menu: QMenu, quit_action: QAction) -> None:
        from ui.backup.actions import add_backup_actions
        from ui.sync.actions import add_sync_actions

        add_backup_actions(file_menu, self)
        file_menu.addSeparator()
        sync_menu = file_menu.addMenu(self.tr("网点同步(&Y)"))
        add_sync_actions(sync_menu, self).data_changed.connect(self._data_changed_elsewhere)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

    def _fill_admin_menu(self, admin_menu: QMenu) -> None:
        from ui.admin.actions import add_admin_actions

        add_admin_actions(admin_menu, self)

    def open_settings(self) -> None:
        from ui.settings.settings_dialog import open_settings

        open_settings(self, self.database)

    def _data_changed_elsewhere(self) -> None:
        """Records arrived from outside the pages (a sync file): show the counts anew."""
        self.status.refresh()

    def switch_language(self, language: str) -> None:
        """Save the choice, load its translations and rebuild the window's contents."""
        if language == self.language:
            return
        from ui import operations

        if operations.busy():
            # The pages and their running work would be rebuilt away under it.
            self.language_actions[self.language].setChecked(True)
            self.statusBar().showMessage(self.tr("请等当前操作完成后再切换语言。"), 5000)
            return
        preferences.save_language(language)
        use_language(language)
        self.language = language
        self.rebuild()

    def rebuild(self) -> None:
        """Build the pages and menus again on the page shown: after a change of language or of
        the person at the seat (what they may see and do)."""
        page = self.navigation.currentRow()
        self._build()
        self.navigation.setCurrentRow(page)

    def show_about(self) -> None:
        from app.version import app_version

        version = app_version()
        built = (
            self.tr("{day} 构建").format(day=version.built_on)
            if version.built_on
            else self.tr("从源代码运行")
        )
        QMessageBox.about(
            self,
            self.tr("关于回访台"),
            self.tr(
                "<h3>回访台 RevisitDesk</h3>"
                "<p>版本 {version}（{built}）</p>"
                "<p>不动产登记业务办结后的回访、不满意跟进和季度考核。</p>"
                "<p>数据库：{url}</p>"
                "<p>随附的组件及其许可证（Qt 为 LGPL-3.0，文泉驿微米黑字体为 Apache-2.0 或 "
                "GPLv3）见程序文件夹中的 LICENSES.md。</p>"
            ).format(
                version=html.escape(version.number),
                built=html.escape(built),
                url=html.escape(self.database.display_url()),
            ),
        )

    def show_where_left(self) -> None:
        """Show the window where and as large as it was last closed; the first time maximised on
        a small screen (1366×768), else at its default size."""
        saved = preferences.WINDOW_GEOMETRY.get()
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.show()
            return
        screen = self.screen().availableGeometry()
        if screen.width() < MAXIMISED_BELOW_WIDTH:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        preferences.WINDOW_GEOMETRY.set(bytes(self.saveGeometry().toBase64()).decode("ascii"))
        # Work under way is cancelled rather than cut off: an import is rolled back, a backup
        # leaves no half-written file.
        from ui import operations

        operations.cancel_and_wait()
        event.accept()


def _fill_when_first_shown(menu: QMenu, fill: Callable[[], None]) -> None:
    def fill_once() -> None:
        menu.aboutToShow.disconnect(fill_once)
        fill()

    menu.aboutToShow.connect(fill_once)
