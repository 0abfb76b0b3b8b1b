"""`zow match`: rank opportunities for claimants from JSON Lines or CSV files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import IO

import click

from matcher.occupations import OccupationLinker
from matcher.pipeline import ClaimantResult, rank
from matcher.readers import RejectedRecord, read_claimants, read_opportunities

EXIT_REJECTED = 2
_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command("match")
@click.option(
    "--claimants", "claimants_path", required=True, type=_FILE, help="Claimants, .jsonl or .csv"
)
@click.option(
    "--opportunities",
    "opportunities_path",
    required=True,
    type=_FILE,
    help="Opportunities, .jsonl or .csv",
)
@click.option(
    "--top", default=10, show_default=True, type=click.IntRange(min=1), help="Matches per claimant"
)
@click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), help="Reference date (default: today)"
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: stdout)",
)
def match(
    claimants_path: Path,
    opportunities_path: Path,
    top: int,
    today: dt.datetime | None,
    out_path: Path | None,
) -> None:
    """Write one JSON line per claimant with their best feasible matches and reasons."""
    claimants, bad_claimants = read_claimants(claimants_path)
    opportunities, bad_opportunities = read_opportunities(opportunities_path)
    rejected = bad_opportunities + bad_claimants
    _report(rejected)
    day = today.date() if today else dt.date.today()
    results = rank(claimants, opportunities, today=day, top=top, linker=OccupationLinker.default())
    with click.open_file(str(out_path) if out_path else "-", "w", encoding="utf-8") as out:
        _write(results, out)
    if rejected:
        click.echo(f"{len(rejected)} record(s) rejected; the others were matched.", err=True)
        raise SystemExit(EXIT_REJECTED)


def _report(rejected: list[RejectedRecord]) -> None:
    for record in rejected:
        click.echo(f"error: {record}", err=True)


def _write(results: list[ClaimantResult], out: IO[str]) -> None:
    for result in results:
        line = {
            "claimant_id": result.claimant_id,
            "matches": [
                {"opportunity_id": m.opportunity_id, "score": m.score, "reasons": m.reasons}
                for m in result.matches
            ],
            "advice": result.advice,
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
