"""Replying builds a thread (with and without JavaScript), and an invalid form keeps what the reader typed."""

import pytest

from broadsheet.discussion.models import Comment
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e


@pytest.fixture
def conversation(make_article, settings):
    settings.COMMENT_FLOOD_SECONDS = 0
    article = make_article("Schools to open longer hours")
    first = Comment.objects.create(
        article=article, author_name="Ola", author_email="ola@example.org", status="approved",
        content="Parents have asked for this for years.",
    )  # fmt: skip
    # The replier has commented here before and was approved, so their reply is published at once.
    Comment.objects.create(
        article=article, author_name="Ben", author_email="ben@example.org", status="approved",
        content="Good news for working families.",
    )  # fmt: skip
    return article, first


def reply_as_ben(page, text: str) -> None:
    page.get_by_label("Comment *").fill(text)
    page.get_by_label("Name *").fill("Ben")
    page.get_by_label("Email *").fill("ben@example.org")
    page.get_by_role("button", name="Post Comment").click()


def test_a_reply_appears_under_its_parent(live_server, page, screenshot, conversation):
    article, first = conversation
    page.goto(live_server.url + article.get_absolute_url())

    page.locator(f"#comment-{first.pk} .comment-reply-link").click()
    assert page.locator("#reply-title").inner_text().startswith("Reply to Ola")
    assert page.locator(f"#comment-{first.pk} #commentform").count() == 1  # the form moved under the comment
    reply_as_ben(page, "And teachers will need the extra staff to match.")

    page.wait_for_url("**#comment-*")
    reply = Comment.objects.latest("id")
    assert reply.parent_id == first.pk and reply.is_approved
    nested = page.locator(f"#comment-{first.pk} .comment-list--replies #comment-{reply.pk}")
    assert "And teachers will need the extra staff to match." in nested.inner_text()
    screenshot("thread")


def test_replying_works_without_javascript(live_server, browser, conversation):
    article, first = conversation
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url())

    page.locator(f"#comment-{first.pk} .comment-reply-link").click()
    page.wait_for_url("**replytocom=*")
    assert page.locator("#reply-title").inner_text().startswith("Reply to Ola")
    reply_as_ben(page, "Replying from a browser with scripts switched off.")

    page.wait_for_url(f"**{article.get_absolute_url()}#comment-*")
    reply = Comment.objects.latest("id")
    assert reply.parent_id == first.pk
    assert page.locator(f"#comment-{first.pk} .comment-list--replies #comment-{reply.pk}").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "discussion-no-javascript.png"), full_page=True)
    context.close()


def test_an_invalid_form_keeps_the_typed_text(live_server, page, screenshot, make_article):
    article = make_article("Bridge closes for repairs")
    page.goto(live_server.url + article.get_absolute_url())

    page.get_by_label("Comment *").fill("The detour adds twenty minutes to my commute.")
    page.get_by_label("Name *").fill("Priya")
    page.get_by_label("Email *").fill("priya@nodot")  # the browser accepts it; the server does not
    page.get_by_label("Website").fill("https://priya.example")
    page.get_by_label("Notify me of replies by email").check()
    page.get_by_role("button", name="Post Comment").click()

    page.wait_for_url("**/comments/post/")
    assert page.get_by_label("Comment *").input_value() == "The detour adds twenty minutes to my commute."
    assert page.get_by_label("Name *").input_value() == "Priya"
    assert page.get_by_label("Website").input_value() == "https://priya.example"
    assert page.get_by_label("Notify me of replies by email").is_checked()
    email = page.get_by_label("Email *")
    assert email.get_attribute("aria-invalid") == "true"
    assert page.locator("#email-error").inner_text() == "Please enter a valid email address."
    screenshot("errors")
    assert not Comment.objects.exists()
