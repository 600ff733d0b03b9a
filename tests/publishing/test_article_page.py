import json
import re

import pytest
from django.test import override_settings
from lxml import html as lxml_html

from broadsheet.publishing.related import refresh_related_articles

STORY = "The striker scored twice as the football club won the league match at the stadium."


@pytest.fixture
def story(make_article, make_author, make_tag):
    article = make_article(
        "Club wins the league",
        standfirst="A late double sealed it.",
        body_source=f"{STORY}\n\n[[see also]]\n\nThe manager praised the fans.",
        authors=[make_author("Ada Reporter")],
        tags=[make_tag("Football")],
    )
    make_article("Striker scores twice at the stadium", body_source=STORY, section=article.section)
    refresh_related_articles()
    return article


def page_of(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response, lxml_html.fromstring(response.content)


def test_article_page_shows_headline_byline_date_and_reading_time(client, story):
    _, page = page_of(client, story)
    assert page.findtext(".//h1") == "Club wins the league"
    assert "Ada Reporter" in page.find_class("byline")[0].text_content()
    assert page.find_class("reading-time")[0].text == "1 min read"
    assert page.xpath("//time/@datetime")


def test_see_also_marker_links_to_the_best_related_article(client, story):
    _, page = page_of(client, story)
    see_also = page.find_class("see-also")[0]
    assert "See also:" in see_also.text_content()
    assert see_also.find(".//a").text == "Striker scores twice at the stadium"
    assert "[[" not in lxml_html.tostring(page, encoding="unicode")


def test_see_also_marker_can_name_its_article(client, make_article):
    chosen = make_article("The chosen one", slug="the-chosen-one")
    article = make_article("Pointer", body_source="Intro.\n\n[[see also: the-chosen-one]]\n\nOutro.")
    _, page = page_of(client, article)
    assert page.find_class("see-also")[0].find(".//a").get("href") == chosen.get_absolute_url()


def test_related_articles_are_listed_under_the_body(client, story):
    _, page = page_of(client, story)
    related = page.find_class("related__list")[0]
    assert "Striker scores twice at the stadium" in related.text_content()


def test_share_links_are_plain_links_without_third_party_scripts(client, story):
    response, page = page_of(client, story)
    networks = [a.get("class").split("--")[-1] for a in page.find_class("share__link")]
    assert networks == ["facebook", "x", "linkedin", "whatsapp", "reddit", "email"]
    assert page.find_class("share__copy")
    for script in page.xpath("//script[@src]/@src"):
        assert script.startswith("/static/")


def test_leave_a_comment_links_to_the_discussion(client, story):
    _, page = page_of(client, story)
    link = page.find_class("comment-link")[0]
    assert link.get("href") == "#comments"
    assert page.get_element_by_id("comments") is not None


def test_metadata_canonical_open_graph_twitter_and_feeds(client, story):
    _, page = page_of(client, story)
    assert page.xpath("//link[@rel='canonical']/@href")[0].endswith(story.get_absolute_url())
    assert page.xpath("//meta[@property='og:title']/@content") == ["Club wins the league"]
    assert page.xpath("//meta[@name='twitter:card']/@content") == ["summary"]
    feeds = page.xpath("//link[@rel='alternate']/@type")
    assert "application/rss+xml" in feeds and "application/atom+xml" in feeds


def test_json_ld_describes_a_news_article(client, story):
    _, page = page_of(client, story)
    data = json.loads(page.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Club wins the league"
    assert data["author"][0]["name"] == "Ada Reporter"
    assert data["publisher"]["name"] and data["datePublished"] and data["dateModified"]


def test_json_ld_cannot_break_out_of_its_script(client, make_article):
    article = make_article("</script><script>alert(1)</script>")
    response = client.get(article.get_absolute_url())
    assert b"<script>alert(1)" not in response.content


def test_article_url_with_a_wrong_date_redirects_to_the_right_one(client, story):
    wrong = re.sub(r"/\d{4}/", "/1999/", story.get_absolute_url(), count=1)
    response = client.get(wrong)
    assert response.status_code == 301 and response["Location"] == story.get_absolute_url()


@override_settings(PAGE_CACHE_ENABLED=False)  # counts the queries of a page actually rendered
def test_article_page_costs_a_fixed_number_of_queries(
    client, make_article, make_author, make_tag, django_assert_num_queries
):
    def article_with(count: int):
        article = make_article(
            body_source="Football league match report.\n\n[[see also]]\n\n[[see also: x-target]]",
            authors=[make_author() for _ in range(count)],
            tags=[make_tag() for _ in range(count)],
        )
        for _ in range(count):
            make_article(body_source="Football league match report.", section=article.section)
        return article

    make_article("Explicit target", slug="x-target")
    small, large = article_with(1), article_with(8)
    refresh_related_articles()
    client.get(small.get_absolute_url())  # warm caches that are not per page
    with django_assert_num_queries(PINNED_ARTICLE_PAGE_QUERIES):
        client.get(small.get_absolute_url())
    with django_assert_num_queries(PINNED_ARTICLE_PAGE_QUERIES):
        client.get(large.get_absolute_url())


# article, authors, tags, related, See-also targets, navigation sections, the discussion (thread and count)
PINNED_ARTICLE_PAGE_QUERIES = 7
