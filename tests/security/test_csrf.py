"""A form posted from another site is refused: no POST without the CSRF token gets through.

Every URL under /me/ and /accounts/ (allauth), and the contact form, is found by walking the
resolver and posted to by a logged-in member whose browser does not send the token, with data
that would change something if it were accepted. Each answers 403 Forbidden, nothing of the
member's changes, no email leaves and the member stays logged in.
"""

from http import HTTPStatus

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from people.models import Certification, RoleHolding
from roles.models import Rule
from tests.people.review_support import PDF_BYTES
from tests.security.support import Route, routes_under, snapshot, walk

PASSWORD = "correct horse battery"

# One body for every form: whatever fields a view reads, it would find something to act on.
HOSTILE_POST = {
    # account and allauth
    "login": "member@example.org",
    "email": "attacker@example.org",
    "password": PASSWORD,
    "oldpassword": PASSWORD,
    "password1": "a whole new secret 123",
    "password2": "a whole new secret 123",
    "action_add": "1",
    "action_remove": "1",
    "action_primary": "1",
    "code": "123456",
    # profile
    "display_name": "Taken over",
    "slug": "taken-over",
    "is_listed": "on",
    # records
    "kind": "talk",
    "title": "Taken over",
    "held_on": "2025-01-01",
    "note": "Taken over",
    "reason": RoleHolding.EndReason.STEPPED_DOWN,
    "issued_on": "2024-01-01",
    "other_body": "Taken over",
    "other_level": "Taken over",
    "evidence_url": "https://taken.example/over",
    # contact form
    "sender_name": "Someone",
    "sender_email": "someone@example.org",
    "subject": "Hello",
    "message": "A message long enough to be sent.",
}


@pytest.fixture
def member(profile_factory, certification_factory, outreach_factory, role):
    profile = profile_factory(
        role_slug="ambassador", accepts_contact=True, display_name="Csrf Member"
    )
    certification_factory(
        profile,
        status=Certification.Status.PENDING,
        evidence_file=ContentFile(PDF_BYTES, name="evidence.pdf"),
    )
    outreach_factory(profile)
    item = role("ambassador").responsibilities.filter(rule=Rule.SELF_DECLARED).first()
    profile.declarations.create(responsibility=item)
    return profile


@pytest.fixture
def browser(member) -> Client:
    """The member's browser, which sends no CSRF token with a forged form."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(member.user)
    return client


def own_ids(member) -> dict[str, int]:
    """The member's own row for each id URL: what a forged form would aim at."""
    return {
        "me:holding-pause": member.holdings.get().pk,
        "me:holding-resume": member.holdings.get().pk,
        "me:holding-end": member.holdings.get().pk,
        "me:checklist-declare": member.declarations.get().responsibility_id,
        "me:checklist-undeclare": member.declarations.get().pk,
        "me:certification-edit": member.certifications.get().pk,
        "me:certification-withdraw": member.certifications.get().pk,
        "me:certification-evidence": member.certifications.get().pk,
        "me:outreach-edit": member.outreach.get().pk,
        "me:outreach-delete": member.outreach.get().pk,
    }


def filled_url(route: Route, member) -> str:
    kwargs = {}
    for name in route.arguments:
        if name in route.object_id_arguments:
            kwargs[name] = own_ids(member)[route.name]
        elif route.name.startswith("people:"):
            kwargs[name] = member.slug
        elif name == "slug":
            kwargs[name] = "trainer"
        else:
            kwargs[name] = "abc"
    if route.arguments and not route.name:
        raise AssertionError(f"{route.path} has arguments but no name to reverse")
    return route.url(**kwargs)


def forged_targets() -> list[Route]:
    routes = routes_under("me/", "accounts/")
    routes += [route for route in walk() if route.name == "people:profile-contact"]
    return routes


def test_the_forged_posts_cover_member_contact_and_allauth_pages():
    names = {route.name for route in forged_targets()}

    assert {"me:profile-edit", "me:delete", "me:outreach-add", "people:profile-contact"} <= names
    assert {"account_logout", "account_email", "account_change_password"} <= names
    assert len(names) > 40


@pytest.mark.parametrize("route", forged_targets(), ids=lambda route: route.name or route.path)
def test_a_post_without_the_csrf_token_is_forbidden_and_changes_nothing(browser, member, route):
    url = filled_url(route, member)
    before = snapshot(member)

    response = browser.post(url, HOSTILE_POST)

    assert response.status_code == HTTPStatus.FORBIDDEN, url
    assert "CSRF" in response.content.decode()
    assert snapshot(member) == before
    assert mail.outbox == []
    assert browser.session.get(SESSION_KEY) == str(member.user.pk)


def token_from(client: Client, url: str) -> str:
    client.get(url)
    return client.cookies["csrftoken"].value


def test_with_the_token_the_same_forms_work(browser, member):
    """The 403s come from the missing token: with it, the member can log outreach and log out."""
    token = token_from(browser, reverse("me:outreach-add"))

    logged = browser.post(
        reverse("me:outreach-add"),
        {"kind": "talk", "title": "With the token", "held_on": "2025-01-01"},
        HTTP_X_CSRFTOKEN=token,
    )
    out = browser.post(reverse("account_logout"), {"csrfmiddlewaretoken": token})

    assert logged.status_code == HTTPStatus.FOUND
    assert member.outreach.filter(title="With the token").exists()
    assert out.status_code == HTTPStatus.FOUND
    assert SESSION_KEY not in browser.session
