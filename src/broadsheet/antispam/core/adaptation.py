"""Adapting a trained SpamModel to one site's moderation decisions, with numpy and scipy only.

A production site has no training corpus, only its moderators' approve/spam decisions; those are too few to
train from scratch, so they refine the given model instead: the new weights minimise the site examples' log
loss plus `prior_strength` times the squared distance to the given model's weights (a Gaussian prior
centred on the shipped model). Features, IDF, calibration and thresholds are kept, so the adapted model
scores and decides like the one it came from except where the site's own examples disagree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np

from .classifier import SpamModel, sigmoid
from .engine import Engine
from .features import hash_features, weigh_features
from .learning import DEFAULT_FALSE_POSITIVE_TARGET, deduplicate, threshold_for_false_positive_rate
from .policy import Policy
from .submission import Decision, LabelledExample

# The shipped model was trained with an L2 strength of 1/(2C) = 0.005 on word weights (and 0.005 divided by
# the square of its character weight, 0.08 at 0.25, on character n-gram weights); 0.1 keeps a firm hold on
# it while letting five comments of a new campaign lift it past the spam threshold.
DEFAULT_PRIOR_STRENGTH = 0.1
# The intercept and the metadata weights are shared by every comment, and a site's decisions mostly concern
# comments the model already scores confidently (which pull on nothing) plus a few it got wrong: with the
# same prior as a word's weight, those few moved the shared parameters first and lowered every comment's
# score (learning from 50 decisions on a held-out video cut its F1 from 0.959 to 0.940,
# bench/spam_moderator_learning.py). Held a hundred times firmer, a site's words do the learning.
SHARED_PRIOR_FACTOR = 100.0
DEFAULT_ITERATIONS = 200
# Stop when no weight's gradient exceeds this; scores then agree with the exact optimum to about 0.005.
GRADIENT_TOLERANCE = 1e-2
# The spam threshold was chosen so that 1% of genuine comments are marked spam on the training sources; a
# site's own genuine comments can score higher (a tutorial's thanks read like YouTube spam to the shipped
# model). With this many genuine decisions the site's own rate can be checked, folds adapting in turn.
MIN_GENUINE_TO_CHECK_THRESHOLD = 50
THRESHOLD_CHECK_FOLDS = 5
# A site's genuine comments marked spam count against the 1% only when there are clearly more than 1% would
# explain: with 60 genuine decisions 1% allows none, but two in 60 happen one time in eight at a true 1%, and
# raising the threshold above the most spam-like genuine comment a site ever approved gives up most spam.
EXCESS_SIGNIFICANCE = 0.05
# The bounds training keeps the threshold in: below an even chance, above which nothing would be marked spam.
MIN_SPAM_THRESHOLD, MAX_SPAM_THRESHOLD = 0.5, 0.995


def copy_model(model: SpamModel) -> SpamModel:
    """An independent copy: adapting must never change the (cached, shared) model it starts from."""
    return dataclasses.replace(
        model,
        hashed_weights=model.hashed_weights.copy(),
        metadata_weights=model.metadata_weights.copy(),
        idf=model.idf.copy(),
        metadata_mean=model.metadata_mean.copy(),
        metadata_scale=model.metadata_scale.copy(),
        metadata=dict(model.metadata),
    )


def learnable(examples: Iterable[LabelledExample]) -> list[LabelledExample]:
    """What a site's decisions can teach: test-mode submissions are never learned from, repeated texts once."""
    unique, _ = deduplicate(example for example in examples if not example.submission.is_test)
    return unique


