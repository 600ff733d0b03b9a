"""Moderation in the Django admin: the queue with counts per state, bulk actions, editing, replying as the
editor, each commenter's history and the spam verdict's reasons. Every state change goes through `moderate`."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from . import charts, privacy, selectors, services
from .models import Comment, DiscussionSettings, NotificationOptOut
from .screening import Draft


class StatusFilter(admin.SimpleListFilter):
    """The moderation queue's states, each with how many comments are in it."""

    title = "state"
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        counts = Comment.objects.counts_by_status()
        return [(status, f"{label} ({counts[status]:,})") for status, label in Comment.Status.choices]

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


def count_by_same_email(status: str):
    same_author = Comment.objects.filter(
        author_email__iexact=OuterRef("author_email"), status=status
    ).exclude(author_email="")
    counted = same_author.order_by().values("author_email").annotate(total=Count("id")).values("total")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class CommentAdminForm(forms.ModelForm):
    author_url = forms.URLField(label="Website", required=False, max_length=300, assume_scheme="https")

    class Meta:
        model = Comment
        fields = ["author_name", "author_email", "author_url", "content", "notify_replies"]


class EditorReplyForm(forms.Form):
    content = forms.CharField(label="Your reply", widget=forms.Textarea(attrs={"rows": 8, "cols": 80}))


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    change_list_template = "discussion/admin/comment_change_list.html"
    form = CommentAdminForm
    list_display = [
        "author_column",
        "excerpt",
        "subject_link",
        "status",
        "created_at",
        "score",
        "author_history",
    ]
    list_filter = [
        StatusFilter,
        ("article", admin.RelatedOnlyFieldListFilter),
        ("page", admin.RelatedOnlyFieldListFilter),
        "created_at",
        "spam_decision",
    ]
    search_fields = ["author_name", "author_email", "author_url", "content", "ip"]
    date_hierarchy = "created_at"
    list_select_related = ["article", "page"]
    list_per_page = 50
    actions = [
        "approve",
        "unapprove",
        "mark_spam",
        "move_to_trash",
        "delete_for_good",
        "export_data",
        "erase_data",
    ]
    readonly_fields = [
        "status", "subject_link", "parent", "depth", "created_at", "edited_at", "ip", "user_agent", "user",
        "author_history", "spam_decision", "spam_score", "verdict_reasons", "reply_link",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["status", "subject_link", "parent", "content", "reply_link"]}),
        (
            "Author",
            {
                "fields": [
                    "author_name",
                    "author_email",
                    "author_url",
                    "notify_replies",
                    "author_history",
                    "user",
                ]
            },
        ),  # fmt: skip
        ("Spam check", {"fields": ["spam_decision", "spam_score", "verdict_reasons"]}),
        ("Sent from", {"fields": ["ip", "user_agent", "created_at", "edited_at", "depth"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                approved_by_author=count_by_same_email(Comment.Status.APPROVED),
                spam_by_author=count_by_same_email(Comment.Status.SPAM),
            )
        )

    def has_add_permission(self, request) -> bool:
        return False  # comments come from readers, or from "Reply" here

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # deletion goes through `moderate`, like every change of state
        return actions

    @admin.display(description="Author", ordering="author_name")
    def author_column(self, comment: Comment) -> str:
        return format_html("<strong>{}</strong><br>{}", comment.author_name, comment.author_email or "—")

    @admin.display(description="Comment")
    def excerpt(self, comment: Comment) -> str:
        return Truncator(comment.content).chars(140)

    @admin.display(description="On", ordering="article__title")
    def subject_link(self, comment: Comment) -> str:
        """The article or page the comment is under (a page's is marked so)."""
        title = comment.subject.title if comment.article_id else f"{comment.subject.title} (page)"
        return format_html('<a href="{}">{}</a>', comment.get_absolute_url(), title)

    @admin.display(description="Spam score", ordering="spam_score")
    def score(self, comment: Comment) -> str:
        if comment.spam_score is None:
            return "—"
        return f"{comment.spam_score:.2f} ({comment.spam_decision or '—'})"

    @admin.display(description="Author’s history")
    def author_history(self, comment: Comment) -> str:
        approved = getattr(comment, "approved_by_author", None)
        spam = getattr(comment, "spam_by_author", None)
        if approved is None:
            counts = (
                Comment.objects.by_email(comment.author_email).counts_by_status()
                if comment.author_email
                else {}
            )
            approved, spam = counts.get("approved", 0), counts.get("spam", 0)
        return f"{approved} approved, {spam} spam"

    @admin.display(description="Why")
    def verdict_reasons(self, comment: Comment) -> str:
        if not comment.spam_reasons:
            return "Not screened (an editor’s comment, or posted before screening)."
        # The admin's form styles indent every list in a fieldset by 160 px (meant for radio buttons).
        return format_html(
            '<ul style="margin: 0; padding-left: 1.2em">{}</ul>',
            format_html_join(
                "", "<li>{} <small>({}, weight {})</small></li>",
                ((r.get("message", ""), r.get("code", ""), r.get("weight", "")) for r in comment.spam_reasons),
            ),
        )  # fmt: skip

    @admin.display(description="Reply")
    def reply_link(self, comment: Comment) -> str:
        if not comment.pk:
            return "—"
        return format_html('<a class="button" href="{}">Reply as the editor</a>',
                           reverse("admin:discussion_comment_reply", args=[comment.pk]))  # fmt: skip

    def save_model(self, request, obj: Comment, form, change) -> None:
        services.edit_comment(obj, by=request.user)

    def delete_model(self, request, obj: Comment) -> None:
        services.moderate(obj, services.Action.DELETE, by=request.user)

    def delete_queryset(self, request, queryset) -> None:
        services.moderate(queryset, services.Action.DELETE, by=request.user)

    def _moderate(self, request, queryset, action: services.Action, done: str) -> None:
        changed = services.moderate(queryset, action, by=request.user)
        self.message_user(
            request, f"{changed} comment{'s' if changed != 1 else ''} {done}.", messages.SUCCESS
        )

    @admin.action(description="Approve selected comments")
    def approve(self, request, queryset) -> None:
        self._moderate(request, queryset, services.Action.APPROVE, "approved")

    @admin.action(description="Unapprove (hold for moderation)")
    def unapprove(self, request, queryset) -> None:
        self._moderate(request, queryset, services.Action.HOLD, "held for moderation")

    @admin.action(description="Mark selected as spam")
    def mark_spam(self, request, queryset) -> None:
        self._moderate(request, queryset, services.Action.SPAM, "marked as spam")

    @admin.action(description="Move selected to the trash")
    def move_to_trash(self, request, queryset) -> None:
        self._moderate(request, queryset, services.Action.TRASH, "moved to the trash")

    @admin.action(description="Delete selected comments for good")
    def delete_for_good(self, request, queryset) -> None:
        self._moderate(request, queryset, services.Action.DELETE, "deleted")

    @admin.action(description="Export the commenters’ personal data (JSON)")
    def export_data(self, request, queryset) -> HttpResponse:
        emails = sorted({email.lower() for email in queryset.values_list("author_email", flat=True) if email})
        data = [privacy.export_commenter(email) for email in emails]
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="commenter-data.json"'
        return response

    @admin.action(description="Erase the commenters’ personal data")
    def erase_data(self, request, queryset) -> None:
        emails = {email.lower() for email in queryset.values_list("author_email", flat=True) if email}
        erased = sum(privacy.erase_commenter(email, by=request.user) for email in emails)
        self.message_user(
            request,
            f"Erased the personal data of {len(emails)} commenter(s) from {erased} comment(s).",
            messages.SUCCESS,
        )

    def get_urls(self):
        reply = path(
            "<int:comment_id>/reply/",
            self.admin_site.admin_view(self.reply_view),
            name="discussion_comment_reply",
        )
        dashboard = path(
            "dashboard/",
            self.admin_site.admin_view(self.dashboard_view),
            name="discussion_comment_dashboard",
        )
        return [reply, dashboard, *super().get_urls()]

    def dashboard_view(self, request):
        """Comments per spam verdict per day: is the filter busy, and is it holding too much?"""
        wanted = request.GET.get("days", "")
        days = selectors.verdicts_per_day(min(int(wanted), 365) if wanted.isdigit() and int(wanted) else 30)
        segments, width, peak = charts.stacked_bars(days)
        context = {
            **self.admin_site.each_context(request),
            "title": "Spam filter: comments per verdict per day",
            "days": days,
            "segments": segments,
            "chart_width": width,
            "chart_height": charts.CHART_HEIGHT,
            "peak": peak,
            "legend": [
                (verdict, charts.COLOURS[verdict], sum(day.counts[verdict] for day in days))
                for verdict in selectors.VERDICTS
            ],
            "opts": self.model._meta,
        }
        return render(request, "discussion/admin/dashboard.html", context)

    def reply_view(self, request, comment_id: int):
        """Reply as the editor: the reply is approved at once (and a held comment replied to is approved too)."""
        parent = get_object_or_404(Comment.objects.select_related("article", "page"), pk=comment_id)
        if not self.has_change_permission(request, parent):
            return HttpResponseRedirect(reverse("admin:index"))
        form = EditorReplyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if parent.is_awaiting_moderation:
                services.moderate(parent, services.Action.APPROVE, by=request.user)
            user = request.user
            draft = Draft(
                author_name=user.get_full_name() or user.get_username(),
                author_email=user.email,
                content=form.cleaned_data["content"],
                is_reply=True,
            )
            try:
                posted = services.post_comment(parent.subject, draft, parent=parent, by=user)
            except services.CommentRefused as refusal:
                form.add_error("content", str(refusal))
            else:
                assert posted.comment is not None  # an editor's reply is always stored
                self.message_user(request, "Your reply is published.", messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse("admin:discussion_comment_change", args=[posted.comment.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Reply to {parent.author_name}",
            "parent": parent,
            "form": form,
            "opts": self.model._meta,
        }
        return render(request, "discussion/admin/reply.html", context)


@admin.register(DiscussionSettings)
class DiscussionSettingsAdmin(admin.ModelAdmin):
    fieldsets = [
        (
            "Before a comment appears",
            {"fields": ["hold_every_comment", "hold_first_time_commenters", "trust_approved_commenters"]},
        ),  # fmt: skip
        ("Closing", {"fields": ["close_after_days"]}),
        ("Words and links", {"fields": ["max_links_before_hold", "moderation_words", "blocked_words"]}),
    ]

    def has_add_permission(self, request) -> bool:
        return not DiscussionSettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        # One row: go straight to it (creating it with the defaults the first time).
        settings_row, _ = DiscussionSettings.objects.get_or_create(pk=1)
        return HttpResponseRedirect(
            reverse("admin:discussion_discussionsettings_change", args=[settings_row.pk])
        )


@admin.register(NotificationOptOut)
class NotificationOptOutAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at"]
    search_fields = ["email"]
