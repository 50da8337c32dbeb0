"""Admin for role types and their checklists: the definitions are data administrators edit."""

import json

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join

from people.models import OutreachRecord
from roles.models import PROFILE_FIELD_NAMES, RULE_PARAMS, Responsibility, RoleType, Rule

RULE_HELP = {
    Rule.SELF_DECLARED: "the member ticks the item, with an optional note. No parameters.",
    Rule.CURRENT_CERTIFICATION: "met by a verified, unexpired certification. "
    '"recognised_only" (true or false): count only bodies marked recognised.',
    Rule.RECENT_OUTREACH: "met by logged outreach. "
    '"months": how far back to look; "min_count": how many records are needed; '
    f'"kinds": which kinds count, any of {", ".join(OutreachRecord.Kind.values)} '
    "(an empty list counts every kind).",
    Rule.ACCEPTS_CONTACT: "met when the member accepts contact messages. No parameters.",
    Rule.LISTS_AUDIENCE: 'met when the profile lists audiences. "min_count": how many.',
    Rule.PROFILE_FIELDS: 'met when profile fields are filled in. "fields": a list of '
    f"{', '.join(PROFILE_FIELD_NAMES)}.",
}


def rule_help_html() -> str:
    items = format_html_join(
        "",
        "<li><strong>{}</strong> ({}): {} Defaults: <code>{}</code></li>",
        (
            (rule.label, rule.value, RULE_HELP.get(rule, ""), json.dumps(RULE_PARAMS[rule]))
            for rule in Rule
        ),
    )
    return format_html(
        "<p>Each item says how it is met: pick a <em>rule</em>, then give its "
        "<em>params</em> as a JSON object. Leave params as <code>{{}}</code> to use the "
        "defaults; unknown keys are refused.</p><ul>{}</ul>",
        items,
    )


class ResponsibilityForm(forms.ModelForm):
    """Responsibility.clean checks the parameters' names and numbers; this also checks that
    outreach kinds exist, since a misspelt kind would silently never match."""

    class Meta:
        model = Responsibility
        fields = ("role_type", "title", "description", "order", "is_active", "rule", "params")
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "params": forms.Textarea(attrs={"rows": 2, "cols": 60}),
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        params = cleaned.get("params")
        if cleaned.get("rule") == Rule.RECENT_OUTREACH and isinstance(params, dict):
            kinds = params.get("kinds", [])
            if not isinstance(kinds, list) or set(kinds) - set(OutreachRecord.Kind.values):
                self.add_error(
                    "params",
                    f"kinds must be a list of: {', '.join(OutreachRecord.Kind.values)}.",
                )
        return cleaned


class ResponsibilityInline(admin.StackedInline):
    model = Responsibility
    form = ResponsibilityForm
    extra = 0
    fields = (("title", "order", "is_active"), "description", ("rule", "params"))
    show_change_link = True


class RoleTypeForm(forms.ModelForm):
    class Meta:
        model = RoleType
        fields = (
            "name",
            "slug",
            "order",
            "requires_certification",
            "purpose",
            "summary",
            "description",
            "activities",
            "contact_when",
            "certification_note",
        )
        widgets = {
            "purpose": forms.TextInput(attrs={"size": 80}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "activities": forms.Textarea(attrs={"rows": 5}),
            "contact_when": forms.Textarea(attrs={"rows": 4}),
            "certification_note": forms.Textarea(attrs={"rows": 3}),
        }


@admin.register(RoleType)
class RoleTypeAdmin(admin.ModelAdmin):
    form = RoleTypeForm
    list_display = ("name", "slug", "purpose", "requires_certification", "order")
    list_editable = ("order",)
    list_filter = ("requires_certification",)
    search_fields = ("name", "slug", "purpose")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (ResponsibilityInline,)
    fieldsets = (
        (None, {"fields": ("name", "slug", "order", "requires_certification")}),
        (
            "What visitors read",
            {
                "fields": (
                    "purpose",
                    "summary",
                    "description",
                    "activities",
                    "contact_when",
                    "certification_note",
                )
            },
        ),
    )

    def get_fieldsets(self, request, obj=None):
        # The rules reference sits just above the checklist items (the inline) it explains.
        return (
            *self.fieldsets,
            (
                "How checklist items are met",
                {"fields": (), "description": rule_help_html(), "classes": ("collapse",)},
            ),
        )


@admin.register(Responsibility)
class ResponsibilityAdmin(admin.ModelAdmin):
    form = ResponsibilityForm
    list_display = ("title", "role_type", "rule", "is_active", "order")
    list_filter = ("role_type", "rule", "is_active")
    list_select_related = ("role_type",)
    search_fields = ("title", "description", "role_type__name")
    ordering = ("role_type__order", "order", "pk")

    def get_fieldsets(self, request, obj=None):
        return (
            (None, {"fields": ("role_type", "title", "description", "order", "is_active")}),
            ("How it is met", {"fields": ("rule", "params"), "description": rule_help_html()}),
        )
