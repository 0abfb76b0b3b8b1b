from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.allocate import Option, allocate


def test_scarce_places_go_to_those_without_alternatives() -> None:
    options = {
        "a": [Option("p1", 0.9), Option("p2", 0.5)],
        "b": [Option("p1", 0.8)],
    }
    result = allocate(options, {"p1": 1, "p2": 1}, per_claimant=1, multiple=1)
    assert result == {"a": [Option("p2", 0.5)], "b": [Option("p1", 0.8)]}


def test_per_claimant_cap_and_best_first() -> None:
    options = {"a": [Option(f"p{i}", i / 10) for i in range(6)]}
    result = allocate(options, {f"p{i}": 1 for i in range(6)}, per_claimant=3)
    assert [o.opportunity_id for o in result["a"]] == ["p5", "p4", "p3"]


def test_claimants_without_options_get_nothing() -> None:
    assert allocate({"a": []}, {"p1": 1}) == {"a": []}


@st.composite
def sessions(draw: st.DrawFn) -> tuple[dict[str, list[Option]], dict[str, int], int, float]:
    opportunities = [f"p{i}" for i in range(draw(st.integers(1, 6)))]
    capacity = {o: draw(st.integers(0, 3)) for o in opportunities}
    options = {
        f"c{i}": [
            Option(o, draw(st.floats(0, 1)))
            for o in draw(st.lists(st.sampled_from(opportunities), unique=True, max_size=4))
        ]
        for i in range(draw(st.integers(0, 12)))
    }
    return options, capacity, draw(st.integers(1, 4)), draw(st.sampled_from([1.0, 1.5, 2.0]))


@settings(max_examples=200, deadline=None)
@given(sessions())
def test_caps_hold_and_everyone_who_can_gets_something(
    session: tuple[dict[str, list[Option]], dict[str, int], int, float],
) -> None:
    options, capacity, per_claimant, multiple = session
    result = allocate(options, capacity, per_claimant=per_claimant, multiple=multiple)
    load = Counter(o.opportunity_id for picked in result.values() for o in picked)
    assert all(load[o] <= int(multiple * capacity[o]) for o in load)
    for claimant, picked in result.items():
        assert len(picked) <= per_claimant
        assert {o.opportunity_id for o in picked} <= {o.opportunity_id for o in options[claimant]}
        assert len({o.opportunity_id for o in picked}) == len(picked)
        # Nobody is left empty-handed while one of their options still has a free slot.
        if not picked:
            assert all(
                load[o.opportunity_id] >= int(multiple * capacity[o.opportunity_id])
                for o in options[claimant]
            )
