"""Scoring of pair features: transparent default weights, a learned model, and adoption.

Both scorers are linear in the features, so a block of claimants is scored with one
weighted sum over the feature matrices. The learned ranker is a logistic regression on
recorded outcomes (interest, application, interview, placement = 1; declined, rejected =
0). It replaces the model in use (the default weights until one is adopted) only when it is
not worse on held-back outcomes (ROC-AUC), see :func:`select_model`. Parameters are stored
as JSON, never pickled.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.utils import Tags
from sklearn.utils.multiclass import check_classification_targets, type_of_target
from sklearn.utils.validation import check_is_fitted, validate_data

from matcher.features import FEATURE_NAMES
from matcher.feedback import outcome_sign

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


class LearnedRanker(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Logistic regression on pair features, a binary scikit-learn classifier."""

    def __init__(
        self,
        C: float = 1.0,  # noqa: N803 - the scikit-learn name for inverse regularisation
        class_weight: str | None = "balanced",
        max_iter: int = 1000,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter

    def __sklearn_tags__(self) -> Tags:
        """Declare a binary classifier: outcomes are positive or negative, nothing else."""
        tags = super().__sklearn_tags__()
        if tags.classifier_tags is not None:
            tags.classifier_tags.multi_class = False
        return tags

    def fit(self, X: FloatArray, y: npt.NDArray[np.int_]) -> LearnedRanker:  # noqa: N803
        """Learn feature weights from rows of features and two-valued outcomes."""
        X, y = validate_data(self, X, y, dtype=np.float64)  # noqa: N806
        check_classification_targets(y)
        target = type_of_target(y, input_name="y", raise_unknown=True)
        if target != "binary":
            raise ValueError(f"Only binary classification is supported. The target is {target}.")
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError("Only binary classification is supported: got 1 class.")
        model = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter)
        model.fit(X, y)
        self.coef_ = np.asarray(model.coef_[0], dtype=np.float64)
        self.intercept_ = float(model.intercept_[0])
        self.n_iter_ = np.asarray(model.n_iter_)
        return self

    def decision_function(self, X: FloatArray) -> FloatArray:  # noqa: N803
        """Return the linear score of each row (positive favours ``classes_[1]``)."""
        check_is_fitted(self, "coef_")
        X = validate_data(self, X, dtype=np.float64, reset=False)  # noqa: N806
        return np.asarray(X @ self.coef_ + self.intercept_, dtype=np.float64)

    def predict_proba(self, X: FloatArray) -> FloatArray:  # noqa: N803
        """Return [P(classes_[0]), P(classes_[1])] per row."""
        positive = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1.0 - positive, positive])

    def predict(self, X: FloatArray) -> npt.NDArray[Any]:  # noqa: N803
        """Return the more likely class of each row."""
        positive = self.decision_function(X) > 0
        return np.asarray(self.classes_[positive.astype(np.int_)])

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
        [{1: 1, -1: 0}.get(outcome_sign(o), -1) for o in outcomes],
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
    in_use: LinearScorer | None = None,
) -> ModelVersion:
    """Train on part of the outcomes; adopt the model only if it beats the one in use.

    ``in_use`` is the scorer that ranks today (the default weights when none was adopted);
    the new model replaces it only when it is not worse on the held-back outcomes.
    """
    keep = y >= 0
    X, y = np.asarray(X[keep], dtype=np.float64), y[keep]  # noqa: N806
    current = in_use or LinearScorer.default()
    # Keeping the model in use changes nothing: it is reported, not adopted again.
    kind = "default" if current == LinearScorer.default() else "learned"
    if len(y) < min_outcomes or len(set(y.tolist())) < 2:
        return _version(current, adopted=False, metrics={"outcomes": float(len(y))}, kind=kind)
    X_train, X_test, y_train, y_test = train_test_split(  # noqa: N806
        X, y, test_size=holdout, random_state=random_state, stratify=y
    )
    learned = (candidate or LearnedRanker()).fit(X_train, y_train)
    metrics = {
        "outcomes": float(len(y)),
        "auc_in_use": _auc(y_test, X_test @ np.asarray(current.weights)),
        "auc_learned": _auc(y_test, learned.decision_function(X_test)),
    }
    if metrics["auc_learned"] >= metrics["auc_in_use"]:
        return _version(learned.to_scorer(), adopted=True, metrics=metrics)
    return _version(current, adopted=False, metrics=metrics, kind=kind)


def _auc(y: npt.NDArray[np.int_], scores: FloatArray) -> float:
    return float(roc_auc_score(y, scores)) if len(set(y.tolist())) == 2 else 0.5


def _version(
    scorer: LinearScorer, *, adopted: bool, metrics: dict[str, float], kind: str = ""
) -> ModelVersion:
    params = scorer.to_json()
    # The scorer in use is the one read back from JSON, so what is stored is what ranks.
    scorer = LinearScorer.from_json(params)
    digest = hashlib.sha256(params.encode("utf-8")).hexdigest()
    kind = kind or ("learned" if adopted else "default")
    return ModelVersion(
        f"{kind}-{digest[:12]}", adopted, FEATURE_NAMES, metrics, params, digest, scorer
    )
