"""社会监督 (social supervision, W 7.1.3 and 7.2): who is at the seat, then the outlet's other
supervision beside the phone revisits — the satisfaction surveys (附录 E), the suggestion box and
book, the outlet assessment (附录 G) and commendations (J 5.5).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.roles import Permission
from app.staff import StaffMember
from ui.pages.seat_tabs_page import SeatTabsPage
from ui.supervision.assessment_tab import AssessmentTab
from ui.supervision.commendations_tab import CommendationsTab
from ui.supervision.suggestion_box_tab import SuggestionBoxTab
from ui.supervision.surveys_tab import SurveysTab


class SupervisionPage(SeatTabsPage):
    CONTEXT = "SupervisionPage"
    TABS = (
        (SurveysTab, QT_TRANSLATE_NOOP("SupervisionPage", "满意度调查")),
        (SuggestionBoxTab, QT_TRANSLATE_NOOP("SupervisionPage", "意见箱（簿）")),
        (AssessmentTab, QT_TRANSLATE_NOOP("SupervisionPage", "网点考核")),
        (CommendationsTab, QT_TRANSLATE_NOOP("SupervisionPage", "表扬")),
    )

    def hint(self, person: StaffMember | None) -> str:
        if person is None:
            return self.tr("请选择您的姓名：录入和考核按您的角色办理。")
        if person.may(Permission.ASSESS_OUTLETS):
            return self.tr("可录入调查表、意见条和表扬，并考核网点、评选先进。")
        if person.may(Permission.RECORD_FEEDBACK):
            return self.tr("可录入调查表、意见箱检查、意见条和表扬；网点考核须由组长办理。")
        return self.tr("可查看；录入和考核须由回访员、组长或管理员办理。")
