import re
from http import HTTPStatus

import pytest
from django.urls import reverse
from django_countries import countries

from roles.models import RoleType


@pytest.fixture
def countries_page(client, db):
    def get() -> str:
        response = client.get("/directory/countries/")
        assert response.status_code == HTTPStatus.OK
        return response.content.decode()

    return get


def table_part(content: str) -> str:
    return content[content.index('<table class="countries-table">') :]


def chart_for(content: str, role_name: str) -> str:
    section = content[content.index(f">{role_name}s</h2>") :]
    return section[: section.index("</svg>")]


def test_countries_page_is_named(db):
    assert reverse("people:countries") == "/directory/countries/"


def test_counts_listed_practising_members_per_country_and_role(countries_page, profile_factory):
    profile_factory(role_slug="trainer", certified=True, country="NL")
    profile_factory(role_slug="trainer", certified=True, country="NL")
    profile_factory(role_slug="trainer", country="DE")  # uncertified: not practising
    profile_factory(role_slug="ambassador", country="DE")
    profile_factory(role_slug="ambassador", country="FR", listed=False)

    table = table_part(countries_page())

    netherlands = re.search(r"<th scope=\"row\">Netherlands</th>(.*?)</tr>", table, re.S).group(1)
    assert '<a href="/directory/?country=NL&amp;role=trainer">2</a>' in netherlands
    assert netherlands.count(">0<") == 1  # no ambassador there
    germany = re.search(r"<th scope=\"row\">Germany</th>(.*?)</tr>", table, re.S).group(1)
    assert '<a href="/directory/?country=DE&amp;role=ambassador">1</a>' in germany
    assert "role=trainer" not in germany
    assert "France" not in table


def test_countries_are_shown_by_name_and_sorted_in_the_table(countries_page, profile_factory):
    for code in ["SE", "AR", "JP"]:
        profile_factory(role_slug="ambassador", country=code)

    table = table_part(countries_page())

    names = re.findall(r'<th scope="row">([^<]+)</th>', table)
    assert names[:3] == ["Argentina", "Japan", "Sweden"]


def test_chart_is_an_svg_of_linked_bars_without_inline_styles(countries_page, profile_factory):
    profile_factory(role_slug="ambassador", country="BE")
    profile_factory(role_slug="ambassador", country="BE")
    profile_factory(role_slug="ambassador", country="KE")

    content = countries_page()

    chart = chart_for(content, "Ambassador")
    assert 'aria-hidden="true"' in chart
    assert chart.index(">Belgium<") < chart.index(">Kenya<")  # largest first
    assert '<a href="/directory/?country=BE&amp;role=ambassador" tabindex="-1"' in chart
    widths = [float(width) for width in re.findall(r'<rect [^>]*width="([\d.]+)"', chart)]
    assert widths[0] == pytest.approx(2 * widths[1])
    assert "style=" not in content
    assert "<script>" not in content


def test_chart_keeps_the_top_25_countries_and_the_table_keeps_all(countries_page, profile_factory):
    codes = [code for code, _ in list(countries)[:26]]
    for code in codes:
        profile_factory(role_slug="ambassador", country=code)
    profile_factory(role_slug="ambassador", country=codes[-1])  # the one country with two

    content = countries_page()

    chart = chart_for(content, "Ambassador")
    assert chart.count('class="countries-bar"') == 25
    assert f">{countries.name(codes[-1])}<" in chart
    assert len(re.findall(r'<th scope="row">', table_part(content))) == 26 + 1  # and the total


def test_members_without_a_country_are_counted_in_the_total(countries_page, profile_factory):
    profile_factory(role_slug="ambassador", country="")
    profile_factory(role_slug="ambassador", country="PT")

    content = countries_page()

    assert (
        "<strong>2</strong> listed ambassadors</a> practising, of whom 1 has not given" in content
    )
    assert (
        '<td class="countries-number"><a href="/directory/?role=ambassador">2</a></td>' in content
    )


def test_every_role_type_gets_its_own_chart(countries_page, profile_factory):
    RoleType.objects.create(
        slug="mentor", name="Mentor", order=3, purpose="Mentors", summary="s", description="d"
    )

    content = countries_page()

    assert ">Mentors</h2>" in content
    assert "No listed mentor has given a country yet." in content


def test_countries_page_has_title_and_open_graph_tags(countries_page):
    content = countries_page()

    assert "<title>Where they are: members by country · sociodir</title>" in content
    assert '<meta property="og:title" content="Where they are: sociocracy trainers and' in content
    assert '<meta name="description" content="How many listed, practising trainers' in content


def test_countries_page_runs_one_query_per_role_type(
    client, profile_factory, django_assert_max_num_queries
):
    for code in ["NL", "DE", "US", "BR"]:
        profile_factory(role_slug="trainer", certified=True, country=code)
        profile_factory(role_slug="ambassador", country=code)

    with django_assert_max_num_queries(4):
        client.get("/directory/countries/")
