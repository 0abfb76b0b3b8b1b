"""Compare re-ranker configurations on the Dutch title set, dev and sealed apart.

Each configuration is trained here (as ``python -m matcher.rerank_build`` would) and
scored at concept level next to the linker without re-ranker, in the same run:
- ESCO only: trained on held-out ESCO labels; dev and sealed are both out of sample;
- ESCO + list-style ESCO: the same labels also written as an occupation list writes them
  ("kledingverkoper" -> "Verkoper, kleding");
- ESCO + dev, 5-fold on dev: each dev title scored by a model that did not see it (the
  honest dev figure); sealed scored by the model trained on all dev titles (the shipped one).
The occupation-list set (never trained on) is scored by each full model, dev and sealed apart.
The sealed parts are only scored, never trained on; only their aggregate figures are printed.

Run: .venv/bin/python bench/linking_rerank.py
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from matcher.linking_eval import LabelledTitle, concept_rank, read_title_set, scores
from matcher.occupations import OccupationLinker
from matcher.rerank import Reranker
from matcher.rerank_build import (
    ESCO_QUERIES,
    esco_linker,
    esco_queries,
    examples,
    fit,
    listed,
    messy,
    training_titles,
)
from matcher.taxonomy import Taxonomy

TITLE_SET = Path(__file__).parent / "data" / "titles_nl.tsv"
LIST_SET = Path(__file__).parent / "data" / "titles_list_nl.tsv"
K = 100
FOLDS = 5
# The linker's own ordering; without them the model must weigh the parts itself.
RANK_FEATURES = ("score", "gap_to_first", "reciprocal_rank", "support")


def figures(linker: OccupationLinker, items: Sequence[LabelledTitle]) -> str:
    """Return concept-level figures of a linker on some titles."""
    hits = linker.link_many([item.title for item in items], k=K)
    ranks = [
        concept_rank(item.uris, [h.uri for h in row]) for item, row in zip(items, hits, strict=True)
    ]
    return scores(ranks)


def main() -> None:
    """Train and score each configuration."""
    start = time.perf_counter()
    taxonomy = Taxonomy.default()
    items = read_title_set(TITLE_SET)
    dev = [item for item in items if item.split == "dev"]
    sealed = [item for item in items if item.split == "sealed"]
    listed_items = read_title_set(LIST_SET)
    list_parts = {s: [i for i in listed_items if i.split == s] for s in ("dev", "sealed")}
    linker = OccupationLinker.from_taxonomy(taxonomy)
    held = esco_queries(taxonomy, ESCO_QUERIES)
    held_linker = esco_linker(taxonomy, held)
    esco_part = examples(held_linker, messy(held), 1.0)
    list_part = examples(held_linker, listed(held, held_linker.scorer.index.lexicon), 1.0)
    print(f"set-up {time.perf_counter() - start:.0f} s; {len(dev)} dev, {len(sealed)} sealed")

    def list_figures(name: str, model: Reranker | None) -> None:
        for split, chosen in list_parts.items():
            print(f"  {name:28s} list_nl {split:6s} {figures(linker.with_reranker(model), chosen)}")

    print(f"  {'no re-ranker':28s} dev    {figures(linker, dev)}")
    print(f"  {'no re-ranker':28s} sealed {figures(linker, sealed)}")
    list_figures("no re-ranker", None)
    for name, parts in (("ESCO only", [esco_part]), ("ESCO + list-style", [esco_part, list_part])):
        model = fit(parts)
        print(f"  {name:28s} dev    {figures(linker.with_reranker(model), dev)}")
        print(f"  {name:28s} sealed {figures(linker.with_reranker(model), sealed)}")
        list_figures(name, model)
    one = {item.title: examples(linker, training_titles([item]), 1.0) for item in dev}

    def dev_part(chosen: Sequence[LabelledTitle], weight: float) -> tuple[np.ndarray, np.ndarray]:
        x = np.vstack([one[item.title][0] for item in chosen])
        return x, weight * np.concatenate([one[item.title][1] for item in chosen])

    for weight, drop, lists in (
        (1.0, (), False),
        (2.0, (), False),
        (2.0, (), True),
        (2.0, RANK_FEATURES, True),
    ):
        name = f"ESCO{' + list' if lists else ''} + dev (w {weight:g}){' no rank' if drop else ''}"
        esco = [esco_part, list_part] if lists else [esco_part]
        per_fold: list[Reranker] = []
        for fold in range(FOLDS):
            train = [item for i, item in enumerate(dev) if i % FOLDS != fold]
            part = dev_part(train, weight)
            per_fold.append(fit([*esco, part], drop=drop))
        ranks = []
        for fold, model in enumerate(per_fold):
            held_dev = [item for i, item in enumerate(dev) if i % FOLDS == fold]
            hits = linker.with_reranker(model).link_many([t.title for t in held_dev], k=K)
            ranks += [
                concept_rank(t.uris, [h.uri for h in row])
                for t, row in zip(held_dev, hits, strict=True)
            ]
        full = fit([*esco, dev_part(dev, weight)], drop=drop)
        print(f"  {name:28s} dev    {scores(ranks)}  (5-fold, out of sample)")
        print(f"  {name:28s} sealed {figures(linker.with_reranker(full), sealed)}")
        list_figures(name, full)
    print(f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
