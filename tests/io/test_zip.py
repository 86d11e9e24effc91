"""ZIP archives: the seed's documents zipped in sub-folders load as the seed, with their folder as a column."""
from __future__ import annotations

import pandas as pd
import pytest

import corpus_lib as cl
import seed_files

# Where each seed document sits in the archive, as a colleague would sort them.
FOLDERS = ["2020/新华社", "2020/中国青年报", "2020/新华社", "2020/上海", "2020/上海", "2020/团中央", "2020/团中央"]


def seed_archive(path, seed_docs, **options):
    files = {f"{folder}/{row.doc_id}.txt": row.text.encode("utf-8") for folder, row in zip(FOLDERS, seed_docs.itertuples())}
    return seed_files.write_zip(path, files, **options)


@pytest.mark.parametrize("gbk_names", [False, True], ids=["utf-8 names", "names from Chinese Windows"])
def test_the_seed_zipped_in_folders_loads_as_the_seed(tmp_path, seed_docs, gbk_names):
    docs = cl.load_corpus(seed_archive(tmp_path / "corpus.zip", seed_docs, gbk_names=gbk_names))
    # sorted by path: 2020/上海 (d04, d05), 2020/中国青年报 (d02), 2020/团中央 (d06, d07), 2020/新华社 (d01, d03)
    order = sorted(range(7), key=lambda i: f"{FOLDERS[i]}/{seed_docs.loc[i, 'doc_id']}.txt")
    seed = seed_docs.iloc[order].reset_index(drop=True)
    assert docs["text"].tolist() == seed["text"].tolist()
    assert docs["title"].tolist() == seed["title"].tolist() and docs["genre"].tolist() == seed["genre"].tolist()
    assert docs["folder"].tolist() == [FOLDERS[i] for i in order]
    assert docs["source"].tolist() == [f"{FOLDERS[i]}/{seed_docs.loc[i, 'doc_id']}.txt" for i in order]


def test_an_archive_in_a_folder_of_other_formats_and_its_metadata(tmp_path, seed_docs, records):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("团市委开展志愿服务\n团市委组织青年志愿者服务社区。", encoding="utf-8")
    inner = seed_files.write_csv(tmp_path / "export.csv", records[:2], "utf-8-sig").read_bytes()
    seed_files.write_zip(corpus / "sent.zip", {"tables/export.csv": inner, "__MACOSX/tables/._export.csv": b"\x00\x05",
                                               "notes.doc": b"\xd0\xcf\x11\xe0"})
    (corpus / "metadata.csv").write_text("file,outlet\na.txt,团市委网站\n", encoding="gbk")  # Excel on Chinese Windows
    docs = cl.load_corpus(corpus)
    assert docs["source"].tolist() == ["a.txt", "sent.zip/tables/export.csv:2", "sent.zip/tables/export.csv:3"]
    assert docs["folder"].tolist() == [None, "sent.zip/tables", "sent.zip/tables"]
    assert docs["text"].tolist()[1:] == [record["正文"] for record in records[:2]]
    assert docs["outlet"].tolist() == ["团市委网站", None, None]


def test_a_zip_corpus_with_its_own_metadata(tmp_path):
    seed_files.write_zip(tmp_path / "c.zip", {"a.txt": "标题\n正文。".encode(), "metadata.csv": b"file,date\na.txt,2020-03-02\n"})
    assert cl.load_corpus(tmp_path / "c.zip").loc[0, "date"] == pd.Timestamp("2020-03-02")


@pytest.mark.parametrize("files,message", [
    (None, "not a readable ZIP archive"),
    ({"readme.doc": b"\xd0\xcf\x11\xe0"}, "no .txt, .md, .docx, .csv"),
])
def test_bad_archives_fail_in_one_line(tmp_path, files, message):
    path = tmp_path / "c.zip"
    if files is None:
        path.write_bytes(b"PK\x03\x04 broken")
    else:
        seed_files.write_zip(path, files)
    with pytest.raises(cl.CorpusError) as error:
        cl.load_corpus(path)
    assert message in str(error.value) and "\n" not in str(error.value)
