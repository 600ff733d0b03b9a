"""The comment form: what a reader may send, its limits, and the two fields bots give themselves away in."""

from __future__ import annotations

from django import forms
from django.conf import settings

from .screening import Draft

HONEYPOT_FIELD = "message"  # a textarea humans never see; browsers do not autofill textareas
RENDER_TIME_FIELD = "rendered"


class CommentForm(forms.Form):
    # What the comment is under: one of the two, the article's or the page's id (the view finds which).
    article = forms.IntegerField(required=False, widget=forms.HiddenInput)
    page = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    author_name = forms.CharField(label="Name", max_length=settings.COMMENT_AUTHOR_MAX_LENGTH)
    author_email = forms.EmailField(label="Email", max_length=254)
    author_url = forms.URLField(label="Website", required=False, max_length=300, assume_scheme="https")
    content = forms.CharField(label="Comment", max_length=settings.COMMENT_MAX_LENGTH, strip=True)
    notify_replies = forms.BooleanField(label="Notify me of replies by email", required=False)
    remember = forms.BooleanField(
        label="Save my name and email in this browser for the next time I comment.", required=False
    )

    field_error_messages = {
        "author_name": {"required": "Please enter your name."},
        "author_email": {
            "required": "Please enter your email address.",
            "invalid": "Please enter a valid email address.",
        },
        "author_url": {"invalid": "Please enter a web address such as https://example.com."},
        "content": {"required": "Please type your comment."},
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, messages in self.field_error_messages.items():
            self.fields[name].error_messages.update(messages)

    def clean_author_name(self) -> str:
        name = " ".join(self.cleaned_data["author_name"].split())
        if not name:
            raise forms.ValidationError("Please enter your name.")
        return name

    def as_draft(self) -> Draft:
        data = self.cleaned_data
        return Draft(
            author_name=data["author_name"],
            author_email=data["author_email"],
            author_url=data.get("author_url") or "",
            content=data["content"],
            is_reply=bool(data.get("parent")),
        )
