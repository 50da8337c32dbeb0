"""A visitor writes to a member through the contact form; the member's address stays hidden."""

from dataclasses import dataclass
from email.utils import formataddr

from django.conf import settings
from django.core.cache import cache

from people.emails import templated_email_send
from people.models import Profile


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` messages per `window_seconds`, counted in a fixed window."""

    limit: int
    window_seconds: int
    message: str


HOUR = 60 * 60
DAY = 24 * HOUR

# From one address: enough for a real person, too few for a spam run.
PER_IP = RateLimit(
    limit=5,
    window_seconds=HOUR,
    message="You have sent several messages in the last hour. Please wait an hour and send "
    "this one again; what you wrote is kept below.",
)
# To one member, from everyone together: protects a member's inbox from a flood.
PER_RECIPIENT = RateLimit(
    limit=20,
    window_seconds=DAY,
    message="This member has received many messages today. Please try again tomorrow; "
    "what you wrote is kept below.",
)


class ContactRateLimited(Exception):
    """Too many messages; `str(error)` is a message for the sender."""


def _counter_key(scope: str, value: object) -> str:
    return f"contact-message:{scope}:{value}"


def _is_exhausted(key: str, rule: RateLimit) -> bool:
    return cache.get(key, 0) >= rule.limit


def _count(key: str, rule: RateLimit) -> None:
    # add() starts the window only if no counter exists; incr() keeps the window's expiry.
    cache.add(key, 0, timeout=rule.window_seconds)
    try:
        cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.set(key, 1, timeout=rule.window_seconds)


def contact_message_send(
    *,
    profile: Profile,
    sender_name: str,
    sender_email: str,
    subject: str,
    message: str,
    ip: str,
) -> None:
    """Email `message` to the member behind `profile`, with Reply-To set to the sender.

    Raises ContactRateLimited, sending nothing, when the sender's IP address or the member has
    reached their limit. The caller checks that the profile is listed and accepts contact.
    """
    ip_key = _counter_key("ip", ip)
    recipient_key = _counter_key("recipient", profile.pk)
    if _is_exhausted(ip_key, PER_IP):
        raise ContactRateLimited(PER_IP.message)
    if _is_exhausted(recipient_key, PER_RECIPIENT):
        raise ContactRateLimited(PER_RECIPIENT.message)

    context = {
        "profile": profile,
        "sender_name": sender_name,
        "sender_email": sender_email,
        "subject": subject,
        "message": message,
        "site_url": settings.SITE_URL,
    }
    templated_email_send(
        to=profile.user.email,
        subject=f"Message from {sender_name}: {subject}",
        template="people/emails/contact_message",
        context=context,
        reply_to=[formataddr((sender_name, sender_email))],
    )
    _count(ip_key, PER_IP)
    _count(recipient_key, PER_RECIPIENT)
