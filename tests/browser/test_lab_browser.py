"""JupyterLab as users meet it, in a real browser (Debian chromium driven by Playwright).

On a fresh clone of the repository (so ``git status`` means something and nothing of the working
tree is touched) this starts Lab on 127.0.0.1 with a token, then:

1. opens every notebook and saves it at once: git must stay clean (metadata as Lab writes it);
2. runs every notebook (Run All): no error output, every figure is an image that loaded;
3. types into the KWIC box: the status line and the lines change, and the box says how many;
4. saves the run notebook and reopens it with a new kernel: no "Error displaying widget".

Run with ``make test-browser``. Skipped, with the reason, only when no Chromium or Playwright is found.
"""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from corpus_lib import paths

CHROMIUM = next((path for path in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium")
                 if path and Path(path).exists()), None)
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make install)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found: apt-get install chromium "
                                                           "(or set CHROMIUM=/path/to/chromium)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NOTEBOOKS = sorted(p.name for p in paths.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
TIMINGS: dict[str, float] = {}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _git(clone: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(clone), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A fresh clone of HEAD served by JupyterLab; yields (clone, url)."""
    root = tmp_path_factory.mktemp("lab")
    clone = root / "clone"
    subprocess.run(["git", "clone", "--quiet", str(paths.REPO_ROOT), str(clone)], check=True)
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(root / "config"), "JUPYTER_RUNTIME_DIR": str(root / "runtime"),
           "JUPYTER_TOKEN": token, "CORPUS_LIB_FIGURES_DIR": str(root / "figures"),
           "CORPUS_LIB_TABLES_DIR": str(root / "tables")}
    env.pop("MPLBACKEND", None)  # the notebooks choose inline themselves
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
               f"--ServerApp.root_dir={clone}"] + (["--allow-root"] if os.geteuid() == 0 else [])
    log = open(root / "lab.log", "w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=clone, env=env)
    url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                assert server.poll() is None, (root / "lab.log").read_text()[-2000:]
                assert time.monotonic() - started < 90, "JupyterLab did not answer within 90 s"
                time.sleep(0.5)
        TIMINGS["server start"] = time.monotonic() - started
        # ?reset: a fresh workspace each time, so exactly one notebook is open
        yield clone, f"{url}/lab/tree/notebooks/{{name}}?token={token}&reset"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        print("\nbrowser test timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in TIMINGS.items()))


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    yield page
    context.close()


PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def _open(page, url: str, name: str) -> None:
    page.goto(url.format(name=name))
    page.wait_for_selector(f"{PANEL} .jp-Cell")
    page.wait_for_timeout(2000)  # the kernel connects and Lab settles its model


def _menu(page, menu: str, command: str) -> None:
    page.locator("li.lm-MenuBar-item", has_text=menu).click()
    page.locator(f'li[data-command="{command}"]').click()


def _save(page) -> None:
    _menu(page, "File", "docmanager:save")
    page.wait_for_timeout(1500)


def _run_all(page) -> float:
    """Clear every output (so stored prompts cannot pass for new ones), Run All, wait for the last cell."""
    _menu(page, "Edit", "editmenu:clear-all")
    page.wait_for_function("""() => ![...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedImage')].length""")
    started = time.monotonic()
    _menu(page, "Run", "runmenu:run-all")
    page.wait_for_function("""() => {
        const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
        const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
        return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
    }""", timeout=300_000)
    return time.monotonic() - started


def test_opening_and_saving_every_notebook_leaves_git_clean(lab, page):
    clone, url = lab
    for name in NOTEBOOKS:
        started = time.monotonic()
        _open(page, url, name)
        _save(page)
        TIMINGS[f"open+save {name[:2]}"] = time.monotonic() - started
    assert _git(clone, "status", "--porcelain", "notebooks") == ""


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_notebook_runs_in_lab_without_errors(lab, page, name):
    clone, url = lab
    _open(page, url, name)
    TIMINGS[f"run all {name[:2]}"] = _run_all(page)
    panel = page.locator(PANEL)
    # Lab 4 renders a traceback as application/vnd.jupyter.stderr (checked with a 1/0 cell), not as .error
    outputs = panel.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr'], "
                            ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").all_inner_texts()
    errors = [text for text in outputs if "Traceback" in text or "Error" in text]
    assert errors == [], errors[:1]
    images = panel.locator(".jp-RenderedImage img")
    assert images.count() >= 3
    widths = images.evaluate_all("imgs => imgs.map(img => img.complete ? img.naturalWidth : 0)")
    assert min(widths) > 100, widths  # every figure decoded and drawn


def test_the_kwic_box_follows_typing_and_survives_save_and_reopen(lab, page):
    clone, url = lab
    _open(page, url, "01_themes.ipynb")
    _run_all(page)
    box = page.locator(f"{PANEL} .widget-text input")
    box.scroll_into_view_if_needed()
    status = page.locator(f"{PANEL} .widget-label").filter(has_text="条").first
    assert "共" in status.text_content()  # the initial keyword's lines show at once, with the total
    output = page.locator(f"{PANEL} .widget-html").first
    before = output.text_content()
    page.screenshot(path=str(clone.parent / "kwic-before.png"))
    started = time.monotonic()
    box.fill("")
    box.type("团员", delay=80)  # no Enter: the box follows typing
    page.wait_for_function("""() => [...document.querySelectorAll('.widget-label')]
        .some(l => l.textContent.includes('“团员”'))""", timeout=15_000)
    TIMINGS["kwic redraw after typing"] = time.monotonic() - started
    status = page.locator(f"{PANEL} .widget-label").filter(has_text="团员").first
    assert "显示前 20 条 / 共" in status.text_content()
    after = output.text_content()
    page.screenshot(path=str(clone.parent / "kwic-after.png"))
    shutil.copy(clone.parent / "kwic-after.png", Path(os.environ.get("CORPUS_LIB_FIGURES_DIR", clone.parent)).parent
                / "browser-kwic.png") if os.environ.get("CORPUS_LIB_FIGURES_DIR") else None
    assert after != before and "团员" in after
    box.fill("没有这个词语")
    page.wait_for_function("""() => [...document.querySelectorAll('.widget-label')]
        .some(l => l.textContent.includes('未找到'))""", timeout=15_000)
    _save(page)
    saved = (clone / "notebooks" / "01_themes.ipynb").read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-view+json" not in saved and '"widgets"' not in saved
    # reopen with a new kernel: the stored text fallback, never "Error displaying widget"
    page.locator("li.lm-MenuBar-item", has_text="Kernel").click()
    page.locator('li[data-command="kernelmenu:restart"]').click()
    page.locator(".jp-Dialog-button.jp-mod-accept").click()
    page.reload()
    page.wait_for_selector(f"{PANEL} .jp-Cell")
    page.wait_for_timeout(3000)
    box_cell = page.locator(f"{PANEL} .jp-Cell").filter(has_text="kwic_search_box").first
    box_cell.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    text = box_cell.text_content()
    assert "Error displaying widget" not in text and "KWIC 搜索框" in text
