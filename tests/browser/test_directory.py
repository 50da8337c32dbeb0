"""A visitor searches and filters the directory: with JavaScript the results change in place
(htmx) while the address follows and Back goes back; without it the form simply submits."""

import re

import pytest
from playwright.sync_api import Page, expect

from people.models import RoleHolding
from tests.browser.support import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


@pytest.fixture
def members(profile_factory, role):
    """Three practising members (an ambassador, a certified trainer, and a certified trainer
    who is also an ambassador), plus two the directory never shows."""
    profile_factory(role_slug="ambassador", display_name="Ada Ambassador", country="FR")
    profile_factory(role_slug="trainer", certified=True, display_name="Bruno Trainer")
    both = profile_factory(role_slug="trainer", certified=True, display_name="Clara Both")
    RoleHolding.objects.create(
        profile=both, role_type=role("ambassador"), status=RoleHolding.Status.ACTIVE
    )
    profile_factory(role_slug="ambassador", display_name="Uma Unlisted", listed=False)
    profile_factory(role_slug="trainer", display_name="Nico Notcertified")


def result_count(page: Page):
    return page.locator("#results").get_by_role("heading", level=2)


def result_names(page: Page):
    return page.locator("#results").get_by_role("heading", level=3)


def query_of(page: Page) -> str:
    return page.url.split("?", 1)[1] if "?" in page.url else ""


def test_with_javascript_filters_update_the_results_in_place(page, members):
    page.goto("/directory/")
    expect(result_count(page)).to_have_text("3 members")
    page.evaluate("window.sameDocument = true")  # gone if the page reloads

    page.get_by_role("searchbox", name="Search").fill("ada")
    expect(result_count(page)).to_have_text("1 member")
    expect(result_names(page)).to_have_text(["Ada Ambassador"])
    expect(page).to_have_url(re.compile(r"/directory/\?(.*&)?q=ada(&|$)"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"/directory/$"))
    expect(result_count(page)).to_have_text("3 members")
    expect(page.get_by_role("searchbox", name="Search")).to_have_value("")

    page.get_by_role("combobox", name="Role").select_option("ambassador")
    expect(result_count(page)).to_have_text("2 members")
    expect(page).to_have_url(re.compile(r"role=ambassador"))
    page.get_by_role("checkbox", name="Certified only").check()
    expect(result_count(page)).to_have_text("1 member")
    expect(result_names(page)).to_have_text(["Clara Both"])
    expect(page).to_have_url(re.compile(r"certified=on"))
    assert "role=ambassador" in query_of(page)
    assert page.evaluate("window.sameDocument === true"), "the page reloaded"
    assert_accessible(page)  # the swapped-in results too

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"certified="))
    expect(result_count(page)).to_have_text("2 members")
    expect(page.get_by_role("checkbox", name="Certified only")).not_to_be_checked()
    expect(page.get_by_role("combobox", name="Role")).to_have_value("ambassador")


def test_without_javascript_the_filter_form_submits(no_js_page, members):
    page = no_js_page
    page.goto("/directory/")
    expect(result_count(page)).to_have_text("3 members")

    page.get_by_role("searchbox", name="Search").fill("bruno")
    page.get_by_role("button", name="Show results").click()
    expect(page).to_have_url(re.compile(r"/directory/\?(.*&)?q=bruno(&|$)"))
    expect(result_names(page)).to_have_text(["Bruno Trainer"])

    page.get_by_role("searchbox", name="Search").fill("")
    page.get_by_role("combobox", name="Role").select_option("ambassador")
    page.get_by_role("checkbox", name="Certified only").check()
    page.get_by_role("button", name="Show results").click()
    expect(page).to_have_url(re.compile(r"certified=on"))
    assert "role=ambassador" in query_of(page)
    expect(result_names(page)).to_have_text(["Clara Both"])

    page.go_back()
    expect(page).to_have_url(re.compile(r"q=bruno"))
    expect(result_names(page)).to_have_text(["Bruno Trainer"])


def test_a_search_without_matches_says_so_and_offers_everyone(page, members):
    page.goto("/directory/")
    page.get_by_role("searchbox", name="Search").fill("nobodyatall")
    expect(result_count(page)).to_have_text("0 members")
    expect(page.locator("#results")).to_contain_text("No one matches these filters.")
    page.get_by_role("link", name="Show everyone in the directory").click()
    expect(result_count(page)).to_have_text("3 members")
