"""Benchmark the Dutch occupation linker at concept level, next to a char TF-IDF baseline.

Sets: the Dutch title set of bench/data (dev and sealed parts reported apart), the
occupation-list set of bench/data (list-style names, like the team's held-out set), ESCO
leave-one-label-out (labels removed from both linker and baseline), and the jobtitlesim_nl
title-similarity set. Metrics are concept level: each occupation counted once in a ranking,
an ISCO group in the ranking counts as a wrong answer. Then link_many throughput, cold.

Run: .venv/bin/python bench/linking.py [--sample 600]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from matcher.linking_eval import (
    LabelledTitle,
    concept_rank,
    leave_out_sample,
    read_title_set,
    scores,
)
from matcher.normalise import clean
from matcher.occupations import OccupationLinker
from matcher.rerank import Reranker
from matcher.taxonomy import Taxonomy
from matcher.title_similarity import TitleSimilarity

DATA = Path(__file__).parent / "data"
TITLE_SET = DATA / "titles_nl.tsv"
LIST_SET = DATA / "titles_list_nl.tsv"
K = 100


class CharTfidf:
    """The baseline: char 1-3-gram TF-IDF over all occupation labels, best label per concept."""

    def __init__(self, taxonomy: Taxonomy, exclude: set[tuple[str, str]] = frozenset()) -> None:  # type: ignore[assignment]
        pairs = [
            (o.uri, label)
            for o in taxonomy.occupations
            for label in o.labels
            if (o.uri, label) not in exclude
        ]
        self.uris = [uri for uri, _ in pairs]
        self.vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
        self.matrix = self.vectorizer.fit_transform([label.lower() for _, label in pairs]).T.tocsr()

    def rankings(self, titles: Sequence[str], k: int = K) -> list[list[str]]:
        """Return the concepts of the best labels, best first, each concept once."""
        sims = (self.vectorizer.transform([t.lower() for t in titles]) @ self.matrix).toarray()
        out = []
        for row in sims:
            top = np.argsort(-row, kind="stable")[: k * 4]
            out.append(list(dict.fromkeys(self.uris[i] for i in top))[:k])
        return out


def linker_rankings(linker: OccupationLinker, titles: Sequence[str]) -> list[list[str]]:
    """Return the linker's ranked URIs per title (ISCO groups included)."""
    return [[hit.uri for hit in hits] for hits in linker.link_many(list(titles), k=K)]


def report(name: str, gold: Sequence[frozenset[str]], ranked: dict[str, list[list[str]]]) -> None:
    """Print concept-level scores of each system on one set."""
    for system, rankings in ranked.items():
        ranks = [concept_rank(g, r) for g, r in zip(gold, rankings, strict=True)]
        print(f"  {name:22s} {system:10s} {scores(ranks)}")


def title_set(
    linkers: dict[str, OccupationLinker],
    baseline: CharTfidf,
    items: list[LabelledTitle],
    prefix: str = "titles_nl",
) -> None:
    """Score the linkers and the baseline on each split and source of the Dutch title set."""
    titles = [item.title for item in items]
    ranked = {name: linker_rankings(linker, titles) for name, linker in linkers.items()}
    ranked["char-tfidf"] = baseline.rankings(titles)
    groups: dict[str, list[int]] = defaultdict(list)
    several_sources = len({item.source for item in items}) > 1
    for i, item in enumerate(items):
        groups[item.split].append(i)
        if several_sources:
            groups[f"{item.split}/{item.source}"].append(i)
    for name in sorted(groups, key=lambda g: (g.count("/"), g)):
        chosen = groups[name]
        report(
            f"{prefix} {name}",
            [items[i].uris for i in chosen],
            {s: [r[i] for i in chosen] for s, r in ranked.items()},
        )


def leave_out(taxonomy: Taxonomy, size: int, reranker: Reranker | None) -> None:
    """Remove sampled labels (and same-text duplicates) from linker and baseline; query them."""
    held = leave_out_sample(taxonomy, size, seed=7)
    held_clean = {(uri, clean(label)) for uri, label in held}
    exclude = {
        (o.uri, label)
        for o in taxonomy.occupations
        for label in o.labels
        if (o.uri, clean(label)) in held_clean
    }
    linker = OccupationLinker.from_taxonomy(taxonomy, exclude=exclude)
    titles = [label for _, label in held]
    ranked = {
        "linker": linker_rankings(linker, titles),
        "char-tfidf": CharTfidf(taxonomy, exclude).rankings(titles),
    }
    if reranker is not None:
        ranked["+rerank"] = linker_rankings(linker.with_reranker(reranker), titles)
    report("ESCO leave-label-out", [frozenset([uri]) for uri, _ in held], ranked)


