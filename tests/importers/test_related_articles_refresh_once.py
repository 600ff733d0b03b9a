"""After an import, related-article lists are computed once for the whole site, not once per article."""

from __future__ import annotations

import pytest

from broadsheet.importers import services
from broadsheet.publishing.models import RelatedArticle

pytestmark = pytest.mark.django_db


def test_the_refresh_runs_once_and_fills_the_lists(theme_unit_test_data, monkeypatch):
    calls = []
    refresh = services.refresh_related_articles
    monkeypatch.setattr(services, "refresh_related_articles", lambda: calls.append(1) or refresh())

    summary = services.import_wxr(theme_unit_test_data, related_now=True)

    assert calls == [1]
    assert RelatedArticle.objects.exists()
    assert summary.related_seconds > 0


def test_a_second_identical_import_has_nothing_to_refresh(theme_unit_test_data, monkeypatch):
    services.import_wxr(theme_unit_test_data)
    calls = []
    monkeypatch.setattr(services, "refresh_related_articles", lambda: calls.append(1) or set())

    services.import_wxr(theme_unit_test_data)

    assert calls == []


def test_by_default_the_refresh_is_queued_for_the_worker(theme_preview, monkeypatch):
    queued = []

    class QueuedTask:
        def enqueue(self):
            queued.append(1)

    monkeypatch.setattr(services, "refresh_related_lists", QueuedTask())
    monkeypatch.setattr(services, "refresh_related_articles", lambda: pytest.fail("ran in the import"))

    services.import_wxr(theme_preview)

    assert queued == [1]
