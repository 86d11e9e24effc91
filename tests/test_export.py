"""Export: figures and tables are written atomically and deterministically, with safe names."""
from __future__ import annotations

import io
import warnings

import pytest
from matplotlib.figure import Figure

import corpus_lib as cl
from corpus_lib import export, style


def _figure(text: str) -> Figure:
    style.apply_style()
    fig = Figure(figsize=(6, 3))
    ax = fig.subplots()
    ax.set_title(text[:40])
    ax.text(0, 0.5, text, fontsize=6)
    ax.plot([-1, 1], [1, -1])  # a minus sign on the axis
    return fig


def test_save_figure_writes_three_formats_deterministically(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    monkeypatch.delenv("CORPUS_LIB_FORMATS", raising=False)  # the default: all three formats
    monkeypatch.setitem(export._prefix, "stem", "00_test")
    written = cl.save_figure(_figure("援鄂医疗队全体90后党员"), "demo")
    assert sorted(p.name for p in written) == ["00_test-demo.pdf", "00_test-demo.png", "00_test-demo.svg"]
    first = {p.name: p.read_bytes() for p in written}
    cl.save_figure(_figure("援鄂医疗队全体90后党员"), "demo")
    assert first == {p.name: p.read_bytes() for p in written}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(first)  # no temporary files left


def test_unknown_format_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    with pytest.raises(cl.CorpusError, match="unknown figure format gif"):
        cl.save_figure(_figure("青年"), "x", formats=("png", "gif"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name,expected", [
    ("../../etc/passwd", "etc-passwd"),
    ("通知: 第1号/附件", "通知-第1号-附件"),
    ("..", "untitled"),
    ("关" * 200, "关" * 80),
])
def test_safe_name(name, expected):
    assert export.safe_name(name) == expected
