"""Moderators work the queue in the admin: counts per state, bulk actions, history, reasons, reply, privacy."""

import json

from django.core import mail

from broadsheet.discussion.models import Comment, DiscussionSettings

CHANGELIST = "/admin/discussion/comment/"


def test_the_queue_shows_counts_per_state(make_article, make_comment, admin_client):
    article = make_article()
    for status, count in (("pending", 2), ("approved", 3), ("spam", 1)):
        for _ in range(count):
            make_comment(article, status=status)

    html = admin_client.get(CHANGELIST).content.decode()

    assert "Pending (2)" in html and "Approved (3)" in html and "Spam (1)" in html and "Trash (0)" in html
    assert admin_client.get(CHANGELIST + "?status__exact=pending").context["cl"].result_count == 2


def test_bulk_actions_go_through_moderate(
    make_article, make_comment, admin_client, django_capture_on_commit_callbacks
):
    article = make_article()
    held = [make_comment(article, status="pending") for _ in range(3)]

    for action, expected in (("approve", "approved"), ("mark_spam", "spam"), ("move_to_trash", "trash")):
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(CHANGELIST, {"action": action, "_selected_action": [c.pk for c in held[:2]]})
        assert sorted(Comment.objects.values_list("status", flat=True)) == sorted(
            [expected, expected, "pending"]
        )

    admin_client.post(CHANGELIST, {"action": "delete_for_good", "_selected_action": [held[0].pk]})
    assert Comment.objects.count() == 2


def test_the_change_page_shows_the_authors_history_and_the_verdict(make_article, make_comment, admin_client):
    article = make_article()
    make_comment(article, author_email="pat@example.org")
    make_comment(article, author_email="pat@example.org", status="spam")
    comment = make_comment(
        article, author_email="pat@example.org", status="pending", spam_score=0.61, spam_decision="hold",
        spam_reasons=[{"code": "link_count", "weight": 1.5, "message": "The comment contains 3 links."}],
    )  # fmt: skip

    html = admin_client.get(f"{CHANGELIST}{comment.pk}/change/").content.decode()

    assert "1 approved, 1 spam" in html
    assert "The comment contains 3 links." in html
    assert "Reply as the editor" in html


def test_editing_keeps_the_state_and_rerenders_the_text(make_article, make_comment, admin_client):
    comment = make_comment(make_article(), "Typo here.", status="pending")

    admin_client.post(f"{CHANGELIST}{comment.pk}/change/", {
        "author_name": comment.author_name, "author_email": comment.author_email, "author_url": "",
        "content": "No *typo* here.",
    })  # fmt: skip

    comment.refresh_from_db()
    assert comment.content_html == "<p>No <em>typo</em> here.</p>"
    assert comment.status == "pending" and comment.edited_at is not None


def test_an_editor_replies_from_the_admin(make_article, make_comment, admin_client, admin_user):
    article = make_article()
    parent = make_comment(article, status="pending")

    response = admin_client.post(
        f"{CHANGELIST}{parent.pk}/reply/", {"content": "Thanks, we have corrected it."}
    )

    reply = Comment.objects.get(parent=parent)
    assert response.status_code == 302
    assert reply.status == "approved" and reply.user == admin_user
    parent.refresh_from_db()
    assert parent.status == "approved"  # replying to a held comment approves it


def test_export_and_erase_as_admin_actions(make_article, make_comment, admin_client):
    comment = make_comment(make_article(), "Hello.", author_email="pat@example.org", ip="192.0.2.1")

    exported = admin_client.post(CHANGELIST, {"action": "export_data", "_selected_action": [comment.pk]})
    assert json.loads(exported.content)[0]["comments"][0]["ip_address"] == "192.0.2.1"

    admin_client.post(CHANGELIST, {"action": "erase_data", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.author_name == "Anonymous" and comment.author_email == "" and comment.ip is None


def test_discussion_settings_are_one_editable_row(admin_client, db):
    response = admin_client.get("/admin/discussion/discussionsettings/")
    assert response.status_code == 302 and response["Location"].endswith("/1/change/")

    admin_client.post("/admin/discussion/discussionsettings/1/change/", {
        "hold_first_time_commenters": "on", "close_after_days": 30, "max_links_before_hold": 4,
        "moderation_words": "", "blocked_words": "casino",
    })  # fmt: skip

    current = DiscussionSettings.current()
    assert current.close_after_days == 30 and current.blocked_word_list == ("casino",)
    assert mail.outbox == []
