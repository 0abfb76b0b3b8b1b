"""What the text space computes once and keeps on disk, so a fresh worker need not again.

Two things, both plain numpy arrays (``.npy`` files, memory-mapped; never pickles):

- the fitted vocabulary (its n-grams and weights), keyed by a digest of the shipped
  taxonomy file, the vectorizer settings and the scikit-learn version;
- the TF-IDF rows of opportunity texts, keyed by vocabulary version and a digest of each
  text. A text that changes gets a new digest; a new vocabulary a new folder. Rows are
  added in segments (one per run that met new texts), merged when there are many.

The folder is ``ZOW_CACHE_DIR``, else ``<ZOW_INSTANCE_DIR>/cache``. Files are written
under a temporary name and renamed, so a reader never sees half a segment; losing the
folder only costs the time to compute its contents again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

Row = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]
KEY_BYTES = 16
# Past this many segments a run merges them into one.
MAX_SEGMENTS = 8


def cache_dir() -> Path:
    """Return the folder for build-once artifacts of this instance."""
    explicit = os.environ.get("ZOW_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("ZOW_INSTANCE_DIR", "instance")) / "cache"


def text_key(text: str) -> bytes:
    """Return the digest a text's row is kept under."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=KEY_BYTES).digest()


def write_arrays(folder: Path, arrays: Mapping[str, npt.NDArray[np.generic]]) -> None:
    """Write arrays as .npy files into a new folder, atomically (rename of the whole)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = folder.parent / f".{folder.name}.{uuid.uuid4().hex}"
    scratch.mkdir()
    for name, values in arrays.items():
        np.save(scratch / f"{name}.npy", values, allow_pickle=False)
    try:
        scratch.rename(folder)
    except OSError:  # another process wrote the same folder first: theirs is as good
        shutil.rmtree(scratch, ignore_errors=True)


def read_arrays(folder: Path, names: Sequence[str]) -> dict[str, npt.NDArray[np.generic]] | None:
    """Return the arrays of a folder, memory-mapped, or None when one is missing."""
    try:
        return {
            name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            for name in names
        }
    except (OSError, ValueError):
        return None


class RowStore:
    """TF-IDF rows of texts for one vocabulary version, in segments on disk."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._segments: dict[str, dict[str, npt.NDArray[np.generic]]] = {}

    @classmethod
    def for_version(cls, version: str, root: Path | None = None) -> RowStore:
        """Return the store of a vocabulary version under the cache folder."""
        return cls((root or cache_dir()) / "text-rows" / version)

    def _load(self) -> list[dict[str, npt.NDArray[np.generic]]]:
        names = sorted(p.name for p in self._listing() if not p.name.startswith("."))
        for name in set(self._segments) - set(names):
            del self._segments[name]
        for name in names:
            if name not in self._segments:
                arrays = read_arrays(self.folder / name, ("keys", "indptr", "indices", "data"))
                if arrays is not None:
                    # Plain views of the mapping: slicing a memmap object costs ~30x more.
                    self._segments[name] = {k: np.asarray(v) for k, v in arrays.items()}
        return list(self._segments.values())

    def _listing(self) -> list[Path]:
        try:
            return list(self.folder.iterdir())
        except OSError:
            return []

    def fetch(self, texts: Sequence[str]) -> dict[str, Row]:
        """Return the stored rows of those texts that have one."""
        if not texts:
            return {}
        wanted = np.array([text_key(t) for t in texts], dtype=f"S{KEY_BYTES}")
        found: dict[str, Row] = {}
        open_ = np.ones(len(texts), dtype=bool)
        for segment in self._load():
            keys, indptr = segment["keys"], segment["indptr"]
            if not open_.any() or len(keys) == 0:
                continue
            at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            hit = open_ & (keys[at] == wanted)
            for i in np.flatnonzero(hit).tolist():
                lo, hi = int(indptr[at[i]]), int(indptr[at[i] + 1])
                found[texts[i]] = _row(segment, lo, hi)
            open_ &= ~hit
        return found

    def keep(self, rows: Mapping[str, Row]) -> None:
        """Add rows as a new segment; merge the segments when there are too many.

        A folder that cannot be written (read-only, full) only costs the rows next time.
        """
        with contextlib.suppress(OSError):
            if rows:
                self._write({text_key(t): row for t, row in rows.items()})
            if len(self._listing()) > MAX_SEGMENTS:
                self._merge()

    def _write(self, rows: Mapping[bytes, Row]) -> None:
        keys = sorted(rows)
        parts = [rows[k] for k in keys]
        indptr = np.cumsum([0, *(len(p[0]) for p in parts)], dtype=np.int64)
        empty_i, empty_d = np.zeros(0, np.int32), np.zeros(0, np.float32)
        write_arrays(
            self.folder / uuid.uuid4().hex,
            {
                "keys": np.array(keys, dtype=f"S{KEY_BYTES}"),
                "indptr": indptr,
                "indices": np.concatenate([p[0] for p in parts]).astype(np.int32)
                if parts
                else empty_i,
                "data": np.concatenate([p[1] for p in parts]).astype(np.float32)
                if parts
                else empty_d,
            },
        )

    def _merge(self) -> None:
        """Write every segment's rows as one and remove the old ones."""
        old = sorted(p for p in self._listing() if not p.name.startswith("."))
        rows: dict[bytes, Row] = {}
        for path in old:
            arrays = read_arrays(path, ("keys", "indptr", "indices", "data"))
            if arrays is None:
                continue
            indptr = arrays["indptr"]
            for i, key in enumerate(arrays["keys"].tolist()):
                lo, hi = int(indptr[i]), int(indptr[i + 1])
                rows.setdefault(key, _row(arrays, lo, hi))
        self._write(rows)
        for path in old:
            # Readers that mapped a segment keep their view; new readers list the merged one.
            with contextlib.suppress(OSError):
                shutil.rmtree(path)
        self._segments.clear()


def _row(arrays: Mapping[str, npt.NDArray[np.generic]], lo: int, hi: int) -> Row:
    """Return one row of a segment as views of its mapped arrays."""
    indices: npt.NDArray[np.int32] = arrays["indices"][lo:hi]  # type: ignore[assignment]
    data: npt.NDArray[np.float32] = arrays["data"][lo:hi]  # type: ignore[assignment]
    return indices, data
