"""The small theme-preview export: no post ids or GMT dates, categories without domains; it still imports."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Article

pytestmark = pytest.mark.django_db


def test_every_post_and_comment_arrives(theme_preview):
    summary = import_wxr(theme_preview)

    assert summary.articles == 7 and summary.comments == 2 and summary.skipped == 0
    assert Comment.objects.filter(status=Comment.Status.APPROVED).count() == 2


def test_ids_come_from_the_shortlink_and_dates_from_the_local_time(theme_preview):
    import_wxr(theme_preview)

    boat = Article.objects.get(title="Worth A Thousand Words")
    assert boat.published_at == datetime(2008, 10, 17, 4, 33, 51, tzinfo=UTC)
    assert boat.section.name == "Uncategorized"
    assert set(boat.tags.values_list("name", flat=True)) == {"boat", "lake"}
    assert "<figure" in boat.body_html and "<figcaption>Boat</figcaption>" in boat.body_html
