"""Editors can see an article's earlier revisions in the admin and restore one."""

from django.utils import timezone
from reversion.models import Version

from broadsheet.publishing.models import Article


def admin_form(article, **changes) -> dict:
    local = timezone.localtime(article.published_at)
    data = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body_format": article.body_format,
        "body_source": article.body_source,
        "section": article.section_id,
        "status": article.status,
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
        "comments_open": "on",
        "featured_image_url": "",
        "featured_image_alt": "",
        "featured_image_caption": "",
        "seo_title": "",
        "seo_description": "",
        "canonical_url": "",
    }
    data.update(changes)
    return data


def test_each_admin_save_is_a_revision_and_an_old_one_can_be_restored(admin_client, make_article):
    article = make_article("Original headline", body_source="First draft.")
    change_url = f"/admin/publishing/article/{article.pk}/change/"
    for title in ["Second headline", "Third headline"]:
        response = admin_client.post(change_url, admin_form(article, title=title))
        assert response.status_code == 302, response.content.decode()[:2000]

    versions = Version.objects.get_for_object(article)
    assert [v.field_dict["title"] for v in versions] == ["Third headline", "Second headline"]
    history = admin_client.get(f"/admin/publishing/article/{article.pk}/history/").content.decode()
    for version in versions:
        assert f"/admin/publishing/article/{article.pk}/history/{version.pk}/" in history

    oldest = versions.last()
    restore_url = f"/admin/publishing/article/{article.pk}/history/{oldest.pk}/"
    assert admin_client.get(restore_url).status_code == 200
    admin_client.post(restore_url, admin_form(article, title=oldest.field_dict["title"]))

    assert Article.objects.get(pk=article.pk).title == "Second headline"
