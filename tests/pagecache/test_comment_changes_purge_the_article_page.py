"""A comment that becomes public, changes or goes away shows on the article page (and comment feeds) at once."""

import pytest

from broadsheet.discussion import services
from broadsheet.discussion.models import Comment


@pytest.fixture
def article(make_article):
    return make_article("Council approves the new bridge")


def comment_feeds(article) -> list[str]:
    return ["/comments/feed/", f"/comments/feed/{article.pk}/"]


def test_approving_a_held_comment_shows_it(article, make_comment, warm, reader, committed):
    held = make_comment(article, "About time this bridge was built.", status=Comment.Status.PENDING)
    warm(article.get_absolute_url(), *comment_feeds(article))

    committed(lambda: services.moderate(held, services.Action.APPROVE))

    for address in [article.get_absolute_url(), *comment_feeds(article)]:
        response = reader.get(address)
        assert response["X-Cache"] == "miss", address
        assert "About time this bridge was built." in response.content.decode(), address


def test_editing_an_approved_comment_shows_the_new_text(article, make_comment, warm, reader, committed):
    comment = make_comment(article, "The bridge will cost too much.")
    warm(article.get_absolute_url())

    committed(lambda: services.edit_comment(comment, content="The bridge will cost less than feared."))

    assert "cost less than feared" in reader.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize("action", ["spam", "trash", "delete", "hold"])
def test_removing_an_approved_comment_hides_it(article, make_comment, warm, reader, committed, action):
    comment = make_comment(article, "Buy cheap watches here.")
    warm(article.get_absolute_url())

    committed(lambda: services.moderate(comment, action))

    response = reader.get(article.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "Buy cheap watches here." not in response.content.decode()


def test_a_comment_approved_on_posting_shows_at_once(article, warm, reader, committed, settings):
    from django.utils import timezone

    from broadsheet.discussion.screening import RequestMeta
    from broadsheet.discussion.tokens import render_time_token

    warm(article.get_absolute_url())
    meta = RequestMeta(
        ip="203.0.113.9",
        user_agent="Firefox",
        referrer="",
        form_token=render_time_token(timezone.now().replace(year=2000)),
        honeypot_values={},
    )

    def post():
        from broadsheet.discussion.screening import Draft

        draft = Draft(
            author_name="Jo",
            author_email="jo@example.org",
            author_url="",
            content="Good news for cyclists.",
            is_reply=False,
        )
        return services.post_comment(article, draft, meta)

    posted = committed(post)

    response = reader.get(article.get_absolute_url())
    if posted.comment is not None and posted.comment.is_approved:
        assert response["X-Cache"] == "miss"
        assert "Good news for cyclists." in response.content.decode()
    else:  # the site's policy held it: the shared page stays as it was
        assert response["X-Cache"] == "hit"


def test_holding_a_new_comment_leaves_the_shared_page_cached(
    article, make_comment, warm, cache_state, committed
):
    pending = make_comment(article, "First!", status=Comment.Status.PENDING)
    warm(article.get_absolute_url())

    committed(lambda: services.moderate(pending, services.Action.SPAM))  # pending → spam: never public

    assert cache_state(article.get_absolute_url())[article.get_absolute_url()] == "hit"
