"""A 差评's process and its appeal evidence travel from an outlet to the centre in sync files,
with the evidence's bytes, and the next step follows in the next file."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.bad_reviews import process as p
from app.bad_reviews.evidence import EvidenceFile
from app.scanning.store import AttachmentStore
from app.sync import export_changes, import_sync_file
from db.models import Attachment, BadReview, BadReviewEvidence, Staff
from tests.callbacks import helpers as h
from tests.callbacks.bad_reviews import bad_review, png

from .helpers import exchange_keys, name_site, snapshot, sync_file

AT = h.local(2026, 11, 16, 10)


def test_a_bad_review_and_its_evidence_reach_the_centre(outlet, any_db, tmp_path):
    centre = any_db
    name_site(outlet, "历下网点")
    exchange_keys(outlet, centre)
    with outlet.sessions.begin() as session:
        lead = Staff(name="赵组长", role="team_lead")
        other = Staff(name="钱组长", role="team_lead")
        session.add_all([lead, other])
        session.flush()
        opened = bad_review(
            session,
            h.unit(session, "历下区不动产登记中心"),
            "LX-1",
            AT,
            completed_on=date(2026, 11, 2),
        )
        p.verify(
            session,
            opened.review_id,
            by_id=lead.id,
            found_true=False,
            found_reasonable=False,
            malicious=True,
            verification="与录像不符",
            malicious_reason="以差评要挟",
            now=AT,
        )
        p.file_appeal(
            session,
            opened.review_id,
            store=AttachmentStore.for_database(outlet),
            by_id=lead.id,
            reasons="录像为证",
            evidence=[EvidenceFile("录像.png", png(3))],
            now=AT,
        )
        lead_id, other_id = lead.id, other.id

    first = sync_file(tmp_path, "1")
    exported = export_changes(outlet, first)
    assert exported.counts["bad_reviews"] == exported.counts["bad_review_evidence"] == 1
    summary = import_sync_file(centre, first)
    assert summary.tables["bad_reviews"].inserted == 1 and summary.attachments_stored == 1
    assert snapshot(centre) == snapshot(outlet)
    with centre.sessions() as session:
        review = session.scalar(select(BadReview))
        assert (review.stage, review.malicious, review.appeal_due) == (
            p.APPEALING,
            True,
            date(2026, 11, 19),
        )
        attachment = session.scalar(
            select(Attachment).join(
                BadReviewEvidence, BadReviewEvidence.attachment_id == Attachment.id
            )
        )
        assert AttachmentStore.for_database(centre).get(session, attachment.sha256) == png(3)

    with outlet.sessions.begin() as session:
        p.decide_appeal(
            session,
            opened.review_id,
            by_id=other_id,
            upheld=True,
            opinion="成立",
            decider=p.TEAM_LEAD,
            now=AT,
        )
    assert lead_id != other_id
    second = sync_file(tmp_path, "2")
    export_changes(outlet, second)
    summary = import_sync_file(centre, second)
    assert summary.tables["bad_reviews"].updated == 1 and summary.conflicts == 0
    with centre.sessions() as session:
        review = session.scalar(select(BadReview))
        assert (review.stage, review.stands, review.appeal_upheld) == (p.FEEDBACK, False, True)
