"""What the spam filter learned, in the admin: the moderators' examples and the models fitted to them; and the
keys other sites use to ask it through the Akismet-compatible API."""

from django.contrib import admin, messages
from django.core.cache import cache

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
    list_display = ["created_at", "examples", "is_active", "held_back_result"]
    readonly_fields = ["created_at", "examples", "is_active", "comparison"]
    exclude = ["weights", "description"]
    actions = ["use_this_model", "go_back_to_the_shipped_model"]

    @admin.display(description="On held-back decisions (new vs. in use)")
    def held_back_result(self, row: SiteModel) -> str:
        candidate, current = row.comparison.get("candidate", {}), row.comparison.get("current", {})
        return (
            f"false positives {candidate.get('false_positives')} vs {current.get('false_positives')}, "
            f"missed spam {candidate.get('missed_spam')} vs {current.get('missed_spam')}"
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
    list_display = ["site", "note", "key", "is_active", "created_at", "last_used_at"]
    list_filter = ["is_active"]
    search_fields = ["site", "note"]
    readonly_fields = ["key", "created_at", "last_used_at"]
    fields = ["site", "note", "is_active", "key", "created_at", "last_used_at"]
    actions = ["deactivate", "forget_reports"]

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
