import re
from http import HTTPStatus

import pytest

from roles.models import Responsibility, RoleType, Rule


@pytest.fixture
def compare_page(client, db):
    def get() -> str:
        response = client.get("/roles/compare/")
        assert response.status_code == HTTPStatus.OK
        return response.content.decode()

    return get


def column_headers(content: str) -> list[str]:
    return re.findall(r'<th scope="col"><a href="[^"]+">([^<]+)</a></th>', content)


def test_compare_is_not_taken_for_a_role_slug(compare_page):
    content = compare_page()

    assert "<h1>Do I need a trainer or an ambassador?</h1>" in content


def test_short_answer_comes_first_and_comes_from_the_role_data(compare_page, role):
    trainer, ambassador = role("trainer"), role("ambassador")

    content = compare_page()

    short_answer = content[: content.index("Side by side")]
    assert trainer.contact_when_list[0] in short_answer
    assert ambassador.contact_when_list[0] in short_answer
    assert "An <strong>ambassador</strong></a>: Spreads the word" in short_answer
    assert "One person may hold both roles" in short_answer


def test_side_by_side_table_has_a_column_per_role_type_in_order(compare_page):
    content = compare_page()

    assert column_headers(content) == ["Trainer", "Ambassador"]
    for row in ["Purpose", "Typical activities", "Certification", "Checklist"]:
        assert f'<th scope="row">{row}</th>' in content


def test_a_new_role_type_gets_its_own_column(compare_page):
    mentor = RoleType.objects.create(
        slug="mentor",
        name="Mentor",
        order=3,
        purpose="Accompanies one circle through its first year",
        summary="A mentor sits in on a circle's meetings and gives feedback.",
        description="Mentors help a circle practise.",
        contact_when="Your circle has started and wants feedback",
    )
    Responsibility.objects.create(
        role_type=mentor,
        title="Attends Meetings",
        description="Joins the circle's meetings.",
        rule=Rule.SELF_DECLARED,
    )

    content = compare_page()

    assert column_headers(content) == ["Trainer", "Ambassador", "Mentor"]
    assert "<h1>Do I need a trainer, an ambassador or a mentor?</h1>" in content
    assert "Accompanies one circle through its first year" in content
    assert "<strong>Attends Meetings</strong>" in content
    assert "Your circle has started and wants feedback" in content
    assert 'href="/directory/?role=mentor"' in content
    assert "One person may hold more than one of these roles" in content


def test_an_item_added_in_the_admin_appears_in_the_comparison(compare_page, role):
    Responsibility.objects.create(
        role_type=role("trainer"),
        title="Publishes Course Material",
        description="Makes handouts available.",
        order=99,
        rule=Rule.PROFILE_FIELDS,
        params={"fields": ["website", "languages"]},
    )

    content = compare_page()

    assert "<strong>Publishes Course Material</strong>" in content
    assert "Met by filling in their profile&#x27;s website and languages." in content


def test_an_inactive_item_is_left_out_of_the_comparison(compare_page, role):
    Responsibility.objects.filter(role_type=role("trainer"), title="Customization").update(
        is_active=False
    )

    content = compare_page()

    assert "Customization" not in content
    assert "<strong>Skill Development</strong>" in content


def test_comparison_counts_practising_members_and_links_to_the_directory(
    compare_page, profile_factory
):
    profile_factory(role_slug="trainer", certified=True)
    profile_factory(role_slug="trainer")  # uncertified: not practising
    profile_factory(role_slug="ambassador")
    profile_factory(role_slug="ambassador")
    profile_factory(role_slug="ambassador", listed=False)

    content = compare_page()

    assert '<a href="/directory/?role=trainer"><strong>1</strong> trainer</a>' in content
    assert '<a href="/directory/?role=ambassador"><strong>2</strong> ambassadors</a>' in content


def test_comparison_ends_with_whom_to_contact_and_the_definitions_note(compare_page, role):
    content = compare_page()

    guidance = content[content.index("Whom to contact for what") :]
    for reason in role("ambassador").contact_when_list + role("trainer").contact_when_list:
        assert reason in guidance
    assert "Find an ambassador in the directory" in guidance
    assert "Definitions of these roles vary between organisations" in guidance
    assert "data that the site's administrators edit" in guidance


def test_comparison_has_title_description_and_open_graph_tags(compare_page):
    content = compare_page()

    assert "<title>Do I need a trainer or an ambassador? · sociodir</title>" in content
    assert '<meta name="description" content="Do you need a trainer or an ambassador?' in content
    assert '<meta property="og:title" content="Do I need a trainer or an ambassador?">' in content
    assert 'property="og:description" content="Trainer: Teaches sociocracy' in content


def test_comparison_runs_a_fixed_number_of_queries(
    client, profile_factory, django_assert_max_num_queries
):
    for slug in ["trainer", "ambassador", "ambassador"]:
        profile_factory(role_slug=slug, certified=True)

    with django_assert_max_num_queries(5):
        client.get("/roles/compare/")
