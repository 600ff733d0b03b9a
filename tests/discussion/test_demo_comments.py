"""The demo's conversation loads once, threaded, with a few comments left for the moderator."""

from broadsheet.discussion.demo import load_demo_comments
from broadsheet.discussion.models import Comment


def test_demo_comments_load_once_with_threads_and_a_queue(make_article, client):
    articles = [make_article(f"Story {n}") for n in range(5)]

    added = load_demo_comments()

    assert added == Comment.objects.count() > 15
    assert load_demo_comments() == 0
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert Comment.objects.awaiting_moderation().exists() and Comment.objects.spam().exists()
    assert client.get(articles[0].get_absolute_url()).status_code == 200
