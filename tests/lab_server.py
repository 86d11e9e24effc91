"""Start JupyterLab on 127.0.0.1 with a token for a test, root-safe, and stop it afterwards."""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def lab_server(root_dir: Path, scratch: Path, *, env: dict | None = None, timeout: float = 90):
    """Yield ``(base_url, token)`` of a JupyterLab serving ``root_dir``; config, runtime and log go to ``scratch``."""
    port, token = free_port(), secrets.token_hex(16)
    environment = {**os.environ, "JUPYTER_CONFIG_DIR": str(scratch / "config"),
                   "JUPYTER_RUNTIME_DIR": str(scratch / "runtime"), "JUPYTER_TOKEN": token, **(env or {})}
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
               f"--ServerApp.root_dir={root_dir}"] + (["--allow-root"] if os.geteuid() == 0 else [])
    log_path = scratch / "lab.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=scratch, env=environment)
        url, started = f"http://127.0.0.1:{port}", time.monotonic()
        try:
            while True:
                try:
                    urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                    break
                except OSError:
                    assert server.poll() is None, log_path.read_text()[-2000:]
                    assert time.monotonic() - started < timeout, f"JupyterLab did not answer within {timeout:.0f} s"
                    time.sleep(0.5)
            yield url, token
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
