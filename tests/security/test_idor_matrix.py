"""Member A can reach none of member B's records through an id in a /me/ or /review/ URL.

The URLs are found by walking the resolver: every pattern under me/ or review/ with an id
argument (an <int:...> converter, or an argument named pk, id, *_pk, *_id). TARGETS says, for
each, which of the owner's rows to aim it at and what a POST carries; a URL found without an
entry fails, so a new URL cannot go uncovered. Each is sent by A, with GET and POST, at every
matching row of B's: the answer is 404 or 403 (a log-in or two-factor redirect on the review
pages), or 405 when the method is refused before any lookup, and nothing of B's changes.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse

from people.forms.certifications import CertificationEditForm
from people.models import Certification, OutreachRecord, Profile, RoleHolding
from people.services.reviews import decisions_available
from roles.models import Responsibility, Rule
from tests.people.review_support import PDF_BYTES, make_reviewer
from tests.security.support import Route, routes_under, snapshot

Status = Certification.Status


def open_role_ids(profile: Profile) -> models.QuerySet:
    return profile.holdings.open().values("role_type_id")


def undeclared_items(owner: Profile, other: Profile) -> models.QuerySet:
    """Self-declared items of roles the owner holds and `other` does not: the owner's to tick,
    never the other's."""
    return (
        Responsibility.objects.active()
        .filter(rule=Rule.SELF_DECLARED, role_type_id__in=open_role_ids(owner))
        .exclude(role_type_id__in=open_role_ids(other))
        .exclude(declarations__profile=owner)
    )


def certification_edit_data(certification: Certification) -> dict:
    initial = CertificationEditForm.initial_for(certification)
    data = {key: "" if value is None else str(value) for key, value in initial.items()}
    return {**data, "expires_on": "2099-01-01", "evidence_url": "https://taken.example/over"}


def outreach_data(record: OutreachRecord) -> dict:
    return {
        "kind": OutreachRecord.Kind.WEBINAR,
        "title": "Taken over",
        "held_on": record.held_on.isoformat(),
        "audience": "Someone else",
    }


def decision_data(certification: Certification) -> dict:
    available = decisions_available(certification.status)
    return {
        "decision": available[0] if available else "verify",
        "note": "Taken over",
        "expected_status": certification.status,
    }


@dataclass(frozen=True)
class Target:
    """Which of `owner`'s rows an id URL is aimed at (`other` is the member sending it), and
    the POST that would change them if the lookup were not scoped to the sender."""

    rows: Callable[[Profile, Profile], Iterable[models.Model]]
    post_data: Callable[[models.Model], dict] = lambda row: {}


def certifications(owner: Profile, other: Profile):
    return owner.certifications.order_by("pk")


def holdings(owner: Profile, other: Profile):
    return owner.holdings.order_by("pk")


def outreach(owner: Profile, other: Profile):
    return owner.outreach.order_by("pk")


def declarations(owner: Profile, other: Profile):
    return owner.declarations.order_by("pk")


TARGETS: dict[str, Target] = {
    "me:holding-pause": Target(holdings, lambda row: {f"pause-{row.pk}-note": "Taken over"}),
    "me:holding-resume": Target(holdings),
    "me:holding-end": Target(
        holdings,
        lambda row: {
            f"end-{row.pk}-reason": RoleHolding.EndReason.STEPPED_DOWN,
            f"end-{row.pk}-note": "Taken over",
        },
    ),
    "me:checklist-declare": Target(
        undeclared_items, lambda row: {f"item-{row.pk}-note": "Taken over"}
    ),
    "me:checklist-undeclare": Target(declarations),
    "me:certification-edit": Target(certifications, certification_edit_data),
    "me:certification-withdraw": Target(certifications),
    "me:certification-evidence": Target(certifications),
    "me:outreach-edit": Target(outreach, outreach_data),
    "me:outreach-delete": Target(outreach),
    "review:certification": Target(certifications, decision_data),
    "review:certification-evidence": Target(certifications),
}

ID_ROUTES = [route for route in routes_under("me/", "review/") if route.object_id_arguments]


def aimed_urls(route: Route, owner: Profile, sender: Profile) -> list[tuple[str, dict]]:
    target = TARGETS[route.name]
    (argument,) = route.object_id_arguments
    return [
        (route.url(**{argument: row.pk}), target.post_data(row))
        for row in target.rows(owner, sender)
    ]


