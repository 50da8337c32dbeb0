from django.db import models
from django.db.models import Q


class ExpiryNotice(models.Model):
    """What the daily expiry job did about one expiry date of a certification: a reminder sent
    `days_before` days ahead, or (days_before = 0) the record that it expired.

    The unique constraint is the guarantee that each notice goes out once, even when two runs of
    the job overlap. The expiry date is part of it, so a renewed certification (a new expiry
    date) gets its reminders again. Status never changes on expiry: that is computed from dates.
    """

    EXPIRED = 0

    certification = models.ForeignKey(
        "people.Certification", on_delete=models.CASCADE, related_name="expiry_notices"
    )
    expires_on = models.DateField()
    days_before = models.PositiveSmallIntegerField(
        help_text="Days before the expiry date the reminder was for; 0 records the expiry."
    )
    emailed = models.BooleanField(
        default=True, help_text="Off when nothing was sent (an inactive account, an old expiry)."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["certification", "expires_on", "days_before"],
                name="one_expiry_notice_per_date",
            ),
            models.CheckConstraint(
                condition=Q(days_before__lte=366), name="expiry_notice_days_before_in_range"
            ),
        ]

    def __str__(self) -> str:
        if self.days_before == self.EXPIRED:
            return f"Expired on {self.expires_on}"
        return f"Reminder {self.days_before} days before {self.expires_on}"

    @property
    def is_expiry(self) -> bool:
        return self.days_before == self.EXPIRED
