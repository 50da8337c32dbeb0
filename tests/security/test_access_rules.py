"""Every URL the site answers has a declared access rule, and the rule holds.

The whole resolver is walked. Our own views carry `access_rule` (sociodir/access.py); views of
installed packages (allauth, the admin, DEBUG media serving) are accepted only when
sociodir.access.THIRD_PARTY_RULES declares them and only under the URL prefix it names. Then
every view of ours, and every admin page, is opened by an anonymous visitor and by a plain
member, to check that the declared rule is what actually happens.
"""

import importlib.util
import re
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.http import HttpResponse
from django.urls import URLResolver, path
from django.urls.resolvers import RegexPattern

import sociodir.urls
from sociodir.access import MEMBER, PUBLIC, REVIEWER, STAFF, third_party_rule, view_dotted_name
from tests.security.support import Route, walk

KNOWN_RULES = {PUBLIC, MEMBER, STAFF, REVIEWER}
LOGIN_PATHS = ("/accounts/login/", "/admin/login/")


def undeclared(routes) -> list[str]:
    """A line per route whose view has no rule, an unknown rule, or a third-party rule but
    is routed outside the prefix that rule allows."""
    problems = []
    for route in routes:
        label = (
            f"{route.path!r} (name {route.name or '-'}, view {view_dotted_name(route.callback)})"
        )
        rule = getattr(route.callback, "access_rule", None)
        if rule is not None:
            if rule not in KNOWN_RULES:
                problems.append(f"{label}: unknown access_rule {rule!r}")
            continue
        declared = third_party_rule(route.callback)
        if declared is None:
            problems.append(f"{label}: no access rule (decorate it from sociodir/access.py)")
        elif not route.is_under(declared.mounted_under):
            problems.append(
                f"{label}: third-party view routed outside {declared.mounted_under!r}, the only "
                "place THIRD_PARTY_RULES allows it"
            )
    return problems


def report(problems: list[str]) -> str:
    text = "Views without a declared access rule:\n  " + "\n  ".join(problems)
    print(text)  # shown by pytest with the failure, one route per line
    return text


def test_every_routed_view_declares_its_access_rule():
    routes = list(walk())
    assert len(routes) > 40  # the walk went into every include

    problems = undeclared(routes)

    assert not problems, report(problems)


def test_every_view_of_ours_declares_one_of_the_four_rules():
    ours = [route for route in walk() if not route.is_under(("accounts/", "admin/"))]
    rules = {route.name: getattr(route.callback, "access_rule", None) for route in ours}

    assert set(rules.values()) <= KNOWN_RULES
    assert rules["people:directory"] == PUBLIC
    assert rules["me:outreach-edit"] == MEMBER
    assert rules["review:certification"] == REVIEWER


def test_media_served_in_debug_is_declared_too(settings, monkeypatch):
    """With DEBUG on, sociodir/urls.py adds django.views.static.serve for MEDIA_URL."""
    settings.DEBUG = True
    # Loading a second copy of the URLconf wraps the admin login again: undo that afterwards.
    monkeypatch.setattr(admin.site, "login", admin.site.login)
    spec = importlib.util.spec_from_file_location("debug_urls", sociodir.urls.__file__)
    debug_urls = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(debug_urls)

    routes = list(walk(URLResolver(RegexPattern(r"^/"), debug_urls)))

    served = [route for route in routes if route.is_under("media/")]
    assert [view_dotted_name(route.callback) for route in served] == ["django.views.static.serve"]
    problems = undeclared(routes)
    assert not problems, report(problems)


def _undeclared_view(request):
    return HttpResponse("anyone")


def test_the_sweep_names_a_view_without_a_rule_and_a_third_party_view_out_of_place():
    from allauth.account.views import login

    routes = walk(
        URLResolver(
            RegexPattern(r"^/"),
            [
                path("forgotten/<int:pk>/", _undeclared_view, name="forgotten"),
                path("elsewhere/login/", login, name="elsewhere-login"),
            ],
        )
    )

    problems = undeclared(routes)

    assert len(problems) == 2
    assert "'forgotten/<int:pk>/' (name forgotten" in problems[0]
    assert "no access rule" in problems[0]
    assert "'elsewhere/login/'" in problems[1]
    assert "outside 'accounts/'" in problems[1]


# --- The declared rules hold ------------------------------------------------------------------

# A value for each kind of URL argument; ids that exist nowhere, so nothing is found by accident.
SAMPLE_BY_CONVERTER = {"int": "999999", "slug": "trainer", "path": "1", "str": "x", "": "x"}
SAMPLE_BY_NAME = {"app_label": "people", "uidb36": "1", "key": "x", "url": "x"}


def sample_url(route: Route) -> str:
    """The route with every argument filled in, for path() and re_path() patterns alike."""
    filled = re.sub(
        r"\(\?P<(\w+)>[^)]*\)", lambda match: SAMPLE_BY_NAME[match.group(1)], route.path
    )
    filled = re.sub(
        r"<(?:(\w+):)?(\w+)>", lambda match: SAMPLE_BY_CONVERTER[match.group(1) or ""], filled
    )
    return "/" + filled.replace("^", "").replace("$", "")


def routes_with_rule(*rules: str) -> list[Route]:
    found = []
    for route in walk():
        rule = getattr(route.callback, "access_rule", None)
        declared = third_party_rule(route.callback)
        if rule in rules or (declared is not None and declared.rule in rules):
            found.append(route)
    return found


def goes_to_log_in(response) -> bool:
    return response.status_code == HTTPStatus.FOUND and urlsplit(
        response["Location"]
    ).path.startswith(LOGIN_PATHS)


# The admin's own log-in and log-out pages are what every other admin page sends visitors to.
ADMIN_ENTRANCES = {"admin:login", "admin:logout"}


def closed_routes() -> list[Route]:
    return [
        route
        for route in routes_with_rule(MEMBER, STAFF, REVIEWER)
        if route.name not in ADMIN_ENTRANCES
    ]


def test_every_member_staff_and_reviewer_url_sends_anonymous_visitors_to_log_in(client, db):
    routes = closed_routes()
    assert {"me:dashboard", "review:queue", "admin:index", "admin:people_user_change"} <= {
        route.name for route in routes
    }

    open_to_anyone = []
    for route in routes:
        url = sample_url(route)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            # 405 for a method the view never takes is decided before anything is looked up.
            if not goes_to_log_in(response) and response.status_code != (
                HTTPStatus.METHOD_NOT_ALLOWED
            ):
                open_to_anyone.append(f"{method.upper()} {url} -> {response.status_code}")

    assert not open_to_anyone, "\n".join(open_to_anyone)


def test_staff_and_reviewer_urls_refuse_a_plain_member(client, user_factory):
    client.force_login(user_factory())
    routes = [
        route for route in closed_routes() if getattr(route.callback, "access_rule", None) != MEMBER
    ]
    assert any(route.is_under("review/") for route in routes)

    let_in = []
    for route in routes:
        url = sample_url(route)
        response = client.get(url)
        if response.status_code != HTTPStatus.FORBIDDEN and not goes_to_log_in(response):
            let_in.append(f"GET {url} -> {response.status_code}")

    assert not let_in, "\n".join(let_in)


@pytest.mark.parametrize("route", routes_with_rule(PUBLIC), ids=lambda route: route.name)
def test_public_urls_open_without_an_account(client, db, route):
    response = client.get(sample_url(route))

    assert not goes_to_log_in(response)
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.NOT_FOUND)
