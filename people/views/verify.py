"""Anyone can check a certification by its code: /verify/<code>/."""

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from people.models import Certification
from sociodir.access import public

VALID = "valid"
EXPIRED = "expired"
REVOKED = "revoked"
NOT_FOUND = "not_found"


def _code_from_input(value: str) -> str:
    """What a visitor pasted: the bare code, or the whole verification link."""
    parts = [part for part in value.strip().split("/") if part]
    return parts[-1] if parts else ""


@public
@require_GET
def verify_lookup(request: HttpRequest) -> HttpResponse:
    code = _code_from_input(request.GET.get("code", ""))
    if code:
        return redirect("people:verify", code=code)
    return render(request, "people/verify.html", {"lookup": True})


@public
@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    # Pending and rejected certifications were never vouched for: they answer exactly like an
    # unknown code, so the page reveals nothing about what a member has submitted.
    certification = (
        Certification.objects.public()
        .select_related("body", "level", "profile__user")
        .filter(verification_code=code)
        .first()
    )
    if certification is None:
        return render(
            request,
            "people/verify.html",
            {"state": NOT_FOUND, "code": code},
            status=HTTPStatus.NOT_FOUND,
        )

    if certification.status == Certification.Status.REVOKED:
        state = REVOKED
    elif certification.is_expired(timezone.localdate()):
        state = EXPIRED
    else:
        state = VALID
    holder = certification.profile
    context = {
        "state": state,
        "code": code,
        "certification": certification,
        "holder": holder,
        "holder_is_public": holder.is_listed and holder.user.is_active,
    }
    return render(request, "people/verify.html", context)
