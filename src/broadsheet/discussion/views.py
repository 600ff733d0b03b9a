"""The discussion's pages: the comment post endpoint, email links, and the privacy page. Each view parses the
request, calls a service or a selector, and renders."""

from __future__ import annotations

import json
import secrets
from urllib.parse import quote, urlencode, urlparse

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from broadsheet.publishing.models import Article, Page

from . import services
from .forms import HONEYPOT_FIELD, RENDER_TIME_FIELD, CommentForm
from .middleware import make_private
from .models import Comment, DiscussionSettings, NotificationOptOut, Subject
from .screening import RequestMeta
from .tokens import moderation_hash, read_email_link_token


def is_same_origin(request: HttpRequest) -> bool:
    """Whether the POST came from a page of this site: the Origin header (or, without one, the Referer) must
    name this site. This is what CSRF protection is for, and it works when the form comes from a cached page."""
    claimed = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if not claimed or claimed == "null":
        return False
    parsed = urlparse(claimed)
    origin = f"{parsed.scheme}://{parsed.netloc}".lower()
    ours = {f"{request.scheme}://{request.get_host()}".lower(), settings.SITE_URL.lower()}
    ours |= {trusted.rstrip("/").lower() for trusted in settings.CSRF_TRUSTED_ORIGINS}
    return origin in ours


def request_meta(request: HttpRequest) -> RequestMeta:
    return RequestMeta(
        ip=request.META.get("REMOTE_ADDR") or None,
        user_agent=request.headers.get("User-Agent", "")[:500],
        referrer=request.headers.get("Referer", "")[:500],
        form_token=request.POST.get(RENDER_TIME_FIELD, ""),
        honeypot_values={HONEYPOT_FIELD: request.POST.get(HONEYPOT_FIELD, "")},
    )


@csrf_exempt  # article and page HTML is cached for everyone, so it cannot carry a per-reader CSRF token
@require_POST
def post_comment(request: HttpRequest) -> HttpResponse:
    if not is_same_origin(request):
        return render_refusal(
            request, None, None, "This comment was not sent from this site’s own page.", 403
        )
    form = CommentForm(request.POST)
    subject = find_subject(request.POST.get("article"), request.POST.get("page"))
    if subject is None:
        return render_refusal(
            request, None, form, "That article or page does not exist or is not published.", 404
        )
    if not form.is_valid():
        return render_form_page(request, subject, form, status=400)
    parent = None
    if form.cleaned_data.get("parent"):
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            return render_form_page(
                request, subject, form, status=400, message=services.InvalidParent().args[0]
            )
    try:
        posted = services.post_comment(
            subject,
            form.as_draft(),
            request_meta(request),
            parent=parent,
            notify_replies=form.cleaned_data["notify_replies"],
        )
    except services.CommentRefused as refusal:
        response = render_form_page(request, subject, form, status=refusal.status_code, message=str(refusal))
        if isinstance(refusal, services.CommentFlood):
            response["Retry-After"] = str(refusal.retry_after)
        return response
    response = HttpResponseRedirect(where_to_after_posting(subject, posted.comment), status=303)
    remember_commenter(response, form)
    return make_private(response)


def find_subject(article_id: str | None, page_id: str | None) -> Subject | None:
    """The published article, or else the published page, the form names."""
    if article_id and article_id.isdigit():
        return Article.objects.published().filter(pk=int(article_id)).first()
    if page_id and page_id.isdigit():
        return Page.objects.published().filter(pk=int(page_id)).first()
    return None


def where_to_after_posting(subject: Subject, comment: Comment | None) -> str:
    """Post–redirect–get: to the published comment, or (like WordPress) to the article or page with a signed
    link that shows the held comment to this browser only. A discarded comment gets the same answer as a held
    one."""
    url = subject.get_absolute_url()
    if comment is not None and comment.is_approved:
        return f"{url}#comment-{comment.pk}"
    # Discarded: a random id nobody has, with a valid hash, so the reply is indistinguishable from a hold.
    comment_id = comment.pk if comment is not None else secrets.randbelow(10**9) + 10**9
    query = urlencode({"unapproved": comment_id, "moderation-hash": moderation_hash(comment_id)})
    return f"{url}?{query}#comment-{comment_id}"


