"""Layer 1: deterministic checks, each giving a Reason with an additive weight in spam log-odds.

Weights are log-odds: +2.2 turns an even chance into 90% spam, -4 makes a likely spam (90%) a likely ham.
The checks follow what WordPress core (links, moderation and disallowed keys, flood, duplicates, approved
commenters), Antispam Bee (honeypot, too-fast submission, BBCode, regexp patterns on author and body,
language) and Akismet's documented inputs look at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .language import is_unlike_site_language
from .links import (
    BBCODE_LINK_PATTERN,
    EMAIL_PATTERN,
    LINK_PATTERN,
    count_links,
    domain_matches,
    domain_of,
    is_ip_address,
    is_url_shortener,
    links_in,
    may_contain_links,
    redirect_page_of,
    referral_code_of,
)
from .policy import Policy
from .submission import Decision, Reason, Submission

Rule = Callable[[Submission, Policy], Iterable[Reason]]

# Author names made of merchandise and marketing words (Antispam Bee's author pattern, extended).
STRONG_AUTHOR_WORDS = frozenset(
    {
        "viagra", "cialis", "levitra", "casino", "poker", "porn", "porno", "xxx", "sex", "escort",
        "escorts", "seo", "backlinks", "backlink", "payday", "loan", "loans", "replica", "pharmacy",
        "pills", "essay", "essays", "crypto", "bitcoin", "forex", "betting", "bet", "casinos", "vuitton",
        "moncler", "burberry", "prada", "oakley", "handbags", "handbag", "outlet",
    }
)  # fmt: skip
WEAK_AUTHOR_WORDS = frozenset(
    {
        "cheap", "buy", "best", "online", "services", "service", "discount", "sale", "shop", "store",
        "agency", "company", "marketing", "money", "deals", "deal", "free", "top", "official", "cheapest",
        "review", "reviews", "hosting", "web", "design", "lawyer", "insurance", "credit", "repair",
        "weight", "loss", "supplement", "buyers", "cash", "download", "tickets",
    }
)  # fmt: skip
AUTHOR_WORD_PATTERN = re.compile(r"[a-z]+")
DOMAIN_AS_NAME_PATTERN = re.compile(
    r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|net|org|info|biz|ru|co|io|xyz|top|online|shop|site)$"
)
# The shortest run either garbage pattern matches: empty_or_garbage searches only words this long.
SHORTEST_GARBAGE_RUN = 7
# Letter ranges in both cases rather than re.IGNORECASE, which folds the case of every character it tries
# and makes a search about twice as slow; the rules run on every comment.
VOWELLESS_WORD_PATTERN = re.compile(rf"\b[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]{{{SHORTEST_GARBAGE_RUN},}}\b")
LONG_WORD_PATTERN = re.compile(r"\b[a-zA-Z]{30,}\b")
# Calls to action that promote the commenter rather than discuss the article (YouTube and blog spam alike).
SELF_PROMOTION_PHRASES = (
    r"check\s*(?:out|it\s*out)\s+(?:my|our|this\s+(?:video|playlist|channel|site|website|page|song))",
    r"check\s+(?:me|us|this)\s+out",
    r"(?:come\s+and\s+)?(?:watch|see|listen\s+to)\s+my\s+(?:new\s+)?"
    r"(?:video|song|channel|music|track|album|mixtape|remix|cover|beats|podcast)",
    r"(?:please\s+|plz\s+|pls\s+)?(?:sub(?:scribe)?|suscribe)\s+(?:to\s+)?(?:my|me|our)\b",
    r"sub\s+4\s+sub|follow\s+4\s+follow|like\s+4\s+like",
    r"my\s+(?:new\s+)?(?:youtube\s+|gaming\s+)?channel|my\s+videos",
    r"visit\s+(?:my|our)\s+(?:site|website|blog|page|shop)",
    r"like\s+this\s+comment|add\s+me\s+(?:on|here|at)\b|follow\s+me\s+on",
    r"take\s+a\s+look\s+at\s+(?:my|this\s+video)",
    r"earn\s+(?:real\s+)?(?:money|\$|cash)|make\s+money",
    r"free\s+(?:gift\s+cards?|money|iphone|followers|subscribers)|gift\s+cards?",
    r"(?:reach|get|hit)\s+\d+k?\s+subscribers",
    # The same asks in the other languages language.py tells apart: spam is written in the spammer's.
    r"(?:susc?r[ií]b(?:ete|anse|irse)|subscribirse|inscrev[ae]m?-se)\s+(?:a\s+|en\s+|no\s+|ao\s+)?"
    r"(?:mi|meu|nuestro|nosso)\b",
    r"(?:mi|meu|nuestro|nosso)\s+(?:nuevo\s+|novo\s+)?canal\b|ma\s+cha[iî]ne\b|mein(?:en)?\s+kanal\b",
    r"mio\s+canale\b|abonnez-vous|abonne-toi|s[ií]g(?:ue|an)me\s+en\b|(?:dale|denle)\s+like\b",
)
# Searched in the lowercased text, for the same reason.
SELF_PROMOTION_PATTERN = re.compile(r"\b(?:" + "|".join(SELF_PROMOTION_PHRASES) + ")")
# Scams that post no links (fund "recovery", loans, spell casters, "my broker made me rich") ask readers to
# reach someone elsewhere instead: by e-mail, phone or a messenger, often with a handle.
PHONE_NUMBER = r"\+?\d(?:[\s().-]{0,2}\d){8,14}"
MESSENGER = r"\b(?:whats\s?app|telegram|wechat|viber)\b"
MESSENGER_NAMES = ("whats", "telegram", "wechat", "viber")
# Nine digits in a row (separators allowed) start every phone number the pattern below accepts.
DIGIT_RUN_PATTERN = re.compile(r"\d[\d\s().-]{8}")
CONTACT_ELSEWHERE_PATTERN = re.compile(
    r"\b(?:contact|reach(?:\s+out\s+to)?|write\s+to|message|text|call|dm|pm|e-?mail|inbox"
    r"|hit\s+(?:me|him|her|them)\s+up|get\s+in\s+touch\s+with)\b[^!?\n]{0,40}?"
    rf"(?:[\w.+-]+@[\w-]+\.[a-z]{{2,}}|(?<![\w.])@\w{{3,30}}|{PHONE_NUMBER}|{MESSENGER})"
    rf"|{MESSENGER}[\s:.-]{{0,5}}(?:{PHONE_NUMBER}|@\w{{3,30}})"
)
# Links are taken out before that search and e-mail addresses kept: a link's digits and "@"
# ("...&qid=1408122684", "medium.com/@writer") are no contact details, but an address's domain reads as a link.
EMAIL_OR_LINK_PATTERN = re.compile(
    rf"(?P<email>{EMAIL_PATTERN.pattern})|{LINK_PATTERN.pattern}", re.IGNORECASE
)
LETTER_PATTERN = re.compile(r"[^\W\d_]")
REPEATED_LETTER_PATTERN = re.compile(r"([^\W\d_])\1+", re.IGNORECASE)
TRAILING_ANCHOR_PATTERN = re.compile(r"<a\s[^>]*>\s*([^<]{1,100}?)\s*</a>\s*$", re.IGNORECASE)


def honeypot(submission: Submission, policy: Policy) -> Iterable[Reason]:
    filled = sorted(name for name, value in submission.honeypot_values.items() if value.strip())
    if filled:
        yield Reason(
            "honeypot",
            10.0,
            f"A hidden field people never see ({', '.join(filled)}) was filled in, which only bots do.",
            decisive=True,
            at_least=Decision.DISCARD,
        )


def render_timestamp(submission: Submission, policy: Policy) -> Iterable[Reason]:
    problem = submission.timestamp_problem
    if problem == "forged":
        yield Reason(
            "timestamp_forged",
            4.0,
            "The form's signed time stamp was altered or made up, so the form was not filled in on this site.",
            decisive=True,
            at_least=Decision.SPAM,
        )
    elif problem == "missing":
        yield Reason(
            "timestamp_missing",
            1.5,
            "The form's time stamp is missing: the comment was probably posted without loading the page.",
        )
    elif problem == "expired":
        yield Reason("timestamp_expired", 0.7, "The comment form was loaded days before it was sent.")
    elif submission.form_rendered_at and submission.submitted_at:
        seconds = (submission.submitted_at - submission.form_rendered_at).total_seconds()
        if seconds < policy.min_seconds_to_submit:
            yield Reason(
                "too_fast",
                3.5,
                f"The comment was sent {max(seconds, 0):.1f} s after the form appeared, faster than anyone types.",
            )
        elif seconds > policy.max_token_age_seconds:
            yield Reason("timestamp_expired", 0.7, "The comment form was loaded days before it was sent.")


def link_count(submission: Submission, policy: Policy) -> Iterable[Reason]:
    links = count_links(submission.content)
    if links > policy.max_links_before_hold:
        yield Reason(
            "link_count",
            1.0 + 0.5 * min(links - policy.max_links_before_hold, 6),
            f"The comment contains {links} links; more than {policy.max_links_before_hold} are held for review.",
            at_least=Decision.HOLD,
        )


def bbcode_links(submission: Submission, policy: Policy) -> Iterable[Reason]:
    if BBCODE_LINK_PATTERN.search(submission.content):
        yield Reason(
            "bbcode_link",
            3.0,
            "The comment uses forum [url] link codes, which this site does not support and spam tools paste.",
        )


def _words_found(words: tuple[str, ...], fields: Iterable[str]) -> list[str]:
    if not words:
        return []
    text = "\n".join(fields).lower()
    return [word for word in words if word.strip() and word.strip().lower() in text]


def listed_words(submission: Submission, policy: Policy) -> Iterable[Reason]:
    # Like WordPress, the lists match anywhere in author, email, URL, text, IP and user agent.
    fields = (
        submission.content,
        submission.author,
        submission.email,
        submission.url,
        submission.ip,
        submission.user_agent,
    )
    blocked = _words_found(policy.blocked_words, fields)
    if blocked:
        yield Reason(
            "blocked_word",
            6.0,
            f"It contains words this site blocks: {', '.join(blocked[:3])}.",
            decisive=True,
            at_least=Decision.SPAM,
        )
    held = _words_found(policy.moderation_words, fields)
    if held:
        yield Reason(
            "moderation_word",
            0.0,
            f"It contains words this site reviews before publishing: {', '.join(held[:3])}.",
            at_least=Decision.HOLD,
        )


def listed_sources(submission: Submission, policy: Policy) -> Iterable[Reason]:
    if submission.ip and policy.blocked_ips and submission.ip in policy.blocked_ips:
        yield Reason(
            "blocked_ip", 10.0, "It was sent from an IP address this site blocks.", True, Decision.DISCARD
        )
    email = submission.email.strip().lower()
    if email and policy.blocked_emails and any(email == blocked.lower() or email.endswith("@" + blocked.lower().lstrip("@"))
                     for blocked in policy.blocked_emails):  # fmt: skip
        yield Reason(
            "blocked_email",
            10.0,
            "It was sent with an email address this site blocks.",
            True,
            Decision.DISCARD,
        )
    if not (policy.blocked_domains or policy.moderation_domains):
        return
    domains = {domain_of(link) for link in links_in(submission.content)} | {domain_of(submission.url)}
    domains.discard("")
    blocked = sorted(
        d for d in domains if any(domain_matches(d, listed) for listed in policy.blocked_domains)
    )
    if blocked:
        yield Reason(
            "blocked_domain",
            6.0,
            f"It links to a domain this site blocks: {', '.join(blocked[:3])}.",
            decisive=True,
            at_least=Decision.SPAM,
        )
    held = sorted(
        d for d in domains if any(domain_matches(d, listed) for listed in policy.moderation_domains)
    )
    if held:
        yield Reason(
            "moderation_domain",
            0.0,
            f"It links to a domain this site reviews: {', '.join(held[:3])}.",
            at_least=Decision.HOLD,
        )


def source_history(submission: Submission, policy: Policy) -> Iterable[Reason]:
    history = submission.history
    if history.spam_from_email:
        yield Reason(
            "spam_history_email",
            min(2.5 + 0.5 * history.spam_from_email, 5.0),
            f"{history.spam_from_email} earlier comment(s) with this email address were spam.",
        )
    if history.spam_from_ip:
        yield Reason(
            "spam_history_ip",
            min(1.5 + 0.5 * history.spam_from_ip, 4.0),
            f"{history.spam_from_ip} earlier comment(s) from this IP address were spam.",
        )
    if history.spam_from_url:
        yield Reason(
            "spam_history_url",
            min(2.0 + 0.5 * history.spam_from_url, 4.5),
            f"{history.spam_from_url} earlier comment(s) giving a website on this domain were spam.",
        )
    if history.recent_from_ip > policy.max_recent_from_ip:
        yield Reason(
            "comment_flood",
            2.0,
            f"{history.recent_from_ip} comments came from this IP address in the last few minutes.",
            at_least=Decision.HOLD,
        )
    if history.same_content_recently:
        yield Reason(
            "duplicate_content",
            2.5,
            "The same comment was already sent; spam tools post one text many times.",
            at_least=Decision.HOLD,
        )


def trusted_commenter(submission: Submission, policy: Policy) -> Iterable[Reason]:
    history = submission.history
    if history.approved_from_email > 0 and history.approved_from_email > history.spam_from_email:
        yield Reason(
            "trusted_commenter",
            -4.0 - min(history.approved_from_email, 5) * 0.2,
            f"This email address has {history.approved_from_email} approved comment(s) here.",
        )


# People stretch words ("sooooo good", "wowwww"); bots paste random strings. Squeezing repeated letters
# tells them apart, and only needs doing when the unsqueezed text matches (squeezing only shortens runs).
def _has_long_letter_run(long_words: str) -> bool:
    return bool(LONG_WORD_PATTERN.search(long_words)) and bool(
        LONG_WORD_PATTERN.search(REPEATED_LETTER_PATTERN.sub(r"\1", long_words))
    )


def _has_consonant_strings(long_words: str) -> bool:
    return len(VOWELLESS_WORD_PATTERN.findall(long_words)) >= 2 and (
        len(VOWELLESS_WORD_PATTERN.findall(REPEATED_LETTER_PATTERN.sub(r"\1", long_words))) >= 2
    )


def empty_or_garbage(submission: Submission, policy: Policy) -> Iterable[Reason]:
    content = submission.content.strip()
    if not content:
        yield Reason("empty_content", 3.0, "The comment has no text.", at_least=Decision.HOLD)
        return
    # Both patterns below need a run of SHORTEST_GARBAGE_RUN letters or more, so only the text's long words
    # are searched: the same matches, found in a fraction of the text.
    long_words = " ".join([word for word in content.split() if len(word) >= SHORTEST_GARBAGE_RUN])
    if not LETTER_PATTERN.search(content):
        yield Reason("no_words", 1.5, "The comment contains no words, only symbols or numbers.")
    elif _has_long_letter_run(long_words) and not links_in(content):
        yield Reason(
            "garbage_text", 1.5, "The comment contains a 30-letter run of letters, typical of bot filler."
        )
    elif _has_consonant_strings(long_words):
        yield Reason("garbage_text", 1.0, "The comment contains strings of consonants that are not words.")
    author = submission.author.strip()
    if author and not LETTER_PATTERN.search(author):
        yield Reason("garbage_author", 0.5, "The name contains no letters.")


def keyword_author(submission: Submission, policy: Policy) -> Iterable[Reason]:
    author = submission.author.strip().lower()
    if not author:
        return
    words = AUTHOR_WORD_PATTERN.findall(author)
    strong = [word for word in words if word in STRONG_AUTHOR_WORDS]
    weak = [word for word in words if word in WEAK_AUTHOR_WORDS]
    if 2 * len(strong) + len(weak) >= 2 and (strong or len(weak) >= 2) and len(words) <= 6:
        yield Reason(
            "keyword_author",
            2.5,
            f"The name “{submission.author.strip()}” is made of advertising keywords, not a person's name.",
        )
    elif DOMAIN_AS_NAME_PATTERN.match(author):
        yield Reason("domain_author", 1.5, f"The name “{submission.author.strip()}” is a web address.")


def link_named_after_author(submission: Submission, policy: Policy) -> Iterable[Reason]:
    author = submission.author.strip().lower()
    if len(author) < 3:
        return
    if not links_in(submission.content):  # cached, and most comments have no link to sign with
        return
    tail = submission.content.strip()[-400:]
    anchor = TRAILING_ANCHOR_PATTERN.search(tail) if "<" in tail else None
    if anchor:
        signature = anchor.group(1)
    else:
        # "... Great post! John Smith http://john-smith-seo.example": a bare link right after the name.
        last_link = next(reversed(list(LINK_PATTERN.finditer(tail))), None)
        if last_link is None or tail[last_link.end() :].strip(" ./!"):
            return
        signature = tail[: last_link.start()]
    if signature.strip(" :-–\n").lower().endswith(author):
        yield Reason(
            "author_link_signature",
            2.5,
            "The comment ends with a link named after the author, the signature of link-building spam.",
        )


def self_promotion(submission: Submission, policy: Policy) -> Iterable[Reason]:
    match = SELF_PROMOTION_PATTERN.search(submission.content.lower())
    if match:
        yield Reason(
            "self_promotion",
            2.0,
            f"It asks readers to act for the author (“{match.group(0)}”) instead of discussing the article.",
        )


def contact_elsewhere(submission: Submission, policy: Policy) -> Iterable[Reason]:
    text = submission.content.lower()
    # Most comments give no contact detail at all; these cheap tests spare them the full search.
    if (
        "@" not in text
        and not any(name in text for name in MESSENGER_NAMES)
        and not DIGIT_RUN_PATTERN.search(text)
    ):
        return
    if may_contain_links(text):
        text = EMAIL_OR_LINK_PATTERN.sub(lambda found: found.group("email") or " ", text)
    match = CONTACT_ELSEWHERE_PATTERN.search(text)
    if match:
        yield Reason(
            "contact_elsewhere",
            1.5,
            f"It asks readers to contact someone off the site (“{' '.join(match.group(0).split())}”), as "
            "scams that post no links do.",
        )


def hidden_destinations(submission: Submission, policy: Policy) -> Iterable[Reason]:
    """Links that hide where they go: behind a URL shortener, a trusted site's redirect page or a bare IP
    address."""
    links = links_in(submission.content)
    if not links and not submission.url:
        return
    domains = {domain_of(link) for link in links} | {domain_of(submission.url)}
    shortened = sorted(domain for domain in domains if is_url_shortener(domain))
    if shortened:
        yield Reason(
            "url_shortener",
            1.5,
            f"It hides where its link goes behind a URL shortener ({', '.join(shortened)}).",
        )
    redirects = sorted({page for link in (*links, submission.url) if (page := redirect_page_of(link))})
    if redirects:
        yield Reason(
            "redirect_link",
            1.5,
            f"It hides where its link goes behind a redirect page ({', '.join(redirects)}), which sends the "
            "reader on to another address under a trusted site's name.",
        )
    numeric = sorted(domain for domain in domains if is_ip_address(domain))
    if numeric:
        yield Reason(
            "numeric_link",
            1.5,
            f"Its link names no site, only a server's IP address ({', '.join(numeric)}), as spam does to get "
            "past lists of blocked domains.",
        )


def referral_links(submission: Submission, policy: Policy) -> Iterable[Reason]:
    codes = sorted({code for link in links_in(submission.content) if (code := referral_code_of(link))})
    if codes:
        yield Reason(
            "referral_link",
            1.5,
            f"Its link carries a referral code ({', '.join(codes[:3])}): the poster is paid for each reader "
            "who signs up or buys.",
        )


def foreign_language(submission: Submission, policy: Policy) -> Iterable[Reason]:
    if not policy.check_language:
        return
    guess = is_unlike_site_language(submission.content, submission.site_language)
    if guess:
        yield Reason(
            "language",
            0.7,
            f"The comment seems to be written in another language ({guess.language}) than the site's "
            f"({submission.site_language}).",
        )


RULES: tuple[Rule, ...] = (
    honeypot,
    render_timestamp,
    link_count,
    bbcode_links,
    listed_words,
    listed_sources,
    source_history,
    trusted_commenter,
    empty_or_garbage,
    keyword_author,
    link_named_after_author,
    self_promotion,
    contact_elsewhere,
    hidden_destinations,
    referral_links,
    foreign_language,
)


def evaluate_rules(submission: Submission, policy: Policy, rules: Iterable[Rule] = RULES) -> list[Reason]:
    """Every reason the rules find, in rule order."""
    return [reason for rule in rules for reason in rule(submission, policy)]
