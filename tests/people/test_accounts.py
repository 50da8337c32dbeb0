"""Accounts through django-allauth: sign up, confirm, log in, reset and change, end to end."""

import re
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from people.models import Profile, User

PASSWORD = "a long enough passphrase 42"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts attempts in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def verified_member(user_factory, profile_factory):
    """A member who confirmed their address, as after a completed signup."""
    user = user_factory(email="ada@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    profile_factory(user=user, display_name="Ada Lovelace", listed=False)
    return user


def link_in(text: str, path_prefix: str) -> str:
    """The absolute link to `path_prefix...` in an email body."""
    match = re.search(rf"https?://testserver{re.escape(path_prefix)}[^\s\"<]+", text)
    assert match, f"no link to {path_prefix} in:\n{text}"
    return match.group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://testserver", "", url)


def html_part(message) -> str:
    (html, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return html


def sign_up(client, *, email="grace@example.org", name="Grace Hopper"):
    return client.post(
        reverse("account_signup"),
        {"display_name": name, "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_signup_page_labels_every_field_and_has_no_username(client, db):
    response = client.get(reverse("account_signup"))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    for field in ("display_name", "email", "password1", "password2"):
        assert f'<label for="id_{field}"' in html
    assert "username" not in html.lower()
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html  # the site's layout


def test_signup_confirm_by_email_then_dashboard(client, db):
    response = sign_up(client)

    assert response.status_code == HTTPStatus.FOUND
    user = User.objects.get(email="grace@example.org")
    assert user.profile.display_name == "Grace Hopper"
    assert not user.profile.is_listed
    assert client.get("/me/").status_code == HTTPStatus.FOUND  # not logged in before confirming

    (message,) = mail.outbox
    assert message.to == ["grace@example.org"]
    assert message.subject.startswith("[sociodir]")
    text_link = link_in(message.body, "/accounts/confirm-email/")
    assert text_link in html_part(message)
    assert f'href="{text_link}"' in html_part(message)

    confirm_page = client.get(path_of(text_link))
    assert confirm_page.status_code == HTTPStatus.OK
    assert "Grace Hopper" in confirm_page.content.decode()
    confirmed = client.post(path_of(text_link))

    assert confirmed.status_code == HTTPStatus.FOUND
    assert EmailAddress.objects.get(email="grace@example.org").verified
    dashboard = client.get(confirmed.url)
    assert dashboard.status_code == HTTPStatus.OK
    assert "Welcome, Grace Hopper" in dashboard.content.decode()


def test_signup_without_a_name_shows_the_error_beside_the_field(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "  ",
            "email": "x@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert not User.objects.filter(email="x@example.org").exists()
    assert 'value="x@example.org"' in html  # the member's input is kept
    name_field = html[html.index('for="id_display_name"') : html.index('name="display_name"')]
    assert "errorlist" in name_field


def test_login_by_email_goes_to_the_dashboard(client, verified_member):
    response = client.post(
        reverse("account_login"), {"login": "ADA@example.org", "password": PASSWORD}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/me/"
    assert "Welcome, Ada Lovelace" in client.get("/me/").content.decode()


def test_wrong_password_is_refused_with_a_message(client, verified_member):
    response = client.post(reverse("account_login"), {"login": "ada@example.org", "password": "no"})

    assert response.status_code == HTTPStatus.OK
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout(client, verified_member):
    client.force_login(verified_member)

    response = client.post(reverse("account_logout"))

    assert response.status_code == HTTPStatus.FOUND
    assert client.get("/me/").status_code == HTTPStatus.FOUND


def test_password_reset_by_emailed_link(client, verified_member):
    client.post(reverse("account_reset_password"), {"email": "ada@example.org"})

    (message,) = mail.outbox
    link = link_in(message.body, "/accounts/password/reset/key/")
    assert f'href="{link}"' in html_part(message)
    form_page = client.get(path_of(link), follow=True)
    assert form_page.status_code == HTTPStatus.OK
    new_password = "another long passphrase 7"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path_of(link),
        {"password1": new_password, "password2": new_password},
    )

    assert done.status_code == HTTPStatus.FOUND
    verified_member.refresh_from_db()
    assert verified_member.check_password(new_password)
    assert mail.outbox[-1].subject == "[sociodir] Password Reset"  # the notification


def test_password_change_needs_the_old_password(client, verified_member):
    client.force_login(verified_member)

    refused = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "wrong",
            "password1": "new passphrase 99",
            "password2": "new passphrase 99",
        },
    )
    changed = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "new passphrase 99",
            "password2": "new passphrase 99",
        },
    )

    assert refused.status_code == HTTPStatus.OK
    assert "errorlist" in refused.content.decode()
    assert changed.status_code == HTTPStatus.FOUND
    verified_member.refresh_from_db()
    assert verified_member.check_password("new passphrase 99")


def test_changing_email_waits_for_the_new_address_to_be_confirmed(client, verified_member):
    client.force_login(verified_member)
    page = client.get(reverse("account_email"))
    assert page.status_code == HTTPStatus.OK
    assert "Two-factor authentication" in page.content.decode()  # the settings menu

    client.post(reverse("account_email"), {"action_add": "", "email": "ada@new.example.org"})

    verified_member.refresh_from_db()
    assert verified_member.email == "ada@example.org"  # unchanged until confirmed
    (message,) = mail.outbox
    assert message.to == ["ada@new.example.org"]
    link = link_in(message.body, "/accounts/confirm-email/")
    assert f'href="{link}"' in html_part(message)

    client.post(path_of(link))

    verified_member.refresh_from_db()
    assert verified_member.email == "ada@new.example.org"
    notice = mail.outbox[-1]
    assert notice.to == ["ada@example.org"]  # the old address is told of the change
    assert "ada@new.example.org" in notice.body
    assert "ada@new.example.org" in html_part(notice)


def test_account_pages_use_the_site_layout(client, verified_member):
    client.force_login(verified_member)

    html = client.get(reverse("account_change_password")).content.decode()

    assert html.count("<h1>") == 1
    assert 'class="skip-link"' in html  # base.html
    assert '<label for="id_oldpassword"' in html
    assert "style=" not in html


def test_signup_with_a_taken_address_creates_nothing_and_warns_the_owner(client, verified_member):
    response = sign_up(client, email="ada@example.org", name="Someone Else")

    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.filter(email="ada@example.org").count() == 1
    assert not Profile.objects.filter(display_name="Someone Else").exists()
    (message,) = mail.outbox
    assert "already exists" in message.body
    assert "already exists" in html_part(message)
