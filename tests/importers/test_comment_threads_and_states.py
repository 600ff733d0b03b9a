"""The theme test data's 33 comments: threads, moderation states, pingbacks and trackbacks, dates and IPs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.importers.models import ImportRecord
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Page

pytestmark = pytest.mark.django_db


def comment(comment_id: str) -> Comment:
    return Comment.objects.get(pk=ImportRecord.objects.get(kind="comment", source_id=comment_id).object_id)


def test_all_33_comments_are_stored_28_on_posts_and_5_on_pages(theme_unit_test_data):
    summary = import_wxr(theme_unit_test_data)

    assert Comment.objects.count() == summary.comments == 33
    assert Comment.objects.filter(article__isnull=False).count() == 28
    assert Comment.objects.filter(page__isnull=False).count() == 5
    assert not [problem for problem in summary.problems if "comment" in problem]


def test_comments_on_pages_keep_their_page_thread_and_state(theme_unit_test_data):
    import_wxr(theme_unit_test_data)

    with_comments = Page.objects.get(title="Page with comments")
    assert with_comments.comments_open  # wp:comment_status open
    assert with_comments.comments.count() == 4
    reply = comment("1017")
    assert reply.page == with_comments and reply.parent == comment("168") and reply.depth == 2
    assert reply.status == Comment.Status.PENDING
    assert comment("167").status == Comment.Status.APPROVED
    assert comment("1016").page.title == "a Blog page"
    assert comment("1016").status == Comment.Status.PENDING


def test_threads_keep_their_parents_and_depths(theme_unit_test_data):
    import_wxr(theme_unit_test_data)

    replies = Comment.objects.filter(parent__isnull=False)
    assert replies.count() == 10  # nine on posts, one on a page
    for reply in replies:
        assert (reply.article_id, reply.page_id) == (reply.parent.article_id, reply.parent.page_id)
        assert reply.depth == reply.parent.depth + 1
    assert Comment.objects.filter(depth__gte=3).exists()  # the nested thread on "Template: Comments"


def test_moderation_states_and_types_come_across(theme_unit_test_data):
    import_wxr(theme_unit_test_data)

    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 3  # two of them on pages
    assert Comment.objects.filter(comment_type=Comment.Type.PINGBACK).count() == 2
    assert Comment.objects.filter(comment_type=Comment.Type.TRACKBACK).count() == 2
    assert Comment.objects.exclude(status__in=[Comment.Status.APPROVED, Comment.Status.PENDING]).count() == 0


def test_dates_authors_and_addresses_are_kept_without_being_screened(theme_unit_test_data):
    import_wxr(theme_unit_test_data)

    first = Comment.objects.order_by("created_at").first()
    assert first.created_at < datetime(2014, 1, 1, tzinfo=UTC)
    assert not Comment.objects.exclude(ip=None).exists()  # the export has none, so none is invented
    assert Comment.objects.exclude(author_email="").exists()
    assert not Comment.objects.exclude(spam_decision="").exists()  # imported as they were, never scored
    assert all(c.content_html.startswith(("<p>", "<blockquote>")) for c in Comment.objects.all())


def test_importing_comments_sends_no_email(theme_unit_test_data, mailoutbox):
    import_wxr(theme_unit_test_data)

    assert mailoutbox == []


def test_a_wordpress_comment_state_maps_to_its_broadsheet_state(write_wxr):
    from .conftest import WxrComment, WxrPost

    path = write_wxr(
        [
            WxrPost(
                1,
                comments=[
                    WxrComment(11, approved="1"),
                    WxrComment(12, approved="0"),
                    WxrComment(13, approved="spam"),
                    WxrComment(14, approved="trash"),
                    WxrComment(15, parent=11, comment_type="pingback"),
                ],
            )
        ]
    )
    import_wxr(path)

    assert comment("11").status == Comment.Status.APPROVED
    assert comment("12").status == Comment.Status.PENDING
    assert comment("13").status == Comment.Status.SPAM
    assert comment("14").status == Comment.Status.TRASH
    assert comment("15").parent == comment("11")
    assert comment("15").comment_type == Comment.Type.PINGBACK
    assert comment("11").ip == "203.0.113.9"
