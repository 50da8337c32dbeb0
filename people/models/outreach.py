import datetime

from django.db import models
from django.utils import timezone


class OutreachQuerySet(models.QuerySet):
    def past(self, today: datetime.date | None = None):
        return self.filter(held_on__lte=today or timezone.localdate())

    def upcoming(self, today: datetime.date | None = None):
        return self.filter(held_on__gt=today or timezone.localdate()).order_by("held_on")


class OutreachRecord(models.Model):
    """Something a member did to spread sociocracy. Future dates are upcoming events."""

    class Kind(models.TextChoices):
        TALK = "talk", "Talk"
        WEBINAR = "webinar", "Webinar"
        WORKSHOP = "workshop", "Workshop"
        TRAINING = "training", "Training"
        ARTICLE = "article", "Article"
        CONVERSATION = "conversation", "Conversation"
        EVENT = "event", "Event"
        OTHER = "other", "Other"

    profile = models.ForeignKey("people.Profile", on_delete=models.CASCADE, related_name="outreach")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    title = models.CharField(max_length=200)
    held_on = models.DateField("date")
    audience = models.CharField(max_length=200, blank=True, help_text="Who it was for.")
    attendance = models.PositiveIntegerField(null=True, blank=True, help_text="Roughly how many.")
    link = models.URLField(blank=True)
    description = models.TextField(blank=True, max_length=3000)
    is_online = models.BooleanField("online", default=False)
    place = models.CharField(max_length=200, blank=True, help_text="City or venue, if in person.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OutreachQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = "outreach record"
        indexes = [models.Index(fields=["profile", "held_on"], name="outreach_profile_date")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=[
                        "talk",
                        "webinar",
                        "workshop",
                        "training",
                        "article",
                        "conversation",
                        "event",
                        "other",
                    ]
                ),
                name="outreach_kind_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title} ({self.held_on})"

    def is_upcoming(self, today: datetime.date | None = None) -> bool:
        return self.held_on > (today or timezone.localdate())
