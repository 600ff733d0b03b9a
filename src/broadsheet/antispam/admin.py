"""What the spam filter learned, in the admin: the moderators' examples and the models fitted to them; and the
keys other sites use to ask it through the Akismet-compatible API."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.cache import cache
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import ApiKey, ModeratorLabel, SiteModel
from .site_model import ACTIVE_MODEL_CACHE_KEY


@admin.register(ModeratorLabel)
class ModeratorLabelAdmin(admin.ModelAdmin):
    list_display = ["content_excerpt", "is_spam", "author_name", "email_domain", "labelled_at", "labelled_by"]
    list_filter = ["is_spam", "labelled_at"]
    search_fields = ["content", "author_name", "author_url", "email_domain"]
    readonly_fields = [field.name for field in ModeratorLabel._meta.fields]

    @admin.display(description="Text")
    def content_excerpt(self, label: ModeratorLabel) -> str:
        return label.content[:80]

    def has_add_permission(self, request) -> bool:
        return False  # examples come from moderating comments


@admin.register(SiteModel)
class SiteModelAdmin(admin.ModelAdmin):
    list_display = ["created_at", "examples", "is_active", "spam_threshold", "held_back_result"]
    readonly_fields = ["created_at", "examples", "is_active", "comparison"]
    exclude = ["weights", "description"]
    actions = ["use_this_model", "go_back_to_the_shipped_model"]

    @admin.display(description="Spam from score")
    def spam_threshold(self, row: SiteModel) -> str:
        threshold = row.description.get("spam_threshold")
        trained = row.description.get("trained_spam_threshold")
        if threshold is None:
            return "–"
        if trained is None:
            return f"{threshold:.3f}"
        return f"{threshold:.3f} (raised from {trained:.3f} for this site's genuine comments)"

    @admin.display(description="On held-back decisions (new vs. in use)")
    def held_back_result(self, row: SiteModel) -> str:
        candidate, current = row.comparison.get("candidate", {}), row.comparison.get("current", {})
        return (
            f"false positives {candidate.get('false_positives')} vs {current.get('false_positives')}, "
            f"spam published {candidate.get('spam_approved', '–')} vs {current.get('spam_approved', '–')}, "
            f"spam held {candidate.get('spam_held', '–')} vs {current.get('spam_held', '–')}"
        )

    def has_add_permission(self, request) -> bool:
        return False  # models come from retraining

    @admin.action(description="Use this model")
    def use_this_model(self, request, queryset) -> None:
        chosen = queryset.order_by("-created_at").first()
        SiteModel.objects.update(is_active=False)
        SiteModel.objects.filter(pk=chosen.pk).update(is_active=True)
        cache.delete(ACTIVE_MODEL_CACHE_KEY)
        messages.success(request, f"Screening now uses {chosen}.")

    @admin.action(description="Go back to the shipped model")
    def go_back_to_the_shipped_model(self, request, queryset) -> None:
        SiteModel.objects.update(is_active=False)
        cache.delete(ACTIVE_MODEL_CACHE_KEY)
        messages.success(request, "Screening now uses the model that ships with Broadsheet.")


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["site", "note", "prefix", "is_active", "created_at", "last_used_at"]
    list_filter = ["is_active"]
    search_fields = ["site", "note", "prefix"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    fields = ["site", "note", "is_active", "prefix", "created_at", "last_used_at"]
    actions = ["deactivate", "forget_reports", "replace_secret"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request: HttpRequest, key: ApiKey, form, change: bool) -> None:
        if not change:
            key.replace_secret()
        super().save_model(request, key, form, change)

    def response_add(self, request: HttpRequest, key: ApiKey, post_url_continue=None) -> HttpResponse:
        return self.show_secret(request, key)

    def show_secret(self, request: HttpRequest, key: ApiKey) -> HttpResponse:
        """The one page that shows a key's value: right after it is issued (never stored, never in a cookie)."""
        context = {
            **self.admin_site.each_context(request),
            "title": "API key issued",
            "key": key,
            "api_url": f"{settings.SITE_URL}/1.1/comment-check",
            "opts": self.model._meta,
        }
        return render(request, "antispam/admin/api_key_issued.html", context)  # the admin adds no-store

    @admin.action(description="Give the selected key a new value (the old one stops working)")
    def replace_secret(self, request: HttpRequest, queryset) -> HttpResponse | None:
        if queryset.count() != 1:
            messages.error(request, "Choose one key at a time: its new value is shown once, on its own page.")
            return None
        key = queryset.get()
        key.replace_secret()
        key.save(update_fields=["digest", "prefix"])
        return self.show_secret(request, key)

    @admin.action(description="Deactivate the selected keys")
    def deactivate(self, request, queryset) -> None:
        count = queryset.update(is_active=False)
        messages.success(
            request, f"{count} key(s) deactivated: requests made with them now answer “invalid”."
        )

    @admin.action(description="Forget the spam/ham reports the selected keys sent")
    def forget_reports(self, request, queryset) -> None:
        count = sum(key.forget_reports() for key in queryset)
        messages.success(
            request, f"{count} reported example(s) deleted; the next retraining leaves them out."
        )
