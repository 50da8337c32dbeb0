"""Reviewers decide certifications.

Every decision, from the review pages, the admin or a script, goes through
`certification_decide()`: it locks the certification, checks the transition against
ALLOWED_TRANSITIONS, writes one immutable CertificationDecision, applies the effects and emails
the member once the transaction has committed. Nothing else changes a certification's status,
except the member's own resubmission (`certification_resubmit()`), which writes the same
audit row.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from people.emails import site_url_from, templated_email_send
from people.models import Certification, CertificationDecision, RoleHolding, User

Status = Certification.Status

REVIEW_PERMISSION = "people.review_certification"
# The member's own certification pages; a stable public URL (docs/DOMAIN: /me/...).
MEMBER_CERTIFICATIONS_PATH = "/me/certifications/"


class Decision(models.TextChoices):
    VERIFY = "verify", "Verify"
    REJECT = "reject", "Reject"
    REQUEST_CHANGES = "request_changes", "Request changes"
    REVOKE = "revoke", "Revoke"


# The status each decision moves a certification to.
DECISION_TARGETS: dict[str, str] = {
    Decision.VERIFY: Status.VERIFIED,
    Decision.REJECT: Status.REJECTED,
    Decision.REQUEST_CHANGES: Status.CHANGES_REQUESTED,
    Decision.REVOKE: Status.REVOKED,
}

# Every status change there is. Reviewers make all but one: a certification waiting for changes
# goes back to pending only when its member resubmits it. Expiry is not a transition: it is
# computed from the dates, so an expired certification stays "verified".
# Statuses from which the member (not a reviewer) may send a certification back to pending.
RESUBMITTABLE = frozenset({Status.REJECTED, Status.CHANGES_REQUESTED})

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.PENDING: frozenset({Status.VERIFIED, Status.REJECTED, Status.CHANGES_REQUESTED}),
    Status.CHANGES_REQUESTED: frozenset({Status.PENDING}),
    Status.VERIFIED: frozenset({Status.REVOKED}),
    Status.REJECTED: frozenset(),
    Status.REVOKED: frozenset(),
}

# Decisions the member must be told the reason for, and how the form asks for it.
NOTE_PROMPTS: dict[str, str] = {
    Decision.REJECT: "Give the reason for rejecting: the member sees it.",
    Decision.REQUEST_CHANGES: "Say what the member should change: they see this note.",
    Decision.REVOKE: "Give the reason for revoking: the member sees it.",
}


def can_review(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(REVIEW_PERMISSION)


def decisions_available(status: str) -> list[Decision]:
    """The decisions a reviewer can make on a certification with this status."""
    allowed = ALLOWED_TRANSITIONS.get(status, frozenset())
    return [decision for decision in Decision if DECISION_TARGETS[decision] in allowed]


def _status_label(status: str) -> str:
    return Status(status).label.lower() if status in Status.values else (status or "unknown")


def _refuse_transition(certification: Certification, decision: Decision) -> ValidationError:
    available = decisions_available(certification.status)
    if available:
        possible = "Possible now: " + ", ".join(d.label.lower() for d in available) + "."
    else:
        possible = "No further decision is possible on it."
    return ValidationError(
        f"A certification that is {_status_label(certification.status)} cannot be given the "
        f"decision “{decision.label.lower()}”. {possible}",
        code="not_allowed",
    )


def _record(
    certification: Certification, *, actor: User, to_status: str, note: str
) -> CertificationDecision:
    """Write the audit row and move the certification. The caller holds the row lock."""
    row = CertificationDecision.objects.create(
        certification=certification,
        reviewer=actor,
        from_status=certification.status,
        to_status=to_status,
        note=note,
        decided_at=timezone.now(),
    )
    certification.status = to_status
    certification.save(update_fields=["status", "updated_at"])
    return row


def _activate_applied_holdings(certification: Certification) -> list[RoleHolding]:
    """A member who applied for a role that needs certification holds it once a certification
    that counts (current, recognised body) is verified. Which roles: read from the role types'
    data, never from their names."""
    if not certification.counts():
        return []
    holdings = list(
        RoleHolding.objects.select_for_update(of=("self",))
        .filter(
            profile_id=certification.profile_id,
            status=RoleHolding.Status.APPLIED,
            role_type__requires_certification=True,
        )
        .select_related("role_type")
    )
    today = timezone.localdate()
    for holding in holdings:
        holding.status = RoleHolding.Status.ACTIVE
        # The period of holding the role starts now, not when the member applied.
        holding.started_on = max(today, holding.started_on)
        holding.save(update_fields=["status", "started_on", "updated_at"])
    return holdings


@transaction.atomic
def certification_decide(
    *,
    certification_id: int,
    reviewer: User,
    decision: Decision | str,
    note: str,
    expected_status: str,
    site_url: str | None = None,
) -> CertificationDecision:
    """Decide a certification and return the audit row written.

    `expected_status` is the status the reviewer saw: if someone decided meanwhile, nothing
    changes and ValidationError(code="stale") says so. Other refusals, also ValidationError:
    "permission", "self_review", "not_allowed", "note_required". `site_url` is the base for the
    link in the member's email (from the request in views; settings.SITE_URL by default).
    """
    decision = Decision(decision)
    note = note.strip()
    if not can_review(reviewer):
        raise ValidationError(
            "You do not have permission to review certifications.", code="permission"
        )
    certification = (
        Certification.objects.select_for_update(of=("self",))
        .select_related("body", "level", "profile")
        .get(pk=certification_id)
    )
    if certification.profile.user_id == reviewer.pk:
        raise ValidationError(
            "You cannot decide on your own certification; another reviewer must.",
            code="self_review",
        )
    if certification.status != expected_status:
        raise ValidationError(
            f"This certification is now {_status_label(certification.status)}, not "
            f"{_status_label(expected_status)}: someone decided on it while you were looking. "
            "Nothing was changed; check its history before deciding again.",
            code="stale",
        )
    to_status = DECISION_TARGETS[decision]
    if to_status not in ALLOWED_TRANSITIONS.get(certification.status, frozenset()):
        raise _refuse_transition(certification, decision)
    if decision in NOTE_PROMPTS and not note:
        raise ValidationError(NOTE_PROMPTS[decision], code="note_required")

    row = _record(certification, actor=reviewer, to_status=to_status, note=note)
    if to_status == Status.VERIFIED:
        _activate_applied_holdings(certification)
    # After commit: a rolled-back decision sends nothing, and a failing mail server is logged
    # without undoing a decision already made.
    base = site_url_from(None) if site_url is None else site_url.rstrip("/")
    transaction.on_commit(
        partial(decision_email_send, decision_id=row.pk, site_url=base), robust=True
    )
    return row


@transaction.atomic
def certification_resubmit(
    *, certification_id: int, member: User, note: str = ""
) -> CertificationDecision:
    """The member sends a certification back for review after a reviewer rejected it or asked
    for changes (RESUBMITTABLE).

    Scoped to the member's own certifications: another member's id is "not found". The caller
    saves the member's edits in the same transaction.
    """
    certification = (
        Certification.objects.select_for_update(of=("self",))
        .filter(profile__user=member)
        .get(pk=certification_id)
    )
    if certification.status not in RESUBMITTABLE:
        raise ValidationError(
            "Only a certification a reviewer rejected or asked you to change can be sent back "
            "for review; "
            f"this one is {_status_label(certification.status)}.",
            code="not_allowed",
        )
    return _record(
        certification,
        actor=member,
        to_status=Status.PENDING,
        note=note.strip() or "Resubmitted by the member.",
    )


def decision_email_send(*, decision_id: int, site_url: str) -> None:
    """Tell the member what was decided, and why. Runs after the decision has committed."""
    decision = (
        CertificationDecision.objects.select_related(
            "certification__profile__user", "certification__body", "certification__level"
        )
        .filter(pk=decision_id, certification__isnull=False)
        .first()
    )
    if decision is None:
        return
    certification = decision.certification
    member = certification.profile.user
    if not member.is_active:
        return
    context = {
        "profile": certification.profile,
        "certification": certification,
        "decision": decision,
        "status_label": Status(decision.to_status).label,
        "certifications_url": site_url + MEMBER_CERTIFICATIONS_PATH,
        "verify_url": site_url + certification.get_verify_url(),
        "site_url": site_url,
    }
    name = f"{certification.body_name} {certification.level_name}".strip()
    subjects = {
        Status.VERIFIED: f"Your {name} certification is verified",
        Status.REJECTED: f"Your {name} certification was not accepted",
        Status.CHANGES_REQUESTED: f"Your {name} certification needs changes",
        Status.REVOKED: f"Your {name} certification was revoked",
    }
    if decision.to_status not in subjects:
        return
    templated_email_send(
        to=member.email,
        subject=subjects[decision.to_status],
        template=f"people/emails/decision_{decision.to_status}",
        context=context,
    )
