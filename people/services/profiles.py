import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from people.models import Audience, Language, Profile, ProfileLink, User


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


# What a member may change on their own profile (see people.forms.profile.ProfileForm).
EDITABLE_FIELDS = (
    "display_name",
    "slug",
    "headline",
    "bio",
    "country",
    "city",
    "time_zone",
    "website",
    "offers_online",
    "offers_in_person",
    "is_listed",
    "accepts_contact",
    "show_city",
)


class ProfileChangedMeanwhile(Exception):
    """The profile was saved elsewhere (another tab, a double submit) after the form was
    opened; saving would silently undo that change."""

    def __init__(self, current_updated_at: datetime.datetime) -> None:
        super().__init__("The profile changed since the form was opened.")
        self.current_updated_at = current_updated_at


@transaction.atomic
def profile_update(
    *,
    profile: Profile,
    expected_updated_at: datetime.datetime | None,
    values: dict[str, Any],
    languages: Iterable[Language],
    audiences: Iterable[Audience],
    links: Sequence[tuple[str, str]],
    avatar: File | None = None,
    remove_avatar: bool = False,
) -> Profile:
    """Save the member's edit of their profile, links and privacy choices in one go.

    Refuses (ProfileChangedMeanwhile) when the profile's updated_at is no longer the one the
    form was opened with. A replaced or removed avatar file is deleted once the change is
    committed; a new one is written first and removed again if saving fails.
    """
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable by the member: {', '.join(sorted(unknown))}.")
    locked = Profile.objects.select_for_update().get(pk=profile.pk)
    if expected_updated_at is not None and locked.updated_at != expected_updated_at:
        raise ProfileChangedMeanwhile(locked.updated_at)

    for name, value in values.items():
        setattr(locked, name, value)
    old_avatar = locked.avatar.name
    if avatar is not None:
        locked.avatar.save(avatar.name, avatar, save=False)
    elif remove_avatar:
        locked.avatar = None
    new_avatar = locked.avatar.name if avatar is not None else ""
    try:
        locked.save(update_fields=[*values, "avatar", "updated_at"])
        locked.languages.set(languages)
        locked.audiences.set(audiences)
        locked.links.all().delete()
        ProfileLink.objects.bulk_create(
            ProfileLink(profile=locked, kind=kind, url=url) for kind, url in links
        )
    except Exception:
        if new_avatar:
            locked.avatar.storage.delete(new_avatar)
        raise
    if old_avatar and old_avatar != locked.avatar.name:
        storage = locked.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar))
    return locked
