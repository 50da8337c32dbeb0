from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from sociodir import views

admin.site.site_header = "sociodir administration"
admin.site.site_title = "sociodir admin"

urlpatterns = [
    path("", include("roles.urls")),
    path("", include("people.urls")),
    path("me/", include("people.me_urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
]

if settings.DEBUG:
    # Avatars are public; in production the web server serves MEDIA_ROOT at MEDIA_URL.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