def read_tsv(path: Path) -> list[list[str]]:
    """Read a tab-separated file into rows."""
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8") if line.strip()]


def job_title_similarity(folder: Path, similarity: TitleSimilarity) -> None:
    """Rank the jobtitlesim corpus for each of its 105 queries; report MRR (title similarity)."""
    queries = read_tsv(folder / "queries.tsv")
    corpus = read_tsv(folder / "corpus_documents.tsv")
    relevant: dict[str, set[str]] = defaultdict(set)
    for query_id, _, doc_id, grade in read_tsv(folder / "annotations.tsv"):
        if int(grade) > 0:
            relevant[query_id].add(doc_id)
    doc_ids = [doc_id for doc_id, _ in corpus]
    matrix = similarity.matrix([t for _, t in queries], [t for _, t in corpus])
    reciprocal = []
    for (query_id, _), row in zip(queries, matrix, strict=True):
        ranked = [doc_ids[i] for i in np.argsort(-row, kind="stable")]
        first = next((n for n, d in enumerate(ranked, 1) if d in relevant[query_id]), None)
        reciprocal.append(1 / first if first else 0.0)
    print(f"  jobtitlesim_nl (title similarity, 105 queries): MRR {np.mean(reciprocal):.3f}")


def throughput(taxonomy: Taxonomy, titles: Sequence[str], reranker: Reranker | None) -> None:
    """Time link_many cold (fresh linker, nothing cached) against the baseline."""
    for name, make in (
        ("linker, no re-ranker", lambda: OccupationLinker.from_taxonomy(taxonomy)),
        ("linker + re-ranker", lambda: OccupationLinker.from_taxonomy(taxonomy, reranker=reranker)),
        ("char-tfidf baseline", lambda: CharTfidf(taxonomy)),
    ):
        system = make()
        start = time.perf_counter()
        if isinstance(system, OccupationLinker):
            system.link_many(list(titles), k=10)
        else:
            system.rankings(titles, k=10)
        rate = len(titles) / (time.perf_counter() - start)
        print(f"  {name:24s} {rate:7.0f} titles/s cold ({len(titles)} distinct titles, k=10)")
    print(f"  ({os.cpu_count()} CPUs)")


def main() -> None:
    """Run every set and the throughput measurement."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA, help="folder with jobtitlesim_nl/")
    parser.add_argument("--sample", type=int, default=600)
    parser.add_argument("--titles", type=Path, default=TITLE_SET)
    parser.add_argument("--list-titles", type=Path, default=LIST_SET)
    args = parser.parse_args()
    start = time.perf_counter()
    taxonomy = Taxonomy.default()
    linker = OccupationLinker.from_taxonomy(taxonomy)
    reranker = Reranker.load()
    baseline = CharTfidf(taxonomy)
    print(f"build linker + baseline: {time.perf_counter() - start:.1f} s; linker {linker.version}")
    linkers = {"linker": linker}
    if reranker is not None:
        linkers["+rerank"] = linker.with_reranker(reranker)
        print(
            f"re-ranker {reranker.version} (trained on ESCO and the dev titles: dev is in-sample)"
        )
    items = read_title_set(args.titles)
    print(f"(a) Dutch title set ({len(items)} titles), concept level, top {K}")
    title_set(linkers, baseline, items)
    listed = read_title_set(args.list_titles)
    print(f"(a2) occupation-list set ({len(listed)} titles), concept level, top {K}")
    title_set(linkers, baseline, listed, prefix="list_nl")
    print(f"(b) ESCO leave-one-label-out ({args.sample} labels removed), concept level")
    leave_out(taxonomy, args.sample, reranker)
    folder = args.data / "jobtitlesim_nl"
    if folder.is_dir():
        print("(c) jobtitlesim_nl")
        job_title_similarity(folder, TitleSimilarity.default())
    rng = random.Random(3)
    noisy = [
        f"{label} {rng.choice(['(m/v)', '32 uur', 'Utrecht', 'fulltime'])}"
        for o in taxonomy.occupations
        for label in o.alt_labels[:1]
    ]
    distinct = list(dict.fromkeys([item.title for item in items + listed] + noisy))
    print("(d) throughput")
    throughput(taxonomy, distinct, reranker)


if __name__ == "__main__":
    main()
