"""The demo data commands: `seed_demo` fills the directory with fictional members, and
`demo_reviewer` gives a developer a reviewer login."""

from http import HTTPStatus
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from people.models import (
    Certification,
    CertificationDecision,
    OutreachRecord,
    Profile,
    ProfileLink,
    ResponsibilityDeclaration,
    RoleHolding,
    User,
)

MEMBERS = 40
SEEDED_MODELS = (
    User,
    Profile,
    ProfileLink,
    RoleHolding,
    Certification,
    CertificationDecision,
    OutreachRecord,
    ResponsibilityDeclaration,
    Profile.languages.through,
    Profile.audiences.through,
)


def seed(members: int = MEMBERS, **options) -> str:
    out = StringIO()
    # Tests run with DEBUG off, as production does; seeding there needs the explicit flag.
    call_command("seed_demo", members=members, stdout=out, allow_production=True, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in SEEDED_MODELS}


@pytest.fixture
def seeded(db):
    return seed()


def test_demo_members_are_fictional_and_cannot_log_in(seeded):
    users = list(User.objects.all())
    assert len(users) == MEMBERS
    assert all(user.email.endswith("@example.invalid") for user in users)
    assert not any(user.has_usable_password() for user in users)
    assert f"{MEMBERS} added" in seeded


def test_demo_members_hold_both_roles_in_every_state(seeded):
    both = Profile.objects.holding("trainer").holding("ambassador")
    assert both.exists()
    statuses = set(RoleHolding.objects.values_list("role_type__slug", "status"))
    for role_slug in ("trainer", "ambassador"):
        assert {(role_slug, "active"), (role_slug, "applied"), (role_slug, "ended")} <= statuses
    assert ("trainer", "paused") in statuses
    ended = RoleHolding.objects.filter(status="ended")
    assert not ended.filter(end_reason="").exists()
    # An ended holding is kept as history next to the member's current one.
    assert (
        Profile.objects.filter(holdings__status="ended").filter(holdings__status="active").exists()
    )


def test_demo_certifications_cover_every_status_with_decisions(seeded, today):
    statuses = set(Certification.objects.values_list("status", flat=True))
    assert {"pending", "verified", "rejected", "revoked"} <= statuses
    verified = Certification.objects.filter(status="verified")
    assert verified.filter(expires_on__lt=today).exists(), "a verified but expired certificate"
    assert verified.filter(expires_on__gte=today).exists()
    assert Certification.objects.filter(body=None).exclude(other_body="").exists()
    for certification in Certification.objects.exclude(status="pending"):
        decision = certification.decisions.latest()
        assert decision.to_status == certification.status
    assert not CertificationDecision.objects.filter(certification__status="pending").exists()


def test_most_active_demo_trainers_are_practising(seeded):
    active_trainers = Profile.objects.holding("trainer").count()
    practising = Profile.objects.practising("trainer").count()
    assert active_trainers > 0
    assert practising >= 0.6 * active_trainers
    assert practising < active_trainers, "some active trainers have let their certificate lapse"


def test_demo_outreach_is_past_and_upcoming_across_countries(seeded, today):
    assert OutreachRecord.objects.past(today).exists()
    assert OutreachRecord.objects.upcoming(today).exists()
    assert set(OutreachRecord.objects.values_list("kind", flat=True)) == set(
        OutreachRecord.Kind.values
    )
    assert Profile.objects.exclude(country="").values("country").distinct().count() >= 10
    assert Profile.objects.filter(is_listed=False).exists()
    assert Profile.objects.filter(is_listed=True).count() > MEMBERS // 2


def test_demo_bios_have_common_and_accented_words(seeded):
    bios = list(Profile.objects.exclude(bio="").values_list("bio", flat=True))
    common = [bio for bio in bios if "sociocracy" in bio.lower() or "consent" in bio.lower()]
    assert len(common) > len(bios) / 2
    assert any(any(letter in bio for letter in "öüãéíóçñ") for bio in bios)


