"""How the linker reads the structure of Dutch titles: roles, qualifiers, levels, synonyms."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from matcher.occupations import OccupationLinker, synonym_labels
from matcher.taxonomy import ISCO_URI_PREFIX, Taxonomy
from matcher.title_parse import list_structure, parse_title
from matcher.title_roles import RolePriors, head_noun, is_manager, school_level
from matcher.title_scoring import TitleScorer


@pytest.fixture(scope="module")
def linker() -> OccupationLinker:
    """Return the shipped linker (built once per process)."""
    return OccupationLinker.default()


def _top_label(linker: OccupationLinker, title: str) -> str:
    return linker.link(title, k=5)[0].label


@pytest.mark.parametrize(
    ("title", "main", "parts", "context"),
    [
        ("Ervaring als lasser in Syrië", "lasser", (), ""),
        ("Heb gewerkt als vakkenvuller bij Lidl", "vakkenvuller", (), ""),
        ("Wil graag chauffeur worden (rijbewijs C)", "chauffeur", (), "rijbewijs C"),
        ("Wens: werken in groen", "werken in groen", (), ""),
        (
            "Kok/keukenhulp zorginstelling",
            "Kok/keukenhulp zorginstelling",
            ("Kok", "keukenhulp zorginstelling"),
            "",
        ),
        ("Chauffeur C/CE internationaal", "Chauffeur C/CE internationaal", (), ""),
        ("Docent Engels (2e graads)", "Docent Engels", (), "2e graads"),
        ("Horeca (bediening)", "Horeca", (), "bediening"),
        ("(m/v)", "m/v", (), ""),
    ],
)
def test_parse_title_separates_role_parts_and_context(
    title: str, main: str, parts: tuple[str, ...], context: str
) -> None:
    parsed = parse_title(title)
    assert (parsed.main, parsed.parts, parsed.context) == (main, parts, context)


@pytest.mark.parametrize(
    ("main", "role", "qualifier"),
    [
        ("Monteur, dieselmotoren", "Monteur", "dieselmotoren"),
        ("Medewerker glastuinbouw, oogst", "Medewerker glastuinbouw", "oogst"),
        ("Lasser, 40 uur", "", ""),  # hours are no qualifier
        ("Lasser, tig, mig", "", ""),  # two commas: not a role and one qualifier
        ("Assistent-monteur", "", ""),  # a vacancy's junior monteur, not a list entry
    ],
)
def test_list_style_titles_name_a_role_and_a_qualifier(
    main: str, role: str, qualifier: str
) -> None:
    assert list_structure(main) == (role, qualifier)


def test_slashed_roles_are_not_read_as_a_list_entry() -> None:
    parsed = parse_title("Kok/keukenhulp, restaurant")
    assert parsed.parts and (parsed.role, parsed.qualifier) == ("", "")


def test_a_qualifier_counts_only_with_the_role() -> None:
    role = np.array([1.0, 0.0, 0.5], dtype=np.float32)
    qualifier = np.array([0.8, 0.9, 0.8], dtype=np.float32)
    # The second concept matches the qualifier alone ("restaurantmanager" for "Chef-kok,
    # restaurant"): it gains nothing.
    assert TitleScorer.qualified(role, qualifier).tolist() == pytest.approx([0.8, 0.0, 0.4])


def test_head_nouns_and_their_prior() -> None:
    assert head_noun([("eerste",), ("monteur",), ("elektro", "techniek")]) == "monteur"
    assert head_noun([("service", "monteur"), ("hef", "truck")]) == "monteur"
    assert head_noun([("allround",), ("cnc",)]) == ""
    priors = RolePriors([["monteur"], ["chauffeur"], ["iets"]], [{"monteur"}, {"chauffeur"}, set()])
    factors = priors.factors(["service", "monteur"], head="monteur")
    # The chauffeur has another head; a concept without any known head is not judged.
    assert factors[0] == 1.0 and factors[1] < 1.0 and factors[2] == 1.0


def test_role_and_level_words() -> None:
    assert is_manager(["teamleider", "kassa"]) and is_manager(["voorman"])
    assert not is_manager(["medewerker", "bakkerswinkel"])
    assert school_level(["docent", "havo"]) == 2
    assert school_level(["docent", "hbo"]) == 1
    assert school_level(["docent", "engels"]) == 0


def test_role_priors_scale_only_mismatching_concepts() -> None:
    priors = RolePriors(
        [["verkoper"], ["winkel", "manager"], ["docent", "hoger", "onderwijs"]],
        [{"verkoper"}, {"manager"}, {"docent", "lector"}],
    )
    worker = priors.factors(["medewerker", "winkel"])
    assert worker.tolist() == pytest.approx([1.0, 0.8, 1.0])  # only the manager pays
    assert priors.factors(["teamleider", "winkel"])[1] == 1.0
    teacher = priors.factors(["docent", "biologie"])
    assert teacher[2] < 1.0  # a teacher without a level is rarely a lecturer
    assert priors.factors(["docent", "biologie", "hbo"])[2] == 1.0  # the level fits
    assert priors.factors(["docent", "biologie", "havo"])[2] < 1.0


def test_a_teacher_title_with_a_level_prefers_a_teacher_concept_that_names_it() -> None:
    priors = RolePriors(
        [["leraar", "dans"], ["docent", "dans", "hoger", "onderwijs"], ["danser"]],
        [{"leraar"}, {"docent"}, {"danser"}],
    )
    factors = priors.factors(["dansdocent", "hbo"])
    # The teacher without a level pays a little; the dancer is no teacher and is not judged.
    assert factors[1] == 1.0 and factors[0] < 1.0 and factors[2] == 1.0
    assert school_level(["conservatorium"]) == 1 and school_level(["vso"]) == 2


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Docent biologie", "leerkracht biologie voortgezet onderwijs"),
        ("Docent biologie hbo", "docent biologie hoger onderwijs"),
        ("Voorman metselwerk", "voorman metselaar"),
        ("Medewerker speelgoedwinkel", "verkoopspecialist speelgoed"),
        ("Orderpicker / reachtruckchauffeur 40 uur Tilburg", "orderpicker"),
        ("Zoekt werk als kok of keukenhulp", "kok"),
        ("Leidinggevende, metselaars", "voorman metselaar"),
        ("Assistent, tandarts", "tandartsassistent"),
        ("Verkoper, schoenen", "verkoopspecialist schoenen en lederwaren"),
    ],
)
def test_qualified_titles_link_to_the_role(
    linker: OccupationLinker, title: str, expected: str
) -> None:
    assert _top_label(linker, title) == expected


def test_an_occupation_comes_before_its_isco_group(linker: OccupationLinker) -> None:
    hits = linker.link("Vrachtwagenchauffeur CE distributie Rotterdam", k=5)
    assert not hits[0].uri.startswith(ISCO_URI_PREFIX)
    assert hits[0].label == "vrachtwagenchauffeur"


def test_synonyms_name_existing_occupations_and_are_linked(linker: OccupationLinker) -> None:
    taxonomy = Taxonomy.default()
    pairs = synonym_labels(taxonomy)
    assert len(pairs) > 200
    assert all(taxonomy.occupation(uri) is not None for uri, _ in pairs)
    plain = OccupationLinker.from_taxonomy(taxonomy, synonyms=False)
    # "Stratenmaker" is no ESCO label: only the synonym list knows the road worker.
    assert _top_label(plain, "Stratenmaker") != "wegwerker"
    assert _top_label(linker, "Stratenmaker") == "wegwerker"
    assert plain.version != linker.version


def _small_taxonomy(drop: str = "") -> Taxonomy:
    """Return the shipped taxonomy cut down to a few occupations, one label maybe dropped."""
    full = Taxonomy.default()
    chosen = [o for o in full.occupations if o.isco_code.startswith("512")]
    chosen = [
        dataclasses.replace(o, alt_labels=tuple(a for a in o.alt_labels if a != drop))
        for o in chosen
    ]
    groups = tuple(
        g for g in full.isco_groups if "512".startswith(g.code) or g.code.startswith("512")
    )
    return Taxonomy(tuple(chosen), groups, full.skills, full.skill_groups, full.attribution)


def test_version_is_stable_and_changes_with_the_labels() -> None:
    small = _small_taxonomy()
    first = OccupationLinker.from_taxonomy(small, synonyms=False)
    assert OccupationLinker.from_taxonomy(small, synonyms=False).version == first.version
    # A two-word label (one-word generic labels are not indexed).
    label = next(a for o in small.occupations for a in o.alt_labels if " " in a)
    fewer = OccupationLinker.from_taxonomy(_small_taxonomy(drop=label), synonyms=False)
    assert fewer.version != first.version
    assert first.version.startswith("linker-")
    assert first.link("kok", k=1)[0].label == "kok"
