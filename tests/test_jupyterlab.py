"""JupyterLab smoke test: the server starts, lists the notebooks through its REST API, and opens one."""
from __future__ import annotations

import json
import urllib.request

import nbformat
import pytest
from lab_server import lab_server

from corpus_lib import paths


def _get(url: str, token: str):
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


@pytest.mark.slow
def test_jupyter_lab_lists_and_opens_the_notebooks(tmp_path):
    with lab_server(paths.REPO_ROOT, tmp_path, timeout=60) as (base, token):
        listing = _get(f"{base}/api/contents/notebooks", token)
        listed = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
        # the six notebooks of the README's table, as they are on disk
        assert listed == sorted(p.name for p in paths.NOTEBOOKS_DIR.glob("*.ipynb")) == [
            "00_corpus_overview.ipynb", "01_themes.ipynb", "02_dates.ipynb", "03_institutions.ipynb", "04_cohorts.ipynb",
            "05_topics.ipynb"]
        opened = _get(f"{base}/api/contents/notebooks/{listed[0]}", token)
        stored = nbformat.read(paths.NOTEBOOKS_DIR / listed[0], as_version=4).cells
        assert opened["type"] == "notebook"
        assert [cell["source"] for cell in opened["content"]["cells"]] == [cell.source for cell in stored]
        with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=5) as page:
            assert page.status == 200 and b"JupyterLab" in page.read()
