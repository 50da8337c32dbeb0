import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse

from people.models import Certification

NOINDEX = '<meta name="robots" content="noindex">'


def verify(client, certification):
    response = client.get(certification.get_verify_url())
    return response, response.content.decode()


def test_valid_certification_shows_holder_body_level_and_dates(
    client, profile_factory, certification_factory
):
    profile = profile_factory(role_slug="trainer", display_name="Ada Circle")
    certification = certification_factory(profile, body_slug="iscb")

    response, page = verify(client, certification)

    assert response.status_code == HTTPStatus.OK
    assert "<strong>Valid.</strong>" in page
    assert f'<a href="{profile.get_absolute_url()}">Ada Circle</a>' in page
    assert "International Sociocracy Certification Board" in page
    assert "(recognised by this directory)" in page
    assert "Consultant" in page
    assert f'datetime="{certification.issued_on:%Y-%m-%d}"' in page
    assert f'datetime="{certification.expires_on:%Y-%m-%d}"' in page
    assert NOINDEX in page


def test_expired_certification_says_expired_and_when(
    client, profile_factory, certification_factory, today
):
    expired_on = today - datetime.timedelta(days=3)
    certification = certification_factory(
        profile_factory(),
        issued_on=today - datetime.timedelta(days=800),
        expires_on=expired_on,
    )

    response, page = verify(client, certification)

    assert response.status_code == HTTPStatus.OK
    assert "<strong>Expired.</strong>" in page
    assert f'expired on <time datetime="{expired_on:%Y-%m-%d}">' in page
    assert "<strong>Valid.</strong>" not in page


def test_revoked_certification_says_revoked(client, profile_factory, certification_factory):
    certification = certification_factory(profile_factory(), status=Certification.Status.REVOKED)

    response, page = verify(client, certification)

    assert response.status_code == HTTPStatus.OK
    assert "<strong>Revoked.</strong>" in page
    assert "<strong>Valid.</strong>" not in page


def test_certification_without_expiry_says_it_does_not_expire(
    client, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), expires_on=None)

    _, page = verify(client, certification)

    assert "<strong>Valid.</strong>" in page
    assert "Does not expire" in page


def test_body_typed_in_by_the_member_is_not_recognised(
    client, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory(), body_slug=None)

    _, page = verify(client, certification)

    assert "Some Local Circle Institute" in page
    assert "(not a body recognised by this directory)" in page


@pytest.mark.parametrize("hidden_by", ["unlisted", "deactivated"])
def test_holder_who_is_not_listed_is_not_named(
    client, profile_factory, certification_factory, hidden_by
):
    profile = profile_factory(listed=hidden_by != "unlisted", display_name="Secret Person")
    if hidden_by == "deactivated":
        profile.user.is_active = False
        profile.user.save(update_fields=["is_active"])
    certification = certification_factory(profile)

    response, page = verify(client, certification)

    assert response.status_code == HTTPStatus.OK
    assert "<strong>Valid.</strong>" in page
    assert "a member who is not listed in the directory" in page
    assert "Secret Person" not in page
    assert profile.get_absolute_url() not in page


def test_unknown_code_is_404_with_a_helpful_page(client, db):
    response = client.get(reverse("people:verify", kwargs={"code": "no-such-code"}))
    page = response.content.decode()

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Certification not found" in page
    assert "case-sensitive" in page
    assert 'name="code"' in page
    assert NOINDEX in page


@pytest.mark.parametrize(
    "status",
    [
        Certification.Status.PENDING,
        Certification.Status.CHANGES_REQUESTED,
        Certification.Status.REJECTED,
    ],
)
def test_undecided_or_rejected_certification_reads_exactly_as_not_found(
    client, profile_factory, certification_factory, status
):
    certification = certification_factory(
        profile_factory(display_name="Hidden Applicant"), status=status
    )
    unknown_code = "x" * len(certification.verification_code)

    response, page = verify(client, certification)
    unknown = client.get(reverse("people:verify", kwargs={"code": unknown_code}))

    assert response.status_code == unknown.status_code == HTTPStatus.NOT_FOUND
    assert "Hidden Applicant" not in page
    assert page.replace(certification.verification_code, "CODE") == (
        unknown.content.decode().replace(unknown_code, "CODE")
    )


def test_email_address_never_appears_on_the_verify_page(
    client, profile_factory, certification_factory
):
    profile = profile_factory()
    certification = certification_factory(profile)

    _, page = verify(client, certification)

    assert profile.user.email not in page


def test_lookup_form_is_offered_on_verify(client, db):
    response = client.get(reverse("people:verify-lookup"))
    page = response.content.decode()

    assert response.status_code == HTTPStatus.OK
    assert "<h1>Check a certification</h1>" in page
    assert '<label for="verify-code">' in page
    assert NOINDEX in page


@pytest.mark.parametrize(
    "pasted",
    ["{code}", "  {code}  ", "https://sociodir.example/verify/{code}/", "/verify/{code}"],
)
def test_lookup_redirects_a_pasted_code_or_link_to_its_page(
    client, profile_factory, certification_factory, pasted
):
    certification = certification_factory(profile_factory())

    response = client.get(
        reverse("people:verify-lookup"),
        {"code": pasted.format(code=certification.verification_code)},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == certification.get_verify_url()
