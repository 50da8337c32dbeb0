"""The reviewers' pages: the queue at /review/ and one certification's page."""

import datetime
import html
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from people.models import Certification, CertificationDecision
from people.review_stats import median_time_to_decision
from tests.people.review_support import (
    PDF_BYTES,
    attach_evidence,
    make_reviewer,
    png_bytes,
)

Status = Certification.Status
QUEUE = reverse("review:queue")


@pytest.fixture
def reviewer(client, user_factory):
    user = make_reviewer(user_factory)
    client.force_login(user)
    return user


def text(response) -> str:
    return html.unescape(response.content.decode())


def submitted(certification: Certification, *, days_ago: float) -> Certification:
    created_at = timezone.now() - datetime.timedelta(days=days_ago)
    Certification.objects.filter(pk=certification.pk).update(created_at=created_at)
    certification.refresh_from_db()
    return certification


def page_url(certification: Certification) -> str:
    return reverse("review:certification", args=[certification.pk])


# --- The queue ------------------------------------------------------------------------------


def test_the_queue_lists_pending_certifications_oldest_first_with_their_wait(
    client, reviewer, profile_factory, certification_factory
):
    newer = profile_factory(display_name="Newer Applicant")
    oldest = profile_factory(display_name="Oldest Applicant")
    middle = profile_factory(display_name="Middle Applicant")
    submitted(certification_factory(newer, status=Status.PENDING), days_ago=1)
    submitted(certification_factory(oldest, status=Status.PENDING), days_ago=9.5)
    submitted(certification_factory(middle, status=Status.PENDING), days_ago=3)
    certification_factory(profile_factory(display_name="Already Verified"))

    response = client.get(QUEUE)

    assert response.status_code == HTTPStatus.OK
    page = text(response)
    names = ["Oldest Applicant", "Middle Applicant", "Newer Applicant"]
    assert [page.index(name) for name in names] == sorted(page.index(name) for name in names)
    assert "Already Verified" not in page
    assert "9 days 12 hours" in page


def test_the_queue_counts_certifications_per_status(
    client, reviewer, profile_factory, certification_factory
):
    holder = profile_factory()
    for status, count in [(Status.PENDING, 3), (Status.VERIFIED, 2), (Status.REVOKED, 1)]:
        for _ in range(count):
            certification_factory(holder, status=status)

    page = text(client.get(QUEUE))

    flat = " ".join(page.replace("<strong>", "").replace("</strong>", "").split())
    assert "Pending review: 3" in flat
    assert "Verified: 2" in flat
    assert "Revoked: 1" in flat
    assert "Rejected: 0" in flat
    assert "Changes requested: 0" in flat


def test_the_queue_filters_by_issuing_body_status_and_holder_name(
    client, reviewer, profile_factory, certification_factory
):
    ada = profile_factory(display_name="Ada Lovelace")
    grace = profile_factory(display_name="Grace Hopper")
    certification_factory(ada, status=Status.PENDING, body_slug="sofa")
    certification_factory(grace, status=Status.PENDING, body_slug="iscb")
    certification_factory(grace, status=Status.REJECTED, body_slug="sofa")
    certification_factory(ada, status=Status.PENDING, body_slug=None, level=None)

    by_body = text(client.get(QUEUE, {"body": "iscb"}))
    assert "Grace Hopper" in by_body
    assert "Ada Lovelace" not in by_body

    typed_in = text(client.get(QUEUE, {"body": "other"}))
    assert "Some Local Circle Institute" in typed_in
    assert "Grace Hopper" not in typed_in

    by_name = text(client.get(QUEUE, {"q": "lovel"}))
    assert "Ada Lovelace" in by_name
    assert "Grace Hopper" not in by_name

    rejected = client.get(QUEUE, {"status": "rejected"})
    assert [row.certification.status for row in rejected.context["rows"]] == [Status.REJECTED]

    everything = client.get(QUEUE, {"status": "all"})
    assert len(everything.context["rows"]) == 4


def test_a_bad_filter_value_is_ignored_and_the_others_still_apply(
    client, reviewer, profile_factory, certification_factory
):
    certification_factory(profile_factory(display_name="Ada Lovelace"), status=Status.PENDING)
    certification_factory(profile_factory(display_name="Grace Hopper"), status=Status.PENDING)

    response = client.get(QUEUE, {"q": "grace", "status": "approved", "body": "nowhere"})

    assert response.status_code == HTTPStatus.OK
    assert [row.certification.profile.display_name for row in response.context["rows"]] == [
        "Grace Hopper"
    ]


def test_the_queue_is_paginated_and_keeps_the_filters(
    client, reviewer, profile_factory, certification_factory
):
    holder = profile_factory(display_name="Busy Member")
    for days_ago in range(27):
        submitted(certification_factory(holder, status=Status.PENDING), days_ago=days_ago)

    first = client.get(QUEUE, {"q": "busy"})
    second = client.get(QUEUE, {"q": "busy", "page": 2})

    assert len(first.context["rows"]) == 25
    assert len(second.context["rows"]) == 2
    assert "q=busy&amp;page=2" in first.content.decode()
    oldest_on_second = second.context["rows"][-1].certification
    assert oldest_on_second.created_at > first.context["rows"][0].certification.created_at


