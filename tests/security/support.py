"""Helpers for the security sweep (tests/security/): walking the URL resolver, filling in URL
arguments, and snapshots of a member's records to prove that a refused request changed
nothing."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.urls.resolvers import RegexPattern

from people.models import (
    Certification,
    CertificationDecision,
    Profile,
    ProfileLink,
)


@dataclass(frozen=True)
class Route:
    """One URL pattern, seen from the root: its whole pattern, namespaced name and view."""

    path: str  # e.g. "me/outreach/<int:pk>/edit/"
    name: str  # e.g. "me:outreach-edit"; "" when the pattern has no name
    callback: Callable
    converters: dict = field(default_factory=dict)  # path() arguments -> their converters
    arguments: tuple[str, ...] = ()  # every named argument, from path() and re_path() alike

    @property
    def bare_path(self) -> str:
        """The pattern without regex anchors, for prefix tests ("^media/..." -> "media/...")."""
        return self.path.replace("^", "").replace("$", "")

    def is_under(self, prefix: str | tuple[str, ...]) -> bool:
        return self.bare_path.startswith(prefix)

    @property
    def object_id_arguments(self) -> list[str]:
        """URL arguments that pick a database row by its id."""
        return [
            name
            for name in self.arguments
            if isinstance(self.converters.get(name), IntConverter)
            or name in ("pk", "id")
            or name.endswith(("_pk", "_id"))
        ]

    def url(self, **kwargs) -> str:
        return reverse(self.name, kwargs=kwargs)


def _argument_names(pattern) -> tuple[str, ...]:
    if isinstance(pattern, RegexPattern):
        return tuple(pattern.regex.groupindex)
    return tuple(pattern.converters)


def walk(
    resolver: URLResolver | None = None,
    prefix: str = "",
    namespace: str = "",
    converters: dict | None = None,
    arguments: tuple[str, ...] = (),
) -> Iterator[Route]:
    """Every URLPattern reachable from `resolver` (the root URLconf by default)."""
    resolver = resolver or get_resolver()
    converters = converters or {}
    for entry in resolver.url_patterns:
        found = {**converters, **entry.pattern.converters}
        names = arguments + _argument_names(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, prefix + str(entry.pattern), inner, found, names)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else ""
            yield Route(prefix + str(entry.pattern), name, entry.callback, found, names)


def routes_under(*prefixes: str) -> list[Route]:
    return [route for route in walk() if any(route.is_under(prefix) for prefix in prefixes)]


def snapshot(profile: Profile) -> dict:
    """Everything of a member's that a request could change, files and account included."""
    profile = Profile.objects.get(pk=profile.pk)
    certifications = list(profile.certifications.order_by("pk").values())
    storage = Certification._meta.get_field("evidence_file").storage
    user = type(profile.user).objects.filter(pk=profile.user_id).values().get()
    return {
        "user": user,
        "email_addresses": list(
            EmailAddress.objects.filter(user_id=profile.user_id).order_by("pk").values()
        ),
        "profile": Profile.objects.filter(pk=profile.pk).values().get(),
        "languages": sorted(profile.languages.values_list("pk", flat=True)),
        "audiences": sorted(profile.audiences.values_list("pk", flat=True)),
        "links": list(ProfileLink.objects.filter(profile=profile).order_by("pk").values()),
        "holdings": list(profile.holdings.order_by("pk").values()),
        "certifications": certifications,
        "evidence_files_exist": [
            storage.exists(cert["evidence_file"])
            for cert in certifications
            if cert["evidence_file"]
        ],
        "decisions": list(
            CertificationDecision.objects.filter(certification__profile=profile)
            .order_by("pk")
            .values()
        ),
        "outreach": list(profile.outreach.order_by("pk").values()),
        "declarations": list(profile.declarations.order_by("pk").values()),
    }


def profile_form(profile: Profile, **fields) -> dict:
    """The profile form as a listed member who accepts contact sends it, plus `fields`."""
    data = {
        "version": profile.updated_at.isoformat(),
        "display_name": profile.display_name,
        "slug": profile.slug,
        "country": "NL",
        "offers_online": "on",
        "is_listed": "on",
        "accepts_contact": "on",
        "show_city": "on",
        "links-TOTAL_FORMS": "5",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "5",
    }
    return {**data, **fields}
