"""Only reviewers with two-factor authentication get past /review/.

Every URL in people/review_urls.py is walked, with GET and POST, as an anonymous visitor, a
member, a staff member without the review permission, a reviewer without two-factor
authentication and a superuser without it: none of them sees a page or changes anything.
Reviewers with an authenticator app get in. Evidence files reach only their owner and reviewers.
"""

from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.messages import get_messages
from django.urls import URLPattern, reverse

from people import review_urls
from people.models import Certification, CertificationDecision
from sociodir.access import REVIEWER
from tests.people.review_support import (
    PDF_BYTES,
    attach_evidence,
    enable_totp,
    make_reviewer,
)

Status = Certification.Status


@pytest.fixture
def certification(profile_factory, certification_factory):
    certification = certification_factory(profile_factory(), status=Status.PENDING)
    return attach_evidence(certification, PDF_BYTES, "certificate.pdf")


def review_urls_for(certification: Certification) -> list[str]:
    """Every pattern of people/review_urls.py, filled in with the certification's id."""
    urls = []
    for pattern in review_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        kwargs = {"pk": certification.pk} if "pk" in pattern.pattern.converters else {}
        urls.append(reverse(f"review:{pattern.name}", kwargs=kwargs))
    return urls


def assert_nothing_decided(certification: Certification) -> None:
    certification.refresh_from_db()
    assert certification.status == Status.PENDING
    assert not CertificationDecision.objects.exists()


VERIFY = {"decision": "verify", "note": "", "expected_status": Status.PENDING}


def test_every_review_view_declares_the_reviewer_rule():
    for pattern in review_urls.urlpatterns:
        assert pattern.callback.access_rule == REVIEWER, pattern.name


def test_the_review_urls_cover_queue_certification_and_evidence(certification):
    assert len(review_urls_for(certification)) == 3


def test_anonymous_visitors_are_sent_to_log_in(client, certification):
    login = reverse("account_login")
    for url in review_urls_for(certification):
        for response in (client.get(url), client.post(url, VERIFY)):
            assert response.status_code == HTTPStatus.FOUND, url
            assert urlsplit(response["Location"]).path == login
    assert_nothing_decided(certification)


@pytest.mark.parametrize(
    "who",
    [
        pytest.param({}, id="member"),
        pytest.param({"is_staff": True}, id="staff-without-permission"),
    ],
)
def test_members_and_staff_without_the_permission_are_forbidden(
    client, user_factory, certification, who
):
    client.force_login(user_factory(**who))
    for url in review_urls_for(certification):
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN, url
        assert client.post(url, VERIFY).status_code in (
            HTTPStatus.FORBIDDEN,
            HTTPStatus.METHOD_NOT_ALLOWED,
        ), url
    assert_nothing_decided(certification)


def test_the_holder_cannot_open_their_certification_on_the_review_pages(client, certification):
    client.force_login(certification.profile.user)
    for url in review_urls_for(certification):
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN, url


@pytest.mark.parametrize(
    "make_user",
    [
        pytest.param(lambda users: make_reviewer(users, mfa=False), id="reviewer"),
        pytest.param(lambda users: users(is_staff=True, is_superuser=True), id="superuser"),
    ],
)
def test_without_two_factor_authentication_reviewers_are_sent_to_set_it_up(
    client, user_factory, certification, make_user
):
    client.force_login(make_user(user_factory))
    setup = reverse("mfa_activate_totp")
    for url in review_urls_for(certification):
        for response in (client.get(url), client.post(url, VERIFY)):
            assert response.status_code == HTTPStatus.FOUND, url
            assert response["Location"] == setup
            assert any(
                "two-factor authentication" in str(message)
                for message in get_messages(response.wsgi_request)
            )
    assert_nothing_decided(certification)


def test_recovery_codes_alone_do_not_count_as_a_second_factor(client, user_factory, certification):
    reviewer = make_reviewer(user_factory, mfa=False)
    Authenticator.objects.create(
        user=reviewer, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "0" * 40}
    )
    client.force_login(reviewer)
    assert client.get(reverse("review:queue"))["Location"] == reverse("mfa_activate_totp")


def test_reviewers_with_an_authenticator_app_get_in(client, user_factory, certification):
    client.force_login(make_reviewer(user_factory))
    for url in review_urls_for(certification):
        assert client.get(url).status_code == HTTPStatus.OK, url


def test_a_superuser_with_an_authenticator_app_gets_in(client, user_factory, certification):
    superuser = user_factory(is_staff=True, is_superuser=True)
    enable_totp(superuser)
    client.force_login(superuser)
    for url in review_urls_for(certification):
        assert client.get(url).status_code == HTTPStatus.OK, url


def test_a_reviewer_whose_permission_is_removed_is_forbidden_at_once(
    client, user_factory, certification
):
    reviewer = make_reviewer(user_factory)
    client.force_login(reviewer)
    assert client.get(reverse("review:queue")).status_code == HTTPStatus.OK
    reviewer.groups.clear()
    assert client.get(reverse("review:queue")).status_code == HTTPStatus.FORBIDDEN


# --- Evidence files: the owner and reviewers only -------------------------------------------


def evidence_urls(certification: Certification) -> dict[str, str]:
    return {
        "review": reverse("review:certification-evidence", args=[certification.pk]),
        "owner": reverse("me:certification-evidence", args=[certification.pk]),
    }


def served(response) -> bytes:
    return b"".join(response.streaming_content) if response.status_code == HTTPStatus.OK else b""


def test_a_reviewer_and_the_owner_get_the_evidence_file(client, user_factory, certification):
    urls = evidence_urls(certification)
    client.force_login(make_reviewer(user_factory))
    assert served(client.get(urls["review"])) == PDF_BYTES
    client.force_login(certification.profile.user)
    assert served(client.get(urls["owner"])) == PDF_BYTES


@pytest.mark.parametrize(
    "who",
    [
        pytest.param(None, id="anonymous"),
        pytest.param({}, id="another-member"),
        pytest.param({"is_staff": True}, id="staff-without-permission"),
    ],
)
def test_nobody_else_gets_the_evidence_file(client, user_factory, certification, who):
    if who is not None:
        client.force_login(user_factory(**who))
    for url in evidence_urls(certification).values():
        response = client.get(url)
        assert response.status_code in (
            HTTPStatus.FOUND,
            HTTPStatus.FORBIDDEN,
            HTTPStatus.NOT_FOUND,
        ), url
        assert served(response) == b""


def test_a_reviewer_without_two_factor_authentication_does_not_get_the_evidence_file(
    client, user_factory, certification
):
    client.force_login(make_reviewer(user_factory, mfa=False))
    response = client.get(evidence_urls(certification)["review"])
    assert response.status_code == HTTPStatus.FOUND
    assert served(response) == b""
