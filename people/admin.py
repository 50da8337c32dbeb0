"""Admin for people's records.

There will be about 100,000 profiles: every foreign key to a user or a profile is an
autocomplete, never a <select> of all rows, and the big changelists skip the full count.
Certification status changes go through the reviewer service, so the admin only shows status.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django_countries.filters import CountryFilter

from people import admin_actions
from people.models import (
    Audience,
    Certification,
    CertificationDecision,
    CertificationLevel,
    ExpiryNotice,
    IssuingBody,
    Language,
    OutreachRecord,
    Profile,
    ProfileLink,
    ResponsibilityDeclaration,
    RoleHolding,
    User,
)

# --- Accounts ------------------------------------------------------------------------------


# Links typed without a scheme become https:// (Django 6's default, chosen now).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class ViewOnlyAdmin:
    """Audit records: staff may read them, nobody adds, edits or deletes them here."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Django's user admin, adapted to the email-only user (no username, no names)."""

    form = UserEditForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password", "profile_link")}),
        (
            "Permissions",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ("profile_link", "last_login", "date_joined")
    list_display = ("email", "profile_link", "is_active", "is_staff", "is_superuser", "last_login")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")
    list_select_related = ("profile",)
    search_fields = ("email",)
    ordering = ("email",)
    date_hierarchy = "date_joined"
    show_full_result_count = False

    @admin.display(description="profile")
    def profile_link(self, user: User) -> str:
        profile = getattr(user, "profile", None)
        if profile is None:
            return "—"
        url = reverse("admin:people_profile_change", args=[profile.pk])
        return format_html('<a href="{}">{}</a>', url, profile.display_name)


# --- Profiles ------------------------------------------------------------------------------


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")


@admin.register(Audience)
class AudienceAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class ProfileLinkInline(admin.TabularInline):
    formfield_overrides = HTTPS_URLS
    model = ProfileLink
    extra = 0


class RoleHoldingInline(admin.TabularInline):
    model = RoleHolding
    extra = 0
    fields = ("role_type", "status", "started_on", "ended_on", "end_reason", "note")
    show_change_link = True


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = (
        "display_name",
        "slug",
        "user",
        "country",
        "is_listed",
        "accepts_contact",
        "created_at",
    )
    list_filter = (
        "is_listed",
        "accepts_contact",
        "offers_online",
        "offers_in_person",
        "holdings__role_type",
        "holdings__status",
        ("country", CountryFilter),
    )
    list_select_related = ("user",)
    search_fields = ("display_name", "slug", "user__email", "city", "headline")
    autocomplete_fields = ("user",)
    filter_horizontal = ("languages", "audiences")
    prepopulated_fields = {"slug": ("display_name",)}
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "created_at"
    show_full_result_count = False
    inlines = (ProfileLinkInline, RoleHoldingInline)
    fieldsets = (
        (None, {"fields": ("user", "display_name", "slug", "headline", "bio", "avatar")}),
        (
            "Where and how they work",
            {
                "fields": (
                    "country",
                    "city",
                    "time_zone",
                    "languages",
                    "audiences",
                    "website",
                    "offers_online",
                    "offers_in_person",
                )
            },
        ),
        ("Privacy", {"fields": ("is_listed", "accepts_contact", "show_city")}),
        ("History", {"fields": ("created_at", "updated_at")}),
    )


@admin.register(ProfileLink)
class ProfileLinkAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ("url", "kind", "profile")
    list_filter = ("kind",)
    list_select_related = ("profile",)
    search_fields = ("url", "profile__display_name", "profile__slug")
    autocomplete_fields = ("profile",)
    show_full_result_count = False


# --- Roles held ----------------------------------------------------------------------------


@admin.register(RoleHolding)
class RoleHoldingAdmin(admin.ModelAdmin):
    list_display = ("profile", "role_type", "status", "started_on", "ended_on", "end_reason")
    list_filter = ("role_type", "status", "end_reason")
    list_select_related = ("profile", "role_type")
    search_fields = ("profile__display_name", "profile__slug", "profile__user__email")
    autocomplete_fields = ("profile",)
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "started_on"
    show_full_result_count = False


@admin.register(ResponsibilityDeclaration)
class ResponsibilityDeclarationAdmin(admin.ModelAdmin):
    list_display = ("profile", "responsibility", "declared_at")
    list_filter = ("responsibility__role_type", "responsibility")
    list_select_related = ("profile", "responsibility__role_type")
    search_fields = ("profile__display_name", "profile__slug", "note")
    autocomplete_fields = ("profile", "responsibility")
    date_hierarchy = "declared_at"
    show_full_result_count = False


# --- Certifications ------------------------------------------------------------------------


class CertificationLevelInline(admin.TabularInline):
    model = CertificationLevel
    extra = 0


@admin.register(IssuingBody)
class IssuingBodyAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ("name", "short_name", "recognised", "issues_certificates", "website")
    list_filter = ("recognised", "issues_certificates")
    search_fields = ("name", "short_name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CertificationLevelInline,)


@admin.register(CertificationLevel)
class CertificationLevelAdmin(admin.ModelAdmin):
    list_display = ("name", "body", "order", "validity_months")
    list_filter = ("body",)
    list_select_related = ("body",)
    search_fields = ("name", "body__name", "body__short_name")
    ordering = ("body__name", "order", "name")


class CertificationDecisionInline(ViewOnlyAdmin, admin.TabularInline):
    """The certification's audit trail, shown on its page and never editable."""

    model = CertificationDecision
    extra = 0
    fields = ("decided_at", "from_status", "to_status", "reviewer", "note")
    readonly_fields = fields
    can_delete = False
    ordering = ("-decided_at", "-pk")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("reviewer")


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    """Status and the verification code are shown, never edited here: a status change must
    leave a CertificationDecision behind, which only the reviewer service writes (the actions
    below call it)."""

    formfield_overrides = HTTPS_URLS
    actions = admin_actions.CERTIFICATION_ACTIONS

    list_display = (
        "profile",
        "body_name",
        "level_name",
        "status",
        "issued_on",
        "expires_on",
        "created_at",
    )
    list_filter = ("status", "body", "body__recognised", "issued_on", "expires_on")
    list_select_related = ("profile", "body", "level")
    search_fields = (
        "profile__display_name",
        "profile__slug",
        "profile__user__email",
        "other_body",
        "other_level",
        "=verification_code",
    )
    autocomplete_fields = ("profile",)
    readonly_fields = (
        "status",
        "verification_link",
        "evidence_file_name",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("profile", "status", "verification_link")}),
        (
            "What was awarded",
            {"fields": ("body", "other_body", "level", "other_level", "issued_on", "expires_on")},
        ),
        # The evidence file lives in private storage, which has no public URL: the admin shows
        # its name, and reviewers open it through the review pages that check who is asking.
        ("Evidence", {"fields": ("evidence_url", "evidence_file_name")}),
        ("History", {"fields": ("created_at", "updated_at")}),
    )
    inlines = (CertificationDecisionInline,)
    date_hierarchy = "created_at"
    show_full_result_count = False

    @admin.display(description="body", ordering="body__name")
    def body_name(self, certification: Certification) -> str:
        return certification.body_name

    @admin.display(description="level")
    def level_name(self, certification: Certification) -> str:
        return certification.level_name

    @admin.display(description="public verification page")
    def verification_link(self, certification: Certification) -> str:
        if certification.pk is None:
            return "Created with the certification."
        url = certification.get_verify_url()
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description="evidence file")
    def evidence_file_name(self, certification: Certification) -> str:
        return certification.evidence_file.name or "—"


