from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse


class RoleTypeQuerySet(models.QuerySet):
    def with_checklist(self):
        return self.prefetch_related(
            models.Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.active(),
                to_attr="active_responsibilities",
            )
        )


class RoleType(models.Model):
    """A way of serving the field (Trainer, Ambassador, ...): data, editable by administrators."""

    slug = models.SlugField(unique=True, help_text="Used in URLs: /roles/<slug>/.")
    name = models.CharField(max_length=80, unique=True)
    purpose = models.CharField(
        max_length=160, help_text="One line: what this role is for (e.g. 'Teaches sociocracy')."
    )
    summary = models.CharField(max_length=300, help_text="One or two plain sentences.")
    description = models.TextField(help_text="Longer explanation; blank lines separate paragraphs.")
    activities = models.TextField(blank=True, help_text="Typical activities, one per line.")
    contact_when = models.TextField(
        blank=True, help_text="When a visitor should contact someone in this role, one per line."
    )
    certification_note = models.TextField(
        blank=True, help_text="What certification means for this role, in plain words."
    )
    requires_certification = models.BooleanField(
        default=False,
        help_text="Holders practise only while they hold a current, verified certification "
        "from a recognised issuing body.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = RoleTypeQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("roles:role-detail", kwargs={"slug": self.slug})

    @property
    def activity_list(self) -> list[str]:
        return [line.strip() for line in self.activities.splitlines() if line.strip()]

    @property
    def contact_when_list(self) -> list[str]:
        return [line.strip() for line in self.contact_when.splitlines() if line.strip()]


class Rule(models.TextChoices):
    """How a responsibility is met. Each rule reads its parameters from Responsibility.params."""

    SELF_DECLARED = "self_declared", "Self-declared by the member"
    CURRENT_CERTIFICATION = "current_certification", "Holds a current verified certification"
    RECENT_OUTREACH = "recent_outreach", "Logged outreach recently"
    ACCEPTS_CONTACT = "accepts_contact", "Accepts contact messages"
    LISTS_AUDIENCE = "lists_audience", "Lists audiences served"
    PROFILE_FIELDS = "profile_fields", "Has filled in profile fields"


# The parameters each rule understands, with their defaults. Unknown keys are refused so a typo
# in the admin is caught instead of silently ignored.
RULE_PARAMS: dict[str, dict[str, object]] = {
    Rule.SELF_DECLARED: {},
    Rule.CURRENT_CERTIFICATION: {"recognised_only": True},
    Rule.RECENT_OUTREACH: {"months": 12, "min_count": 1, "kinds": []},
    Rule.ACCEPTS_CONTACT: {},
    Rule.LISTS_AUDIENCE: {"min_count": 1},
    Rule.PROFILE_FIELDS: {"fields": []},
}

# Profile fields a PROFILE_FIELDS rule may name.
PROFILE_FIELD_NAMES = ("bio", "headline", "website", "city", "avatar", "country", "languages")


class ResponsibilityQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Responsibility(models.Model):
    """One item of a role type's checklist, and the rule that says when it is met."""

    role_type = models.ForeignKey(
        RoleType, on_delete=models.CASCADE, related_name="responsibilities"
    )
    title = models.CharField(max_length=120)
    description = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(
        default=True, help_text="Inactive items are hidden and not counted."
    )
    rule = models.CharField(max_length=32, choices=Rule.choices, default=Rule.SELF_DECLARED)
    params = models.JSONField(
        default=dict,
        blank=True,
        help_text='Rule parameters as JSON, e.g. {"months": 12, "kinds": ["talk", "webinar"]} '
        'for recent outreach, {"fields": ["bio"]} for profile fields.',
    )

    objects = ResponsibilityQuerySet.as_manager()

    class Meta:
        ordering = ["role_type", "order", "pk"]
        verbose_name_plural = "responsibilities"
        constraints = [
            models.UniqueConstraint(fields=["role_type", "title"], name="unique_title_per_role"),
            models.CheckConstraint(
                condition=models.Q(rule__in=Rule.values), name="responsibility_rule_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role_type}: {self.title}"

    @property
    def is_self_declared(self) -> bool:
        return self.rule == Rule.SELF_DECLARED

    def rule_params(self) -> dict[str, object]:
        """The rule's parameters with defaults filled in."""
        return {**RULE_PARAMS[self.rule], **(self.params or {})}

    def clean(self) -> None:
        super().clean()
        if self.rule not in RULE_PARAMS:
            return
        params = self.params or {}
        if not isinstance(params, dict):
            raise ValidationError({"params": "Parameters must be a JSON object."})
        unknown = set(params) - set(RULE_PARAMS[self.rule])
        if unknown:
            raise ValidationError(
                {"params": f"Unknown parameter(s) for this rule: {', '.join(sorted(unknown))}."}
            )
        for key in ("months", "min_count"):
            if key in params and (not isinstance(params[key], int) or params[key] < 1):
                raise ValidationError({"params": f"{key} must be a whole number of at least 1."})
        fields = params.get("fields", [])
        if self.rule == Rule.PROFILE_FIELDS and (
            not fields or set(fields) - set(PROFILE_FIELD_NAMES)
        ):
            raise ValidationError(
                {"params": f"fields must list some of: {', '.join(PROFILE_FIELD_NAMES)}."}
            )
