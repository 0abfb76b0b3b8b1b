import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.match_cli import EXIT_REJECTED, match

DATA = Path(__file__).parents[1] / "data" / "matcher"


def run(*args: str) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(match, [*args, "--today", "2026-11-23"])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, lines, result.stderr


@pytest.mark.parametrize("claimants", ["claimants.jsonl", "claimants.csv"])
def test_match_writes_one_line_per_claimant(claimants: str) -> None:
    code, lines, _err = run(
        "--claimants",
        str(DATA / claimants),
        "--opportunities",
        str(DATA / "opportunities.csv"),
        "--top",
        "3",
    )
    assert code == 0
    assert [line["claimant_id"] for line in lines] == ["c1", "c2", "c3"]
    by_id = {line["claimant_id"]: line["matches"] for line in lines}
    first = by_id["c1"]
    assert isinstance(first, list) and first and len(first) <= 3
    assert first[0]["opportunity_id"] == "o1"
    assert set(first[0]) == {"opportunity_id", "score", "reasons"}
    assert first[0]["reasons"]
    # Step 2 gets day activity only; o5 closed before today.
    assert [m["opportunity_id"] for m in by_id["c2"]] == ["o3"]
    assert all(m["opportunity_id"] != "o5" for ms in by_id.values() for m in ms)


def test_match_writes_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "matches.jsonl"
    code, lines, _err = run(
        "--claimants",
        str(DATA / "claimants.jsonl"),
        "--opportunities",
        str(DATA / "opportunities.csv"),
        "--out",
        str(out),
    )
    assert code == 0 and lines == []
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_invalid_records_are_named_and_the_rest_is_matched() -> None:
    path = DATA / "claimants_invalid.jsonl"
    code, lines, err = run(
        "--claimants", str(path), "--opportunities", str(DATA / "opportunities_invalid.csv")
    )
    assert code == EXIT_REJECTED
    assert [line["claimant_id"] for line in lines] == ["c1", "c4"]
    assert f"{path}:2: ladder_step:" in err
    assert f"{path}:4: (line): not valid JSON" in err
    assert f"{DATA / 'opportunities_invalid.csv'}:3: kind: unknown kind 'internship'" in err
    assert "3 record(s) rejected" in err
