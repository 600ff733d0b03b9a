"""The name-and-email cookie is set only with consent, and never baked into the (cacheable) article page."""

import json
from urllib.parse import unquote


def test_no_cookie_without_consent(make_article, post_comment_form, settings):
    response = post_comment_form(make_article())

    cookie = response.cookies.get(settings.COMMENT_COOKIE_NAME)
    assert cookie is None or cookie.value == ""


def test_consent_sets_a_cookie_with_name_email_and_website(make_article, post_comment_form, settings):
    response = post_comment_form(make_article(), remember="yes", author_url="https://jo.example")

    saved = json.loads(unquote(response.cookies[settings.COMMENT_COOKIE_NAME].value))
    assert saved == {
        "author_name": "Jo Reader",
        "author_email": "jo@example.org",
        "author_url": "https://jo.example",
    }
    assert response.cookies[settings.COMMENT_COOKIE_NAME]["samesite"] == "Lax"


def test_the_article_page_does_not_prefill_from_the_cookie(make_article, post_comment_form, client):
    article = make_article()
    post_comment_form(article, remember="yes")

    page = client.get(article.get_absolute_url()).content.decode()

    assert "jo@example.org" not in page and 'value="Jo Reader"' not in page
