"""Free-text skills linked to ESCO skills."""

from __future__ import annotations

import pytest

from matcher.skills import SkillLinker

SKILL = "http://data.europa.eu/esco/skill/"


@pytest.fixture(scope="module")
def linker() -> SkillLinker:
    """Return the skill linker over the shipped taxonomy."""
    return SkillLinker.default()


def test_dutch_skill_text_finds_the_forklift_skill(linker: SkillLinker) -> None:
    hits = linker.link("heftruck rijden", k=3)
    assert hits[0].label == "heftrucks bedienen"
    assert hits[0].uri.startswith(SKILL)


def test_english_terms_match_english_labels(linker: SkillLinker) -> None:
    assert any("Java" in hit.label for hit in linker.link("Java", k=3))


def test_batch_keeps_order_and_survives_empty_input(linker: SkillLinker) -> None:
    batch = linker.link_many(["schoonmaken", "", "teamwork"], k=2)
    assert len(batch) == 3 and batch[1] == []
    assert batch[0] == linker.link("schoonmaken", k=2)
