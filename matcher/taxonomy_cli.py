"""`zow taxonomy build` and `zow occupations link`: rebuild the shipped data, try the linker."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click


def _package_data_dir() -> Path:
    """Return matcher/data inside the installed package."""
    return Path(str(resources.files("matcher") / "data"))


@click.group()
def taxonomy() -> None:
    """Build the compact ESCO and postcode data shipped with the matcher."""


@taxonomy.command("build")
@click.option(
    "--esco",
    "esco_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder with the ESCO CSV files and zips.",
)
@click.option(
    "--geo",
    "geo_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="GeoNames NL postal-code file.",
)
@click.option(
    "--dest",
    "dest_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: matcher/data of the package).",
)
def build(esco_dir: Path, geo_file: Path, dest_dir: Path | None) -> None:
    """Rebuild esco_nl.json.gz and pc4.csv.gz from the official downloads."""
    # Imported here so the taxonomy commands load without the geo module's dependencies.
    from matcher.geo import build_pc4_table
    from matcher.taxonomy_build import build_taxonomy

    target = dest_dir or _package_data_dir()
    target.mkdir(parents=True, exist_ok=True)
    counts = build_taxonomy(esco_dir, target)
    for name, count in counts.items():
        click.echo(f"{name}: {count}")
    click.echo(f"pc4: {build_pc4_table(geo_file, target / 'pc4.csv.gz')}")


@click.group()
def occupations() -> None:
    """Link job titles to ESCO occupations."""


@occupations.command("link")
@click.argument("text")
@click.option("-k", "k", default=10, show_default=True, type=click.IntRange(min=1))
def link(text: str, k: int) -> None:
    """Print the best ESCO occupations and ISCO groups for a job title."""
    from matcher.occupations import OccupationLinker

    hits = OccupationLinker.default().link(text, k=k)
    if not hits:
        click.echo("no match")
    for hit in hits:
        click.echo(f"{hit.score:.3f}\t{hit.label}\t{hit.uri}")
