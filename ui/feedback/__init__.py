"""Feedback to the units and staff assessment (J 5.4.4): the team lead's tabs."""

from ui.feedback.assessment_tab import AssessmentTab
from ui.feedback.unit_feedback_tab import UnitFeedbackTab

__all__ = ["AssessmentTab", "UnitFeedbackTab"]
