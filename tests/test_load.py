"""Loading: the seed splits into its 7 documents, whatever the encoding; bad input fails in one line."""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

import corpus_lib as cl
from corpus_lib import clean, paths
from corpus_lib.load import split_documents

# Read off the seed by hand: title, issuer, date, date_source, genre.
EXPECTED = [
    ("d01", "习近平总书记给北京大学援鄂医疗队全体“90后”党员的回信", "习近平", "2020-03-15", "explicit", "letter"),
    ("d02", "将青春之树种在祖国最需要的地方", None, "2020-03-15", "inferred", "news"),
    ("d03", "在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话", "习近平", "2020-02-23", "explicit", "speech"),
    ("d04", "全市统筹推进新冠肺炎疫情防控和经济社会发展工作电视电话会议新闻通稿", None, "2020-02-24", "inferred", "news"),
    ("d05", "上海市新冠肺炎疫情防控工作领导小组扩大会议新闻通稿", None, "2020-03-19", "explicit", "news"),
    ("d06", "（无标题）共青团中央通知", "共青团中央", "2020-01-31", "explicit", "notice"),
    ("d07", "关于在疫情防控阻击战中充分发挥先进青年集体和职业青年作用的通知", "共青团上海市委员会", "2020-02-04", "explicit", "notice"),
]
# First and last characters of each document's text: the boundaries fall where the reader sees them.
BOUNDARIES = [
    ("d01", "习近平总书记给北京大学", "习近平\n2020年3月15日"),
    ("d02", "将青春之树种在祖国最需要的地方\n——", "让青春在党和人民最需要的地方绽放绚丽之花。"),
    ("d03", "在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的\n讲话\n（2020年2月23日）\n习近平\n同志们：", "决战脱贫攻坚的目标任务。"),
    ("d04", "全市统筹推进新冠肺炎疫情防控和经济社会发展工作电视电话会议新闻通稿今天下午（2月24日）举行。", "1700余人参加。"),
    ("d05", "上海市新冠肺炎疫情防控工作领导小组扩大会议新闻通稿\n（2020年3月19日）", "黄浦区分别作了交流发言。"),
    ("d06", "共青团各省、自治区、直辖市委，全国铁道团委", "共青团中央\n2020年1月31日"),
    ("d07", "关于在疫情防控阻击战中充分发挥先进青年集体和职业青年作用的通知\n沪团委发〔2020〕15号", "特此通知。\n共青团上海市委员会\n2020年2月4日"),
]


def test_seed_has_seven_documents_with_the_required_columns(seed_docs):
    assert seed_docs["doc_id"].tolist() == [f"d0{i}" for i in range(1, 8)]
    for column in ["doc_id", "title", "issuer", "date", "date_source", "genre", "text", "n_chars", "source"]:
        assert column in seed_docs.columns


@pytest.mark.parametrize("doc_id,title,issuer,date,date_source,genre", EXPECTED)
def test_metadata_comes_from_the_text(seed_docs, doc_id, title, issuer, date, date_source, genre):
    row = seed_docs.set_index("doc_id").loc[doc_id]
    assert row["title"] == title
    assert (row["issuer"] if isinstance(row["issuer"], str) else None) == issuer
    assert row["date"] == pd.Timestamp(date)
    assert row["date_source"] == date_source
    assert row["genre"] == genre


@pytest.mark.parametrize("doc_id,start,end", BOUNDARIES)
def test_documents_start_and_end_where_a_reader_sees_them(seed_docs, doc_id, start, end):
    text = seed_docs.set_index("doc_id").loc[doc_id, "text"]
    assert text.startswith(start)
    assert text.endswith(end)


def test_untitled_document_is_marked_generated_and_doc_number_is_kept(seed_docs):
    rows = seed_docs.set_index("doc_id")
    assert rows.loc["d06", "title_source"] == "generated"
    assert rows.loc["d01", "title_source"] == "text"
    assert rows.loc["d07", "doc_number"] == "沪团委发〔2020〕15号"
    assert rows.loc["d02", "subtitle"].startswith("习近平总书记给北京大学援鄂医疗队全体90后党员回信")


def test_nothing_is_lost_and_no_artifacts_remain(seed_docs, seed_text):
    assert "\n".join(seed_docs["text"]) == clean.clean_text(seed_text)
    assert not seed_docs["text"].str.contains(r"bookmark|_Toc|_GoBack|\u200b").any()
    assert seed_docs["n_chars"].sum() == len(clean.clean_text(seed_text).replace("\n", ""))


@pytest.mark.parametrize("encoding,newline", [
    ("utf-8", "\r\n"), ("utf-8-sig", "\n"), ("gbk", "\n"), ("gb18030", "\r\n"), ("utf-16", "\n"),
])
def test_other_encodings_and_line_ends_give_identical_documents(tmp_path, seed_docs, seed_text, encoding, newline):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_text.replace("\n", newline).encode(encoding))
    docs = cl.load_corpus(copy)
    columns = ["doc_id", "title", "issuer", "date", "date_source", "genre", "text", "n_chars"]
    pd.testing.assert_frame_equal(docs[columns], seed_docs[columns])


