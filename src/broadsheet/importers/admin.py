"""The importers in the admin: what came from where, the old addresses, and the media the old site hosts."""

from django.contrib import admin

from .models import ImportRecord, LegacyRedirect, MediaReference


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    list_display = ("source", "kind", "source_id", "object_id", "updated_at")
    list_filter = ("kind", "source")
    search_fields = ("source_id",)
    readonly_fields = ("source", "kind", "source_id", "object_id", "fingerprint", "imported_at", "updated_at")
    list_per_page = 100


@admin.register(LegacyRedirect)
class LegacyRedirectAdmin(admin.ModelAdmin):
    list_display = ("old_path", "new_path", "source", "created_at")
    list_filter = ("source",)
    search_fields = ("old_path", "new_path")
    list_per_page = 100


@admin.register(MediaReference)
class MediaReferenceAdmin(admin.ModelAdmin):
    list_display = ("title", "url", "alt_text", "article", "mime_type")
    list_filter = ("source", "mime_type")
    search_fields = ("title", "url", "alt_text", "caption")
    raw_id_fields = ("article",)
    list_per_page = 100
