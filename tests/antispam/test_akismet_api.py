"""The Akismet-compatible API: existing Akismet clients get Broadsheet's verdicts, with the reasons behind them."""

from __future__ import annotations

import urllib.parse
import urllib.request
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from broadsheet.antispam import models
from broadsheet.antispam.models import ApiKey, ModeratorLabel

LINK_SPAM = (
    "Cheap viagra cialis pills online!!! Buy now http://cheap-pills.example/buy "
    "http://cheap-pills.example/order http://cheap-pills.example/deal http://casino-bonus.example/ "
    "visit my site for FREE gift cards and make money fast"
)
GENUINE = (
    "I was at the council meeting last night and the article gets the vote on the library budget right; "
    "the reporter might add that the new opening hours start in March."
)
THANKS = "Thanks for making the web a better place."


@pytest.fixture
def api_key(db) -> ApiKey:
    return ApiKey.objects.issue(site="https://client.example", note="a WordPress site")


def post(client: Client, endpoint: str, **parameters: str):
    return client.post(f"/1.1/{endpoint}", parameters)


def check(client: Client, key: ApiKey, content: str, **parameters: str):
    parameters.setdefault("blog", "https://client.example")
    parameters.setdefault("user_ip", "203.0.113.9")
    parameters.setdefault("user_agent", "Mozilla/5.0 (X11; Linux x86_64)")
    return post(client, "comment-check", api_key=key.secret, comment_content=content, **parameters)


def test_verify_key_answers_valid_for_an_active_key_and_invalid_otherwise(client, api_key):
    response = post(client, "verify-key", api_key=api_key.secret, blog="https://client.example")
    assert response.status_code == 200
    assert response.content == b"valid"
    assert response["Content-Type"] == "text/plain; charset=utf-8"

    assert (
        post(client, "verify-key", api_key="not-a-key", blog="https://client.example").content == b"invalid"
    )
    # The older "key" parameter works too.
    assert post(client, "verify-key", key=api_key.secret, blog="https://client.example").content == b"valid"

    api_key.is_active = False
    api_key.save()
    answer = post(client, "verify-key", api_key=api_key.secret, blog="https://client.example")
    assert answer.content == b"invalid"
    assert "X-akismet-debug-help" in answer


def test_link_spam_is_true_and_a_genuine_comment_false_each_with_its_reasons(client, api_key):
    spam = check(client, api_key, LINK_SPAM, comment_author="Cheap Pills Online",
                 comment_author_url="http://cheap-pills.example")  # fmt: skip
    assert spam.status_code == 200
    assert spam.content == b"true"
    assert spam["X-Broadsheet-Verdict"] in ("spam", "discard")
    assert float(spam["X-Broadsheet-Score"]) > 0.9
    assert "link_count" in spam["X-Broadsheet-Reasons"].split(",")

    genuine = check(client, api_key, GENUINE, comment_author="Helen Marsh",
                    comment_author_email="helen@example.org")  # fmt: skip
    assert genuine.content == b"false"
    assert genuine["X-Broadsheet-Verdict"] in ("approve", "hold")
    assert float(genuine["X-Broadsheet-Score"]) < 0.5
    assert "classifier" in genuine["X-Broadsheet-Reasons"].split(",")
    assert "X-akismet-pro-tip" not in genuine


def test_blatant_spam_carries_the_discard_pro_tip(client, api_key):
    response = check(client, api_key, LINK_SPAM, honeypot_field_name="ak_hp_textarea",
                     ak_hp_textarea="http://cheap-pills.example")  # fmt: skip
    assert response.content == b"true"
    assert response["X-akismet-pro-tip"] == "discard"
    assert response["X-Broadsheet-Verdict"] == "discard"
    assert "honeypot" in response["X-Broadsheet-Reasons"].split(",")


def test_an_administrators_comment_is_never_spam(client, api_key):
    response = check(client, api_key, LINK_SPAM, user_role="administrator")
    assert response.content == b"false"
    assert "client_administrator" in response["X-Broadsheet-Reasons"].split(",")


def test_a_bad_key_or_missing_parameters_answer_invalid_with_the_reason(client, api_key):
    bad_key = post(
        client, "comment-check", api_key="nope", blog="https://client.example", comment_content="Hi"
    )
    assert (bad_key.status_code, bad_key.content) == (200, b"invalid")

    no_blog = post(client, "comment-check", api_key=api_key.secret, comment_content="Hello there")
    assert no_blog.content == b"invalid"
    assert no_blog["X-akismet-debug-help"] == 'Empty "blog" value'

    nothing_to_check = post(client, "comment-check", api_key=api_key.secret, blog="https://client.example")
    assert nothing_to_check.content == b"invalid"
    assert "comment_content" in nothing_to_check["X-akismet-debug-help"]


