"""Hostile text typed into any field comes back as text, never as markup or script.

A member fills every text field they can edit (profile, links, outreach, certifications,
checklist and role notes) through the site's own forms with markup that would run if it were
not escaped, each field with its own tag so a page shows which one leaked. A reviewer decides
with hostile notes, a visitor sends hostile contact fields. Then every page that shows them,
public, member and reviewer, is read: the raw markup appears nowhere, its escaped form appears
where the field is shown, and the profile's JSON-LD block cannot be closed early.

URL fields take no javascript: or data: address through a form; one stored by another route
(the shell, an import) is still never made a link.
"""

import datetime
import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from people.models import Certification, OutreachRecord, Profile, ProfileLink, RoleHolding
from people.services.reviews import Decision, certification_decide
from roles.models import Rule
from tests.people.review_support import make_reviewer
from tests.security.support import profile_form

# What must never reach a page unescaped. Every payload carries both.
RAW_MARKERS = ("<script>alert(", "<img src=x onerror")
SCRIPT_LINKS = ("javascript:", "data:text/html")


def hostile(tag: str) -> str:
    """Markup that breaks out of an attribute and of text, tagged with the field's name."""
    return f'"><script>alert("{tag}")</script><img src=x onerror=alert("{tag}")>'


def escaped(tag: str) -> str:
    return escape(hostile(tag))


def in_json(tag: str) -> str:
    """How the payload reads inside the JSON-LD block: <, > and & as \\u escapes."""
    return f'\\"\\u003E\\u003Cscript\\u003Ealert(\\"{tag}\\")\\u003C/script\\u003E'


# A link may carry the payload in its query: URLValidator accepts it, so only escaping helps.
HOSTILE_LINK = 'https://links.example/?q="><script>alert("link")</script>'
HOSTILE_OUTREACH_LINK = 'https://talks.example/?q="><script>alert("olink")</script>'
SEARCH_WORD = "Zorblax"


def certification_form(body_text: str, level_text: str) -> dict:
    return {
        "body": "",
        "other_body": body_text,
        "level": "",
        "other_level": level_text,
        "issued_on": "2024-03-01",
        "expires_on": "",
        "evidence_url": HOSTILE_LINK,
    }


def post_ok(client: Client, url: str, data: dict) -> None:
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]


@pytest.fixture
def world(client, profile_factory, user_factory, role, today):
    """A listed member who typed hostile text everywhere, through the site's forms."""
    profile = profile_factory(slug="hostile", display_name="Placeholder")
    RoleHolding.objects.create(
        profile=profile, role_type=role("ambassador"), status=RoleHolding.Status.ACTIVE
    )
    client.force_login(profile.user)
    post_ok(
        client,
        reverse("me:profile-edit"),
        profile_form(
            profile,
            display_name=f"{SEARCH_WORD} {hostile('name')}",
            headline=hostile("headline"),
            bio=f'{hostile("bio")}\n\nSee https://bio.example/?q="><script>alert(1)</script>',
            city=hostile("city"),
            **{"links-0-kind": "other", "links-0-url": HOSTILE_LINK},
        ),
    )
    post_ok(
        client,
        reverse("me:outreach-add"),
        {
            "kind": "talk",
            "title": hostile("title"),
            "held_on": (today - datetime.timedelta(days=30)).isoformat(),
            "audience": hostile("audience"),
            "place": hostile("place"),
            "description": hostile("description"),
            "link": HOSTILE_OUTREACH_LINK,
        },
    )
    for number in (1, 2, 3):
        post_ok(
            client,
            reverse("me:certification-add"),
            certification_form(hostile(f"body{number}"), hostile(f"lvl{number}")),
        )
    item = role("ambassador").responsibilities.filter(rule=Rule.SELF_DECLARED).first()
    post_ok(
        client,
        reverse("me:checklist-declare", args=[item.pk]),
        {f"item-{item.pk}-note": hostile("declaration")},
    )
    # An ended role keeps its note in the member's history.
    holding = RoleHolding.objects.create(
        profile=profile, role_type=role("trainer"), status=RoleHolding.Status.ACTIVE
    )
    post_ok(
        client,
        reverse("me:holding-end", args=[holding.pk]),
        {f"end-{holding.pk}-reason": "stepped_down", f"end-{holding.pk}-note": hostile("holding")},
    )

    reviewer = make_reviewer(user_factory)
    verified, sent_back, pending = profile.certifications.order_by("pk")
    certification_decide(
        certification_id=verified.pk,
        reviewer=reviewer,
        decision=Decision.VERIFY,
        note=hostile("verifynote"),
        expected_status=Certification.Status.PENDING,
    )
    certification_decide(
        certification_id=sent_back.pk,
        reviewer=reviewer,
        decision=Decision.REQUEST_CHANGES,
        note=hostile("changesnote"),
        expected_status=Certification.Status.PENDING,
    )
    profile.refresh_from_db()
    assert profile.display_name == f"{SEARCH_WORD} {hostile('name')}"
    return {
        "profile": profile,
        "verified": verified,
        "sent_back": sent_back,
        "pending": pending,
        "outreach": profile.outreach.get(),
        "reviewer": reviewer,
    }


