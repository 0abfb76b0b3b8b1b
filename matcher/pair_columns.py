"""The opportunity columns a block's pairs fall in, and products read only at those pairs."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy import sparse

Ids = npt.NDArray[np.intp]
Matrix = npt.NDArray[np.float32]
# The distinct opportunity columns of some pairs, ascending, and each pair's position there.
Distinct = tuple[Ids, Ids]


def distinct_columns(cols: Ids, width: int) -> Distinct:
    """Return the distinct columns (ascending) and each pair's position among them.

    What ``np.unique(cols, return_inverse=True)`` returns, by marking instead of sorting:
    a block's ~230,000 pairs fall in at most ``width`` (the run's opportunities) columns.
    """
    present = np.zeros(width, dtype=bool)
    present[cols] = True
    slot = np.cumsum(present, dtype=np.intp) - 1
    return np.flatnonzero(present), slot[cols]


def sample_product(
    left: sparse.csr_matrix, right: sparse.csr_matrix, rows: Ids, distinct: Distinct
) -> Matrix:
    """Return (left @ right.T) at the (row, column) pairs, multiplying only needed columns."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32)
    needed, position = distinct
    # Densify the small product: sampling a sparse row scans it, and text rows are nearly full.
    product = sparse.csr_matrix(left @ right[needed].T).toarray()
    return np.asarray(product[rows, position], dtype=np.float32)
