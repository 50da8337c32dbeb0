"""The Django admin decides certifications through the same service as the review pages.

The actions are wired into CertificationAdmin here the way people/admin.py wires them
(actions = admin_actions.CERTIFICATION_ACTIONS), then driven through the real change list.
"""

import html
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from people import admin_actions
from people.models import Certification, CertificationDecision
from tests.people.review_support import make_reviewer

Status = Certification.Status
CHANGELIST = reverse("admin:people_certification_changelist")


@pytest.fixture(autouse=True)
def _actions_wired(monkeypatch):
    model_admin = admin.site._registry[Certification]
    monkeypatch.setattr(model_admin, "actions", admin_actions.CERTIFICATION_ACTIONS)


@pytest.fixture
def reviewer(client, user_factory):
    user = make_reviewer(user_factory)
    client.force_login(user)
    return user


def run_action(client, action: str, certifications, **extra):
    data = {
        "action": action,
        "_selected_action": [c.pk for c in certifications],
        "index": 0,
        **extra,
    }
    return client.post(CHANGELIST, data)


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_verify_selected_goes_through_the_service(
    client, reviewer, profile_factory, certification_factory, django_capture_on_commit_callbacks
):
    pending = [certification_factory(profile_factory(), status=Status.PENDING) for _ in range(2)]
    rejected = certification_factory(profile_factory(), status=Status.REJECTED)

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(client, "verify_selected", [*pending, rejected])

    assert response.status_code == HTTPStatus.FOUND
    statuses = dict(Certification.objects.values_list("pk", "status"))
    assert [statuses[c.pk] for c in pending] == [Status.VERIFIED, Status.VERIFIED]
    assert statuses[rejected.pk] == Status.REJECTED  # refused by the transition table
    assert CertificationDecision.objects.filter(reviewer=reviewer).count() == 2
    assert len(mail.outbox) == 2
    page = text(client.get(response["Location"]))
    assert "2 certifications now verified" in page
    assert "Not changed:" in page
    assert "cannot be given the decision" in page


def test_reject_selected_asks_for_a_reason_first(
    client, reviewer, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), status=Status.PENDING)

    response = run_action(client, "reject_selected", [certification])

    assert response.status_code == HTTPStatus.OK
    page = text(response)
    assert "Give the reason for rejecting: the member sees it." in page
    assert 'name="note"' in page
    assert Certification.objects.get().status == Status.PENDING


def test_the_reason_page_applies_the_reason_to_every_selected_certification(
    client, reviewer, profile_factory, certification_factory
):
    certifications = [
        certification_factory(profile_factory(), status=Status.PENDING) for _ in range(2)
    ]

    response = client.post(
        CHANGELIST,
        {
            "action": "reject_selected",
            "_selected_action": [c.pk for c in certifications],
            "apply": "1",
            "note": "These certificates are not from SoFA.",
            **{f"expected_status_{c.pk}": Status.PENDING for c in certifications},
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    decisions = CertificationDecision.objects.all()
    assert {d.to_status for d in decisions} == {Status.REJECTED}
    assert {d.note for d in decisions} == {"These certificates are not from SoFA."}
    assert decisions.count() == 2


def test_the_reason_page_refuses_an_empty_reason(
    client, reviewer, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), status=Status.VERIFIED)

    response = client.post(
        CHANGELIST,
        {
            "action": "revoke_selected",
            "_selected_action": [certification.pk],
            "apply": "1",
            "note": "",
            f"expected_status_{certification.pk}": Status.VERIFIED,
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert "This field is required." in text(response)
    assert Certification.objects.get().status == Status.VERIFIED


def test_a_stale_reason_page_changes_nothing(
    client, reviewer, profile_factory, certification_factory
):
    # Shown as pending on the reason page; verified by someone else before it was sent.
    certification = certification_factory(profile_factory(), status=Status.VERIFIED)

    response = client.post(
        CHANGELIST,
        {
            "action": "request_changes_selected",
            "_selected_action": [certification.pk],
            "apply": "1",
            "note": "Add the second page.",
            f"expected_status_{certification.pk}": Status.PENDING,
        },
        follow=True,
    )

    assert "someone decided on it while you were looking" in text(response)
    assert Certification.objects.get().status == Status.VERIFIED
    assert not CertificationDecision.objects.exists()


def test_admin_actions_need_two_factor_authentication(
    client, user_factory, profile_factory, certification_factory
):
    client.force_login(make_reviewer(user_factory, mfa=False))
    certification = certification_factory(profile_factory(), status=Status.PENDING)

    response = run_action(client, "verify_selected", [certification])

    assert "two-factor authentication" in text(client.get(response["Location"]))
    assert Certification.objects.get().status == Status.PENDING


def test_staff_without_the_review_permission_cannot_decide_in_the_admin(
    client, user_factory, profile_factory, certification_factory
):
    staff = user_factory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_certification"))
    client.force_login(staff)
    certification = certification_factory(profile_factory(), status=Status.PENDING)

    response = run_action(client, "verify_selected", [certification])

    assert "Only reviewers can decide certifications." in text(client.get(response["Location"]))
    assert Certification.objects.get().status == Status.PENDING
