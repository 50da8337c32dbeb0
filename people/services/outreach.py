"""A member's outreach log: talks, webinars, articles... Future dates are upcoming events."""

import datetime
from dataclasses import asdict, dataclass

from django.db import transaction

from people.models import OutreachRecord, Profile


@dataclass(frozen=True)
class OutreachDetails:
    """What the member tells about one piece of outreach (validated by the form)."""

    kind: str
    title: str
    held_on: datetime.date
    audience: str = ""
    attendance: int | None = None
    link: str = ""
    description: str = ""
    is_online: bool = False
    place: str = ""


@transaction.atomic
def outreach_create(*, profile: Profile, details: OutreachDetails) -> OutreachRecord:
    return OutreachRecord.objects.create(profile=profile, **asdict(details))


@transaction.atomic
def outreach_update(*, record: OutreachRecord, details: OutreachDetails) -> OutreachRecord:
    record = OutreachRecord.objects.select_for_update().get(pk=record.pk)
    fields = asdict(details)
    for name, value in fields.items():
        setattr(record, name, value)
    record.save(update_fields=[*fields, "updated_at"])
    return record


@transaction.atomic
def outreach_delete(*, record: OutreachRecord) -> None:
    record.delete()
