import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django_countries.fields import CountryField

from people.search import by_relevance, matching, search_words


def validate_time_zone(value: str) -> None:
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(f"{value!r} is not a known time zone (e.g. Europe/Amsterdam).")


class Language(models.Model):
    """A language a member works in (ISO 639-1 code)."""

    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Audience(models.Model):
    """A kind of audience a member adapts their work to (educators, business leaders, ...)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ProfileQuerySet(models.QuerySet):
    def listed(self):
        """What the public may see, in one place."""
        return self.filter(is_listed=True, user__is_active=True)

    def holding(self, role_slug: str):
        """Profiles with an active holding of the role (practising or not)."""
        from people.models.holdings import RoleHolding

        return self.filter(
            Exists(
                RoleHolding.objects.active().filter(
                    profile=OuterRef("pk"), role_type__slug=role_slug
                )
            )
        )

    def practising(self, role_slug: str | None = None, today: datetime.date | None = None):
        """Profiles with an active holding that counts: roles needing certification (Trainer)
        count only while a current certification from a recognised body backs them."""
        from people.models.certifications import Certification
        from people.models.holdings import RoleHolding

        backed = (
            Certification.objects.current(today or timezone.localdate())
            .recognised()
            .filter(profile=OuterRef("profile_id"))
        )
        holdings = RoleHolding.objects.active().filter(
            Q(role_type__requires_certification=False) | Exists(backed), profile=OuterRef("pk")
        )
        if role_slug:
            holdings = holdings.filter(role_type__slug=role_slug)
        return self.filter(Exists(holdings))

    def search(self, text: str):
        """Profiles matching every word of a visitor's query, accents ignored (people.search)."""
        return matching(self, search_words(text))

    def by_relevance(self, text: str):
        """Best match first, for a queryset already narrowed by search(text); ranks a bounded
        number of them (people.search)."""
        return by_relevance(self, search_words(text))

    def for_directory(self):
        """Every row a directory card reads, so a page runs a fixed number of queries.

        The certifications are only the current, recognised ones: what a card's certified
        mark and RoleHolding.is_practising read.
        """
        from people.models.certifications import Certification
        from people.models.holdings import RoleHolding

        return self.prefetch_related(
            models.Prefetch(
                "holdings",
                queryset=RoleHolding.objects.active()
                .select_related("role_type")
                .order_by("role_type__order", "role_type__name"),
            ),
            models.Prefetch(
                "certifications",
                queryset=Certification.objects.current()
                .recognised()
                .select_related("body")
                .order_by("body__name", "pk"),
            ),
            "languages",
        )

    def for_checklist(self):
        """Every record the checklist rules read (roles.checklist), fetched up front."""
        from people.models.certifications import Certification

        return self.prefetch_related(
            "audiences",
            "languages",
            "declarations",
            "outreach",
            models.Prefetch(
                "certifications",
                queryset=Certification.objects.select_related("body", "level"),
            ),
        )

    def visible_to(self, user):
        """Listed profiles, plus the user's own and, for staff, every profile."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        if user.is_authenticated:
            return self.filter(Q(is_listed=True, user__is_active=True) | Q(user=user))
        return self.listed()


class Profile(models.Model):
    """A member's public face. Nothing here is shown publicly unless is_listed is set."""

    class Delivery(models.TextChoices):
        ONLINE = "online", "Online"
        IN_PERSON = "in_person", "In person"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Your public address: /people/<slug>/."
    )
    display_name = models.CharField(max_length=120)
    headline = models.CharField(max_length=160, blank=True)
    bio = models.TextField(blank=True, max_length=5000)
    country = CountryField(blank=True, db_index=True)
    city = models.CharField(max_length=120, blank=True)
    time_zone = models.CharField(max_length=64, blank=True, validators=[validate_time_zone])
    languages = models.ManyToManyField(Language, blank=True, related_name="profiles")
    audiences = models.ManyToManyField(Audience, blank=True, related_name="profiles")
    website = models.URLField(blank=True)
    offers_online = models.BooleanField("works online", default=True)
    offers_in_person = models.BooleanField("works in person", default=False)
    avatar = models.ImageField(upload_to="avatars/", blank=True)
    is_listed = models.BooleanField(
        "listed in the public directory",
        default=False,
        help_text="When off, your profile page and directory card are hidden from everyone "
        "but you and the reviewers.",
    )
    accepts_contact = models.BooleanField(
        "accepts contact messages",
        default=False,
        help_text="Visitors may write to you through a form; your address stays hidden.",
    )
    show_city = models.BooleanField("show my city publicly", default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name", "pk"]
        indexes = [
            models.Index(fields=["is_listed", "country"], name="profile_listed_country"),
            # The directory's orders (by name, newest first; by name within a country), so a
            # page walks an index and stops after 24 matches instead of sorting every match.
            models.Index(
                fields=["display_name", "id"],
                name="profile_name_order",
                condition=Q(is_listed=True),
            ),
            models.Index(
                fields=["-created_at", "-id"],
                name="profile_newest_order",
                condition=Q(is_listed=True),
            ),
            models.Index(
                fields=["country", "display_name", "id"],
                name="profile_country_name_order",
                condition=Q(is_listed=True),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("people:profile-detail", kwargs={"slug": self.slug})

    @property
    def initials(self) -> str:
        parts = [part for part in self.display_name.split() if part[:1].isalpha()]
        return "".join(part[0] for part in parts[:2]).upper() or "?"

    @property
    def public_city(self) -> str:
        return self.city if self.show_city else ""


class ProfileLink(models.Model):
    """A social or professional link shown on the public profile."""

    class Kind(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn"
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"
        YOUTUBE = "youtube", "YouTube"
        GITHUB = "github", "GitHub"
        OTHER = "other", "Other"

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    url = models.URLField()

    class Meta:
        ordering = ["profile", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "url"], name="unique_link_per_profile")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.url}"
