"""The article page costs the same number of queries with fifty comments in five levels as with none."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from broadsheet.discussion.models import Comment

# Publishing's own reads: the article with its section, its authors, its tags, its related list, and the
# navigation's sections. The discussion adds one query for the whole thread (and the comment count); its
# settings come from the cache.
PUBLISHING_QUERIES = 5
THREAD_QUERIES = 1


def fifty_comments_in_five_levels(article, make_comment):
    comments = []
    for thread in range(10):
        parent = None
        for level in range(5):
            parent = make_comment(article, f"Thread {thread}, level {level + 1}.", parent=parent)
            comments.append(parent)
    return comments


def test_the_thread_is_one_query(make_article, make_comment, client, django_assert_num_queries):
    article = make_article()
    fifty_comments_in_five_levels(article, make_comment)
    client.get(article.get_absolute_url())  # warms the settings cache

    with django_assert_num_queries(PUBLISHING_QUERIES + THREAD_QUERIES):
        response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert html.count('class="comment comment--level-') == 50
    assert html.count("comment--level-5") == 10
    assert "50 comments" in html


def test_no_comments_costs_the_same(make_article, client, django_assert_num_queries):
    article = make_article()
    client.get(article.get_absolute_url())

    with django_assert_num_queries(PUBLISHING_QUERIES + THREAD_QUERIES):
        response = client.get(article.get_absolute_url())

    assert "Leave a comment" in response.content.decode()


def test_held_comment_link_costs_no_extra_query(
    make_article, make_comment, client, django_assert_num_queries
):
    from broadsheet.discussion.tokens import moderation_hash

    article = make_article()
    held = make_comment(article, status=Comment.Status.PENDING, created_at=timezone.now())
    client.get(article.get_absolute_url())

    with django_assert_num_queries(PUBLISHING_QUERIES + THREAD_QUERIES):
        client.get(
            f"{article.get_absolute_url()}?unapproved={held.pk}&moderation-hash={moderation_hash(held.pk)}"
        )


@pytest.fixture(autouse=True)
def render_every_time(settings):
    """Count what rendering costs: the page cache (which answers repeat visits with no query) is off here."""
    settings.PAGE_CACHE_ENABLED = False
    cache.clear()
