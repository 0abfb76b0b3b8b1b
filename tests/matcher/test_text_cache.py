"""Build-once text artifacts on disk give exactly what computing them again gives."""

from pathlib import Path

import numpy as np

from matcher import text_cache
from matcher.text import TextVocabulary, load_vocabulary, save_vocabulary
from matcher.text_cache import RowStore

LABELS = ["orderpicker", "kok", "hulpkok", "magazijnmedewerker", "schoonmaker"]
TEXTS = [
    "Orderpicker (m/v) 32 uur. Werken in een team in het magazijn.",
    "Hulpkok gezocht - keuken, avonddienst",
    "Schoonmaker kantoren Hilversum",
    "",
]


def test_a_saved_vocabulary_transforms_as_the_fitted_one(tmp_path: Path) -> None:
    fitted = TextVocabulary(LABELS)
    save_vocabulary(tmp_path / "v", fitted)
    loaded = load_vocabulary(tmp_path / "v")
    assert loaded is not None and loaded[1] == fitted.version
    again = TextVocabulary([], fitted=loaded)
    assert again.width == fitted.width
    expected = fitted.transform(TEXTS).toarray()
    assert expected[:3].any(axis=1).all()
    assert np.array_equal(again.transform(TEXTS).toarray(), expected)
    assert load_vocabulary(tmp_path / "missing") is None


def test_a_fresh_worker_reads_rows_another_process_stored(tmp_path: Path) -> None:
    first = TextVocabulary(LABELS, store=RowStore(tmp_path / "rows"))
    expected = first.transform(TEXTS).toarray()
    assert np.array_equal(first.rows(TEXTS[:2]).toarray(), expected[:2])

    fresh = TextVocabulary(LABELS, store=RowStore(tmp_path / "rows"))
    fresh.transform = None  # type: ignore[assignment,method-assign]  # must not be needed
    assert np.array_equal(fresh.rows(TEXTS[1::-1]).toarray(), expected[1::-1])
    assert RowStore(tmp_path / "rows").fetch(["another text"]) == {}


def test_segments_are_merged_and_a_changed_text_is_a_miss(tmp_path: Path) -> None:
    vocabulary = TextVocabulary(LABELS)
    store = RowStore(tmp_path / "rows")
    expected = vocabulary.transform(TEXTS).toarray()
    for i in range(text_cache.MAX_SEGMENTS + 2):  # one segment per run meeting new texts
        text = TEXTS[i % len(TEXTS)] + " " * (i // len(TEXTS))
        row = vocabulary.transform([text])
        store.keep({text: (row.indices, row.data)})
    assert len(list((tmp_path / "rows").iterdir())) <= text_cache.MAX_SEGMENTS
    found = RowStore(tmp_path / "rows").fetch([*TEXTS, "Kok gezocht"])
    assert set(found) == set(TEXTS)
    for i, text in enumerate(TEXTS[:3]):
        indices, data = found[text]
        row = np.zeros(vocabulary.width, dtype=np.float32)
        row[np.asarray(indices)] = data
        assert np.array_equal(row, expected[i])


def test_a_folder_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    vocabulary = TextVocabulary(LABELS, store=RowStore(tmp_path / "file" / "rows"))
    expected = vocabulary.transform(TEXTS).toarray()
    assert np.array_equal(vocabulary.rows(TEXTS).toarray(), expected)
