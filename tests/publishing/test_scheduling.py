from datetime import timedelta

from django.utils import timezone

from broadsheet.publishing.models import Article


def test_a_future_publish_time_schedules_the_article(make_article):
    article = make_article(published_at=timezone.now() + timedelta(hours=2))
    assert article.status == Article.Status.SCHEDULED
    assert article.is_scheduled and not article.is_published
    assert article not in Article.objects.published()


def test_a_scheduled_article_appears_when_its_time_comes_without_any_job(make_article):
    article = make_article(published_at=timezone.now() + timedelta(hours=2))
    assert article in Article.objects.published(now=timezone.now() + timedelta(hours=3))


def test_drafts_are_never_published(make_article):
    article = make_article(status=Article.Status.DRAFT, published_at=timezone.now() - timedelta(days=1))
    assert article not in Article.objects.published()


def test_scheduled_article_page_is_hidden_until_its_time(client, make_article):
    article = make_article(published_at=timezone.now() + timedelta(hours=2))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editors_can_preview_unpublished_articles(admin_client, client, make_article):
    article = make_article("Embargoed story", status=Article.Status.DRAFT)
    preview = admin_client.get(f"/preview/{article.pk}/")
    assert preview.status_code == 200 and b"Embargoed story" in preview.content
    assert preview["X-Robots-Tag"] == "noindex"
    assert client.get(f"/preview/{article.pk}/").status_code == 302  # to the login page
