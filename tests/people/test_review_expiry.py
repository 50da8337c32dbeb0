"""The daily expiry job: reminders 60 and 14 days ahead, each once; expiries recorded, never by
changing the status."""

import datetime
import threading
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection

from people.models import Certification, ExpiryNotice, Profile
from people.services.expiry import certifications_expire, reminder_due

Status = Certification.Status
ON_SQLITE = django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
SITE = "https://sociodir.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def expiring(certification_factory, profile, today, *, in_days: int, **extra) -> Certification:
    return certification_factory(
        profile,
        issued_on=today - datetime.timedelta(days=700),
        expires_on=today + datetime.timedelta(days=in_days),
        **extra,
    )


@pytest.mark.parametrize(
    ("days_left", "due"),
    [(61, None), (60, 60), (15, 60), (14, 14), (1, 14), (0, 14), (-1, None)],
)
def test_the_reminder_due_is_the_nearest_one_ahead(days_left, due):
    assert reminder_due(days_left) == due


def test_a_member_is_reminded_60_days_ahead_once_however_often_the_job_runs(
    profile_factory, certification_factory, today
):
    holder = profile_factory(display_name="Ada Lovelace")
    certification = expiring(certification_factory, holder, today, in_days=60)

    first = certifications_expire(today=today)
    second = certifications_expire(today=today)
    third = certifications_expire(today=today + datetime.timedelta(days=1))

    assert first.reminders_sent[60] == 1
    assert second.reminders_sent[60] == third.reminders_sent[60] == 0
    [email] = mail.outbox
    assert email.to == [holder.user.email]
    assert "expires on" in email.subject
    assert "in 60 days" in email.body
    assert f"{SITE}/me/certifications/" in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert f'href="{SITE}/me/certifications/"' in html
    assert certification.expiry_notices.get().days_before == 60


def test_the_14_day_reminder_follows_the_60_day_one(profile_factory, certification_factory, today):
    certification = expiring(certification_factory, profile_factory(), today, in_days=60)
    certifications_expire(today=today)
    for day in range(1, 50):
        certifications_expire(today=today + datetime.timedelta(days=day))

    assert sorted(certification.expiry_notices.values_list("days_before", flat=True)) == [14, 60]
    assert len(mail.outbox) == 2
    assert "in 14 days" in mail.outbox[1].body


def test_a_late_first_run_sends_only_the_reminder_that_still_makes_sense(
    profile_factory, certification_factory, today
):
    certification = expiring(certification_factory, profile_factory(), today, in_days=10)

    certifications_expire(today=today)
    certifications_expire(today=today)

    assert list(certification.expiry_notices.values_list("days_before", flat=True)) == [14]
    [email] = mail.outbox
    assert "in 10 days" in email.body


def test_a_trainer_is_told_the_role_will_lapse_unless_they_renew(
    profile_factory, certification_factory, today
):
    trainer = profile_factory(role_slug="trainer")
    expiring(certification_factory, trainer, today, in_days=14)

    certifications_expire(today=today)

    assert "no longer show as a certified Trainer" in mail.outbox[0].body


def test_pending_revoked_and_undated_certifications_get_no_reminder(
    profile_factory, certification_factory, today
):
    holder = profile_factory()
    expiring(certification_factory, holder, today, in_days=14, status=Status.PENDING)
    expiring(certification_factory, holder, today, in_days=14, status=Status.REVOKED)
    certification_factory(holder, expires_on=None)

    certifications_expire(today=today)

    assert mail.outbox == []
    assert not ExpiryNotice.objects.exists()


def test_a_renewed_certification_is_reminded_again_for_its_new_date(
    profile_factory, certification_factory, today
):
    certification = expiring(certification_factory, profile_factory(), today, in_days=14)
    certifications_expire(today=today)
    certification.expires_on = today + datetime.timedelta(days=14 + 365)
    certification.save(update_fields=["expires_on"])

    certifications_expire(today=today + datetime.timedelta(days=365))

    assert certification.expiry_notices.count() == 2
    assert len(mail.outbox) == 2


