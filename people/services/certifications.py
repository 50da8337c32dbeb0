"""A member's certifications: submit, correct or resubmit, withdraw.

Members only touch certifications still waiting for a decision (pending) or sent back to them
(rejected, or any other status a reviewer uses to send one back). Verified and revoked ones are
a reviewer's record and stay as they are.
"""

import datetime
import secrets
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from people.evidence import EvidenceKind
from people.models import (
    Certification,
    CertificationLevel,
    IssuingBody,
    Profile,
)
from people.services.reviews import certification_resubmit

READ_ONLY_STATUSES = (Certification.Status.VERIFIED, Certification.Status.REVOKED)
RESUBMITTED_NOTE = "Resubmitted by the member"


@dataclass(frozen=True)
class CertificationDetails:
    """What the member says about a certificate (validated by the form)."""

    body: IssuingBody | None
    other_body: str
    level: CertificationLevel | None
    other_level: str
    issued_on: datetime.date
    expires_on: datetime.date | None
    evidence_url: str


@dataclass(frozen=True)
class EvidenceUpload:
    """An uploaded file whose content has been checked (people.evidence)."""

    file: UploadedFile
    kind: EvidenceKind


def certification_is_editable(certification: Certification) -> bool:
    return certification.status not in READ_ONLY_STATUSES


def _apply(certification: Certification, details: CertificationDetails) -> None:
    certification.body = details.body
    certification.other_body = "" if details.body else details.other_body.strip()
    certification.level = details.level
    certification.other_level = "" if details.level else details.other_level.strip()
    certification.issued_on = details.issued_on
    certification.expires_on = details.expires_on
    certification.evidence_url = details.evidence_url


def _store(certification: Certification, evidence: EvidenceUpload) -> None:
    # Our own random name with the extension of the checked kind: the member's file name is
    # never used on disk.
    name = f"{secrets.token_hex(16)}.{evidence.kind.extension}"
    certification.evidence_file.save(name, evidence.file, save=False)


def _delete_file_after_commit(storage, name: str) -> None:
    if name:
        transaction.on_commit(partial(storage.delete, name))


def _save_or_discard_file(certification: Certification, new_file_name: str, **kwargs) -> None:
    """Save the row; if the database refuses it, do not leave the new file behind."""
    try:
        certification.save(**kwargs)
    except Exception:
        if new_file_name:
            certification.evidence_file.storage.delete(new_file_name)
        raise


def _check_has_evidence(certification: Certification) -> None:
    if not certification.evidence_url and not certification.evidence_file:
        raise ValidationError(
            "Add a link to the certificate or upload a file (or both).", code="no_evidence"
        )


@transaction.atomic
def certification_create(
    *, profile: Profile, details: CertificationDetails, evidence: EvidenceUpload | None
) -> Certification:
    """Submit a certification for review: it starts pending and counts for nothing until a
    reviewer verifies it."""
    certification = Certification(profile=profile, status=Certification.Status.PENDING)
    _apply(certification, details)
    if evidence:
        _store(certification, evidence)
    _check_has_evidence(certification)
    _save_or_discard_file(certification, certification.evidence_file.name or "")
    return certification


@transaction.atomic
def certification_update(
    *,
    certification: Certification,
    details: CertificationDetails,
    evidence: EvidenceUpload | None,
    remove_file: bool,
    seen_updated_at: datetime.datetime,
) -> Certification:
    """Correct a certification that is not decided for good. One that a reviewer sent back
    (rejected) returns to the review queue, and the audit trail records that the member
    resubmitted it.

    `seen_updated_at` is the version the member's form was built from: if the row changed
    since (a reviewer decided, another tab saved, the form was sent twice), nothing is applied.
    """
    member = certification.profile.user
    certification = Certification.objects.select_for_update().get(pk=certification.pk)
    if not certification_is_editable(certification):
        raise ValidationError(
            f"This certification is {certification.get_status_display().lower()}, so it can no "
            "longer be changed.",
            code="read_only",
        )
    if certification.updated_at != seen_updated_at:
        raise ValidationError(
            "This certification changed after you opened the form (in another window, by a "
            "reviewer, or because the form was sent twice), so your changes were not applied. "
            "Check the current version below and make them again.",
            code="stale",
        )
    if certification.status != Certification.Status.PENDING:
        # Back to the review queue, with the audit row the reviewers' service writes.
        certification_resubmit(
            certification_id=certification.pk, member=member, note=RESUBMITTED_NOTE
        )
    storage = certification.evidence_file.storage
    old_file_name = certification.evidence_file.name or ""
    _apply(certification, details)
    new_file_name = ""
    if evidence:
        _store(certification, evidence)
        new_file_name = certification.evidence_file.name
    elif remove_file:
        certification.evidence_file = ""
    _check_has_evidence(certification)

    certification.status = Certification.Status.PENDING
    _save_or_discard_file(certification, new_file_name)
    if old_file_name and old_file_name != (certification.evidence_file.name or ""):
        _delete_file_after_commit(storage, old_file_name)
    return certification


@transaction.atomic
def certification_withdraw(*, certification: Certification) -> None:
    """Delete a certification not decided for good, and its file once the deletion is committed.

    Earlier decisions stay in the audit trail (their link to the certification becomes empty).
    """
    certification = Certification.objects.select_for_update().get(pk=certification.pk)
    if not certification_is_editable(certification):
        raise ValidationError(
            f"This certification is {certification.get_status_display().lower()}, so it is "
            "read-only and cannot be withdrawn.",
            code="read_only",
        )
    storage, file_name = certification.evidence_file.storage, certification.evidence_file.name
    certification.delete()
    _delete_file_after_commit(storage, file_name or "")
