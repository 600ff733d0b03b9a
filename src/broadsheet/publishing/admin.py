"""The newsroom in the Django admin: write, schedule, preview, publish, and restore earlier revisions."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from . import services
from .models import Article, Author, Page, Section, Tag


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "bio"]
    autocomplete_fields = ["user"]


@admin.register(Page)
class PageAdmin(VersionAdmin):
    list_display = ["title", "slug", "is_published", "comments_open", "updated_at"]
    list_filter = ["is_published", "comments_open"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "body_source"]


class PublicationStateFilter(admin.SimpleListFilter):
    title = "publication"
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("live", "Live now"), ("scheduled", "Scheduled"), ("draft", "Draft")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "live":
            return queryset.published(now)
        if self.value() == "scheduled":
            return queryset.published_or_scheduled().filter(published_at__gt=now)
        if self.value() == "draft":
            return queryset.filter(status=Article.Status.DRAFT)
        return queryset


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    list_display = [
        "title",
        "section",
        "publication_state",
        "published_at",
        "reading_time_minutes",
        "preview_link",
    ]
    list_filter = [
        PublicationStateFilter,
        "status",
        "section",
        "tags",
        "authors",
        "comments_open",
        "published_at",
    ]
    search_fields = ["title", "standfirst", "body_source"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["authors", "tags", "section"]
    readonly_fields = ["word_count", "reading_time_minutes", "updated_at", "preview_link"]
    list_select_related = ["section"]
    actions = ["publish_now", "return_to_draft"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body_format", "body_source"]}),
        (
            "Publication",
            {"fields": ["section", "authors", "tags", "status", "published_at", "comments_open"]},
        ),
        (
            "Featured image",
            {
                "fields": [
                    "featured_image",
                    "featured_image_url",
                    "featured_image_alt",
                    "featured_image_caption",
                ]
            },
        ),
        (
            "Search engines",
            {"classes": ["collapse"], "fields": ["seo_title", "seo_description", "canonical_url"]},
        ),
        ("Counts", {"fields": ["word_count", "reading_time_minutes", "updated_at", "preview_link"]}),
    ]

    @admin.display(description="State")
    def publication_state(self, article: Article) -> str:
        if article.is_published:
            return "Live"
        return "Scheduled" if article.is_scheduled else "Draft"

    @admin.display(description="Preview")
    def preview_link(self, article: Article) -> str:
        if not article.pk:
            return "Save to preview"
        return format_html(
            '<a href="{}" target="_blank">Preview</a>', reverse("publishing:preview", args=[article.pk])
        )

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        services.articles_were_edited(form.instance)

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        services.articles_were_edited(obj)

    @admin.action(description="Publish selected articles now")
    def publish_now(self, request, queryset) -> None:
        count = services.publish(queryset)
        messages.success(request, f"Published {count} article(s).")

    @admin.action(description="Return selected articles to draft")
    def return_to_draft(self, request, queryset) -> None:
        count = services.return_to_draft(queryset)
        messages.success(request, f"{count} article(s) returned to draft.")
