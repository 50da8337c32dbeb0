from django.db import IntegrityError, transaction
from django.utils.text import slugify

from people.models import Profile, User


def unique_profile_slug(display_name: str) -> str:
    """A readable slug from the name, with a number added when it is taken."""
    base = slugify(display_name)[:60].strip("-") or "member"
    slug, number = base, 1
    while Profile.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def profile_for_user(*, user: User) -> Profile:
    """The member's profile, created unlisted on first use (e.g. an account made by an admin)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        pass
    # Never derive the name from the email address: the profile may later be made public.
    return profile_create(user=user, display_name="New member")


def profile_create(*, user: User, display_name: str) -> Profile:
    """Create an unlisted profile; nothing is public until the member chooses to be listed."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Profile.objects.create(
                    user=user, display_name=display_name, slug=unique_profile_slug(display_name)
                )
        except IntegrityError:
            # Another request took the slug (or created the profile) meanwhile.
            if Profile.objects.filter(user=user).exists():
                return Profile.objects.get(user=user)
    raise IntegrityError("Could not find a free profile address; try again.")
