"""Security notifications (two-factor changes) reach members as text and HTML, like every
other email the site sends."""

import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context
from django.core import mail
from django.test import RequestFactory

NOTIFICATIONS = {
    "mfa/email/totp_activated": "An authenticator app was activated",
    "mfa/email/totp_deactivated": "The authenticator app was deactivated",
    "mfa/email/recovery_codes_generated": "A new set of two-factor recovery codes",
    "mfa/email/webauthn_added": "A new security key was added",
    "mfa/email/webauthn_removed": "A security key was removed",
}


@pytest.mark.parametrize(("template", "sentence"), NOTIFICATIONS.items())
def test_two_factor_notifications_have_text_and_html_parts(user_factory, template, sentence):
    user = user_factory(email="ada@example.org")
    request = RequestFactory().get("/accounts/2fa/")
    request.user = user
    with context.request_context(request):
        get_adapter(request).send_notification_mail(template, user)

    message = mail.outbox[-1]
    assert message.to == ["ada@example.org"]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert sentence in html
    assert message.body.strip()
