"""Site-wide template values: the site's name and address and the sections for the navigation."""

from django.conf import settings
from django.http import HttpRequest

from .models import Section


def site(request: HttpRequest) -> dict:
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "site_description": settings.SITE_DESCRIPTION,
        "site_language": settings.SITE_LANGUAGE,
        "navigation_sections": Section.objects.all(),
        "demo_mode": settings.DEMO_MODE,
    }
