"""Scoring of pair features: transparent default weights, a learned model, and adoption.

Both scorers are linear in the features, so a block of claimants is scored with one
weighted sum over the feature matrices. The learned ranker is a logistic regression on
recorded outcomes (interest, application, interview, placement = 1; declined, rejected =
0). It replaces the default weights only when it is not worse on held-back outcomes
(ROC-AUC), see :func:`select_model`. Parameters are stored as JSON, never pickled.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.utils.validation import check_is_fitted

from matcher.features import FEATURE_NAMES, NEGATIVE_FEEDBACK, POSITIVE_FEEDBACK

# Why these weights: what someone did or wants to do weighs most (occupation, title,
# skills), then whether the place is reachable and fits the week, then the rest.
DEFAULT_WEIGHTS: dict[str, float] = {
    "occupation": 0.25,
    "skills": 0.12,
    "title": 0.13,
    "text": 0.08,
    "distance": 0.12,
    "hours": 0.08,
    "education": 0.06,
    "recency": 0.05,
    "covenant": 0.03,
    "preferences": 0.08,
}

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class LinearScorer:
    """Score = weights . features + intercept, squashed to (0, 1) when ``logistic``."""

    weights: tuple[float, ...]
    intercept: float = 0.0
    logistic: bool = False
    feature_names: tuple[str, ...] = FEATURE_NAMES

    @classmethod
    def default(cls) -> LinearScorer:
        """Return the transparent default weighting."""
        return cls(tuple(DEFAULT_WEIGHTS[name] for name in FEATURE_NAMES))

    def score(self, features: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Score features shaped (n_features, ...) into an array shaped (...)."""
        weights = np.asarray(self.weights, dtype=np.float32)
        raw = np.tensordot(weights, features, axes=1) + np.float32(self.intercept)
        if self.logistic:
            raw = 1.0 / (1.0 + np.exp(-raw))
        return np.asarray(raw, dtype=np.float32)

    def to_json(self) -> str:
        """Return the parameters as canonical JSON."""
        params = {
            "feature_names": list(self.feature_names),
            "weights": [round(w, 10) for w in self.weights],
            "intercept": round(self.intercept, 10),
            "logistic": self.logistic,
        }
        return json.dumps(params, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> LinearScorer:
        """Return a scorer from :meth:`to_json` output."""
        params = json.loads(text)
        names = tuple(params["feature_names"])
        if names != FEATURE_NAMES:
            raise ValueError(f"model was trained on other features: {names}")
        return cls(tuple(params["weights"]), params["intercept"], params["logistic"], names)


class LearnedRanker(BaseEstimator):  # type: ignore[misc]
    """Logistic regression on pair features, with the scikit-learn estimator API."""

    def __init__(
        self,
        C: float = 1.0,  # noqa: N803 - the scikit-learn name for inverse regularisation
        class_weight: str | None = "balanced",
        max_iter: int = 1000,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter

    def fit(self, X: FloatArray, y: npt.NDArray[np.int_]) -> LearnedRanker:  # noqa: N803
        """Learn feature weights from rows of features and 0/1 outcomes."""
        model = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter)
        model.fit(np.asarray(X, dtype=np.float64), np.asarray(y))
        self.coef_ = np.asarray(model.coef_[0], dtype=np.float64)
        self.intercept_ = float(model.intercept_[0])
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X: FloatArray) -> FloatArray:  # noqa: N803
        """Return the linear score of each row."""
        check_is_fitted(self, "coef_")
        return np.asarray(X @ self.coef_ + self.intercept_, dtype=np.float64)

    def predict_proba(self, X: FloatArray) -> FloatArray:  # noqa: N803
        """Return [P(negative), P(positive)] per row."""
        positive = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1.0 - positive, positive])

    def predict(self, X: FloatArray) -> npt.NDArray[np.int_]:  # noqa: N803
        """Return 1 where a positive outcome is more likely than not."""
        return (self.decision_function(X) > 0).astype(np.int_)

    def to_scorer(self) -> LinearScorer:
        """Return the fitted weights as a scorer for the matching pipeline."""
        check_is_fitted(self, "coef_")
        return LinearScorer(tuple(float(w) for w in self.coef_), self.intercept_, logistic=True)


@dataclass(frozen=True)
class ModelVersion:
    """Which scorer is in use, why, and a fingerprint of its parameters."""

    version: str
    adopted: bool
    feature_names: tuple[str, ...]
    metrics: dict[str, float]
    params_json: str
    params_hash: str
    scorer: LinearScorer = field(repr=False)


def labels_from_outcomes(outcomes: Iterable[str]) -> npt.NDArray[np.int_]:
    """Return 1 for positive outcomes, 0 for negative ones, -1 for those that say nothing."""
    return np.array(
        [1 if o in POSITIVE_FEEDBACK else 0 if o in NEGATIVE_FEEDBACK else -1 for o in outcomes],
        dtype=np.int_,
    )


def select_model(
    X: FloatArray,  # noqa: N803
    y: npt.NDArray[np.int_],
    *,
    holdout: float = 0.3,
    random_state: int = 0,
    min_outcomes: int = 30,
    candidate: LearnedRanker | None = None,
) -> ModelVersion:
    """Train on part of the outcomes; adopt the model only if it is not worse on the rest."""
    keep = y >= 0
    X, y = np.asarray(X[keep], dtype=np.float64), y[keep]  # noqa: N806
    default = LinearScorer.default()
    if len(y) < min_outcomes or len(set(y.tolist())) < 2:
        return _version(default, adopted=False, metrics={"outcomes": float(len(y))})
    X_train, X_test, y_train, y_test = train_test_split(  # noqa: N806
        X, y, test_size=holdout, random_state=random_state, stratify=y
    )
    learned = (candidate or LearnedRanker()).fit(X_train, y_train)
    metrics = {
        "outcomes": float(len(y)),
        "auc_default": _auc(y_test, X_test @ np.asarray(default.weights)),
        "auc_learned": _auc(y_test, learned.decision_function(X_test)),
    }
    if metrics["auc_learned"] >= metrics["auc_default"]:
        return _version(learned.to_scorer(), adopted=True, metrics=metrics)
    return _version(default, adopted=False, metrics=metrics)


def _auc(y: npt.NDArray[np.int_], scores: FloatArray) -> float:
    return float(roc_auc_score(y, scores)) if len(set(y.tolist())) == 2 else 0.5


def _version(scorer: LinearScorer, *, adopted: bool, metrics: dict[str, float]) -> ModelVersion:
    params = scorer.to_json()
    # The scorer in use is the one read back from JSON, so what is stored is what ranks.
    scorer = LinearScorer.from_json(params)
    digest = hashlib.sha256(params.encode("utf-8")).hexdigest()
    kind = "learned" if adopted else "default"
    return ModelVersion(
        f"{kind}-{digest[:12]}", adopted, FEATURE_NAMES, metrics, params, digest, scorer
    )
