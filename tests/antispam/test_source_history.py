from broadsheet.antispam.core import Decision, SourceHistory

from .builders import a_comment, rules_only_engine


def test_spam_earlier_from_the_same_ip_and_email_pushes_toward_spam():
    first = rules_only_engine().check(a_comment())
    again = rules_only_engine().check(a_comment(history=SourceHistory(spam_from_email=2, spam_from_ip=3)))

    assert first.decision == Decision.APPROVE
    assert again.score > first.score
    assert again.decision in (Decision.HOLD, Decision.SPAM)


def test_a_burst_from_one_ip_is_held():
    verdict = rules_only_engine(max_recent_from_ip=5).check(
        a_comment(history=SourceHistory(recent_from_ip=9))
    )

    assert verdict.decision == Decision.HOLD
    assert "comment_flood" in {reason.code for reason in verdict.reasons}


def test_blocked_ips_and_emails_are_discarded():
    engine = rules_only_engine(blocked_ips=("203.0.113.9",), blocked_emails=("spam.example",))

    assert engine.check(a_comment(ip="203.0.113.9")).decision == Decision.DISCARD
    assert engine.check(a_comment(email="bot@spam.example")).decision == Decision.DISCARD
    assert engine.check(a_comment(ip="203.0.113.10", email="ann@mail.example")).decision == Decision.APPROVE
