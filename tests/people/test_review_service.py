"""certification_decide(): the one way a certification's status changes, with its audit row,
its effects on roles and the member's email."""

import threading
import time

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from people.models import Certification, CertificationDecision, Profile, RoleHolding
from people.services import reviews
from people.services.reviews import (
    ALLOWED_TRANSITIONS,
    Decision,
    certification_decide,
    certification_resubmit,
)
from tests.people.review_support import make_reviewer

Status = Certification.Status
ON_SQLITE = django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")

ALLOWED = {
    (Status.PENDING, Decision.VERIFY),
    (Status.PENDING, Decision.REJECT),
    (Status.PENDING, Decision.REQUEST_CHANGES),
    (Status.VERIFIED, Decision.REVOKE),
}
EVERY_COMBINATION = [(status, decision) for status in Status for decision in Decision]


@pytest.fixture
def reviewer(user_factory):
    return make_reviewer(user_factory)


@pytest.fixture
def holder(profile_factory):
    return profile_factory()


def decide(certification, reviewer, decision, note="Checked against the issuer's register.", **kw):
    return certification_decide(
        certification_id=certification.pk,
        reviewer=reviewer,
        decision=decision,
        note=note,
        expected_status=kw.pop("expected_status", certification.status),
        **kw,
    )


def test_the_transition_table_lists_every_status():
    assert set(ALLOWED_TRANSITIONS) == set(Status.values)


@pytest.mark.parametrize(("status", "decision"), sorted(ALLOWED))
def test_an_allowed_decision_changes_the_status_and_leaves_one_audit_row(
    certification_factory, holder, reviewer, status, decision
):
    certification = certification_factory(holder, status=status)

    row = decide(certification, reviewer, decision)

    certification.refresh_from_db()
    assert certification.status == reviews.DECISION_TARGETS[decision]
    assert list(certification.decisions.all()) == [row]
    assert (row.from_status, row.to_status) == (status, certification.status)
    assert row.reviewer == reviewer
    assert row.note == "Checked against the issuer's register."


@pytest.mark.parametrize(
    ("status", "decision"), [combo for combo in EVERY_COMBINATION if combo not in ALLOWED]
)
def test_any_other_decision_is_refused_with_a_clear_error_and_changes_nothing(
    certification_factory, holder, reviewer, status, decision
):
    certification = certification_factory(holder, status=status)

    with pytest.raises(ValidationError) as refused:
        decide(certification, reviewer, decision)

    assert refused.value.code == "not_allowed"
    assert "cannot be given the decision" in refused.value.messages[0]
    certification.refresh_from_db()
    assert certification.status == status
    assert not CertificationDecision.objects.exists()


def test_a_member_resubmits_a_certification_that_needs_changes(certification_factory, holder):
    certification = certification_factory(holder, status=Status.CHANGES_REQUESTED)

    row = certification_resubmit(certification_id=certification.pk, member=holder.user)

    certification.refresh_from_db()
    assert certification.status == Status.PENDING
    assert (row.from_status, row.to_status, row.reviewer) == (
        Status.CHANGES_REQUESTED,
        Status.PENDING,
        holder.user,
    )


def test_a_rejected_certification_can_be_corrected_and_resubmitted(certification_factory, holder):
    certification = certification_factory(holder, status=Status.REJECTED)
    row = certification_resubmit(certification_id=certification.pk, member=holder.user)
    certification.refresh_from_db()
    assert certification.status == Status.PENDING
    assert (row.from_status, row.to_status) == (Status.REJECTED, Status.PENDING)


@pytest.mark.parametrize("status", [Status.PENDING, Status.VERIFIED, Status.REVOKED], ids=str)
def test_only_a_rejected_or_sent_back_certification_can_be_resubmitted(
    certification_factory, holder, status
):
    certification = certification_factory(holder, status=status)
    with pytest.raises(ValidationError) as refused:
        certification_resubmit(certification_id=certification.pk, member=holder.user)
    assert refused.value.code == "not_allowed"
    certification.refresh_from_db()
    assert certification.status == status


def test_a_member_cannot_resubmit_someone_elses_certification(
    certification_factory, holder, profile_factory
):
    certification = certification_factory(holder, status=Status.CHANGES_REQUESTED)
    stranger = profile_factory()
    with pytest.raises(Certification.DoesNotExist):
        certification_resubmit(certification_id=certification.pk, member=stranger.user)
    certification.refresh_from_db()
    assert certification.status == Status.CHANGES_REQUESTED


def test_a_stale_expected_status_changes_nothing_and_sends_nothing(
    certification_factory, holder, reviewer, django_capture_on_commit_callbacks
):
    # Another reviewer verified it after this reviewer's page was loaded as "pending".
    certification = certification_factory(holder, status=Status.VERIFIED)

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError) as refused,
    ):
        decide(certification, reviewer, Decision.REJECT, expected_status=Status.PENDING)

    assert refused.value.code == "stale"
    assert "someone decided on it while you were looking" in refused.value.messages[0]
    certification.refresh_from_db()
    assert certification.status == Status.VERIFIED
    assert not CertificationDecision.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("decision", [Decision.REJECT, Decision.REQUEST_CHANGES])
