"""Finding links and their domains in comment text, the way spammers write them."""

from __future__ import annotations

import functools
import ipaddress
import re
from urllib.parse import urlsplit

# A scheme URL, a bare www. host, or a bare host with a common spam TLD; WordPress counts `<a href` and
# `https?://`, but comment spam often leaves the scheme off to dodge exactly that count.
BARE_DOMAIN_TLDS = "com|net|org|info|biz|ru|ly|gl|co|me|tk|xyz|top|io|us|in|uk"
LINK_PATTERN = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'\]\[)]+"
    rf"|\b[a-z0-9][a-z0-9-]{{1,62}}\.(?:{BARE_DOMAIN_TLDS})"
    r"(?:/[^\s<>\"'\]\[)]*)?\b",
    re.IGNORECASE,
)
# What every link LINK_PATTERN finds contains besides "://": "www." or a dot before a top-level domain.
# A search for these starts only at a dot, where the full pattern tries a bare domain at every word.
LINK_HINT_PATTERN = re.compile(rf"\.(?:{BARE_DOMAIN_TLDS})|www\.", re.IGNORECASE)
EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# What every address EMAIL_PATTERN finds contains. A search for it starts only at an "@"; the full pattern
# tries every word, and on Instagram a quarter of comments have an "@handle" that is no address.
EMAIL_HINT_PATTERN = re.compile(r"@[\w-]+\.[\w.-]")
ANCHOR_PATTERN = re.compile(r"<a\s[^>]*href", re.IGNORECASE)
BBCODE_LINK_PATTERN = re.compile(r"\[(?:url|link)(?:=|\])", re.IGNORECASE)

URL_SHORTENERS = frozenset(
    {
        "bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly", "adf.ly", "bit.do", "cutt.ly",
        "shorturl.at", "shorturl.fm", "rebrand.ly", "tiny.cc", "lnkd.in", "v.gd", "x.co", "soo.gd", "s.id",
        "rb.gy", "t.ly", "shorte.st", "bc.vc", "ouo.io", "linktr.ee", "po.st", "qr.net", "1url.com", "tr.im",
        # Shorteners that pay the poster per click, through an advert shown before the destination.
        "linkbucks.com", "adfoc.us", "sh.st", "exe.io", "fc.lc", "shrinkme.io", "shhort.com",
    }
)  # fmt: skip

# Pages that send the reader on to whatever address their query names (host, path): like a shortener they
# hide the destination, and they carry a link past a site's blocked-domain list under a trusted name.
REDIRECT_PAGES = (
    ("facebook.com", "/l.php"), ("youtube.com", "/redirect"), ("vk.com", "/away.php"), ("away.vk.com", "/"),
    ("t.umblr.com", "/redirect"), ("out.reddit.com", "/"), ("href.li", "/"), ("l.instagram.com", "/"),
)  # fmt: skip
# A referral or affiliate code in a link's query: the poster is paid for each reader who signs up or buys.
# The value must look like a code, five characters or more with a digit or words run together ("?ref=hl"
# and "?r=1" are a site's own tracking); an Amazon Associates tag ends in its country's number.
REFERRAL_CODE_PATTERN = re.compile(
    r"[?&;](?:(?i:ref|ref_?id|r|aff|aff_?id|affiliate(?:_id)?|referr?al|referrer|invite)"
    r"=(?=[\w-]{5})[\w-]*(?:\d|[a-z][A-Z])[\w-]*|tag=[\w.]+-\d\d\b)"
)
GOOGLE_HOST_PATTERN = re.compile(r"(?:[a-z]+\.)?google(?:\.[a-z]{2,3}){1,2}")


@functools.lru_cache(maxsize=1024)
def links_in(text: str) -> tuple[str, ...]:
    """Every link written in the text: HTML anchors' targets, bare URLs and bare domains.

    Cached because several rules and the features ask about the same text in a row.
    """
    return tuple(LINK_PATTERN.findall(text)) if may_contain_links(text) else ()


def may_contain_links(text: str) -> bool:
    """False when no link can be in the text. A fifth of the cost of the full pattern, and nine comments
    in ten (sentences end with dots, but few dots start a top-level domain) need nothing more."""
    return "://" in text or ("." in text and LINK_HINT_PATTERN.search(text) is not None)


def count_links(text: str) -> int:
    """Distinct links, so an anchor whose visible text repeats its URL counts once."""
    return len({link.lower().rstrip("/.,") for link in links_in(text)})


@functools.lru_cache(maxsize=4096)
def domain_of(url: str) -> str:
    """The lowercased host of a URL with or without a scheme, without `www.` ("" when there is none)."""
    url = url.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.").rstrip(".")


def domain_matches(domain: str, listed: str) -> bool:
    """Whether `domain` is the listed domain or one of its subdomains."""
    listed = listed.lower().removeprefix("www.")
    return bool(domain) and (domain == listed or domain.endswith("." + listed))


def is_url_shortener(domain: str) -> bool:
    return domain in URL_SHORTENERS


def is_ip_address(domain: str) -> bool:
    """Whether a link's host is a bare IPv4 or IPv6 address ("203.0.113.7") rather than a name."""
    if not domain or not (domain[0].isdigit() or ":" in domain):
        return False
    try:
        ipaddress.ip_address(domain)
    except ValueError:
        return False
    return True


def redirect_page_of(link: str) -> str:
    """The redirect page a link passes through ("google.ro/url", "facebook.com/l.php"), or ""."""
    domain = domain_of(link)
    if not domain:
        return ""
    path = urlsplit(link if "://" in link else "http://" + link).path
    if path == "/url" and GOOGLE_HOST_PATTERN.fullmatch(domain):
        return f"{domain}/url"
    for host, prefix in REDIRECT_PAGES:
        if domain_matches(domain, host) and path.startswith(prefix) and (prefix != "/" or len(path) > 1):
            return f"{host}{prefix.rstrip('/')}"
    return ""


def referral_code_of(link: str) -> str:
    """The referral or affiliate code a link carries ("ref=4604617"), or ""."""
    if "=" not in link:
        return ""
    found = REFERRAL_CODE_PATTERN.search(link)
    return found.group(0)[1:] if found else ""
