"""The post endpoint takes comments only from this site's own pages: Origin, or else Referer, must match."""

from broadsheet.discussion.models import Comment


def test_a_post_from_another_site_is_forbidden(make_article, post_comment_form):
    response = post_comment_form(make_article(), origin="https://evil.example")

    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_a_post_with_neither_origin_nor_referer_is_forbidden(make_article, post_comment_form):
    assert post_comment_form(make_article(), origin=None).status_code == 403


def test_an_opaque_origin_is_forbidden(make_article, post_comment_form):
    assert post_comment_form(make_article(), origin="null").status_code == 403


def test_the_referer_counts_when_there_is_no_origin(make_article, client):
    from tests.discussion.conftest import form_data

    article = make_article()
    ours = client.post(
        "/comments/post/", form_data(article), HTTP_REFERER="http://testserver" + article.get_absolute_url()
    )
    theirs = client.post(
        "/comments/post/", form_data(article, content="Another."), HTTP_REFERER="http://evil.example/"
    )

    assert ours.status_code == 303 and theirs.status_code == 403


def test_the_configured_site_url_counts(make_article, post_comment_form, settings):
    settings.SITE_URL = "https://news.example"
    settings.ALLOWED_HOSTS = ["*"]

    assert post_comment_form(make_article(), origin="https://news.example").status_code == 303


def test_no_csrf_token_is_needed_so_cached_pages_work(make_article, client):
    from django.test import Client

    from tests.discussion.conftest import form_data

    strict = Client(enforce_csrf_checks=True)
    article = make_article()
    response = strict.post("/comments/post/", form_data(article), HTTP_ORIGIN="http://testserver")

    assert response.status_code == 303


def test_only_post_is_allowed(client):
    assert client.get("/comments/post/").status_code == 405
