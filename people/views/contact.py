"""Write to a member without seeing their address: /people/<slug>/contact/."""

import logging
import smtplib
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from people.forms.contact import ContactForm
from people.models import Profile
from people.services.contact import ContactRateLimited, contact_message_send
from sociodir.access import public

logger = logging.getLogger(__name__)


def _contactable_profile(slug: str) -> Profile:
    return get_object_or_404(
        Profile.objects.listed().filter(accepts_contact=True).select_related("user"), slug=slug
    )


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, for the per-address rate limit.

    X-Forwarded-For is read only when settings.TRUSTED_PROXY_COUNT says how many proxies of ours
    stand in front (each appends one entry); otherwise a visitor could write any address there
    and dodge the limit.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


@public
@require_http_methods(["GET", "POST"])
def profile_contact(request: HttpRequest, slug: str) -> HttpResponse:
    profile = _contactable_profile(slug)
    form = ContactForm(request.POST or None)
    status = HTTPStatus.OK
    if request.method == "POST" and form.is_valid():
        if form.is_spam_trap_filled:
            # Looks like success to the robot; nothing is sent.
            return redirect("people:profile-contact-sent", slug=profile.slug)
        try:
            contact_message_send(
                profile=profile,
                sender_name=form.cleaned_data["sender_name"],
                sender_email=form.cleaned_data["sender_email"],
                subject=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
                ip=client_ip(request),
            )
        except ContactRateLimited as error:
            form.add_error(None, str(error))
            status = HTTPStatus.TOO_MANY_REQUESTS
        except (smtplib.SMTPException, OSError):
            logger.exception("Contact message to profile %s could not be sent", profile.pk)
            form.add_error(
                None,
                "Your message could not be sent just now. Please try again in a few minutes; "
                "what you wrote is kept below.",
            )
            status = HTTPStatus.SERVICE_UNAVAILABLE
        else:
            return redirect("people:profile-contact-sent", slug=profile.slug)
    return render(request, "people/contact.html", {"profile": profile, "form": form}, status=status)


@public
@require_GET
def profile_contact_sent(request: HttpRequest, slug: str) -> HttpResponse:
    profile = _contactable_profile(slug)
    return render(request, "people/contact.html", {"profile": profile, "sent": True})
