"""The pages of the main window, in the order of the navigation list.

A new page is a `Page` subclass plus one entry here; the window builds the navigation, the
shortcuts (Ctrl+1, Ctrl+2, …) and the page stack from this list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QStyle

from db.database import Database
from ui.pages.board_page import BoardPage
from ui.pages.call_desk_page import CallDeskPage
from ui.pages.enterprise_page import EnterprisePage
from ui.pages.import_page import ImportPage
from ui.pages.page import Page
from ui.pages.scanning_page import ScanningPage
from ui.pages.statistics_page import StatisticsPage


@dataclass(frozen=True)
class PageEntry:
    title: str  # the Chinese source text, translated in the context "Pages"
    icon: QStyle.StandardPixmap
    factory: Callable[[Database], Page]

    def translated_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)


PAGES: tuple[PageEntry, ...] = (
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "回访工作台"),
        QStyle.StandardPixmap.SP_DialogYesButton,
        CallDeskPage,
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "督办看板"),
        QStyle.StandardPixmap.SP_FileDialogListView,
        BoardPage,
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "导入数据"),
        QStyle.StandardPixmap.SP_DialogOpenButton,
        ImportPage,
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "统计报表"),
        QStyle.StandardPixmap.SP_FileDialogDetailedView,
        StatisticsPage,
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "企业回访"),
        QStyle.StandardPixmap.SP_FileDialogContentsView,
        EnterprisePage,
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "扫描归档"),
        QStyle.StandardPixmap.SP_DriveFDIcon,
        ScanningPage,
    ),
)
