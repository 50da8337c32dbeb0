"""/me/: the member's dashboard, and login being required on every /me/ page of this part."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse

from people.models import Certification, RoleHolding
from people.services.profiles import profile_create


@pytest.fixture
def member(client, profile_factory):
    profile = profile_factory(display_name="Ada Lovelace", listed=False, headline="", bio="")
    client.force_login(profile.user)
    return profile


@pytest.mark.parametrize(
    "name", ["me:dashboard", "me:profile-edit", "me:profile-preview", "me:export", "me:delete"]
)
def test_me_pages_send_visitors_to_log_in(client, db, name):
    url = reverse(name)

    response = client.get(url)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"{reverse('account_login')}?next={url}"


def test_deleting_needs_login_too(client, db):
    response = client.post(reverse("me:delete"), {"password": "anything"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))


def test_new_member_sees_completeness_and_first_steps(client, member):
    response = client.get("/me/")

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Welcome, Ada Lovelace" in html
    assert "Profile 12% complete" in html  # only "how you work" is filled in
    assert "A bio" in html
    assert "A photo" in html
    assert "Add a bio" in html
    assert "Join as ambassador" in html
    assert 'href="/me/roles/"' in html
    assert "not listed" in html


def test_complete_profile_is_100_percent(client, profile_factory):
    profile = profile_factory(
        bio="Long experience.",
        country="NL",
        website="https://example.org/",
        languages=("en",),
        audiences=("educators",),
        avatar="avatars/ada.webp",
    )
    client.force_login(profile.user)

    html = client.get("/me/").content.decode()

    assert "Profile 100% complete" in html
    assert "Everything is filled in." in html


def test_roles_show_checklist_progress(client, member, role, outreach_factory):
    RoleHolding.objects.create(
        profile=member, role_type=role("ambassador"), status=RoleHolding.Status.ACTIVE
    )
    outreach_factory(member, title="Sociocracy for schools")
    total = role("ambassador").responsibilities.active().count()

    html = client.get("/me/").content.decode()

    assert "Ambassador" in html
    assert f" of {total} met" in html
    assert "Sociocracy for schools" in html
    assert 'href="/me/checklist/"' in html
    assert "Join as ambassador" not in html


def test_trainer_without_certificate_is_asked_to_add_one(client, member, role):
    RoleHolding.objects.create(profile=member, role_type=role("trainer"), status="applied")

    html = client.get("/me/").content.decode()

    assert "Add a certification" in html
    assert 'href="/me/certifications/add/"' in html


def test_lapsed_certification_is_flagged(client, member, certification_factory, today):
    certification_factory(
        member,
        issued_on=today - datetime.timedelta(days=800),
        expires_on=today - datetime.timedelta(days=10),
    )

    html = client.get("/me/").content.decode()

    assert "Certification lapsed" in html
    assert "Expired on" in html


def test_revoked_last_certification_is_flagged_as_lapsed(client, member, certification_factory):
    certification_factory(member, status=Certification.Status.REVOKED)

    html = client.get("/me/").content.decode()

    assert "Certification lapsed" in html


def test_current_certification_is_not_lapsed(client, member, certification_factory):
    certification_factory(member)
    certification_factory(member, status=Certification.Status.PENDING)

    html = client.get("/me/").content.decode()

    assert "Certification lapsed" not in html
    assert "Verified, valid until" in html
    assert "Pending review" in html


def test_dashboard_shows_only_the_members_own_records(
    client, member, profile_factory, outreach_factory, certification_factory
):
    other = profile_factory(display_name="Grace Hopper")
    outreach_factory(other, title="Grace's talk")
    certification_factory(other, body_slug="iscb")

    html = client.get("/me/").content.decode()

    assert "Grace" not in html
    assert "ISCB" not in html


def test_account_made_without_profile_gets_one_on_first_visit(client, user_factory):
    user = user_factory()
    client.force_login(user)

    response = client.get("/me/")

    assert response.status_code == HTTPStatus.OK
    assert "Welcome, New member" in response.content.decode()
    assert user.email not in response.content.decode().split("<main", 1)[1]


def test_dashboard_query_count_is_fixed(client, member, role, django_assert_max_num_queries):
    RoleHolding.objects.create(profile=member, role_type=role("ambassador"), status="active")
    profile_create(user=member.user, display_name="ignored: profile exists")

    with django_assert_max_num_queries(20):
        response = client.get("/me/")

    assert response.status_code == HTTPStatus.OK
