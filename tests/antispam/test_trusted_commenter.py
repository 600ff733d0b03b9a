from broadsheet.antispam.core import Decision, SourceHistory, load_default_engine

from .builders import a_comment, rules_only_engine


def test_a_previously_approved_email_is_approved_even_with_links():
    comment = a_comment(
        "More on this: http://a.example http://b.example http://c.example",
        history=SourceHistory(approved_from_email=2),
    )

    verdict = rules_only_engine().check(comment)

    assert verdict.decision == Decision.APPROVE
    trusted = next(reason for reason in verdict.reasons if reason.code == "trusted_commenter")
    assert trusted.weight < -3


def test_trust_weighs_against_the_classifier_too():
    spammy = a_comment("Check out my channel and subscribe!! http://my-channel.example")
    engine = load_default_engine()

    trusted = engine.check(a_comment(spammy.content, history=SourceHistory(approved_from_email=4)))

    assert trusted.decision == Decision.APPROVE
    assert trusted.score < engine.check(spammy).score


def test_a_moderation_word_still_holds_a_trusted_commenter():
    comment = a_comment("About the casino licence vote", history=SourceHistory(approved_from_email=1))

    assert rules_only_engine(moderation_words=("casino",)).check(comment).decision == Decision.HOLD


def test_an_email_with_more_spam_than_approvals_is_not_trusted():
    comment = a_comment(history=SourceHistory(approved_from_email=1, spam_from_email=3))

    verdict = rules_only_engine().check(comment)

    assert "trusted_commenter" not in {reason.code for reason in verdict.reasons}
    assert "spam_history_email" in {reason.code for reason in verdict.reasons}
