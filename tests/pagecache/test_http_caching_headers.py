"""What browsers, nginx and CDNs are told: validators with 304 answers, public lifetimes for shared pages, and
`private, no-store` for everything personal."""

from django.utils.http import http_date


def test_a_shared_page_says_public_with_a_shared_lifetime_and_validators(make_article, reader, settings):
    article = make_article()
    response = reader.get(article.get_absolute_url())
    assert response["Cache-Control"] == (
        f"public, max-age={settings.PAGE_CACHE_BROWSER_SECONDS}, s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}"
    )
    assert response["ETag"].startswith('W/"')
    assert response.has_header("Last-Modified")
    assert "Cookie" not in response.get("Vary", "")


def test_a_matching_etag_gets_304_from_the_cache_and_on_a_miss(make_article, reader):
    article = make_article()
    first = reader.get(article.get_absolute_url())

    from_cache = reader.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert (from_cache.status_code, from_cache["X-Cache"], from_cache.content) == (304, "hit", b"")
    assert from_cache["ETag"] == first["ETag"]

    from broadsheet.pagecache import store

    # A worker that never saw the page renders it again, with the same ETag.
    store.pages().delete(store.page_key(f"http://testserver{article.get_absolute_url()}"))
    rendered = reader.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert (rendered.status_code, rendered["X-Cache"]) == (304, "miss")


def test_if_modified_since_gets_304(make_article, reader):
    article = make_article()
    first = reader.get(article.get_absolute_url())
    response = reader.get(article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert response.status_code == 304


def test_a_stale_etag_gets_the_new_page(make_article, reader, committed):
    from broadsheet.publishing import services

    article = make_article("Old headline")
    first = reader.get(article.get_absolute_url())
    article.title = "New headline"
    committed(lambda: (article.save(), services.articles_were_edited(article)))

    response = reader.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert "New headline" in response.content.decode()


def test_an_old_if_modified_since_gets_the_page(make_article, reader):
    article = make_article()
    response = reader.get(article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert response.status_code == 200


def test_pages_nobody_declared_public_are_private(db, reader):
    assert reader.get("/search/?q=bridge")["Cache-Control"] == "private, no-store"
    assert reader.get("/privacy/")["Cache-Control"] == "private, no-store"


def test_after_posting_a_comment_shared_caches_are_told_to_step_aside_briefly(make_article, reader, settings):
    from datetime import timedelta

    from django.utils import timezone

    from broadsheet.discussion.tokens import render_time_token

    article = make_article()
    response = reader.post(
        "/comments/post/",
        {
            "article": article.pk,
            "author_name": "Jo",
            "author_email": "jo@example.org",
            "content": "Well reported.",
            "rendered": render_time_token(timezone.now() - timedelta(minutes=1)),
            "message": "",
        },  # fmt: skip
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 303
    cookie = response.cookies[settings.PAGE_CACHE_RECENT_POST_COOKIE]
    assert cookie.value == "1" and cookie["httponly"]
    assert int(cookie["max-age"]) == settings.PAGE_CACHE_SHARED_SECONDS + settings.PAGE_CACHE_STALE_SECONDS
    # Broadsheet's own cache does not care: the cookie carries nothing personal and the page is shared.
    assert reader.get(article.get_absolute_url())["X-Cache"] in {"miss", "hit"}
