"""Small builders for submissions and engines used across the spam engine's tests."""

from __future__ import annotations

from typing import Any

from broadsheet.antispam.core import Engine, Policy, Submission

GENUINE_TEXT = "I read the whole article and I think the council should publish the budget before the vote."


def a_comment(content: str = GENUINE_TEXT, **fields: Any) -> Submission:
    return Submission(content=content, author=fields.pop("author", "Ann Example"), **fields)


def rules_only_engine(**policy: Any) -> Engine:
    """An engine without a classifier, so a test sees exactly what the rules decide."""
    return Engine(model=None, policy=Policy(**{"spam_threshold": 0.9, "hold_threshold": 0.5, **policy}))