def adapt(
    model: SpamModel,
    examples: Sequence[LabelledExample],
    *,
    prior_strength: float = DEFAULT_PRIOR_STRENGTH,
    iterations: int = DEFAULT_ITERATIONS,
) -> SpamModel:
    """A new model fitted to the site's labelled examples, pulled toward `model` (argmin Σ loss + λ‖w − w₀‖²).

    Test-mode submissions are never learned from and repeated texts count once. With no examples left the
    result is an equivalent copy of `model`. Larger `prior_strength` trusts the given model more; at 0.1 a
    handful of similar examples moves their campaign from approve to spam.
    """
    if prior_strength <= 0:
        raise ValueError("prior_strength must be positive: without a prior a few examples would overfit")
    adapted = copy_model(model)
    site_examples = learnable(examples)
    if not site_examples:
        return adapted

    from scipy import sparse
    from scipy.optimize import minimize

    features = hash_features([example.submission for example in site_examples])
    weighted = weigh_features(features, model.idf)
    # Only the columns the examples use can move; every other weight stays exactly at the prior.
    columns, compact = np.unique(weighted.columns, return_inverse=True)
    hashed = sparse.csr_matrix(
        (weighted.values, (weighted.rows, compact)), shape=(len(site_examples), len(columns))
    )
    hashed_transposed = hashed.T.tocsr()
    metadata = (features.metadata - model.metadata_mean) / model.metadata_scale
    labels = np.array([example.is_spam for example in site_examples], dtype=np.float64)
    slope, offset = model.calibration_slope, model.calibration_intercept
    hashed_count, metadata_count = len(columns), metadata.shape[1]
    prior = np.concatenate(
        [model.hashed_weights[columns].astype(np.float64), model.metadata_weights, [model.intercept]]
    )
    stiffness = prior_strength * np.concatenate(
        [np.ones(hashed_count), np.full(metadata_count + 1, SHARED_PRIOR_FACTOR)]
    )

    def objective(parameters: np.ndarray) -> tuple[float, np.ndarray]:
        weights = parameters[:hashed_count]
        metadata_weights = parameters[hashed_count : hashed_count + metadata_count]
        logits = slope * (hashed @ weights + metadata @ metadata_weights + parameters[-1]) + offset
        loss = float(np.sum(np.logaddexp(0.0, logits) - labels * logits))
        residuals = slope * (sigmoid(logits) - labels)
        difference = parameters - prior
        gradient = np.concatenate([hashed_transposed @ residuals, metadata.T @ residuals, [residuals.sum()]])
        return (
            loss + float(stiffness @ (difference * difference)),
            gradient + 2 * stiffness * difference,
        )

    # Nonlinear conjugate gradients: the problem is smooth and strongly convex, and unlike L-BFGS-B each
    # step costs a few vector operations, which matters with a few hundred thousand touched weights.
    fitted = minimize(
        objective, prior, jac=True, method="CG", options={"maxiter": iterations, "gtol": GRADIENT_TOLERANCE}
    ).x
    adapted.hashed_weights[columns] = fitted[:hashed_count].astype(np.float32)
    adapted.metadata_weights = fitted[hashed_count : hashed_count + metadata_count].copy()
    adapted.intercept = float(fitted[-1])
    previous: dict[str, Any] = dict(model.metadata.get("adapted", {}))
    adapted.metadata["adapted"] = {
        "site_examples": len(site_examples),
        "site_spam_examples": int(labels.sum()),
        "prior_strength": prior_strength,
        "adapted_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "adaptations": int(previous.get("adaptations", 0)) + 1,
    }
    return adapted


def site_spam_threshold(
    model: SpamModel,
    examples: Sequence[LabelledExample],
    *,
    target: float = DEFAULT_FALSE_POSITIVE_TARGET,
    folds: int = THRESHOLD_CHECK_FOLDS,
    prior_strength: float = DEFAULT_PRIOR_STRENGTH,
) -> float | None:
    """The lowest spam threshold at which the site's genuine comments marked spam are not clearly more than
    `target` of them (`genuine_marked_spam_within_target`), measured on out-of-fold scores (each fold scored
    by `model` adapted to the other folds, through the engine); None with fewer than
    MIN_GENUINE_TO_CHECK_THRESHOLD genuine decisions, too few to measure a rate."""
    site_examples = learnable(examples)
    is_spam = np.array([example.is_spam for example in site_examples], dtype=bool)
    genuine = int((~is_spam).sum())
    if genuine < MIN_GENUINE_TO_CHECK_THRESHOLD:
        return None
    scores = np.zeros(len(site_examples))
    fold_of = np.arange(len(site_examples)) % folds
    for fold in range(folds):
        others = [example for example, other in zip(site_examples, fold_of, strict=True) if other != fold]
        fitted = adapt(model, others, prior_strength=prior_strength)
        held_out = np.flatnonzero(fold_of == fold)
        verdicts = Engine(fitted, Policy.from_model(fitted)).check_many(
            [site_examples[index].submission for index in held_out]
        )
        scores[held_out] = [verdict.score for verdict in verdicts]
    groups = np.full(len(site_examples), "site")
    allowed = genuine_marked_spam_within_target(genuine, target)
    threshold = threshold_for_false_positive_rate(scores, is_spam, groups, max(target, allowed / genuine))
    return min(max(threshold, MIN_SPAM_THRESHOLD), MAX_SPAM_THRESHOLD)


