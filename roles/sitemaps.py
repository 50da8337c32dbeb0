"""The site's sitemap sections: public pages and role pages here, profiles in people.sitemaps."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from people.sitemaps import ProfileSitemap
from roles.models import RoleType


class PublicPagesSitemap(Sitemap):
    """Pages that exist once: home, directory, role comparison, where members are."""

    changefreq = "weekly"

    def items(self) -> list[str]:
        return [
            reverse("roles:home"),
            reverse("people:directory"),
            reverse("roles:compare"),
            reverse("people:countries"),
        ]

    def location(self, item: str) -> str:
        return item


class RoleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return RoleType.objects.order_by("order", "pk")


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": PublicPagesSitemap,
    "roles": RoleSitemap,
    "people": ProfileSitemap,
}
