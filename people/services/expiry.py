"""The daily expiry job: remind members before a certification expires, and record expiries.

Expiry is computed from dates (Certification.is_current, Profile.objects.practising), so nothing
here changes a certification: a verified certification past its date stays "verified" and
simply stops counting. What the job writes is an ExpiryNotice per (certification, expiry date,
days before). The row is inserted, under a lock on the certification, in the same transaction
that sends its email: a second run, even one running at the same moment, finds the row and
sends nothing, and an email that fails rolls its row back so the next run tries again.
"""

import datetime
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.dateformat import format as format_date

from people.emails import site_url_from, templated_email_send
from people.models import Certification, ExpiryNotice
from people.services.reviews import MEMBER_CERTIFICATIONS_PATH

logger = logging.getLogger(__name__)

# Days before the expiry date a member is reminded, each once.
REMINDER_DAYS = (60, 14)
# Expiries older than this are recorded without an email: the first run, or a run after a long
# pause, must not write to people about certificates that lapsed long ago.
EXPIRED_EMAIL_WITHIN_DAYS = 7


@dataclass
class ExpiryRun:
    """What one run did, for the command's summary."""

    reminders_sent: Counter = field(default_factory=Counter)  # days before -> emails
    expiries_recorded: int = 0
    expiries_emailed: int = 0
    failed: int = 0

    def summary(self) -> list[str]:
        reminders = ", ".join(
            f"{days} days before: {self.reminders_sent[days]}" for days in REMINDER_DAYS
        )
        lines = [
            f"Reminders sent: {sum(self.reminders_sent.values())} ({reminders}).",
            f"Expiries recorded: {self.expiries_recorded} "
            f"({self.expiries_emailed} member{'s' if self.expiries_emailed != 1 else ''} "
            "emailed).",
        ]
        if self.failed:
            lines.append(f"Emails that failed and will be retried on the next run: {self.failed}.")
        return lines


def reminder_due(days_left: int) -> int | None:
    """The reminder a certification expiring in `days_left` days should have had by now: the
    nearest one ahead of it. With 10 days left that is the 14-day reminder; a late 60-day one
    would say the wrong thing."""
    due = [days for days in REMINDER_DAYS if 0 <= days_left <= days]
    return min(due) if due else None


def _lapsing_roles(certification: Certification, on: datetime.date) -> list[str]:
    """The member's active roles that need a certification and will have none that counts on
    `on` without this one: what the member is about to stop practising."""
    profile = certification.profile
    others = profile.certifications.current(on).recognised().exclude(pk=certification.pk)
    if others.exists():
        return []
    return list(
        profile.holdings.active()
        .filter(role_type__requires_certification=True)
        .values_list("role_type__name", flat=True)
    )


def expiry_email_send(
    *, certification: Certification, days_before: int, today: datetime.date, site_url: str
) -> None:
    expired = days_before == ExpiryNotice.EXPIRED
    expires_on = certification.expires_on
    lapse_day = today if expired else expires_on + datetime.timedelta(days=1)
    context = {
        "profile": certification.profile,
        "certification": certification,
        "expired": expired,
        "days_left": (expires_on - today).days,
        "lapsing_roles": _lapsing_roles(certification, lapse_day),
        "certifications_url": site_url + MEMBER_CERTIFICATIONS_PATH,
    }
    name = f"{certification.body_name} {certification.level_name}".strip()
    if expired:
        subject = f"Your {name} certification has expired"
    else:
        subject = f"Your {name} certification expires on {format_date(expires_on, 'j F Y')}"
    templated_email_send(
        to=certification.profile.user.email,
        subject=subject,
        template="people/emails/expiry_reminder",
        context=context,
    )


def _notify(
    certification: Certification,
    *,
    days_before: int,
    send_email: bool,
    today: datetime.date,
    site_url: str,
) -> ExpiryNotice | None:
    """Record one notice and send its email, once. None when another run got there first or
    the certification changed meanwhile."""
    with transaction.atomic():
        current = (
            Certification.objects.select_for_update(of=("self",))
            .select_related("profile__user", "body", "level")
            .filter(
                pk=certification.pk,
                status=Certification.Status.VERIFIED,
                expires_on=certification.expires_on,
            )
            .first()
        )
        if current is None:  # revoked or renewed since the run began
            return None
        send_email = send_email and current.profile.user.is_active
        try:
            with transaction.atomic():
                notice = ExpiryNotice.objects.create(
                    certification=current,
                    expires_on=current.expires_on,
                    days_before=days_before,
                    emailed=send_email,
                )
        except IntegrityError:
            return None
        if send_email:
            expiry_email_send(
                certification=current, days_before=days_before, today=today, site_url=site_url
            )
    return notice


def certifications_expire(
    *, today: datetime.date | None = None, site_url: str | None = None
) -> ExpiryRun:
    """Send the reminders that are due and record the expiries that happened; idempotent."""
    today = today or timezone.localdate()
    site_url = site_url_from(None) if site_url is None else site_url.rstrip("/")
    run = ExpiryRun()
    notices = ExpiryNotice.objects.filter(
        certification_id=OuterRef("pk"), expires_on=OuterRef("expires_on")
    )
    verified = Certification.objects.filter(
        status=Certification.Status.VERIFIED, expires_on__isnull=False
    ).order_by("expires_on", "pk")

    upcoming = verified.filter(
        expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=max(REMINDER_DAYS))
    ).annotate(
        **{f"sent_{days}": Exists(notices.filter(days_before=days)) for days in REMINDER_DAYS}
    )
    for certification in list(upcoming):
        days = reminder_due((certification.expires_on - today).days)
        if days is None or getattr(certification, f"sent_{days}"):
            continue
        try:
            if _notify(
                certification, days_before=days, send_email=True, today=today, site_url=site_url
            ):
                run.reminders_sent[days] += 1
        except OSError:
            logger.exception("Expiry reminder for certification %s not sent", certification.pk)
            run.failed += 1

    expired = verified.filter(expires_on__lt=today).exclude(
        Exists(notices.filter(days_before=ExpiryNotice.EXPIRED))
    )
    recent = today - datetime.timedelta(days=EXPIRED_EMAIL_WITHIN_DAYS)
    for certification in list(expired):
        send_email = certification.expires_on >= recent
        try:
            notice = _notify(
                certification,
                days_before=ExpiryNotice.EXPIRED,
                send_email=send_email,
                today=today,
                site_url=site_url,
            )
        except OSError:
            logger.exception("Expiry notice for certification %s not sent", certification.pk)
            run.failed += 1
            continue
        if notice is not None:
            run.expiries_recorded += 1
            run.expiries_emailed += int(notice.emailed)
    return run
