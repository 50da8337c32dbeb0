"""/me/roles/: the roles a member holds, joining, pausing, resuming and ending them."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from people.forms.holdings import HoldingEndForm, HoldingPauseForm
from people.models import Certification, Profile, RoleHolding
from people.services.holdings import (
    holding_end,
    holding_join,
    holding_needs_review,
    holding_pause,
    holding_resume,
)
from people.services.profiles import profile_for_user
from roles.models import RoleType
from sociodir.access import member_required


@dataclass
class RoleRow:
    role_type: RoleType
    holding: RoleHolding | None
    needs_review: bool
    pause_form: forms.Form | None = None
    end_form: forms.Form | None = None


def _pause_prefix(holding: RoleHolding) -> str:
    return f"pause-{holding.pk}"


def _end_prefix(holding: RoleHolding) -> str:
    return f"end-{holding.pk}"


def _render_roles(
    request: HttpRequest, profile: Profile, *, bound: forms.Form | None = None
) -> HttpResponse:
    holdings = list(profile.holdings.select_related("role_type"))
    open_holdings = {holding.role_type_id: holding for holding in holdings if holding.is_open}
    rows = []
    for role_type in RoleType.objects.all():
        holding = open_holdings.get(role_type.pk)
        row = RoleRow(
            role_type=role_type,
            holding=holding,
            needs_review=holding_needs_review(profile=profile, role_type=role_type),
        )
        if holding:
            pause_prefix, end_prefix = _pause_prefix(holding), _end_prefix(holding)
            row.pause_form = HoldingPauseForm(prefix=pause_prefix)
            row.end_form = HoldingEndForm(prefix=end_prefix)
            if bound is not None and bound.prefix == pause_prefix:
                row.pause_form = bound
            if bound is not None and bound.prefix == end_prefix:
                row.end_form = bound
        rows.append(row)
    history = sorted(
        (holding for holding in holdings if not holding.is_open),
        key=lambda holding: (holding.ended_on, holding.pk),
        reverse=True,
    )
    context = {
        "rows": rows,
        "history": history,
        "pending_certifications": profile.certifications.filter(
            status=Certification.Status.PENDING
        ).count(),
    }
    return render(request, "people/me/roles.html", context)


@member_required
@require_GET
def roles(request: HttpRequest) -> HttpResponse:
    return _render_roles(request, profile_for_user(user=request.user))


@member_required
@require_POST
def role_join(request: HttpRequest, slug: str) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    role_type = get_object_or_404(RoleType, slug=slug)
    try:
        holding = holding_join(profile=profile, role_type=role_type)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("me:roles")
    if holding.status == RoleHolding.Status.ACTIVE:
        messages.success(request, f"You are now an active {role_type.name.lower()}.")
    else:
        messages.success(
            request,
            f"Your application as {role_type.name.lower()} is recorded. It becomes active once "
            "a reviewer verifies one of your certifications.",
        )
    return redirect("me:roles")


@member_required
@require_POST
def holding_pause_view(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    holding = get_object_or_404(profile.holdings.select_related("role_type"), pk=pk)
    form = HoldingPauseForm(request.POST, prefix=_pause_prefix(holding))
    if not form.is_valid():
        return _render_roles(request, profile, bound=form)
    try:
        holding_pause(holding=holding, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Your {holding.role_type.name.lower()} role is paused.")
    return redirect("me:roles")


@member_required
@require_POST
def holding_resume_view(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    holding = get_object_or_404(profile.holdings.select_related("role_type"), pk=pk)
    try:
        holding_resume(holding=holding)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Your {holding.role_type.name.lower()} role is active again.")
    return redirect("me:roles")


@member_required
@require_POST
def holding_end_view(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    holding = get_object_or_404(profile.holdings.select_related("role_type"), pk=pk)
    form = HoldingEndForm(request.POST, prefix=_end_prefix(holding))
    if not form.is_valid():
        return _render_roles(request, profile, bound=form)
    try:
        holding_end(
            holding=holding, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"Your {holding.role_type.name.lower()} role has ended. It stays in your history, "
            "and you can join again at any time.",
        )
    return redirect("me:roles")
