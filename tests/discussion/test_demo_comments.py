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


def test_demo_comments_carry_the_engines_real_verdicts(make_article):
    [make_article(f"Story {n}") for n in range(5)]

    load_demo_comments()

    spam = Comment.objects.spam().first()
    assert spam.spam_decision == "spam" and spam.spam_score > 0.9
    assert {"self_promotion", "classifier"} <= {reason["code"] for reason in spam.spam_reasons}
    for held in Comment.objects.awaiting_moderation():  # held by the engine, or waiting as first comments
        assert held.spam_decision == "hold" or held.spam_reasons[-1]["code"] == "first_time_commenter"
    assert all(comment.spam_reasons and comment.spam_score is not None for comment in Comment.objects.all())
