from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from roles import views as roles_views
from sociodir import views

# Admin log-in goes through allauth's, so it gets the same rate limits and second factor.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "sociodir administration"
admin.site.site_title = "sociodir admin"

urlpatterns = [
    path("", include("roles.urls")),
    path("", include("people.urls")),
    path("me/", include("people.me_urls")),
    path("review/", include("people.review_urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", roles_views.robots_txt, name="robots"),
    path("sitemap.xml", roles_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", roles_views.sitemap_section, name="sitemap-section"),
]

if settings.DEBUG:
    # Avatars are public; in production the web server serves MEDIA_ROOT at MEDIA_URL.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
