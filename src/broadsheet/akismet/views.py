"""The four Akismet endpoints. Each parses the form, checks the key, calls a service and answers in plain text
exactly as Akismet does, so an existing client library works unchanged."""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, QueryDict
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from broadsheet.antispam.core import Decision
from broadsheet.antispam.models import ApiKey

from .comments import MissingParameter, read_client_comment
from .services import check_comment, learn_from_client

PLAIN_TEXT = "text/plain; charset=utf-8"
THANKS = "Thanks for making the web a better place."
INVALID_KEY_HELP = "The API key is missing, unknown or no longer active on this server"

Endpoint = Callable[[QueryDict, ApiKey], HttpResponse]


def answer(body: str, status: int = 200, **headers: str) -> HttpResponse:
    response = HttpResponse(body, content_type=PLAIN_TEXT, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def invalid(help_text: str, status: int = 200) -> HttpResponse:
    # Akismet answers a bad key or a missing parameter with 200 "invalid"; clients read the header.
    return answer("invalid", status, X_akismet_debug_help=help_text)


def too_many_requests(wait: int) -> HttpResponse:
    # Not "invalid", which a client takes for a bad key: WordPress's Akismet plugin keeps a comment it could
    # not check in the queue and asks again later, which is what a client over its limit should do.
    limit = settings.AKISMET_API_REQUESTS_PER_MINUTE
    return answer(
        f"Too many requests: this key may make {limit} a minute. Retry after {wait} s.",
        429,
        Retry_After=str(wait),
        X_akismet_debug_help=f"More than {limit} requests a minute with this key",
    )


def akismet_endpoint(view: Endpoint) -> Callable[[HttpRequest], HttpResponse]:
    """POST only, no CSRF token, never cached; the body read in the client's charset; a usable key required."""

    @csrf_exempt
    @never_cache
    @require_POST
    @functools.wraps(view)
    def endpoint(request: HttpRequest) -> HttpResponse:
        try:
            form = form_of(request)
        except RequestDataTooBig:
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            return invalid(f"The request body is larger than this server accepts ({limit} bytes)", 413)
        except TooManyFieldsSent:
            limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
            return invalid(f"The request has more fields than this server accepts ({limit})", 400)
        key = ApiKey.objects.usable(key_sent_with(request, form))
        if key is None:
            return invalid(INVALID_KEY_HELP)
        wait = key.seconds_until_allowed()
        if wait:
            return too_many_requests(wait)
        key.record_use()
        try:
            return view(form, key)
        except MissingParameter as missing:
            return invalid(str(missing))

    return endpoint


def key_sent_with(request: HttpRequest, form: QueryDict) -> str:
    """The `api_key` parameter, the older `key`, or (oldest clients) the first label of KEY.rest.example.org."""
    sent = form.get("api_key") or form.get("key")
    if sent:
        return sent
    labels = request.META.get("HTTP_HOST", "").split(":")[0].split(".")
    return labels[0] if len(labels) > 2 else ""


def form_of(request: HttpRequest) -> QueryDict:
    """The parameters, decoded in the charset the client used: the Content-Type's, else the `blog_charset` it
    sends (Akismet clients of sites in ISO-8859-1 and the like), else UTF-8. Django itself reads a form body
    only as UTF-8, so the body is parsed here."""
    if request.content_type != "application/x-www-form-urlencoded":
        return request.POST
    body = request.body  # raises RequestDataTooBig past DATA_UPLOAD_MAX_MEMORY_SIZE
    charset = (request.content_params or {}).get("charset") or (
        QueryDict(body, encoding="latin-1").get("blog_charset", "").strip()
    )
    try:
        codecs.lookup(charset or "utf-8")
    except LookupError:
        charset = "utf-8"
    return QueryDict(body, encoding=charset or "utf-8")


@akismet_endpoint
def verify_key(form: QueryDict, key: ApiKey) -> HttpResponse:
    read_client_comment(form, needs_content=False)
    return answer("valid")


@akismet_endpoint
def comment_check(form: QueryDict, key: ApiKey) -> HttpResponse:
    verdict = check_comment(read_client_comment(form))
    response = answer(
        "true" if verdict.is_flagged else "false",
        X_Broadsheet_Verdict=verdict.decision.value,
        X_Broadsheet_Score=f"{verdict.score:.3f}",
        X_Broadsheet_Reasons=",".join(reason.code for reason in verdict.reasons),
    )
    if verdict.decision == Decision.DISCARD:
        response["X-akismet-pro-tip"] = "discard"
    return response


@akismet_endpoint
def submit_spam(form: QueryDict, key: ApiKey) -> HttpResponse:
    learn_from_client(read_client_comment(form, needs_content=False), is_spam=True, key=key)
    return answer(THANKS)


@akismet_endpoint
def submit_ham(form: QueryDict, key: ApiKey) -> HttpResponse:
    learn_from_client(read_client_comment(form, needs_content=False), is_spam=False, key=key)
    return answer(THANKS)
