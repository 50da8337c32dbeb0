"""Reviewers' pages under /review/: the queue, one certification, its evidence file.

Every view is behind `reviewer_required` (the review permission plus two-factor
authentication). Decisions go through `certification_decide()`, never a direct save.
"""

import datetime
from dataclasses import dataclass
from http import HTTPStatus

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from people.emails import site_url_from
from people.evidence import evidence_response, kind_of
from people.forms.review import DecisionForm, QueueFilterForm
from people.mfa import reviewer_required
from people.models import Certification
from people.review_stats import MEDIAN_WINDOW_DAYS, median_time_to_decision, status_counts
from people.services.reviews import (
    DECISION_TARGETS,
    NOTE_PROMPTS,
    Decision,
    certification_decide,
    decisions_available,
)

QUEUE_PAGE_SIZE = 25

# How each decision is offered on the page: the note's label, and whether it destroys trust.
NOTE_LABELS = {
    Decision.VERIFY: "Note for the record (optional, the member sees it)",
    Decision.REJECT: "Reason for rejecting (the member sees it)",
    Decision.REQUEST_CHANGES: "What should the member change? (they see this note)",
    Decision.REVOKE: "Reason for revoking (the member sees it)",
}
DESTRUCTIVE = {Decision.REJECT, Decision.REVOKE}


def duration_text(value: datetime.timedelta | None) -> str:
    """A waiting time in words, to the nearest hour: "3 days 4 hours", "under an hour"."""
    if value is None:
        return ""
    hours = int(value.total_seconds() // 3600)
    days, hours = divmod(hours, 24)
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    return " ".join(parts) or "under an hour"


@dataclass(frozen=True)
class QueueRow:
    certification: Certification
    waiting: str
    is_own: bool


@dataclass(frozen=True)
class ActionForm:
    decision: Decision
    label: str
    note_label: str
    note_required: bool
    destructive: bool
    form: DecisionForm | None  # bound, when the reviewer just sent this one with errors


@reviewer_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    filters = QueueFilterForm(request.GET or None)
    base = Certification.objects.all()
    counts = status_counts(filters.filter_without_status(base))
    certifications = (
        filters.filter(base)
        .select_related("profile", "body", "level")
        .order_by("created_at", "pk")  # oldest first: the longest wait is decided first
    )
    page = Paginator(certifications, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [
        QueueRow(
            certification=certification,
            waiting=duration_text(now - certification.created_at),
            is_own=certification.profile.user_id == request.user.pk,
        )
        for certification in page
    ]
    median, decided = median_time_to_decision(now=now)
    query = request.GET.copy()
    query.pop("page", None)
    status_links = []
    for status, label in Certification.Status.choices:
        link_query = query.copy()
        link_query["status"] = status
        status_links.append(
            {
                "status": status,
                "label": label,
                "count": counts[status],
                "query": link_query.urlencode(),
                "current": status == filters.chosen_status,
            }
        )
    context = {
        "filters": filters,
        "page": page,
        "rows": rows,
        "status_links": status_links,
        "status": filters.chosen_status,
        "showing_pending": filters.chosen_status == Certification.Status.PENDING,
        "median": duration_text(median),
        "decided": decided,
        "median_window_days": MEDIAN_WINDOW_DAYS,
        "page_query": query.urlencode(),
    }
    return render(request, "people/review/queue.html", context)


def _action_forms(certification: Certification, sent: DecisionForm | None) -> list[ActionForm]:
    sent_decision = sent.data.get("decision") if sent is not None else None
    return [
        ActionForm(
            decision=decision,
            label=decision.label,
            note_label=NOTE_LABELS[decision],
            note_required=decision in NOTE_PROMPTS,
            destructive=decision in DESTRUCTIVE,
            form=sent if sent_decision == decision else None,
        )
        for decision in decisions_available(certification.status)
    ]


def _evidence_kind(certification: Certification):
    """What the stored file really is (its first bytes), so the page shows images inline and
    links other files. None when there is no file or it cannot be read."""
    if not certification.evidence_file:
        return None
    try:
        with certification.evidence_file.storage.open(certification.evidence_file.name) as file:
            return kind_of(file.read(16))
    except OSError:
        return None


def _decide(request: HttpRequest, certification: Certification, form: DecisionForm):
    """Apply a valid decision form; the response is always a redirect."""
    decision = Decision(form.cleaned_data["decision"])
    try:
        certification_decide(
            certification_id=certification.pk,
            reviewer=request.user,
            decision=decision,
            note=form.cleaned_data["note"],
            expected_status=form.cleaned_data["expected_status"],
            site_url=site_url_from(request),
        )
    except ValidationError as error:
        message = " ".join(error.messages)
        if error.code == "stale":
            messages.warning(request, message)
        else:
            messages.error(request, message)
        return redirect("review:certification", pk=certification.pk)
    status_label = Certification.Status(DECISION_TARGETS[decision]).label.lower()
    messages.success(
        request,
        f"{certification.profile.display_name}'s {certification.body_name} "
        f"{certification.level_name} certification is now {status_label}. "
        "They are being emailed.",
    )
    return redirect("review:queue")


@reviewer_required
@require_http_methods(["GET", "POST"])
def certification_detail(request: HttpRequest, pk: int) -> HttpResponse:
    certification = get_object_or_404(
        Certification.objects.select_related("profile__user", "body", "level"), pk=pk
    )
    sent = None
    if request.method == "POST":
        sent = DecisionForm(request.POST)
        if sent.is_valid():
            return _decide(request, certification, sent)

    profile = certification.profile
    is_own = profile.user_id == request.user.pk
    actions = [] if is_own else _action_forms(certification, sent)
    context = {
        "certification": certification,
        "profile": profile,
        "holder_is_public": profile.is_listed and profile.user.is_active,
        "holdings": profile.holdings.select_related("role_type").order_by(
            "role_type__order", "-started_on"
        ),
        "history": certification.decisions.select_related("reviewer"),
        "others": profile.certifications.exclude(pk=certification.pk).select_related(
            "body", "level"
        ),
        "evidence_kind": _evidence_kind(certification),
        "is_own": is_own,
        "actions": actions,
        # A form that matched no action (tampered, or the status changed): say so at the top.
        "sent_unreadable": sent is not None and not any(action.form for action in actions),
        "waiting": duration_text(timezone.now() - certification.created_at),
    }
    status = HTTPStatus.BAD_REQUEST if sent is not None else HTTPStatus.OK
    return render(request, "people/review/certification.html", context, status=status)


@reviewer_required
@require_GET
def certification_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    certification = get_object_or_404(Certification, pk=pk)
    # Inline, so images show in the page and PDFs open in the browser's viewer.
    return evidence_response(certification, inline=True)