def assert_escaped(html: str, url: str, shown: set[str]) -> None:
    for marker in RAW_MARKERS:
        assert marker not in html, f"raw markup on {url}: …{html[html.find(marker) - 80 :][:200]}…"
    for tag in shown:
        assert escaped(tag) in html, f"{tag} is not shown, escaped, on {url}"


def html_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    assert response["Content-Type"].startswith("text/html"), url
    return response.content.decode()


PUBLIC_PROFILE = {"name", "headline", "bio", "city", "title", "audience", "place", "body1", "lvl1"}


def test_the_public_pages_escape_what_members_typed(client, world):
    profile, verified = world["profile"], world["verified"]
    visitor = Client()
    pages = {
        profile.get_absolute_url(): PUBLIC_PROFILE | {"declaration"},
        reverse("people:directory"): {"name", "headline", "city"},
        f"{reverse('people:directory')}?q={SEARCH_WORD}": {"name", "headline", "city"},
        verified.get_verify_url(): {"name", "body1", "lvl1"},
        reverse("people:profile-contact", args=[profile.slug]): {"name"},
        reverse("roles:home"): set(),
        reverse("roles:role-detail", args=["ambassador"]): set(),
        reverse("people:countries"): set(),
    }

    for url, shown in pages.items():
        assert_escaped(html_of(visitor, url), url, shown)


def test_the_profiles_json_ld_block_holds_the_text_as_data(client, world):
    html = html_of(Client(), world["profile"].get_absolute_url())

    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    for tag in ("name", "headline", "city", "body1"):
        assert in_json(tag) in blocks[0], tag
    assert "<" not in blocks[0]


def test_the_members_own_pages_escape_what_they_typed(client, world):
    sent_back, pending, record = world["sent_back"], world["pending"], world["outreach"]
    pages = {
        reverse("me:dashboard"): {"name", "title"},
        reverse("me:profile-edit"): {"name", "headline", "bio", "city"},
        reverse("me:profile-preview"): PUBLIC_PROFILE,
        reverse("me:roles"): {"holding"},
        reverse("me:checklist"): {"declaration"},
        reverse("me:certifications"): {"body1", "lvl1", "body2", "lvl2", "changesnote"},
        reverse("me:certification-edit", args=[sent_back.pk]): {"body2", "lvl2"},
        reverse("me:certification-edit", args=[pending.pk]): {"body3", "lvl3"},
        reverse("me:certification-withdraw", args=[pending.pk]): {"body3", "lvl3"},
        reverse("me:outreach"): {"title", "audience", "place", "description"},
        reverse("me:outreach-edit", args=[record.pk]): {"title", "audience", "place"},
        reverse("me:outreach-delete", args=[record.pk]): {"title"},
    }

    for url, shown in pages.items():
        assert_escaped(html_of(client, url), url, shown)
    edit_form = html_of(client, reverse("me:profile-edit"))
    assert f'value="{escape(HOSTILE_LINK)}"' in edit_form


def test_the_data_export_is_a_download_not_a_page(client, world):
    response = client.get(reverse("me:export"))

    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_review_pages_escape_what_members_and_reviewers_typed(client, world):
    client.force_login(world["reviewer"])
    holder = {"name", "headline", "city"}
    pages = {
        reverse("review:queue"): {"name", "body3", "lvl3"},
        f"{reverse('review:queue')}?status=all": {"name", "body1", "body2", "body3"},
        reverse("review:certification", args=[world["verified"].pk]): holder
        | {"body1", "lvl1", "verifynote", "body2"},
        reverse("review:certification", args=[world["sent_back"].pk]): holder
        | {"body2", "lvl2", "changesnote"},
        reverse("review:certification", args=[world["pending"].pk]): holder | {"body3", "lvl3"},
    }

    for url, shown in pages.items():
        assert_escaped(html_of(client, url), url, shown)


def test_links_with_markup_in_their_query_stay_inside_the_href(client, world):
    profile_page = html_of(Client(), world["profile"].get_absolute_url())
    client.force_login(world["reviewer"])
    review_page = html_of(client, reverse("review:certification", args=[world["pending"].pk]))

    assert f'href="{escape(HOSTILE_LINK)}"' in profile_page
    assert f'href="{escape(HOSTILE_OUTREACH_LINK)}"' in profile_page
    assert f'href="{escape(HOSTILE_LINK)}"' in review_page
    assert "<script>alert(" not in profile_page + review_page


