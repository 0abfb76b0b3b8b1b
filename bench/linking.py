"""Benchmark the Dutch occupation linker: ESCO leave-out, job-title similarity, throughput.

Run: .venv/bin/python bench/linking.py [--data /work/shared/data] [--sample 1500]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from matcher.normalise import clean
from matcher.occupations import OccupationLinker
from matcher.taxonomy import ISCO_URI_PREFIX, Taxonomy
from matcher.title_similarity import TitleSimilarity, spelling_similarity

REFERENCE = {"MAP": 0.35, "MRR": 0.57}
FOLDS = 5
PLACES = ["Huizen", "Amsterdam", "Den Haag", "Zwolle", "Bergen op Zoom", "Best"]


def add_noise(title: str, rng: random.Random) -> str:
    """Return the title with one or two kinds of vacancy noise or typos added."""
    noises: list[Callable[[str, random.Random], str]] = [_typo, _gender, _suffix, _prefix]
    for noise in rng.sample(noises, rng.choice([1, 2])):
        title = noise(title, rng)
    return title


def _typo(title: str, rng: random.Random) -> str:
    words = title.split()
    long_words = [i for i, word in enumerate(words) if len(word) >= 6]
    if not long_words:
        return title
    i = rng.choice(long_words)
    word = words[i]
    j = rng.randrange(1, len(word) - 2)
    edits = [
        word[:j] + word[j + 1] + word[j] + word[j + 2 :],
        word[:j] + word[j + 1 :],
        word[:j] + word[j] + word[j:],
    ]
    words[i] = rng.choice(edits)
    return " ".join(words)


def _gender(title: str, rng: random.Random) -> str:
    for male, female in (("medewerker", "medewerkster"), ("verkoper", "verkoopster")):
        if male in title:
            return title.replace(male, female)
    words = title.split()
    for i, word in enumerate(words):
        if word.endswith("er") and len(word) > 6 and rng.random() < 0.5:
            words[i] = word[:-2] + "ster"
            break
    return " ".join(words)


def _suffix(title: str, rng: random.Random) -> str:
    options = ["(m/v)", "(m/v/x)", f"{rng.choice([24, 32, 36, 40])} uur", "fulltime"]
    return f"{title} {rng.choice(options)} {rng.choice(PLACES)}"


def _prefix(title: str, rng: random.Random) -> str:
    return f"{rng.choice(['Senior', 'Junior', 'Ervaren', 'Vacature:'])} {title.capitalize()}"


def leave_out_sample(taxonomy: Taxonomy, size: int, seed: int) -> list[tuple[str, str]]:
    """Pick (occupation URI, label) pairs among alternative and hidden labels."""
    pairs = [
        (o.uri, label)
        for o in taxonomy.occupations
        for label in (*o.alt_labels, *o.hidden_labels)
        if clean(label) != clean(o.label)
    ]
    return random.Random(seed).sample(sorted(set(pairs)), size)


def rank_of(uri: str, hits: Sequence[str]) -> int | None:
    """Return the 1-based rank of uri among the occupation hits, or None."""
    occupations = [hit for hit in hits if not hit.startswith(ISCO_URI_PREFIX)]
    return occupations.index(uri) + 1 if uri in occupations else None


def summarise(ranks: Sequence[int | None]) -> str:
    """Format MRR (= MAP with one relevant answer), success@1 and success@10."""
    reciprocal = [1 / r if r else 0.0 for r in ranks]
    at1 = np.mean([r == 1 for r in ranks])
    at10 = np.mean([r is not None and r <= 10 for r in ranks])
    return f"MRR=MAP {np.mean(reciprocal):.3f}  S@1 {at1:.3f}  S@10 {at10:.3f}  n={len(ranks)}"


def leave_out(taxonomy: Taxonomy, size: int) -> None:
    """Hold out folds of labels, rebuild the linker without them and query them."""
    sample = leave_out_sample(taxonomy, size, seed=7)
    rng = random.Random(11)
    ranks: dict[str, list[int | None]] = defaultdict(list)
    isco_hits: dict[str, list[bool]] = defaultdict(list)
    for fold in range(FOLDS):
        held = sample[fold::FOLDS]
        linker = OccupationLinker.from_taxonomy(taxonomy, exclude=_with_duplicates(taxonomy, held))
        variants = {"clean": [label for _, label in held]}
        variants["noisy"] = [add_noise(label, rng) for label in variants["clean"]]
        for name, queries in variants.items():
            for (uri, _), hits in zip(held, linker.link_many(queries, k=50), strict=True):
                ranks[name].append(rank_of(uri, [hit.uri for hit in hits]))
                isco_hits[name].append(_same_isco(taxonomy, uri, hits[0].uri if hits else ""))
    for name in ranks:
        isco = np.mean(isco_hits[name])
        print(f"  leave-out {name:5s}: {summarise(ranks[name])}  ISCO-4@1 {isco:.3f}")
    first_fold = len(sample[0::FOLDS])
    print(f"  linker on fold 1, clean:               {summarise(ranks['clean'][:first_fold])}")
    baseline_ranks(taxonomy, sample[0::FOLDS])


def _with_duplicates(taxonomy: Taxonomy, held: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """Extend held-out pairs with same-occupation labels that clean to the same text."""
    held_clean = {(uri, clean(label)) for uri, label in held}
    return set(held) | {
        (o.uri, label)
        for o in taxonomy.occupations
        for label in (*o.alt_labels, *o.hidden_labels)
        if (o.uri, clean(label)) in held_clean
    }


def _same_isco(taxonomy: Taxonomy, uri: str, hit: str) -> bool:
    expected = taxonomy.occupation(uri)
    found = taxonomy.occupation(hit)
    code = found.isco_code if found else hit.removeprefix(ISCO_URI_PREFIX)
    return expected is not None and code == expected.isco_code


def baseline_ranks(taxonomy: Taxonomy, held: Sequence[tuple[str, str]]) -> None:
    """Score plain rapidfuzz WRatio over all other labels on the first fold, for reference."""
    held_set = _with_duplicates(taxonomy, held)
    choices = [
        (o.uri, label)
        for o in taxonomy.occupations
        for label in o.labels
        if (o.uri, label) not in held_set
    ]
    texts = [label.lower() for _, label in choices]
    ranks = []
    for uri, label in held:
        found = process.extract(label.lower(), texts, scorer=fuzz.WRatio, limit=50)
        uris = list(dict.fromkeys(choices[index][0] for _, _, index in found))
        ranks.append(rank_of(uri, uris))
    print(f"  baseline rapidfuzz WRatio, fold 1:     {summarise(ranks)}")


def read_tsv(path: Path) -> list[list[str]]:
    """Read a tab-separated file into rows."""
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8") if line.strip()]


def average_precision(ranked: Sequence[str], relevant: set[str]) -> tuple[float, float]:
    """Return average precision and reciprocal rank of a full ranking."""
    found, total, first = 0, 0.0, 0.0
    for position, doc in enumerate(ranked, start=1):
        if doc in relevant:
            found += 1
            total += found / position
            first = first or 1 / position
    return total / max(len(relevant), 1), first


def job_title_similarity(folder: Path, similarity: TitleSimilarity) -> None:
    """Rank the corpus for each query and report MAP and MRR, overall and per half."""
    queries = read_tsv(folder / "queries.tsv")
    corpus = read_tsv(folder / "corpus_documents.tsv")
    relevant: dict[str, set[str]] = defaultdict(set)
    for query_id, _, doc_id, grade in read_tsv(folder / "annotations.tsv"):
        if int(grade) > 0:
            relevant[query_id].add(doc_id)
    doc_ids = [doc_id for doc_id, _ in corpus]
    for name, matrix in _title_matrices(similarity, queries, corpus).items():
        scores = []
        for (query_id, _), row in zip(queries, matrix, strict=True):
            ranked = [doc_ids[i] for i in np.argsort(-row, kind="stable")]
            scores.append(average_precision(ranked, relevant[query_id]))
        print(f"  jobtitlesim {name:9s}: " + _halves(scores))


def _title_matrices(
    similarity: TitleSimilarity, queries: list[list[str]], corpus: list[list[str]]
) -> dict[str, np.ndarray]:
    left = [text for _, text in queries]
    right = [text for _, text in corpus]
    return {
        "spelling": spelling_similarity(left, right),
        "concepts": similarity.concept_similarity(left, right),
        "combined": similarity.matrix(left, right),
    }


def _halves(scores: Sequence[tuple[float, float]]) -> str:
    """Format MAP/MRR on all queries, on the tuning half (odd) and on the held half (even)."""
    parts = []
    for name, chosen in (("all", scores), ("tune", scores[1::2]), ("held", scores[0::2])):
        ap, rr = np.mean([s[0] for s in chosen]), np.mean([s[1] for s in chosen])
        parts.append(f"{name} MAP {ap:.3f} MRR {rr:.3f}")
    return "  |  ".join(parts) + f"   (reference MAP {REFERENCE['MAP']} MRR {REFERENCE['MRR']})"


def throughput(linker: OccupationLinker, titles: Sequence[str], labels: Sequence[str]) -> None:
    """Time link_many against a plain rapidfuzz extractOne over all labels."""
    start = time.perf_counter()
    linker.link_many(titles, k=10)
    cold = len(titles) / (time.perf_counter() - start)
    # A second pass finds every word's rewrite (typo, compound) already cached.
    start = time.perf_counter()
    linker.link_many(titles, k=10)
    ours = len(titles) / (time.perf_counter() - start)
    sample = titles[:200]
    start = time.perf_counter()
    for title in sample:
        process.extractOne(title.lower(), labels, scorer=fuzz.WRatio)
    base = len(sample) / (time.perf_counter() - start)
    print(f"  throughput: linker {cold:.0f} titles/s cold, {ours:.0f} titles/s warm;")
    print(
        f"              rapidfuzz extractOne {base:.0f} titles/s; ratio (cold) {cold / base:.1f}x"
    )
    print(f"              ({len(titles)} distinct titles, k=10, {os.cpu_count()} CPUs)")


def main() -> None:
    """Run all three benchmarks and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--sample", type=int, default=1500)
    args = parser.parse_args()
    start = time.perf_counter()
    taxonomy = Taxonomy.default()
    OccupationLinker.default()
    print(f"load taxonomy + linker: {time.perf_counter() - start:.2f} s")
    print("(a) ESCO leave-out (labels held out in 5 folds, linker rebuilt per fold)")
    leave_out(taxonomy, args.sample)
    print("(b) jobtitlesim_nl: rank 2,538 titles for 105 queries")
    job_title_similarity(args.data / "eval" / "jobtitlesim_nl", TitleSimilarity.default())
    rng = random.Random(3)
    corpus = [t for _, t in read_tsv(args.data / "eval/jobtitlesim_nl/corpus_documents.tsv")]
    noisy = [add_noise(label, rng) for o in taxonomy.occupations for label in o.alt_labels[:1]]
    titles = list(dict.fromkeys(corpus + noisy))
    labels = [label.lower() for o in taxonomy.occupations for label in o.labels]
    print("(c) throughput")
    throughput(OccupationLinker.from_taxonomy(taxonomy), titles, labels)


if __name__ == "__main__":
    main()
