"""Each responsibility is evaluated from its rule and parameters, never from its title."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from people.models import Certification, Profile, ResponsibilityDeclaration
from roles.checklist import checklist_for, evaluate, months_before
from roles.models import Responsibility, RoleType, Rule


def item(role_slug: str, title: str) -> Responsibility:
    return Responsibility.objects.get(role_type__slug=role_slug, title=title)


def fresh(profile: Profile) -> Profile:
    return Profile.objects.for_checklist().get(pk=profile.pk)


def test_certification_item_is_met_by_a_current_recognised_certification(
    profile_factory, certification_factory
):
    profile = profile_factory(role_slug="trainer")
    status = evaluate(item("trainer", "Certification"), fresh(profile))
    assert not status.met
    assert "No verified certification" in status.reason

    certification = certification_factory(profile)
    status = evaluate(item("trainer", "Certification"), fresh(profile))
    assert status.met
    assert status.evidence == certification
    assert "SoFA" in status.reason


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"expires_on": "yesterday"}, "lapsed"),
        # The reason may be shown publicly: it must not reveal a pending submission.
        ({"status": Certification.Status.PENDING}, "No verified certification"),
        ({"status": Certification.Status.REVOKED}, "No verified certification"),
        ({"body_slug": None}, "not from a recognised body"),
    ],
)
def test_certification_item_is_not_met_otherwise_and_says_why(
    profile_factory, certification_factory, today, changes, reason
):
    profile = profile_factory(role_slug="trainer")
    if changes.get("expires_on") == "yesterday":
        changes = {
            "issued_on": today - datetime.timedelta(days=800),
            "expires_on": today - datetime.timedelta(days=1),
        }
    certification_factory(profile, **changes)
    status = evaluate(item("trainer", "Certification"), fresh(profile))
    assert not status.met
    assert reason in status.reason


def test_outreach_item_counts_only_the_last_twelve_months(profile_factory, outreach_factory):
    profile = profile_factory(role_slug="ambassador")
    outreach_factory(profile, days_ago=400)
    outreach_factory(profile, days_ago=-30)  # upcoming: not done yet
    assert not evaluate(item("ambassador", "Engages in Outreach"), fresh(profile)).met

    recent = outreach_factory(profile, days_ago=20)
    status = evaluate(item("ambassador", "Engages in Outreach"), fresh(profile))
    assert status.met
    assert status.evidence == recent
    assert recent.title in status.reason


def test_outreach_item_with_kinds_ignores_other_kinds(profile_factory, outreach_factory):
    profile = profile_factory(role_slug="trainer")
    outreach_factory(profile, kind="talk")
    assert not evaluate(item("trainer", "Education and Training"), fresh(profile)).met
    outreach_factory(profile, kind="workshop")
    assert evaluate(item("trainer", "Education and Training"), fresh(profile)).met


def test_contact_and_audience_items_follow_the_profile(profile_factory):
    profile = profile_factory(role_slug="ambassador", accepts_contact=False)
    assert not evaluate(item("ambassador", "Answers Queries"), fresh(profile)).met
    assert not evaluate(item("ambassador", "Tailors Information"), fresh(profile)).met

    with_both = profile_factory(accepts_contact=True, audiences=("educators",))
    assert evaluate(item("ambassador", "Answers Queries"), fresh(with_both)).met
    status = evaluate(item("ambassador", "Tailors Information"), fresh(with_both))
    assert status.met
    assert "Educators" in status.reason


def test_profile_fields_item_names_what_is_missing(profile_factory):
    profile = profile_factory(bio="", headline="Facilitator")
    status = evaluate(item("ambassador", "Provides Information"), fresh(profile))
    assert not status.met
    assert "bio" in status.reason
    profile.bio = "I host introductions to sociocracy."
    profile.save(update_fields=["bio"])
    assert evaluate(item("ambassador", "Provides Information"), fresh(profile)).met


def test_self_declared_item_is_met_by_the_members_declaration(profile_factory):
    profile = profile_factory(role_slug="ambassador")
    collaborates = item("ambassador", "Collaborates")
    assert not evaluate(collaborates, fresh(profile)).met

    ResponsibilityDeclaration.objects.create(
        profile=profile, responsibility=collaborates, note="I co-host with two trainers"
    )
    status = evaluate(collaborates, fresh(profile))
    assert status.met
    assert "co-host with two trainers" in status.reason
    # A declaration for one item says nothing about another.
    assert not evaluate(item("ambassador", "Cultivates Interest"), fresh(profile)).met


def test_an_item_added_as_data_is_evaluated_without_code(profile_factory, outreach_factory):
    ambassador = RoleType.objects.get(slug="ambassador")
    Responsibility.objects.create(
        role_type=ambassador,
        title="Writes Regularly",
        description="Publishes at least two articles a year.",
        order=99,
        rule=Rule.RECENT_OUTREACH,
        params={"months": 12, "kinds": ["article"], "min_count": 2},
    )
    profile = profile_factory(role_slug="ambassador")
    outreach_factory(profile, kind="article")

    checklist = checklist_for(ambassador, fresh(profile))
    added = checklist.items[-1]
    assert checklist.total == 9
    assert added.responsibility.title == "Writes Regularly"
    assert not added.met
    assert "has 1" in added.reason

    outreach_factory(profile, kind="article", days_ago=90)
    assert checklist_for(ambassador, fresh(profile)).items[-1].met


def test_inactive_items_are_not_counted(profile_factory):
    Responsibility.objects.filter(title="Collaborates").update(is_active=False)
    ambassador = RoleType.objects.get(slug="ambassador")
    checklist = checklist_for(ambassador, fresh(profile_factory()))
    assert checklist.total == 7
    assert "Collaborates" not in [status.responsibility.title for status in checklist.items]


def test_a_whole_checklist_costs_no_query_once_prefetched(
    profile_factory, certification_factory, outreach_factory, django_assert_num_queries
):
    profile = profile_factory(role_slug="trainer", audiences=("educators",))
    certification_factory(profile)
    outreach_factory(profile)
    trainer = RoleType.objects.with_checklist().get(slug="trainer")
    prefetched = fresh(profile)
    with django_assert_num_queries(0):
        checklist_for(trainer, prefetched)


@pytest.mark.parametrize(
    ("rule", "params"),
    [
        (Rule.RECENT_OUTREACH, {"month": 12}),
        (Rule.RECENT_OUTREACH, {"months": 0}),
        (Rule.PROFILE_FIELDS, {"fields": ["email"]}),
        (Rule.PROFILE_FIELDS, {}),
    ],
)
def test_admin_typos_in_parameters_are_refused(db, rule, params):
    trainer = RoleType.objects.get(slug="trainer")
    responsibility = Responsibility(
        role_type=trainer, title="New item", description="x", rule=rule, params=params
    )
    with pytest.raises(ValidationError):
        responsibility.full_clean()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 1, 15), 12, datetime.date(2025, 1, 15)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2023, 2, 28)),
    ],
)
def test_months_before_handles_short_months(day, months, expected):
    assert months_before(day, months) == expected
