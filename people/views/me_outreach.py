"""/me/outreach/: the member's log of talks, webinars, articles and events."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from people.forms.outreach import OutreachForm
from people.models import OutreachRecord
from people.services.outreach import outreach_create, outreach_delete, outreach_update
from people.services.profiles import profile_for_user
from sociodir.access import member_required


@member_required
@require_GET
def outreach_list(request: HttpRequest) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    today = timezone.localdate()
    context = {
        "upcoming": profile.outreach.upcoming(today),
        "past": profile.outreach.past(today),
    }
    return render(request, "people/me/outreach_list.html", context)


@member_required
@require_http_methods(["GET", "POST"])
def outreach_add(request: HttpRequest) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    form = OutreachForm(request.POST or None, instance=OutreachRecord(profile=profile))
    if request.method == "POST" and form.is_valid():
        record = outreach_create(profile=profile, details=form.details())
        messages.success(request, f"Logged “{record.title}”.")
        return redirect("me:outreach")
    return render(request, "people/me/outreach_form.html", {"form": form, "record": None})


@member_required
@require_http_methods(["GET", "POST"])
def outreach_edit(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    record = get_object_or_404(profile.outreach, pk=pk)
    form = OutreachForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        record = outreach_update(record=record, details=form.details())
        messages.success(request, f"Saved “{record.title}”.")
        return redirect("me:outreach")
    return render(request, "people/me/outreach_form.html", {"form": form, "record": record})


@member_required
@require_http_methods(["GET", "POST"])
def outreach_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    record = get_object_or_404(profile.outreach, pk=pk)
    if request.method == "POST":
        outreach_delete(record=record)
        messages.success(request, f"Deleted “{record.title}”.")
        return redirect("me:outreach")
    return render(request, "people/me/outreach_delete.html", {"record": record})