def test_only_post_is_answered_and_nothing_is_cached(client, api_key):
    for endpoint in ("verify-key", "comment-check", "submit-spam", "submit-ham"):
        assert client.get(f"/1.1/{endpoint}", {"api_key": api_key.secret}).status_code == 405
    response = check(client, api_key, GENUINE)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_it_needs_no_csrf_token(api_key):
    strict = Client(enforce_csrf_checks=True)
    assert check(strict, api_key, GENUINE).content == b"false"


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2_000)
def test_an_oversized_body_is_refused(client, api_key):
    as_multipart = check(client, api_key, "words " * 1_000)
    form_encoded = client.post(
        "/1.1/comment-check",
        urllib.parse.urlencode(
            {"api_key": api_key.secret, "blog": "https://x.example", "comment_content": "words " * 1_000}
        ),
        content_type="application/x-www-form-urlencoded",
    )
    for response in (as_multipart, form_encoded):
        assert response.status_code == 413
        assert response.content == b"invalid"
        assert "2000 bytes" in response["X-akismet-debug-help"]


def test_a_checked_comment_leaves_nothing_behind_but_the_keys_last_use(client, api_key):
    check(client, api_key, GENUINE, comment_author_email="helen@example.org")
    assert not ModeratorLabel.objects.exists()
    api_key.refresh_from_db()
    assert api_key.last_used_at is not None


def test_submit_spam_is_learned_like_a_moderators_mark_and_judges_that_source_harder(
    client, api_key, django_capture_on_commit_callbacks
):
    sender = {"comment_author": "Sam Poster", "comment_author_email": "sam@example.net",
              "comment_author_url": "https://sam.example"}  # fmt: skip
    first_text = "Nice article, I enjoyed reading about the council's plans for the library."
    first = check(client, api_key, first_text, **sender)
    assert first.content == b"false"

    with django_capture_on_commit_callbacks(execute=True):
        reported = post(client, "submit-spam", api_key=api_key.secret, blog="https://client.example",
                        comment_content=first_text, user_ip="198.51.100.23", **sender)  # fmt: skip
    assert reported.content.decode() == THANKS

    label = ModeratorLabel.objects.get()
    assert label.is_spam and label.content == first_text
    assert label.email_domain == "example.net" and label.labelled_by is None
    assert "sam@example.net" not in str(label.__dict__) and "198.51.100.23" not in str(label.__dict__)

    later = check(client, api_key, "Another nice article, I enjoyed reading about the plans for the park.",
                  **sender)  # fmt: skip
    reasons = later["X-Broadsheet-Reasons"].split(",")
    assert {"spam_history_email", "spam_history_url"} <= set(reasons)
    assert float(later["X-Broadsheet-Score"]) > float(first["X-Broadsheet-Score"])
    assert later.content == b"true"

    # Reported again as ham (a false positive): the same example, now saying "not spam".
    thanked = post(client, "submit-ham", api_key=api_key.secret, blog="https://client.example",
                   comment_content=first_text, **sender)  # fmt: skip
    assert thanked.content.decode() == THANKS
    assert ModeratorLabel.objects.get().is_spam is False


def test_test_submissions_are_never_learned_from(client, api_key):
    for endpoint in ("submit-spam", "submit-ham"):
        for is_test in ("1", "true"):
            response = post(client, endpoint, api_key=api_key.secret, blog="https://client.example",
                            comment_content=LINK_SPAM, is_test=is_test)  # fmt: skip
            assert response.content.decode() == THANKS
    assert not ModeratorLabel.objects.exists()


def test_a_reported_commenters_erasure_request_finds_their_examples(client, api_key):
    from broadsheet.antispam.feedback import forget_commenter

    post(client, "submit-spam", api_key=api_key.secret, blog="https://client.example", comment_content=LINK_SPAM,
         comment_author_email="Sam@Example.net")  # fmt: skip
    assert forget_commenter("sam@example.net") == 1


def test_forgetting_a_keys_reports_leaves_other_keys_and_moderators_labels(client, api_key):
    other = ApiKey.objects.issue(site="https://other.example")
    for key in (api_key, other):
        post(client, "submit-spam", api_key=key.secret, blog=key.site, comment_content=LINK_SPAM)
    ModeratorLabel.objects.create(
        source="comment:7", content="A moderator's own decision", is_spam=True, labelled_at=timezone.now()
    )

    assert api_key.forget_reports() == 1
    assert not ModeratorLabel.objects.filter(source__startswith=api_key.report_source).exists()
    assert ModeratorLabel.objects.filter(source__startswith=other.report_source).count() == 1
    assert ModeratorLabel.objects.filter(source="comment:7").exists()


def test_a_body_in_the_blogs_own_charset_is_read_in_it(client, api_key):
    body = urllib.parse.urlencode(
        {
            "api_key": api_key.secret,
            "blog": "https://client.example",
            "blog_charset": "ISO-8859-1",
            "comment_content": "Un café très cher, à Noël.",
        },  # fmt: skip
        encoding="latin-1",
    )
    response = client.post("/1.1/submit-ham", body, content_type="application/x-www-form-urlencoded")
    assert response.content.decode() == THANKS
    assert ModeratorLabel.objects.get().content == "Un café très cher, à Noël."


