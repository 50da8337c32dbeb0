"""A member's own pages under /me/. Every view here needs login and looks objects up through
request.user.profile's relations, never by a bare id."""

from django.urls import path

from people.views import me_account, me_certifications, me_checklist, me_outreach, me_roles

app_name = "me"

urlpatterns: list = [
    # --- account, profile, preview, export, deletion ---
    path("", me_account.dashboard, name="dashboard"),
    path("profile/", me_account.profile_edit, name="profile-edit"),
    path("profile/preview/", me_account.profile_preview, name="profile-preview"),
    path("export/", me_account.export, name="export"),
    path("delete/", me_account.delete, name="delete"),
    # --- roles, checklist, certifications, outreach ---
    path("roles/", me_roles.roles, name="roles"),
    path("roles/<slug:slug>/join/", me_roles.role_join, name="role-join"),
    path("roles/holdings/<int:pk>/pause/", me_roles.holding_pause_view, name="holding-pause"),
    path("roles/holdings/<int:pk>/resume/", me_roles.holding_resume_view, name="holding-resume"),
    path("roles/holdings/<int:pk>/end/", me_roles.holding_end_view, name="holding-end"),
    path("checklist/", me_checklist.checklist, name="checklist"),
    path("checklist/items/<int:pk>/declare/", me_checklist.declare, name="checklist-declare"),
    path(
        "checklist/declarations/<int:pk>/withdraw/",
        me_checklist.undeclare,
        name="checklist-undeclare",
    ),
    path("certifications/", me_certifications.certification_list, name="certifications"),
    path("certifications/add/", me_certifications.certification_add, name="certification-add"),
    path(
        "certifications/<int:pk>/edit/",
        me_certifications.certification_edit,
        name="certification-edit",
    ),
    path(
        "certifications/<int:pk>/withdraw/",
        me_certifications.certification_withdraw_view,
        name="certification-withdraw",
    ),
    path(
        "certifications/<int:pk>/evidence/",
        me_certifications.certification_evidence,
        name="certification-evidence",
    ),
    path("outreach/", me_outreach.outreach_list, name="outreach"),
    path("outreach/add/", me_outreach.outreach_add, name="outreach-add"),
    path("outreach/<int:pk>/edit/", me_outreach.outreach_edit, name="outreach-edit"),
    path("outreach/<int:pk>/delete/", me_outreach.outreach_delete_view, name="outreach-delete"),
]
