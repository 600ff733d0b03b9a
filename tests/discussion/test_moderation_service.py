"""`moderate` is the only way a comment changes state, and it tells listeners after the change is committed."""

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.discussion.services import Action, moderate
from broadsheet.discussion.signals import comment_moderated


@pytest.fixture
def heard():
    calls = []

    def listener(sender, **kwargs):
        calls.append(kwargs)

    comment_moderated.connect(listener)
    yield calls
    comment_moderated.disconnect(listener)


def test_approving_held_comments_publishes_them_and_announces_it(
    make_article, make_comment, heard, admin_user, django_capture_on_commit_callbacks
):
    article = make_article()
    held = [make_comment(article, status=Comment.Status.PENDING) for _ in range(2)]

    with django_capture_on_commit_callbacks(execute=True):
        changed = moderate(Comment.objects.filter(pk__in=[c.pk for c in held]), Action.APPROVE, by=admin_user)

    assert changed == 2
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
    assert len(heard) == 1
    assert heard[0]["old_status"] == "pending" and heard[0]["new_status"] == "approved"
    assert heard[0]["action"] == "approve" and heard[0]["by"] == admin_user
    assert {c.pk for c in heard[0]["comments"]} == {c.pk for c in held}


def test_one_signal_per_previous_state(make_article, make_comment, heard, django_capture_on_commit_callbacks):
    article = make_article()
    comments = [make_comment(article, status="pending"), make_comment(article, status="approved")]

    with django_capture_on_commit_callbacks(execute=True):
        moderate(comments, "spam")

    assert sorted(call["old_status"] for call in heard) == ["approved", "pending"]


def test_nothing_is_announced_when_nothing_changes(
    make_article, make_comment, heard, django_capture_on_commit_callbacks
):
    comment = make_comment(make_article(), status="approved")

    with django_capture_on_commit_callbacks(execute=True):
        assert moderate(comment, Action.APPROVE) == 0

    assert heard == []


def test_deleting_removes_the_rows_and_reports_their_ids(
    make_article, make_comment, heard, django_capture_on_commit_callbacks
):
    comment = make_comment(make_article(), status="spam")

    with django_capture_on_commit_callbacks(execute=True):
        moderate(comment, Action.DELETE)

    assert not Comment.objects.exists()
    assert heard[0]["new_status"] == "deleted" and heard[0]["comments"][0].pk == comment.pk


def test_an_unknown_action_is_refused(make_article, make_comment):
    with pytest.raises(ValueError):
        moderate(make_comment(make_article()), "publish")
