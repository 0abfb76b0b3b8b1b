"""Reference lists for the demo: real postcodes and ESCO occupations, fictional people."""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@dataclass(frozen=True)
class DemoOccupation:
    """An ESCO occupation with a common Dutch title."""

    title: str
    esco_uri: str
    esco_label: str
    isco: str


@cache
def postcodes() -> tuple[tuple[str, str], ...]:
    """Return (PC4, municipality) pairs of the five demo municipalities (GeoNames)."""
    with (HERE / "postcodes.csv").open(newline="", encoding="utf-8") as handle:
        return tuple((row["pc4"], row["municipality"]) for row in csv.DictReader(handle))


@cache
def occupations() -> tuple[DemoOccupation, ...]:
    """Return the demo occupations (ESCO, European Commission)."""
    with (HERE / "occupations.csv").open(newline="", encoding="utf-8") as handle:
        return tuple(DemoOccupation(**row) for row in csv.DictReader(handle))


FIRST_NAMES = (
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Emma",
    "Fatima",
    "Gerrit",
    "Hanna",
    "Ibrahim",
    "Joyce",
    "Kees",
    "Lotte",
    "Mohamed",
    "Noor",
    "Olga",
    "Pieter",
    "Rachid",
    "Sanne",
    "Tom",
    "Umut",
    "Vera",
    "Willem",
    "Yara",
    "Zeynep",
    "Ahmet",
    "Bas",
    "Cor",
    "Dewi",
    "Eva",
    "Frank",
)
LAST_NAMES = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Yilmaz",
    "El Amrani",
    "Kaya",
    "van Dam",
    "Kramer",
    "Vermeulen",
)
SKILLS = (
    "klantgericht werken",
    "samenwerken",
    "orders verzamelen",
    "schoonmaken",
    "koken",
    "kassa bedienen",
    "heftruck rijden",
    "computervaardigheden",
    "telefoneren",
    "plannen",
    "Engels",
    "tillen",
    "rijden",
    "zorg verlenen",
    "voorraad bijhouden",
    "gastvrijheid",
    "veiligheid bewaken",
)
EMPLOYER_NAMES = (
    "Gooise Zorg",
    "Tergooi Logistiek",
    "Bakkerij Blaricum",
    "Hotel de Eemhof",
    "Schoonmaak Vechtstreek",
    "Groen Gooi",
    "Bouwbedrijf Huizen",
    "Supermarkt Laren",
    "Taxi Eemnes",
    "Installatie Hilversum",
    "Kinderopvang Zonnetje",
    "Restaurant Het Gooi",
    "Beveiliging Noord",
    "Drukkerij Media Park",
    "Fietsenwinkel Huizen",
    "Garage Blaricum",
    "Verhuizingen Gooi",
    "Koeriers Hilversum",
    "Kapsalon Laren",
    "Tuincentrum Eemnes",
    "Woonzorg Vechtstreek",
    "Pakketcentrum Huizen",
    "Slagerij Hilversum",
    "Kantoorservice Gooi",
    "Sportcentrum Laren",
    "Bibliotheek Gooi",
    "Zwembad Huizen",
    "Kringloop Gooi",
    "Sociale Werkvoorziening Tomin",
    "Wasserij Hilversum",
    "Catering Media Park",
    "Callcenter Gooi",
    "Schildersbedrijf Eemnes",
    "Hoveniers Blaricum",
    "Elektro Huizen",
    "Thuiszorg Laren",
    "Café De Brink",
    "Lunchroom Huizen",
    "Autobedrijf Eemnes",
    "Distributiecentrum Gooi",
)
WELFARE_PROVIDERS = ("Versa Welzijn", "Dagbesteding De Werkplaats", "Zorgboerderij Eemland")
COACHING_PROVIDERS = ("Jobcoach Gooi", "Werkfit Vechtstreek", "Re-integratie Eemland")
RESTRICTIONS = (
    "geen_tillen",
    "niet_lang_staan",
    "geen_nachtdienst",
    "geen_buitenwerk",
    "geen_hoge_werkdruk",
)
PHYSICAL_DEMANDS = ("tillen", "staan", "nachtdienst", "buitenwerk", "hoge_werkdruk")
