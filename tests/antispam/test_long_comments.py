"""A comment longer than the model's training texts is held, not marked spam, on the model's score alone."""

from __future__ import annotations

from broadsheet.antispam.core import Decision, Engine, Policy, load_default_model

from .builders import a_comment

LONG_GENUINE = (
    "I have lived on Harbour Street for thirty years and I think the council has got this badly wrong. The "
    "consultation ran over the summer holidays, when half the families who use the library were away, and "
    "the figures in the report count visits but not the children who come after school to do homework "
    "because they have no quiet room at home. If the budget really is short, why not close on Mondays, "
    "which the report says is the quietest day, instead of cutting the evening hours that working parents "
    "depend on? I will be at the meeting on Thursday and I hope others who care about it will come too, "
    "and say so."
)


def engine_that_calls_everything_spam(**policy) -> Engine:
    """The shipped model with a spam threshold every score passes, so only the length guard can intervene."""
    model = load_default_model()
    return Engine(model, Policy.from_model(model, spam_threshold=0.0, hold_threshold=0.0, **policy))


def test_a_long_comment_only_the_model_condemns_is_held_with_the_reason():
    verdict = engine_that_calls_everything_spam().check(a_comment(LONG_GENUINE))

    assert len(LONG_GENUINE) > 600
    assert verdict.decision == Decision.HOLD
    reason = next(reason for reason in verdict.reasons if reason.code == "long_for_the_model")
    assert "600 characters" in reason.message and reason.weight == 0.0


def test_a_short_comment_and_a_long_one_with_other_evidence_are_still_spam():
    engine = engine_that_calls_everything_spam()
    short = engine.check(a_comment("Great article, thanks."))
    with_links = engine.check(
        a_comment(LONG_GENUINE + " http://pills.example/a http://pills.example/b http://pills.example/c")
    )

    assert short.decision == Decision.SPAM
    assert with_links.decision == Decision.SPAM
    assert "long_for_the_model" not in {reason.code for reason in with_links.reasons}


def test_the_length_is_a_policy_setting():
    verdict = engine_that_calls_everything_spam(classifier_alone_max_characters=5_000).check(
        a_comment(LONG_GENUINE)
    )
    assert verdict.decision == Decision.SPAM


def test_length_is_measured_as_the_model_reads_the_text():
    # Folded, this is "subscribe!!!": short for the model, however many characters were typed.
    shouting = "SUBSCRIBE" + "!" * 700

    verdict = engine_that_calls_everything_spam().check(a_comment(shouting))

    assert verdict.decision == Decision.SPAM
    assert "long_for_the_model" not in {reason.code for reason in verdict.reasons}
