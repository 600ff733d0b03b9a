"""A dry run does the whole import, reports what it would bring in, and leaves the database as it was."""

from __future__ import annotations

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.importers.models import ImportRecord, LegacyRedirect
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Article, Author, Page, Section, Tag

pytestmark = pytest.mark.django_db


def test_a_dry_run_counts_what_would_be_imported_and_writes_nothing(theme_unit_test_data):
    summary = import_wxr(theme_unit_test_data, dry_run=True)

    assert summary.dry_run
    assert (summary.articles, summary.pages, summary.comments, summary.attachments) == (58, 21, 33, 37)
    for model in (Article, Page, Comment, Author, Section, Tag, ImportRecord, LegacyRedirect):
        assert not model.objects.exists(), model.__name__
