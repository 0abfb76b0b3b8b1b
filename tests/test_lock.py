"""The lock files agree with pyproject.toml and pin every package with its hashes."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def _name(raw: str) -> str:
    """Return a package name in PEP 503 normal form."""
    return re.sub(r"[-_.]+", "-", raw).lower()


def _lock(path: Path) -> dict[str, tuple[str, int]]:
    """Return {package: (version, number of hashes)} of a pip-compile lock file."""
    pins: dict[str, tuple[str, int]] = {}
    current = ""
    for line in path.read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = _name(match.group(1))
            pins[current] = (match.group(2), 0)
        elif "--hash=sha256:" in line and current:
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
    return pins


def _declared(extra: str | None = None) -> dict[str, str]:
    """Return the pinned dependencies of pyproject.toml (or of one of its extras)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = project["optional-dependencies"][extra] if extra else project["dependencies"]
    declared = {}
    for line in lines:
        match = PIN.match(line)
        assert match, f"pyproject.toml: {line!r} is not pinned with =="
        declared[_name(match.group(1))] = match.group(2)
    return declared


def test_the_dev_lock_holds_every_pin_of_pyproject_toml() -> None:
    lock = _lock(ROOT / "requirements-dev.lock")
    wanted = _declared() | _declared("dev")
    differ = {name: (pin, lock.get(name, ("missing", 0))[0]) for name, pin in wanted.items()}
    assert {k: v for k, v in differ.items() if v[0] != v[1]} == {}, "run `make lock`"


def test_the_runtime_lock_holds_the_app_pins_and_no_dev_tools() -> None:
    lock = _lock(ROOT / "requirements.lock")
    differ = {name: (pin, lock.get(name, ("missing", 0))[0]) for name, pin in _declared().items()}
    assert {k: v for k, v in differ.items() if v[0] != v[1]} == {}, "run `make lock`"
    assert not set(_declared("dev")) & set(lock)


def test_every_locked_package_has_hashes_and_both_locks_agree() -> None:
    dev, runtime = _lock(ROOT / "requirements-dev.lock"), _lock(ROOT / "requirements.lock")
    assert len(dev) > len(_declared()) + len(_declared("dev"))  # transitive ones too
    assert [name for name, (_v, hashes) in dev.items() if hashes == 0] == []
    assert [name for name, (_v, hashes) in runtime.items() if hashes == 0] == []
    assert {n: v for n, (v, _h) in runtime.items() if dev.get(n, ("", 0))[0] != v} == {}


def test_the_locks_name_no_machine_specific_index() -> None:
    for path in (ROOT / "requirements.lock", ROOT / "requirements-dev.lock"):
        text = path.read_text()
        assert "--index-url" not in text and "--find-links" not in text and "file:" not in text


def test_make_the_ci_and_the_image_install_from_the_locks() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r $(DEV_LOCK)" in makefile and "--no-deps -e ." in makefile
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--require-hashes -r requirements.lock" in dockerfile
    assert "--no-deps ." in dockerfile
    assert "make test" in (ROOT / ".ci" / "run").read_text()  # which runs `make install`