def test_an_expiry_is_recorded_once_and_the_status_stays_verified(
    profile_factory, certification_factory, today
):
    trainer = profile_factory(role_slug="trainer")
    certification = expiring(certification_factory, trainer, today, in_days=-1)

    first = certifications_expire(today=today)
    second = certifications_expire(today=today)

    assert (first.expiries_recorded, first.expiries_emailed) == (1, 1)
    assert second.expiries_recorded == 0
    certification.refresh_from_db()
    assert certification.status == Status.VERIFIED
    assert certification.expiry_notices.get().is_expiry
    # Computed from dates, not stored: the trainer stopped practising the day after expiry.
    assert set(Profile.objects.practising("trainer")) == set()
    [email] = mail.outbox
    assert "has expired" in email.subject
    assert "certification has lapsed" in email.body


def test_a_certificate_expiring_today_is_not_expired_yet(
    profile_factory, certification_factory, today
):
    certification = expiring(certification_factory, profile_factory(), today, in_days=0)
    certifications_expire(today=today)
    assert not certification.expiry_notices.filter(days_before=ExpiryNotice.EXPIRED).exists()


def test_long_past_expiries_are_recorded_without_writing_to_the_member(
    profile_factory, certification_factory, today
):
    certification = expiring(certification_factory, profile_factory(), today, in_days=-200)

    result = certifications_expire(today=today)

    assert (result.expiries_recorded, result.expiries_emailed) == (1, 0)
    assert certification.expiry_notices.get().emailed is False
    assert mail.outbox == []


def test_deactivated_members_are_not_emailed(profile_factory, certification_factory, today):
    holder = profile_factory()
    holder.user.is_active = False
    holder.user.save(update_fields=["is_active"])
    certification = expiring(certification_factory, holder, today, in_days=14)

    certifications_expire(today=today)

    assert mail.outbox == []
    assert certification.expiry_notices.get().emailed is False


def test_a_failing_mail_server_leaves_the_reminder_to_the_next_run(
    profile_factory, certification_factory, today, monkeypatch
):
    certification = expiring(certification_factory, profile_factory(), today, in_days=14)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("people.services.expiry.templated_email_send", refuse)
    failed = certifications_expire(today=today)
    assert failed.failed == 1
    assert not certification.expiry_notices.exists()

    monkeypatch.undo()
    certifications_expire(today=today)
    assert len(mail.outbox) == 1
    assert certification.expiry_notices.count() == 1


def test_the_command_prints_a_summary_and_is_idempotent(
    profile_factory, certification_factory, today
):
    holder = profile_factory()
    expiring(certification_factory, holder, today, in_days=60)
    expiring(certification_factory, holder, today, in_days=14)
    expiring(certification_factory, holder, today, in_days=-1)

    first, second = StringIO(), StringIO()
    call_command("certifications_expire", stdout=first)
    call_command("certifications_expire", stdout=second)

    assert "Reminders sent: 2 (60 days before: 1, 14 days before: 1)." in first.getvalue()
    assert "Expiries recorded: 1 (1 member emailed)." in first.getvalue()
    assert "Reminders sent: 0" in second.getvalue()
    assert "Expiries recorded: 0" in second.getvalue()
    assert len(mail.outbox) == 3


def test_the_command_needs_the_site_url_for_its_links(settings, db):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="SITE_URL"):
        call_command("certifications_expire", stdout=StringIO())


@pytest.mark.skipif(
    ON_SQLITE,
    reason="SQLite serialises writers for the whole database, so two runs cannot overlap "
    "there; the unique constraint and row lock this checks are exercised on PostgreSQL.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_the_same_time_send_each_reminder_once(
    profile_factory, certification_factory, today
):
    holder = profile_factory()
    certifications = [
        expiring(certification_factory, holder, today, in_days=days) for days in (60, 30, 14, 3)
    ]
    start = threading.Barrier(2)

    def job():
        start.wait()
        try:
            certifications_expire(today=today)
        finally:
            connection.close()

    threads = [threading.Thread(target=job) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(mail.outbox) == len(certifications)
    assert ExpiryNotice.objects.count() == len(certifications)
