"""Database constraints hold on SQLite and PostgreSQL alike, whatever the code above them does."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from people.models import (
    Certification,
    CertificationDecision,
    Profile,
    RoleHolding,
    User,
)


def test_a_second_open_holding_of_the_same_role_is_refused(profile_factory, role):
    profile = profile_factory(role_slug="ambassador")
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleHolding.objects.create(profile=profile, role_type=role("ambassador"))


def test_ended_holdings_are_kept_and_the_role_can_be_held_again(profile_factory, role, today):
    profile = profile_factory(role_slug="ambassador")
    holding = profile.holdings.get()
    holding.status = RoleHolding.Status.ENDED
    holding.ended_on = today
    holding.end_reason = RoleHolding.EndReason.STEPPED_DOWN
    holding.save(update_fields=["status", "ended_on", "end_reason"])

    RoleHolding.objects.create(profile=profile, role_type=role("ambassador"))

    assert list(profile.holdings.values_list("status", flat=True).order_by("status")) == [
        "applied",
        "ended",
    ]


def test_one_person_may_hold_both_roles(profile_factory, role):
    profile = profile_factory(role_slug="ambassador")
    RoleHolding.objects.create(profile=profile, role_type=role("trainer"))
    assert profile.holdings.count() == 2


@pytest.mark.parametrize(
    ("status", "ended_days_after_start", "end_reason"),
    [
        ("ended", 10, ""),  # ended without a reason
        ("ended", None, "stepped_down"),  # ended without a date
        ("active", 10, "stepped_down"),  # open but with an end
        ("ended", -1, "stepped_down"),  # ends before it starts
        ("retired", None, ""),  # unknown status
    ],
)
def test_inconsistent_holding_ends_are_refused(
    profile_factory, role, today, status, ended_days_after_start, end_reason
):
    profile = profile_factory()
    ended_on = (
        None
        if ended_days_after_start is None
        else today + datetime.timedelta(days=ended_days_after_start)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleHolding.objects.create(
            profile=profile,
            role_type=role("trainer"),
            status=status,
            started_on=today,
            ended_on=ended_on,
            end_reason=end_reason,
        )


def test_certification_cannot_expire_before_it_was_issued(
    profile_factory, certification_factory, today
):
    profile = profile_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        certification_factory(
            profile, issued_on=today, expires_on=today - datetime.timedelta(days=1)
        )


@pytest.mark.parametrize(
    ("body_slug", "other_body"),
    [("sofa", "Also typed in"), (None, "")],
    ids=["both a listed and a typed-in body", "no body at all"],
)
def test_certification_names_exactly_one_body(
    profile_factory, certification_factory, body_slug, other_body
):
    profile = profile_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        certification_factory(profile, body_slug=body_slug, other_body=other_body, level=None)


def test_certification_needs_some_evidence(profile_factory, certification_factory):
    profile = profile_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        certification_factory(profile, evidence_url="")


def test_verification_codes_are_long_random_and_unique(profile_factory, certification_factory):
    profile = profile_factory()
    codes = {certification_factory(profile).verification_code for _ in range(20)}
    assert len(codes) == 20
    assert all(len(code) >= 32 for code in codes)


def test_email_addresses_are_unique_whatever_their_case(user_factory):
    user_factory(email="ada@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="ADA@example.org", password="x")


def test_profile_slugs_are_unique(profile_factory, user_factory):
    profile_factory(slug="ada")
    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.create(user=user_factory(), slug="ada", display_name="Another Ada")


def test_a_decision_once_written_cannot_be_changed(profile_factory, certification_factory):
    certification = certification_factory(profile_factory())
    decision = CertificationDecision.objects.create(
        certification=certification, from_status="pending", to_status="verified"
    )
    decision.note = "rewritten history"
    with pytest.raises(ValidationError):
        decision.save()


def test_decisions_outlive_their_certification(profile_factory, certification_factory):
    certification = certification_factory(profile_factory())
    CertificationDecision.objects.create(
        certification=certification, from_status="pending", to_status="verified", note="ok"
    )
    certification.profile.user.delete()
    assert CertificationDecision.objects.get().certification is None
    assert not Certification.objects.exists()
