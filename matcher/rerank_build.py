"""Train the linker's re-ranker and write it to ``matcher/data`` as JSON coefficients.

Run: .venv/bin/python -m matcher.rerank_build [--titles bench/data/titles_nl.tsv]
Training queries, each with the occupation it should link to:
- ESCO itself: alternative and hidden labels held out of the index (the linker is rebuilt
  without them), a third with vacancy noise ("(m/v)", "32 uur"), and each one that has a
  person noun and a qualifier also written as an occupation list writes it
  ("kledingverkoper" -> "Verkoper, kleding"); the labels the bench holds out (seed 7) are
  never among them;
- the dev part of the Dutch title set. The sealed part is never read for training.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from matcher.lexicon import Lexicon
from matcher.linking_eval import LabelledTitle, leave_out_sample, read_title_set, split_of
from matcher.normalise import clean
from matcher.occupations import OccupationLinker
from matcher.rerank import FEATURES, MODEL_FILE, Reranker, features
from matcher.taxonomy import Taxonomy
from matcher.title_roles import is_agent

Query = tuple[str, frozenset[str]]
# The bench holds out 600 labels with this seed; training never sees them.
BENCH_SEED, BENCH_SIZE = 7, 600
ESCO_QUERIES = 2000
# Weight of each list-style rewrite of a held-out ESCO label ("Verkoper, kleding").
LIST_WEIGHT = 1.0
_LINK_WORDS = frozenset("van in voor bij de het een op".split())
_NOISE = ("(m/v)", "32 uur", "Utrecht", "fulltime", "gezocht", "(v/m/x)")


def training_titles(items: Iterable[LabelledTitle]) -> list[Query]:
    """Return the dev titles as queries; sealed ones never, whatever their split column says."""
    return [
        (item.title, item.uris)
        for item in items
        if item.split == "dev" and split_of(item.title) == "dev"
    ]


def esco_queries(taxonomy: Taxonomy, size: int, seed: int = 11) -> list[tuple[str, str]]:
    """Pick (occupation URI, label) pairs to hold out, none of the bench's own sample."""
    bench = {
        (uri, clean(label)) for uri, label in leave_out_sample(taxonomy, BENCH_SIZE, BENCH_SEED)
    }
    pairs = [
        (o.uri, label)
        for o in taxonomy.occupations
        for label in (*o.alt_labels, *o.hidden_labels)
        if clean(label) != clean(o.label) and (o.uri, clean(label)) not in bench
    ]
    return random.Random(seed).sample(sorted(set(pairs)), size)  # noqa: S311 (a fixed sample, not a secret)


def esco_linker(taxonomy: Taxonomy, held: Sequence[tuple[str, str]]) -> OccupationLinker:
    """Build the plain linker without the held-out labels (and same-text duplicates)."""
    held_clean = {(uri, clean(label)) for uri, label in held}
    exclude = {
        (o.uri, label)
        for o in taxonomy.occupations
        for label in o.labels
        if (o.uri, clean(label)) in held_clean
    }
    return OccupationLinker.from_taxonomy(taxonomy, exclude=exclude)


def messy(held: Sequence[tuple[str, str]], seed: int = 5) -> list[Query]:
    """Return the held-out labels as queries, a third with vacancy noise added."""
    rng = random.Random(seed)  # noqa: S311 (repeatable noise, not a secret)
    queries = []
    for i, (uri, label) in enumerate(held):
        text = f"{label} {rng.choice(_NOISE)}" if i % 3 == 0 else label
        queries.append((text, frozenset([uri])))
    return queries