def make_member(profile_factory, certification_factory, outreach_factory, role, today, *, held):
    """A member with a row of every kind an id URL points at: holdings (open and ended), a
    certification in every status with its evidence file, past and upcoming outreach, and a
    declaration for each role held."""
    profile = profile_factory()
    RoleHolding.objects.create(
        profile=profile,
        role_type=role("trainer"),
        status=RoleHolding.Status.ENDED,
        started_on=today - datetime.timedelta(days=900),
        ended_on=today - datetime.timedelta(days=500),
        end_reason=RoleHolding.EndReason.END_OF_TERM,
    )
    for slug, status in held:
        RoleHolding.objects.create(profile=profile, role_type=role(slug), status=status)
        item = role(slug).responsibilities.filter(rule=Rule.SELF_DECLARED).first()
        profile.declarations.create(responsibility=item, note="Mine")
    for status in Status.values:
        certification_factory(
            profile, status=status, evidence_file=ContentFile(PDF_BYTES, name="evidence.pdf")
        )
    outreach_factory(profile, days_ago=10)
    outreach_factory(profile, days_ago=-10)
    return profile


@pytest.fixture
def victim(profile_factory, certification_factory, outreach_factory, role, today):
    return make_member(
        profile_factory,
        certification_factory,
        outreach_factory,
        role,
        today,
        held=[("trainer", RoleHolding.Status.ACTIVE), ("ambassador", RoleHolding.Status.PAUSED)],
    )


@pytest.fixture
def attacker(client, profile_factory, certification_factory, outreach_factory, role, today):
    profile = make_member(
        profile_factory,
        certification_factory,
        outreach_factory,
        role,
        today,
        held=[("ambassador", RoleHolding.Status.ACTIVE)],
    )
    client.force_login(profile.user)
    return profile


def test_every_id_url_under_me_and_review_has_target_rows():
    found = {route.name for route in ID_ROUTES}

    assert len(found) >= 12
    missing = sorted(found - TARGETS.keys())
    assert not missing, f"URLs with an object id but no entry in TARGETS: {missing}"
    stale = sorted(TARGETS.keys() - found)
    assert not stale, f"TARGETS entries for URLs that no longer exist: {stale}"


def refused(route: Route, response, method: str, client) -> bool:
    status = response.status_code
    if status in (HTTPStatus.NOT_FOUND, HTTPStatus.FORBIDDEN):
        return True
    if route.is_under("review/") and status == HTTPStatus.FOUND:
        return urlsplit(response["Location"]).path in (
            reverse("account_login"),
            reverse("mfa_activate_totp"),
        )
    if status == HTTPStatus.METHOD_NOT_ALLOWED:
        # Only when the method is refused whatever the id: no row was looked up.
        (argument,) = route.object_id_arguments
        nowhere = route.url(**{argument: 2_000_000_000})
        return getattr(client, method)(nowhere).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    return False


@pytest.mark.parametrize("route", ID_ROUTES, ids=lambda route: route.name)
def test_another_members_ids_are_refused_and_change_nothing(client, attacker, victim, route):
    assert route.name in TARGETS, f"{route.path} has no entry in TARGETS: add its rows"
    urls = aimed_urls(route, victim, attacker)
    assert urls, f"the victim has no rows for {route.name}: extend make_member"
    before, attacker_before = snapshot(victim), snapshot(attacker)

    answered = []
    for url, data in urls:
        for method, payload in (("get", {}), ("post", data)):
            response = getattr(client, method)(url, payload)
            if not refused(route, response, method, client):
                answered.append(f"{method.upper()} {url} -> {response.status_code}")

    assert not answered, "\n".join(answered)
    assert snapshot(victim) == before
    assert snapshot(attacker) == attacker_before


@pytest.mark.parametrize("route", ID_ROUTES, ids=lambda route: route.name)
def test_the_same_urls_answer_whoever_may_use_them(
    client, attacker, profile_factory, user_factory, route
):
    """The refusals above come from the scoping, not from URLs that never work: the owner
    (for /me/) or a reviewer (for /review/) gets an answer for the same kind of row."""
    if route.is_under("review/"):
        client.force_login(make_reviewer(user_factory))
    urls = aimed_urls(route, attacker, profile_factory())
    assert urls

    statuses = {
        getattr(client, method)(url).status_code for url, _ in urls for method in ("get", "post")
    }

    assert statuses & {HTTPStatus.OK, HTTPStatus.FOUND}, statuses
