"""Build the Dutch occupation descriptions the linker reads (``matcher/data``), from ESCO.

Run: .venv/bin/python -m matcher.linking_build --esco DIR (the official ESCO CSV download)
The taxonomy file keeps labels and skills; this file adds each occupation's Dutch
description, gzipped JSON {uri: description}.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from matcher.taxonomy_build import _find, _read_csv

DESCRIPTIONS_FILE = "esco_descriptions_nl.json.gz"
_OCCUPATIONS = "occupations_nl_*.csv"


def descriptions(esco_dir: Path) -> dict[str, str]:
    """Return the Dutch description of each occupation that has one."""
    rows = _read_csv(_find(esco_dir, _OCCUPATIONS))
    return {
        row["conceptUri"]: " ".join(row.get("description", "").split())
        for row in rows
        if row.get("description", "").strip()
    }


def main() -> None:
    """Write the descriptions file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--esco",
        type=Path,
        required=True,
        help="folder of the ESCO CSV files (occupations_nl_*.csv)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "data" / DESCRIPTIONS_FILE
    )
    args = parser.parse_args()
    texts = descriptions(args.esco)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as target:
        json.dump(texts, target, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    print(f"{len(texts)} descriptions -> {args.out}")


if __name__ == "__main__":
    main()
