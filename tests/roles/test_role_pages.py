from http import HTTPStatus

import pytest
from django.urls import reverse

from roles.explain import how_it_is_met
from roles.models import Responsibility, Rule


def role_page(client, slug: str) -> str:
    response = client.get(f"/roles/{slug}/")
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@pytest.mark.parametrize(
    ("rule", "params", "sentence"),
    [
        (
            Rule.RECENT_OUTREACH,
            {"months": 12, "kinds": ["workshop", "training"]},
            "Met by logging a workshop or training in the last 12 months.",
        ),
        (Rule.RECENT_OUTREACH, {"months": 12}, "Met by logging outreach in the last 12 months."),
        (
            Rule.RECENT_OUTREACH,
            {"months": 6, "min_count": 3, "kinds": ["talk", "webinar", "article"]},
            "Met by logging at least 3 outreach records (talk, webinar or article) "
            "in the last 6 months.",
        ),
        (
            Rule.RECENT_OUTREACH,
            {"months": 1, "kinds": ["article"]},
            "Met by logging an article in the last month.",
        ),
        (Rule.SELF_DECLARED, {}, "Self-declared by the member."),
        (
            Rule.CURRENT_CERTIFICATION,
            {"recognised_only": True},
            "Met by holding a current certification from a recognised training body, "
            "verified by a reviewer.",
        ),
        (
            Rule.CURRENT_CERTIFICATION,
            {"recognised_only": False},
            "Met by holding a current certification, verified by a reviewer.",
        ),
        (
            Rule.ACCEPTS_CONTACT,
            {},
            "Met by accepting messages from visitors through the site's contact form.",
        ),
        (
            Rule.LISTS_AUDIENCE,
            {"min_count": 1},
            "Met by listing at least one audience they work with on their profile.",
        ),
        (
            Rule.LISTS_AUDIENCE,
            {"min_count": 2},
            "Met by listing at least 2 audiences they work with on their profile.",
        ),
        (
            Rule.PROFILE_FIELDS,
            {"fields": ["bio", "headline"]},
            "Met by filling in their profile's bio and headline.",
        ),
    ],
)
def test_how_an_item_is_met_reads_as_a_plain_sentence(rule, params, sentence):
    assert how_it_is_met(rule, params) == sentence


def test_missing_parameters_fall_back_to_the_rules_defaults():
    assert how_it_is_met(Rule.RECENT_OUTREACH, None) == (
        "Met by logging outreach in the last 12 months."
    )


def test_every_rule_has_its_own_sentence():
    fallback = how_it_is_met("not-a-rule", {})
    for rule in Rule.values:
        assert how_it_is_met(rule, {}) != fallback


def test_role_page_says_what_the_role_is(client, role):
    trainer = role("trainer")

    content = role_page(client, "trainer")

    assert "<h1>Trainer</h1>" in content
    assert trainer.purpose in content
    assert trainer.summary in content
    first, second = trainer.description.split("\n\n")
    assert f"<p>{first}</p>" in content.replace("&#x27;", "'")
    assert f"<p>{second}</p>" in content.replace("&#x27;", "'")
    for activity in trainer.activity_list:
        assert f"<li>{activity}</li>" in content
    assert "Usually certified by a recognised body" in content


def test_role_page_shows_the_checklist_in_order_with_how_each_item_is_met(client, role):
    items = list(role("trainer").responsibilities.active().order_by("order", "pk"))

    content = role_page(client, "trainer")

    positions = [content.index(f"<h3>{item.title}</h3>") for item in items]
    assert positions == sorted(positions)
    for item in items:
        assert item.description in content
        assert how_it_is_met(item.rule, item.params).replace("'", "&#x27;") in content
    assert "Met by logging a workshop or training in the last 12 months." in content
    assert "Self-declared by the member." in content


def test_an_item_added_in_the_admin_appears_on_the_role_page(client, role):
    Responsibility.objects.create(
        role_type=role("ambassador"),
        title="Keeps a Public Calendar",
        description="Announces upcoming webinars well ahead.",
        order=0,
        rule=Rule.RECENT_OUTREACH,
        params={"months": 6, "min_count": 3, "kinds": ["webinar"]},
    )

    content = role_page(client, "ambassador")

    assert "<h3>Keeps a Public Calendar</h3>" in content
    assert "Announces upcoming webinars well ahead." in content
    assert "Met by logging at least 3 outreach records (webinar) in the last 6 months." in content
    assert content.index("Keeps a Public Calendar") < content.index("Promotes Awareness")


def test_an_inactive_item_is_not_shown(client, role):
    Responsibility.objects.filter(role_type=role("ambassador"), title="Collaborates").update(
        is_active=False
    )

    content = role_page(client, "ambassador")

    assert "Collaborates" not in content
    assert "Answers Queries" in content


def test_role_page_counts_only_listed_practising_members(client, profile_factory):
    profile_factory(role_slug="trainer", certified=True)
    profile_factory(role_slug="trainer", certified=False)  # not practising without certificate
    profile_factory(role_slug="trainer", certified=True, listed=False)
    profile_factory(role_slug="ambassador")

    content = role_page(client, "trainer")

    assert "<strong>1</strong> listed member practises this role" in content


def test_ambassadors_practise_without_certification(client, profile_factory):
    profile_factory(role_slug="ambassador")
    profile_factory(role_slug="ambassador")

    content = role_page(client, "ambassador")

    assert "<strong>2</strong> listed members practise this role" in content


def test_role_page_links_to_the_directory_filtered_by_the_role(client, db):
    content = role_page(client, "ambassador")

    assert 'href="/directory/?role=ambassador"' in content
    assert f'href="{reverse("roles:compare")}"' in content


def test_unknown_role_is_404(client, db):
    response = client.get("/roles/astronaut/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_role_page_url_is_named_by_slug(db):
    assert reverse("roles:role-detail", kwargs={"slug": "trainer"}) == "/roles/trainer/"


def test_role_page_has_title_description_and_open_graph_tags(client, role):
    ambassador = role("ambassador")

    content = role_page(client, "ambassador")

    assert "<title>What an ambassador does · sociodir</title>" in content
    assert f'<meta name="description" content="{ambassador.summary}">' in content
    assert f'<meta property="og:title" content="Ambassador: {ambassador.purpose}">' in content
    assert f'<meta property="og:description" content="{ambassador.summary}">' in content


def test_role_page_runs_a_fixed_number_of_queries(
    client, profile_factory, django_assert_max_num_queries
):
    for _ in range(3):
        profile_factory(role_slug="trainer", certified=True)

    with django_assert_max_num_queries(5):
        client.get("/roles/trainer/")
