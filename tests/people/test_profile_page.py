import datetime
import json
import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from people.models import Certification, ProfileLink, ResponsibilityDeclaration, RoleHolding
from roles.models import Responsibility

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(response) -> dict:
    blocks = JSON_LD.findall(response.content.decode())
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_profile_shows_name_headline_and_roles_with_since_dates(client, profile_factory, today):
    profile = profile_factory(role_slug="ambassador", display_name="Ada Circle")
    started = today - datetime.timedelta(days=200)

    response = client.get(profile.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "<h1>Ada Circle</h1>" in page
    assert "Helps groups decide together" in page
    assert f'Ambassador since <time datetime="{started:%Y-%m-%d}">' in page


def test_paused_role_is_shown_as_paused(client, profile_factory):
    profile = profile_factory(role_slug="ambassador")
    profile.holdings.update(status=RoleHolding.Status.PAUSED)

    response = client.get(profile.get_absolute_url())

    assert "currently paused" in response.content.decode()


def test_applied_role_is_shown_only_to_its_owner(client, profile_factory, role, user_factory):
    profile = profile_factory()
    RoleHolding.objects.create(profile=profile, role_type=role("trainer"))

    visitor_page = client.get(profile.get_absolute_url()).content.decode()
    client.force_login(user_factory())
    member_page = client.get(profile.get_absolute_url()).content.decode()
    client.force_login(profile.user)
    owner_page = client.get(profile.get_absolute_url()).content.decode()

    assert "Applied on" not in visitor_page
    assert "Applied on" not in member_page
    assert "Applied on" in owner_page


def test_checklist_shows_met_and_not_yet_items_with_reasons(
    client, profile_factory, outreach_factory
):
    profile = profile_factory(role_slug="ambassador", audiences=("educators",))
    outreach_factory(profile, title="Consent for beginners")
    answers = Responsibility.objects.get(role_type__slug="ambassador", rule="accepts_contact")
    declared = Responsibility.objects.filter(
        role_type__slug="ambassador", rule="self_declared"
    ).first()
    ResponsibilityDeclaration.objects.create(
        profile=profile, responsibility=declared, note="Monthly open circle"
    )

    page = client.get(profile.get_absolute_url()).content.decode()

    assert "Works with: Educators and schools." in page
    assert "Consent for beginners" in page
    assert "Monthly open circle" in page
    assert answers.title in page
    assert "Does not accept contact messages." in page
    assert "Not yet" in page
    total = Responsibility.objects.filter(role_type__slug="ambassador", is_active=True).count()
    assert f"of {total} met" in page


def test_active_trainer_without_certification_is_marked_not_practising(client, profile_factory):
    profile = profile_factory(role_slug="trainer")

    page = client.get(profile.get_absolute_url()).content.decode()

    assert "Not practising at the moment" in page
    assert "No verified certification yet." in page


def test_current_certification_is_shown_with_dates_and_verify_link(
    client, profile_factory, certification_factory, today
):
    profile = profile_factory(role_slug="trainer")
    certification = certification_factory(profile, body_slug="iscb")

    page = client.get(profile.get_absolute_url()).content.decode()

    assert "ISCB Consultant" in page
    assert f"{certification.issued_on:%Y-%m-%d}" in page
    assert f"{certification.expires_on:%Y-%m-%d}" in page
    assert f'href="{certification.get_verify_url()}"' in page
    assert '<li class="badge badge-certified">Certified</li>' in page
    assert "Not practising" not in page


def test_certification_from_an_unrecognised_body_is_shown_but_not_counted(
    client, profile_factory, certification_factory
):
    profile = profile_factory(role_slug="trainer")
    certification_factory(profile, body_slug=None)

    page = client.get(profile.get_absolute_url()).content.decode()

    assert "Some Local Circle Institute" in page
    assert "(issuing body not recognised by this directory)" in page
    assert "badge-certified" not in page
    assert "Not practising at the moment" in page


@pytest.mark.parametrize(
    ("status", "expired"),
    [
        (Certification.Status.PENDING, False),
        (Certification.Status.REJECTED, False),
        (Certification.Status.REVOKED, False),
        (Certification.Status.VERIFIED, True),
    ],
)
def test_certifications_that_are_not_current_are_not_shown(
    client, profile_factory, certification_factory, today, status, expired
):
    profile = profile_factory(role_slug="trainer")
    dates = {}
    if expired:
        dates = {
            "issued_on": today - datetime.timedelta(days=900),
            "expires_on": today - datetime.timedelta(days=1),
        }
    certification = certification_factory(profile, status=status, body_slug="tsg", **dates)

    response = client.get(profile.get_absolute_url())
    page = response.content.decode()

    assert certification.verification_code not in page
    assert "TSG Consultant" not in page
    assert "No current verified certification." in page
    assert "hasCredential" not in json_ld(response)


def test_json_ld_describes_the_person_and_only_current_credentials(
    client, profile_factory, certification_factory
):
    profile = profile_factory(
        role_slug="trainer", display_name="Bo Consent", languages=("en", "nl"), country="NL"
    )
    current = certification_factory(profile, body_slug="sofa")
    certification_factory(profile, body_slug="iscb", status=Certification.Status.PENDING)
    certification_factory(profile, body_slug="tsg", status=Certification.Status.REVOKED)

    data = json_ld(client.get(profile.get_absolute_url()))

    assert data["@type"] == "Person"
    assert data["name"] == "Bo Consent"
    assert data["address"] == {"@type": "PostalAddress", "addressCountry": "NL"}
    assert {language["name"] for language in data["knowsLanguage"]} == {"English", "Dutch"}
    [credential] = data["hasCredential"]
    assert credential["@type"] == "EducationalOccupationalCredential"
    assert credential["recognizedBy"]["name"] == "Sociocracy For All"
    assert credential["url"].endswith(current.get_verify_url())


def test_hostile_text_cannot_close_the_json_ld_block(client, profile_factory):
    profile = profile_factory(
        display_name="Eve </script><script>alert(1)</script>",
        headline="</script><img src=x onerror=alert(1)> & more",
    )

    response = client.get(profile.get_absolute_url())
    page = response.content.decode()

    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert json_ld(response)["description"] == "</script><img src=x onerror=alert(1)> & more"


def test_bio_is_escaped_and_its_urls_are_linked_nofollow(client, profile_factory):
    profile = profile_factory(
        bio="<script>alert('hi')</script> <b>bold</b>\n"
        "My site: https://example.org/about.\n\nSecond paragraph."
    )

    page = client.get(profile.get_absolute_url()).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert (
        '<a href="https://example.org/about" rel="nofollow ugc noopener">'
        "https://example.org/about</a>." in page
    )
    assert "<p>Second paragraph.</p>" in page


def test_website_and_social_links_are_nofollow(client, profile_factory):
    profile = profile_factory(website="https://ada.example.org/")
    ProfileLink.objects.create(
        profile=profile, kind=ProfileLink.Kind.MASTODON, url="https://social.example/@ada"
    )

    page = client.get(profile.get_absolute_url()).content.decode()

    assert '<a href="https://ada.example.org/" rel="nofollow ugc noopener">Website</a>' in page
    assert '<a href="https://social.example/@ada" rel="nofollow ugc noopener">Mastodon</a>' in page


def test_city_is_shown_only_when_the_member_allows_it(client, profile_factory):
    hidden = profile_factory(country="BE", city="Ghent", show_city=False)
    shown = profile_factory(country="BE", city="Leuven", show_city=True)

    hidden_page = client.get(hidden.get_absolute_url()).content.decode()
    shown_page = client.get(shown.get_absolute_url()).content.decode()

    assert "Belgium" in hidden_page
    assert "Ghent" not in hidden_page
    assert "Leuven, Belgium" in shown_page


def test_profile_lists_languages_audiences_and_delivery(client, profile_factory):
    profile = profile_factory(
        languages=("es",), audiences=("cooperatives",), offers_online=True, offers_in_person=True
    )

    page = client.get(profile.get_absolute_url()).content.decode()

    assert "Spanish" in page
    assert "Cooperatives" in page
    assert "Online and in person" in page


def test_initials_stand_in_for_a_missing_photo(client, profile_factory):
    profile = profile_factory(display_name="Grace Hopper")

    page = client.get(profile.get_absolute_url()).content.decode()

    assert '<span class="profile-avatar profile-initials" aria-hidden="true">GH</span>' in page


def test_recent_and_upcoming_outreach_are_listed(client, profile_factory, outreach_factory):
    profile = profile_factory(role_slug="ambassador")
    outreach_factory(
        profile, title="Talk at the library", days_ago=20, link="https://library.example/talk"
    )
    outreach_factory(profile, title="Sneaky link", days_ago=25, link="javascript:alert(1)")
    outreach_factory(profile, title="Webinar next month", days_ago=-30)
    outreach_factory(profile, title="Ancient history", days_ago=500)

    page = client.get(profile.get_absolute_url()).content.decode()

    assert (
        '<a href="https://library.example/talk" rel="nofollow ugc noopener">'
        "Talk at the library</a>" in page
    )
    assert "Sneaky link" in page
    assert "javascript:" not in page
    assert "Webinar next month" in page
    assert "Ancient history" not in page


def test_write_to_link_only_when_the_member_accepts_contact(client, profile_factory):
    open_profile = profile_factory(display_name="Open Door", accepts_contact=True)
    closed_profile = profile_factory(display_name="Closed Door", accepts_contact=False)

    open_page = client.get(open_profile.get_absolute_url()).content.decode()
    closed_page = client.get(closed_profile.get_absolute_url()).content.decode()

    contact_url = reverse("people:profile-contact", kwargs={"slug": open_profile.slug})
    assert f'href="{contact_url}"' in open_page
    assert "Write to Open Door" in open_page
    assert "Write to" not in closed_page


@pytest.mark.parametrize("hidden_by", ["unlisted", "deactivated"])
def test_hidden_profile_is_404_for_visitors_and_other_members(
    client, profile_factory, user_factory, hidden_by
):
    profile = profile_factory(listed=hidden_by != "unlisted")
    if hidden_by == "deactivated":
        profile.user.is_active = False
        profile.user.save(update_fields=["is_active"])

    assert client.get(profile.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    client.force_login(user_factory())
    assert client.get(profile.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_unlisted_profile_is_shown_to_its_owner_with_a_banner(client, profile_factory):
    profile = profile_factory(listed=False)
    client.force_login(profile.user)

    response = client.get(profile.get_absolute_url())
    page = response.content.decode()

    assert response.status_code == HTTPStatus.OK
    assert "Only you can see this page: your profile is not listed" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "application/ld+json" not in page


@pytest.mark.parametrize("hidden_by", ["unlisted", "deactivated"])
def test_hidden_profile_is_shown_to_staff(client, profile_factory, user_factory, hidden_by):
    profile = profile_factory(listed=hidden_by != "unlisted")
    if hidden_by == "deactivated":
        profile.user.is_active = False
        profile.user.save(update_fields=["is_active"])
    client.force_login(user_factory(is_staff=True))

    response = client.get(profile.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "Hidden from the public" in response.content.decode()


def test_listed_profile_has_no_banner(client, profile_factory):
    profile = profile_factory()
    client.force_login(profile.user)

    page = client.get(profile.get_absolute_url()).content.decode()

    assert "Only you can see this page" not in page


def test_email_address_never_appears_on_the_profile_page(
    client, profile_factory, certification_factory
):
    profile = profile_factory(
        role_slug="trainer", accepts_contact=True, bio="Write via the form, please."
    )
    certification_factory(profile)

    visitor_page = client.get(profile.get_absolute_url()).content.decode()
    client.force_login(profile.user)
    owner_page = client.get(profile.get_absolute_url()).content.decode()

    assert profile.user.email not in visitor_page
    assert profile.user.email not in owner_page


def test_profile_page_runs_a_fixed_number_of_queries(
    client,
    profile_factory,
    certification_factory,
    outreach_factory,
    django_assert_max_num_queries,
):
    small = profile_factory(role_slug="ambassador")
    large = profile_factory(
        role_slug="trainer", languages=("en", "fr", "de"), audiences=("educators", "cohousing")
    )
    RoleHolding.objects.create(
        profile=large, role_type=small.holdings.get().role_type, status="active"
    )
    for body_slug in ("sofa", "iscb", "tsg", "holacracy"):
        certification_factory(large, body_slug=body_slug)
    for days_ago in range(-5, 40, 3):
        outreach_factory(large, days_ago=days_ago)
    for number in range(3):
        ProfileLink.objects.create(profile=large, url=f"https://example.org/{number}")

    with django_assert_max_num_queries(8):
        client.get(small.get_absolute_url())
    with django_assert_max_num_queries(8):
        response = client.get(large.get_absolute_url())
    assert len(json_ld(response)["hasCredential"]) == 4
