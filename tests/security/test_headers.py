"""Security headers on the public pages, HSTS and the HTTPS redirect under production settings,
and no page carrying inline script or style that the Content Security Policy would block.
"""

import os
import runpy
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from people.models import Certification
from tests.people.review_support import make_reviewer

HTTPS_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)


@pytest.fixture
def listed(profile_factory, certification_factory, outreach_factory):
    profile = profile_factory(role_slug="trainer", certified=True, accepts_contact=True)
    outreach_factory(profile)
    return profile


def public_pages(profile) -> list[str]:
    certification = profile.certifications.get(status=Certification.Status.VERIFIED)
    return [
        reverse("roles:home"),
        reverse("people:directory"),
        reverse("roles:compare"),
        profile.get_absolute_url(),
        certification.get_verify_url(),
    ]


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_public_pages_send_the_security_headers(client, listed):
    for url in public_pages(listed):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url

        policy = csp_directives(response)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], url
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url


def production_settings(monkeypatch) -> dict:
    """sociodir/settings.py as it reads with production's environment: HTTPS on, no DEBUG."""
    for name in list(os.environ):
        if name.startswith("DJANGO_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("DJANGO_SECRET_KEY", "production-like-" + "0123456789abcdef" * 4)
    path = Path(django_settings.BASE_DIR) / "sociodir" / "settings.py"
    return runpy.run_path(str(path))


@pytest.fixture
def production(settings, monkeypatch):
    values = production_settings(monkeypatch)
    assert values["DEBUG"] is False
    for name in HTTPS_SETTINGS:
        setattr(settings, name, values[name])
    return values


def test_production_settings_turn_on_https_and_hsts(production):
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True


def test_under_production_settings_https_pages_send_hsts(client, listed, production):
    for url in public_pages(listed):
        response = client.get(url, secure=True)

        assert response.status_code == HTTPStatus.OK, url
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        ), url


def test_under_production_settings_plain_http_is_redirected_to_https(client, listed, production):
    for url in public_pages(listed):
        response = client.get(url)

        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY, url
        assert response["Location"] == f"https://testserver{url}"


def test_under_production_settings_the_proxys_https_header_counts(client, listed, production):
    response = client.get(reverse("roles:home"), HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == HTTPStatus.OK
    assert "Strict-Transport-Security" in response


def test_under_production_settings_health_checks_answer_over_plain_http(client, db, production):
    assert client.get(reverse("healthz")).status_code == HTTPStatus.OK


# --- No inline script, style or event handler on any page ----------------------------------


class InlineCode(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would block."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        inline = tag == "script" and not values.get("src")
        if inline and values.get("type") != "application/ld+json":
            self.found.append(f"<script {values}> without src")
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'<{tag} style="{value}">')
            if name.startswith("on"):
                self.found.append(f'<{tag} {name}="{value}">')
            if name in ("href", "src", "action") and (value or "").lower().startswith(
                "javascript:"
            ):
                self.found.append(f'<{tag} {name}="{value}">')


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


@pytest.fixture
def pages(listed, user_factory, certification_factory):
    """Every kind of page a visitor, a member, a reviewer or an administrator sees, with the
    client of who sees it."""
    pending = certification_factory(listed, status=Certification.Status.PENDING)
    visitor = Client()
    # A verified address, without which allauth does not offer two-factor set-up.
    EmailAddress.objects.create(
        user=listed.user, email=listed.user.email, verified=True, primary=True
    )
    member = Client()
    member.force_login(listed.user)
    # Two-factor set-up asks for the password again first.
    member.post(reverse("account_reauthenticate"), {"password": "correct horse battery"})
    reviewer = Client()
    reviewer.force_login(make_reviewer(user_factory))
    record = listed.outreach.get()
    public = [
        *public_pages(listed),
        reverse("roles:role-detail", args=["trainer"]),
        reverse("roles:role-detail", args=["ambassador"]),
        reverse("people:countries"),
        f"{reverse('people:directory')}?q=member&role=trainer",
        reverse("people:verify-lookup"),
        reverse("people:verify", args=["unknown-code"]),
        reverse("people:profile-contact", args=[listed.slug]),
        reverse("people:profile-contact-sent", args=[listed.slug]),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
    ]
    own = [
        reverse("me:dashboard"),
        reverse("me:profile-edit"),
        reverse("me:profile-preview"),
        reverse("me:delete"),
        reverse("me:roles"),
        reverse("me:checklist"),
        reverse("me:certifications"),
        reverse("me:certification-add"),
        reverse("me:certification-edit", args=[pending.pk]),
        reverse("me:certification-withdraw", args=[pending.pk]),
        reverse("me:outreach"),
        reverse("me:outreach-add"),
        reverse("me:outreach-edit", args=[record.pk]),
        reverse("me:outreach-delete", args=[record.pk]),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("mfa_index"),
        reverse("mfa_activate_totp"),
    ]
    review = [
        reverse("review:queue"),
        reverse("review:certification", args=[pending.pk]),
    ]
    admin = Client()
    admin.force_login(user_factory(is_staff=True, is_superuser=True))
    administration = [
        reverse("admin:index"),
        reverse("admin:people_profile_changelist"),
        reverse("admin:people_profile_change", args=[listed.pk]),
        reverse("admin:people_certification_change", args=[pending.pk]),
        reverse("admin:roles_responsibility_changelist"),
    ]
    return (
        [(visitor, url) for url in public]
        + [(member, url) for url in own]
        + [(reviewer, url) for url in review]
        + [(admin, url) for url in administration]
    )


def test_no_page_has_inline_script_style_or_event_handlers(pages):
    found = {}
    for client, url in pages:
        response = client.get(url)
        expected = HTTPStatus.NOT_FOUND if "unknown-code" in url else HTTPStatus.OK
        assert response.status_code == expected, url
        assert "Content-Security-Policy" in response, url
        problems = inline_code(response.content.decode())
        if problems:
            found[url] = problems

    assert found == {}


def test_the_inline_code_check_sees_what_the_csp_blocks():
    html = (
        '<script>alert(1)</script><script type="application/ld+json">{}</script>'
        '<script src="/static/js/site.js"></script><p style="color:red" onclick="x()">'
        '<a href="javascript:alert(1)">'
    )

    assert len(inline_code(html)) == 4
