"""An anonymous reader's second visit to any public page is answered from the cache, byte for byte the same."""

import pytest


@pytest.fixture
def newsroom(make_article, make_author, make_tag, make_section):
    section = make_section("World")
    article = make_article(
        "Talks resume in Geneva",
        section=section,
        authors=[make_author("Ada Reporter")],
        tags=[make_tag("Diplomacy")],
    )
    return article


def addresses_of_every_cached_page(article) -> list[str]:
    year, month = article.published_at.year, f"{article.published_at.month:02d}"
    return [
        article.get_absolute_url(),
        "/",
        "/section/world/",
        "/section/world/?page=1",
        "/tag/diplomacy/",
        "/author/ada-reporter/",
        f"/{year}/",
        f"/{year}/{month}/",
        "/feed/",
        "/feed/atom/",
        "/section/world/feed/",
        "/tag/diplomacy/feed/",
        "/author/ada-reporter/feed/atom/",
        "/sitemap.xml",
        "/comments/feed/",
        f"/comments/feed/{article.pk}/",
    ]


def test_every_public_page_is_a_miss_then_a_hit(newsroom, reader):
    for address in addresses_of_every_cached_page(newsroom):
        first = reader.get(address)
        second = reader.get(address)
        assert first.status_code == 200, address
        assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit"), address
        assert second["Content-Type"] == first["Content-Type"], address


def test_a_hit_is_the_same_page(newsroom, reader):
    first = reader.get(newsroom.get_absolute_url())
    second = reader.get(newsroom.get_absolute_url())
    assert second.content == first.content.replace(
        first.content.split(b'name="rendered" value="')[1].split(b'"')[0],
        second.content.split(b'name="rendered" value="')[1].split(b'"')[0],
    )
    assert b"Talks resume in Geneva" in second.content


def test_a_head_request_is_answered_from_the_cache_without_a_body(newsroom, reader):
    full = reader.get(newsroom.get_absolute_url())
    head = reader.head(newsroom.get_absolute_url())
    assert head["X-Cache"] == "hit"
    assert head.content == b""
    assert int(head["Content-Length"]) == len(full.content)


def test_a_hit_costs_no_database_query(newsroom, reader, django_assert_num_queries):
    reader.get(newsroom.get_absolute_url())
    with django_assert_num_queries(0):
        assert reader.get(newsroom.get_absolute_url())["X-Cache"] == "hit"


def test_with_the_cache_off_every_visit_renders(newsroom, reader, settings):
    settings.PAGE_CACHE_ENABLED = False
    reader.get(newsroom.get_absolute_url())
    again = reader.get(newsroom.get_absolute_url())
    assert again["X-Cache"] == "off"
    assert again["Cache-Control"].startswith("public")
