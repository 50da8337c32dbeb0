"""A member's own account as a whole: exporting everything stored about them, and deleting it."""

import logging
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import ValidationError
from django.db import models, transaction

from people.models import Certification, Profile, User

logger = logging.getLogger(__name__)


def account_export(*, user: User) -> dict[str, Any]:
    """Everything stored about `user`, as plain data ready for JSON (dates stay date objects:
    serialise with DjangoJSONEncoder). Other people's details (e.g. who reviewed a
    certification) are left out."""
    profile = (
        Profile.objects.filter(user=user)
        .prefetch_related(
            "languages",
            "audiences",
            "links",
            "holdings__role_type",
            "declarations__responsibility__role_type",
            "outreach",
            models.Prefetch(
                "certifications",
                queryset=Certification.objects.select_related("body", "level").prefetch_related(
                    "decisions", "expiry_notices"
                ),
            ),
        )
        .first()
    )
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
            # Which second factors are set up, never their secrets.
            "two_factor_authentication": [
                {
                    "type": authenticator.type,
                    "created_at": authenticator.created_at,
                    "last_used_at": authenticator.last_used_at,
                }
                for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
            ],
        },
        "profile": None,
        "role_holdings": [],
        "declarations": [],
        "certifications": [],
        "outreach": [],
    }
    if profile is None:
        return data
    data["profile"] = _profile_data(profile)
    data["role_holdings"] = [_holding_data(holding) for holding in profile.holdings.all()]
    data["declarations"] = [
        {
            "role": declaration.responsibility.role_type.name,
            "responsibility": declaration.responsibility.title,
            "note": declaration.note,
            "declared_at": declaration.declared_at,
        }
        for declaration in profile.declarations.all()
    ]
    data["certifications"] = [_certification_data(cert) for cert in profile.certifications.all()]
    data["outreach"] = [_outreach_data(record) for record in profile.outreach.all()]
    return data


def _profile_data(profile: Profile) -> dict[str, Any]:
    return {
        "display_name": profile.display_name,
        "slug": profile.slug,
        "public_address": profile.get_absolute_url(),
        "headline": profile.headline,
        "bio": profile.bio,
        "country": profile.country.code,
        "country_name": profile.country.name,
        "city": profile.city,
        "time_zone": profile.time_zone,
        "languages": [{"code": lang.code, "name": lang.name} for lang in profile.languages.all()],
        "audiences": [audience.name for audience in profile.audiences.all()],
        "website": profile.website,
        "links": [{"kind": link.kind, "url": link.url} for link in profile.links.all()],
        "works_online": profile.offers_online,
        "works_in_person": profile.offers_in_person,
        "avatar": profile.avatar.url if profile.avatar else None,
        "consents": {
            "listed_in_directory": profile.is_listed,
            "accepts_contact_messages": profile.accepts_contact,
            "shows_city": profile.show_city,
        },
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
    }


def _holding_data(holding) -> dict[str, Any]:
    return {
        "role": holding.role_type.name,
        "status": holding.status,
        "started_on": holding.started_on,
        "ended_on": holding.ended_on,
        "end_reason": holding.end_reason,
        "note": holding.note,
        "created_at": holding.created_at,
        "updated_at": holding.updated_at,
    }


def _certification_data(cert: Certification) -> dict[str, Any]:
    return {
        "issuing_body": cert.body.name if cert.body_id else None,
        "other_issuing_body": cert.other_body,
        "level": cert.level.name if cert.level_id else None,
        "other_level": cert.other_level,
        "issued_on": cert.issued_on,
        "expires_on": cert.expires_on,
        "evidence_link": cert.evidence_url,
        "evidence_file": cert.evidence_file.name or None,
        "status": cert.status,
        "verification_code": cert.verification_code,
        "created_at": cert.created_at,
        "updated_at": cert.updated_at,
        "decisions": [
            {
                "from_status": decision.from_status,
                "to_status": decision.to_status,
                "note": decision.note,
                "decided_at": decision.decided_at,
            }
            for decision in cert.decisions.all()
        ],
        "expiry_reminders": [
            {
                "expires_on": notice.expires_on,
                "days_before": notice.days_before,
                "emailed": notice.emailed,
                "created_at": notice.created_at,
            }
            for notice in cert.expiry_notices.all()
        ],
    }


def _outreach_data(record) -> dict[str, Any]:
    return {
        "kind": record.kind,
        "title": record.title,
        "date": record.held_on,
        "audience": record.audience,
        "attendance": record.attendance,
        "link": record.link,
        "description": record.description,
        "online": record.is_online,
        "place": record.place,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
    }


@transaction.atomic
def account_delete(*, user: User, password: str) -> None:
    """Delete the account and everything hanging off it: profile, links, role holdings,
    declarations, outreach, certifications, email addresses and second factors, and then,
    once that is committed, the avatar and evidence files.

    Reviewers' decisions stay as the audit trail, detached from the deleted certification
    (their certification becomes NULL), so they no longer point at the person. Raises
    ValidationError, deleting nothing, when `password` is wrong.
    """
    locked = User.objects.select_for_update().get(pk=user.pk)
    if not locked.check_password(password):
        raise ValidationError(
            {"password": "That is not your password, so nothing was deleted."}, code="password"
        )
    files = []
    profile = Profile.objects.filter(user=locked).first()
    if profile is not None:
        if profile.avatar:
            files.append((profile.avatar.storage, profile.avatar.name))
        for cert in profile.certifications.exclude(evidence_file=""):
            files.append((cert.evidence_file.storage, cert.evidence_file.name))
    user_id = locked.pk
    locked.delete()

    def delete_files() -> None:
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)
    logger.info("Account %s deleted by its owner, with %d file(s).", user_id, len(files))
