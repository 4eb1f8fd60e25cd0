"""The code stays typed (mypy --strict) and ruff-clean; CI runs these with the suite."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENGINE

pytestmark = pytest.mark.skipif(
    ENGINE != "mkdocs", reason="the code checks do not depend on the engine: they run once"
)

ROOT = Path(__file__).parent.parent


def _run(*command: str) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("ruff", path=str(Path(sys.executable).parent)) is None,
    reason="ruff is not installed (pip install -e '.[test]')",
)
def test_ruff() -> None:
    ruff = str(Path(sys.executable).parent / "ruff")
    _run(ruff, "check", ".")
    _run(ruff, "format", "--check", ".")


def test_mypy() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    _run(sys.executable, "-m", "mypy")
