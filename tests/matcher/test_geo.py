import gzip
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.geo import (
    CHORD_ROWS,
    EARTH_RADIUS_KM,
    Gazetteer,
    build_pc4_table,
    haversine_km,
    haversine_matrix,
    haversine_pairs,
    main,
    parse_postcode,
)

SHARED_GEO = Path("/work/shared/data/geo/geonames_NL_postalcodes_pc4.txt")


@pytest.mark.parametrize("text", ["1271", "1271AB", "1271 ab", " 1271 AB "])
def test_parse_postcode_accepts_the_usual_spellings(text: str) -> None:
    assert parse_postcode(text) == "1271"


@pytest.mark.parametrize("text", ["", "127", "0271", "12711", "1271 ABC", "AB 1271", "1271-AB"])
def test_parse_postcode_rejects_other_text(text: str) -> None:
    with pytest.raises(ValueError, match="postcode"):
        parse_postcode(text)


def test_haversine_known_distance() -> None:
    # Amsterdam Dam to Utrecht Dom is about 35 km as the crow flies.
    assert haversine_km(52.3731, 4.8926, 52.0907, 5.1214) == pytest.approx(35.0, abs=1.0)
    assert haversine_km(52.0, 5.0, 52.0, 5.0) == 0.0


def test_haversine_matrix_matches_scalar() -> None:
    lat1, lon1 = np.array([52.1, 52.3]), np.array([5.1, 5.3])
    lat2, lon2 = np.array([51.9, 53.0, 52.1]), np.array([4.5, 6.5, 5.1])
    matrix = haversine_matrix(lat1, lon1, lat2, lon2)
    assert matrix.shape == (2, 3)
    assert matrix[1, 0] == pytest.approx(haversine_km(52.3, 5.3, 51.9, 4.5))
    assert matrix[0, 2] == 0.0
    pairs = haversine_pairs(lat1, lon1, lat2[:2], lon2[:2])
    assert pairs == pytest.approx([matrix[0, 0], matrix[1, 1]])


def test_default_gazetteer_is_shipped_and_cached() -> None:
    gazetteer = Gazetteer.default()
    assert gazetteer is Gazetteer.default()
    assert len(gazetteer.codes) > 4000
    huizen = gazetteer.locate("1271 AB")
    assert huizen.place == "Huizen" and huizen.cbs_code == "0406"
    assert 20 < gazetteer.distance_km("1271", "3511") < 30


def test_unknown_postcodes_give_nan_distances() -> None:
    gazetteer = Gazetteer.default()
    rows = gazetteer.index_of(["1271", "1000", "bad"])
    assert rows[0] >= 0 and rows[1] == -1 and rows[2] == -1
    matrix = gazetteer.distance_matrix(rows, gazetteer.index_of(["1271"]))
    assert matrix[0, 0] == 0.0 and np.isnan(matrix[1:, 0]).all()
    with pytest.raises(ValueError, match="unknown"):
        gazetteer.locate("1000")


def test_build_pc4_table_averages_split_areas(tmp_path: Path) -> None:
    source = tmp_path / "geo.txt"
    source.write_text(
        "NL\t1222\tHilversum\tNoord-Holland\t07\tHilversum\t0402\t\t\t52.2\t5.2\t\n"
        "NL\t1222\tBussum\tNoord-Holland\t07\tGooise Meren\t1942\t\t\t52.4\t5.0\t\n"
        "NL\t1271\tHuizen\tNoord-Holland\t07\tHuizen\t0406\t\t\t52.3\t5.24\t\n",
        encoding="utf-8",
    )
    dest = tmp_path / "pc4.csv.gz"
    assert build_pc4_table(source, dest) == 2
    lines = gzip.decompress(dest.read_bytes()).decode("utf-8").splitlines()
    assert lines[0] == "pc4,lat,lon,place,municipality,cbs_code"
    assert lines[1] == "1222,52.3000,5.1000,Hilversum,Hilversum,0402"
    assert Gazetteer.from_file(dest).locate("1271").lat == 52.3
    again = tmp_path / "again.csv.gz"
    main([str(source), str(again)])
    assert again.read_bytes() == dest.read_bytes()  # rebuilds are byte-identical


@pytest.mark.skipif(not SHARED_GEO.exists(), reason="needs the shared GeoNames file")
def test_shipped_table_is_the_build_of_the_shared_file(tmp_path: Path) -> None:
    dest = tmp_path / "pc4.csv.gz"
    build_pc4_table(SHARED_GEO, dest)
    shipped = Path(__file__).parents[2] / "matcher" / "data" / "pc4.csv.gz"
    assert dest.read_bytes() == shipped.read_bytes()


def test_areas_within_a_distance_are_those_whose_centre_is_that_near() -> None:
    places = Gazetteer.default()
    near = places.areas_within("1251 AB", 5.0)
    assert "1251" in near and "9711" not in near
    assert all(places.distance_km("1251", code) <= 5.0 for code in near)
    # Amsterdam's centre (1012) is about 25 km from Laren's: inside 30 km, outside 20.
    assert "1012" in places.areas_within("1251", 30.0)
    assert "1012" not in places.areas_within("1251", 20.0)


def haversine_formula(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The textbook haversine formula, one pair at a time (the reference)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(max(a, 0.0), 1.0)))


# Europe, widely: the chord loses up to ~0.2 m near antipodal points, never within it.
europe = st.tuples(st.floats(35.0, 71.0), st.floats(-25.0, 45.0))


@given(st.lists(europe, min_size=1, max_size=6), st.lists(europe, min_size=1, max_size=6))
def test_distances_follow_the_haversine_formula(
    first: list[tuple[float, float]], second: list[tuple[float, float]]
) -> None:
    # Neighbouring PC4 centroids are a few hundred metres apart: short hops included.
    second = [*second, (first[0][0] + 1e-4, first[0][1]), first[0]]
    (lat1, lon1), (lat2, lon2) = (np.array(points).T for points in (first, second))
    matrix = haversine_matrix(lat1, lon1, lat2, lon2)
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            assert matrix[i, j] == pytest.approx(haversine_formula(*a, *b), abs=1e-6)
    assert matrix[0, -1] == 0.0
    assert matrix[0, -2] == pytest.approx(0.0111195, abs=1e-6)  # 1e-4 degree of latitude
    pairs = haversine_pairs(lat1[:1], lon1[:1], lat2[:1], lon2[:1])
    assert pairs[0] == pytest.approx(matrix[0, 0], abs=1e-9)


def test_a_matrix_of_more_rows_than_one_slice_is_whole() -> None:
    rng = np.random.default_rng(7)
    rows = CHORD_ROWS * 2 + 3
    lat1, lon1 = rng.uniform(50.7, 53.6, rows), rng.uniform(3.3, 7.2, rows)
    lat2, lon2 = rng.uniform(50.7, 53.6, 4), rng.uniform(3.3, 7.2, 4)
    matrix = haversine_matrix(lat1, lon1, lat2, lon2)
    expected = [
        [haversine_formula(a, b, c, d) for c, d in zip(lat2, lon2, strict=True)]
        for a, b in zip(lat1, lon1, strict=True)
    ]
    assert matrix == pytest.approx(np.array(expected), abs=1e-6)
