"""Pages are well-formed HTML: the HTML5 parser in strict mode finds no parse error on any kind of page."""

import html5lib
import pytest

from broadsheet.discussion.models import Comment
from broadsheet.publishing.models import Page


@pytest.fixture
def urls(make_article, make_author, make_tag):
    article = make_article(
        "A & B <agree>", body_source="Body with *emphasis*.", authors=[make_author()], tags=[make_tag()]
    )
    Comment.objects.create(
        article=article,
        author_name="R",
        author_email="r@example.org",
        content="Nice <b>one</b>",
        status="approved",
    )
    corner = Page.objects.create(title="Q & A", slug="q-and-a", body_source="Ask us.", comments_open=True)
    Comment.objects.create(
        page=corner, author_name="R", author_email="r@example.org", content="Why?", status="approved"
    )
    return [
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        article.authors.first().get_absolute_url(),
        article.tags.first().get_absolute_url(),
        "/search/?q=agree",
        "/privacy/",
        corner.get_absolute_url(),  # a standalone page with its discussion
        "/no-such-page/",
    ]


def test_every_kind_of_page_parses_without_errors(client, urls):
    for url in urls:
        response = client.get(url)
        parser = html5lib.HTMLParser(strict=True)
        try:
            parser.parse(response.content)
        except html5lib.html5parser.ParseError as error:
            pytest.fail(f"{url}: {error}")
