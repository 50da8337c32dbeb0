"""Django admin actions on certifications, through the same service as the review pages.

The admin never edits a certification's status: these actions call certification_decide(),
which checks the transition, keeps the audit row and emails the member. Reject, request
changes and revoke need a reason the member will read, so they show an intermediate page with
a reason field first (the pattern of Django's own "delete selected"). Like the review pages,
the actions need the review permission and two-factor authentication.

Wired up in people/admin.py: CertificationAdmin.actions = admin_actions.CERTIFICATION_ACTIONS.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from people.emails import site_url_from
from people.forms.review import NOTE_MAX_LENGTH
from people.mfa import MFA_SETUP_URL_NAME, has_second_factor
from people.models import Certification
from people.services.reviews import (
    DECISION_TARGETS,
    NOTE_PROMPTS,
    Decision,
    can_review,
    certification_decide,
)

REASON_TEMPLATE = "people/review/admin_reason.html"


class ReasonForm(forms.Form):
    note = forms.CharField(
        label="Reason (the member reads it in their email)",
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
    )


def _may_decide(request: HttpRequest) -> bool:
    """The same gate as the review pages; says why in a message when it refuses."""
    if not can_review(request.user):
        messages.error(request, "Only reviewers can decide certifications.")
        return False
    if not has_second_factor(request.user):
        messages.error(
            request,
            format_html(
                'Reviewers must use two-factor authentication: <a href="{}">set it up</a>, '
                "then try again.",
                reverse(MFA_SETUP_URL_NAME),
            ),
        )
        return False
    return True


def _decide_all(
    request: HttpRequest,
    certifications: QuerySet[Certification],
    *,
    decision: Decision,
    note: str,
    expected: dict[int, str] | None = None,
) -> None:
    """Decide each certification on its own; report what changed and what was refused."""
    decided, refused = 0, []
    site_url = site_url_from(request)
    for certification in certifications.select_related("profile", "body", "level"):
        try:
            certification_decide(
                certification_id=certification.pk,
                reviewer=request.user,
                decision=decision,
                note=note,
                # The status the reviewer saw: on the reason page, or as listed just now.
                expected_status=(expected or {}).get(certification.pk, certification.status),
                site_url=site_url,
            )
        except ValidationError as error:
            refused.append(f"{certification}: {' '.join(error.messages)}")
        else:
            decided += 1
    label = Certification.Status(DECISION_TARGETS[decision]).label.lower()
    if decided:
        messages.success(
            request,
            f"{decided} certification{'s' if decided != 1 else ''} now {label}; "
            "the members are being emailed.",
        )
    for reason in refused:
        messages.warning(request, f"Not changed: {reason}")


def _with_reason(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: QuerySet[Certification],
    decision: Decision,
) -> HttpResponse | None:
    if not _may_decide(request):
        return None
    certifications = list(queryset.select_related("profile", "body", "level"))
    form = ReasonForm(request.POST if request.POST.get("apply") else None)
    if form.is_valid():
        expected = {
            certification.pk: request.POST.get(f"expected_status_{certification.pk}", "")
            for certification in certifications
        }
        _decide_all(
            request,
            queryset,
            decision=decision,
            note=form.cleaned_data["note"],
            expected=expected,
        )
        return None  # back to the change list
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"{decision.label}: give a reason",
        "opts": modeladmin.model._meta,
        "certifications": certifications,
        "decision": decision,
        "prompt": NOTE_PROMPTS[decision],
        "action_name": request.POST.get("action", ""),
        "form": form,
    }
    return TemplateResponse(request, REASON_TEMPLATE, context)


@admin.action(description="Verify selected certifications")
def verify_selected(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Certification]
) -> None:
    if _may_decide(request):
        _decide_all(request, queryset, decision=Decision.VERIFY, note="")


@admin.action(description="Reject selected certifications (asks for a reason)")
def reject_selected(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Certification]
) -> HttpResponse | None:
    return _with_reason(modeladmin, request, queryset, Decision.REJECT)


@admin.action(description="Ask for changes to selected certifications (asks what to change)")
def request_changes_selected(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Certification]
) -> HttpResponse | None:
    return _with_reason(modeladmin, request, queryset, Decision.REQUEST_CHANGES)


@admin.action(description="Revoke selected certifications (asks for a reason)")
def revoke_selected(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Certification]
) -> HttpResponse | None:
    return _with_reason(modeladmin, request, queryset, Decision.REVOKE)


CERTIFICATION_ACTIONS = [
    verify_selected,
    reject_selected,
    request_changes_selected,
    revoke_selected,
]
