"""Importing the same export twice changes nothing and duplicates nothing."""

from __future__ import annotations

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.importers.models import ImportRecord, LegacyRedirect, MediaReference
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Article, Author, Page, RelatedArticle, Section, Tag

pytestmark = pytest.mark.django_db

MODELS = (
    Article,
    Page,
    Comment,
    Author,
    Section,
    Tag,
    MediaReference,
    LegacyRedirect,
    ImportRecord,
    RelatedArticle,
)


def snapshot() -> dict:
    return {
        "counts": {model.__name__: model.objects.count() for model in MODELS},
        "articles": dict(Article.objects.values_list("pk", "updated_at")),
        "pages": dict(Page.objects.values_list("pk", "updated_at")),
        "records": dict(ImportRecord.objects.values_list("pk", "updated_at")),
        "comments": dict(Comment.objects.values_list("pk", "content_html")),
    }


def test_the_second_import_of_the_theme_test_data_writes_nothing(theme_unit_test_data):
    first = import_wxr(theme_unit_test_data)
    before = snapshot()

    second = import_wxr(theme_unit_test_data)

    assert snapshot() == before
    assert second.created == second.updated == 0
    assert second.unchanged > 300
    counted = ("articles", "pages", "comments", "authors", "sections", "tags", "attachments", "redirects")
    assert {name: getattr(second, name) for name in counted} == {
        name: getattr(first, name) for name in counted
    }


def test_the_second_import_of_theme_preview_writes_nothing(theme_preview):
    import_wxr(theme_preview)
    before = snapshot()

    import_wxr(theme_preview)

    assert snapshot() == before


def test_what_an_editor_deleted_stays_deleted_and_replies_to_it_still_import(write_wxr):
    from .conftest import WxrComment, WxrPost

    posts = [
        WxrPost(1, title="Kept", comments=[WxrComment(10), WxrComment(11, parent=10)]),
        WxrPost(2, title="Deleted by an editor", comments=[WxrComment(20)]),
    ]
    import_wxr(write_wxr(posts, "first.xml"))
    Article.objects.get(title="Deleted by an editor").delete()
    Comment.objects.get(pk=ImportRecord.objects.get(kind="comment", source_id="10").object_id).delete()

    posts[1].comments.append(WxrComment(21))
    posts[0].comments.append(WxrComment(12, parent=10, content="A late reply."))
    summary = import_wxr(write_wxr(posts, "second.xml"))

    assert not Article.objects.filter(title="Deleted by an editor").exists()
    assert any("deleted in Broadsheet" in note for note in summary.notes)
    assert any(problem.startswith("comment 21 on post 2") for problem in summary.problems)
    late = Comment.objects.get(content="A late reply.")
    assert late.parent is None  # its parent was removed by a moderator
    assert Comment.objects.count() == 1
