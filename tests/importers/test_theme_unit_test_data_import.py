"""Importing WordPress's official theme unit test data: every released post with its status, date and slug."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import unquote

import pytest
from django.utils.text import slugify
from lxml import etree

from broadsheet.discussion.models import Comment
from broadsheet.importers.models import ImportRecord, MediaReference
from broadsheet.importers.services import import_wxr
from broadsheet.publishing.models import Article, Author, Page, Section

pytestmark = pytest.mark.django_db(transaction=False)


def posts_in(path) -> list[dict]:
    """The export's posts read plainly with lxml, independently of the importer under test."""
    root = etree.parse(str(path)).getroot()
    wp = root.nsmap["wp"]
    posts = []
    for item in root.iter("item"):
        if item.findtext(f"{{{wp}}}post_type") != "post":
            continue
        gmt = item.findtext(f"{{{wp}}}post_date_gmt")
        local = item.findtext(f"{{{wp}}}post_date")
        when = local if gmt.startswith("0000") else gmt
        posts.append(
            {
                "id": item.findtext(f"{{{wp}}}post_id"),
                "status": item.findtext(f"{{{wp}}}status"),
                "slug": item.findtext(f"{{{wp}}}post_name"),
                "title": item.findtext("title"),
                "password": item.findtext(f"{{{wp}}}post_password") or "",
                "date": datetime.strptime(when, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC),
            }
        )
    return posts


def imported_article(post_id: str) -> Article:
    record = ImportRecord.objects.get(kind="article", source_id=post_id)
    return Article.objects.get(pk=record.object_id)


def test_every_published_and_scheduled_post_arrives_with_its_status_date_and_slug(theme_unit_test_data):
    import_wxr(theme_unit_test_data)

    released = [post for post in posts_in(theme_unit_test_data) if post["status"] in ("publish", "future")]
    assert len(released) == 57
    for post in released:
        article = imported_article(post["id"])
        assert article.published_at == post["date"], post["title"]
        assert article.slug == slugify(unquote(post["slug"]), allow_unicode=True), post["title"]
        if post["password"]:
            assert article.status == Article.Status.DRAFT  # protected content never becomes public
        elif post["status"] == "future" or post["date"] > datetime.now(UTC):
            assert article.status == Article.Status.SCHEDULED
            assert article.is_scheduled
        else:
            assert article.status == Article.Status.PUBLISHED
            assert article.is_published


def test_drafts_are_imported_but_not_public(theme_unit_test_data):
    import_wxr(theme_unit_test_data)

    drafts = [post for post in posts_in(theme_unit_test_data) if post["status"] == "draft"]
    assert drafts
    for post in drafts:
        assert imported_article(post["id"]).status == Article.Status.DRAFT
    assert not Article.objects.published().filter(status=Article.Status.DRAFT).exists()


def test_edge_case_titles_keep_their_characters_and_a_missing_title_is_named_from_the_text(
    theme_unit_test_data,
):
    import_wxr(theme_unit_test_data)

    special = Article.objects.get(slug="title-with-special-characters")
    assert special.title == "Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>"
    long_title = Article.objects.get(title__startswith="Taumatawhakatangihangakoauau")
    assert len(long_title.title) > 80
    untitled = Article.objects.get(slug="edge-case-no-title")
    assert untitled.title.startswith("This post has no title")


def test_bodies_go_through_the_same_sanitising_and_reading_time_as_written_articles(theme_unit_test_data):
    import_wxr(theme_unit_test_data)

    for article in Article.objects.all():
        assert "<script" not in article.body_html
        assert "<!-- wp:" not in article.body_html
        assert article.reading_time_minutes >= 1
    formatting = Article.objects.get(slug="markup-html-tags-and-formatting")
    assert formatting.word_count > 500
    assert "<p>" in formatting.body_html  # WordPress's automatic paragraphs were applied


def test_shortcodes_become_figures_and_links_and_unknown_ones_stay_visible(theme_unit_test_data):
    import_wxr(theme_unit_test_data)

    captions = Article.objects.get(slug="markup-image-alignment")
    assert "<figure>" in captions.body_html and "<figcaption>" in captions.body_html
    assert "[caption" not in captions.body_html
    gallery = Article.objects.get(slug="post-format-gallery")
    assert gallery.body_html.count("<img") >= 3
    assert "[gallery" not in gallery.body_html


def test_authors_sections_tags_and_featured_images_are_brought_in(theme_unit_test_data):
    import_wxr(theme_unit_test_data)

    author = Author.objects.get(slug="themedemos")
    assert author.name == "Theme Buster"
    assert author.email == "themeshaperwp+demos@gmail.com"  # kept, privately, for notifications
    assert Section.objects.filter(slug="uncategorized").exists()
    assert Section.objects.get(slug="block").description.startswith("Items in the block category")
    featured = Article.objects.exclude(featured_image_url="")
    assert featured.count() >= 4
    assert all(article.featured_image_url.startswith("https://") for article in featured)
    assert MediaReference.objects.exclude(alt_text="").count() >= 20


def test_the_summary_counts_what_the_database_holds_for_the_export(theme_unit_test_data):
    summary = import_wxr(theme_unit_test_data)

    assert summary.articles == 58 == Article.objects.count()
    assert summary.pages == 21 == Page.objects.count()
    assert summary.comments == 33 == Comment.objects.count()  # 28 on posts, 5 on pages
    assert summary.authors == 2
    assert summary.attachments == 37
    assert summary.redirects > 100
    assert summary.skipped == 0
    assert summary.ignored == {"nav_menu_item": 70}
    assert set(summary.as_dict()) >= {
        "articles", "pages", "comments", "authors", "sections", "tags", "attachments", "redirects", "skipped"
    }  # fmt: skip
