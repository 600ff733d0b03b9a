"""The spam engine's core: plain Python (numpy at scoring time), no Django, no other Broadsheet module.

engine = load_default_engine()
verdict = engine.check(Submission(content="Great article!", author="Ann"))
verdict.decision, verdict.score, [reason.message for reason in verdict.reasons]
"""

from .adaptation import Judgement, adapt, adapt_to_site, judge, site_spam_threshold
from .classifier import ModelFormatError, SpamModel
from .engine import Engine, default_model_path, load_default_engine, load_default_model
from .language import LanguageGuess, guess_language
from .learning import TrainingFigures, train
from .policy import Policy
from .rules import RULES, Rule, evaluate_rules
from .submission import Decision, LabelledExample, Reason, SourceHistory, Submission, Verdict
from .timestamp import read_render_time, sign_render_time

__all__ = [
    "RULES",
    "Decision",
    "Engine",
    "Judgement",
    "LabelledExample",
    "LanguageGuess",
    "ModelFormatError",
    "Policy",
    "Reason",
    "Rule",
    "SourceHistory",
    "SpamModel",
    "Submission",
    "TrainingFigures",
    "Verdict",
    "adapt",
    "adapt_to_site",
    "default_model_path",
    "evaluate_rules",
    "guess_language",
    "judge",
    "load_default_engine",
    "load_default_model",
    "read_render_time",
    "sign_render_time",
    "site_spam_threshold",
    "train",
]
