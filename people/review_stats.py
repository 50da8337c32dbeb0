"""Figures on the reviewers' queue: how many certifications are in each status, and how long
members wait for a decision."""

import datetime
import statistics

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from people.models import Certification, CertificationDecision

MEDIAN_WINDOW_DAYS = 90


def status_counts(certifications: QuerySet[Certification]) -> dict[str, int]:
    """{status: count} for every status, zeros included, in one query."""
    totals = certifications.order_by().aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in Certification.Status.values}
    )
    return {status: totals[status] or 0 for status in Certification.Status.values}


def median_time_to_decision(
    *, days: int = MEDIAN_WINDOW_DAYS, now: datetime.datetime | None = None
) -> tuple[datetime.timedelta | None, int]:
    """The median time from a certification's submission to its first decision, over the
    first decisions made in the last `days` days, and how many there were.

    A first decision is the earliest one taken from "pending": a later pending spell (after
    the member resubmitted) is not a new submission. One query, reading at most the window's
    decisions; the median is taken in Python, which is the same on every database.
    """
    now = now or timezone.now()
    earlier = CertificationDecision.objects.filter(
        Q(decided_at__lt=OuterRef("decided_at"))
        | Q(decided_at=OuterRef("decided_at"), pk__lt=OuterRef("pk")),
        certification_id=OuterRef("certification_id"),
        from_status=Certification.Status.PENDING,
    )
    rows = (
        CertificationDecision.objects.filter(
            from_status=Certification.Status.PENDING,
            decided_at__gte=now - datetime.timedelta(days=days),
            decided_at__lte=now,
            certification__isnull=False,
        )
        .exclude(Exists(earlier))
        .order_by()
        .values_list("decided_at", "certification__created_at")
    )
    waits = [max(decided_at - created_at, datetime.timedelta(0)) for decided_at, created_at in rows]
    if not waits:
        return None, 0
    return statistics.median(waits), len(waits)
