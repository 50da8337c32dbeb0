"""The editable reference rows demo members point at, read once per run."""

import datetime
from dataclasses import dataclass

from people.demo.stories import AMBASSADOR, TRAINER
from people.models import Audience, CertificationLevel, Language
from roles.models import Responsibility, RoleType, Rule


@dataclass(frozen=True)
class LevelRef:
    level_id: int
    body_id: int
    body_slug: str
    validity_months: int | None


@dataclass(frozen=True)
class Reference:
    """The editable reference rows demo members point at, read once per run."""

    role_types: dict[str, RoleType]
    levels_by_body: tuple[tuple[LevelRef, ...], ...]  # recognised bodies that certify people
    expiring_levels: tuple[LevelRef, ...]
    language_ids: dict[str, int]
    audiences: tuple[Audience, ...]
    self_declared: dict[str, tuple[int, ...]]  # role slug -> responsibility ids
    reviewer_id: int | None
    password: str  # one unusable password hash, shared: hashing 100 000 times is slow
    now: datetime.datetime

    @property
    def today(self) -> datetime.date:
        return self.now.date()


def load_reference(*, now: datetime.datetime, password: str, reviewer_id: int | None) -> Reference:
    role_types = {rt.slug: rt for rt in RoleType.objects.filter(slug__in=[TRAINER, AMBASSADOR])}
    by_body: dict[int, list[LevelRef]] = {}
    for level in CertificationLevel.objects.filter(
        body__recognised=True, body__issues_certificates=True
    ).select_related("body"):
        by_body.setdefault(level.body_id, []).append(
            LevelRef(level.pk, level.body_id, level.body.slug, level.validity_months)
        )
    levels = tuple(level for group in by_body.values() for level in group)
    self_declared: dict[str, list[int]] = {slug: [] for slug in role_types}
    for slug, pk in (
        Responsibility.objects.active()
        .filter(rule=Rule.SELF_DECLARED, role_type__slug__in=list(role_types))
        .order_by("order", "pk")
        .values_list("role_type__slug", "pk")
    ):
        self_declared[slug].append(pk)
    return Reference(
        role_types=role_types,
        levels_by_body=tuple(tuple(group) for group in by_body.values()),
        expiring_levels=tuple(level for level in levels if level.validity_months),
        language_ids=dict(Language.objects.values_list("code", "pk")),
        audiences=tuple(Audience.objects.all()),
        self_declared={slug: tuple(pks) for slug, pks in self_declared.items()},
        reviewer_id=reviewer_id,
        password=password,
        now=now,
    )