# --- What visitors type: search, verification codes, the contact form --------------------------


def test_search_words_and_codes_are_echoed_escaped(db):
    visitor = Client()
    directory = html_of(visitor, f"{reverse('people:directory')}?q={hostile('q')}")
    code = '"><img src=x onerror=alert("code")>'  # no "/" in a URL path segment
    unknown = visitor.get(reverse("people:verify", args=[code]))

    assert_escaped(directory, "directory", {"q"})
    assert unknown.status_code == HTTPStatus.NOT_FOUND
    assert "<img src=x onerror" not in unknown.content.decode()


def test_review_queue_filters_are_echoed_escaped(client, world):
    client.force_login(world["reviewer"])

    page = html_of(client, f"{reverse('review:queue')}?q={hostile('filter')}&status=all")

    assert_escaped(page, "review queue", {"filter"})


def test_the_contact_form_gives_back_hostile_fields_escaped(world, mailoutbox):
    visitor = Client()
    url = reverse("people:profile-contact", args=[world["profile"].slug])

    response = visitor.post(
        url,
        {
            "sender_name": hostile("sender"),
            "sender_email": "visitor@example.org",
            "subject": hostile("subject"),
            "message": "short",  # too short: the form comes back with what was typed
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert_escaped(response.content.decode(), url, {"sender", "subject"})
    assert mailoutbox == []


def test_the_contact_email_escapes_hostile_fields_in_its_html_part(world, mailoutbox):
    visitor = Client()
    url = reverse("people:profile-contact", args=[world["profile"].slug])

    visitor.post(
        url,
        {
            "sender_name": hostile("sender"),
            "sender_email": "visitor@example.org",
            "subject": hostile("subject"),
            "message": f"A long enough message. {hostile('message')}",
        },
    )

    (message,) = mailoutbox
    (html_part, _type) = message.alternatives[0]
    assert_escaped(html_part, "contact email", {"sender", "message"})


# --- URL fields -------------------------------------------------------------------------------

SCRIPT_URLS = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>"]


@pytest.mark.parametrize("address", SCRIPT_URLS)
def test_url_fields_refuse_script_addresses(client, world, address):
    profile = world["profile"]
    profile.refresh_from_db()
    links_before = list(profile.links.values_list("url", flat=True))

    answers = [
        client.post(reverse("me:profile-edit"), profile_form(profile, website=address)),
        client.post(
            reverse("me:profile-edit"),
            profile_form(profile, **{"links-0-kind": "other", "links-0-url": address}),
        ),
        client.post(
            reverse("me:outreach-add"),
            {"kind": "talk", "title": "Refused", "held_on": "2025-01-01", "link": address},
        ),
        client.post(
            reverse("me:certification-add"),
            {**certification_form("Refused body", "Refused level"), "evidence_url": address},
        ),
    ]

    for response in answers:
        assert response.status_code == HTTPStatus.OK  # the form again, with its error
        assert "Enter a valid URL." in response.content.decode()
    profile.refresh_from_db()
    assert profile.website == ""
    assert list(profile.links.values_list("url", flat=True)) == links_before
    assert not OutreachRecord.objects.filter(title="Refused").exists()
    assert not Certification.objects.filter(other_body="Refused body").exists()


def test_a_script_address_stored_another_way_is_never_made_a_link(client, world):
    """The shell or an import can skip form validation: pages still only link http(s)."""
    profile, record = world["profile"], world["outreach"]
    Profile.objects.filter(pk=profile.pk).update(website=SCRIPT_URLS[0])
    ProfileLink.objects.create(profile=profile, url=SCRIPT_URLS[1])
    OutreachRecord.objects.filter(pk=record.pk).update(link=SCRIPT_URLS[0])
    profile.certifications.update(evidence_url=SCRIPT_URLS[0])
    pages = [
        (Client(), profile.get_absolute_url()),
        (client, reverse("me:profile-preview")),
        (client, reverse("me:outreach")),
        (client, reverse("me:certifications")),
        (client, reverse("me:dashboard")),
    ]
    reviewer = Client()
    reviewer.force_login(world["reviewer"])
    pages += [(reviewer, reverse("review:certification", args=[world["pending"].pk]))]

    for page_client, url in pages:
        html = html_of(page_client, url)
        hrefs = re.findall(r'(?:href|src|action)="([^"]*)"', html)
        assert not [href for href in hrefs if href.lower().startswith(SCRIPT_LINKS)], url