def list_style(label: str, lexicon: Lexicon) -> str | None:
    """Write a label as an occupation list does: "kledingverkoper" -> "Verkoper, kleding".

    A label "<person> <rest>" becomes "<Person>, <rest>" ("Monteur, dieselmotoren"); a
    one-word compound whose head is a person becomes "<Head>, <modifier>". Otherwise None.
    """
    if any(mark in label for mark in ",()/-"):
        return None
    words = label.split()
    if len(words) >= 2:
        rest = list(words[1:])
        # "supervisor van een contactcentrum" is listed as "Supervisor, contactcentrum".
        while rest and rest[0].lower() in _LINK_WORDS:
            rest.pop(0)
        if not is_agent(words[0]) or not rest or is_agent(rest[-1]):
            return None
        return _capital(f"{words[0]}, {' '.join(rest)}")
    parts = lexicon.split(label.lower())
    head = parts[-1]
    # Only where the head is written as such: "schoenenverkoper" keeps "schoenen".
    if len(parts) < 2 or not is_agent(head) or not label.lower().endswith(head):
        return None
    return _capital(f"{head}, {label[: len(label) - len(head)]}")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def listed(held: Sequence[tuple[str, str]], lexicon: Lexicon) -> list[Query]:
    """Return the held-out labels that an occupation list would write otherwise, so written."""
    queries = []
    for uri, label in held:
        text = list_style(label, lexicon)
        if text:
            queries.append((text, frozenset([uri])))
    return queries


def examples(
    linker: OccupationLinker, queries: Sequence[Query], weight: float
) -> tuple[np.ndarray, np.ndarray]:
    """Return pairwise examples: (right - wrong candidate) features, and their weights.

    Only queries whose right occupation is among the candidates teach anything.
    """
    diffs, weights = [], []
    for text, gold in queries:
        candidates = linker.candidates(text)
        matrix = features([c for _, c in candidates])
        right = [i for i, (uri, _) in enumerate(candidates) if uri in gold]
        wrong = [i for i, (uri, _) in enumerate(candidates) if uri not in gold]
        if not right or not wrong:
            continue
        pairs = matrix[right[0]] - matrix[wrong]
        diffs.append(pairs)
        weights.extend([weight / len(wrong)] * len(wrong))
    if not diffs:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    return np.vstack(diffs), np.asarray(weights)


def fit(
    parts: Sequence[tuple[np.ndarray, np.ndarray]], c: float = 1.0, drop: Sequence[str] = ()
) -> Reranker:
    """Fit pairwise logistic regression (no intercept); return it as a Reranker.

    Each pair appears both ways round, so the model learns which of two candidates is right.
    Features named in ``drop`` get weight 0.
    """
    x = np.vstack([p[0] for p in parts])
    x[:, [FEATURES.index(name) for name in drop]] = 0.0
    w = np.concatenate([p[1] for p in parts])
    scale = np.sqrt((x**2).mean(axis=0))
    scale[scale == 0] = 1.0
    both = np.vstack([x / scale, -x / scale])
    labels = np.concatenate([np.ones(len(x)), np.zeros(len(x))])
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
    model.fit(both, labels, sample_weight=np.concatenate([w, w]) * len(w) / w.sum())
    return Reranker(np.zeros(len(scale)).tolist(), scale.tolist(), model.coef_[0].tolist())


def train(
    taxonomy: Taxonomy,
    titles: Sequence[Query],
    esco_size: int = ESCO_QUERIES,
    dev_weight: float = 2.0,
    list_weight: float = LIST_WEIGHT,
) -> Reranker:
    """Train on held-out ESCO labels (as written and list-style) and the given (dev) titles."""
    parts = []
    if esco_size:
        held = esco_queries(taxonomy, esco_size)
        linker = esco_linker(taxonomy, held)
        parts.append(examples(linker, messy(held), 1.0))
        if list_weight:
            lexicon = linker.scorer.index.lexicon
            parts.append(examples(linker, listed(held, lexicon), list_weight))
    if titles:
        parts.append(examples(OccupationLinker.from_taxonomy(taxonomy), titles, dev_weight))
    return fit(parts)


def main() -> None:
    """Train on ESCO and the dev titles; write the model file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--titles",
        type=Path,
        default=Path(__file__).parents[1] / "bench" / "data" / "titles_nl.tsv",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / MODEL_FILE)
    parser.add_argument("--esco", type=int, default=ESCO_QUERIES)
    args = parser.parse_args()
    titles = training_titles(read_title_set(args.titles))
    model = train(Taxonomy.default(), titles, args.esco)
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    weights = ", ".join(f"{n} {c:+.2f}" for n, c in zip(FEATURES, model.coef, strict=True))
    print(f"{len(titles)} dev titles, {args.esco} ESCO labels -> {args.out}\n{weights}")


if __name__ == "__main__":
    main()
