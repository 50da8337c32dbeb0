"""Who counts as practising a role: the one place where Trainer and Ambassador differ."""

import datetime

from people.models import Certification, Profile, RoleHolding


def practising(slug: str) -> set[Profile]:
    return set(Profile.objects.practising(slug))


def test_an_active_ambassador_practises_without_any_certification(profile_factory):
    ambassador = profile_factory(role_slug="ambassador")
    assert practising("ambassador") == {ambassador}
    assert ambassador.holdings.get().is_practising()


def test_a_trainer_practises_only_while_certified(profile_factory, certification_factory, today):
    certified = profile_factory(role_slug="trainer", certified=True)
    profile_factory(role_slug="trainer")  # no certification at all
    lapsed = profile_factory(role_slug="trainer")
    certification_factory(
        lapsed,
        issued_on=today - datetime.timedelta(days=800),
        expires_on=today - datetime.timedelta(days=1),
    )
    pending = profile_factory(role_slug="trainer")
    certification_factory(pending, status=Certification.Status.PENDING)
    other_body = profile_factory(role_slug="trainer")
    certification_factory(other_body, body_slug=None, level=None)

    assert practising("trainer") == {certified}
    assert certified.holdings.get().is_practising()
    assert not lapsed.holdings.get().is_practising()


def test_a_certificate_expiring_today_still_counts_today(
    profile_factory, certification_factory, today
):
    trainer = profile_factory(role_slug="trainer")
    certification_factory(trainer, expires_on=today)
    assert practising("trainer") == {trainer}
    assert practising_on(today + datetime.timedelta(days=1)) == set()


def practising_on(day: datetime.date) -> set[Profile]:
    return set(Profile.objects.practising("trainer", today=day))


def test_paused_and_applied_holdings_do_not_practise(profile_factory):
    paused = profile_factory(role_slug="ambassador")
    paused.holdings.update(status=RoleHolding.Status.PAUSED)
    applied = profile_factory(role_slug="ambassador")
    applied.holdings.update(status=RoleHolding.Status.APPLIED)
    assert practising("ambassador") == set()


def test_a_certified_ambassador_is_not_a_trainer(profile_factory):
    profile_factory(role_slug="ambassador", certified=True)
    assert practising("trainer") == set()


def test_listed_hides_unlisted_and_deactivated_members(profile_factory):
    visible = profile_factory(role_slug="ambassador")
    profile_factory(role_slug="ambassador", listed=False)
    deactivated = profile_factory(role_slug="ambassador")
    deactivated.user.is_active = False
    deactivated.user.save(update_fields=["is_active"])
    assert set(Profile.objects.listed().practising("ambassador")) == {visible}
