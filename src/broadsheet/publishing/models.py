"""The newsroom's content: articles, sections, tags and author profiles, with the rules that guard them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from broadsheet.links import link_to


class Section(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the navigation; lower first.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return link_to("publishing:section", self.slug)


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return link_to("publishing:tag", self.slug)


class Author(models.Model):
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True, allow_unicode=True)
    bio = models.TextField(blank=True)
    photo = models.ImageField(upload_to="authors/", blank=True)
    # Private: used for notifications only, never rendered.
    email = models.EmailField(blank=True, help_text="Private. Receives comment notifications.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return link_to("publishing:author", self.slug)


def is_published_condition(prefix: str = "", now=None) -> models.Q:
    """The rule for "a reader may see it": published or scheduled, once its publish time has come.

    `prefix` applies it across a relation (e.g. "related__"), as a join rather than a subquery.
    """
    return models.Q(
        **{
            f"{prefix}status__in": [Article.Status.PUBLISHED, Article.Status.SCHEDULED],
            f"{prefix}published_at__lte": now or timezone.now(),
        }
    )


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self, now=None) -> ArticleQuerySet:
        """Articles a reader may see: published or scheduled, once their publish time has come."""
        return self.filter(is_published_condition(now=now))

    def published_or_scheduled(self) -> ArticleQuerySet:
        """Everything an editor has released, including what is still waiting for its time."""
        return self.exclude(status=Article.Status.DRAFT)

    def for_listing(self) -> ArticleQuerySet:
        return self.select_related("section").order_by("-published_at", "-id")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"

    class BodyFormat(models.TextChoices):
        MARKDOWN = "markdown", "Markdown"
        HTML = "html", "HTML"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    standfirst = models.TextField(
        blank=True, help_text="The summary under the headline; used as the excerpt."
    )
    body_format = models.CharField(max_length=10, choices=BodyFormat.choices, default=BodyFormat.MARKDOWN)
    body_source = models.TextField(
        "body",
        blank=True,
        help_text="Markdown or HTML. Place [[see also]] on its own line for a link to the best related article, "
        "or [[see also: article-slug]] to choose one.",
    )
    # Derived on save, never edited by hand: the sanitised HTML readers get, its text for search and counts.
    body_html = models.TextField(editable=False, default="")
    body_text = models.TextField(editable=False, default="")
    word_count = models.PositiveIntegerField(editable=False, default=0)
    reading_time_minutes = models.PositiveSmallIntegerField(editable=False, default=1)

    featured_image = models.ImageField(upload_to="articles/%Y/%m/", blank=True)
    featured_image_url = models.URLField(
        "featured image address",
        max_length=500,
        blank=True,
        help_text="An image hosted elsewhere (imported, or on a CDN); used when no file is uploaded.",
    )
    featured_image_alt = models.CharField("alt text", max_length=300, blank=True)
    featured_image_caption = models.CharField("caption", max_length=500, blank=True)

    authors = models.ManyToManyField(Author, related_name="articles", blank=True)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(
        "publish time", default=timezone.now, db_index=True, help_text="A future time schedules the article."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    comments_open = models.BooleanField(default=True)

    seo_title = models.CharField("SEO title", max_length=300, blank=True)
    seo_description = models.CharField("SEO description", max_length=500, blank=True)
    canonical_url = models.URLField(blank=True, help_text="Only when the article first appeared elsewhere.")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(self.title, Article, exclude_pk=self.pk)
        # "Published" with a future time is a schedule; a schedule whose time has come reads as published.
        if self.status == self.Status.PUBLISHED and self.published_at > timezone.now():
            self.status = self.Status.SCHEDULED
        self.render_derived_fields()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {
                "body_html",
                "body_text",
                "word_count",
                "reading_time_minutes",
                "status",
                "updated_at",
            }
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        local = timezone.localtime(self.published_at)
        return link_to("publishing:article", local.year, local.month, local.day, self.slug)

    def render_derived_fields(self) -> None:
        """Sanitise the body and count it; bulk loaders call this before bulk_create, save() always does."""
        from .bodies import render_body

        body = render_body(
            self.body_source, self.body_format, has_featured_image=bool(self.featured_image_src)
        )
        self.body_html, self.body_text = body.html, body.text
        self.word_count, self.reading_time_minutes = body.word_count, body.reading_time_minutes

    @property
    def is_published(self) -> bool:
        return self.status != self.Status.DRAFT and self.published_at <= timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.status != self.Status.DRAFT and self.published_at > timezone.now()

    @property
    def featured_image_src(self) -> str:
        return self.featured_image.url if self.featured_image else self.featured_image_url

    @property
    def display_title(self) -> str:
        return self.seo_title or self.title

    @property
    def description(self) -> str:
        return self.seo_description or self.standfirst or self.body_text[:280]


class PageQuerySet(models.QuerySet["Page"]):
    def published(self) -> PageQuerySet:
        return self.filter(is_published=True)


class Page(models.Model):
    """A standalone page outside the news flow: About, Contact, Corrections policy."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=200, unique=True, allow_unicode=True, help_text="The page lives at /page/<slug>/."
    )
    body_format = models.CharField(max_length=10, choices=Article.BodyFormat.choices, default="markdown")
    body_source = models.TextField("body", blank=True)
    body_html = models.TextField(editable=False, default="")
    is_published = models.BooleanField(default=True)
    # Off for a new page, as in WordPress; an imported page keeps what WordPress said (wp:comment_status).
    comments_open = models.BooleanField(
        default=False, help_text="Readers may comment on this page (new pages start closed, as in WordPress)."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        from .bodies import render_body

        self.body_html = render_body(self.body_source, self.body_format).html
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return link_to("publishing:page", self.slug)


class RelatedArticle(models.Model):
    """One stored suggestion, computed when articles are saved; pages only read these rows."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [models.UniqueConstraint(fields=["article", "related"], name="unique_related_pair")]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.related_id} (#{self.rank})"


def unique_slug(text: str, model: type[models.Model], exclude_pk=None, max_length: int = 200) -> str:
    # Letters of any script stay, as WordPress keeps them: a Cyrillic title gives a Cyrillic slug.
    base = (slugify(text, allow_unicode=True) or "untitled")[: max_length - 8].strip("-")
    candidate, counter = base, 2
    others = model._default_manager.exclude(pk=exclude_pk) if exclude_pk else model._default_manager.all()
    while others.filter(slug=candidate).exists():
        candidate, counter = f"{base}-{counter}", counter + 1
    return candidate
