"""Is a responsibility met for a member, and why?

`evaluate()` is the only place that answers this. It reads the item's rule and parameters, so an
item added in the admin is evaluated without any code change. Each rule is a small function of
the member's records; none of them looks at an item's title or slug.

The functions read `profile.certifications.all()`, `profile.outreach.all()`,
`profile.audiences.all()` and `profile.declarations.all()`: prefetch them (see
`Profile.objects.for_checklist()`) and a whole checklist costs no further query.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from roles.models import Responsibility, RoleType, Rule


@dataclass(frozen=True)
class ItemStatus:
    responsibility: Responsibility
    met: bool
    reason: str
    evidence: Any = None  # the record that meets it, when there is one

    @property
    def is_self_declared(self) -> bool:
        return self.responsibility.is_self_declared


@dataclass(frozen=True)
class Checklist:
    role_type: RoleType
    items: list[ItemStatus]

    @property
    def met_count(self) -> int:
        return sum(item.met for item in self.items)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def is_complete(self) -> bool:
        return self.met_count == self.total


Outcome = tuple[bool, str, Any]
RuleCheck = Callable[[Responsibility, Any, dict[str, Any], datetime.date], Outcome]


def months_before(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate_day in range(day.day, 0, -1):
        try:
            return datetime.date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a first day")


def _self_declared(item, profile, params, today) -> Outcome:
    del params, today
    for declaration in profile.declarations.all():
        if declaration.responsibility_id == item.pk:
            note = f": {declaration.note}" if declaration.note else ""
            return (
                True,
                f"Declared by the member on {declaration.declared_at:%d %b %Y}{note}",
                (declaration),
            )
    return False, "Not yet declared by the member.", None


def _current_certification(item, profile, params, today) -> Outcome:
    del item
    recognised_only = bool(params["recognised_only"])
    current = [cert for cert in profile.certifications.all() if cert.is_current(today)]
    for cert in current:
        if cert.is_recognised or not recognised_only:
            until = f", valid until {cert.expires_on:%d %b %Y}" if cert.expires_on else ""
            return True, f"Verified {cert.body_name} {cert.level_name} certification{until}.", cert
    if current:
        return False, "Has a verified certification, but not from a recognised body.", None
    if any(cert.status == cert.Status.VERIFIED for cert in profile.certifications.all()):
        return False, "Certification lapsed: the verified certification has expired.", None
    return False, "No verified certification yet.", None


def _recent_outreach(item, profile, params, today) -> Outcome:
    del item
    months, min_count, kinds = int(params["months"]), int(params["min_count"]), params["kinds"]
    since = months_before(today, months)
    records = [
        record
        for record in profile.outreach.all()
        if since <= record.held_on <= today and (not kinds or record.kind in kinds)
    ]
    which = f" ({_or_list(kinds)})" if kinds else ""
    if len(records) >= min_count:
        latest = max(records, key=lambda record: record.held_on)
        return (
            True,
            f"{_records(len(records))}{which} in the last {months} months; "
            f"latest “{latest.title}” on {latest.held_on:%d %b %Y}.",
            latest,
        )
    return (
        False,
        f"Needs {_records(min_count)}{which} in the last {months} months; has {len(records)}.",
        None,
    )


def _records(count: int) -> str:
    return f"{count} outreach record" + ("" if count == 1 else "s")


def _or_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _accepts_contact(item, profile, params, today) -> Outcome:
    del item, params, today
    if profile.accepts_contact:
        return True, "Accepts messages through the contact form.", None
    return False, "Does not accept contact messages.", None


def _lists_audience(item, profile, params, today) -> Outcome:
    del item, today
    audiences = list(profile.audiences.all())
    if len(audiences) >= int(params["min_count"]):
        names = ", ".join(audience.name for audience in audiences)
        return True, f"Works with: {names}.", None
    return False, f"Needs at least {params['min_count']} audience(s) on the profile.", None


def _profile_fields(item, profile, params, today) -> Outcome:
    del item, today
    missing = []
    for field in params["fields"]:
        value = getattr(profile, field)
        if field == "languages":
            value = list(value.all())
        if not value:
            missing.append(profile._meta.get_field(field).verbose_name)
    if missing:
        return False, f"Profile is missing: {', '.join(missing)}.", None
    return (
        True,
        "Profile has "
        + ", ".join(str(profile._meta.get_field(field).verbose_name) for field in params["fields"])
        + ".",
        None,
    )


RULE_CHECKS: dict[str, RuleCheck] = {
    Rule.SELF_DECLARED: _self_declared,
    Rule.CURRENT_CERTIFICATION: _current_certification,
    Rule.RECENT_OUTREACH: _recent_outreach,
    Rule.ACCEPTS_CONTACT: _accepts_contact,
    Rule.LISTS_AUDIENCE: _lists_audience,
    Rule.PROFILE_FIELDS: _profile_fields,
}


def evaluate(
    responsibility: Responsibility, profile, *, today: datetime.date | None = None
) -> ItemStatus:
    """Whether `profile` meets `responsibility` today, with a reason a member can act on."""
    today = today or timezone.localdate()
    met, reason, evidence = RULE_CHECKS[responsibility.rule](
        responsibility, profile, responsibility.rule_params(), today
    )
    return ItemStatus(responsibility=responsibility, met=met, reason=reason, evidence=evidence)


def checklist_for(role_type: RoleType, profile, *, today: datetime.date | None = None) -> Checklist:
    """Every active item of the role's checklist, evaluated for `profile`."""
    responsibilities = getattr(role_type, "active_responsibilities", None)
    if responsibilities is None:
        responsibilities = list(role_type.responsibilities.active())
    return Checklist(
        role_type=role_type,
        items=[evaluate(item, profile, today=today) for item in responsibilities],
    )
