"""PC4 postcode centroids and great-circle distances.

The shipped table ``matcher/data/pc4.csv.gz`` is built from the GeoNames postal-code
dump (CC BY 4.0) by :func:`build_pc4_table`, so the package runs without the raw file.
Rebuild it from a newer download with
``python -m matcher.geo NL_postalcodes_pc4.txt matcher/data/pc4.csv.gz``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088
# Rows of a distance matrix computed at once (through one buffer of this many rows).
CHORD_ROWS = 128
_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$")
_HEADER = ("pc4", "lat", "lon", "place", "municipality", "cbs_code")

FloatArray = npt.NDArray[np.float64]


def parse_postcode(value: str) -> str:
    """Return the four digits of a Dutch postcode such as "1271", "1271AB" or "1271 ab"."""
    match = _POSTCODE.match(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"not a Dutch postcode (expected 1234 or 1234 AB): {value!r}")
    return match.group(1)


def build_pc4_table(geo_file: Path, dest: Path) -> int:
    """Write the compact PC4 table from a GeoNames NL postal-code file; return the row count."""
    names: dict[str, tuple[str, str, str]] = {}
    points: dict[str, list[tuple[float, float]]] = {}
    with geo_file.open(encoding="utf-8") as source:
        for fields in csv.reader(source, delimiter="\t"):
            if len(fields) < 11 or fields[0] != "NL":
                continue
            # A PC4 that straddles municipalities appears once per part: keep the first
            # names and average the centroids.
            names.setdefault(fields[1], (fields[2], fields[5], fields[6]))
            points.setdefault(fields[1], []).append((float(fields[9]), float(fields[10])))
    with (
        dest.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as packed,
    ):
        # No name and mtime=0 keep the built file byte-identical across rebuilds.
        text = io.TextIOWrapper(packed, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(_HEADER)
        for pc4 in sorted(names):
            lat, lon = np.mean(np.array(points[pc4]), axis=0)
            writer.writerow((pc4, f"{lat:.4f}", f"{lon:.4f}", *names[pc4]))
        text.flush()
        text.detach()
    return len(names)


@dataclass(frozen=True)
class Place:
    """One PC4 area: centroid and names."""

    pc4: str
    lat: float
    lon: float
    place: str
    municipality: str
    cbs_code: str


class Gazetteer:
    """Look up PC4 centroids and measure distances between postcodes."""

    def __init__(self, places: list[Place]) -> None:
        self.places = {place.pc4: place for place in places}
        self.codes = sorted(self.places)
        self._index = {code: i for i, code in enumerate(self.codes)}
        self.lat = np.array([self.places[c].lat for c in self.codes], dtype=np.float64)
        self.lon = np.array([self.places[c].lon for c in self.codes], dtype=np.float64)

    @classmethod
    def from_file(cls, path: Path) -> Gazetteer:
        """Load a table written by :func:`build_pc4_table`."""
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as source:
            return cls([_place(row) for row in csv.DictReader(source)])

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the gazetteer shipped with the package (loaded once)."""
        return _default_gazetteer()

    def __contains__(self, postcode: str) -> bool:
        try:
            return parse_postcode(postcode) in self.places
        except ValueError:
            return False

    def locate(self, postcode: str) -> Place:
        """Return the PC4 area of a postcode; raise ValueError when unknown."""
        pc4 = parse_postcode(postcode)
        if pc4 not in self.places:
            raise ValueError(f"unknown postcode area: {pc4}")
        return self.places[pc4]

    def index_of(self, postcodes: list[str]) -> npt.NDArray[np.intp]:
        """Return row indices into ``lat``/``lon`` for postcodes, -1 when unknown."""
        out = np.full(len(postcodes), -1, dtype=np.intp)
        for i, code in enumerate(postcodes):
            try:
                out[i] = self._index.get(parse_postcode(code), -1)
            except ValueError:
                continue
        return out

    def distance_km(self, a: str, b: str) -> float:
        """Return the distance in km between the centroids of two postcodes."""
        pa, pb = self.locate(a), self.locate(b)
        return haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)

    def areas_within(self, postcode: str, km: float) -> list[str]:
        """Return the PC4 codes whose centroid lies within km of a postcode's (itself too)."""
        origin = self.locate(postcode)
        lat0 = np.full(1, origin.lat)
        lon0 = np.full(1, origin.lon)
        distance = haversine_matrix(lat0, lon0, self.lat, self.lon)[0]
        return [code for code, d in zip(self.codes, distance, strict=True) if d <= km]

    def distance_matrix(self, rows: npt.NDArray[np.intp], cols: npt.NDArray[np.intp]) -> FloatArray:
        """Return km between every row index and every column index; NaN where either is -1."""
        result = haversine_matrix(self.lat[rows], self.lon[rows], self.lat[cols], self.lon[cols])
        result[rows < 0, :] = np.nan
        result[:, cols < 0] = np.nan
        return result


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two points in degrees."""
    return float(
        haversine_matrix(np.array([lat1]), np.array([lon1]), np.array([lat2]), np.array([lon2]))[
            0, 0
        ]
    )


def haversine_matrix(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> FloatArray:
    """Return km between every point of the first set (rows) and of the second (columns)."""
    first, second = _unit_vectors(lat1, lon1), _unit_vectors(lat2, lon2)
    out = np.empty((first.shape[1], second.shape[1]), dtype=np.float64)
    # The chord between unit vectors gives the great-circle distance as the haversine
    # formula does (sin(angle / 2) = chord / 2), with no sines per pair: one region's
    # places against another's are millions of pairs. It agrees with the haversine
    # formula to ~1e-12 km over the Netherlands (~0.2 m near antipodes). Rows go in
    # slices through one reused buffer: fresh temporaries of the whole size cost more in
    # page faults than the arithmetic itself.
    step = np.empty((min(CHORD_ROWS, len(out)), out.shape[1]), dtype=np.float64)
    for start in range(0, len(out), CHORD_ROWS):
        rows = slice(start, start + CHORD_ROWS)
        chord, buffer = out[rows], step[: len(out[rows])]
        np.subtract.outer(first[0, rows], second[0], out=chord)
        chord *= chord
        for axis in (1, 2):
            np.subtract.outer(first[axis, rows], second[axis], out=buffer)
            buffer *= buffer
            chord += buffer
        _arc_km(chord)
    return out


def haversine_pairs(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> FloatArray:
    """Return km between paired points (element-wise, same length)."""
    steps = _unit_vectors(lat1, lon1) - _unit_vectors(lat2, lon2)
    return _arc_km(np.sum(steps * steps, axis=0))


def _unit_vectors(lat: FloatArray, lon: FloatArray) -> FloatArray:
    """Return points in degrees as unit vectors from the earth's centre: (3, points)."""
    phi, lam = np.radians(np.asarray(lat, dtype=np.float64)), np.radians(lon)
    return np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def _arc_km(squared_chord: FloatArray) -> FloatArray:
    """Return the great-circle km of squared chords between unit vectors (changed in place)."""
    half = np.sqrt(squared_chord, out=squared_chord)
    half *= 0.5
    np.clip(half, 0.0, 1.0, out=half)
    arc = np.arcsin(half, out=half)
    arc *= 2 * EARTH_RADIUS_KM
    return np.asarray(arc, dtype=np.float64)


def _place(row: dict[str, str]) -> Place:
    return Place(
        pc4=row["pc4"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        place=row["place"],
        municipality=row["municipality"],
        cbs_code=row["cbs_code"],
    )


@cache
def _default_gazetteer() -> Gazetteer:
    table = resources.files("matcher").joinpath("data/pc4.csv.gz")
    with resources.as_file(table) as path:
        return Gazetteer.from_file(path)


def main(argv: list[str] | None = None) -> None:
    """Rebuild the shipped PC4 table from a GeoNames file."""
    parser = argparse.ArgumentParser(description="Build the compact PC4 centroid table.")
    parser.add_argument("source", type=Path, help="GeoNames NL postal codes (tab-separated)")
    parser.add_argument("dest", type=Path, help="output, e.g. matcher/data/pc4.csv.gz")
    args = parser.parse_args(argv)
    print(f"{build_pc4_table(args.source, args.dest)} PC4 areas written to {args.dest}")


if __name__ == "__main__":
    main()
