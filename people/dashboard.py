"""What the member's dashboard (/me/) tells them: how complete their profile is, where their
roles and certifications stand, and the next useful thing to do.

Reads only; every function takes a profile fetched with Profile.objects.for_checklist() (plus
links) so it runs no query of its own beyond the ones noted.
"""

import datetime
from dataclasses import dataclass

from people.models import Certification, Profile, RoleHolding
from roles.checklist import Checklist, checklist_for, months_before
from roles.models import RoleType


@dataclass(frozen=True)
class CompletenessItem:
    label: str
    done: bool
    field: str  # the form field to jump to on /me/profile/


@dataclass(frozen=True)
class Completeness:
    items: list[CompletenessItem]

    @property
    def percent(self) -> int:
        # Rounded down: 100% only when nothing is missing.
        return 100 * sum(item.done for item in self.items) // len(self.items)

    @property
    def missing(self) -> list[CompletenessItem]:
        return [item for item in self.items if not item.done]


@dataclass(frozen=True)
class HoldingProgress:
    holding: RoleHolding
    checklist: Checklist


@dataclass(frozen=True)
class CertificationLine:
    certification: Certification
    state: str  # what the member reads next to it


@dataclass(frozen=True)
class Step:
    text: str
    url: str
    why: str


def profile_completeness(profile: Profile) -> Completeness:
    return Completeness(
        items=[
            CompletenessItem("A headline", bool(profile.headline), "headline"),
            CompletenessItem("A bio", bool(profile.bio), "bio"),
            CompletenessItem("A photo", bool(profile.avatar), "avatar"),
            CompletenessItem("Your country", bool(profile.country), "country"),
            CompletenessItem("Languages you work in", bool(profile.languages.all()), "languages"),
            CompletenessItem("Audiences you work with", bool(profile.audiences.all()), "audiences"),
            CompletenessItem(
                "How you work (online or in person)",
                profile.offers_online or profile.offers_in_person,
                "offers_online",
            ),
            CompletenessItem(
                "A website or link", bool(profile.website or profile.links.all()), "website"
            ),
        ]
    )


def holdings_progress(profile: Profile, today: datetime.date) -> list[HoldingProgress]:
    """Each open holding with its checklist (two queries: holdings, role checklists)."""
    holdings = list(profile.holdings.open().select_related("role_type"))
    role_types = RoleType.objects.with_checklist().in_bulk(
        {holding.role_type_id for holding in holdings}
    )
    return [
        HoldingProgress(
            holding=holding,
            checklist=checklist_for(role_types[holding.role_type_id], profile, today=today),
        )
        for holding in holdings
    ]


def certification_lines(profile: Profile, today: datetime.date) -> list[CertificationLine]:
    lines = []
    for cert in profile.certifications.all():
        if cert.status == Certification.Status.VERIFIED and cert.is_expired(today):
            state = f"Expired on {cert.expires_on:%d %b %Y}"
        elif cert.status == Certification.Status.VERIFIED and cert.expires_on:
            state = f"Verified, valid until {cert.expires_on:%d %b %Y}"
        else:
            state = cert.get_status_display()
        if cert.status == Certification.Status.VERIFIED and not cert.is_recognised:
            state += " (issuing body not recognised)"
        lines.append(CertificationLine(certification=cert, state=state))
    return lines


def certification_lapsed(profile: Profile, today: datetime.date) -> bool:
    """The member was certified, but no certification is current any more: every verified one
    has expired, or been revoked."""
    once_verified = [
        cert
        for cert in profile.certifications.all()
        if cert.status in (Certification.Status.VERIFIED, Certification.Status.REVOKED)
    ]
    return bool(once_verified) and not any(cert.is_current(today) for cert in once_verified)


def next_steps(
    profile: Profile, progress: list[HoldingProgress], today: datetime.date
) -> list[Step]:
    """Useful things to do, most useful first. Role names come from the data, not code."""
    steps = []
    if not profile.bio:
        steps.append(
            Step("Add a bio", "/me/profile/#id_bio", "Visitors decide whom to contact by it.")
        )
    if not progress:
        open_role = RoleType.objects.filter(requires_certification=False).first()
        if open_role is not None:
            steps.append(
                Step(
                    f"Join as {open_role.name.lower()}",
                    "/me/roles/",
                    f"{open_role.purpose}; no certification needed.",
                )
            )
    needs_certificate = any(
        item.holding.role_type.requires_certification for item in progress
    ) and not any(cert.counts(today) for cert in profile.certifications.all())
    if needs_certificate:
        steps.append(
            Step(
                "Add a certification",
                "/me/certifications/add/",
                "Your role counts only with a current certification from a recognised body.",
            )
        )
    since = months_before(today, 12)
    if progress and not any(since <= rec.held_on <= today for rec in profile.outreach.all()):
        steps.append(
            Step("Log your outreach", "/me/outreach/add/", "Nothing logged in the last year.")
        )
    if any(not item.checklist.is_complete for item in progress):
        steps.append(
            Step(
                "Work through your checklist",
                "/me/checklist/",
                "Some responsibilities of your role are not met yet.",
            )
        )
    if not profile.is_listed:
        steps.append(
            Step(
                "Choose to be listed in the directory",
                "/me/profile/#privacy",
                "Until then nobody else can see your profile.",
            )
        )
    return steps
