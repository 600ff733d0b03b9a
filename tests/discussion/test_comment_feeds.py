"""RSS feeds of approved comments, site-wide and per article, announced on the article page."""

import feedparser

from broadsheet.discussion.models import Comment


def test_the_article_feed_lists_its_approved_comments_only(make_article, make_comment, client):
    article = make_article("Harbour plans")
    other = make_article("Something else")
    make_comment(article, "Published words.", author_name="Kim")
    make_comment(article, "Held words.", status=Comment.Status.PENDING)
    make_comment(other, "Elsewhere.")

    feed = feedparser.parse(client.get(f"/comments/feed/{article.pk}/").content)

    assert [entry.summary for entry in feed.entries] == ["Published words."]
    assert feed.entries[0].title == "Kim on “Harbour plans”"
    assert feed.entries[0].link.endswith(
        f"{article.get_absolute_url()}#comment-{Comment.objects.first().pk}"
    ) or ("#comment-" in feed.entries[0].link)


def test_the_site_feed_lists_approved_comments_everywhere(make_article, make_comment, client):
    make_comment(make_article(), "One.")
    make_comment(make_article(), "Two.")
    make_comment(make_article(), "Spam.", status="spam")

    feed = feedparser.parse(client.get("/comments/feed/").content)

    assert sorted(entry.summary for entry in feed.entries) == ["One.", "Two."]


def test_the_article_page_announces_its_comments_feed(make_article, client):
    article = make_article()

    html = client.get(article.get_absolute_url()).content.decode()

    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Comments on {article.title} (RSS)" href="/comments/feed/{article.pk}/">'
        in html
    )


def test_a_draft_has_no_feed(make_article, client):
    assert client.get(f"/comments/feed/{make_article(status='draft').pk}/").status_code == 404
