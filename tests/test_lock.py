"""requirements.txt is one universal lock (environment markers) compiled from requirements.in: it resolves
for every supported Python and for no other. uv checks it for a target version without that interpreter."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_lib import paths

LOCK = paths.REPO_ROOT / "requirements.txt"


def resolve(python_version: str) -> subprocess.CompletedProcess:
    venv_uv = Path(sys.executable).with_name("uv")  # uv is in the lock
    uv = str(venv_uv) if venv_uv.exists() else shutil.which("uv")
    if uv is None:
        pytest.fail("uv not found: it is in requirements.txt, so `make install` puts it in .venv")
    return subprocess.run([uv, "pip", "compile", "--quiet", "--python-version", python_version, str(LOCK),
                           "-o", os.devnull], capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("python_version", ["3.10.12", "3.11.7", "3.12", "3.13"])
def test_the_lock_resolves_for_every_supported_python(python_version):
    result = resolve(python_version)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("python_version", ["3.9", "3.14"])
def test_the_lock_is_refused_outside_the_supported_pythons(python_version):
    result = resolve(python_version)
    assert result.returncode != 0 and "corpus-lib" in result.stderr.replace("_", "-")


def test_the_lock_is_compiled_from_requirements_in():
    lock = LOCK.read_text(encoding="utf-8")
    assert "#    make lock" in lock.splitlines()[1]  # the header says how to regenerate it
    assert "\n-e .\n" in lock  # the package installs editable
    pinned = {re.sub(r"[-_.]+", "-", line.split("==")[0]).lower() for line in lock.splitlines() if "==" in line}
    wanted = [line.strip() for line in (paths.REPO_ROOT / "requirements.in").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith(("#", "-"))]
    assert [name for name in wanted if re.sub(r"[-_.]+", "-", name).lower() not in pinned] == []


def test_pyproject_and_the_makefile_name_the_same_pythons():
    pyproject = (paths.REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    makefile = (paths.REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.10,<3.14"' in pyproject
    assert "SUPPORTED := 3.10-3.13" in makefile and "(3, 10) <= v <= (3, 13)" in makefile
