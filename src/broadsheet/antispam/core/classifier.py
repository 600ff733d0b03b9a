"""The learned spam classifier: a linear model over hashed features, stored as arrays plus JSON (no pickle)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .features import (
    CHARACTER_HASH_BITS,
    CHARACTER_NGRAM_SIZES,
    FEATURE_VERSION,
    HASHED_FEATURES,
    METADATA_FEATURES,
    METADATA_NAMES,
    TOKEN_HASH_BITS,
    HashedFeatures,
    describe_token,
    hash_features,
    weigh_features,
)
from .submission import Submission

WEIGHTS_FILE = "weights.npz"
METADATA_FILE = "model.json"


class ModelFormatError(ValueError):
    """The model directory is missing, damaged, or was written for other features."""


def feature_specification() -> dict[str, Any]:
    """What a stored model's weights mean; a model is only loaded by code that hashes the same way."""
    return {
        "version": FEATURE_VERSION,
        "character_hash_bits": CHARACTER_HASH_BITS,
        "token_hash_bits": TOKEN_HASH_BITS,
        "character_ngram_sizes": list(CHARACTER_NGRAM_SIZES),
        "metadata": list(METADATA_NAMES),
    }


def sigmoid(logits: np.ndarray) -> np.ndarray:
    probabilities: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(logits, -40.0, 40.0)))
    return probabilities


def logit(probability: float) -> float:
    probability = min(max(probability, 1e-9), 1 - 1e-9)
    return math.log(probability / (1 - probability))


def _strongest_tokens(
    features: HashedFeatures, contributions: np.ndarray, explained: np.ndarray, count: int
) -> list[tuple[str, ...]]:
    """For each explained submission, descriptions of the tokens that added most to its score.

    Vectorised over the batch: a repeated token's occurrences are summed, each submission's tokens ranked,
    and only the few best per submission are described in Python.
    """
    names = features.token_names
    if names is None:
        return [()] * features.count
    first_token = len(contributions) - len(names)
    rows = features.rows[first_token:]
    wanted = np.flatnonzero(explained[rows] & (contributions[first_token:] > 0))
    keys = rows[wanted] * HASHED_FEATURES + features.columns[first_token:][wanted]
    unique_keys, first_occurrence, inverse = np.unique(keys, return_index=True, return_inverse=True)
    totals = np.bincount(inverse, weights=contributions[first_token:][wanted])
    key_rows = unique_keys // HASHED_FEATURES
    order = np.lexsort((-totals, key_rows))
    # Rank within each submission; a few spares stand in for tokens that describe nothing ("i:any").
    ranks = np.arange(len(order)) - np.searchsorted(key_rows[order], key_rows[order], side="left")
    kept = order[ranks < count + 2]
    chosen: list[list[str]] = [[] for _ in range(features.count)]
    for row, occurrence in zip(key_rows[kept].tolist(), wanted[first_occurrence[kept]].tolist(), strict=True):
        description = describe_token(names[occurrence])
        if description and len(chosen[row]) < count and not _says_again(description, chosen[row]):
            chosen[row].append(description)
    return [tuple(descriptions) for descriptions in chosen]


def _says_again(description: str, chosen: Sequence[str]) -> bool:
    """Whether a description repeats one already chosen: the same, or a quoted word of a chosen phrase."""
    words = set(description.strip("“”").split())
    return any(description == earlier or (earlier.startswith("“") and words <= set(earlier.strip("“”").split()))
               for earlier in chosen)  # fmt: skip


