"""A reader gets the article page from the cache, posts a comment from it, and sees the result; once a moderator
approves the comment, every reader's next visit shows it."""

import pytest

from broadsheet.discussion import services
from broadsheet.discussion.models import Comment
from tests.pagecache.conftest import empty_cache  # noqa: F401  (a page cache of its own, emptied)

pytestmark = pytest.mark.e2e


def test_a_comment_posted_from_a_cached_page_is_received_and_shows_once_approved(
    live_server, page, browser, screenshot, make_article
):
    article = make_article("Ferry timetable changes in spring")
    address = live_server.url + article.get_absolute_url()

    assert page.goto(address).headers["x-cache"] == "miss"
    from_cache = page.goto(address)
    assert from_cache.headers["x-cache"] == "hit"
    assert from_cache.headers["cache-control"].startswith("public")
    screenshot("from-cache")

    page.get_by_label("Comment *").fill("The early boat matters most to commuters from the islands.")
    page.get_by_label("Name *").fill("Iona Reader")
    page.get_by_label("Email *").fill("iona@example.org")
    page.wait_for_timeout(3500)  # a person takes a few seconds; the render time must show this visit's age
    page.get_by_role("button", name="Post Comment").click()
    page.wait_for_load_state()

    comment = Comment.objects.get()
    assert "too_fast" not in str(comment.spam_reasons)
    posted_text = page.locator(f"#comment-{comment.pk}").inner_text()
    assert "The early boat matters most" in posted_text
    screenshot("posted")

    if not comment.is_approved:  # held, as the site's policy holds first-time commenters
        assert "Your comment is awaiting moderation." in posted_text
        services.moderate(comment, services.Action.APPROVE)

    other_reader = browser.new_context().new_page()
    response = other_reader.goto(address)
    assert response.headers["x-cache"] == "miss"  # approving purged the cached copy
    assert "The early boat matters most" in other_reader.locator(f"#comment-{comment.pk}").inner_text()
    assert other_reader.goto(address).headers["x-cache"] == "hit"
    other_reader.context.close()
