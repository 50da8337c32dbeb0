"""The home page: what each role is, how they differ, and where to go next."""

from http import HTTPStatus

import pytest

from roles.models import RoleType


@pytest.fixture
def home(client, db):
    def get():
        response = client.get("/")
        assert response.status_code == HTTPStatus.OK
        return response.content.decode()

    return get


def test_home_shows_each_role_from_the_database(home, role):
    trainer = role("trainer")
    trainer.summary = "Trainers teach circles to decide by consent, edited in the admin."
    trainer.save(update_fields=["summary"])

    page = home()

    assert "Trainers teach circles to decide by consent, edited in the admin." in page
    for role_type in RoleType.objects.all():
        assert role_type.name in page
        assert role_type.purpose in page
        for activity in role_type.activity_list:
            assert activity in page


def test_a_role_added_in_the_admin_appears_on_the_home_page(home):
    RoleType.objects.create(
        slug="mentor",
        name="Mentor",
        purpose="Accompanies one practitioner",
        summary="A mentor meets one person regularly.",
        description="Long text.",
        order=3,
    )

    page = home()

    assert "A mentor meets one person regularly." in page
    assert 'href="/directory/?role=mentor"' in page
    assert 'href="/roles/mentor/"' in page


def test_home_links_onward_to_directory_roles_and_comparison(home):
    page = home()

    assert '<a class="button" href="/directory/?role=trainer">Find a trainer</a>' in page
    assert '<a class="button" href="/directory/?role=ambassador">Find an ambassador</a>' in page
    assert 'href="/roles/trainer/"' in page
    assert 'href="/roles/ambassador/"' in page
    assert '<a href="/roles/compare/">Compare the two roles</a>' in page
    assert "Not sure which you need?" in page
    assert "Check a certificate" in page
    assert "verification link" in page


def test_home_counts_listed_members_practising_each_role(home, profile_factory):
    profile_factory(role_slug="trainer", certified=True)
    profile_factory(role_slug="trainer", certified=True)
    profile_factory(role_slug="trainer", certified=False)  # not practising without a certificate
    profile_factory(role_slug="trainer", certified=True, listed=False)
    profile_factory(role_slug="ambassador")
    profile_factory(role_slug="ambassador", listed=False)

    page = home()

    assert "<strong>2</strong> listed members practise this role" in page
    assert "<strong>1</strong> listed member practises this role" in page


def test_home_says_when_nobody_practises_a_role_yet(home):
    assert "No listed member practises this role yet." in home()


def test_home_runs_a_fixed_number_of_queries(
    client, profile_factory, django_assert_max_num_queries
):
    for _ in range(5):
        profile_factory(role_slug="ambassador")
        profile_factory(role_slug="trainer", certified=True)

    with django_assert_max_num_queries(6):
        response = client.get("/")

    assert response.status_code == HTTPStatus.OK


def test_pages_on_the_base_layout_have_a_skip_link_and_a_main_landmark(home):
    page = home()

    assert '<a class="skip-link" href="#main">Skip to content</a>' in page
    assert '<main id="main"' in page
    assert page.count("<h1>") == 1
    assert '<nav class="site-nav" aria-label="Main">' in page


def test_main_navigation_links_to_the_public_pages_and_marks_the_current_one(home):
    page = home()

    for path in ("/directory/", "/roles/trainer/", "/roles/ambassador/", "/roles/compare/"):
        assert f'<a href="{path}"' in page
    assert 'class="brand" href="/" aria-current="page"' in page
    assert 'href="/directory/" aria-current="page"' not in page


def test_home_never_shows_member_email_addresses(home, profile_factory, user_factory):
    profile_factory(role_slug="ambassador", user=user_factory(email="private@example.org"))

    assert "private@example.org" not in home()
