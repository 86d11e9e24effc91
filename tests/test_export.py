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


def test_a_table_in_chunks_is_written_as_pandas_writes_it(tmp_path, monkeypatch):
    """Chunks of plain strings and numbers are joined directly (fast); a chunk with a comma, a quote or a missing
    value goes through pandas: either way the file holds the bytes of the whole table's ``to_csv``."""
    import pandas as pd

    monkeypatch.setenv("CORPUS_LIB_TABLES_DIR", str(tmp_path))
    plain = pd.DataFrame({"doc_id": ["d01", "d01"], "term": ["青年", "90后"], "count": [3, 1], "per_10k": [12.5, 0.1]})
    awkward = pd.DataFrame({"doc_id": ["d02", "d02"], "term": ['说"好"', "一,二"], "count": [2, 1],
                            "per_10k": [float("nan"), 1e-05]})
    floats = [1e16, 1e-05, 0.1 + 0.2, 123456789012.0, -0.0, 5e-324, 1.7976931348623157e308, 2.5, -3.0]
    edges = pd.DataFrame({"doc_id": ["d03"] * 9, "term": ["x"] * 9, "count": [2**62, -1, 0, 7, 8, 9, 10, 11, 12],
                          "per_10k": floats})
    single = edges.astype({"per_10k": "float32", "count": "int32"})  # float32: through pandas
    for name, chunks in (("plain", [plain, plain.iloc[:0]]), ("mixed", [plain, awkward, plain]),
                         ("edges", [edges, plain]), ("single", [single])):
        path = cl.save_table(iter(chunks), name)
        whole = pd.concat(chunks, ignore_index=True)
        assert path.read_bytes() == whole.to_csv(index=False, encoding="utf-8-sig").encode("utf-8-sig")
    text = (tmp_path / "plain.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["doc_id,term,count,per_10k", "d01,青年,3,12.5", "d01,90后,1,0.1"]
    assert (tmp_path / "mixed.csv").read_text(encoding="utf-8-sig").splitlines()[3:5] == ['d02,"说""好""",2,', 'd02,"一,二",1,1e-05']
    assert (tmp_path / "edges.csv").read_text(encoding="utf-8-sig").splitlines()[1:4] == [
        "d03,x,4611686018427387904,1e+16", "d03,x,-1,1e-05", "d03,x,0,0.30000000000000004"]
