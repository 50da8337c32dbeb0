from django.urls import path

from roles import views

app_name = "roles"

urlpatterns = [
    path("", views.home, name="home"),
    # Before roles/<slug>/, so that "compare" is never taken for a role type's slug.
    path("roles/compare/", views.compare, name="compare"),
    path("roles/<slug:slug>/", views.role_detail, name="role-detail"),
]