@admin.register(CertificationDecision)
class CertificationDecisionAdmin(ViewOnlyAdmin, admin.ModelAdmin):
    """The audit trail: view only. Rows are written by the reviewer service and never change."""

    list_display = ("decided_at", "certification", "from_status", "to_status", "reviewer")
    list_filter = ("to_status", "from_status")
    list_select_related = (
        "certification__profile",
        "certification__body",
        "certification__level",
        "reviewer",
    )
    search_fields = ("certification__profile__display_name", "reviewer__email", "note")
    date_hierarchy = "decided_at"
    show_full_result_count = False


@admin.register(ExpiryNotice)
class ExpiryNoticeAdmin(ViewOnlyAdmin, admin.ModelAdmin):
    """The daily expiry job's log: view only. Deleting a row would send its reminder again."""

    list_display = ("certification", "expires_on", "days_before", "emailed", "created_at")
    list_filter = ("emailed", "days_before")
    list_select_related = ("certification__profile", "certification__body", "certification__level")
    search_fields = ("certification__profile__display_name", "certification__profile__slug")
    date_hierarchy = "expires_on"
    show_full_result_count = False


# --- Outreach ------------------------------------------------------------------------------


@admin.register(OutreachRecord)
class OutreachRecordAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ("title", "profile", "kind", "held_on", "is_online", "place")
    list_filter = ("kind", "is_online")
    list_select_related = ("profile",)
    search_fields = ("title", "profile__display_name", "profile__slug", "place", "audience")
    autocomplete_fields = ("profile",)
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "held_on"
    show_full_result_count = False
