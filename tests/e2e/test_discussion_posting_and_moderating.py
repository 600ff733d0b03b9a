"""A reader comments, sees the awaiting-moderation notice, a moderator approves it in the admin, and it is live."""

import pytest

from broadsheet.discussion.models import Comment
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e


def fill_comment_form(page, *, name: str, email: str, text: str) -> None:
    page.get_by_label("Comment *").fill(text)
    page.get_by_label("Name *").fill(name)
    page.get_by_label("Email *").fill(email)


def test_a_held_comment_is_approved_in_the_admin_and_published(
    live_server, page, screenshot, make_article, admin_user
):
    article = make_article("Council approves the new library")
    page.goto(live_server.url + article.get_absolute_url())
    assert page.get_by_role("link", name="Leave a comment").is_visible()
    assert page.get_by_text(
        "Your email address will not be published. Required fields are marked"
    ).is_visible()
    assert page.get_by_role("link", name="Learn how your comment data is processed").is_visible()

    fill_comment_form(
        page, name="Nadia Reader", email="nadia@example.org", text="About time. The old one leaked."
    )
    page.get_by_role("button", name="Post Comment").click()

    page.wait_for_url("**unapproved=*")
    held = page.locator(".comment--held")
    assert "About time. The old one leaked." in held.inner_text()
    assert "Your comment is awaiting moderation." in held.inner_text()
    screenshot("held")

    admin = page.context.browser.new_context().new_page()  # the moderator, in another browser
    admin.goto(live_server.url + "/admin/login/")
    admin.get_by_label("Username").fill(admin_user.username)
    admin.get_by_label("Password").fill("password")
    admin.get_by_role("button", name="Log in").click()
    admin.goto(live_server.url + "/admin/discussion/comment/?status__exact=pending")
    assert admin.get_by_role("link", name="Pending (1)").is_visible()
    admin.locator("input.action-select").first.check()
    admin.locator("select[name=action]").select_option("approve")
    admin.locator("button[name=index]").click()
    assert "1 comment approved." in admin.locator(".messagelist").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    admin.screenshot(path=str(ARTIFACTS / "discussion-admin-queue.png"), full_page=True)
    admin.context.close()

    page.goto(live_server.url + article.get_absolute_url())
    published = page.locator(f"#comment-{Comment.objects.get().pk}")
    assert "About time. The old one leaked." in published.inner_text()
    assert "awaiting moderation" not in published.inner_text()
    assert page.locator(".comment-link").inner_text() == "1 comment"
    screenshot("published")
