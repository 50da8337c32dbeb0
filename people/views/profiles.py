"""A member's public profile page: /people/<slug>/."""

import json

from django.db.models import F, FilteredRelation, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET

from people.models import Certification, Profile, RoleHolding
from people.templatetags.people_text import external_url
from roles.checklist import checklist_for, months_before
from roles.models import Responsibility
from sociodir.access import public

RECENT_OUTREACH_MONTHS = 12
RECENT_OUTREACH_SHOWN = 10
UPCOMING_OUTREACH_SHOWN = 10

# The same escapes as Django's json_script: a "</script>" inside a value cannot end the block.
_SCRIPT_SAFE_JSON = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_for_script(data: object) -> SafeString:
    """JSON for a <script type="application/ld+json"> block."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE_JSON))  # noqa: S308


def profile_queryset(request: HttpRequest):
    """Profiles the requester may see, with every record the profile page reads."""
    return (
        Profile.objects.visible_to(request.user)
        .for_checklist()
        .select_related("user")
        .prefetch_related("links")
    )


def _open_holdings(profile: Profile) -> list[RoleHolding]:
    """The profile's open role holdings, each role type with its active responsibilities.

    One query: the holdings joined (LEFT JOIN) to their role types' active responsibilities,
    one row per responsibility, grouped here. Prefetching would take two.
    """
    fields = [field.attname for field in Responsibility._meta.concrete_fields]
    rows = (
        RoleHolding.objects.open()
        .filter(profile=profile)
        .select_related("role_type")
        .annotate(
            _active=FilteredRelation(
                "role_type__responsibilities",
                condition=Q(role_type__responsibilities__is_active=True),
            ),
            **{f"_responsibility_{name}": F(f"_active__{name}") for name in fields},
        )
        .order_by("role_type__order", "role_type__name", "pk", "_active__order", "_active__pk")
    )
    holdings: dict[int, RoleHolding] = {}
    for row in rows:
        holding = holdings.setdefault(row.pk, row)
        if holding is row:
            holding.profile = profile  # with its prefetched records, for is_practising()
            holding.role_type.active_responsibilities = []
        values = [getattr(row, f"_responsibility_{name}") for name in fields]
        if values[0] is not None:
            responsibility = Responsibility.from_db(row._state.db, fields, values)
            holding.role_type.active_responsibilities.append(responsibility)
    return list(holdings.values())


def _person_json_ld(request: HttpRequest, profile: Profile, certifications) -> dict:
    """schema.org Person, for search engines; only facts the page itself shows."""
    person: dict = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": profile.display_name,
        "url": request.build_absolute_uri(profile.get_absolute_url()),
    }
    if profile.headline:
        person["description"] = profile.headline
    if profile.avatar:
        person["image"] = request.build_absolute_uri(profile.avatar.url)
    if profile.country:
        address = {"@type": "PostalAddress", "addressCountry": profile.country.code}
        if profile.public_city:
            address["addressLocality"] = profile.public_city
        person["address"] = address
    languages = profile.languages.all()
    if languages:
        person["knowsLanguage"] = [
            {"@type": "Language", "name": language.name, "alternateName": language.code}
            for language in languages
        ]
    urls = [profile.website, *(link.url for link in profile.links.all())]
    same_as = [url for url in map(external_url, urls) if url]
    if same_as:
        person["sameAs"] = same_as
    if certifications:
        person["hasCredential"] = [
            _credential_json_ld(request, certification) for certification in certifications
        ]
    return person


def _credential_json_ld(request: HttpRequest, certification: Certification) -> dict:
    issuer: dict = {"@type": "Organization", "name": certification.body_name}
    if certification.body_id:
        issuer["name"] = certification.body.name
        if certification.body.website:
            issuer["url"] = certification.body.website
    credential = {
        "@type": "EducationalOccupationalCredential",
        "name": f"{certification.body_name} {certification.level_name}".strip(),
        "credentialCategory": "certification",
        "recognizedBy": issuer,
        "dateCreated": certification.issued_on.isoformat(),
        "url": request.build_absolute_uri(certification.get_verify_url()),
    }
    if certification.expires_on:
        credential["expires"] = certification.expires_on.isoformat()
    return credential


def profile_page_context(request: HttpRequest, profile: Profile, *, as_visitor: bool) -> dict:
    """What the public profile page shows. `as_visitor` renders it as a visitor would see the
    profile once listed (the member's preview): no owner-only parts such as applied roles.

    `profile` comes from profile_queryset(), so the page runs a fixed number of queries.
    """
    today = timezone.localdate()
    is_owner = (
        not as_visitor and request.user.is_authenticated and profile.user_id == request.user.pk
    )
    is_public = as_visitor or (profile.is_listed and profile.user.is_active)

    shown_statuses = {RoleHolding.Status.ACTIVE, RoleHolding.Status.PAUSED}
    if is_owner:
        shown_statuses.add(RoleHolding.Status.APPLIED)
    roles = [
        {
            "holding": holding,
            "is_practising": holding.is_practising(today),
            "checklist": checklist_for(holding.role_type, profile, today=today),
        }
        for holding in _open_holdings(profile)
        if holding.status in shown_statuses
    ]

    # Only current certifications are public evidence here; pending, rejected, revoked and
    # expired ones are not shown (a revoked or expired code still answers on /verify/).
    certifications = [cert for cert in profile.certifications.all() if cert.is_current(today)]

    since = months_before(today, RECENT_OUTREACH_MONTHS)
    outreach = profile.outreach.all()  # prefetched newest first
    recent_outreach = [record for record in outreach if since <= record.held_on <= today]
    upcoming_outreach = sorted(
        (record for record in outreach if record.held_on > today), key=lambda r: r.held_on
    )

    return {
        "profile": profile,
        "is_owner": is_owner,
        "is_public": is_public,
        "can_be_contacted": is_public and profile.accepts_contact,
        "roles": roles,
        "certifications": certifications,
        "is_certified": any(cert.counts(today) for cert in certifications),
        "recent_outreach": recent_outreach[:RECENT_OUTREACH_SHOWN],
        "upcoming_outreach": upcoming_outreach[:UPCOMING_OUTREACH_SHOWN],
        "json_ld": json_for_script(_person_json_ld(request, profile, certifications)),
    }


@public
@require_GET
def profile_detail(request: HttpRequest, slug: str) -> HttpResponse:
    profile = get_object_or_404(profile_queryset(request), slug=slug)
    context = profile_page_context(request, profile, as_visitor=False)
    return render(request, "people/profile_detail.html", context)
