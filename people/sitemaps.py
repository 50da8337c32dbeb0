from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from people.models import Profile


class ProfileSitemap(Sitemap):
    """Every listed profile, in pages of 5,000 (the sitemap index links each page)."""

    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Profile.objects.listed().order_by("pk").only("slug", "updated_at")

    def location(self, item: Profile) -> str:
        return f"/people/{item.slug}/"

    def lastmod(self, item: Profile):
        return item.updated_at

    def get_latest_lastmod(self):
        # The index asks for this; one aggregate instead of reading every profile.
        return Profile.objects.listed().aggregate(latest=Max("updated_at"))["latest"]
