from datetime import UTC, datetime, timedelta

from broadsheet.antispam.core import Decision, read_render_time, sign_render_time

from .builders import a_comment, rules_only_engine

SECRET = b"test-secret"
RENDERED = datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC)
THREE_DAYS = 3 * 24 * 3600


def test_a_signed_render_time_reads_back_to_the_millisecond():
    token = sign_render_time(SECRET, RENDERED)

    assert read_render_time(SECRET, token, RENDERED + timedelta(minutes=2), THREE_DAYS) == (RENDERED, None)


def test_a_token_signed_with_another_secret_or_edited_is_forged():
    token = sign_render_time(SECRET, RENDERED)
    version, millis, signature = token.split(".")
    backdated = f"{version}.{int(millis) - 60_000}.{signature}"

    assert read_render_time(b"other", token, RENDERED, THREE_DAYS) == (None, "forged")
    assert read_render_time(SECRET, backdated, RENDERED, THREE_DAYS) == (None, "forged")
    assert read_render_time(SECRET, "garbage", RENDERED, THREE_DAYS) == (None, "forged")


def test_a_missing_or_old_token_is_reported_as_such():
    token = sign_render_time(SECRET, RENDERED)

    assert read_render_time(SECRET, "", RENDERED, THREE_DAYS) == (None, "missing")
    assert read_render_time(SECRET, token, RENDERED + timedelta(days=4), THREE_DAYS) == (None, "expired")


def test_a_cached_page_hours_old_still_gives_a_valid_token():
    token = sign_render_time(SECRET, RENDERED)

    rendered_at, problem = read_render_time(SECRET, token, RENDERED + timedelta(hours=20), THREE_DAYS)

    assert problem is None and rendered_at == RENDERED


def test_a_comment_sent_a_second_after_the_form_appeared_is_too_fast():
    comment = a_comment(form_rendered_at=RENDERED, submitted_at=RENDERED + timedelta(seconds=1))

    verdict = rules_only_engine().check(comment)

    assert "too_fast" in {reason.code for reason in verdict.reasons}
    assert verdict.decision in (Decision.HOLD, Decision.SPAM)


def test_a_comment_written_in_a_minute_passes_the_time_check():
    comment = a_comment(form_rendered_at=RENDERED, submitted_at=RENDERED + timedelta(seconds=60))

    verdict = rules_only_engine().check(comment)

    assert verdict.decision == Decision.APPROVE
    assert not {"too_fast", "timestamp_missing"} & {reason.code for reason in verdict.reasons}


def test_a_forged_token_marks_the_comment_as_spam():
    verdict = rules_only_engine().check(a_comment(timestamp_problem="forged"))

    assert verdict.decision == Decision.SPAM
