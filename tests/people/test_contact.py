from http import HTTPStatus

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from people.services.contact import PER_IP, PER_RECIPIENT


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(profile_factory, user_factory):
    return profile_factory(
        display_name="Ada Circle",
        accepts_contact=True,
        user=user_factory(email="ada.private@example.org"),
    )


def contact_url(profile) -> str:
    return reverse("people:profile-contact", kwargs={"slug": profile.slug})


def sent_url(profile) -> str:
    return reverse("people:profile-contact-sent", kwargs={"slug": profile.slug})


def message_data(**overrides) -> dict:
    return {
        "sender_name": "Carol Visitor",
        "sender_email": "carol@example.com",
        "subject": "A workshop for our cooperative",
        "message": "Hello Ada,\nwould you run an introduction for our 12 members?",
        "homepage": "",
        **overrides,
    }


def test_form_asks_for_name_email_subject_and_message(client, member):
    response = client.get(contact_url(member))
    page = response.content.decode()

    assert response.status_code == HTTPStatus.OK
    assert "<h1>Write to Ada Circle</h1>" in page
    for label in ("Your name", "Your email", "Subject", "Message"):
        assert f">{label}</label>" in page
    assert "Leave this field empty" in page
    assert '<div class="contact-trap">' in page
    assert "ada.private@example.org" not in page


def test_message_is_emailed_to_the_member_with_reply_to_the_sender(client, member, settings):
    response = client.post(contact_url(member), message_data())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == sent_url(member)
    [email] = mail.outbox
    assert email.to == ["ada.private@example.org"]
    assert email.reply_to == ["Carol Visitor <carol@example.com>"]
    assert email.from_email == settings.DEFAULT_FROM_EMAIL
    assert "A workshop for our cooperative" in email.subject
    assert "would you run an introduction for our 12 members?" in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert "would you run an introduction" in html


def test_html_part_escapes_the_senders_text(client, member):
    client.post(contact_url(member), message_data(message="<script>alert(1)</script> hello"))

    [(html, _)] = mail.outbox[0].alternatives
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; hello" in html


def test_confirmation_page_thanks_the_sender_without_revealing_the_address(client, member):
    response = client.post(contact_url(member), message_data(), follow=True)
    page = response.content.decode()

    assert response.status_code == HTTPStatus.OK
    assert "<h1>Message sent</h1>" in page
    assert "on its way to Ada Circle" in page
    assert "ada.private@example.org" not in page


def test_filled_honeypot_pretends_success_and_sends_nothing(client, member):
    response = client.post(contact_url(member), message_data(homepage="https://spam.example"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == sent_url(member)
    assert mail.outbox == []


def test_bad_input_shows_field_errors_and_sends_nothing(client, member):
    response = client.post(
        contact_url(member), message_data(sender_email="not-an-address", message="")
    )
    page = response.content.decode()

    assert response.status_code == HTTPStatus.OK
    assert "Enter a valid email address." in page
    assert "This field is required." in page
    assert 'value="Carol Visitor"' in page
    assert mail.outbox == []


def test_subject_with_a_line_break_is_refused(client, member):
    response = client.post(
        contact_url(member), message_data(subject="Hello\nBcc: victim@example.com")
    )

    assert "Please keep this to a single line." in response.content.decode()
    assert mail.outbox == []


def test_one_address_may_send_only_a_few_messages_an_hour(client, member, profile_factory):
    others = [profile_factory(accepts_contact=True) for _ in range(PER_IP.limit)]
    for other in others:
        response = client.post(contact_url(other), message_data(), REMOTE_ADDR="203.0.113.7")
        assert response.status_code == HTTPStatus.FOUND

    response = client.post(
        contact_url(member),
        message_data(subject="One more try"),
        REMOTE_ADDR="203.0.113.7",
    )
    page = response.content.decode()

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "You have sent several messages in the last hour" in page
    assert 'value="One more try"' in page
    assert "would you run an introduction for our 12 members?" in page
    assert len(mail.outbox) == PER_IP.limit
    other_sender = client.post(contact_url(member), message_data(), REMOTE_ADDR="203.0.113.8")
    assert other_sender.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == PER_IP.limit + 1


def test_a_member_receives_only_so_many_messages_a_day(client, member):
    for number in range(PER_RECIPIENT.limit):
        response = client.post(contact_url(member), message_data(), REMOTE_ADDR=f"10.0.0.{number}")
        assert response.status_code == HTTPStatus.FOUND

    response = client.post(
        contact_url(member), message_data(subject="Still there?"), REMOTE_ADDR="10.0.1.1"
    )
    page = response.content.decode()

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "This member has received many messages today" in page
    assert 'value="Still there?"' in page
    assert len(mail.outbox) == PER_RECIPIENT.limit


@pytest.mark.parametrize("hidden_by", ["does_not_accept", "unlisted", "deactivated"])
def test_contact_pages_are_404_when_the_member_cannot_be_written_to(
    client, profile_factory, hidden_by
):
    profile = profile_factory(
        accepts_contact=hidden_by != "does_not_accept", listed=hidden_by != "unlisted"
    )
    if hidden_by == "deactivated":
        profile.user.is_active = False
        profile.user.save(update_fields=["is_active"])

    assert client.get(contact_url(profile)).status_code == HTTPStatus.NOT_FOUND
    assert client.post(contact_url(profile), message_data()).status_code == HTTPStatus.NOT_FOUND
    assert client.get(sent_url(profile)).status_code == HTTPStatus.NOT_FOUND
    assert mail.outbox == []


def test_owner_of_an_unlisted_profile_cannot_open_its_contact_form(client, profile_factory):
    profile = profile_factory(accepts_contact=True, listed=False)
    client.force_login(profile.user)

    assert client.get(contact_url(profile)).status_code == HTTPStatus.NOT_FOUND


def test_forwarded_for_header_is_ignored_unless_a_proxy_is_trusted(client, member, settings):
    for number in range(PER_IP.limit):
        client.post(
            contact_url(member), message_data(), HTTP_X_FORWARDED_FOR=f"198.51.100.{number}"
        )

    spoofed = client.post(contact_url(member), message_data(), HTTP_X_FORWARDED_FOR="198.51.100.99")

    assert spoofed.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert len(mail.outbox) == PER_IP.limit


def test_behind_a_trusted_proxy_visitors_are_told_apart_by_forwarded_for(client, member, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(PER_IP.limit):
        client.post(
            contact_url(member), message_data(), HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1"
        )

    same_visitor = client.post(
        contact_url(member), message_data(), HTTP_X_FORWARDED_FOR="5.6.7.8, 198.51.100.1"
    )
    other_visitor = client.post(
        contact_url(member), message_data(), HTTP_X_FORWARDED_FOR="198.51.100.2"
    )

    assert same_visitor.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert other_visitor.status_code == HTTPStatus.FOUND
