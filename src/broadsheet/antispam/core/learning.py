"""Training a SpamModel from labelled examples, choosing its thresholds on out-of-fold predictions.

scikit-learn is imported here only, inside the functions, so scoring never loads it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .classifier import SpamModel, logit, sigmoid
from .features import (
    CHARACTER_FEATURES,
    HASHED_FEATURES,
    HashedFeatures,
    hash_features,
    normalise_text,
    weigh_features,
)
from .policy import Policy
from .rules import evaluate_rules
from .submission import LabelledExample, Submission

Progress = Callable[[int, int], None]

DEFAULT_REGULARISATION = 100.0  # inverse L2 strength (scikit-learn C), chosen by leave-one-video-out
# How much the character n-gram block counts beside the word block (1 = as much). Character n-grams catch
# obfuscated words, but hundreds of them per comment also learn each source's style, which generalises
# worse to a new video than the few word, intent and domain tokens; training picks one of these by
# cross-validation over its own groups.
CHARACTER_WEIGHT_CANDIDATES = (1.0, 0.5, 0.25)
DEFAULT_FALSE_POSITIVE_TARGET = 0.01
DEFAULT_HOLD_FALSE_POSITIVE_TARGET = 0.05
MIN_HAM_TO_SET_THRESHOLD = 30  # a group with fewer genuine comments cannot measure a 1% rate


@dataclass(frozen=True)
class TrainingFigures:
    """What training measured on its own out-of-fold predictions."""

    examples: int
    spam: int
    duplicates_removed: int
    spam_threshold: float
    hold_threshold: float
    out_of_fold: dict[str, dict[str, float]]


def deduplicate(examples: Iterable[LabelledExample]) -> tuple[list[LabelledExample], int]:
    """Drop repeated texts (normalised), which would otherwise count twice and leak across folds.

    When the same text carries both labels the spam label wins: a moderator marked it spam somewhere.
    """
    chosen: dict[str, LabelledExample] = {}
    total = 0
    for example in examples:
        total += 1
        key = normalise_text(example.submission.content)
        if key not in chosen or (example.is_spam and not chosen[key].is_spam):
            chosen[key] = example
    return list(chosen.values()), total - len(chosen)


def select_rows(features: HashedFeatures, indices: np.ndarray) -> HashedFeatures:
    """The features of the submissions at `indices`, renumbered 0..len(indices)-1."""
    new_row = np.full(features.count, -1, dtype=np.int64)
    new_row[indices] = np.arange(len(indices))
    kept = new_row[features.rows] >= 0
    return HashedFeatures(
        count=len(indices),
        rows=new_row[features.rows[kept]],
        columns=features.columns[kept],
        metadata=features.metadata[indices],
    )


def inverse_document_frequency(features: HashedFeatures) -> np.ndarray:
    distinct = np.unique(features.rows * HASHED_FEATURES + features.columns)
    document_frequency = np.bincount(distinct % HASHED_FEATURES, minlength=HASHED_FEATURES)
    idf: np.ndarray = np.log((1.0 + features.count) / (1.0 + document_frequency)) + 1.0
    return idf.astype(np.float32)


def design_matrix(features: HashedFeatures, model: SpamModel, character_weight: float = 1.0) -> Any:
    """The scipy sparse matrix the linear model sees: weighted hashed features, then standardised metadata."""
    from scipy import sparse

    weighted = weigh_features(features, model.idf)
    values = np.where(
        weighted.columns < CHARACTER_FEATURES, weighted.values * character_weight, weighted.values
    )
    hashed = sparse.csr_matrix(
        (values, (weighted.rows, weighted.columns)), shape=(features.count, HASHED_FEATURES)
    )
    metadata = (features.metadata - model.metadata_mean) / model.metadata_scale
    return sparse.hstack([hashed, sparse.csr_matrix(metadata)], format="csr")


def fit_linear_model(
    features: HashedFeatures,
    labels: np.ndarray,
    sample_weights: np.ndarray,
    regularisation: float,
    character_weight: float = 1.0,
) -> SpamModel:
    """An uncalibrated SpamModel fitted by L2-regularised logistic regression.

    The character block is scaled by `character_weight` while fitting (under one L2 penalty that makes its
    weights dearer, so the model leans on words) and the scale is then folded into the stored weights, so
    scoring and the model format do not change.
    """
    from sklearn.linear_model import LogisticRegression

    scale = features.metadata.std(axis=0)
    model = SpamModel(
        hashed_weights=np.zeros(HASHED_FEATURES, dtype=np.float32),
        metadata_weights=np.zeros(features.metadata.shape[1]),
        idf=inverse_document_frequency(features),
        intercept=0.0,
        metadata_mean=features.metadata.mean(axis=0),
        metadata_scale=np.where(scale > 1e-9, scale, 1.0),
    )
    estimator = LogisticRegression(C=regularisation, solver="liblinear", max_iter=1000)
    estimator.fit(design_matrix(features, model, character_weight), labels, sample_weight=sample_weights)
    coefficients = estimator.coef_.ravel()
    hashed_weights = coefficients[:HASHED_FEATURES].copy()
    hashed_weights[:CHARACTER_FEATURES] *= character_weight
    model.hashed_weights = hashed_weights.astype(np.float32)
    model.metadata_weights = coefficients[HASHED_FEATURES:].astype(np.float64)
    model.intercept = float(estimator.intercept_[0])
    return model


def group_balanced_weights(groups: Sequence[str], group_weights: dict[str, float]) -> np.ndarray:
    """Sample weights giving every group (a video, the SMS set) the same total weight, scaled per group."""
    sizes = Counter(groups)
    mean_size = len(groups) / len(sizes)
    return np.array([group_weights.get(group, 1.0) * mean_size / sizes[group] for group in groups])


def rule_logits(submissions: Sequence[Submission], policy: Policy) -> tuple[np.ndarray, np.ndarray]:
    """The summed rule weights per submission and whether a decisive rule fired."""
    sums = np.zeros(len(submissions))
    decisive = np.zeros(len(submissions), dtype=bool)
    for index, submission in enumerate(submissions):
        reasons = evaluate_rules(submission, policy)
        sums[index] = sum(reason.weight for reason in reasons)
        decisive[index] = any(reason.decisive for reason in reasons)
    return sums, decisive


def threshold_for_false_positive_rate(
    scores: np.ndarray,
    is_spam: np.ndarray,
    groups: np.ndarray,
    target: float,
    auxiliary_groups: Collection[str] = (),
) -> float:
    """A threshold at which the ham marked spam, averaged over groups, stays within `target`.

    All thresholds between the highest genuine score that must stay unflagged and the next genuine score
    above it flag the same validation comments; this returns the middle of that gap (in log-odds), not its
    bottom, where comments like that genuine one on another site would be flagged.

    Averaging over groups (each video) keeps one large group from setting the rate for all, and is steadier
    than the worst group, whose 1% is often one or two debatable labels. Auxiliary groups (text messages)
    do not count: their genuine messages are easy to tell from spam and would let the comments' rate run up
    to several times the target.
    """
    hams = [
        np.sort(scores[(groups == group) & ~is_spam])
        for group in np.unique(groups)
        if ((groups == group) & ~is_spam).sum() >= MIN_HAM_TO_SET_THRESHOLD and group not in auxiliary_groups
    ]
    if not hams:
        hams = [np.sort(scores[~is_spam])]
    candidates = np.unique(np.concatenate(hams))
    # Share of each group's ham strictly above each candidate threshold.
    rates = np.mean(
        [(len(ham) - np.searchsorted(ham, candidates, side="right")) / len(ham) for ham in hams], axis=0
    )
    # The tolerance lets exactly 1 of 100 count as 1%, whatever the floating-point rounding.
    within = np.flatnonzero(rates <= target + 1e-12)
    if len(within) == 0:
        return 1.0
    if within[0] == 0:
        return float(candidates[0])
    lowest = candidates[within[0]]
    if within[0] + 1 == len(candidates):
        return float(np.nextafter(lowest, 2.0))
    # With few genuine comments per group the gap can be wide (0.66 to 0.86 when a video was held out):
    # its middle leaves room on both sides for a new site's scores to shift.
    return float(sigmoid(np.array((logit(float(lowest)) + logit(float(candidates[within[0] + 1]))) / 2)))


def mean_recall_at_false_positive_rate(
    scores: np.ndarray,
    is_spam: np.ndarray,
    groups: np.ndarray,
    target: float,
    auxiliary_groups: Collection[str] = (),
) -> float:
    """The share of spam scored above each group's own `target` ham quantile, averaged over comment groups.

    It judges a ranking where the policy needs it (few genuine comments flagged), whatever threshold
    is later chosen; groups too small to measure the target, and auxiliary groups, are skipped.
    """
    recalls = []
    for group in np.unique(groups):
        ham = scores[(groups == group) & ~is_spam]
        spam = scores[(groups == group) & is_spam]
        if len(ham) < MIN_HAM_TO_SET_THRESHOLD or not len(spam) or group in auxiliary_groups:
            continue
        allowed = int(np.floor(target * len(ham)))
        threshold = np.sort(ham)[len(ham) - 1 - allowed]
        recalls.append(float((spam > threshold).mean()))
    if not recalls:
        return 0.0
    return float(np.mean(recalls))


def out_of_fold_figures(
    scores: np.ndarray, is_spam: np.ndarray, groups: np.ndarray, threshold: float
) -> dict[str, dict[str, float]]:
    figures = {}
    for group in np.unique(groups):
        mask = groups == group
        flagged = scores[mask] >= threshold
        truth = is_spam[mask]
        true_positives = int((flagged & truth).sum())
        precision = true_positives / max(int(flagged.sum()), 1)
        recall = true_positives / max(int(truth.sum()), 1)
        figures[str(group)] = {
            "f1": 2 * precision * recall / max(precision + recall, 1e-12),
            "false_positive_rate": float((flagged & ~truth).sum() / max(int((~truth).sum()), 1)),
        }
    return figures


def validation_folds(groups: np.ndarray, folds_per_large_group: int = 3) -> list[np.ndarray]:
    """Held-out index sets: each small group whole (a video), large groups (SMS) in a few slices."""
    folds: list[np.ndarray] = []
    sizes = Counter(groups.tolist())
    median_size = float(np.median(list(sizes.values())))
    for group in sorted(sizes):
        indices = np.flatnonzero(groups == group)
        if len(sizes) > 1 and sizes[group] > 3 * median_size:
            folds.extend(np.array_split(indices, folds_per_large_group))
        else:
            folds.append(indices)
    return folds


def train(
    examples: Iterable[LabelledExample],
    *,
    progress: Progress | None = None,
    regularisation: float = DEFAULT_REGULARISATION,
    false_positive_target: float = DEFAULT_FALSE_POSITIVE_TARGET,
    hold_false_positive_target: float = DEFAULT_HOLD_FALSE_POSITIVE_TARGET,
    group_weights: dict[str, float] | None = None,
    auxiliary_groups: Collection[str] = (),
    choose_thresholds: bool = True,
    character_weight: float | None = None,
    figures: list[TrainingFigures] | None = None,
) -> SpamModel:
    """Train a calibrated SpamModel; thresholds are chosen on out-of-fold scores of the full engine.

    Examples are deduplicated. With more than one group, each group is held out in turn to get honest
    scores for calibration and thresholds; the final model is then fitted on everything.
    Thresholds are measured on every group but `auxiliary_groups` (training signal from another medium).
    `character_weight` (the character block's weight beside the words) is, unless given, chosen among
    CHARACTER_WEIGHT_CANDIDATES by the same held-out scores: the one whose scores catch most spam at the
    false-positive target, averaged over the comment groups.
    `figures`, when given a list, receives the TrainingFigures.
    """
    unique, duplicates = deduplicate(examples)
    if len(unique) < 2 or len({example.is_spam for example in unique}) < 2:
        raise ValueError("training needs both spam and genuine examples")
    submissions = [example.submission for example in unique]
    labels = np.array([example.is_spam for example in unique])
    groups = np.array([example.group or "all" for example in unique])
    sample_weights = group_balanced_weights(groups.tolist(), group_weights or {})
    features = hash_features(submissions)

    folds = validation_folds(groups) if choose_thresholds else []
    if len(folds) < 2:
        folds = []
    candidates = (
        (character_weight,)
        if character_weight is not None
        else CHARACTER_WEIGHT_CANDIDATES
        if folds
        else (1.0,)
    )
    steps = len(folds) * len(candidates) + 1
    done = 0
    if progress:
        progress(done, steps)

    out_of_fold_margins = {candidate: np.zeros(len(unique)) for candidate in candidates}
    for held_out in folds:
        training_rows = np.setdiff1d(np.arange(len(unique)), held_out)
        training_features = select_rows(features, training_rows)
        held_out_submissions = [submissions[index] for index in held_out]
        for candidate in candidates:
            fold_model = fit_linear_model(
                training_features,
                labels[training_rows],
                sample_weights[training_rows],
                regularisation,
                candidate,
            )
            out_of_fold_margins[candidate][held_out] = fold_model.margins(held_out_submissions)
            done += 1
            if progress:
                progress(done, steps)
    comparison = {
        candidate: mean_recall_at_false_positive_rate(
            margins, labels, groups, false_positive_target, auxiliary_groups
        )
        for candidate, margins in out_of_fold_margins.items()
    }
    # The first of the best: candidates run from the plain model to the most word-leaning one.
    chosen_weight = max(candidates, key=lambda candidate: comparison[candidate]) if folds else candidates[0]
    margins = out_of_fold_margins[chosen_weight]

    model = fit_linear_model(features, labels, sample_weights, regularisation, chosen_weight)
    done += 1
    if progress:
        progress(done, steps)

    metadata: dict[str, Any] = {
        "trained_on": {str(group): int(count) for group, count in Counter(groups.tolist()).items()},
        "examples": len(unique),
        "spam_examples": int(labels.sum()),
        "duplicates_removed": duplicates,
        "regularisation": regularisation,
        "character_weight": chosen_weight,
    }
    if len(candidates) > 1:
        metadata["character_weight_recall_at_target"] = {str(key): value for key, value in comparison.items()}
    if folds:
        from sklearn.linear_model import LogisticRegression

        calibrator = LogisticRegression(C=1e4)
        calibrator.fit(margins.reshape(-1, 1), labels, sample_weight=sample_weights)
        model.calibration_slope = float(calibrator.coef_[0, 0])
        model.calibration_intercept = float(calibrator.intercept_[0])
        rule_sums, decisive = rule_logits(submissions, Policy())
        scores = sigmoid(model.calibration_slope * margins + model.calibration_intercept + rule_sums)
        scores[decisive] = 1.0
        spam_threshold = min(
            max(
                threshold_for_false_positive_rate(
                    scores, labels, groups, false_positive_target, auxiliary_groups
                ),
                0.5,
            ),
            0.995,
        )
        hold_threshold = threshold_for_false_positive_rate(
            scores, labels, groups, hold_false_positive_target, auxiliary_groups
        )
        hold_threshold = min(max(hold_threshold, 0.2), spam_threshold)
        metadata.update(
            spam_threshold=spam_threshold,
            hold_threshold=hold_threshold,
            false_positive_target=false_positive_target,
            thresholds_measured_without=sorted(auxiliary_groups),
            hold_false_positive_target=hold_false_positive_target,
            out_of_fold=out_of_fold_figures(scores, labels, groups, spam_threshold),
        )
        if figures is not None:
            figures.append(
                TrainingFigures(
                    examples=len(unique),
                    spam=int(labels.sum()),
                    duplicates_removed=duplicates,
                    spam_threshold=spam_threshold,
                    hold_threshold=hold_threshold,
                    out_of_fold=metadata["out_of_fold"],
                )
            )
    model.metadata = metadata
    return model