def test_rejecting_or_asking_for_changes_needs_a_note(
    certification_factory, holder, reviewer, decision
):
    certification = certification_factory(holder, status=Status.PENDING)
    with pytest.raises(ValidationError) as refused:
        decide(certification, reviewer, decision, note="   ")
    assert refused.value.code == "note_required"
    certification.refresh_from_db()
    assert certification.status == Status.PENDING


def test_revoking_needs_a_reason(certification_factory, holder, reviewer):
    certification = certification_factory(holder, status=Status.VERIFIED)
    with pytest.raises(ValidationError) as refused:
        decide(certification, reviewer, Decision.REVOKE, note="")
    assert refused.value.code == "note_required"
    assert Certification.objects.get().status == Status.VERIFIED


def test_verifying_needs_no_note(certification_factory, holder, reviewer):
    certification = certification_factory(holder, status=Status.PENDING)
    row = decide(certification, reviewer, Decision.VERIFY, note="")
    assert row.note == ""


def test_a_reviewer_cannot_decide_their_own_certification(
    certification_factory, profile_factory, user_factory
):
    reviewer = make_reviewer(user_factory)
    own = certification_factory(profile_factory(user=reviewer), status=Status.PENDING)

    with pytest.raises(ValidationError) as refused:
        decide(own, reviewer, Decision.VERIFY)

    assert refused.value.code == "self_review"
    assert Certification.objects.get().status == Status.PENDING


@pytest.mark.parametrize(
    "who",
    [
        pytest.param({"is_staff": True}, id="staff-without-permission"),
        pytest.param({}, id="member"),
    ],
)
def test_someone_without_the_review_permission_cannot_decide(
    certification_factory, holder, user_factory, who
):
    certification = certification_factory(holder, status=Status.PENDING)
    with pytest.raises(ValidationError) as refused:
        decide(certification, user_factory(**who), Decision.VERIFY)
    assert refused.value.code == "permission"
    assert Certification.objects.get().status == Status.PENDING


def test_a_deactivated_reviewer_cannot_decide(certification_factory, holder, user_factory):
    reviewer = make_reviewer(user_factory, is_active=False)
    certification = certification_factory(holder, status=Status.PENDING)
    with pytest.raises(ValidationError):
        decide(certification, reviewer, Decision.VERIFY)


def test_a_superuser_decides_like_a_reviewer(certification_factory, holder, user_factory):
    superuser = user_factory(is_staff=True, is_superuser=True)
    certification = certification_factory(holder, status=Status.PENDING)
    decide(certification, superuser, Decision.VERIFY)
    assert Certification.objects.get().status == Status.VERIFIED


# --- Effects on roles ---------------------------------------------------------------------


def applied_trainer(profile_factory, role) -> Profile:
    profile = profile_factory()
    RoleHolding.objects.create(
        profile=profile, role_type=role("trainer"), status=RoleHolding.Status.APPLIED
    )
    return profile


def test_verifying_activates_an_applied_trainer_and_makes_them_practise(
    certification_factory, profile_factory, role, reviewer
):
    trainer = applied_trainer(profile_factory, role)
    certification = certification_factory(trainer, status=Status.PENDING)
    assert set(Profile.objects.practising("trainer")) == set()

    decide(certification, reviewer, Decision.VERIFY)

    holding = trainer.holdings.get()
    assert holding.status == RoleHolding.Status.ACTIVE
    assert set(Profile.objects.practising("trainer")) == {trainer}


def test_verifying_activates_any_applied_role_whose_type_requires_certification(
    certification_factory, profile_factory, role, reviewer
):
    # Role types are data: a role added by an administrator behaves like Trainer.
    coach = role("trainer")
    coach.pk = None
    coach.slug, coach.name = "coach", "Coach"
    coach.save()
    profile = profile_factory()
    RoleHolding.objects.create(profile=profile, role_type=coach, status=RoleHolding.Status.APPLIED)

    decide(certification_factory(profile, status=Status.PENDING), reviewer, Decision.VERIFY)

    assert profile.holdings.get().status == RoleHolding.Status.ACTIVE


def test_verifying_leaves_applied_roles_alone_when_the_body_is_not_recognised(
    certification_factory, profile_factory, role, reviewer
):
    trainer = applied_trainer(profile_factory, role)
    certification = certification_factory(
        trainer, status=Status.PENDING, body_slug=None, level=None
    )

    decide(certification, reviewer, Decision.VERIFY)

    assert trainer.holdings.get().status == RoleHolding.Status.APPLIED


def test_rejecting_leaves_an_applied_trainer_applied(
    certification_factory, profile_factory, role, reviewer
):
    trainer = applied_trainer(profile_factory, role)
    decide(certification_factory(trainer, status=Status.PENDING), reviewer, Decision.REJECT)
    assert trainer.holdings.get().status == RoleHolding.Status.APPLIED


