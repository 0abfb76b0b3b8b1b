"""Cosine similarities of claimant texts with many opportunity texts, common n-grams dense.

Character n-grams follow Zipf's law: a few hundred of them (" me", "wer", "en ") occur in
most texts. In a sparse product each n-gram of a claimant walks the list of every
opportunity that has it, so those few make up most of the work (about 90 % for the 512
most common in our benchmark). They are multiplied here as small dense matrices, which
BLAS does many times faster per term, and the rest as sparse ones. The sum is the same
product up to float32 rounding (which columns are dense follows the rows given, and BLAS
adds in an order of its own): differences of about 1e-7, far below what a score shows.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy import sparse

COMMON_COLUMNS = 512

Matrix = npt.NDArray[np.float32]


class SplitRows:
    """Opportunity rows split into their most common columns (dense) and the rest (sparse)."""

    def __init__(self, rows: sparse.csr_matrix, common: int = COMMON_COLUMNS) -> None:
        counts = np.bincount(rows.indices, minlength=rows.shape[1])
        top = np.argsort(-counts, kind="stable")[:common]
        top = top[counts[top] > 0]
        self.slot = np.full(rows.shape[1], -1, dtype=np.intp)
        self.slot[top] = np.arange(len(top))
        self.dense, self.rare = self.split(rows)

    def split(self, rows: sparse.csr_matrix) -> tuple[Matrix, sparse.csr_matrix]:
        """Return rows' common columns as a dense matrix and the other columns as sparse."""
        rows = sparse.csr_matrix(rows)
        slots = self.slot[rows.indices]
        common = slots >= 0
        dense = np.zeros((rows.shape[0], int(self.slot.max(initial=-1)) + 1), dtype=np.float32)
        row_of = np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr))
        dense[row_of[common], slots[common]] = rows.data[common]
        kept = np.concatenate([[0], np.cumsum(~common)])
        rare = sparse.csr_matrix(
            (rows.data[~common], rows.indices[~common], kept[rows.indptr]), shape=rows.shape
        )
        return dense, rare

    def similarity(self, left: sparse.csr_matrix, positions: npt.NDArray[np.intp]) -> Matrix:
        """Return left's rows times the rows at positions: (len(left), len(positions))."""
        dense, rare = self.split(left)
        out = dense @ self.dense[positions].T
        out += sparse.csr_matrix(rare @ self.rare[positions].T).toarray()
        return np.asarray(out, dtype=np.float32)
