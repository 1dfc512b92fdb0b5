"""Units and enterprise cases for the Form B tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from db.models import Case, Unit


@dataclass
class World:
    lixia: int  # 历下区 centre
    shizhong: int  # 市中区 centre
    window_case: int  # enterprise case at the 历下 window
    online_case: int  # enterprise case applied fully online, accepted by 历下, enterprise in 市中
    person_case: int  # not an enterprise


def make_world(session) -> World:
    lixia = Unit(name="历下区不动产登记中心", district="历下区")
    shizhong = Unit(name="市中区不动产登记中心", district="市中区")
    session.add_all([lixia, shizhong])
    session.flush()

    def case(no: str, **values) -> int:
        row = Case(case_no=no, unit_id=lixia.id, completed_on=date(2026, 8, 18), **values)
        session.add(row)
        session.flush()
        return row.id

    return World(
        lixia=lixia.id,
        shizhong=shizhong.id,
        window_case=case(
            "JN20260818000000",
            is_enterprise=True,
            enterprise_name="济南泉城置业发展有限公司",
            business_type="转移登记",
            district="历下区",
            channel="window",
            steps=4,
            days=3,
            registration_fee_fen=8000,
            deed_tax_fen=1234550,
            stamp_duty_fen=500,
        ),
        online_case=case(
            "JN20260818000001",
            is_enterprise=True,
            enterprise_name="济南趵突泉商贸有限公司",
            district="市中区",
            channel="online",
        ),
        person_case=case("JN20260818000002", applicant="张三"),
    )


@pytest.fixture
def world(any_db):
    with any_db.sessions.begin() as session:
        return make_world(session)
