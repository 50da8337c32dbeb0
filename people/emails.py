"""Email to one member from a pair of templates: `<name>.txt` for the plain text part and
`<name>.html` for the HTML alternative, both rendered with the same context.

Links in emails must be absolute. Views pass the base built from the request
(`site_url_from(request)`); code outside a request (management commands) falls back to
settings.SITE_URL.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template.loader import render_to_string

SUBJECT_PREFIX = "[sociodir] "


def site_url_from(request: HttpRequest | None = None) -> str:
    """The site's base address without a trailing slash, e.g. "https://sociodir.example.org"."""
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.SITE_URL.rstrip("/")


def templated_email_send(
    *,
    to: str,
    subject: str,
    template: str,
    context: dict,
    reply_to: list[str] | None = None,
) -> None:
    """Send one multipart email. `template` is a path without extension, e.g.
    "people/emails/decision_verified". Raises what the email backend raises."""
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    email = EmailMultiAlternatives(
        # A header cannot hold a line break; a subject built from data must not smuggle one in.
        subject=SUBJECT_PREFIX + " ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=reply_to,
    )
    email.attach_alternative(html, "text/html")
    email.send()
