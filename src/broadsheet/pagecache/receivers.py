"""What each change purges: publishing's and the discussion's signals, turned into the tags of every page
that shows the changed thing. Each listener runs after the change is committed (the signals are sent on
commit; the model hooks below wait for it), so a page rendered afterwards reads the new state.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from broadsheet.discussion.models import Comment, DiscussionSettings
from broadsheet.discussion.signals import comment_edited, comment_moderated, comment_posted
from broadsheet.publishing.models import Article, Author, Page, RelatedArticle, Section, Tag
from broadsheet.publishing.signals import article_changed, related_lists_changed

from . import pages, store
from .schedule import forget_next_publish

PLACE_OF = {Tag: pages.tag, Author: pages.author}


def pages_showing(article: Article) -> set[str]:
    """The article's own page, its section, tags and authors (pages and feeds), home, archives and site
    feeds, and the pages of articles that list it under "Related articles"."""
    tags = {pages.LISTINGS, pages.article(article.slug)}
    tags |= {
        pages.section(slug)
        for slug in Section.objects.filter(pk=article.section_id).values_list("slug", flat=True)
    }
    if article.pk is not None:
        tags |= {pages.tag(slug) for slug in article.tags.values_list("slug", flat=True)}
        tags |= {pages.author(slug) for slug in article.authors.values_list("slug", flat=True)}
        listing_it = RelatedArticle.objects.filter(related_id=article.pk).values_list(
            "article__slug", flat=True
        )
        tags |= {pages.article(slug) for slug in listing_it}
    return tags


def purge_on_commit(tags: set[str]) -> None:
    transaction.on_commit(lambda: store.purge(tags))


@receiver(article_changed)
def purge_pages_showing_the_article(sender, article: Article, **kwargs) -> None:
    store.purge(pages_showing(article))
    forget_next_publish()  # it may have been scheduled, rescheduled or published early


@receiver(related_lists_changed)
def purge_pages_whose_related_lists_changed(sender, article_ids, **kwargs) -> None:
    slugs = Article.objects.filter(pk__in=list(article_ids)).values_list("slug", flat=True)
    store.purge({pages.article(slug) for slug in slugs})


# Where an article was before an edit: a new slug, section, tag or author leaves pages that showed it at the
# old place (a later page of the old section's listing, say), which `article_changed` alone cannot name.
@receiver(pre_save, sender=Article)
def purge_where_the_article_was(sender, instance: Article, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    before = Article.objects.filter(pk=instance.pk).values_list("slug", "section__slug").first()
    if before is not None:
        purge_on_commit({pages.article(before[0]), pages.section(before[1])})


@receiver(pre_delete, sender=Article)
def purge_where_a_deleted_article_was(sender, instance: Article, **kwargs) -> None:
    purge_on_commit(pages_showing(instance))
    transaction.on_commit(forget_next_publish)


@receiver(m2m_changed, sender=Article.tags.through)
@receiver(m2m_changed, sender=Article.authors.through)
def purge_where_tags_or_authors_were(
    sender, instance, action: str, reverse: bool, model, pk_set, **kwargs
) -> None:
    if action not in {"pre_remove", "pre_clear"}:
        return
    if reverse:  # tag.articles.remove(article): the tag's (or author's) pages and the articles'
        articles = Article.objects.filter(pk__in=pk_set) if pk_set else instance.articles.all()
        tags = {PLACE_OF[type(instance)](instance.slug), pages.LISTINGS}
        purge_on_commit(tags | {pages.article(slug) for slug in articles.values_list("slug", flat=True)})
        return
    removed = model.objects.filter(pk__in=pk_set) if pk_set else model.objects.filter(articles=instance)
    purge_on_commit({PLACE_OF[model](slug) for slug in removed.values_list("slug", flat=True)})


# Section, tag and author names and the comment policy appear on every page (navigation, bylines, the form).
@receiver(post_save, sender=Section)
@receiver(post_save, sender=Tag)
@receiver(post_save, sender=Author)
@receiver(post_save, sender=DiscussionSettings)
@receiver(post_delete, sender=Section)
@receiver(post_delete, sender=Tag)
@receiver(post_delete, sender=Author)
def purge_every_page(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        purge_on_commit({pages.SITE})


# A standalone page shows only itself (and its title in the comment feeds): its edit, its slug change or its
# deletion retires its own address and the comment feeds.
@receiver(pre_save, sender=Page)
def purge_where_the_page_was(sender, instance: Page, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    slug = Page.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if slug is not None:
        purge_on_commit({pages.page(slug)})


@receiver(post_save, sender=Page)
@receiver(post_delete, sender=Page)
def purge_the_page(sender, instance: Page, raw: bool = False, **kwargs) -> None:
    if not raw:
        purge_on_commit({pages.page(instance.slug), pages.COMMENTS})


def pages_showing_comments(comments) -> set[str]:
    """The pages that show these comments: their articles' pages and listings, or their standalone pages."""
    comments = list(comments)
    article_ids = {comment.article_id for comment in comments if comment.article_id}
    page_ids = {comment.page_id for comment in comments if comment.page_id}
    tags = pages_showing_comments_on(article_ids) if article_ids else {pages.COMMENTS}
    if page_ids:
        slugs = Page.objects.filter(pk__in=page_ids).values_list("slug", flat=True)
        tags |= {pages.page(slug) for slug in slugs}
    return tags


def pages_showing_comments_on(article_ids) -> set[str]:
    """The articles' own pages, the comment feeds, and every listing that shows the articles' comment counts."""
    articles = (
        Article.objects.filter(pk__in=set(article_ids))
        .select_related("section")
        .prefetch_related("tags", "authors")
    )
    tags = {pages.COMMENTS, pages.LISTINGS}
    for article in articles:
        tags |= {pages.article(article.slug), pages.section(article.section.slug)}
        tags |= {pages.tag(tag.slug) for tag in article.tags.all()}
        tags |= {pages.author(author.slug) for author in article.authors.all()}
    return tags


@receiver(comment_posted)
def purge_pages_showing_a_new_comment(sender, comment: Comment, **kwargs) -> None:
    if comment.is_approved:  # a held comment is shown only to its author, on an uncached page
        store.purge(pages_showing_comments([comment]))


@receiver(comment_moderated)
def purge_pages_showing_moderated_comments(
    sender, comments, old_status: str, new_status: str, **kwargs
) -> None:
    approved = Comment.Status.APPROVED
    if approved in (old_status, new_status):  # only approved comments are public
        store.purge(pages_showing_comments(comments))


@receiver(comment_edited)
def purge_pages_showing_edited_comments(sender, comments, **kwargs) -> None:
    store.purge(pages_showing_comments(comments))