def genuine_marked_spam_within_target(genuine: int, target: float) -> int:
    """The most of `genuine` comments that may be marked spam before the rate is clearly above `target`: the
    largest count that a true rate of `target` reaches at least EXCESS_SIGNIFICANCE of the time (binomial)."""
    from scipy.stats import binom

    allowed = 0
    while binom.sf(allowed, genuine, target) >= EXCESS_SIGNIFICANCE:  # P(more than `allowed` marked spam)
        allowed += 1
    return allowed


def adapt_to_site(
    model: SpamModel, examples: Sequence[LabelledExample], *, prior_strength: float = DEFAULT_PRIOR_STRENGTH
) -> SpamModel:
    """`model` adapted to the site's decisions, with its spam threshold raised where the site's own genuine
    comments need it (`site_spam_threshold`). The threshold is only ever raised: the 1% promise is checked
    on the site, while a lower threshold would rest on the few spam comments one site has seen. What the
    raise stops marking spam is held for a moderator, not approved."""
    adapted = adapt(model, examples, prior_strength=prior_strength)
    checked = site_spam_threshold(model, examples, prior_strength=prior_strength)
    if checked is not None and checked > adapted.metadata.get("spam_threshold", 0.0):
        adapted.metadata["trained_spam_threshold"] = adapted.metadata.get("spam_threshold")
        adapted.metadata["spam_threshold"] = checked
    return adapted


@dataclasses.dataclass(frozen=True)
class Judgement:
    """How a model did on held-back moderator decisions, deciding as the engine would with it."""

    log_loss: float
    false_positives: int  # genuine comments it would mark spam
    spam_approved: int  # spam it would publish (neither marked spam nor held for a moderator)
    spam_held: int = 0  # spam it would hold for a moderator

    def is_no_worse_than(self, other: Judgement) -> bool:
        """No more genuine comments marked spam, no more spam published, and no higher log loss.

        Spam held rather than marked spam is not counted against a model: a moderator sees it before any
        reader does, which is the price of a higher threshold that keeps genuine comments out of the spam.
        """
        return (
            self.false_positives <= other.false_positives
            and self.spam_approved <= other.spam_approved
            and self.log_loss <= other.log_loss + 1e-9
        )


def judge(model: SpamModel, examples: Sequence[LabelledExample]) -> Judgement:
    """The model's decisions on `examples` through the engine, rules and the model's own thresholds included."""
    if not examples:
        return Judgement(0.0, 0, 0)
    verdicts = Engine(model, Policy.from_model(model)).check_many(
        [example.submission for example in examples]
    )
    scores = np.clip([verdict.score for verdict in verdicts], 1e-6, 1 - 1e-6)
    flagged = np.array([verdict.decision in (Decision.SPAM, Decision.DISCARD) for verdict in verdicts])
    held = np.array([verdict.decision == Decision.HOLD for verdict in verdicts])
    truth = np.array([example.is_spam for example in examples])
    return Judgement(
        log_loss=float(-np.mean(np.where(truth, np.log(scores), np.log(1 - scores)))),
        false_positives=int(np.sum(flagged & ~truth)),
        spam_approved=int(np.sum(~flagged & ~held & truth)),
        spam_held=int(np.sum(held & truth)),
    )
