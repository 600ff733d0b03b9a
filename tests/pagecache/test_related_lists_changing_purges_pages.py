"""When the background refresh changes some articles' "Related articles", their pages are purged, no others."""

from broadsheet.publishing.models import RelatedArticle
from broadsheet.publishing.signals import related_lists_changed


def test_pages_whose_related_lists_changed_are_purged(make_article, warm, reader, committed):
    first, second, third = (
        make_article("Rail strike called"),
        make_article("Rail talks fail"),
        make_article("Bus fares rise"),
    )
    warm(first.get_absolute_url(), second.get_absolute_url(), third.get_absolute_url())

    def refresh():
        RelatedArticle.objects.create(article=first, related=second, rank=1, score=0.8)
        related_lists_changed.send(sender=type(first), article_ids=[first.pk])

    committed(refresh)

    fresh = reader.get(first.get_absolute_url())
    assert fresh["X-Cache"] == "miss"
    assert "Rail talks fail" in fresh.content.decode()
    assert reader.get(second.get_absolute_url())["X-Cache"] == "hit"
    assert reader.get(third.get_absolute_url())["X-Cache"] == "hit"


def test_the_real_refresh_job_purges_through_the_signal(make_article, warm, reader, committed):
    from broadsheet.publishing.related import refresh_related_articles

    story = "The rail union called a strike over pay as talks with the rail operators failed again. " * 10
    first, second = (
        make_article("Rail strike called", body_source=story),
        make_article("Rail talks fail", body_source=story),
    )
    warm(first.get_absolute_url())

    def refresh():
        changed = refresh_related_articles()
        related_lists_changed.send(sender=type(first), article_ids=changed)

    committed(refresh)

    assert "Rail talks fail" in reader.get(first.get_absolute_url()).content.decode()
    assert second