def test_the_queue_runs_a_fixed_number_of_queries(
    client, reviewer, profile_factory, certification_factory
):
    def queries_for_queue() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(QUEUE).status_code == HTTPStatus.OK
        return len(captured)

    certification_factory(profile_factory(), status=Status.PENDING)
    few = queries_for_queue()
    for _ in range(20):
        certification_factory(profile_factory(), status=Status.PENDING, body_slug=None, level=None)
    assert queries_for_queue() == few


def test_the_queue_marks_the_reviewers_own_certification(
    client, reviewer, profile_factory, certification_factory
):
    certification_factory(profile_factory(user=reviewer), status=Status.PENDING)
    assert "Yours: another reviewer decides" in text(client.get(QUEUE))


def test_an_empty_queue_says_nothing_is_waiting(client, reviewer):
    assert "Nothing is waiting for review" in text(client.get(QUEUE))


# --- Median time to decision ----------------------------------------------------------------


def decided(certification, *, after: datetime.timedelta, from_status=Status.PENDING, to=None):
    return CertificationDecision.objects.create(
        certification=certification,
        from_status=from_status,
        to_status=to or Status.VERIFIED,
        decided_at=certification.created_at + after,
    )


def test_median_time_to_decision_counts_first_decisions_of_the_last_90_days(
    profile_factory, certification_factory
):
    holder = profile_factory()
    hours = datetime.timedelta(hours=1)
    for days_ago, waited in [(10, 2 * hours), (20, 10 * hours), (30, 4 * hours)]:
        decided(submitted(certification_factory(holder), days_ago=days_ago), after=waited)
    # Resubmitted: only its first decision counts (2 hours), not the later one.
    resubmitted = submitted(certification_factory(holder), days_ago=40)
    decided(resubmitted, after=6 * hours, to=Status.CHANGES_REQUESTED)
    decided(resubmitted, after=30 * hours, from_status=Status.CHANGES_REQUESTED, to=Status.PENDING)
    decided(resubmitted, after=50 * hours)
    # Revoking later is not a decision on a submission.
    revoked = submitted(certification_factory(holder), days_ago=12)
    decided(revoked, after=3 * hours)
    decided(revoked, after=90 * hours, from_status=Status.VERIFIED, to=Status.REVOKED)
    # Older than 90 days: left out.
    decided(submitted(certification_factory(holder), days_ago=200), after=500 * hours)

    median, count = median_time_to_decision()

    # First decisions: 2, 10, 4, 6, 3 hours -> median 4 hours.
    assert count == 5
    assert median == 4 * hours


def test_median_time_to_decision_is_none_without_decisions(db):
    assert median_time_to_decision() == (None, 0)


def test_the_queue_shows_the_median_time_to_decision(
    client, reviewer, profile_factory, certification_factory
):
    holder = profile_factory()
    decided(submitted(certification_factory(holder), days_ago=5), after=datetime.timedelta(days=2))
    page = " ".join(text(client.get(QUEUE)).split())
    assert "Median time to a first decision over the last 90 days: <strong>2 days</strong>" in page


# --- One certification ----------------------------------------------------------------------


def test_the_certification_page_shows_the_holder_history_and_other_certifications(
    client, reviewer, profile_factory, certification_factory, user_factory
):
    holder = profile_factory(display_name="Ada Lovelace", listed=True)
    certification = certification_factory(holder, status=Status.PENDING)
    certification_factory(holder, status=Status.VERIFIED, body_slug="iscb")
    other_reviewer = make_reviewer(user_factory)
    CertificationDecision.objects.create(
        certification=certification,
        reviewer=other_reviewer,
        from_status=Status.PENDING,
        to_status=Status.CHANGES_REQUESTED,
        note="Please upload both pages.",
    )
    CertificationDecision.objects.create(
        certification=certification,
        reviewer=holder.user,
        from_status=Status.CHANGES_REQUESTED,
        to_status=Status.PENDING,
        note="Resubmitted by the member.",
    )

    response = client.get(page_url(certification))

    page = text(response)
    assert response.status_code == HTTPStatus.OK
    assert holder.user.email in page
    assert f'href="{holder.get_absolute_url()}"' in page
    assert "Please upload both pages." in page
    assert other_reviewer.email in page
    assert "the member" in page
    assert "ISCB" in page  # the other certification
    assert 'href="https://example.org/certificate.pdf"' in page
    assert [action.decision for action in response.context["actions"]] == [
        "verify",
        "reject",
        "request_changes",
    ]


def test_an_unlisted_holder_has_no_public_link(
    client, reviewer, profile_factory, certification_factory
):
    holder = profile_factory(listed=False)
    page = text(client.get(page_url(certification_factory(holder, status=Status.PENDING))))
    assert holder.get_absolute_url() not in page
    assert "not listed publicly" in page


