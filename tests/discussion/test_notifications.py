"""Moderators, the article's authors and opted-in commenters get emails from a background job, each with a
signed unsubscribe link that works."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from broadsheet.discussion.models import Comment, NotificationOptOut
from broadsheet.discussion.services import Action, moderate


@pytest.fixture
def moderator(db):
    return get_user_model().objects.create_user("mod", "moderator@example.com", "pw", is_staff=True)


def link_in(message, label: str) -> str:
    return re.search(rf"{label}: (http\S+)", message.body).group(1)


def test_a_held_comment_mails_moderators_and_authors_with_approve_and_spam_links(
    make_article, make_author, moderator, post_comment_form, django_capture_on_commit_callbacks
):
    article = make_article("Rail fares rise", authors=[make_author("Ada", email="ada@newsroom.example")])

    with django_capture_on_commit_callbacks(execute=True):
        post_comment_form(article, content="Fares are already too high for commuters.")

    assert sorted(message.to[0] for message in mail.outbox) == [
        "ada@newsroom.example",
        "moderator@example.com",
    ]
    message = mail.outbox[0]
    assert "Please moderate" in message.subject and "Rail fares rise" in message.subject
    assert "Fares are already too high" in message.body
    assert "jo@example.org" not in message.body  # the commenter's address is for the admin only
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link_in(message, "Approve it") and link_in(message, "Mark it as spam")


def test_the_approve_link_asks_then_approves(
    make_article, moderator, post_comment_form, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment_form(make_article())
    approve = link_in(mail.outbox[0], "Approve it").removeprefix("http://127.0.0.1:8000")

    assert client.get(approve).status_code == 200
    assert Comment.objects.get().status == "pending"  # a mail scanner following the link changes nothing
    client.post(approve)
    assert Comment.objects.get().status == "approved"


def test_the_unsubscribe_link_stops_further_emails(
    make_article, moderator, post_comment_form, client, settings, django_capture_on_commit_callbacks
):
    settings.COMMENT_FLOOD_SECONDS = 0
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment_form(article)
    client.post(link_in(mail.outbox[0], "Stop these emails").removeprefix("http://127.0.0.1:8000"))
    assert NotificationOptOut.objects.filter(email="moderator@example.com").exists()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post_comment_form(article, content="A second thought.", author_email="other@example.org")

    assert mail.outbox == []


def test_a_reply_mails_the_commenter_who_asked_once_it_is_approved(
    make_article, make_comment, post_comment_form, client, django_capture_on_commit_callbacks
):
    article = make_article("Election night")
    parent = make_comment(article, author_email="asker@example.org", notify_replies=True)

    with django_capture_on_commit_callbacks(execute=True):
        post_comment_form(article, parent=parent.pk, content="Here is the answer you wanted.")
    assert [m.to for m in mail.outbox] == []  # held replies tell nobody yet (no staff here)

    reply = Comment.objects.get(parent=parent)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(reply, Action.APPROVE)
        moderate(reply, Action.HOLD)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(Comment.objects.filter(pk=reply.pk), Action.APPROVE)

    assert [m.to for m in mail.outbox] == [["asker@example.org"]]  # once, however often it is approved
    message = mail.outbox[0]
    assert "Jo Reader replied" in message.subject and "Here is the answer you wanted." in message.body

    client.post(link_in(message, "Stop these emails").removeprefix("http://127.0.0.1:8000"))
    assert not Comment.objects.get(pk=parent.pk).notify_replies


def test_no_reply_email_without_consent(
    make_article, make_comment, post_comment_form, django_capture_on_commit_callbacks
):
    article = make_article()
    parent = make_comment(article, notify_replies=False)
    make_comment(
        article, author_email="jo@example.org", author_name="Jo Reader"
    )  # trusted: published at once

    with django_capture_on_commit_callbacks(execute=True):
        post_comment_form(article, parent=parent.pk, content="A reply nobody asked to hear about.")

    assert mail.outbox == []


def test_nothing_is_sent_inside_the_request(make_article, moderator, post_comment_form):
    post_comment_form(make_article())  # the transaction never commits in this test, so no job is enqueued

    assert mail.outbox == []
