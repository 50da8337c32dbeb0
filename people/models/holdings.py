import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from roles.models import Responsibility, RoleType


class RoleHoldingQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=RoleHolding.Status.ENDED)

    def active(self):
        return self.filter(status=RoleHolding.Status.ACTIVE)


class RoleHolding(models.Model):
    """A period during which a member holds a role. Ended holdings are kept as history."""

    class Status(models.TextChoices):
        APPLIED = "applied", "Applied"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        ENDED = "ended", "Ended"

    class EndReason(models.TextChoices):
        STEPPED_DOWN = "stepped_down", "Stepped down"
        INACTIVE = "inactive", "Inactive"
        END_OF_TERM = "end_of_term", "End of term"
        SUSPENDED = "suspended", "Suspended"

    profile = models.ForeignKey("people.Profile", on_delete=models.CASCADE, related_name="holdings")
    role_type = models.ForeignKey(RoleType, on_delete=models.PROTECT, related_name="holdings")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.APPLIED)
    started_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=16, choices=EndReason.choices, blank=True)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RoleHoldingQuerySet.as_manager()

    class Meta:
        ordering = ["profile", "role_type__order", "-started_on"]
        indexes = [models.Index(fields=["role_type", "status"], name="holding_role_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "role_type"],
                condition=~Q(status="ended"),
                name="one_open_holding_per_role",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["applied", "active", "paused", "ended"]),
                name="holding_status_known",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="holding_ends_after_start",
            ),
            # An ended holding says when and why; an open one has neither.
            models.CheckConstraint(
                condition=(Q(status="ended") & Q(ended_on__isnull=False) & ~Q(end_reason=""))
                | (~Q(status="ended") & Q(ended_on__isnull=True) & Q(end_reason="")),
                name="holding_end_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profile} as {self.role_type} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.ENDED

    def is_practising(self, today: datetime.date | None = None) -> bool:
        """Active, and for role types that need it, backed by a current recognised certification.

        Reads profile.certifications.all(), so a prefetch keeps this free of queries.
        """
        if self.status != self.Status.ACTIVE:
            return False
        if not self.role_type.requires_certification:
            return True
        return any(cert.counts(today) for cert in self.profile.certifications.all())


class ResponsibilityDeclaration(models.Model):
    """A member's own statement that they meet a self-declared responsibility."""

    profile = models.ForeignKey(
        "people.Profile", on_delete=models.CASCADE, related_name="declarations"
    )
    responsibility = models.ForeignKey(
        Responsibility, on_delete=models.CASCADE, related_name="declarations"
    )
    note = models.CharField(max_length=500, blank=True)
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["profile", "responsibility"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "responsibility"], name="one_declaration_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile} declares {self.responsibility.title}"
