from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from people.models import Profile
from roles.explain import how_it_is_met
from roles.models import Responsibility, RoleType
from roles.sitemaps import SITEMAPS
from sociodir.access import public


def directory_url(**filters: str) -> str:
    path = reverse("people:directory")
    return f"{path}?{urlencode(filters)}" if filters else path


def indefinite_article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def join_with_or(words: list[str]) -> str:
    return " or ".join(words) if len(words) <= 2 else f"{', '.join(words[:-1])} or {words[-1]}"


@dataclass(frozen=True)
class ExplainedItem:
    responsibility: Responsibility
    how_met: str


@dataclass(frozen=True)
class RoleSummary:
    """A role type with what its pages show beside it: checklist, practising count, links."""

    role_type: RoleType
    items: list[ExplainedItem]
    practising_count: int
    directory_url: str

    @property
    def article(self) -> str:
        return indefinite_article(self.role_type.name)


def summarise(role_type: RoleType) -> RoleSummary:
    """Reads role_type.active_responsibilities: fetch role types `with_checklist()`."""
    return RoleSummary(
        role_type=role_type,
        items=[
            ExplainedItem(item, how_it_is_met(item.rule, item.params))
            for item in role_type.active_responsibilities
        ],
        practising_count=Profile.objects.listed().practising(role_type.slug).count(),
        directory_url=directory_url(role=role_type.slug),
    )


@public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    roles = [summarise(role_type) for role_type in RoleType.objects.with_checklist()]
    return render(request, "roles/home.html", {"roles": roles})


@public
@require_GET
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role_type = get_object_or_404(RoleType.objects.with_checklist(), slug=slug)
    others = RoleType.objects.exclude(pk=role_type.pk)
    return render(
        request,
        "roles/role_detail.html",
        {"role": summarise(role_type), "role_type": role_type, "other_role_types": others},
    )


@public
@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    roles = [summarise(role_type) for role_type in RoleType.objects.with_checklist()]
    question = join_with_or([f"{role.article} {role.role_type.name.lower()}" for role in roles])
    return render(request, "roles/compare.html", {"roles": roles, "question": question})


@public
@require_GET
def sitemap_index(request: HttpRequest) -> HttpResponse:
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap-section")


@public
@require_GET
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


@public
@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(
        request,
        "robots.txt",
        {"sitemap_url": sitemap_url},
        content_type="text/plain; charset=utf-8",
    )
