"""Export: figures and tables are written atomically and deterministically, with safe names."""
from __future__ import annotations


import pytest
from matplotlib.figure import Figure

import corpus_lib as cl
from corpus_lib import export


def test_save_figure_writes_three_formats_deterministically(tmp_path, monkeypatch, text_figure):
    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    monkeypatch.delenv("CORPUS_LIB_FORMATS", raising=False)  # the default: all three formats
    monkeypatch.setitem(export._prefix, "stem", "00_test")
    written = cl.save_figure(text_figure("援鄂医疗队全体90后党员"), "demo")
    assert sorted(p.name for p in written) == ["00_test-demo.pdf", "00_test-demo.png", "00_test-demo.svg"]
    first = {p.name: p.read_bytes() for p in written}
    cl.save_figure(text_figure("援鄂医疗队全体90后党员"), "demo")
    assert first == {p.name: p.read_bytes() for p in written}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(first)  # no temporary files left


def test_unknown_format_is_refused(tmp_path, monkeypatch, text_figure):
    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    with pytest.raises(cl.CorpusError, match="unknown figure format gif"):
        cl.save_figure(text_figure("青年"), "x", formats=("png", "gif"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name,expected", [
    ("../../etc/passwd", "etc-passwd"),
    ("通知: 第1号/附件", "通知-第1号-附件"),
    ("..", "untitled"),
    ("关" * 200, "关" * 80),
])
def test_safe_name(name, expected):
    assert export.safe_name(name) == expected


@pytest.mark.slow
def test_big_figures_are_written_as_bounded_pngs(tmp_path, monkeypatch):
    import numpy as np
    from PIL import Image

    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    tall = Figure(figsize=(8, 60))  # one row per document of a big corpus: 12,000 px tall at 200 dpi
    tall.subplots().barh(range(300), range(300))
    noisy = Figure(figsize=(19, 19))  # random pixels do not compress: about 14 MB at 200 dpi
    noisy.subplots().imshow(np.random.default_rng(0).random((1200, 1200, 3)), interpolation="nearest")
    for fig, name in ((tall, "tall"), (noisy, "noisy")):
        path = cl.save_figure(fig, name, formats=("png",))[0]
        with Image.open(path) as image:
            assert max(image.size) <= export.PNG_MAX_SIDE, image.size
        assert path.stat().st_size <= export.PNG_MAX_BYTES
    with Image.open(tmp_path / "tall.png") as image:
        # 12,000 px at 200 dpi, lowered once to 95 % of the 4,000 px bound: just enough, not shrunk to a thumbnail
        assert max(image.size) == 3800


def test_a_figure_saved_before_the_style_is_applied_keeps_its_own_resolution(tmp_path, monkeypatch):
    import matplotlib as mpl
    from PIL import Image

    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    with mpl.rc_context({"savefig.dpi": "figure", "savefig.bbox": None}):  # matplotlib's defaults: its own dpi, no crop
        path = cl.save_figure(Figure(figsize=(4, 3), dpi=50), "plain", formats=("png",))[0]
    with Image.open(path) as image:
        assert image.size == (200, 150)  # 4 × 3 inches at 50 dpi
