"""A member can never reach another member's records by putting their ids in a /me/ URL.

Two members each hold roles and have certifications (pending, rejected, verified), outreach and
a declaration. Logged in as one, every edit, withdraw, delete, evidence, pause, end, resume and
declare URL is tried with the other's ids: each answers 404 and nothing of theirs changes.
"""

from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from people.models import (
    Certification,
    CertificationDecision,
    ResponsibilityDeclaration,
    RoleHolding,
)
from roles.models import Rule

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def make_member(profile_factory, certification_factory, outreach_factory, role, *, held):
    profile = profile_factory()
    for slug, status in held:
        RoleHolding.objects.create(profile=profile, role_type=role(slug), status=status)
    for status in (
        Certification.Status.PENDING,
        Certification.Status.REJECTED,
        Certification.Status.VERIFIED,
    ):
        certification_factory(
            profile,
            status=status,
            evidence_file=ContentFile(PDF_BYTES, name="evidence.pdf"),
        )
    outreach_factory(profile, days_ago=10)
    outreach_factory(profile, days_ago=-10)
    for slug, _status in held:
        item = role(slug).responsibilities.filter(rule=Rule.SELF_DECLARED).first()
        ResponsibilityDeclaration.objects.create(profile=profile, responsibility=item)
    return profile


def snapshot(profile) -> dict:
    """Everything about a member that a /me/ URL could change, files included."""
    certifications = list(profile.certifications.order_by("pk").values())
    return {
        "holdings": list(profile.holdings.order_by("pk").values()),
        "certifications": certifications,
        "files": [
            Certification._meta.get_field("evidence_file").storage.exists(cert["evidence_file"])
            for cert in certifications
        ],
        "decisions": list(
            CertificationDecision.objects.filter(certification__profile=profile).values()
        ),
        "outreach": list(profile.outreach.order_by("pk").values()),
        "declarations": list(profile.declarations.order_by("pk").values()),
    }


@pytest.fixture
def victim(profile_factory, certification_factory, outreach_factory, role):
    return make_member(
        profile_factory,
        certification_factory,
        outreach_factory,
        role,
        held=[("trainer", RoleHolding.Status.ACTIVE), ("ambassador", RoleHolding.Status.PAUSED)],
    )


@pytest.fixture
def attacker(client, profile_factory, certification_factory, outreach_factory, role):
    profile = make_member(
        profile_factory,
        certification_factory,
        outreach_factory,
        role,
        held=[("ambassador", RoleHolding.Status.ACTIVE)],
    )
    client.force_login(profile.user)
    return profile


def foreign_requests(victim, role) -> list[tuple[str, str, dict]]:
    """(method, url, data) for every member URL that takes an object id, aimed at the victim."""
    requests = []
    for certification in victim.certifications.all():
        for name in ("me:certification-edit", "me:certification-withdraw"):
            url = reverse(name, args=[certification.pk])
            requests += [("get", url, {}), ("post", url, {"evidence_url": "https://x.example"})]
        requests.append(("get", reverse("me:certification-evidence", args=[certification.pk]), {}))
    for record in victim.outreach.all():
        for name in ("me:outreach-edit", "me:outreach-delete"):
            url = reverse(name, args=[record.pk])
            requests += [
                ("get", url, {}),
                ("post", url, {"kind": "talk", "title": "Taken over", "held_on": "2025-01-01"}),
            ]
    for holding in victim.holdings.all():
        requests += [
            ("post", reverse("me:holding-pause", args=[holding.pk]), {}),
            ("post", reverse("me:holding-resume", args=[holding.pk]), {}),
            (
                "post",
                reverse("me:holding-end", args=[holding.pk]),
                {f"end-{holding.pk}-reason": RoleHolding.EndReason.STEPPED_DOWN},
            ),
        ]
    for declaration in victim.declarations.all():
        requests.append(("post", reverse("me:checklist-undeclare", args=[declaration.pk]), {}))
    # Items of a role only the victim holds are not the attacker's to tick.
    for item in role("trainer").responsibilities.filter(rule=Rule.SELF_DECLARED):
        requests.append(("post", reverse("me:checklist-declare", args=[item.pk]), {}))
    return requests


def test_every_member_url_with_another_members_ids_is_404_and_changes_nothing(
    client, attacker, victim, role
):
    before = snapshot(victim)
    attacker_before = snapshot(attacker)
    requests = foreign_requests(victim, role)
    assert len(requests) > 30

    answers = {
        (method, url): getattr(client, method)(url, data).status_code
        for method, url, data in requests
    }

    assert {key: status for key, status in answers.items() if status != HTTPStatus.NOT_FOUND} == {}
    assert snapshot(victim) == before
    assert snapshot(attacker) == attacker_before


def test_the_same_urls_work_for_the_owner(client, attacker):
    """The 404s above come from the scoping, not from URLs that never work."""
    certification = attacker.certifications.get(status=Certification.Status.PENDING)
    record = attacker.outreach.first()

    assert (
        client.get(reverse("me:certification-edit", args=[certification.pk])).status_code
        == HTTPStatus.OK
    )
    assert (
        client.get(reverse("me:certification-evidence", args=[certification.pk])).status_code
        == HTTPStatus.OK
    )
    assert client.get(reverse("me:outreach-edit", args=[record.pk])).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    "name",
    [
        "me:roles",
        "me:checklist",
        "me:certifications",
        "me:certification-add",
        "me:outreach",
        "me:outreach-add",
    ],
)
def test_member_pages_send_anonymous_visitors_to_log_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


def test_member_forms_refuse_posts_without_a_csrf_token(victim):
    client = Client(enforce_csrf_checks=True)
    client.force_login(victim.user)
    holding = victim.holdings.get(status=RoleHolding.Status.ACTIVE)

    response = client.post(reverse("me:holding-pause", args=[holding.pk]))

    assert response.status_code == HTTPStatus.FORBIDDEN
    holding.refresh_from_db()
    assert holding.status == RoleHolding.Status.ACTIVE
