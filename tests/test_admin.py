"""The Django admin: every page opens, and audit data stays out of reach of edits."""

from http import HTTPStatus

import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.urls import reverse

from people.models import (
    Certification,
    CertificationDecision,
    ExpiryNotice,
    ProfileLink,
    ResponsibilityDeclaration,
    RoleHolding,
    User,
)
from roles.models import Responsibility, Rule

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)
OURS = ("people", "roles")


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def superuser_client(client, user_factory):
    client.force_login(user_factory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def records(profile_factory, certification_factory, outreach_factory, user_factory, role):
    """At least one row of every model, so change pages have something to show."""
    profile = profile_factory(role_slug="trainer", languages=("en",), audiences=("educators",))
    ProfileLink.objects.create(profile=profile, url="https://example.org/me")
    certification = certification_factory(profile, status=Certification.Status.PENDING)
    # Evidence lives in private storage, which has no URL: the admin must not try to link it.
    certification.evidence_file.save("evidence.pdf", ContentFile(b"%PDF-1.4"), save=True)
    CertificationDecision.objects.create(
        certification=certification,
        reviewer=user_factory(is_staff=True),
        from_status=Certification.Status.PENDING,
        to_status=Certification.Status.VERIFIED,
        note="Checked with the issuing body.",
    )
    ExpiryNotice.objects.create(
        certification=certification, expires_on=certification.expires_on, days_before=30
    )
    outreach_factory(profile)
    ResponsibilityDeclaration.objects.create(
        profile=profile,
        responsibility=role("trainer").responsibilities.get(rule=Rule.SELF_DECLARED, order=2),
    )
    return {"profile": profile, "certification": certification}


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_superuser_can_open_every_admin_page(superuser_client, records, model):
    changelist = superuser_client.get(admin_url(model, "changelist"))
    assert changelist.status_code == HTTPStatus.OK

    searched = superuser_client.get(admin_url(model, "changelist"), {"q": "member"})
    assert searched.status_code == HTTPStatus.OK

    obj = model._default_manager.first()
    if model._meta.app_label in OURS:
        assert obj is not None, f"the records fixture should create a {model.__name__}"
    if obj is not None:
        change = superuser_client.get(admin_url(model, "change", obj.pk))
        assert change.status_code == HTTPStatus.OK

    add = superuser_client.get(admin_url(model, "add"))
    read_only = model in (CertificationDecision, ExpiryNotice)
    expected = HTTPStatus.FORBIDDEN if read_only else HTTPStatus.OK
    assert add.status_code == expected


def test_every_model_of_both_apps_is_in_the_admin():
    from django.apps import apps

    for app_label in OURS:
        for model in apps.get_app_config(app_label).get_models():
            assert admin.site.is_registered(model), model.__name__


def test_certification_status_and_code_are_read_only(superuser_client, records):
    certification = records["certification"]

    page = superuser_client.get(admin_url(Certification, "change", certification.pk))

    html = page.content.decode()
    assert 'name="status"' not in html
    assert 'name="verification_code"' not in html
    assert "Pending review" in html
    assert certification.verification_code in html
    assert certification.evidence_file.name in html
    assert "Checked with the issuing body." in html  # the decision history, read-only


def test_certification_decisions_cannot_be_added_changed_or_deleted(superuser_client, records):
    decision = CertificationDecision.objects.get()

    add = superuser_client.post(
        admin_url(CertificationDecision, "add"),
        {"from_status": "pending", "to_status": "verified", "note": "forged"},
    )
    change = superuser_client.post(
        admin_url(CertificationDecision, "change", decision.pk),
        {"from_status": "pending", "to_status": "rejected", "note": "rewritten"},
    )
    delete = superuser_client.post(
        admin_url(CertificationDecision, "delete", decision.pk), {"post": "yes"}
    )
    view = superuser_client.get(admin_url(CertificationDecision, "change", decision.pk))

    assert add.status_code == HTTPStatus.FORBIDDEN
    assert change.status_code == HTTPStatus.FORBIDDEN
    assert delete.status_code == HTTPStatus.FORBIDDEN
    decision.refresh_from_db()
    assert (decision.to_status, decision.note) == ("verified", "Checked with the issuing body.")
    assert CertificationDecision.objects.count() == 1
    assert view.status_code == HTTPStatus.OK
    assert 'name="note"' not in view.content.decode()


def test_admin_creates_an_email_only_user(superuser_client):
    response = superuser_client.post(
        admin_url(User, "add"),
        {
            "email": "new.reviewer@example.org",
            "usable_password": "true",
            "password1": "a long passphrase 4 reviewers",
            "password2": "a long passphrase 4 reviewers",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    user = User.objects.get(email="new.reviewer@example.org")
    assert user.check_password("a long passphrase 4 reviewers")


def test_admin_refuses_a_second_user_with_the_same_email_in_other_case(
    superuser_client, user_factory
):
    user_factory(email="taken@example.org")

    response = superuser_client.post(
        admin_url(User, "add"),
        {
            "email": "Taken@example.org",
            "usable_password": "true",
            "password1": "a long passphrase 4 reviewers",
            "password2": "a long passphrase 4 reviewers",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


def test_profile_fields_are_autocompletes_not_a_list_of_every_profile(
    superuser_client, records, profile_factory
):
    others = [profile_factory(display_name=f"Someone Else {n}") for n in range(3)]

    for model, obj in ((Certification, records["certification"]), (RoleHolding, None)):
        obj = obj or model.objects.first()
        html = superuser_client.get(admin_url(model, "change", obj.pk)).content.decode()

        assert 'name="profile"' in html
        assert "admin-autocomplete" in html
        assert records["profile"].display_name in html
        for other in others:
            assert other.display_name not in html


def test_responsibility_admin_refuses_unknown_params(superuser_client, role):
    item = role("ambassador").responsibilities.get(rule=Rule.RECENT_OUTREACH, order=2)
    data = {
        "role_type": item.role_type_id,
        "title": item.title,
        "description": item.description,
        "order": item.order,
        "is_active": "on",
        "rule": Rule.RECENT_OUTREACH,
    }

    unknown = superuser_client.post(
        admin_url(Responsibility, "change", item.pk), {**data, "params": '{"month": 6}'}
    )
    misspelt_kind = superuser_client.post(
        admin_url(Responsibility, "change", item.pk), {**data, "params": '{"kinds": ["talks"]}'}
    )
    valid = superuser_client.post(
        admin_url(Responsibility, "change", item.pk), {**data, "params": '{"months": 6}'}
    )

    assert "Unknown parameter(s) for this rule: month." in unknown.content.decode()
    assert "kinds must be a list of" in misspelt_kind.content.decode()
    assert valid.status_code == HTTPStatus.FOUND
    item.refresh_from_db()
    assert item.params == {"months": 6}


def test_responsibility_admin_explains_rules_and_params(superuser_client, role):
    item = role("trainer").responsibilities.first()

    page = superuser_client.get(admin_url(Responsibility, "change", item.pk)).content.decode()

    for rule in Rule:
        assert rule.label in page
    assert "min_count" in page


def test_admin_login_goes_through_the_site_login_with_its_second_factor(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")
