from datetime import timedelta

from django.utils import timezone
from lxml import etree

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def test_sitemap_lists_published_articles_and_listing_pages(client, make_article):
    article = make_article("In the sitemap")
    draft = make_article("Not yet", status="draft")
    tree = etree.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in tree.iter(f"{SITEMAP}loc")]
    assert any(loc.endswith(article.get_absolute_url()) for loc in locations)
    assert not any(loc.endswith(draft.get_absolute_url()) for loc in locations)
    assert any(loc.endswith(article.section.get_absolute_url()) for loc in locations)


def test_news_sitemap_holds_only_the_last_two_days(client, make_article):
    fresh = make_article("Fresh news")
    make_article("Old news", published_at=timezone.now() - timedelta(days=3))
    tree = etree.fromstring(client.get("/news-sitemap.xml").content)
    titles = [title.text for title in tree.iter(f"{NEWS}title")]
    assert titles == ["Fresh news"]
    assert tree.find(f".//{NEWS}publication/{NEWS}language").text == "en"
    assert tree.find(f".//{SITEMAP}loc").text.endswith(fresh.get_absolute_url())


def test_robots_txt_points_to_the_sitemaps(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: " in body and "/sitemap.xml" in body and "Disallow: /admin/" in body
