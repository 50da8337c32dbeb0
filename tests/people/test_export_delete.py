"""/me/export/ (everything stored about the member) and /me/delete/ (all of it gone)."""

import json
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.test import Client
from django.urls import reverse

from people.models import (
    Audience,
    Certification,
    CertificationDecision,
    Language,
    OutreachRecord,
    Profile,
    ProfileLink,
    ResponsibilityDeclaration,
    RoleHolding,
    User,
)
from roles.models import Rule

PASSWORD = "correct horse battery"  # the user_factory default


@pytest.fixture
def reviewer(user_factory):
    return user_factory(email="reviewer@example.org", is_staff=True)


@pytest.fixture
def member(profile_factory, certification_factory, outreach_factory, role, reviewer):
    """A member with a record of every kind, including files in both storages."""
    profile = profile_factory(
        role_slug="ambassador",
        display_name="Ada Lovelace",
        city="Utrecht",
        bio="Circles since 2004.",
        languages=("en", "nl"),
        audiences=("educators",),
        accepts_contact=True,
    )
    EmailAddress.objects.create(
        user=profile.user, email=profile.user.email, verified=True, primary=True
    )
    ProfileLink.objects.create(profile=profile, kind="mastodon", url="https://social.example/@ada")
    profile.avatar.save("ada.webp", ContentFile(b"avatar bytes"))
    cert = certification_factory(profile)
    cert.evidence_file.save("certificate.pdf", ContentFile(b"%PDF evidence"))
    CertificationDecision.objects.create(
        certification=cert,
        reviewer=reviewer,
        from_status="pending",
        to_status="verified",
        note="Checked with the issuing body.",
    )
    item = role("ambassador").responsibilities.filter(rule=Rule.SELF_DECLARED).first()
    ResponsibilityDeclaration.objects.create(profile=profile, responsibility=item, note="Weekly")
    outreach_factory(profile, title="Consent in schools")
    return profile


@pytest.fixture
def other_member(profile_factory, outreach_factory):
    profile = profile_factory(display_name="Grace Hopper")
    outreach_factory(profile, title="Grace's own talk")
    return profile


def test_export_is_a_json_download_of_everything_about_the_member(client, member, other_member):
    client.force_login(member.user)

    response = client.get(reverse("me:export"))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="sociodir-my-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == member.user.email
    assert data["account"]["date_joined"]
    assert data["account"]["email_addresses"] == [
        {"email": member.user.email, "verified": True, "primary": True}
    ]
    profile = data["profile"]
    assert profile["display_name"] == "Ada Lovelace"
    assert profile["city"] == "Utrecht"
    assert profile["bio"] == "Circles since 2004."
    assert {lang["code"] for lang in profile["languages"]} == {"en", "nl"}
    assert profile["audiences"] == [Audience.objects.get(slug="educators").name]
    assert profile["links"] == [{"kind": "mastodon", "url": "https://social.example/@ada"}]
    assert profile["consents"] == {
        "listed_in_directory": True,
        "accepts_contact_messages": True,
        "shows_city": False,
    }
    assert profile["avatar"].endswith(".webp")
    assert [holding["role"] for holding in data["role_holdings"]] == ["Ambassador"]
    assert data["declarations"][0]["note"] == "Weekly"
    (cert,) = data["certifications"]
    assert cert["issuing_body"] == "Sociocracy For All"
    assert cert["evidence_file"].endswith(".pdf")
    assert cert["decisions"] == [
        {
            "from_status": "pending",
            "to_status": "verified",
            "note": "Checked with the issuing body.",
            "decided_at": cert["decisions"][0]["decided_at"],
        }
    ]
    assert [record["title"] for record in data["outreach"]] == ["Consent in schools"]


def test_export_leaves_out_other_people(client, member, other_member):
    client.force_login(member.user)

    body = client.get(reverse("me:export")).content.decode()

    assert other_member.user.email not in body
    assert "Grace" not in body
    assert "reviewer@example.org" not in body  # who reviewed is not the member's data


def test_delete_page_asks_for_the_password(client, member):
    client.force_login(member.user)

    html = client.get(reverse("me:delete")).content.decode()

    assert '<label for="id_password"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert reverse("me:export") in html


def test_wrong_password_deletes_nothing(client, member, django_capture_on_commit_callbacks):
    client.force_login(member.user)
    avatar, evidence = member.avatar.name, member.certifications.get().evidence_file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("me:delete"), {"password": "not my password"})

    assert response.status_code == HTTPStatus.OK
    assert "That is not your password, so nothing was deleted." in response.content.decode()
    assert User.objects.filter(pk=member.user_id).exists()
    assert Profile.objects.filter(pk=member.pk).exists()
    assert member.certifications.count() == 1
    assert member.outreach.count() == 1
    assert default_storage.exists(avatar)
    assert storages["private"].exists(evidence)
    assert client.get("/me/").status_code == HTTPStatus.OK  # still logged in


def test_delete_removes_the_account_its_records_and_files(
    client, member, other_member, django_capture_on_commit_callbacks
):
    client.force_login(member.user)
    user_id, profile_id = member.user_id, member.pk
    cert = member.certifications.get()
    avatar, evidence = member.avatar.name, cert.evidence_file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("me:delete"), {"password": PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    assert not User.objects.filter(pk=user_id).exists()
    assert not Profile.objects.filter(pk=profile_id).exists()
    assert not Certification.objects.filter(pk=cert.pk).exists()
    assert not OutreachRecord.objects.filter(profile_id=profile_id).exists()
    assert not RoleHolding.objects.filter(profile_id=profile_id).exists()
    assert not ResponsibilityDeclaration.objects.filter(profile_id=profile_id).exists()
    assert not ProfileLink.objects.filter(profile_id=profile_id).exists()
    assert not EmailAddress.objects.filter(user_id=user_id).exists()
    assert not default_storage.exists(avatar)
    assert not storages["private"].exists(evidence)
    # The reviewer's decision stays, no longer pointing at the person.
    (decision,) = CertificationDecision.objects.all()
    assert decision.certification is None
    assert decision.note == "Checked with the issuing body."
    assert decision.reviewer.email == "reviewer@example.org"
    # Nobody else's data is touched; languages are shared reference data.
    assert other_member.outreach.count() == 1
    assert Language.objects.filter(code="en").exists()


def test_after_deletion_the_member_is_logged_out_and_told(client, member):
    client.force_login(member.user)

    response = client.post(reverse("me:delete"), {"password": PASSWORD})

    (message,) = get_messages(response.wsgi_request)
    assert "Your account has been deleted" in str(message)
    assert client.get("/me/").status_code == HTTPStatus.FOUND  # to the login page


def test_deleting_a_reviewer_keeps_their_decisions_without_them(
    client, member, reviewer, profile_factory
):
    profile_factory(user=reviewer)
    client.force_login(reviewer)

    client.post(reverse("me:delete"), {"password": PASSWORD})

    (decision,) = CertificationDecision.objects.all()
    assert decision.reviewer is None
    assert decision.certification == member.certifications.get()


def test_delete_needs_post_with_csrf(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member.user)

    response = client.post(reverse("me:delete"), {"password": PASSWORD})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert User.objects.filter(pk=member.user_id).exists()
