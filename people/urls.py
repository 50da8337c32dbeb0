"""Public pages about people: the directory, profiles and certificate verification."""

from django.urls import path

from people.views import contact, profiles, verify
from people.views.countries import countries
from people.views.directory import directory

app_name = "people"

urlpatterns: list = [
    path("people/<slug:slug>/", profiles.profile_detail, name="profile-detail"),
    path("people/<slug:slug>/contact/", contact.profile_contact, name="profile-contact"),
    path(
        "people/<slug:slug>/contact/sent/",
        contact.profile_contact_sent,
        name="profile-contact-sent",
    ),
    path("directory/", directory, name="directory"),
    path("directory/countries/", countries, name="countries"),
    path("verify/", verify.verify_lookup, name="verify-lookup"),
    path("verify/<str:code>/", verify.verify, name="verify"),
]
