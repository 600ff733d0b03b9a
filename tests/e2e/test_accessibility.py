"""Every kind of public page passes an axe-core accessibility audit (WCAG 2.1 A and AA) in Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from broadsheet.discussion.models import Comment
from broadsheet.publishing.models import Page
from broadsheet.publishing.related import refresh_related_articles

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def site(make_article, make_author, make_tag):
    article = make_article(
        "Council approves the new library",
        standfirst="Building starts in spring.",
        body_source="The council voted to approve the library.\n\n[[see also]]\n\nWork starts soon.",
        authors=[make_author("Ada Reporter")],
        tags=[make_tag("Libraries")],
    )
    make_article("Library plans unveiled", body_source="The council library plans.", section=article.section)
    Comment.objects.create(
        article=article,
        author_name="Reader",
        author_email="r@example.org",
        content="Good news.",
        status="approved",
    )
    refresh_related_articles()
    return article


def test_public_pages_have_no_accessibility_violations(live_server, page, site):
    author = site.authors.first()
    corner = Page.objects.create(
        title="Readers' corner", slug="readers-corner", body_source="Tell us.", comments_open=True
    )
    Comment.objects.create(
        page=corner, author_name="Ola", author_email="o@example.org", content="Hi.", status="approved"
    )
    urls = [
        "/",
        site.get_absolute_url(),
        site.section.get_absolute_url(),
        author.get_absolute_url(),
        site.tags.first().get_absolute_url(),
        "/search/?q=library",
        "/privacy/",
        corner.get_absolute_url(),  # a standalone page with its discussion
        "/no-such-page/",
    ]
    axe = Axe()
    problems = {}
    for url in urls:
        page.goto(live_server.url + url)
        results = axe.run(page, options=WCAG)
        if results.violations_count:
            problems[url] = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]]
    assert problems == {}