def test_an_image_evidence_file_is_shown_inline(
    client, reviewer, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), status=Status.PENDING)
    attach_evidence(certification, png_bytes(), "scan.png")

    page = text(client.get(page_url(certification)))

    evidence = reverse("review:certification-evidence", args=[certification.pk])
    assert f'<img src="{evidence}"' in page
    served = client.get(evidence)
    assert served.status_code == HTTPStatus.OK
    assert served["Content-Type"] == "image/png"
    assert served["Content-Disposition"].startswith("inline")
    assert b"".join(served.streaming_content) == png_bytes()


def test_a_pdf_evidence_file_is_linked_not_embedded(
    client, reviewer, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), status=Status.PENDING)
    attach_evidence(certification, PDF_BYTES, "certificate.pdf")

    page = text(client.get(page_url(certification)))

    evidence = reverse("review:certification-evidence", args=[certification.pk])
    assert f'href="{evidence}"' in page
    assert "Open the PDF" in page
    assert "<img" not in page
    for embedding in ("<embed", "<object", "<iframe"):
        assert embedding not in page
    assert client.get(evidence)["Content-Type"] == "application/pdf"


def test_a_certification_without_a_file_has_no_evidence_download(
    client, reviewer, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), status=Status.PENDING)
    evidence = reverse("review:certification-evidence", args=[certification.pk])
    assert client.get(evidence).status_code == HTTPStatus.NOT_FOUND
    assert evidence not in text(client.get(page_url(certification)))


def test_a_missing_certification_is_404(client, reviewer):
    assert client.get(reverse("review:certification", args=[999])).status_code == (
        HTTPStatus.NOT_FOUND
    )


# --- Deciding from the page -----------------------------------------------------------------


def post_decision(client, certification, decision, note="", expected=None):
    return client.post(
        page_url(certification),
        {
            "decision": decision,
            "note": note,
            "expected_status": expected or certification.status,
        },
    )


def test_verifying_from_the_page_returns_to_the_queue_and_emails_the_member(
    client, reviewer, profile_factory, certification_factory, django_capture_on_commit_callbacks
):
    holder = profile_factory(display_name="Ada Lovelace")
    certification = certification_factory(holder, status=Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_decision(client, certification, "verify")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == QUEUE
    certification.refresh_from_db()
    assert certification.status == Status.VERIFIED
    assert certification.decisions.get().reviewer == reviewer
    [email] = mail.outbox
    assert email.to == [holder.user.email]
    # The link is absolute, built from the request.
    assert "http://testserver/me/certifications/" in email.body
    followed = text(client.get(QUEUE))
    assert "Ada Lovelace's SoFA" in followed
    assert "is now verified" in followed


def test_rejecting_without_a_reason_shows_the_form_again_and_changes_nothing(
    client, reviewer, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), status=Status.PENDING)

    response = post_decision(client, certification, "reject", note="  ")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Give the reason for rejecting: the member sees it." in text(response)
    certification.refresh_from_db()
    assert certification.status == Status.PENDING
    assert not CertificationDecision.objects.exists()


def test_rejecting_with_a_reason_records_it(
    client, reviewer, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), status=Status.PENDING)

    post_decision(client, certification, "reject", note="The certificate belongs to someone else.")

    decision = CertificationDecision.objects.get()
    assert decision.to_status == Status.REJECTED
    assert decision.note == "The certificate belongs to someone else."


def test_revoking_a_verified_certification_from_the_page(
    client, reviewer, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), status=Status.VERIFIED)
    response = client.get(page_url(certification))
    assert [action.decision for action in response.context["actions"]] == ["revoke"]

    post_decision(client, certification, "revoke", note="The issuing body withdrew it.")

    certification.refresh_from_db()
    assert certification.status == Status.REVOKED


def test_a_stale_form_says_someone_else_decided_and_changes_nothing(
    client, reviewer, profile_factory, certification_factory
):
    # The reviewer loaded the page while it was pending; another reviewer verified it since.
    certification = certification_factory(profile_factory(), status=Status.VERIFIED)

    response = post_decision(
        client, certification, "reject", note="Unreadable.", expected=Status.PENDING
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == page_url(certification)
    page = text(client.get(response["Location"]))
    assert "someone decided on it while you were looking" in page
    certification.refresh_from_db()
    assert certification.status == Status.VERIFIED
    assert not CertificationDecision.objects.exists()


def test_a_refused_transition_is_explained(
    client, reviewer, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), status=Status.REJECTED)

    response = post_decision(client, certification, "verify")

    page = text(client.get(response["Location"]))
    assert "cannot be given the decision “verify”" in page
    assert Certification.objects.get().status == Status.REJECTED


def test_a_reviewer_sees_no_actions_on_their_own_certification_and_cannot_post_one(
    client, reviewer, profile_factory, certification_factory
):
    own = certification_factory(profile_factory(user=reviewer), status=Status.PENDING)

    page = client.get(page_url(own))
    assert page.context["actions"] == []
    assert "You cannot decide on it; another reviewer must." in text(page)

    response = post_decision(client, own, "verify")
    assert "another reviewer must" in text(client.get(response["Location"]))
    assert Certification.objects.get().status == Status.PENDING
