"""Marks responses that show one reader's own data (a held comment) as private, so no cache shares them.

The article view belongs to publishing and knows nothing of comments; the discussion's template tag flags the
request when it renders a held comment, and this middleware turns the flag into Cache-Control. It sits last
in MIDDLEWARE, so any page-cache middleware further out sees the header and stores nothing.
"""

from django.utils.cache import add_never_cache_headers, patch_cache_control

PRIVATE_FLAG = "shows_personal_data"


def mark_private(request) -> None:
    setattr(request, PRIVATE_FLAG, True)


def make_private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def keep_personal_pages_private(get_response):
    def middleware(request):
        response = get_response(request)
        if getattr(request, PRIVATE_FLAG, False):
            make_private(response)
        return response

    return middleware
