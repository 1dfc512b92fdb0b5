"""The social-supervision records (issue 21) travel in sync files: a value none of their codes
allows is refused there as the other tables' are (app.sync.checks.domain_rules)."""

from __future__ import annotations

import pytest

from app.sync.checks import Invalid, domain_rules


@pytest.mark.parametrize(
    ("table", "column", "good", "bad"),
    [
        ("satisfaction_surveys", "environment", "satisfied", "super"),
        ("satisfaction_surveys", "overall", "dissatisfied", "=1+1"),
        ("satisfaction_surveys", "age_band", "51_up", "over_90"),
        ("satisfaction_surveys", "channels", ["community", "internet"], ["tv"]),
        ("satisfaction_surveys", "channels", [], ["internet", "internet"]),
        ("satisfaction_surveys", "channels", ["other"], "internet"),
        ("suggestion_box_checks", "source", "book", "drawer"),
        ("suggestion_box_checks", "slip_count", 0, -1),
        ("suggestion_slips", "kind", "criticism", "threat"),
        ("outlet_assessments", "kind", "authority", "self"),
        ("outlet_assessments", "grade", "excellent", "A+"),
        ("outlet_assessment_scores", "score_tenths", 0, -10),
        ("commendations", "source", "slip", "rumour"),
    ],
)
def test_codes_the_supervision_tables_do_not_know_are_refused(table, column, good, bad):
    rule = domain_rules()[table, column]
    rule(good)
    with pytest.raises(Invalid):
        rule(bad)
