"""Shared fixtures: fast test settings and small factories for the domain's records."""

import datetime
import itertools

import pytest
from django.utils import timezone

from people.models import (
    Audience,
    Certification,
    IssuingBody,
    Language,
    OutreachRecord,
    Profile,
    RoleHolding,
    User,
)
from roles.models import RoleType

_sequence = itertools.count(1)


@pytest.fixture(autouse=True)
def _fast_test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "private": {"BACKEND": "people.storage.PrivateFileStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.STATIC_ROOT = None  # WhiteNoise serves nothing from disk in tests; no collectstatic
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # A cache of its own per test, so rate-limit counters never leak from one test to another.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path),
        }
    }


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def user_factory(db):
    def make(*, email: str | None = None, password: str = "correct horse battery", **extra):
        email = email or f"member{next(_sequence)}@example.org"
        return User.objects.create_user(email=email, password=password, **extra)

    return make


@pytest.fixture
def role(db):
    """A role type by slug, as seeded by the data migration."""

    def get(slug: str) -> RoleType:
        return RoleType.objects.get(slug=slug)

    return get


@pytest.fixture
def body(db):
    """An issuing body by slug, as seeded by the data migration (sofa, iscb, tsg, ...)."""

    def get(slug: str = "sofa") -> IssuingBody:
        return IssuingBody.objects.get(slug=slug)

    return get


@pytest.fixture
def certification_factory(db, body, today):
    def make(profile: Profile, *, status=Certification.Status.VERIFIED, body_slug="sofa", **extra):
        issuer = body(body_slug) if body_slug else None
        defaults = {
            "body": issuer,
            "level": issuer.levels.order_by("-order").first() if issuer else None,
            "other_body": "" if issuer else "Some Local Circle Institute",
            "issued_on": today - datetime.timedelta(days=400),
            "expires_on": today + datetime.timedelta(days=365),
            "evidence_url": "https://example.org/certificate.pdf",
            "status": status,
        }
        return Certification.objects.create(profile=profile, **{**defaults, **extra})

    return make


@pytest.fixture
def outreach_factory(db, today):
    def make(profile: Profile, *, days_ago: int = 30, **extra):
        defaults = {
            "kind": OutreachRecord.Kind.TALK,
            "title": f"Introduction to sociocracy #{next(_sequence)}",
            "held_on": today - datetime.timedelta(days=days_ago),
            "audience": "Local cooperative members",
        }
        return OutreachRecord.objects.create(profile=profile, **{**defaults, **extra})

    return make


@pytest.fixture
def profile_factory(db, user_factory, role, certification_factory, today):
    """A member's profile. `role` adds an active holding; `certified` a current SoFA trainer
    certification (trainers are practising only with one)."""

    def make(
        *,
        role_slug: str | None = None,
        listed: bool = True,
        certified: bool = False,
        languages: tuple[str, ...] = (),
        audiences: tuple[str, ...] = (),
        user=None,
        **fields,
    ) -> Profile:
        number = next(_sequence)
        user = user or user_factory()
        defaults = {
            "slug": f"member-{number}",
            "display_name": f"Member {number}",
            "headline": "Helps groups decide together",
            "is_listed": listed,
        }
        profile = Profile.objects.create(user=user, **{**defaults, **fields})
        if languages:
            profile.languages.set(Language.objects.filter(code__in=languages))
        if audiences:
            profile.audiences.set(Audience.objects.filter(slug__in=audiences))
        if role_slug:
            RoleHolding.objects.create(
                profile=profile,
                role_type=role(role_slug),
                status=RoleHolding.Status.ACTIVE,
                started_on=today - datetime.timedelta(days=200),
            )
        if certified:
            certification_factory(profile)
        return profile

    return make