@override_settings(ALLOWED_HOSTS=[".rest.example.org", "testserver"])
def test_the_oldest_clients_send_the_key_as_a_host_name(client, api_key):
    response = client.post(
        "/1.1/verify-key", {"blog": "https://client.example"}, HTTP_HOST=f"{api_key.secret}.rest.example.org"
    )
    assert response.content == b"valid"


def test_the_spam_command_creates_a_key(db, capsys):
    from django.core.management import call_command

    call_command("spam", "api-key", "create", "--site", "https://blog.example", "--note", "Ann's blog")
    printed = capsys.readouterr().out.strip()
    key = ApiKey.objects.get()
    assert ApiKey.objects.usable(printed) == key and key.site == "https://blog.example" and key.is_active


@pytest.mark.django_db(transaction=True)
def test_an_akismet_client_library_works_over_http(live_server):
    """What every Akismet library does: a form-encoded POST to {host}/1.1/comment-check with a User-Agent."""
    key = ApiKey.objects.issue(site="https://client.example")

    def call(endpoint: str, **parameters: str) -> tuple[str, dict[str, str]]:
        body = urllib.parse.urlencode({"api_key": key.secret, "blog": "https://client.example", **parameters})
        request = urllib.request.Request(
            f"{live_server.url}/1.1/{endpoint}",
            data=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
                "User-Agent": "WordPress/6.6 | Akismet/5.3",
            },  # fmt: skip
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode(), dict(response.headers)

    assert call("verify-key")[0] == "valid"
    spam, spam_headers = call("comment-check", user_ip="203.0.113.9", comment_type="comment",
                              comment_author="Cheap Pills Online", comment_content=LINK_SPAM)  # fmt: skip
    assert spam == "true"
    assert spam_headers["X-Broadsheet-Verdict"] in ("spam", "discard")
    genuine, genuine_headers = call("comment-check", user_ip="203.0.113.10", comment_type="comment",
                                    comment_author="Helen Marsh", comment_content=GENUINE)  # fmt: skip
    assert genuine == "false"
    assert genuine_headers["Content-Type"] == "text/plain; charset=utf-8"
    assert call("submit-spam", comment_content=LINK_SPAM, is_test="1")[0] == THANKS


def test_the_server_keeps_only_a_digest_of_each_key(api_key):
    stored = ApiKey.objects.get(pk=api_key.pk)
    assert stored.secret == "" and api_key.secret not in str(stored.__dict__)
    assert stored.prefix == api_key.secret[:6] and len(stored.digest) == 64
    assert ApiKey.objects.usable(f" {api_key.secret}\n") == stored
    assert ApiKey.objects.usable(stored.digest) is None


def test_a_key_given_a_new_value_refuses_the_old_one(client, api_key):
    old = api_key.secret
    api_key.replace_secret()
    api_key.save()
    assert post(client, "verify-key", api_key=old, blog="https://client.example").content == b"invalid"
    assert (
        post(client, "verify-key", api_key=api_key.secret, blog="https://client.example").content == b"valid"
    )


@override_settings(AKISMET_API_REQUESTS_PER_MINUTE=3)
def test_a_key_over_its_limit_is_told_to_wait_and_others_are_not(client, api_key, monkeypatch):
    cache.clear()
    # Twenty seconds into a minute, whenever the test runs, so the four requests share one.
    monkeypatch.setattr(models, "time", SimpleNamespace(time=lambda: 1_800_000_020.0))
    other = ApiKey.objects.issue(site="https://other.example")
    answers = [post(client, "verify-key", api_key=api_key.secret, blog=api_key.site) for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused["Retry-After"] == "40"
    assert b"3 a minute" in refused.content and refused.content != b"invalid"
    assert post(client, "verify-key", api_key=other.secret, blog=other.site).content == b"valid"


def test_the_limit_counts_per_minute(api_key):
    cache.clear()
    with override_settings(AKISMET_API_REQUESTS_PER_MINUTE=2):
        start = 1_800_000_000.0  # the start of a minute
        assert [api_key.seconds_until_allowed(start + second) for second in (0, 1, 50)] == [0, 0, 10]
        assert api_key.seconds_until_allowed(start + 60) == 0


def test_the_admin_shows_a_new_key_once_and_stores_its_digest(admin_client):
    response = admin_client.post(
        "/admin/antispam/apikey/add/", {"site": "https://ann.example", "note": "Ann", "is_active": "on"}
    )
    key = ApiKey.objects.get(site="https://ann.example")
    shown = response.content.decode()
    secret = shown.split('id="api-key" type="text" value="')[1].split('"')[0]
    assert ApiKey.objects.usable(secret) == key and "no-store" in response["Cache-Control"]
    assert secret not in admin_client.get(f"/admin/antispam/apikey/{key.pk}/change/").content.decode()
    assert secret not in admin_client.get("/admin/antispam/apikey/").content.decode()

    renewed = admin_client.post(
        "/admin/antispam/apikey/", {"action": "replace_secret", "_selected_action": [key.pk]}
    )
    new_secret = renewed.content.decode().split('id="api-key" type="text" value="')[1].split('"')[0]
    assert new_secret != secret and ApiKey.objects.usable(new_secret) == key
    assert ApiKey.objects.usable(secret) is None
