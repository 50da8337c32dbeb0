"""/me/ itself and the member's account pages: dashboard, profile editing, the "as the public
sees it" preview, data export and account deletion. Everything is looked up from
request.user; no view here takes an object id."""

import json
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from people import dashboard as dash
from people.forms.accounts import AccountDeleteForm
from people.forms.profile import ProfileForm, link_formset
from people.models import Profile
from people.services.accounts import account_delete, account_export
from people.services.profiles import (
    EDITABLE_FIELDS,
    ProfileChangedMeanwhile,
    profile_for_user,
    profile_update,
)
from people.views.profiles import profile_page_context, profile_queryset
from sociodir.access import member_required

RECENT_OUTREACH_SHOWN = 5


def _own_profile(request: HttpRequest):
    """The member's profile with everything the checklist rules and these pages read."""
    profile_for_user(user=request.user)
    return (
        Profile.objects.for_checklist()
        .prefetch_related("links")
        .select_related("user")
        .get(user=request.user)
    )


@member_required
@require_GET
@never_cache
def dashboard(request: HttpRequest) -> HttpResponse:
    profile = _own_profile(request)
    today = timezone.localdate()
    progress = dash.holdings_progress(profile, today)
    context = {
        "profile": profile,
        "completeness": dash.profile_completeness(profile),
        "progress": progress,
        "certifications": dash.certification_lines(profile, today),
        "certification_lapsed": dash.certification_lapsed(profile, today),
        "recent_outreach": list(profile.outreach.all()[:RECENT_OUTREACH_SHOWN]),
        "steps": dash.next_steps(profile, progress, today),
        "today": today,
    }
    return render(request, "people/me/dashboard.html", context)


@member_required
@require_http_methods(["GET", "POST"])
@never_cache
def profile_edit(request: HttpRequest) -> HttpResponse:
    profile = _own_profile(request)
    if request.method == "GET":
        form, links = ProfileForm(instance=profile), link_formset(profile)
        return _render_profile_form(request, profile, form, links)

    form = ProfileForm(request.POST, request.FILES, instance=profile)
    links = link_formset(profile, data=request.POST)
    if not all([form.is_valid(), links.is_valid()]):  # both, so both show their errors
        return _render_profile_form(request, profile, form, links)
    data = form.cleaned_data
    try:
        profile_update(
            profile=profile,
            expected_updated_at=data["version"],
            values={name: data[name] for name in EDITABLE_FIELDS},
            languages=data["languages"],
            audiences=data["audiences"],
            links=links.links(),
            avatar=data["avatar"],
            remove_avatar=data["remove_avatar"],
        )
    except ProfileChangedMeanwhile as changed:
        # Show the member's input again, now based on the saved version, so that saving
        # once more is a deliberate choice to overwrite.
        post = request.POST.copy()
        post["version"] = changed.current_updated_at.isoformat()
        form = ProfileForm(post, instance=Profile.objects.get(pk=profile.pk))
        form.full_clean()  # add_error() needs a cleaned form
        form.add_error(
            None,
            "Your profile was changed in another window or tab after you opened this page, "
            "so nothing was saved. Your edits are shown below (a chosen photo must be picked "
            "again); check them and save once more to keep them.",
        )
        return _render_profile_form(request, profile, form, links, status=HTTPStatus.CONFLICT)
    messages.success(request, "Your profile has been saved.")
    return redirect("me:profile-edit")


def _render_profile_form(
    request, profile, form, links, *, status: HTTPStatus = HTTPStatus.OK
) -> HttpResponse:
    context = {"profile": profile, "form": form, "links": links}
    return render(request, "people/me/profile_form.html", context, status=status)


@member_required
@require_GET
@never_cache
def profile_preview(request: HttpRequest) -> HttpResponse:
    """The public profile page as a visitor would see it, even while the profile is unlisted.

    Renders the public page's template (people/profile_detail.html, via preview.html) with
    a visitor's context: no owner-only parts such as applied roles.
    """
    profile_for_user(user=request.user)
    profile = get_object_or_404(profile_queryset(request), user=request.user)
    context = {**profile_page_context(request, profile, as_visitor=True), "is_preview": True}
    return render(request, "people/me/preview.html", context)


@member_required
@require_GET
@never_cache
def export(request: HttpRequest) -> HttpResponse:
    data = {
        "exported_at": timezone.now(),
        "site": request.get_host(),
        **account_export(user=request.user),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"sociodir-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@member_required
@require_http_methods(["GET", "POST"])
@never_cache
def delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_delete(user=request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(
                request,
                "Your account has been deleted, with your profile, records and files. "
                "Thank you for having been part of sociodir.",
            )
            return redirect("roles:home")
    return render(request, "people/me/delete.html", {"form": form})
