"""The text model's reason names what in the comment pushed its score up, in words a moderator reads."""

from __future__ import annotations

from broadsheet.antispam.core import load_default_engine, load_default_model
from broadsheet.antispam.core.features import describe_token

from .builders import GENUINE_TEXT, a_comment


def classifier_message(content: str) -> str:
    verdict = load_default_engine().check(a_comment(content))
    return next(reason.message for reason in verdict.reasons if reason.code == "classifier")


def test_a_spam_score_names_the_words_behind_it():
    message = classifier_message("Check out my new channel and subscribe!! http://bit.ly/abc")

    assert "likely to be spam, above all for " in message
    assert "promoting their own channel or site" in message or "“subscribe”" in message
    assert message.endswith(".")


def test_a_genuine_score_lists_nothing():
    message = classifier_message(GENUINE_TEXT)

    assert "likely genuine." in message and "above all" not in message


def test_a_batch_explains_each_comment_on_its_own():
    spam, genuine = load_default_engine().check_many(
        [
            a_comment("Free gift cards for everyone, visit http://free-cards.example now"),
            a_comment(GENUINE_TEXT),
        ]
    )

    assert "“gift cards”" in spam.reasons[-1].message and "“cards”" not in spam.reasons[-1].message
    assert "above all" not in genuine.reasons[-1].message


def test_tokens_read_as_words_placeholders_and_calls_to_action():
    assert describe_token("b:my channel") == "“my channel”"
    assert describe_token("w:httplink") == "a link"
    assert describe_token("w:0000") == "a number"
    assert describe_token("b:call 00000") == "“call [number]”"
    assert describe_token("i:subscribe") == "asking for subscribers"
    assert describe_token("i:any") is None
    assert describe_token("d:cheap-pills.example") == "a link to cheap-pills.example"
    assert describe_token("u:<present>") == "giving a website"
    assert describe_token("a:<joined>") == "an author name of words run together, like a channel's"


def test_explaining_does_not_change_the_score():
    model = load_default_model()
    comments = [a_comment("Check out my new channel and subscribe!!"), a_comment(GENUINE_TEXT)]

    logits, _ = model.logits_with_evidence(comments)

    assert list(logits) == list(model.logits(comments))