def test_demo_records_pass_the_checks_a_member_edit_would_run(seeded):
    for model in (Profile, ProfileLink, RoleHolding, Certification, OutreachRecord):
        for record in model.objects.all():
            record.full_clean(validate_unique=False)


def test_seeding_again_adds_nothing(seeded):
    before = counts()
    output = seed()
    assert counts() == before
    assert "nothing to add" in output


def test_a_bigger_run_adds_only_the_missing_members(seeded):
    slugs_before = set(Profile.objects.values_list("slug", flat=True))
    seed(MEMBERS + 15)
    slugs_after = set(Profile.objects.values_list("slug", flat=True))
    assert slugs_before < slugs_after
    assert len(slugs_after) == MEMBERS + 15
    assert User.objects.filter(email="demo-000055@example.invalid").exists()


def test_the_same_seed_gives_the_same_members(db):
    seed(12)
    first = list(Profile.objects.order_by("slug").values_list("slug", "display_name", "bio"))
    User.objects.all().delete()
    seed(12)
    assert list(Profile.objects.order_by("slug").values_list("slug", "display_name", "bio")) == (
        first
    )
    User.objects.all().delete()
    seed(12, seed=7)
    assert list(Profile.objects.order_by("slug").values_list("slug")) != [
        (slug,) for slug, _, _ in first
    ]


def test_no_two_profiles_share_a_slug_even_when_a_member_took_a_demo_slug(db, profile_factory):
    seed(1)
    taken = Profile.objects.get().slug
    User.objects.all().delete()
    profile_factory(slug=taken)

    seed(MEMBERS)

    slugs = list(Profile.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == MEMBERS + 1
    assert Profile.objects.get(user__email="demo-000001@example.invalid").slug == f"{taken}-2"


def test_seed_demo_refuses_a_production_database_without_the_flag(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("seed_demo", members=3, stdout=StringIO())
    assert not Profile.objects.exists()


def test_demo_reviewer_is_refused_outside_development(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_reviewer", stdout=StringIO())
    assert not User.objects.filter(email="reviewer@example.invalid").exists()


def test_demo_reviewer_can_log_in_and_review(db, settings, client):
    settings.DEBUG = True
    out = StringIO()
    call_command("demo_reviewer", stdout=out)

    printed = out.getvalue()
    assert "http://127.0.0.1:8000/accounts/login/" in printed
    assert "reviewer@example.invalid" in printed
    assert "review-the-demo" in printed
    response = client.post(
        reverse("account_login"),
        {"login": "reviewer@example.invalid", "password": "review-the-demo"},
    )
    assert response.status_code == HTTPStatus.FOUND
    reviewer = User.objects.get(email="reviewer@example.invalid")
    assert client.session["_auth_user_id"] == str(reviewer.pk)
    assert reviewer.is_staff
    assert reviewer.groups.filter(name="Reviewers").exists()
    assert reviewer.has_perm("people.review_certification")
    assert Profile.objects.filter(user=reviewer, is_listed=False).exists()


def test_demo_reviewer_is_reset_when_run_again(db, settings, client):
    settings.DEBUG = True
    call_command("demo_reviewer", stdout=StringIO())
    reviewer = User.objects.get(email="reviewer@example.invalid")
    reviewer.set_password("changed by someone")
    reviewer.is_staff = False
    reviewer.save()
    reviewer.groups.clear()

    call_command("demo_reviewer", stdout=StringIO())

    assert User.objects.filter(email="reviewer@example.invalid").count() == 1
    assert Profile.objects.filter(user=reviewer).count() == 1
    assert Group.objects.get(name="Reviewers").user_set.filter(pk=reviewer.pk).exists()
    assert client.login(email="reviewer@example.invalid", password="review-the-demo")


def test_demo_decisions_name_the_demo_reviewer_when_there_is_one(db, settings):
    settings.DEBUG = True
    call_command("demo_reviewer", stdout=StringIO())
    seed(20)
    reviewer = User.objects.get(email="reviewer@example.invalid")
    assert CertificationDecision.objects.exists()
    assert not CertificationDecision.objects.exclude(reviewer=reviewer).exists()
