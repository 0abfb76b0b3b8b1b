"""Every path the docs name exists, so the docs stay true when the tree changes."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Only these docs are checked for backticked paths: their code maps must match the tree.
CHECKED = ("README.md", "docs/architecture.md", "docs/design.md")
TOP_LEVEL = ("models", "matcher", "jobs", "web", "bench", "deploy", "tests", "docs")
# Rows of the README's code map whose every word names a module or folder of that package.
PACKAGES = ("models", "matcher", "jobs", "web")
BACKTICKED = re.compile(r"`([^`\s]+)`")
LINK = re.compile(r"\]\(([^)#\s]+)\)")
PARENTHESES = re.compile(r"\([^()]*\)")


def exists(path: str) -> bool:
    """Return whether a path, or a module named without .py, exists; <name> matches anything."""
    pattern = re.sub(r"<[^>]+>", "*", path.rstrip("/"))
    if "*" in pattern:
        return any(ROOT.glob(pattern)) or any(ROOT.glob(pattern + ".py"))
    return (ROOT / pattern).exists() or (ROOT / f"{pattern}.py").exists()


def backticked_paths(text: str) -> list[str]:
    """Return the backticked words that name a path below one of the top-level folders."""
    found = []
    for line in text.splitlines():
        for word in BACKTICKED.findall(line):
            if word.split("/")[0] in TOP_LEVEL and "/" in word:
                found.append(word)
    return found


def code_map_paths(readme: str) -> list[str]:
    """Return the paths the README's code map (the block that starts with models/) names."""
    block = next(b for b in readme.split("```") if b.lstrip("\n").startswith("models/"))
    found: list[str] = []
    folder = ""
    for line in block.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            folder, _, line = line.partition(" ")
            found.append(folder)
        while PARENTHESES.search(line):
            line = PARENTHESES.sub(" ", line)  # prose, innermost first
        for word in line.replace("·", " ").split():
            word = word.strip(";,")
            # A package row names only modules and folders; other rows are prose with paths.
            if folder.rstrip("/") in PACKAGES or "/" in word or word.endswith((".py", ".sql")):
                found.append(folder + word)
    return found


def missing(paths: list[str]) -> list[str]:
    """Return the paths that do not exist."""
    return [path for path in paths if not exists(path)]


@pytest.mark.parametrize("doc", CHECKED)
def test_every_path_a_doc_names_exists(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    linked = [
        str((ROOT / doc).parent.joinpath(target).resolve().relative_to(ROOT))
        for target in LINK.findall(text)
        if "://" not in target
    ]
    paths = backticked_paths(text)
    assert paths, f"{doc} names no paths: the reader is broken"
    assert missing(paths + linked) == []


def test_every_path_the_readme_code_map_names_exists() -> None:
    paths = code_map_paths((ROOT / "README.md").read_text(encoding="utf-8"))
    assert {"models/lifecycle.py", "matcher/store/", "deploy/postgres/least_privilege.sql"} <= set(
        paths
    )
    assert missing(paths) == []


def test_a_module_the_tree_lacks_is_caught() -> None:
    readme = (
        "```\nmodels/    db.py (the engine (one)) lifecycle\n           gone migrations/\n```\n"
    )
    paths = code_map_paths(readme)
    assert paths == [
        "models/",
        "models/db.py",
        "models/lifecycle",
        "models/gone",
        "models/migrations/",
    ]
    assert missing(paths) == ["models/gone"]
    assert missing(backticked_paths("`web/<role>/views.py` `web/nowhere.py`")) == ["web/nowhere.py"]
