"""Addresses are remembered per process (broadsheet.links); they must still follow the site's URL map."""

from django.test import override_settings
from django.urls import include, path, set_script_prefix

from broadsheet.links import link_to
from broadsheet.publishing import views


class MovedSections:
    """A URL map in which sections live somewhere else, as a site would after changing its map."""

    urlpatterns = [
        path(
            "", include(([path("sections/<slug:slug>/", views.section_detail, name="section")], "publishing"))
        )
    ]


def test_an_address_follows_a_changed_url_map(make_section):
    section = make_section("Business")
    assert section.get_absolute_url() == "/section/business/"
    with override_settings(ROOT_URLCONF=MovedSections):
        assert section.get_absolute_url() == "/sections/business/"
    assert section.get_absolute_url() == "/section/business/"


def test_an_address_carries_the_script_prefix_of_a_site_served_below_the_root():
    set_script_prefix("/news/")
    try:
        assert link_to("publishing:tag", "harbour") == "/news/tag/harbour/"
    finally:
        set_script_prefix("/")
    assert link_to("publishing:tag", "harbour") == "/tag/harbour/"