def remember_commenter(response: HttpResponse, form: CommentForm) -> None:
    """Keep the name, email and website in a cookie only when the commenter asked; forget them otherwise."""
    name = settings.COMMENT_COOKIE_NAME
    if not form.cleaned_data.get("remember"):
        response.delete_cookie(name, samesite="Lax")
        return
    value = {key: form.cleaned_data.get(key) or "" for key in ("author_name", "author_email", "author_url")}
    response.set_cookie(
        name,
        quote(json.dumps(value, separators=(",", ":"))),
        max_age=settings.COMMENT_COOKIE_DAYS * 86400,
        samesite="Lax",
        secure=settings.SITE_URL.startswith("https://"),
        httponly=False,  # discussion.js reads it to fill the form; the cached page never contains it
    )


def render_form_page(
    request: HttpRequest, subject: Subject, form: CommentForm, *, status: int, message: str = ""
) -> HttpResponse:
    """The form again, with everything the reader typed and each error beside its field."""
    response = render(
        request,
        "discussion/form_errors.html",
        {"subject": subject, "form": form, "message": message, "form_data": form.data},
        status=status,
    )
    return make_private(response)


def render_refusal(request, subject, form, message: str, status: int) -> HttpResponse:
    response = render(
        request, "discussion/refused.html", {"subject": subject, "message": message}, status=status
    )
    return make_private(response)


@csrf_exempt  # the signed token in the URL is the credential; mail clients POST here for one-click unsubscribe
@require_http_methods(["GET", "HEAD", "POST"])
def email_link(request: HttpRequest, token: str) -> HttpResponse:
    """A link from a notification. GET asks to confirm (mail scanners follow links); POST does it."""
    read = read_email_link_token(token)
    if read is None:
        return render_refusal(request, None, None, "This link is invalid or has expired.", 400)
    purpose, value = read
    comment = None
    if purpose.startswith("moderate-") or purpose == "unsubscribe-replies":
        comment = get_object_or_404(Comment.objects.select_related("article", "page"), pk=value)
    done = request.method == "POST"
    if done:
        if purpose == "moderate-approve":
            services.moderate(comment, services.Action.APPROVE)
        elif purpose == "moderate-spam":
            services.moderate(comment, services.Action.SPAM)
        elif purpose == "unsubscribe-replies" and comment is not None:
            Comment.objects.by_email(comment.author_email).on(comment.subject).update(notify_replies=False)
        elif purpose == "unsubscribe":
            NotificationOptOut.objects.get_or_create(email=str(value).lower())
    response = render(
        request, "discussion/email_link.html", {"purpose": purpose, "comment": comment, "done": done}
    )
    add_never_cache_headers(response)
    return response


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy page, written from the settings this site really runs with."""
    return render(
        request,
        "discussion/privacy.html",
        {
            "ip_retention_days": settings.COMMENT_IP_RETENTION_DAYS,
            "spam_retention_days": settings.COMMENT_SPAM_RETENTION_DAYS,
            "erase_deletes_text": settings.COMMENT_ERASE_DELETES_TEXT,
            "cookie_days": settings.COMMENT_COOKIE_DAYS,
            "contact_email": settings.PRIVACY_CONTACT_EMAIL,
            "discussion_settings": DiscussionSettings.current(),
            # Set by the page cache (#6) after any form post, when it is installed.
            "recent_post_cookie": getattr(settings, "PAGE_CACHE_RECENT_POST_COOKIE", ""),
            "recent_post_seconds": getattr(settings, "PAGE_CACHE_SHARED_SECONDS", 0)
            + getattr(settings, "PAGE_CACHE_STALE_SECONDS", 0),
        },
    )
