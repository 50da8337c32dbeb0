"""A member's own pages under /me/. Every view here needs login and looks objects up through
request.user.profile's relations, never by a bare id."""

from django.urls import path  # noqa: F401

app_name = "me"

urlpatterns: list = [
    # --- account, profile, preview, export, deletion ---
    # --- roles, checklist, certifications, outreach ---
]
