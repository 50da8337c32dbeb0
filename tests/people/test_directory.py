"""The public directory at /directory/: who is shown, filters, search, sorting, pages, htmx."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people import search
from people.models import Certification, Profile, RoleHolding

pytestmark = pytest.mark.django_db

URL = "/directory/"


def names(response) -> list[str]:
    """The names on the cards, in page order."""
    return re.findall(r'<a href="/people/[\w-]+/">([^<]+)</a>', response.content.decode())


@pytest.fixture
def ambassador(profile_factory):
    def make(display_name: str, **fields) -> Profile:
        return profile_factory(role_slug="ambassador", display_name=display_name, **fields)

    return make


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == HTTPStatus.OK
    return response


# --- Who is shown ---------------------------------------------------------------------------


def test_practising_members_are_listed_with_a_link_to_their_profile(client, profile_factory):
    profile_factory(role_slug="ambassador", display_name="Ada Ambassador", slug="ada")
    profile_factory(role_slug="trainer", certified=True, display_name="Tom Trainer")

    response = get(client)

    assert names(response) == ["Ada Ambassador", "Tom Trainer"]
    assert 'href="/people/ada/"' in response.content.decode()
    assert "2 members" in response.content.decode()


def test_unlisted_and_deactivated_members_are_not_shown(client, profile_factory, user_factory):
    profile_factory(role_slug="ambassador", display_name="Shown")
    profile_factory(role_slug="ambassador", display_name="Unlisted", listed=False)
    profile_factory(
        role_slug="ambassador", display_name="Deactivated", user=user_factory(is_active=False)
    )

    assert names(get(client)) == ["Shown"]


@pytest.mark.parametrize("status", [RoleHolding.Status.PAUSED, RoleHolding.Status.APPLIED])
def test_paused_or_applied_holdings_are_not_shown(client, profile_factory, status):
    profile_factory(role_slug="ambassador", display_name="Shown")
    hidden = profile_factory(role_slug="ambassador", display_name="Not active")
    hidden.holdings.update(status=status)

    assert names(get(client)) == ["Shown"]


def test_ended_holdings_are_not_shown(client, profile_factory, today):
    profile_factory(role_slug="ambassador", display_name="Shown")
    ended = profile_factory(role_slug="ambassador", display_name="Stepped down")
    ended.holdings.update(
        status=RoleHolding.Status.ENDED,
        ended_on=today,
        end_reason=RoleHolding.EndReason.STEPPED_DOWN,
    )

    assert names(get(client)) == ["Shown"]


@pytest.mark.parametrize(
    "certification",
    [
        pytest.param({"expires_on_days": -1}, id="expired"),
        pytest.param({"status": Certification.Status.PENDING}, id="pending"),
        pytest.param({"status": Certification.Status.REVOKED}, id="revoked"),
        pytest.param({"status": Certification.Status.REJECTED}, id="rejected"),
        pytest.param({"body_slug": None}, id="other-body"),
        pytest.param({"body_slug": "sociocracy-3-0"}, id="unrecognised-body"),
    ],
)
def test_trainers_without_a_current_recognised_certification_are_not_practising(
    client, profile_factory, certification_factory, today, certification
):
    trainer = profile_factory(role_slug="trainer", display_name="Uncertified Trainer")
    fields = dict(certification)
    if "expires_on_days" in fields:
        fields["expires_on"] = today + datetime.timedelta(days=fields.pop("expires_on_days"))
    certification_factory(trainer, **fields)
    profile_factory(role_slug="trainer", certified=True, display_name="Certified Trainer")

    assert names(get(client)) == ["Certified Trainer"]
    assert names(get(client, role="trainer")) == ["Certified Trainer"]


def test_a_trainer_without_certification_who_is_also_ambassador_shows_only_that_role(
    client, profile_factory, role, today
):
    profile = profile_factory(role_slug="ambassador", display_name="Both")
    RoleHolding.objects.create(
        profile=profile, role_type=role("trainer"), status=RoleHolding.Status.ACTIVE
    )

    page = get(client).content.decode()

    assert names(get(client)) == ["Both"]
    assert ">Ambassador</span>" in page
    assert ">Trainer</span>" not in page
    assert names(get(client, role="trainer")) == []


def test_the_email_address_is_never_in_the_page(client, profile_factory, user_factory):
    profile_factory(role_slug="ambassador", user=user_factory(email="secret.person@example.org"))

    for params in ({}, {"q": "secret"}, {"q": "example"}):
        response = get(client, **params)
        assert "secret.person@example.org" not in response.content.decode()
        assert "example.org" not in response.content.decode()


# --- The card -------------------------------------------------------------------------------


def test_the_card_shows_what_a_visitor_needs_to_choose(client, profile_factory):
    profile_factory(
        role_slug="trainer",
        certified=True,
        display_name="Zoë Weber",
        headline="Teaches consent decision-making",
        country="CH",
        city="Zürich",
        show_city=True,
        languages=("de", "fr"),
        offers_online=True,
        offers_in_person=True,
    )

    page = get(client).content.decode()

    assert "Zoë Weber" in page
    assert "Teaches consent decision-making" in page
    assert ">Trainer</span>" in page
    assert "Certified by SoFA" in page
    assert "Zürich, Switzerland" in page
    assert "French" in page
    assert "German" in page
    assert "Online and in person" in page
    assert ">ZW</span>" in page  # initials instead of a photo


def test_the_card_hides_a_city_the_member_keeps_private(client, profile_factory):
    profile_factory(role_slug="ambassador", country="NL", city="Utrecht", show_city=False)

    page = get(client).content.decode()

    assert "Netherlands" in page
    assert "Utrecht" not in page


def test_a_certification_from_another_body_is_named_on_the_card(
    client, profile_factory, certification_factory
):
    trainer = profile_factory(role_slug="trainer", certified=True)
    certification_factory(trainer, body_slug="tsg")

    assert "Certified by SoFA, TSG" in get(client).content.decode()


# --- Filters --------------------------------------------------------------------------------


def test_role_filter(client, profile_factory):
    profile_factory(role_slug="ambassador", display_name="Ambassador A")
    profile_factory(role_slug="trainer", certified=True, display_name="Trainer T")

    assert names(get(client, role="trainer")) == ["Trainer T"]
    assert names(get(client, role="ambassador")) == ["Ambassador A"]


def test_country_filter(client, ambassador):
    ambassador("In Switzerland", country="CH")
    ambassador("In Kenya", country="KE")

    assert names(get(client, country="KE")) == ["In Kenya"]


def test_language_filter(client, ambassador):
    ambassador("Speaks French", languages=("fr", "en"))
    ambassador("Speaks English", languages=("en",))

    assert names(get(client, language="fr")) == ["Speaks French"]
    assert names(get(client, language="en")) == ["Speaks English", "Speaks French"]


def test_delivery_filter(client, ambassador):
    ambassador("Online only", offers_online=True, offers_in_person=False)
    ambassador("In person only", offers_online=False, offers_in_person=True)

    assert names(get(client, delivery="online")) == ["Online only"]
    assert names(get(client, delivery="in_person")) == ["In person only"]


def test_audience_filter(client, ambassador):
    ambassador("For schools", audiences=("educators",))
    ambassador("For coops", audiences=("cooperatives",))

    assert names(get(client, audience="educators")) == ["For schools"]


def test_certified_filter(client, profile_factory, certification_factory):
    profile_factory(role_slug="ambassador", display_name="Not certified")
    profile_factory(role_slug="ambassador", certified=True, display_name="Certified ambassador")
    expired = profile_factory(role_slug="ambassador", display_name="Expired certificate")
    certification_factory(
        expired,
        issued_on=datetime.date(2020, 1, 1),
        expires_on=datetime.date(2021, 1, 1),
    )

    assert names(get(client, certified="on")) == ["Certified ambassador"]
    assert names(get(client, certified="")) == [
        "Certified ambassador",
        "Expired certificate",
        "Not certified",
    ]


def test_filters_combine(client, ambassador):
    ambassador("Match", country="DE", languages=("de",), offers_in_person=True)
    ambassador("Wrong country", country="AT", languages=("de",), offers_in_person=True)
    ambassador("Wrong language", country="DE", languages=("en",), offers_in_person=True)

    response = get(client, country="DE", language="de", delivery="in_person", role="ambassador")

    assert names(response) == ["Match"]


def test_filter_form_has_a_label_for_every_control_and_a_submit_button(client):
    page = get(client).content.decode()

    for name in ("q", "role", "country", "language", "delivery", "audience", "certified", "sort"):
        assert f'<label for="id_{name}">' in page
        assert f'name="{name}"' in page
    assert '<button type="submit"' in page


def test_filters_survive_in_the_form_so_the_view_can_be_bookmarked(client, ambassador):
    ambassador("Somebody", country="FR")

    page = get(client, q="somebody", country="FR", certified="on").content.decode()

    assert 'value="somebody"' in page
    assert '<option value="FR" selected>' in page
    assert 'id="id_certified" value="on" checked>' in page


def test_an_unknown_filter_value_is_reported_not_a_crash(client, ambassador):
    ambassador("Somebody")

    page = get(client, role="astronaut", page="many", sort="random").content.decode()

    assert "Select a valid choice" in page


# --- Search ---------------------------------------------------------------------------------


def test_search_ignores_accents_both_ways(client, ambassador):
    ambassador("Anna in Zürich", city="Zürich", show_city=True)
    ambassador("Ben in Zurich", city="Zurich", show_city=True)
    ambassador("Carla in Basel", city="Basel", show_city=True)

    assert names(get(client, q="Zurich")) == ["Anna in Zürich", "Ben in Zurich"]
    assert names(get(client, q="zürich")) == ["Anna in Zürich", "Ben in Zurich"]


def test_search_looks_in_name_headline_and_bio(client, ambassador):
    ambassador("Élodie Martin")
    ambassador("Second", headline="Facilitates cooperatives")
    ambassador("Third", bio="I coach schools through holacracy and sociocracy.")

    assert names(get(client, q="elodie")) == ["Élodie Martin"]
    assert names(get(client, q="cooperatives")) == ["Second"]
    assert names(get(client, q="holacracy")) == ["Third"]


def test_every_word_must_match(client, ambassador):
    ambassador("Maria Schmidt", headline="Trainer for schools")
    ambassador("Maria Lopez", headline="Trainer for cooperatives")

    assert names(get(client, q="maria schools")) == ["Maria Schmidt"]
    assert names(get(client, q="Maria")) == ["Maria Lopez", "Maria Schmidt"]


def test_a_hidden_city_is_not_searchable(client, ambassador):
    ambassador("Shows city", city="Lyon", show_city=True)
    ambassador("Hides city", city="Lyon", show_city=False)

    assert names(get(client, q="lyon")) == ["Shows city"]


def test_a_city_hidden_later_stops_being_searchable(client, ambassador):
    member = ambassador("Moves to privacy", city="Lyon", show_city=True)
    assert names(get(client, q="lyon")) == ["Moves to privacy"]

    member.show_city = False
    member.save(update_fields=["show_city"])

    assert names(get(client, q="lyon")) == []


def test_no_match_shows_the_empty_state_with_a_way_back(client, ambassador):
    ambassador("Somebody")

    page = get(client, q="xylophone", country="FR").content.decode()

    assert names(get(client, q="xylophone")) == []
    assert "0 members" in page
    assert "No one matches these filters" in page
    assert 'href="/directory/">Show everyone in the directory</a>' in page


@pytest.mark.parametrize(
    "query",
    ["it's (a) & | ! :* <-> 'quoted'", "\u02bc\u02bc \u00bd \u0149", "ﬁ", "\u0301 \u034f x\u034f"],
)
def test_punctuation_in_a_search_never_breaks_the_page(client, ambassador, query):
    ambassador("Somebody")

    assert get(client, q=query).status_code == HTTPStatus.OK


def test_search_words_are_split_on_anything_but_letters_and_digits():
    assert search.search_words("  Jean-Pierre  O'Brien, Zürich 2024! ") == [
        "jean",
        "pierre",
        "o",
        "brien",
        "zürich",
        "2024",
    ]
    assert search.search_words("& | ! ( ) :*") == []


# --- Sorting --------------------------------------------------------------------------------


def test_sort_by_name_and_by_newest(client, ambassador):
    ambassador("Bravo")
    ambassador("Alpha")
    ambassador("Charlie")

    assert names(get(client)) == ["Alpha", "Bravo", "Charlie"]
    assert names(get(client, sort="name")) == ["Alpha", "Bravo", "Charlie"]
    assert names(get(client, sort="newest")) == ["Charlie", "Alpha", "Bravo"]


def test_relevance_puts_name_matches_first_where_ranking_exists(client, ambassador):
    ambassador("Aaron Smith", bio="Learned facilitation from Zed.")
    ambassador("Zed Facilitation", headline="Circles")

    ranked = names(get(client, q="facilitation"))
    by_name = names(get(client, q="facilitation", sort="name"))

    assert by_name == ["Aaron Smith", "Zed Facilitation"]
    if connection.vendor == "postgresql":
        assert ranked == ["Zed Facilitation", "Aaron Smith"]
    else:  # SQLite has no ranking: best match falls back to the name order.
        assert ranked == by_name


# --- Pages ----------------------------------------------------------------------------------


def test_24_members_a_page_with_numbered_pages(client, ambassador):
    for number in range(30):
        ambassador(f"Member {number:02d}")

    first = get(client)
    second = get(client, page=2)

    assert names(first) == [f"Member {number:02d}" for number in range(24)]
    assert names(second) == [f"Member {number:02d}" for number in range(24, 30)]
    assert "30 members" in first.content.decode()
    assert '<a href="?page=2"><span class="visually-hidden">Page </span>2</a>' in (
        first.content.decode()
    )
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2' in (
        second.content.decode()
    )


def test_page_links_keep_the_filters(client, ambassador):
    for number in range(25):
        ambassador(f"Member {number:02d}", country="BE")

    page = get(client, country="BE", q="member").content.decode()

    assert 'href="?country=BE&amp;q=member&amp;page=2"' in page


def test_the_count_stops_at_the_cap(client, ambassador, monkeypatch):
    monkeypatch.setattr(search, "RESULT_CAP", 30)
    for number in range(32):
        ambassador(f"Member {number:02d}")

    page = get(client).content.decode()

    assert "30+ members" in page
    assert "page 1 of 2" in page
    assert names(get(client, page=2)) == [f"Member {number:02d}" for number in range(24, 30)]


def test_the_page_runs_the_same_few_queries_whatever_the_page_size(
    client, profile_factory, django_assert_max_num_queries
):
    def queries(**params) -> int:
        with CaptureQueriesContext(connection) as captured:
            get(client, **params)
        return len(captured)

    for number in range(5):
        profile_factory(
            role_slug="trainer", certified=True, languages=("en", "fr"), slug=f"t{number}"
        )
    five = queries()
    for _ in range(25):
        profile_factory(role_slug="ambassador", certified=True, languages=("de",))
    full_page = queries()

    assert five == full_page
    with django_assert_max_num_queries(8):
        get(client, q="member", role="trainer", language="en", audience="educators", certified="on")


# --- htmx -----------------------------------------------------------------------------------


def test_htmx_requests_get_only_the_results(client, ambassador):
    ambassador("Somebody")

    response = client.get(URL, {"q": "somebody"}, headers={"HX-Request": "true"})

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<html" not in page
    assert '<section id="results"' in page
    assert names(response) == ["Somebody"]
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    response = client.get(URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})

    assert "<html" in response.content.decode()


def test_the_form_updates_results_with_htmx_and_keeps_the_address(client):
    page = get(client).content.decode()

    assert 'hx-get="/directory/"' in page
    assert 'hx-target="#results"' in page
    assert 'hx-push-url="true"' in page
    assert "input changed delay:300ms from:input[type=search], change from:select" in page
    assert "<script>" not in page
    assert "style=" not in page
