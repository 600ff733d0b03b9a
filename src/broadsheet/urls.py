"""Broadsheet's URL map: the admin, then each app's own pages."""

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.static import serve

handler404 = "broadsheet.publishing.views.page_not_found"

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("1.1/", include("broadsheet.akismet.urls")),  # the Akismet-compatible API, at Akismet's own paths
    path("", include("broadsheet.discussion.urls")),
    path("", include("broadsheet.publishing.urls")),
]

if settings.DEBUG or settings.DEMO_MODE:
    # Production serves uploads from the web server; the demo and development serve them here.
    urlpatterns.append(path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}))
