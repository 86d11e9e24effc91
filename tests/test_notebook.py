"""The notebook front end: setup, and the KWIC box driven as a user would (type, clear, widen)."""
from __future__ import annotations

import pandas as pd
import pytest

import corpus_lib as cl
from corpus_lib.app import notebook
from corpus_lib.io import export


@pytest.fixture
def docs():
    # 团员 five times in d01, twice in d02; 青年 once
    return pd.DataFrame({"doc_id": ["d01", "d02"], "text": ["团员团员团员，团员和团员。", "全体团员青年。团员！"]})


def test_the_initial_keyword_shows_at_once_with_its_total(docs):
    box = notebook.KwicBox(docs, keyword="团员", rows=3)
    assert len(box.lines) == 7
    assert box.status.value == "“团员”：显示前 3 条 / 共 7 条 · first 3 of 7"
    assert box.output.value.count("<tr") == 1 + 3


def test_typing_redraws_and_says_how_many(docs):
    box = notebook.KwicBox(docs, keyword="团员", rows=3)
    box.keyword.value = "青年"  # no event loop here: the search runs at once
    assert box.lines["keyword"].tolist() == ["青年"] and box.status.value == "“青年”：共 1 条 · all 1 lines"
    assert box.output.value.count("<tr") == 2 and "全体团员" in box.output.value  # header + one line
    box.keyword.value = "党员"
    assert box.status.value == "未找到“党员” / no lines for “党员”" and box.lines.empty
    box.keyword.value = "  "
    assert box.status.value == "请输入关键词 / type a keyword to search" and box.lines is None
    assert box.output.value == ""


def test_the_window_slider_widens_the_context(docs):
    box = notebook.KwicBox(docs, keyword="青年", window=2)
    assert box.lines.iloc[0][["left", "right"]].tolist() == ["团员", "。团"]
    box.window.value = 4
    assert box.lines.iloc[0][["left", "right"]].tolist() == ["全体团员", "。团员！"]


def test_keystrokes_in_a_kernel_are_debounced(docs):
    import asyncio

    async def type_fast():
        box = notebook.KwicBox(docs, keyword="团员", debounce=0.05)
        for prefix in ("青", "青年"):
            box.keyword.value = prefix
        assert box.lines is not None and len(box.lines) == 7  # nothing searched yet
        await asyncio.sleep(0.2)
        return box

    box = asyncio.run(type_fast())
    assert box.lines["keyword"].tolist() == ["青年"]


def test_the_stored_form_is_one_fixed_line(docs):
    bundle = notebook.kwic_search_box(docs, keyword="团员")._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data["text/plain"] == notebook.KwicBox.FALLBACK


def test_setup_notebook_names_the_files(monkeypatch, tmp_path):
    monkeypatch.setitem(export._prefix, "stem", None)
    monkeypatch.setenv("CORPUS_LIB_TABLES_DIR", str(tmp_path))
    cl.setup_notebook("09_demo")
    assert cl.save_table(pd.DataFrame({"a": [1]}), "t").name == "09_demo-t.csv"
    assert pd.get_option("display.unicode.east_asian_width") is True


def test_show_figure_saves_the_figure_then_displays_it(monkeypatch, tmp_path, text_figure):
    import IPython.display

    monkeypatch.setitem(export._prefix, "stem", "09_demo")
    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    shown = []  # (figure, the files written when it was displayed)
    monkeypatch.setattr(IPython.display, "display", lambda fig: shown.append((fig, sorted(p.name for p in tmp_path.iterdir()))))
    fig = text_figure("援鄂医疗队")
    assert cl.show_figure(fig, "timeline", formats=("png", "svg")) is None  # nothing left for the cell to print
    assert shown == [(fig, ["09_demo-timeline.png", "09_demo-timeline.svg"])]


def test_every_notebook_shows_its_figures_with_one_call():
    """No notebook saves a figure and displays it in two steps; each figure of figures/ has its show_figure call."""
    import re

    import nbformat

    from corpus_lib import paths

    for path in sorted(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")):
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert "save_figure" not in code and "display(" not in code, path.name
        names = set(re.findall(r'cl\.show_figure\(fig, "([^"]+)"\)', code))
        drawn = {p.name[len(path.stem) + 1:-len(".png")] for p in paths.FIGURES_DIR.glob(f"{path.stem}-*.png")}
        assert names == drawn, path.name


def test_a_figure_output_carries_its_title_and_file_name(tmp_path):
    """In a real kernel, a figure shown as the cell's value or with display() stores the chart's title (and the
    file save_figure wrote) in its output's metadata: the PNG carries neither, and report.docx captions from it."""
    import os

    import nbformat
    from nbclient import NotebookClient

    cells = ["%matplotlib inline\nimport corpus_lib as cl\ncl.setup_notebook('09_demo')\ncl.setup_notebook('09_demo')",
             "from corpus_lib.plots.base import new_axes\nfig, ax = new_axes(4, 3)\n"
             "ax.set_title('各文档篇幅\\nDocument length')\ncl.save_figure(fig, 'lengths')\nfig",
             "from IPython.display import display\nfig, ax = new_axes(4, 3)\nfig.suptitle('高频词 Most frequent terms')\n"
             "display(fig)"]
    demo = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells])
    demo.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    env = {**os.environ, "CORPUS_LIB_FIGURES_DIR": str(tmp_path), "CORPUS_LIB_FORMATS": "png"}
    NotebookClient(demo, kernel_name="python3", timeout=120).execute(env=env)
    shown = [output for cell in demo.cells for output in cell.outputs if "image/png" in output.get("data", {})]
    assert [output["metadata"]["image/png"][notebook.FIGURE_METADATA] for output in shown] == [
        {"title": "各文档篇幅 Document length", "file": "09_demo-lengths"}, {"title": "高频词 Most frequent terms"}]
    assert (tmp_path / "09_demo-lengths.png").exists()


def test_figure_metadata_names_the_title_of_every_panel_when_there_is_no_suptitle(tmp_path, monkeypatch):
    from corpus_lib.plots.base import new_figure

    fig = new_figure(6, 3)
    left, right = fig.subplots(1, 2)
    left.set_title("保留套话 / with boilerplate")
    right.set_title("去除套话 / boilerplate removed")
    assert notebook.figure_metadata(fig) == {"title": "保留套话 / with boilerplate；去除套话 / boilerplate removed"}
    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    monkeypatch.setitem(export._prefix, "stem", "01_themes")
    cl.save_figure(fig, "wordcloud-boilerplate", formats=("png",))
    assert notebook.figure_metadata(fig)["file"] == "01_themes-wordcloud-boilerplate"


def test_a_figure_with_nothing_to_draw_is_titled_with_what_it_says():
    from corpus_lib.plots.base import empty_figure

    assert notebook.figure_metadata(empty_figure("未发现人物 / no people found")) == {"title": "未发现人物 / no people found"}
