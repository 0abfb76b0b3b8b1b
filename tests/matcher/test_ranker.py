import json
from typing import Any

import numpy as np
import pytest
from sklearn.exceptions import NotFittedError
from sklearn.utils.estimator_checks import parametrize_with_checks
from sklearn.utils.validation import check_is_fitted

from matcher.features import FEATURE_NAMES
from matcher.ranker import (
    DEFAULT_WEIGHTS,
    LearnedRanker,
    LinearScorer,
    labels_from_outcomes,
    select_model,
)


def outcomes(n: int, signal: str, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Return features and outcomes where only ``signal`` predicts the outcome."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, len(FEATURE_NAMES)))
    logit = 8.0 * (x[:, FEATURE_NAMES.index(signal)] - 0.5)
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-logit))).astype(int)
    return x, y


def test_default_weights_cover_every_feature_once() -> None:
    assert set(DEFAULT_WEIGHTS) == set(FEATURE_NAMES)
    assert sum(DEFAULT_WEIGHTS.values()) == pytest.approx(1.0)


def test_linear_scorer_scores_feature_blocks() -> None:
    scorer = LinearScorer.default()
    features = np.ones((len(FEATURE_NAMES), 2, 3), dtype=np.float32)
    assert scorer.score(features) == pytest.approx(np.ones((2, 3)))


def test_learned_ranker_follows_the_estimator_api() -> None:
    ranker = LearnedRanker(C=0.5)
    assert ranker.get_params() == {"C": 0.5, "class_weight": "balanced", "max_iter": 1000}
    with pytest.raises(NotFittedError):
        check_is_fitted(ranker, "coef_")
    x, y = outcomes(400, "distance")
    assert ranker.fit(x, y) is ranker
    check_is_fitted(ranker, "coef_")
    assert ranker.coef_.argmax() == FEATURE_NAMES.index("distance")
    assert ranker.predict_proba(x).shape == (400, 2)
    assert set(ranker.predict(x).tolist()) <= {0, 1}


def test_labels_from_outcomes() -> None:
    labels = labels_from_outcomes(["placed", "declined", "proposed", "interview", "rejected"])
    assert labels.tolist() == [1, 0, -1, 1, 0]


def test_a_better_model_is_adopted_and_versioned() -> None:
    x, y = outcomes(600, "distance")  # distance has only a modest default weight
    version = select_model(x, y)
    assert version.adopted and version.version.startswith("learned-")
    assert version.metrics["auc_learned"] >= version.metrics["auc_in_use"]
    assert version.feature_names == FEATURE_NAMES
    params = json.loads(version.params_json)
    assert params["feature_names"] == list(FEATURE_NAMES)
    assert LinearScorer.from_json(version.params_json) == version.scorer
    assert select_model(x, y).params_hash == version.params_hash  # same data, same hash


class Contrarian(LearnedRanker):
    """A deliberately bad model: it learns the weights and then turns them around."""

    def fit(self, x: np.ndarray, y: np.ndarray) -> "Contrarian":
        super().fit(x, y)
        self.coef_ = -self.coef_
        return self


def test_a_worse_model_is_not_adopted() -> None:
    x, y = outcomes(600, "occupation")
    version = select_model(x, y, candidate=Contrarian())
    assert version.metrics["auc_learned"] < version.metrics["auc_in_use"]
    assert not version.adopted and version.version.startswith("default-")
    assert version.scorer == LinearScorer.default()


def test_too_few_outcomes_keep_the_default() -> None:
    x, y = outcomes(10, "skills")
    version = select_model(x, y)
    assert not version.adopted and version.scorer == LinearScorer.default()


@parametrize_with_checks([LearnedRanker()])  # type: ignore[misc]
def test_learned_ranker_passes_the_scikit_learn_checks(estimator: object, check: Any) -> None:
    check(estimator)


def test_the_gate_compares_with_the_model_in_use_not_the_default() -> None:
    # Outcomes depend on distance only; the model in use already ranks by distance.
    x, y = outcomes(600, "distance")
    # As stored: the scorer in use is always read back from its JSON.
    in_use = LinearScorer.from_json(LearnedRanker().fit(x, y).to_scorer().to_json())
    assert in_use != LinearScorer.default()
    # A new candidate that beats the default weights but not the model in use is refused.
    mediocre = select_model(x, y, candidate=Halfhearted(), in_use=None)
    assert mediocre.adopted  # against the default it would win ...
    version = select_model(x, y, candidate=Halfhearted(), in_use=in_use)
    assert version.metrics["auc_learned"] < version.metrics["auc_in_use"]
    assert not version.adopted  # ... but the model in use is better, so it stays
    assert version.scorer == in_use and version.version.startswith("learned-")


def test_a_model_that_beats_the_model_in_use_replaces_it() -> None:
    x, y = outcomes(600, "hours")
    in_use = LearnedRanker().fit(*outcomes(600, "distance", seed=1)).to_scorer()
    version = select_model(x, y, in_use=in_use)
    assert version.adopted and version.scorer != in_use
    assert version.metrics["auc_learned"] >= version.metrics["auc_in_use"]


class Halfhearted(LearnedRanker):
    """A weak model: it learns, then keeps only a noisy tenth of its signal."""

    def fit(self, x: np.ndarray, y: np.ndarray) -> "Halfhearted":
        super().fit(x, y)
        noise = np.random.default_rng(5).normal(0, 1, self.coef_.shape)
        self.coef_ = 0.1 * self.coef_ + noise
        return self
