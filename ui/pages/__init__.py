"""The pages of the main window, in the order of the navigation list.

A new page is a `Page` subclass plus one entry here; the window builds the navigation, the
shortcuts (Ctrl+1, Ctrl+2, …) and the page stack from this list. A page's module is imported
and the page built only when it is first shown: the window comes up without the others.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QStyle

if TYPE_CHECKING:
    from db.database import Database
    from ui.pages.page import Page


@dataclass(frozen=True)
class PageEntry:
    title: str  # the Chinese source text, translated in the context "Pages"
    icon: QStyle.StandardPixmap
    page_class: str  # "module:Class", imported when the page is first built

    def translated_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)

    def build(self, database: Database) -> Page:
        module, name = self.page_class.split(":")
        return getattr(importlib.import_module(module), name)(database)


PAGES: tuple[PageEntry, ...] = (
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "回访工作台"),
        QStyle.StandardPixmap.SP_DialogYesButton,
        "ui.pages.call_desk_page:CallDeskPage",
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "督办看板"),
        QStyle.StandardPixmap.SP_FileDialogListView,
        "ui.pages.board_page:BoardPage",
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "案件查询"),
        QStyle.StandardPixmap.SP_FileDialogInfoView,
        "ui.pages.case_list_page:CaseListPage",
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "导入数据"),
        QStyle.StandardPixmap.SP_DialogOpenButton,
        "ui.pages.import_page:ImportPage",
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "统计报表"),
        QStyle.StandardPixmap.SP_FileDialogDetailedView,
        "ui.pages.statistics_page:StatisticsPage",
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "企业回访"),
        QStyle.StandardPixmap.SP_FileDialogContentsView,
        "ui.pages.enterprise_page:EnterprisePage",
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "扫描归档"),
        QStyle.StandardPixmap.SP_DriveFDIcon,
        "ui.pages.scanning_page:ScanningPage",
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "社会监督"),
        QStyle.StandardPixmap.SP_FileDialogStart,
        "ui.pages.supervision_page:SupervisionPage",
    ),
    PageEntry(
        QT_TRANSLATE_NOOP("Pages", "录音质检"),
        QStyle.StandardPixmap.SP_MediaVolume,
        "ui.pages.quality_page:QualityPage",
    ),
)
