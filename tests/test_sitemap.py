import re
from http import HTTPStatus

from people.sitemaps import ProfileSitemap


def locations(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_sitemap_index_lists_each_section(client, db):
    sections = locations(client, "/sitemap.xml")

    assert sections == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-roles.xml",
        "http://testserver/sitemap-people.xml",
    ]


def test_sitemap_lists_the_public_pages_and_role_pages(client, db):
    pages = locations(client, "/sitemap-pages.xml") + locations(client, "/sitemap-roles.xml")

    assert pages == [
        "http://testserver/",
        "http://testserver/directory/",
        "http://testserver/roles/compare/",
        "http://testserver/directory/countries/",
        "http://testserver/roles/trainer/",
        "http://testserver/roles/ambassador/",
    ]


def test_sitemap_lists_listed_profiles_only(client, profile_factory, user_factory):
    listed = profile_factory(slug="listed-member")
    profile_factory(slug="hidden-member", listed=False)
    profile_factory(slug="gone-member", user=user_factory(is_active=False))

    people = locations(client, "/sitemap-people.xml")

    assert people == [f"http://testserver/people/{listed.slug}/"]


def test_profile_sitemap_is_split_into_pages(client, profile_factory, monkeypatch):
    monkeypatch.setattr(ProfileSitemap, "limit", 1)
    first, second = profile_factory(), profile_factory()

    sections = locations(client, "/sitemap.xml")

    assert "http://testserver/sitemap-people.xml?p=2" in sections
    assert locations(client, "/sitemap-people.xml?p=2") == [
        f"http://testserver/people/{second.slug}/"
    ]
    assert locations(client, "/sitemap-people.xml") == [f"http://testserver/people/{first.slug}/"]


def test_unknown_sitemap_section_is_404(client, db):
    assert client.get("/sitemap-secrets.xml").status_code == HTTPStatus.NOT_FOUND


def test_profile_sitemap_pages_hold_5000_addresses():
    assert ProfileSitemap.limit == 5000


def test_robots_txt_keeps_private_areas_out_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    for private in ["/me/", "/review/", "/admin/", "/accounts/"]:
        assert f"Disallow: {private}" in lines
    assert "Allow: /" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_index_does_not_read_every_profile(
    client, profile_factory, django_assert_max_num_queries
):
    for _ in range(5):
        profile_factory()

    with django_assert_max_num_queries(3):  # count role types, count profiles, latest change
        response = client.get("/sitemap.xml")

    assert "<lastmod>" in response.content.decode()
