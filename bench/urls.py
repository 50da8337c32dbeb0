"""The production URLconf plus the benchmark's reference pages (never in sociodir.urls)."""

from django.urls import include, path

from bench import views

urlpatterns = [
    path("bench/floor/", views.floor, name="bench-floor"),
    path("bench/trivial/", views.trivial, name="bench-trivial"),
    path("", include("sociodir.urls")),
]
