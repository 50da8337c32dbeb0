"""A member's email address is never shown on any public page.

A listed member with every public trace (roles, a verified certification, outreach, links,
contact accepted) has a known address. Every public URL in the resolver is opened, its
arguments filled with that member's slug, verification code, role slugs and sitemap sections,
by a visitor and by another logged-in member, and a directory search for their name: neither
the address nor its local part appears in any body or header.
"""

from http import HTTPStatus
from urllib.parse import quote

import pytest
from django.test import Client

from people.models import Certification, ProfileLink
from roles.models import RoleType
from roles.sitemaps import SITEMAPS
from sociodir.access import PUBLIC
from tests.security.support import Route, walk

ADDRESS = "quietly.private.4711@mailhost.example"
LOCAL_PART = ADDRESS.split("@")[0]
NAME = "Ottoline Brackenbury"


@pytest.fixture
def member(profile_factory, user_factory, certification_factory, outreach_factory, role):
    profile = profile_factory(
        user=user_factory(email=ADDRESS),
        display_name=NAME,
        slug="ottoline",
        role_slug="trainer",
        certified=True,
        accepts_contact=True,
        show_city=True,
        city="Utrecht",
        country="NL",
        bio="Trainer and facilitator. Write to me through the form on this page.",
        website="https://ottoline.example",
        audiences=("educators",),
    )
    ProfileLink.objects.create(profile=profile, url="https://social.example/@ottoline")
    outreach_factory(profile, days_ago=20)
    outreach_factory(profile, days_ago=-20)
    return profile


def argument_values(route: Route, member) -> list[dict]:
    """Every way to fill the route's arguments that shows this member or a page about them."""
    certification = member.certifications.get(status=Certification.Status.VERIFIED)
    choices = {
        "slug": [member.slug]
        if route.name.startswith("people:")
        else list(RoleType.objects.values_list("slug", flat=True)),
        "code": [certification.verification_code],
        "section": list(SITEMAPS),
    }
    fillings = [{}]
    for name in route.arguments:
        fillings = [{**filling, name: value} for filling in fillings for value in choices[name]]
    return fillings


def public_urls(member) -> list[str]:
    routes = [route for route in walk() if getattr(route.callback, "access_rule", None) == PUBLIC]
    urls = [route.url(**kwargs) for route in routes for kwargs in argument_values(route, member)]
    return [*urls, f"/directory/?q={quote(NAME)}", f"/directory/?q={quote(NAME)}&role=trainer"]


def test_the_sweep_reaches_the_members_pages(member):
    urls = public_urls(member)

    assert {"/", "/directory/", "/roles/compare/", "/roles/trainer/", "/people/ottoline/"} <= set(
        urls
    )
    assert "/sitemap-people.xml" in urls
    assert any(url.startswith("/verify/") and len(url) > len("/verify/") for url in urls)


@pytest.mark.parametrize("who", ["visitor", "another-member"])
def test_no_public_page_shows_the_members_email_address(member, user_factory, who):
    client = Client()
    if who == "another-member":
        client.force_login(user_factory())
    seen_name = []

    for url in public_urls(member):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        body = b"".join(response) if response.streaming else response.content
        text = body.decode().lower()
        headers = str(response.headers).lower()
        assert LOCAL_PART not in text, url
        assert LOCAL_PART not in headers, url
        assert quote(ADDRESS).lower() not in text, url
        if NAME in body.decode():
            seen_name.append(url)

    # The member is really on the pages checked: their name shows on the profile and in the
    # directory, so their address would have had its chance to show too.
    assert "/people/ottoline/" in seen_name
    assert f"/directory/?q={quote(NAME)}" in seen_name


@pytest.mark.parametrize("query", [ADDRESS, LOCAL_PART, "mailhost.example"])
def test_the_directory_does_not_find_a_member_by_their_address(client, member, query):
    response = client.get("/directory/", {"q": query})

    assert response.status_code == HTTPStatus.OK
    assert NAME not in response.content.decode()
