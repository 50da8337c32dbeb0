"""Without a mouse: the directory's filters and the sign-up form are reached with Tab, used
with typing, Space and Enter, show where the focus is, and deliver their result."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import Page, expect

from people.models import Certification, RoleHolding, User
from tests.browser.support import assert_focus_visible, tab_to
from tests.people.review_support import make_reviewer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def focused_id(page: Page) -> str:
    return page.evaluate("document.activeElement.id")


def test_the_skip_link_comes_first_and_moves_the_focus_to_the_content(page):
    page.goto("/roles/compare/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert focused_id(page) == "main"
    page.keyboard.press("Tab")  # the next stop is inside the content, not the header again
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


FOCUS_STATE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        element: element.outerHTML.slice(0, 120),
        atEnd: element === document.body,
        ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
            || style.boxShadow !== "none",
        shown: box.width > 0 && box.height > 0,
    };
}"""


def unseen_tab_stops(page: Page, url: str, *, max_presses: int = 200) -> list[str]:
    """Tabs through the whole page; every stop must be drawn with a focus ring."""
    page.goto(url)
    problems = []
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["atEnd"]:
            return problems
        if not (state["ring"] and state["shown"]):
            problems.append(f"{url}: {state['element']}")
    problems.append(f"{url}: Tab never left the page after {max_presses} presses")
    return problems


def test_every_tab_stop_shows_where_the_focus_is(
    page, context, log_in, profile_factory, certification_factory, user_factory
):
    trainer = profile_factory(role_slug="trainer", certified=True, accepts_contact=True)
    pending = certification_factory(trainer, status=Certification.Status.PENDING)
    visitor_pages = ["/", "/directory/", "/roles/compare/", trainer.get_absolute_url()]
    visitor_pages += ["/verify/", "/accounts/signup/", "/accounts/login/"]
    member_pages = ["/me/", "/me/profile/", "/me/roles/", "/me/checklist/"]
    member_pages += ["/me/certifications/add/", "/me/outreach/add/", "/me/delete/"]
    reviewer_pages = ["/review/", reverse("review:certification", args=[pending.pk])]

    problems = [problem for url in visitor_pages for problem in unseen_tab_stops(page, url)]
    log_in(context, profile_factory(role_slug="ambassador").user)
    problems += [problem for url in member_pages for problem in unseen_tab_stops(page, url)]
    log_in(context, make_reviewer(user_factory))
    problems += [problem for url in reviewer_pages for problem in unseen_tab_stops(page, url)]
    assert not problems, "Focus not visible at:\n" + "\n".join(problems)


def test_the_directory_filters_work_from_the_keyboard(page, profile_factory, role):
    profile_factory(role_slug="ambassador", display_name="Ada Ambassador")
    profile_factory(role_slug="trainer", certified=True, display_name="Bruno Trainer")
    for name in ("Clara Both", "Dora Both"):
        both = profile_factory(role_slug="trainer", certified=True, display_name=name)
        RoleHolding.objects.create(
            profile=both, role_type=role("ambassador"), status=RoleHolding.Status.ACTIVE
        )
    page.goto("/directory/")
    count = page.locator("#results").get_by_role("heading", level=2)
    expect(count).to_have_text("4 members")

    tab_to(page, "#id_role")
    page.keyboard.type("Ambassador")  # picks the option as a keyboard user types its name
    expect(page.locator("#id_role")).to_have_value("ambassador")
    expect(count).to_have_text("3 members")

    tab_to(page, "#id_certified")
    page.keyboard.press("Space")
    expect(page.locator("#id_certified")).to_be_checked()
    expect(count).to_have_text("2 members")

    tab_to(page, "#id_q", backwards=True)
    page.keyboard.type("clara")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=clara"))
    expect(count).to_have_text("1 member")

    tab_to(page, page.locator("#results").get_by_role("link", name="Clara Both"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Clara Both")


def test_signing_up_works_from_the_keyboard(page):
    page.goto("/accounts/signup/")
    tab_to(page, "#id_display_name")
    page.keyboard.type("Kay Keyboard")
    for field, text in [
        ("#id_email", "kay@example.org"),
        ("#id_password1", "a long enough passphrase 42"),
        ("#id_password2", "a long enough passphrase 42"),
    ]:
        tab_to(page, field, max_presses=3)  # the next field, give or take a help-text link
        page.keyboard.type(text)
    tab_to(page, "form.account-form button[type=submit]", max_presses=3)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")
    assert User.objects.get(email="kay@example.org").profile.display_name == "Kay Keyboard"
    assert [message.to for message in mail.outbox] == [["kay@example.org"]]
