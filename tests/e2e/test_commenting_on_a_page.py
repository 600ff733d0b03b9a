"""A standalone page open to comments (as WordPress allows) takes a reader's comment in a real browser."""

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.publishing.models import Page

pytestmark = pytest.mark.e2e


def test_a_reader_comments_on_a_page_open_to_comments(live_server, page, screenshot, settings):
    settings.COMMENT_FLOOD_SECONDS = 0
    guestbook = Page.objects.create(
        title="Readers' corner", slug="readers-corner", body_source="Tell us what we should cover next.",
        comments_open=True,
    )  # fmt: skip
    Comment.objects.create(
        page=guestbook, author_name="Ola", author_email="ola@example.org", status="approved",
        content="More on the harbour works, please.",
    )  # fmt: skip
    page.goto(live_server.url + guestbook.get_absolute_url())
    assert "More on the harbour works, please." in page.locator(".comment-list").inner_text()

    page.get_by_label("Comment *").fill("The school board elections deserve a page of their own.")
    page.get_by_label("Name *").fill("Priya")
    page.get_by_label("Email *").fill("priya@example.org")
    page.get_by_role("button", name="Post Comment").click()

    page.wait_for_url("**unapproved=*")  # a first-time commenter is held, and sees their own comment
    held = Comment.objects.latest("id")
    assert held.page_id == guestbook.pk and held.article_id is None
    assert held.status == Comment.Status.PENDING
    assert "Your comment is awaiting moderation." in page.content()
    assert "The school board elections deserve a page of their own." in page.content()
    screenshot("held-comment-on-a-page")


def test_a_page_closed_to_comments_has_no_comment_form(live_server, page):
    about = Page.objects.create(title="About us", slug="about", body_source="We report on the islands.")
    page.goto(live_server.url + about.get_absolute_url())
    assert page.locator("#commentform").count() == 0
    assert page.locator(".comment-list").count() == 0
