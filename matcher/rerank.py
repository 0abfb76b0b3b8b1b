"""Re-rank the linker's best candidate occupations with a small learned linear model.

The model is logistic regression over features the linker already computed per candidate
(label, description and final scores, role agreement, rank, ISCO support, number of labels).
It is trained by ``python -m matcher.rerank_build`` and shipped as JSON coefficients in
``matcher/data``: data, not code, so loading it runs nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

MODEL_FILE = "rerank_nl.json"
# Only the head of the ranking is re-ordered: the tail stays in linker order, so the first
# hits are the same whatever k a caller asks for.
TOP_N = 20
# An alternative label scores 0.97 on an exact match (see occupations.ALT_EXACT).
_EXACT = 0.969

FEATURES = (
    "score",
    "gap_to_first",
    "reciprocal_rank",
    "label",
    "text",
    "factor",
    "role_penalised",
    "exact",
    "support",
    "log_labels",
    "label_x_factor",
    "text_x_label",
    "context",
    "word_overlap",
    "all_words",
)

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Candidate:
    """What the linker knows about one candidate occupation of one title."""

    score: float
    label: float
    text: float
    factor: float
    before_support: float
    n_labels: int
    context: float = 0.0
    overlap: float = 0.0


def features(candidates: Sequence[Candidate]) -> Matrix:
    """Return the feature matrix (candidates x FEATURES) of one title's ranked candidates."""
    if not candidates:
        return np.zeros((0, len(FEATURES)))
    first = candidates[0].score
    rows = [
        (
            c.score,
            c.score - first,
            1.0 / (1 + rank),
            c.label,
            c.text,
            c.factor,
            float(c.factor < 0.999),
            float(c.label >= _EXACT),
            c.score - c.before_support,
            float(np.log1p(c.n_labels)),
            c.label * c.factor,
            c.text * c.label,
            c.context,
            c.overlap,
            float(c.overlap >= 0.999),
        )
        for rank, c in enumerate(candidates)
    ]
    return np.asarray(rows, dtype=np.float64)


class Reranker:
    """A linear model over standardised candidate features; higher is better."""

    def __init__(
        self, mean: Sequence[float], scale: Sequence[float], coef: Sequence[float]
    ) -> None:
        """Keep the standardisation and the coefficients, one per feature."""
        if not len(mean) == len(scale) == len(coef) == len(FEATURES):
            raise ValueError(f"herordening: {len(coef)} gewichten, verwacht {len(FEATURES)}")
        self.mean = np.asarray(mean, dtype=np.float64)
        self.scale = np.asarray(scale, dtype=np.float64)
        self.coef = np.asarray(coef, dtype=np.float64)

    def order(self, candidates: Sequence[Candidate]) -> list[int]:
        """Return the candidates' positions, best first (ties keep the linker's order)."""
        values = ((features(candidates) - self.mean) / self.scale) @ self.coef
        return sorted(range(len(candidates)), key=lambda i: (-round(float(values[i]), 9), i))

    def to_json(self) -> dict[str, object]:
        """Return the model as plain data."""
        return {
            "features": list(FEATURES),
            "top_n": TOP_N,
            "mean": self.mean.round(8).tolist(),
            "scale": self.scale.round(8).tolist(),
            "coef": self.coef.round(8).tolist(),
        }

    @property
    def version(self) -> str:
        """Return a short hash of the model, part of the linker's version."""
        text = json.dumps(self.to_json(), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Reranker:
        """Read a model written by to_json; raise ValueError if it is for other features."""
        if data.get("features") != list(FEATURES) or data.get("top_n") != TOP_N:
            raise ValueError(f"{MODEL_FILE}: kenmerken passen niet bij deze code; bouw opnieuw")
        return cls(data["mean"], data["scale"], data["coef"])  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path | None = None) -> Reranker | None:
        """Return the shipped model, or None when it has not been built."""
        source = path or Path(str(resources.files("matcher") / "data" / MODEL_FILE))
        if not source.is_file():
            return None
        return cls.from_json(json.loads(source.read_text(encoding="utf-8")))
