"""One BLAS thread per process, set once when the process starts.

Matching multiplies many small matrices. OpenBLAS would spread each over every core and
leave its threads spinning between calls: a third of a weekly run's CPU time went to them,
on the cores the web workers need. A limit set and restored per run is not safe either:
the limit is process-wide, runs overlap in a threaded server, and each change restarts the
threads. So every process that matches (the app, the command line, the benchmarks) calls
:func:`one_blas_thread` once, at start.
"""

from __future__ import annotations

from functools import cache

import numpy  # noqa: F401  (loads BLAS first: a limit only reaches loaded libraries)
from threadpoolctl import threadpool_limits


@cache
def one_blas_thread() -> None:
    """Limit BLAS to one thread in this process (the first call does it; later ones nothing)."""
    threadpool_limits(limits=1, user_api="blas")
