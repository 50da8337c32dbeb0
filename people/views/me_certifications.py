"""/me/certifications/: submit certifications with evidence, correct or withdraw them while
they wait for (or were refused) a reviewer's decision, and open the private evidence file."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from people.evidence import evidence_response
from people.forms.certifications import CertificationEditForm, CertificationForm
from people.models import Certification, Profile
from people.services.certifications import (
    certification_create,
    certification_is_editable,
    certification_update,
    certification_withdraw,
)
from people.services.profiles import profile_for_user
from sociodir.access import member_required


@dataclass(frozen=True)
class CertificationRow:
    certification: Certification
    editable: bool
    reviewer_note: str

    @property
    def resubmits(self) -> bool:
        """Editing sends it back to the review queue (a reviewer had sent it back)."""
        return self.editable and self.certification.status != Certification.Status.PENDING


def _certification(profile: Profile, pk: int) -> Certification:
    return get_object_or_404(profile.certifications.select_related("body", "level"), pk=pk)


def _refuse_read_only(request: HttpRequest, certification: Certification) -> HttpResponse:
    messages.error(
        request,
        f"This certification is {certification.get_status_display().lower()}, so it is "
        "read-only: it cannot be changed or withdrawn. Add a new one if something has changed.",
    )
    return redirect("me:certifications")


def _render_form(
    request: HttpRequest, form: CertificationForm, certification: Certification | None
) -> HttpResponse:
    resubmits = certification is not None and certification.status != Certification.Status.PENDING
    return render(
        request,
        "people/me/certification_form.html",
        {"form": form, "certification": certification, "resubmits": resubmits},
    )


def _reviewer_note(certification: Certification) -> str:
    """The reason a reviewer gave with the decision that led to the current status (a
    rejection, a revocation...), for the member to act on."""
    if certification.status in (Certification.Status.PENDING, Certification.Status.VERIFIED):
        return ""
    for decision in certification.decisions.all():  # newest first
        if decision.to_status == certification.status:
            return decision.note
    return ""


@member_required
@require_GET
def certification_list(request: HttpRequest) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    certifications = profile.certifications.select_related("body", "level").prefetch_related(
        "decisions"
    )
    rows = [
        CertificationRow(
            certification=certification,
            editable=certification_is_editable(certification),
            reviewer_note=_reviewer_note(certification),
        )
        for certification in certifications
    ]
    return render(request, "people/me/certifications.html", {"rows": rows})


@member_required
@require_http_methods(["GET", "POST"])
def certification_add(request: HttpRequest) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    form = CertificationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            certification_create(profile=profile, details=form.details(), evidence=form.evidence())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Your certification is submitted. A reviewer will check it; you will get an "
                "email when it is decided.",
            )
            return redirect("me:certifications")
    return _render_form(request, form, None)


@member_required
@require_http_methods(["GET", "POST"])
def certification_edit(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    certification = _certification(profile, pk)
    if not certification_is_editable(certification):
        return _refuse_read_only(request, certification)
    form = CertificationEditForm(
        request.POST or None, request.FILES or None, certification=certification
    )
    if request.method == "POST" and form.is_valid():
        resubmits = certification.status != Certification.Status.PENDING
        try:
            certification_update(
                certification=certification,
                details=form.details(),
                evidence=form.evidence(),
                remove_file=form.cleaned_data.get("remove_file", False),
                seen_updated_at=form.cleaned_data["updated_at"],
            )
        except Certification.DoesNotExist as error:
            raise Http404("This certification was withdrawn meanwhile.") from error
        except ValidationError as error:
            if error.code not in ("stale", "read_only"):
                form.add_error(None, error)
                return _render_form(request, form, certification)
            messages.error(request, " ".join(error.messages))
            if error.code == "read_only":
                return redirect("me:certifications")
            # Show the current version, to make the changes again on top of it.
            return redirect("me:certification-edit", pk=certification.pk)
        if resubmits:
            messages.success(request, "Your certification is resubmitted for review.")
        else:
            messages.success(request, "Your certification is updated.")
        return redirect("me:certifications")
    return _render_form(request, form, certification)


@member_required
@require_http_methods(["GET", "POST"])
def certification_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    certification = _certification(profile, pk)
    if not certification_is_editable(certification):
        return _refuse_read_only(request, certification)
    if request.method == "POST":
        try:
            certification_withdraw(certification=certification)
        except Certification.DoesNotExist as error:
            raise Http404("This certification was already withdrawn.") from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Your certification is withdrawn and its file deleted.")
        return redirect("me:certifications")
    return render(
        request, "people/me/certification_withdraw.html", {"certification": certification}
    )


@member_required
@require_GET
def certification_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    return evidence_response(_certification(profile, pk))
