"""Small builders for submissions and engines used across the spam engine's tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from broadsheet.antispam.core import Engine, Policy, Submission, Verdict

GENUINE_TEXT = "I read the whole article and I think the council should publish the budget before the vote."


def a_comment(content: str = GENUINE_TEXT, **fields: Any) -> Submission:
    return Submission(content=content, author=fields.pop("author", "Ann Example"), **fields)


def rules_only_engine(**policy: Any) -> Engine:
    """An engine without a classifier, so a test sees exactly what the rules decide."""
    return Engine(model=None, policy=Policy(**{"spam_threshold": 0.9, "hold_threshold": 0.5, **policy}))


def codes(verdict: Verdict) -> set[str]:
    return {reason.code for reason in verdict.reasons}


def assert_rule_notes_only(code: str, noted: Iterable[str], genuine: Iterable[str]) -> None:
    """The rule behind `code` gives its reason for every text in `noted` and for none in `genuine`."""
    engine = rules_only_engine()
    for text in noted:
        assert code in codes(engine.check(a_comment(text))), text
    for text in genuine:
        assert code not in codes(engine.check(a_comment(text))), text


def assert_rule_names(code: str, named: Mapping[str, str], ordinary: Iterable[str]) -> None:
    """The rule behind `code` gives its reason for each text in `named`, naming what it found there (the
    text's value), and no reason for any text in `ordinary`."""
    engine = rules_only_engine()
    for text, shown in named.items():
        reason = next(
            (reason for reason in engine.check(a_comment(text)).reasons if reason.code == code), None
        )
        assert reason is not None and shown in reason.message, (text, reason)
    assert_rule_notes_only(code, (), ordinary)