def test_revoking_the_last_certification_stops_a_trainer_practising_at_once(
    certification_factory, profile_factory, reviewer
):
    trainer = profile_factory(role_slug="trainer")
    certification = certification_factory(trainer, status=Status.VERIFIED)
    assert set(Profile.objects.practising("trainer")) == {trainer}

    decide(certification, reviewer, Decision.REVOKE, note="The issuer withdrew it.")

    assert set(Profile.objects.practising("trainer")) == set()
    # The role itself is kept: the member sees "certification lapsed", not a lost role.
    assert trainer.holdings.get().status == RoleHolding.Status.ACTIVE


# --- The member's email ---------------------------------------------------------------------


def test_the_member_is_emailed_after_commit_in_text_and_html(
    certification_factory, profile_factory, reviewer, django_capture_on_commit_callbacks
):
    holder = profile_factory(display_name="Ada Lovelace")
    certification = certification_factory(holder, status=Status.PENDING)

    with django_capture_on_commit_callbacks() as callbacks:
        decide(
            certification,
            reviewer,
            Decision.REJECT,
            note="The scan is unreadable.",
            site_url="https://sociodir.example.org",
        )
        assert mail.outbox == []  # nothing leaves before the decision is committed
    for callback in callbacks:
        callback()

    [email] = mail.outbox
    assert email.to == [holder.user.email]
    assert "not accepted" in email.subject
    assert "The scan is unreadable." in email.body
    assert "https://sociodir.example.org/me/certifications/" in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert "The scan is unreadable." in html
    assert 'href="https://sociodir.example.org/me/certifications/"' in html
    # The member learns the decision, not who the reviewer is.
    assert reviewer.email not in email.body + html


@pytest.mark.parametrize(
    ("status", "decision", "subject"),
    [
        (Status.PENDING, Decision.VERIFY, "is verified"),
        (Status.PENDING, Decision.REQUEST_CHANGES, "needs changes"),
        (Status.VERIFIED, Decision.REVOKE, "was revoked"),
    ],
)
def test_every_decision_emails_the_member(
    certification_factory,
    holder,
    reviewer,
    django_capture_on_commit_callbacks,
    status,
    decision,
    subject,
):
    certification = certification_factory(holder, status=status)
    with django_capture_on_commit_callbacks(execute=True):
        decide(certification, reviewer, decision, note="Please add the second page.")
    [email] = mail.outbox
    assert subject in email.subject
    assert "Please add the second page." in email.body
    assert email.alternatives


def test_emails_outside_a_request_link_to_the_site_url(
    certification_factory, holder, reviewer, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://directory.example.net"
    with django_capture_on_commit_callbacks(execute=True):
        decide(certification_factory(holder, status=Status.PENDING), reviewer, Decision.VERIFY)
    [email] = mail.outbox
    assert "https://directory.example.net/me/certifications/" in email.body
    certification = Certification.objects.get()
    assert f"https://directory.example.net{certification.get_verify_url()}" in email.body


def test_a_decision_rolled_back_sends_no_email(
    certification_factory, holder, reviewer, django_capture_on_commit_callbacks
):
    certification = certification_factory(holder, status=Status.PENDING)

    def decide_then_fail():
        with transaction.atomic():
            decide(certification, reviewer, Decision.VERIFY)
            raise RuntimeError("something later in the same transaction failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        decide_then_fail()

    assert mail.outbox == []
    assert Certification.objects.get().status == Status.PENDING


# --- Two reviewers at once ----------------------------------------------------------------


@pytest.mark.skipif(
    ON_SQLITE,
    reason="SQLite serialises writers for the whole database, so two deciding reviewers "
    "cannot overlap there; the row lock this checks is PostgreSQL's.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_deciding_at_once_leave_exactly_one_decision(
    certification_factory, profile_factory, user_factory, monkeypatch
):
    first, second = make_reviewer(user_factory), make_reviewer(user_factory)
    certification = certification_factory(profile_factory(), status=Status.PENDING)

    # Widen the race: each decision pauses after reading the row, before writing. Without the
    # row lock both would read "pending" and both would write.
    record = reviews._record

    def slow_record(*args, **kwargs):
        time.sleep(0.3)
        return record(*args, **kwargs)

    monkeypatch.setattr(reviews, "_record", slow_record)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def review(reviewer, decision, note):
        start.wait()
        try:
            decide(certification, reviewer, decision, note=note, expected_status=Status.PENDING)
            outcomes.append("decided")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=review, args=(first, Decision.VERIFY, "")),
        threading.Thread(target=review, args=(second, Decision.REJECT, "Not legible.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["decided", "stale"]
    assert CertificationDecision.objects.count() == 1
    decision = CertificationDecision.objects.get()
    assert Certification.objects.get().status == decision.to_status
    assert len(mail.outbox) == 1
