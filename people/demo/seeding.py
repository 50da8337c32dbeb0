"""Insert demo members in bulk, chunk by chunk, adding only those not there yet."""

import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from people.demo.members import MemberPlan, plan_member
from people.demo.reference import load_reference
from people.demo.reviewer import REVIEWER_EMAIL
from people.demo.stories import (
    AMBASSADOR,
    CHANGES_REQUESTED,
    PENDING,
    REJECTED,
    REVOKED,
    TRAINER,
    VERIFIED,
)
from people.models import (
    Certification,
    CertificationDecision,
    OutreachRecord,
    Profile,
    ProfileLink,
    ResponsibilityDeclaration,
    RoleHolding,
    User,
)

DEFAULT_SEED = 2024
CHUNK_SIZE = 5_000
BATCH_SIZE = 5_000
DEMO_EMAIL = re.compile(r"^demo-(\d+)@example\.invalid$")


@dataclass
class SeedSummary:
    requested: int
    existing: int = 0
    counts: Counter = field(default_factory=Counter)

    def __str__(self) -> str:
        c = self.counts
        if not c["members"]:
            return f"Demo members: nothing to add, all {self.requested} are already there."
        return (
            f"Demo members: {c['members']} added, {self.existing} already there "
            f"({self.requested} requested); {c['holdings']} role holdings, "
            f"{c['certifications']} certifications ({c[PENDING]} pending, "
            f"{c[CHANGES_REQUESTED]} with changes requested, {c[VERIFIED]} verified "
            f"of which {c['expired']} expired, {c[REJECTED]} rejected, {c[REVOKED]} revoked) "
            f"with {c['decisions']} decisions, {c['outreach']} outreach records "
            f"({c['upcoming']} upcoming), {c['links']} links, {c['declarations']} declarations."
        )


def existing_demo_indices() -> set[int]:
    """Demo members are known by the number in their address, demo-000123@example.invalid."""
    emails = User.objects.filter(
        email__startswith="demo-", email__endswith="@example.invalid"
    ).values_list("email", flat=True)
    return {int(match[1]) for email in emails.iterator() if (match := DEMO_EMAIL.match(email))}


def demo_seed(
    *,
    members: int,
    seed: int = DEFAULT_SEED,
    chunk_size: int = CHUNK_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> SeedSummary:
    """Make sure demo members 1..`members` exist. Running it again adds nothing."""
    summary = SeedSummary(requested=members)
    existing = existing_demo_indices()
    missing = [index for index in range(1, members + 1) if index not in existing]
    summary.existing = members - len(missing)
    if not missing:
        return summary
    ref = load_reference(
        now=timezone.now(),
        # One unusable password ("!" and random text) shared by all: nobody can log in as a
        # demo member, and hashing once keeps 100 000 members fast.
        password=make_password(None),
        reviewer_id=User.objects.filter(email__iexact=REVIEWER_EMAIL)
        .values_list("pk", flat=True)
        .first(),
    )
    absent = {TRAINER, AMBASSADOR} - set(ref.role_types)
    if absent:
        raise ImproperlyConfigured(
            f"Role types {', '.join(sorted(absent))} are missing: run `manage.py migrate` first."
        )
    for start in range(0, len(missing), chunk_size):
        chunk = missing[start : start + chunk_size]
        _insert([plan_member(index, seed=seed, ref=ref) for index in chunk], summary.counts)
        if progress:
            progress(start + len(chunk), len(missing))
    return summary


@transaction.atomic
def _insert(plans: list[MemberPlan], counts: Counter) -> None:
    _free_slugs(plans)

    def rows(name: str) -> list:
        return [row for plan in plans for row in getattr(plan, name)]

    with _keeping_given_timestamps():
        # Parents first: bulk_create fills in each object's primary key, and the children
        # hold the parent objects, so their foreign keys follow.
        User.objects.bulk_create([plan.user for plan in plans], batch_size=BATCH_SIZE)
        Profile.objects.bulk_create([plan.profile for plan in plans], batch_size=BATCH_SIZE)
        Profile.languages.through.objects.bulk_create(rows("languages"), batch_size=BATCH_SIZE)
        Profile.audiences.through.objects.bulk_create(rows("audiences"), batch_size=BATCH_SIZE)
        ProfileLink.objects.bulk_create(rows("links"), batch_size=BATCH_SIZE)
        RoleHolding.objects.bulk_create(rows("holdings"), batch_size=BATCH_SIZE)
        ResponsibilityDeclaration.objects.bulk_create(rows("declarations"), batch_size=BATCH_SIZE)
        certifications = rows("certifications")
        Certification.objects.bulk_create(certifications, batch_size=BATCH_SIZE)
        CertificationDecision.objects.bulk_create(rows("decisions"), batch_size=BATCH_SIZE)
        outreach = rows("outreach")
        OutreachRecord.objects.bulk_create(outreach, batch_size=BATCH_SIZE)

    today = timezone.localdate()
    counts["members"] += len(plans)
    for name in ("holdings", "certifications", "decisions", "outreach", "links", "declarations"):
        counts[name] += len(rows(name))
    counts.update(certification.status for certification in certifications)
    counts["expired"] += sum(
        certification.status == VERIFIED and certification.is_expired(today)
        for certification in certifications
    )
    counts["upcoming"] += sum(record.is_upcoming(today) for record in outreach)


def _free_slugs(plans: list[MemberPlan]) -> None:
    """Demo slugs end in the member's number; if a real member took one, add a suffix."""
    bases = {id(plan): plan.profile.slug for plan in plans}
    clashing, attempt = plans, 1
    while clashing:
        taken = set(
            Profile.objects.filter(slug__in=[plan.profile.slug for plan in clashing]).values_list(
                "slug", flat=True
            )
        )
        clashing = [plan for plan in clashing if plan.profile.slug in taken]
        attempt += 1
        for plan in clashing:
            plan.profile.slug = f"{bases[id(plan)]}-{attempt}"


@contextmanager
def _keeping_given_timestamps() -> Iterator[None]:
    """Let demo rows keep their planned created/updated times.

    auto_now and auto_now_add would stamp every demo row with this very second; a demo looks
    real only when members joined and submitted over the past years.
    """
    fields = [
        model_field
        for model in (Profile, RoleHolding, Certification, OutreachRecord)
        for model_field in model._meta.concrete_fields
        if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False)
    ]
    saved = [
        (model_field, model_field.auto_now, model_field.auto_now_add) for model_field in fields
    ]
    try:
        for model_field in fields:
            model_field.auto_now = model_field.auto_now_add = False
        yield
    finally:
        for model_field, auto_now, auto_now_add in saved:
            model_field.auto_now, model_field.auto_now_add = auto_now, auto_now_add