def test_full_width_spaces_and_zero_width_characters_are_cleaned(tmp_path, seed_docs, seed_text):
    noisy = seed_text.replace("来信收悉。", "\u3000\u3000来信\u200b收悉。").replace("疫情防控 青春建功", "疫情防控\u3000青春建功")
    (tmp_path / "noisy.txt").write_text(noisy, encoding="utf-8")
    docs = cl.load_corpus(tmp_path / "noisy.txt")
    assert docs["text"].tolist() == seed_docs["text"].tolist()


@pytest.mark.parametrize("text,expected_first_lines", [
    ("第一篇\n正文一。\n---\n第二篇\n正文二。", ["第一篇", "第二篇"]),
    ("讲话稿的标题\n同志们：今天我们召开会议，研究部署下一步的防控工作。请大家认真落实。\n2020年3月1日\n\n下一篇通知\n请各单位报送。", ["讲话稿的标题", "下一篇通知"]),
    ("只有一篇\n正文没有任何分隔。\n第二段。", ["只有一篇"]),
])
def test_split_documents_on_separators_and_signatures(text, expected_first_lines):
    assert [doc[0] for doc in split_documents(text)] == expected_first_lines


def test_traditional_characters_can_be_simplified(tmp_path):
    (tmp_path / "trad.txt").write_text("青年們的選擇\n九零後青年說：我們會堅持。", encoding="utf-8")
    assert "九零後" in cl.load_corpus(tmp_path / "trad.txt").loc[0, "text"]
    simplified = cl.load_corpus(tmp_path / "trad.txt", simplify=True).loc[0, "text"]
    assert "九零后青年说" in simplified and "们" in simplified


def test_folder_of_txt_md_docx_with_metadata_override(tmp_path):
    import docx

    (tmp_path / "a.txt").write_text("关于做好防控工作的通知\n请各单位落实。\n2020年2月1日", encoding="gbk")
    (tmp_path / "b.md").write_text("# 一封回信\n\n来信收悉。望你们努力。", encoding="utf-8")
    document = docx.Document()
    for paragraph in ["在青年座谈会上的讲话", "同志们：", "青年要有担当。"]:
        document.add_paragraph(paragraph)
    document.save(tmp_path / "c.docx")
    (tmp_path / "metadata.csv").write_text("file,title,issuer,date,genre\nb.md,,某医院,2020-03-01,letter\n", encoding="utf-8")
    docs = cl.load_corpus(tmp_path).set_index("source")
    assert list(docs.index) == ["a.txt", "b.md", "c.docx"]
    assert docs.loc["a.txt", "genre"] == "notice" and docs.loc["a.txt", "date"] == pd.Timestamp("2020-02-01")
    assert docs.loc["b.md", "title"] == "一封回信" and docs.loc["b.md", "issuer"] == "某医院"
    assert docs.loc["b.md", "date"] == pd.Timestamp("2020-03-01") and docs.loc["b.md", "date_source"] == "explicit"
    assert docs.loc["c.docx", "genre"] == "speech" and docs.loc["c.docx", "date_source"] == "none"


def _png(path):
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256)))
    return path


@pytest.mark.parametrize("make,message", [
    (lambda tmp: tmp / "missing.txt", "no such file or folder"),
    (lambda tmp: (tmp / "empty.txt").write_text("  \n", encoding="utf-8") and tmp / "empty.txt", "the file is empty"),
    (lambda tmp: _png(tmp / "picture.txt"), "not a text file"),
    (lambda tmp: (tmp / "sub").mkdir() or (tmp / "sub" / "x.csv").write_text("a,b") and tmp / "sub", "no .txt, .md or .docx files"),
    (lambda tmp: (tmp / "fake.docx").write_text("not a zip") and tmp / "fake.docx", "not a readable .docx"),
])
def test_bad_input_raises_one_clear_line(tmp_path, make, message):
    with pytest.raises(cl.CorpusError) as error:
        cl.load_corpus(make(tmp_path))
    assert message in str(error.value) and "\n" not in str(error.value)


def test_metadata_with_unparseable_date_names_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,title,issuer,date,genre\na.txt,,,2020-13-45,\n", encoding="utf-8")
    with pytest.raises(cl.CorpusError, match=r"metadata\.csv: line 2: cannot parse date '2020-13-45'"):
        cl.load_corpus(tmp_path)


def test_loading_never_writes_into_seeds():
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths.SEEDS_DIR.iterdir()}
    cl.load_corpus()
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths.SEEDS_DIR.iterdir()}
    assert before == after
