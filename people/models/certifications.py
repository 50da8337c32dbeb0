import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone


def new_verification_code() -> str:
    """192 random bits, URL-safe: far too many to guess or enumerate."""
    return secrets.token_urlsafe(24)


def private_storage():
    return storages["private"]


class IssuingBody(models.Model):
    """An organisation that certifies people. Only recognised bodies count towards a role."""

    name = models.CharField(max_length=120, unique=True)
    short_name = models.CharField(max_length=24, blank=True)
    slug = models.SlugField(unique=True)
    website = models.URLField(blank=True)
    recognised = models.BooleanField(
        default=True, help_text="Certifications from this body count towards a role."
    )
    issues_certificates = models.BooleanField(
        default=True, help_text="Off for bodies that deliberately do not certify people."
    )
    note = models.TextField(blank=True, help_text="Shown to members choosing a body.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "issuing bodies"

    def __str__(self) -> str:
        return self.short_name or self.name


class CertificationLevel(models.Model):
    """A level an issuing body awards (Practitioner, Facilitator, Trainer, ...)."""

    body = models.ForeignKey(IssuingBody, on_delete=models.CASCADE, related_name="levels")
    name = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField(default=0)
    validity_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How long a certificate at this level lasts, if ever."
    )

    class Meta:
        ordering = ["body", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="unique_level_per_body")
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.name}"


class CertificationQuerySet(models.QuerySet):
    def current(self, today: datetime.date | None = None):
        """Verified and not expired on `today`: computed from dates, never a stored flag."""
        today = today or timezone.localdate()
        return self.filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today),
            status=Certification.Status.VERIFIED,
        )

    def recognised(self):
        return self.filter(body__recognised=True)

    def public(self):
        """What anyone may see: decided certifications, never pending or rejected ones."""
        return self.filter(status__in=[Certification.Status.VERIFIED, Certification.Status.REVOKED])


class Certification(models.Model):
    """Permanent evidence that a member was certified by a body. Reviewers verify it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        VERIFIED = "verified", "Verified"
        REJECTED = "rejected", "Rejected"
        REVOKED = "revoked", "Revoked"

    profile = models.ForeignKey(
        "people.Profile", on_delete=models.CASCADE, related_name="certifications"
    )
    body = models.ForeignKey(
        IssuingBody,
        on_delete=models.PROTECT,
        related_name="certifications",
        null=True,
        blank=True,
        help_text="Leave empty and type the name below if the body is not listed.",
    )
    other_body = models.CharField(
        "other issuing body", max_length=120, blank=True, help_text="Only when not in the list."
    )
    level = models.ForeignKey(
        CertificationLevel,
        on_delete=models.PROTECT,
        related_name="certifications",
        null=True,
        blank=True,
    )
    other_level = models.CharField(max_length=80, blank=True)
    issued_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    evidence_url = models.URLField("evidence link", blank=True)
    evidence_file = models.FileField(
        upload_to="evidence/%Y/%m/", storage=private_storage, blank=True
    )
    status = models.CharField(
        max_length=24, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    verification_code = models.CharField(
        max_length=64, unique=True, default=new_verification_code, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CertificationQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "pk"]
        permissions = [("review_certification", "Can review and decide certifications")]
        indexes = [models.Index(fields=["status", "created_at"], name="cert_status_created")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=F("issued_on")),
                name="cert_expires_after_issue",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["pending", "changes_requested", "verified", "rejected", "revoked"]
                ),
                name="cert_status_known",
            ),
            # Either a listed body or a typed-in one, never both or neither.
            models.CheckConstraint(
                condition=(Q(body__isnull=False) & Q(other_body=""))
                | (Q(body__isnull=True) & ~Q(other_body="")),
                name="cert_body_xor_other",
            ),
            models.CheckConstraint(
                condition=~Q(evidence_url="") | ~Q(evidence_file=""),
                name="cert_has_evidence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body_name} {self.level_name} for {self.profile}"

    def get_verify_url(self) -> str:
        return reverse("people:verify", kwargs={"code": self.verification_code})

    @property
    def body_name(self) -> str:
        return str(self.body) if self.body_id else self.other_body

    @property
    def level_name(self) -> str:
        return self.level.name if self.level_id else self.other_level

    @property
    def is_recognised(self) -> bool:
        return self.body_id is not None and self.body.recognised

    def is_expired(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.expires_on is not None and self.expires_on < today

    def is_current(self, today: datetime.date | None = None) -> bool:
        return self.status == self.Status.VERIFIED and not self.is_expired(today)

    def counts(self, today: datetime.date | None = None) -> bool:
        """Current and from a recognised body: what a role that needs certification asks for."""
        return self.is_current(today) and self.is_recognised

    def clean(self) -> None:
        super().clean()
        if self.level_id and self.body_id and self.level.body_id != self.body_id:
            raise ValidationError({"level": "This level belongs to another issuing body."})


class CertificationDecision(models.Model):
    """An immutable audit row: who moved a certification from one status to another, and why.

    Kept when the member deletes their account (certification set to NULL, names anonymised).
    """

    certification = models.ForeignKey(
        Certification,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certification_decisions",
    )
    from_status = models.CharField(max_length=24, choices=Certification.Status.choices)
    to_status = models.CharField(max_length=24, choices=Certification.Status.choices)
    note = models.TextField(blank=True)
    decided_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        get_latest_by = "decided_at"

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status} at {self.decided_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValidationError("Certification decisions are an audit trail and never change.")
        super().save(*args, **kwargs)
