"""/me/roles/: joining, applying, pausing, resuming, ending and rejoining a role."""

import html
from http import HTTPStatus

import pytest
from django.urls import reverse

from people.models import RoleHolding
from roles.models import RoleType


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def member(client, profile_factory):
    profile = profile_factory(listed=False)
    client.force_login(profile.user)
    return profile


def join(client, role_type: RoleType):
    return client.post(reverse("me:role-join", args=[role_type.slug]), follow=True)


def test_roles_page_needs_login(client):
    response = client.get(reverse("me:roles"))

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


def test_join_as_ambassador_is_active_at_once(client, member, role):
    response = join(client, role("ambassador"))

    holding = member.holdings.get()
    assert holding.role_type == role("ambassador")
    assert holding.status == RoleHolding.Status.ACTIVE
    assert "You are now an active ambassador." in text(response)


def test_apply_as_trainer_stays_applied_and_the_page_says_how_it_becomes_active(
    client, member, role
):
    response = join(client, role("trainer"))

    assert member.holdings.get().status == RoleHolding.Status.APPLIED
    page = text(response)
    assert "becomes active once a reviewer verifies one of your certifications" in page
    assert f'href="{reverse("me:certification-add")}"' in page


def test_trainer_with_a_current_recognised_certification_is_active_at_once(
    client, member, role, certification_factory
):
    certification_factory(member)

    join(client, role("trainer"))

    assert member.holdings.get().status == RoleHolding.Status.ACTIVE


def test_a_certification_from_an_unlisted_body_does_not_make_a_trainer_active(
    client, member, role, certification_factory
):
    certification_factory(member, body_slug=None)

    join(client, role("trainer"))

    assert member.holdings.get().status == RoleHolding.Status.APPLIED


def test_what_joining_does_comes_from_the_role_type_data(client, member):
    mentor = RoleType.objects.create(
        slug="mentor",
        name="Mentor",
        purpose="Accompanies new trainers",
        summary="A mentor.",
        description="A mentor.",
        requires_certification=True,
    )
    page = text(client.get(reverse("me:roles")))
    assert "Apply as mentor" in page

    join(client, mentor)

    assert member.holdings.get().status == RoleHolding.Status.APPLIED


def test_pause_resume_end_and_rejoin_keep_the_history(client, member, role):
    ambassador = role("ambassador")
    join(client, ambassador)
    holding = member.holdings.get()

    response = client.post(
        reverse("me:holding-pause", args=[holding.pk]),
        {f"pause-{holding.pk}-note": "Back in spring"},
        follow=True,
    )
    holding.refresh_from_db()
    assert holding.status == RoleHolding.Status.PAUSED
    assert "Your note: Back in spring" in text(response)

    client.post(reverse("me:holding-resume", args=[holding.pk]))
    holding.refresh_from_db()
    assert holding.status == RoleHolding.Status.ACTIVE
    assert holding.note == ""

    client.post(
        reverse("me:holding-end", args=[holding.pk]),
        {f"end-{holding.pk}-reason": RoleHolding.EndReason.END_OF_TERM},
    )
    holding.refresh_from_db()
    assert holding.status == RoleHolding.Status.ENDED
    assert holding.end_reason == RoleHolding.EndReason.END_OF_TERM
    assert holding.ended_on is not None

    response = join(client, ambassador)

    assert member.holdings.count() == 2
    assert member.holdings.open().get().status == RoleHolding.Status.ACTIVE
    page = text(response)
    assert "Roles you held earlier" in page
    assert "End of term" in page


def test_joining_twice_is_refused_and_never_applied_twice(client, member, role):
    join(client, role("ambassador"))

    response = join(client, role("ambassador"))

    assert member.holdings.count() == 1
    assert "You already hold this role." in text(response)


def test_applying_twice_as_trainer_is_refused(client, member, role):
    join(client, role("trainer"))

    response = join(client, role("trainer"))

    assert member.holdings.count() == 1
    assert "You already hold this role." in text(response)


def test_ending_needs_a_reason_and_the_form_says_so(client, member, role):
    join(client, role("ambassador"))
    holding = member.holdings.get()

    response = client.post(
        reverse("me:holding-end", args=[holding.pk]), {f"end-{holding.pk}-note": "Busy"}
    )

    assert response.status_code == HTTPStatus.OK
    assert f'id="id_end-{holding.pk}-reason_error"' in text(response)
    assert 'value="Busy"' in text(response)
    holding.refresh_from_db()
    assert holding.is_open


def test_a_member_cannot_suspend_themselves(client, member, role):
    join(client, role("ambassador"))
    holding = member.holdings.get()

    response = client.post(
        reverse("me:holding-end", args=[holding.pk]),
        {f"end-{holding.pk}-reason": RoleHolding.EndReason.SUSPENDED},
    )

    assert "Select a valid choice" in text(response)
    holding.refresh_from_db()
    assert holding.is_open


def test_only_a_paused_role_can_be_resumed(client, member, role):
    join(client, role("ambassador"))
    holding = member.holdings.get()

    response = client.post(reverse("me:holding-resume", args=[holding.pk]), follow=True)

    assert "Only a paused role can be resumed" in text(response)
    holding.refresh_from_db()
    assert holding.status == RoleHolding.Status.ACTIVE


def test_an_application_cannot_be_paused(client, member, role):
    join(client, role("trainer"))
    holding = member.holdings.get()

    response = client.post(reverse("me:holding-pause", args=[holding.pk]), follow=True)

    assert "Only an active role can be paused" in text(response)
    holding.refresh_from_db()
    assert holding.status == RoleHolding.Status.APPLIED


def test_a_paused_trainer_keeps_the_certification(client, member, role, certification_factory):
    certification = certification_factory(member)
    join(client, role("trainer"))
    holding = member.holdings.get()

    client.post(reverse("me:holding-pause", args=[holding.pk]))

    certification.refresh_from_db()
    assert certification.status == certification.Status.VERIFIED


def test_role_actions_only_accept_post(client, member, role):
    join(client, role("ambassador"))
    holding = member.holdings.get()

    response = client.get(reverse("me:holding-end", args=[holding.pk]))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
