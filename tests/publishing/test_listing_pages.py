from datetime import timedelta

from django.test import override_settings
from django.utils import timezone


def test_home_page_shows_the_lead_story_and_each_section(client, make_article, make_section):
    business, sport = make_section("Business"), make_section("Sport")
    make_article("Older business story", section=business, published_at=timezone.now() - timedelta(days=2))
    make_article("Newest sport story", section=sport)
    page = client.get("/").content.decode()
    assert "card--lead" in page and page.index("Newest sport story") < page.index("Older business story")
    assert "Business" in page and "Sport" in page


def test_section_tag_and_author_pages_list_their_articles(client, make_article, make_author, make_tag):
    author, tag = make_author("Ada Reporter"), make_tag("Climate")
    article = make_article("Ice melts", authors=[author], tags=[tag])
    make_article("Unrelated")
    for url in [article.section.get_absolute_url(), tag.get_absolute_url(), author.get_absolute_url()]:
        page = client.get(url).content.decode()
        assert "Ice melts" in page, url
    assert "Unrelated" not in client.get(tag.get_absolute_url()).content.decode()


@override_settings(ARTICLES_PER_PAGE=2)
def test_listings_are_paginated(client, make_article, make_section):
    section = make_section("Busy")
    for number in range(5):
        make_article(f"Story {number}", section=section)
    first = client.get(section.get_absolute_url()).content.decode()
    third = client.get(section.get_absolute_url(), {"page": 3}).content.decode()
    assert "Page 1 of 3" in first and 'rel="next"' in first
    assert "Page 3 of 3" in third and first.count("card__title") == 2


def test_date_archives(client, make_article):
    when = timezone.now() - timedelta(days=40)
    article = make_article("From the archive", published_at=when)
    local = timezone.localtime(when)
    for url in [
        f"/{local.year}/",
        f"/{local.year}/{local.month:02d}/",
        f"/{local.year}/{local.month:02d}/{local.day:02d}/",
    ]:
        assert "From the archive" in client.get(url).content.decode(), url
    assert client.get(f"/{local.year}/13/").status_code == 404
    assert article.title in client.get(f"/{local.year}/").content.decode()


def test_unknown_pages_get_a_helpful_404(client, db):
    response = client.get("/section/no-such-section/")
    assert response.status_code == 404
    assert b"Page not found" in response.content and b"Search articles" in response.content


def test_server_errors_render_a_plain_page(client, db):
    from django.template.loader import render_to_string

    assert "Something went wrong" in render_to_string("500.html")


def test_standalone_pages_are_served_and_in_the_sitemap(client, db):
    from broadsheet.publishing.models import Page

    page = Page.objects.create(title="About us", slug="about", body_source="We report **the news**.")
    hidden = Page.objects.create(title="Draft page", slug="draft-page", is_published=False)
    response = client.get(page.get_absolute_url())
    assert response.status_code == 200 and b"<strong>the news</strong>" in response.content
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert b"/page/about/" in client.get("/sitemap.xml").content
