"""The benchmarks' core functions run on tiny sizes (their figures are for `make bench`)."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(autouse=True)
def bench_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))


def test_matching_bench_ranks_a_tiny_region_against_its_baseline() -> None:
    import matching

    figures = matching.one_size(60, 240, top=10, block_size=32)
    assert figures["matches"] > 0 and figures["baseline"] > 0 and figures["peak_mb"] > 0


def test_weekly_bench_measures_a_session_an_update_and_run_records(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import weekly

    figures = weekly.weekly(60, 240, 24, 5)
    printed = capsys.readouterr().out
    assert figures["session"] > 0 and figures["update"] > 0
    assert "run record, own row (now)" in printed and "ratio update / full run" in printed


def test_web_bench_visits_every_role_and_a_static_file() -> None:
    # Loaded by path under another name: bench/web.py would shadow the app package `web`.
    spec = importlib.util.spec_from_file_location("bench_web", BENCH / "web.py")
    assert spec is not None and spec.loader is not None
    web_bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_web"] = web_bench  # dataclasses look their module up there
    try:
        spec.loader.exec_module(web_bench)
    finally:
        del sys.modules["bench_web"]
    users = {visit.user.split("@")[0].rstrip("0123456789") for visit in web_bench.visits()}
    assert users == {"", "coach", "werkgever", "klant", "beheer"}
