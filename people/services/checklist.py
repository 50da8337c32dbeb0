"""A member's own statements about self-declared checklist items."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from people.models import Profile, ResponsibilityDeclaration
from roles.models import Responsibility


@transaction.atomic
def declaration_create(
    *, profile: Profile, responsibility: Responsibility, note: str = ""
) -> ResponsibilityDeclaration:
    """Tick a self-declared item of a role the member holds. Ticking it again updates the note.

    Items met from records (certifications, outreach, the profile) cannot be ticked: the
    records are what meets them.
    """
    if not responsibility.is_self_declared or not responsibility.is_active:
        raise ValidationError(
            "This item is met from your records, not by ticking it.", code="not_self_declared"
        )
    if not profile.holdings.open().filter(role_type_id=responsibility.role_type_id).exists():
        raise ValidationError(
            f"You do not hold the {responsibility.role_type} role.", code="role_not_held"
        )
    declaration, _created = ResponsibilityDeclaration.objects.update_or_create(
        profile=profile,
        responsibility=responsibility,
        defaults={"note": note, "declared_at": timezone.now()},
    )
    return declaration


@transaction.atomic
def declaration_delete(*, declaration: ResponsibilityDeclaration) -> None:
    """Untick an item; the checklist shows it as not met again."""
    declaration.delete()
