"""Old WordPress addresses answer 301 to their new home; Broadsheet's own pages are never redirected away."""

from __future__ import annotations

import pytest

from broadsheet.importers.models import ImportRecord, LegacyRedirect
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Article, Page, Section

from .conftest import WxrPost

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(write_wxr):
    import_wxr(
        write_wxr(
            [
                # Stored in UTC at 23:30 on the 1st; WordPress's local date (and so its permalink) says the 2nd.
                WxrPost(
                    7,
                    title="Late story",
                    slug="late-story",
                    date="2020-01-02 00:30:00",
                    date_gmt="2020-01-01 23:30:00",
                    categories=[("local-news", "Local news")],
                    tags=[("flood", "Flood")],
                ),
                WxrPost(8, title="About us", slug="about", post_type="page", categories=[]),
                WxrPost(9, title="Unfinished", slug="unfinished", status="draft"),
                WxrPost(10, title="Café news", slug="caf%c3%a9-news", date="2020-03-01 08:00:00"),
            ]
        )
    )
    record = ImportRecord.objects.get(kind="article", source_id="7")
    return Article.objects.get(pk=record.object_id)


def test_the_old_shortlink_on_the_home_page_redirects(client, imported):
    response = client.get("/?p=7")

    assert response.status_code == 301
    assert response["Location"] == imported.get_absolute_url()


def test_the_old_dated_permalink_redirects_when_broadsheet_has_no_such_page(client, imported):
    assert imported.get_absolute_url() == "/2020/01/01/late-story/"

    response = client.get("/2020/01/02/late-story/")

    assert response.status_code == 301
    assert response["Location"] == "/2020/01/01/late-story/"
    assert client.get(response["Location"]).status_code == 200


def test_broadsheets_own_article_address_is_served_not_redirected(client, imported):
    LegacyRedirect.objects.create(old_path=imported.get_absolute_url(), new_path="/elsewhere/")

    assert client.get(imported.get_absolute_url()).status_code == 200


def test_slug_category_and_page_addresses_redirect(client, imported):
    assert client.get("/late-story/")["Location"] == imported.get_absolute_url()
    assert (
        client.get("/category/local-news/")["Location"]
        == Section.objects.get(slug="local-news").get_absolute_url()
    )
    page = Page.objects.get(slug="about")
    response = client.get("/about/")
    assert response.status_code == 301
    assert response["Location"] == page.get_absolute_url()
    assert client.get("/?page_id=8")["Location"] == page.get_absolute_url()


def test_a_tag_address_that_changed_redirects(client, imported):
    LegacyRedirect.objects.create(old_path="/tag/floods/", new_path="/tag/flood/")

    response = client.get("/tag/floods/")

    assert response.status_code == 301
    assert response["Location"] == "/tag/flood/"


def test_drafts_get_no_redirect_and_unknown_addresses_still_404(client, imported):
    assert client.get("/?p=9").status_code == 200  # the home page, not a leak of the draft
    assert client.get("/unfinished/").status_code == 404
    assert client.get("/never-existed/").status_code == 404


def test_a_non_ascii_permalink_redirects(client, imported):
    cafe = Article.objects.get(title="Café news")
    assert cafe.slug == "café-news"  # WordPress's slug, letters and all

    response = client.get("/2020/03/01/café-news/")

    assert response.status_code == 301
    assert response["Location"] == cafe.get_absolute_url()


def test_a_post_moved_back_to_draft_answers_404_at_its_old_addresses(client, imported):
    imported.status = Article.Status.DRAFT
    imported.save()

    # As in WordPress, a draft's old address is "not found": no redirect reveals where it lives.
    for old in ("/late-story/", "/2020/01/02/late-story/"):
        response = client.get(old)
        assert response.status_code == 404, old
        assert "Location" not in response, old
    home = client.get("/?p=7")
    assert home.status_code == 200 and "Location" not in home  # the home page, as for any unknown id

    imported.status = Article.Status.PUBLISHED
    imported.save()
    assert client.get("/late-story/")["Location"] == imported.get_absolute_url()  # public again: redirected


def test_a_newer_export_making_the_post_private_stops_its_redirects(client, imported, write_wxr):
    import_wxr(
        write_wxr(
            [
                WxrPost(
                    7,
                    title="Late story",
                    slug="late-story",
                    status="private",
                    date="2020-01-02 00:30:00",
                    date_gmt="2020-01-01 23:30:00",
                )
            ],
            name="newer.xml",
        )
    )

    imported.refresh_from_db()
    assert imported.status == Article.Status.DRAFT
    assert client.get("/late-story/").status_code == 404
    assert client.get("/2020/01/02/late-story/").status_code == 404
    assert "Location" not in client.get("/?p=7")


def test_an_unpublished_page_answers_404_at_its_old_addresses(client, imported):
    Page.objects.filter(slug="about").update(is_published=False)

    assert client.get("/about/").status_code == 404
    assert "Location" not in client.get("/?page_id=8")
