"""The project's semgrep rules find what they are for (the scan itself runs in make test)."""

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).parent.parent
SEMGREP = ROOT / ".venv-tools" / "bin" / "semgrep"


def test_semgrep_rules_find_string_sql_pickle_yaml_and_xml() -> None:
    assert SEMGREP.exists(), "the security tools are installed by `make test` (make security)"
    result = subprocess.run(
        [
            str(SEMGREP),
            "--config",
            str(ROOT / ".semgrep" / "rules.yml"),
            "--metrics=off",
            "--json",
            "--quiet",
            str(ROOT / "tests" / "data" / "static" / "insecure_sample.py"),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        # No version check: there is no internet here, and waiting for it takes minutes.
        env={**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0"},
    )
    found = sorted(r["check_id"].rsplit(".", 1)[-1] for r in json.loads(result.stdout)["results"])
    assert found == [
        "no-pickle-of-untrusted-data",
        "no-string-built-sql",
        "no-string-built-sql",
        "no-xml-from-stdlib",
        "no-yaml-load",
    ]
