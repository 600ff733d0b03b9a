"""An item that cannot be imported is named and counted, and the import carries on with the rest."""

from __future__ import annotations

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Article

from .conftest import WxrComment, WxrPost

pytestmark = pytest.mark.django_db


def test_a_post_with_no_title_and_no_content_is_skipped_by_name(write_wxr):
    summary = import_wxr(write_wxr([WxrPost(1, title="", content=""), WxrPost(2, title="Fine")]))

    assert summary.skipped == 1
    assert summary.problems == ["post 1 (no title): no title and no content"]
    assert list(Article.objects.values_list("title", flat=True)) == ["Fine"]


def test_comments_on_an_item_that_was_not_imported_are_skipped_by_name(write_wxr):
    summary = import_wxr(
        write_wxr(
            [
                WxrPost(1, title="", content="", comments=[WxrComment(5)]),
                WxrPost(2, post_type="nav_menu_item", comments=[WxrComment(6)]),
                WxrPost(3, title="Fine", comments=[WxrComment(7), WxrComment(8, content="")]),
            ]
        )
    )

    assert Comment.objects.count() == 1
    assert summary.skipped == 4
    assert any(problem.startswith("comment 5 on post 1") for problem in summary.problems)
    assert any(problem.startswith("comment 6 on nav_menu_item 2") for problem in summary.problems)
    assert any(
        problem.startswith("comment 8 on post 3") and "empty" in problem for problem in summary.problems
    )
    assert summary.ignored == {"nav_menu_item": 1}


def test_a_reply_whose_parent_is_missing_becomes_a_top_level_comment(write_wxr):
    import_wxr(write_wxr([WxrPost(1, comments=[WxrComment(5, parent=999)])]))

    assert Comment.objects.get().parent is None
