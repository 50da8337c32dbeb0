"""Reviewers' pages: /review/. Every view here is behind people.mfa.reviewer_required."""

from django.urls import path

from people.views import review

app_name = "review"

urlpatterns = [
    path("", review.queue, name="queue"),
    path("certifications/<int:pk>/", review.certification_detail, name="certification"),
    path(
        "certifications/<int:pk>/evidence/",
        review.certification_evidence,
        name="certification-evidence",
    ),
]