@dataclass
class SpamModel:
    """Weights for hashed features and metadata, an intercept, and a calibration from margin to probability."""

    hashed_weights: np.ndarray  # float32, HASHED_FEATURES
    metadata_weights: np.ndarray  # float64, METADATA_FEATURES, for standardised metadata
    idf: np.ndarray  # float32, HASHED_FEATURES
    intercept: float
    metadata_mean: np.ndarray
    metadata_scale: np.ndarray
    calibration_slope: float = 1.0
    calibration_intercept: float = 0.0
    metadata: dict[str, Any] = field(default_factory=dict)

    def margins(self, submissions: Sequence[Submission]) -> np.ndarray:
        """The raw linear scores (before calibration) of a batch."""
        return self._margins_and_contributions(hash_features(submissions))[0]

    def _margins_and_contributions(self, features: HashedFeatures) -> tuple[np.ndarray, np.ndarray]:
        """Raw scores, and what each feature occurrence added to its submission's score."""
        weighted = weigh_features(features, self.idf)
        contributions = weighted.values * self.hashed_weights[weighted.columns]
        margins = np.bincount(weighted.rows, weights=contributions, minlength=weighted.count)
        standardised = (features.metadata - self.metadata_mean) / self.metadata_scale
        scores: np.ndarray = margins + standardised @ self.metadata_weights + self.intercept
        return scores, contributions

    def logits(self, submissions: Sequence[Submission]) -> np.ndarray:
        """Calibrated spam log-odds of a batch."""
        return self.calibration_slope * self.margins(submissions) + self.calibration_intercept

    def logits_with_evidence(
        self, submissions: Sequence[Submission], count: int = 3
    ) -> tuple[np.ndarray, list[tuple[str, ...]]]:
        """Calibrated log-odds, and for each submission the model leans to call spam, the `count` words,
        phrases, calls to action or link domains that pushed its score up most, as a moderator can read them.

        Character n-grams are left out of the evidence (no one reads "eck o" as a reason) though they count
        in the score. Only submissions with positive log-odds are explained, which keeps batches fast.
        """
        features = hash_features(submissions)
        margins, contributions = self._margins_and_contributions(features)
        logits = self.calibration_slope * margins + self.calibration_intercept
        return logits, _strongest_tokens(features, contributions, logits > 0, count)

    def probabilities(self, submissions: Sequence[Submission]) -> np.ndarray:
        """Calibrated spam probabilities of a batch, vectorised."""
        return sigmoid(self.logits(submissions))

    def probability(self, submission: Submission) -> float:
        return float(self.probabilities([submission])[0])

    def save(self, path: Path) -> None:
        """Write weights.npz and model.json into the directory `path` (created if needed)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        # Most hashed features never occur in training; storing only the non-zero ones keeps the file small.
        unseen_idf = float(self.idf.max()) if len(self.idf) else 1.0
        used = np.flatnonzero((self.hashed_weights != 0) | (self.idf != unseen_idf))
        np.savez_compressed(
            path / WEIGHTS_FILE,
            used_columns=used.astype(np.int32),
            used_weights=self.hashed_weights[used].astype(np.float32),
            used_idf=self.idf[used].astype(np.float32),
            metadata_weights=self.metadata_weights.astype(np.float64),
            metadata_mean=self.metadata_mean.astype(np.float64),
            metadata_scale=self.metadata_scale.astype(np.float64),
        )
        document = {
            "features": feature_specification(),
            "intercept": self.intercept,
            "unseen_idf": unseen_idf,
            "calibration": {"slope": self.calibration_slope, "intercept": self.calibration_intercept},
            **self.metadata,
        }
        (path / METADATA_FILE).write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")

    @classmethod
    def load(cls, path: Path) -> SpamModel:
        """Read a model written by `save`; arrays are loaded with pickling disabled."""
        path = Path(path)
        try:
            document = json.loads((path / METADATA_FILE).read_text())
            with np.load(path / WEIGHTS_FILE, allow_pickle=False) as arrays:
                stored = {name: arrays[name] for name in arrays.files}
        except (OSError, ValueError, KeyError) as error:
            raise ModelFormatError(f"cannot read a spam model from {path}: {error}") from error
        if document.get("features") != feature_specification():
            raise ModelFormatError(
                f"the spam model in {path} was trained for other features; retrain it with `broadsheet spam train`"
            )
        hashed_weights = np.zeros(HASHED_FEATURES, dtype=np.float32)
        idf = np.full(HASHED_FEATURES, document["unseen_idf"], dtype=np.float32)
        hashed_weights[stored["used_columns"]] = stored["used_weights"]
        idf[stored["used_columns"]] = stored["used_idf"]
        reserved = {"features", "intercept", "unseen_idf", "calibration"}
        return cls(
            hashed_weights=hashed_weights,
            metadata_weights=stored["metadata_weights"].reshape(METADATA_FEATURES),
            idf=idf,
            intercept=float(document["intercept"]),
            metadata_mean=stored["metadata_mean"],
            metadata_scale=stored["metadata_scale"],
            calibration_slope=float(document["calibration"]["slope"]),
            calibration_intercept=float(document["calibration"]["intercept"]),
            metadata={key: value for key, value in document.items() if key not in reserved},
        )
