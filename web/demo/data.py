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
# What each employer hires: a supermarket posts shelf-stackers, never plumbers.
EMPLOYER_JOBS = {
    "Gooise Zorg": ("verzorgende", "helpende zorg en welzijn", "zorghulp", "keukenhulp"),
    "Tergooi Logistiek": ("logistiek medewerker", "orderpicker", "heftruckchauffeur", "inpakker"),
    "Bakkerij Blaricum": ("bakker", "winkelmedewerker", "productiemedewerker"),
    "Hotel de Eemhof": ("receptionist", "gastheer/gastvrouw", "kok", "hulpkok", "schoonmaker"),
    "Schoonmaak Vechtstreek": ("schoonmaker", "glazenwasser"),
    "Groen Gooi": ("hovenier", "tuinman", "straatmaker"),
    "Bouwbedrijf Huizen": ("metselaar", "timmerman", "straatmaker"),
    "Supermarkt Laren": ("vakkenvuller", "kassamedewerker", "winkelmedewerker", "slager"),
    "Taxi Eemnes": ("taxichauffeur", "buschauffeur", "telefonist"),
    "Installatie Hilversum": ("elektricien", "loodgieter", "monteur"),
    "Kinderopvang Zonnetje": ("onderwijsassistent", "helpende zorg en welzijn"),
    "Restaurant Het Gooi": ("kok", "hulpkok", "keukenhulp", "kelner"),
    "Beveiliging Noord": ("beveiliger",),
    "Drukkerij Media Park": ("productiemedewerker", "inpakker", "administratief medewerker"),
    "Fietsenwinkel Huizen": ("fietsenmaker", "winkelmedewerker"),
    "Garage Blaricum": ("automonteur", "monteur"),
    "Verhuizingen Gooi": ("verhuizer", "vrachtwagenchauffeur"),
    "Koeriers Hilversum": ("koerier", "sorteerder"),
    "Kapsalon Laren": ("kapper",),
    "Tuincentrum Eemnes": ("tuinman", "winkelmedewerker", "kassamedewerker"),
    "Woonzorg Vechtstreek": ("verzorgende", "zorghulp", "thuishulp"),
    "Pakketcentrum Huizen": ("sorteerder", "orderpicker", "inpakker", "heftruckchauffeur"),
    "Slagerij Hilversum": ("slager", "winkelmedewerker"),
    "Kantoorservice Gooi": ("administratief medewerker", "secretaresse", "telefonist"),
    "Sportcentrum Laren": ("receptionist", "schoonmaker", "conciërge"),
    "Bibliotheek Gooi": ("receptionist", "conciërge"),
    "Zwembad Huizen": ("receptionist", "schoonmaker"),
    "Kringloop Gooi": ("winkelmedewerker", "sorteerder", "verhuizer", "kassamedewerker"),
    "Sociale Werkvoorziening Tomin": ("productiemedewerker", "inpakker", "tuinman"),
    "Wasserij Hilversum": ("productiemedewerker", "sorteerder"),
    "Catering Media Park": ("kok", "hulpkok", "keukenhulp", "barista"),
    "Callcenter Gooi": ("callcentermedewerker", "klantenservicemedewerker", "telefonist"),
    "Schildersbedrijf Eemnes": ("schilder",),
    "Hoveniers Blaricum": ("hovenier", "tuinman"),
    "Elektro Huizen": ("elektricien", "monteur"),
    "Thuiszorg Laren": ("thuishulp", "verzorgende", "zorghulp"),
    "Café De Brink": ("kelner", "barista", "keukenhulp"),
    "Lunchroom Huizen": ("barista", "keukenhulp", "kelner"),
    "Autobedrijf Eemnes": ("automonteur", "lasser"),
    "Distributiecentrum Gooi": ("orderpicker", "magazijnmedewerker", "heftruckchauffeur"),
}
# Hours per week as these jobs are usually offered: (minimum, maximum).
FULL_TIME = (32, 40)
JOB_HOURS = {
    "vakkenvuller": (8, 20),
    "kassamedewerker": (8, 24),
    "winkelmedewerker": (12, 32),
    "schoonmaker": (12, 24),
    "glazenwasser": (24, 38),
    "keukenhulp": (12, 24),
    "kelner": (12, 32),
    "barista": (12, 24),
    "thuishulp": (12, 24),
    "zorghulp": (16, 28),
    "helpende zorg en welzijn": (16, 28),
    "verzorgende": (20, 32),
    "onderwijsassistent": (20, 32),
    "receptionist": (16, 32),
    "telefonist": (16, 32),
    "callcentermedewerker": (16, 32),
    "klantenservicemedewerker": (20, 36),
    "sorteerder": (12, 24),
    "inpakker": (16, 32),
    "koerier": (16, 32),
    "conciërge": (24, 36),
    "kapper": (20, 32),
}
# Jobs nobody can do without a driving licence.
NEEDS_LICENCE = frozenset(
    {"buschauffeur", "taxichauffeur", "vrachtwagenchauffeur", "koerier", "verhuizer"}
)
# The diploma these jobs usually ask for; the rest ask none.
JOB_EDUCATION = {
    "verzorgende": "mbo3",
    "helpende zorg en welzijn": "mbo2",
    "onderwijsassistent": "mbo4",
    "elektricien": "mbo2",
    "loodgieter": "mbo2",
    "automonteur": "mbo2",
    "administratief medewerker": "mbo2",
    "secretaresse": "mbo3",
    "kok": "mbo2",
    "kapper": "mbo2",
    "beveiliger": "mbo2",
}
# The physical demands that come with a job (functional terms, as the matcher reads them).
JOB_DEMANDS = {
    "verhuizer": ("tillen", "zwaar_tillen"),
    "vakkenvuller": ("tillen",),
    "orderpicker": ("tillen", "staan"),
    "magazijnmedewerker": ("tillen",),
    "metselaar": ("zwaar_tillen", "buitenwerk"),
    "straatmaker": ("zwaar_tillen", "buitenwerk"),
    "hovenier": ("buitenwerk",),
    "tuinman": ("buitenwerk",),
    "glazenwasser": ("werken_op_hoogte", "buitenwerk"),
    "kassamedewerker": ("klantcontact", "lang_staan"),
    "beveiliger": ("nachtdienst",),
    "kok": ("lang_staan", "hoge_werkdruk"),
    "callcentermedewerker": ("klantcontact", "beeldschermwerk"),
}
WELFARE_PROVIDERS = ("Versa Welzijn", "Dagbesteding De Werkplaats", "Zorgboerderij Eemland")
COACHING_PROVIDERS = ("Jobcoach Gooi", "Werkfit Vechtstreek", "Re-integratie Eemland")
RESTRICTIONS = (
    "geen_tillen",
    "niet_lang_staan",
    "geen_nachtdienst",
    "geen_buitenwerk",
    "geen_hoge_werkdruk",
)
