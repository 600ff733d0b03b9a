"""What one reader sees of their own (a held comment, a form, an editor's view) never reaches another reader:
such requests neither read nor fill the cache, and their answers say `private, no-store`."""

import pytest
from django.http import HttpResponse

from broadsheet.discussion.models import Comment
from broadsheet.discussion.tokens import moderation_hash


def assert_private(response):
    assert response["Cache-Control"] == "private, no-store"


def test_a_held_comment_shown_to_its_author_is_never_cached(make_article, make_comment, reader):
    article = make_article()
    held = make_comment(article, "My own held words.", status=Comment.Status.PENDING)
    url = f"{article.get_absolute_url()}?unapproved={held.pk}&moderation-hash={moderation_hash(held.pk)}"

    own = reader.get(url)
    stranger = reader.get(article.get_absolute_url())
    own_again = reader.get(url)

    assert b"My own held words." in own.content and b"My own held words." in own_again.content
    assert own["X-Cache"] == own_again["X-Cache"] == "bypass"
    assert_private(own)
    assert stranger["X-Cache"] == "miss"
    assert b"My own held words." not in stranger.content


def test_the_cached_page_is_not_served_to_the_held_comment_link(make_article, make_comment, reader):
    article = make_article()
    reader.get(article.get_absolute_url())  # the shared copy exists
    held = make_comment(article, "Awaiting a moderator.", status=Comment.Status.PENDING)

    own = reader.get(
        f"{article.get_absolute_url()}?unapproved={held.pk}&moderation-hash={moderation_hash(held.pk)}"
    )

    assert own["X-Cache"] == "bypass"
    assert b"Awaiting a moderator." in own.content


@pytest.mark.parametrize(
    "query", ["replytocom=5", "unapproved=5&moderation-hash=abc", "utm_source=x", "page=2&x=1", "page=two"]
)
def test_any_query_but_a_page_number_bypasses_the_cache(make_article, reader, query):
    article = make_article()
    for _ in range(2):
        response = reader.get(f"{article.get_absolute_url()}?{query}")
        assert response["X-Cache"] == "bypass"
        assert_private(response)


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken"])
def test_a_session_or_csrf_cookie_bypasses_the_cache(make_article, reader, cookie):
    article = make_article()
    reader.get(article.get_absolute_url())
    reader.cookies[cookie] = "abc"
    response = reader.get(article.get_absolute_url())
    assert "X-Cache" not in response or response["X-Cache"] != "hit"
    assert_private(response)


def test_a_logged_in_editor_never_gets_or_fills_the_cache(make_article, reader, admin_client):
    article = make_article()
    editor_view = admin_client.get(article.get_absolute_url())
    after = reader.get(article.get_absolute_url())
    assert editor_view["X-Cache"] == "bypass"
    assert_private(editor_view)
    assert after["X-Cache"] == "miss"


def test_a_reader_with_the_commenter_cookie_still_gets_the_shared_page(make_article, reader):
    """The "remember me" cookie is read by the page's script, never rendered into the page."""
    article = make_article()
    reader.get(article.get_absolute_url())
    reader.cookies["broadsheet_commenter"] = "%7B%22author_name%22%3A%22Jo%22%7D"
    assert reader.get(article.get_absolute_url())["X-Cache"] == "hit"


def test_posts_are_never_cached(make_article, reader):
    article = make_article()
    response = reader.post(article.get_absolute_url())
    assert response.status_code == 405
    assert "X-Cache" not in response or response["X-Cache"] != "hit"


def test_a_missing_page_is_not_cached(db, reader):
    for _ in range(2):
        response = reader.get("/2020/01/01/no-such-story/")
        assert response.status_code == 404
        assert response["X-Cache"] == "bypass"
        assert_private(response)


def private_or_cookie_views():
    def sets_cookie(response: HttpResponse) -> HttpResponse:
        response.set_cookie("chosen", "1")
        return response

    def says_private(response: HttpResponse) -> HttpResponse:
        response["Cache-Control"] = "private"
        return response

    def says_no_store(response: HttpResponse) -> HttpResponse:
        response["Cache-Control"] = "no-store"
        return response

    return [sets_cookie, says_private, says_no_store]


@pytest.mark.parametrize("change", private_or_cookie_views(), ids=lambda change: change.__name__)
def test_a_response_that_sets_a_cookie_or_says_private_is_not_stored(
    make_article, reader, monkeypatch, change
):
    from broadsheet.publishing import urls, views

    article = make_article()
    original = views.article_detail

    def changed_view(*args, **kwargs):
        return change(original(*args, **kwargs))

    pattern = next(p for p in urls.urlpatterns if p.name == "article")
    monkeypatch.setattr(pattern, "callback", changed_view)

    first = reader.get(article.get_absolute_url())
    second = reader.get(article.get_absolute_url())
    assert first["X-Cache"] == second["X-Cache"] == "bypass"
    assert_private(second)
