"""A newer export of the same site updates what changed in place, and leaves the rest untouched."""

from __future__ import annotations

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.importers.models import ImportRecord
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Article

from .conftest import WxrComment, WxrPost

pytestmark = pytest.mark.django_db


def article(post_id: int) -> Article:
    return Article.objects.get(pk=ImportRecord.objects.get(kind="article", source_id=str(post_id)).object_id)


def test_a_changed_post_is_updated_and_an_unchanged_one_is_not_touched(write_wxr):
    posts = [
        WxrPost(1, title="Council votes on budget", slug="council-budget", comments=[WxrComment(10)]),
        WxrPost(2, title="Harbour reopens", slug="harbour-reopens"),
    ]
    import_wxr(write_wxr(posts, "first.xml"))
    untouched = article(2).updated_at
    first_pk = article(1).pk

    posts[0].title = "Council passes budget"
    posts[0].content = "The vote was close.\n\nIt passed by one."
    posts[0].comments.append(WxrComment(11, parent=10, content="Good news."))
    summary = import_wxr(write_wxr(posts, "second.xml"))

    changed = article(1)
    assert changed.pk == first_pk
    assert changed.title == "Council passes budget"
    assert "It passed by one." in changed.body_html
    assert changed.slug == "council-budget"
    assert article(2).updated_at == untouched
    assert Article.objects.count() == 2
    assert Comment.objects.count() == 2
    assert Comment.objects.get(content="Good news.").parent.content == "A thoughtful reply."
    assert summary.updated == 1 and summary.created == 1  # the post, and the new reply


def test_a_post_moved_to_draft_in_the_newer_export_stops_being_public(write_wxr):
    posts = [WxrPost(1, title="Premature story")]
    import_wxr(write_wxr(posts, "first.xml"))
    assert article(1).is_published

    posts[0].status = "draft"
    import_wxr(write_wxr(posts, "second.xml"))

    assert article(1).status == Article.Status.DRAFT
