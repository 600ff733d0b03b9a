"""A standalone page can carry a discussion, as WordPress pages can: closed on a new page, open when the
editor (or the imported page's comment_status) says so, and then posted to, moderated, mailed, fed and
exported like an article's."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from broadsheet.discussion.models import Comment
from broadsheet.discussion.privacy import export_commenter
from broadsheet.publishing.models import Page

CHANGELIST = "/admin/discussion/comment/"


@pytest.fixture
def open_page(db):
    return Page.objects.create(
        title="Corrections policy", slug="corrections", body_source="How we correct.", comments_open=True
    )


def test_a_new_page_is_closed_to_comments_and_shows_no_comment_section(client, db):
    page = Page.objects.create(title="About us", slug="about", body_source="Who we are.")

    html = client.get(page.get_absolute_url()).content.decode()

    assert not page.comments_open  # WordPress's default for new pages
    assert 'id="comments"' not in html and 'id="commentform"' not in html
    assert "Comments are closed." not in html


def test_an_open_page_shows_the_form_and_its_approved_thread(client, open_page, make_comment):
    make_comment(open_page, "Thank you for publishing this.", author_name="Sam")
    make_comment(open_page, "Awaiting a moderator.", status=Comment.Status.PENDING)

    html = client.get(open_page.get_absolute_url()).content.decode()

    assert "One comment on “Corrections policy”" in html
    assert "Thank you for publishing this." in html and "Awaiting a moderator." not in html
    assert "Leave a Reply" in html
    assert f'<input type="hidden" name="page" value="{open_page.pk}">' in html
    assert f'href="/comments/feed/page/{open_page.pk}/"' in html


def test_a_closed_page_keeps_showing_the_comments_it_has(client, open_page, make_comment):
    make_comment(open_page, "Said while it was open.")
    open_page.comments_open = False
    open_page.save()

    html = client.get(open_page.get_absolute_url()).content.decode()

    assert "Said while it was open." in html and "Comments are closed." in html
    assert 'id="commentform"' not in html


def test_a_reader_posts_a_comment_on_a_page(open_page, make_comment, post_comment_form):
    make_comment(open_page, author_email="jo@example.org", author_name="Jo Reader")  # a trusted commenter

    response = post_comment_form(open_page, content="Clear and fair: thank you for writing it down.")

    comment = Comment.objects.latest("id")
    assert comment.page == open_page and comment.article is None
    assert comment.status == Comment.Status.APPROVED
    assert comment.spam_reasons  # screened like any comment
    assert response.status_code == 303
    assert response["Location"] == f"{open_page.get_absolute_url()}#comment-{comment.pk}"
    page_html = response.client.get(open_page.get_absolute_url()).content.decode()
    assert "Clear and fair: thank you for writing it down." in page_html


def test_a_first_comment_on_a_page_is_held_and_shown_to_its_author_only(open_page, post_comment_form, client):
    response = post_comment_form(open_page)

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert response["Location"].startswith(f"{open_page.get_absolute_url()}?unapproved={comment.pk}")
    assert "awaiting moderation" in client.get(response["Location"]).content.decode()


def test_posting_to_a_closed_or_unpublished_page_is_refused(open_page, post_comment_form):
    open_page.comments_open = False
    open_page.save()
    assert post_comment_form(open_page).status_code == 403

    open_page.comments_open, open_page.is_published = True, False
    open_page.save()
    assert post_comment_form(open_page).status_code == 404
    assert not Comment.objects.exists()


def test_a_reply_must_answer_a_comment_on_the_same_page(
    open_page, make_article, make_comment, post_comment_form
):
    elsewhere = make_comment(make_article())

    response = post_comment_form(open_page, parent=elsewhere.pk)

    assert response.status_code == 400
    assert not Comment.objects.filter(page=open_page).exists()


def test_the_page_thread_is_one_query_however_many_comments(client, open_page, make_comment, settings):
    settings.PAGE_CACHE_ENABLED = False

    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(open_page.get_absolute_url()).status_code == 200
        return len(captured)

    queries_for_page()  # the first visit also reads the cached discussion settings
    empty = queries_for_page()
    parent = make_comment(open_page)
    for _ in range(10):
        parent = make_comment(open_page, parent=parent)

    assert queries_for_page() == empty


def test_a_comment_is_under_exactly_one_article_or_page(open_page, make_article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(author_name="Nobody", content="Under nothing.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(
            article=make_article(), page=open_page, author_name="Both", content="Under both."
        )


def test_page_comments_wait_in_the_admin_queue(admin_client, open_page, make_comment):
    held = make_comment(open_page, "Please correct the date.", status=Comment.Status.PENDING)

    response = admin_client.get(CHANGELIST + "?status__exact=pending")
    html = response.content.decode()

    assert list(response.context["cl"].result_list) == [held]
    assert "Corrections policy (page)" in html
    assert f'href="{open_page.get_absolute_url()}#comment-{held.pk}"' in html
    admin_client.post(CHANGELIST, {"action": "approve", "_selected_action": [held.pk]})
    held.refresh_from_db()
    assert held.is_approved


def test_an_editor_replies_to_a_page_comment_from_the_admin(admin_client, open_page, make_comment):
    parent = make_comment(open_page, "Who decides on corrections?")

    admin_client.post(f"{CHANGELIST}{parent.pk}/reply/", {"content": "The editor, within a day."})

    reply = Comment.objects.get(parent=parent)
    assert reply.page == open_page and reply.is_approved and reply.is_by_editor


def test_a_page_comment_mails_the_moderators(
    open_page, post_comment_form, django_capture_on_commit_callbacks
):
    get_user_model().objects.create_user("mod", "moderator@example.com", "pw", is_staff=True)

    with django_capture_on_commit_callbacks(execute=True):
        post_comment_form(open_page, content="The policy should mention photographs too.")

    [message] = mail.outbox
    assert message.to == ["moderator@example.com"]
    assert "Corrections policy" in message.subject
    assert "A new comment on “Corrections policy” is waiting for your approval." in message.body


def test_page_comments_are_in_the_page_feed_and_the_site_feed(
    client, open_page, make_comment, django_capture_on_commit_callbacks
):
    make_comment(open_page, "Fed to readers.", author_name="Kim")

    page_feed = client.get(f"/comments/feed/page/{open_page.pk}/").content.decode()
    site_feed = client.get("/comments/feed/").content.decode()

    assert "Fed to readers." in page_feed and "Kim on “Corrections policy”" in site_feed
    assert "@example.org" not in page_feed + site_feed
    open_page.is_published = False
    with django_capture_on_commit_callbacks(execute=True):
        open_page.save()
    assert client.get(f"/comments/feed/page/{open_page.pk}/").status_code == 404
    assert "Fed to readers." not in client.get("/comments/feed/").content.decode()


def test_a_commenters_page_comments_are_exported(open_page, make_comment):
    make_comment(open_page, "Mine.", author_email="kim@example.org")

    [exported] = export_commenter("kim@example.org")["comments"]

    assert exported["page"] == "Corrections policy"
    assert exported["page_url"].endswith(open_page.get_absolute_url())
    assert "article" not in exported
    json.dumps(exported)
