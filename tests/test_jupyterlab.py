"""JupyterLab smoke test: the server starts, lists the notebooks through its REST API, and opens one."""
from __future__ import annotations

import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from corpus_lib import paths


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, token: str):
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


def test_jupyter_lab_lists_and_opens_the_notebooks(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={paths.REPO_ROOT}",
         "--allow-root"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path,
        env={**__import__("os").environ, "JUPYTER_RUNTIME_DIR": str(tmp_path), "JUPYTER_CONFIG_DIR": str(tmp_path)})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/api/status", token)
                break
            except OSError:
                assert server.poll() is None, "jupyter lab exited early"
                assert time.monotonic() < deadline, "jupyter lab did not answer within 60 s"
                time.sleep(0.5)
        listing = _get(f"{base}/api/contents/notebooks", token)
        listed = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
        assert listed == sorted(p.name for p in paths.NOTEBOOKS_DIR.glob("*.ipynb")) and listed
        opened = _get(f"{base}/api/contents/notebooks/{listed[0]}", token)
        assert opened["type"] == "notebook" and opened["content"]["cells"]
        with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=5) as page:
            assert page.status == 200 and b"JupyterLab" in page.read()
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    assert Path(paths.NOTEBOOKS_DIR).exists()
