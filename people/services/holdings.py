"""Holding a role over time: join, pause, resume, end. Ended holdings stay as history."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from people.models import Profile, RoleHolding
from roles.models import RoleType

ALREADY_HELD = "You already hold this role."


def _locked(holding: RoleHolding) -> RoleHolding:
    # Lock the holding only, not the role type it is joined with.
    return (
        RoleHolding.objects.select_for_update(of=("self",))
        .select_related("role_type")
        .get(pk=holding.pk)
    )


def holding_needs_review(*, profile: Profile, role_type: RoleType) -> bool:
    """Whether joining would only be an application: the role needs a certification and the
    member has no current one from a recognised body yet."""
    if not role_type.requires_certification:
        return False
    return not profile.certifications.current().recognised().exists()


@transaction.atomic
def holding_join(*, profile: Profile, role_type: RoleType) -> RoleHolding:
    """Start holding a role: active at once, or applied until a reviewer verifies a
    certification when the role type requires one. Earlier, ended holdings are kept."""
    needs_review = holding_needs_review(profile=profile, role_type=role_type)
    status = RoleHolding.Status.APPLIED if needs_review else RoleHolding.Status.ACTIVE
    try:
        # A savepoint, so the outer transaction survives the duplicate and can report it.
        with transaction.atomic():
            return RoleHolding.objects.create(
                profile=profile, role_type=role_type, status=status, started_on=timezone.localdate()
            )
    except IntegrityError as error:
        # The database allows one open holding per role: a second join (another tab, a double
        # click) lands here instead of creating a duplicate.
        if profile.holdings.open().filter(role_type=role_type).exists():
            raise ValidationError(ALREADY_HELD, code="already_held") from error
        raise


@transaction.atomic
def holding_pause(*, holding: RoleHolding, note: str = "") -> RoleHolding:
    """Step back for a while; the holding and its history stay, and can be resumed."""
    holding = _locked(holding)
    if holding.status != RoleHolding.Status.ACTIVE:
        raise ValidationError(
            f"Only an active role can be paused; your {holding.role_type} role is "
            f"{holding.get_status_display().lower()}.",
            code="not_active",
        )
    holding.status = RoleHolding.Status.PAUSED
    holding.note = note
    holding.save(update_fields=["status", "note", "updated_at"])
    return holding


@transaction.atomic
def holding_resume(*, holding: RoleHolding) -> RoleHolding:
    """Come back from a pause; the pause note no longer applies and is cleared."""
    holding = _locked(holding)
    if holding.status != RoleHolding.Status.PAUSED:
        raise ValidationError(
            f"Only a paused role can be resumed; your {holding.role_type} role is "
            f"{holding.get_status_display().lower()}.",
            code="not_paused",
        )
    holding.status = RoleHolding.Status.ACTIVE
    holding.note = ""
    holding.save(update_fields=["status", "note", "updated_at"])
    return holding


@transaction.atomic
def holding_end(
    *, holding: RoleHolding, reason: RoleHolding.EndReason, note: str = ""
) -> RoleHolding:
    """End the period of holding a role. The row stays as history; joining again starts a new
    one."""
    holding = _locked(holding)
    if not holding.is_open:
        raise ValidationError(f"Your {holding.role_type} role has already ended.", code="ended")
    holding.status = RoleHolding.Status.ENDED
    holding.end_reason = reason
    # Never before the start, even if the clock or a time zone disagrees.
    holding.ended_on = max(timezone.localdate(), holding.started_on)
    holding.note = note
    holding.save(update_fields=["status", "end_reason", "ended_on", "note", "updated_at"])
    return holding
