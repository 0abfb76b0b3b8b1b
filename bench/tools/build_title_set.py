"""Turn the hand-written draft (title, ESCO preferred label, source) into bench/data/titles_nl.tsv.

Run once after editing the draft: .venv/bin/python bench/tools/build_title_set.py
(the occupation-list set: ... build_title_set.py --name titles_list_nl).
Drops titles that are an ESCO label or a trivial variant of one (and says which), resolves
each preferred label to its URI, and assigns the split by hash (a third sealed).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from matcher.linking_eval import LabelledTitle, label_like, split_of, write_title_set
from matcher.taxonomy import Taxonomy

DATA = Path(__file__).parents[1] / "data"
# Occupations that share a preferred label in ESCO: the one a Dutch mediator would pick
# (None keeps both: they are the same occupation listed twice).
CHOICE = {"gastheer/gastvrouw": "a1b86a8b", "banketbakker": "e00c46c4"}


def main() -> None:
    """Resolve, filter and write the title set."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--name", default="titles_nl", help="the set: <name>.draft.tsv in, <name>.tsv out"
    )
    name = parser.parse_args().name
    taxonomy = Taxonomy.default()
    by_label: dict[str, list[str]] = {}
    for occupation in taxonomy.occupations:
        by_label.setdefault(occupation.label, []).append(occupation.uri)
    draft = DATA / f"{name}.draft.tsv"
    rows = [line.rstrip("\n").split("\t") for line in draft.open(encoding="utf-8") if line.strip()]
    labels = [label for o in taxonomy.occupations for label in o.labels]
    labels += [group.label for group in taxonomy.isco_groups]
    dropped = set(label_like([title for title, _, _ in rows], labels))
    print(f"dropped {len(dropped)} label-like titles")
    items, seen = [], set()
    for title, label, source in rows:
        if title in dropped or title.lower() in seen:
            continue
        seen.add(title.lower())
        uris = by_label[label]
        if label in CHOICE:
            uris = [uri for uri in uris if CHOICE[label] in uri]
        items.append(LabelledTitle(title, frozenset(uris), label, source, split_of(title)))
    write_title_set(DATA / f"{name}.tsv", items)
    print(len(items), Counter(i.split for i in items), Counter(i.source for i in items))


if __name__ == "__main__":
    main()
