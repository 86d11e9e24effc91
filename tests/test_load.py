"""Loading: the seed splits into its 7 documents, whatever the encoding; bad input fails in one line."""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

import corpus_lib as cl
from corpus_lib import clean, paths
from corpus_lib.describe import document, header
from corpus_lib.describe import genre as genres
from corpus_lib.io.split import split_documents
from metadata_cases import CASES, GENRE_SNIPPETS

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


def test_traditional_documents_are_found_and_read_in_simplified(tmp_path):
    (tmp_path / "a_trad.txt").write_text("青年們的選擇\n九零後青年說：我們會堅持。", encoding="utf-8")
    (tmp_path / "b_simp.txt").write_text("青年的选择\n九零后青年说：我们会坚持。", encoding="utf-8")
    docs = cl.load_corpus(tmp_path).set_index("source")
    trad, simp = docs.loc["a_trad.txt"], docs.loc["b_simp.txt"]
    assert (trad["script"], simp["script"]) == ("traditional", "simplified")
    assert trad["text"] == "青年们的选择\n九零后青年说：我们会坚持。" and trad["title"] == "青年们的选择"
    assert trad["original_text"] == "青年們的選擇\n九零後青年說：我們會堅持。"
    assert len(trad["original_text"]) == len(trad["text"])
    assert simp["original_text"] is simp["text"]  # nothing converted: one string, not two


def test_simplify_forces_the_simplified_view_and_keeps_the_script(tmp_path):
    # Too few traditional characters to call the text traditional; simplify=True converts it anyway.
    (tmp_path / "mixed.txt").write_text("香港青年在九龍社区参加志愿服务，为老人分装口罩和消毒液，帮助他们度过难关。", encoding="utf-8")
    assert "九龍" in cl.load_corpus(tmp_path / "mixed.txt").loc[0, "text"]
    forced = cl.load_corpus(tmp_path / "mixed.txt", simplify=True).loc[0]
    assert "九龙" in forced["text"] and "九龍" in forced["original_text"] and forced["script"] == "simplified"


def test_an_offset_in_text_points_at_the_same_words_in_original_text(tmp_path):
    (tmp_path / "trad.txt").write_text("國務院聯防聯控機制\n團中央負責人說，青年志願者已超過十萬人。", encoding="utf-8")
    row = cl.load_corpus(tmp_path / "trad.txt").loc[0]
    start = row["text"].index("团中央负责人")
    assert row["original_text"][start:start + 6] == "團中央負責人"


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
    (lambda tmp: (tmp / "sub").mkdir() or (tmp / "sub" / "x.dat").write_text("a,b") and tmp / "sub", "no .txt, .md, .docx, .csv"),
    (lambda tmp: (tmp / "x.csv").write_text("a,b\n1,2\n") and tmp / "x.csv", "x.csv: no text column among its columns a, b"),
    (lambda tmp: (tmp / "fake.docx").write_text("not a zip") and tmp / "fake.docx", "not a readable .docx"),
])
def test_bad_input_raises_one_clear_line(tmp_path, make, message):
    with pytest.raises(cl.CorpusError) as error:
        cl.load_corpus(make(tmp_path))
    assert message in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("value", ["2020-03-02", "2020/3/2", "2020.03.02", "2020年3月2日", "20200302",
                                   "2020-03-02 08:15", "2020-03-02T08:15:00"])
def test_metadata_dates_in_iso_and_chinese_forms(tmp_path, value):
    (tmp_path / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(f"file,date\na.txt,{value}\n", encoding="utf-8")
    assert cl.load_corpus(tmp_path).loc[0, "date"] == pd.Timestamp("2020-03-02")


def test_metadata_may_set_the_commentary_genre_and_no_unknown_one(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,genre\na.txt,commentary\n", encoding="utf-8")
    assert cl.load_corpus(tmp_path).loc[0, "genre"] == "commentary"
    (tmp_path / "metadata.csv").write_text("file,genre\na.txt,editorial\n", encoding="utf-8")
    with pytest.raises(cl.CorpusError, match="genre 'editorial' is not one of letter, speech, news, notice, commentary, other"):
        cl.load_corpus(tmp_path)


def test_metadata_with_unparseable_date_names_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,title,issuer,date,genre\na.txt,,,2020-13-45,\n", encoding="utf-8")
    with pytest.raises(cl.CorpusError, match=r"metadata\.csv: line 2: cannot parse date '2020-13-45'"):
        cl.load_corpus(tmp_path)


def test_metadata_columns_of_your_own_reach_the_documents_table_and_can_group(tmp_path):
    from corpus_lib.grouping import choose_grouping, document_groups

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\na.txt,中国青年报\nb.txt, 人民日报 \nc.txt,\n", encoding="utf-8")
    docs = cl.load_corpus(tmp_path).set_index("source")
    assert docs["outlet"].tolist() == ["中国青年报", "人民日报", None]
    assert choose_grouping(docs.reset_index(), "outlet") == "outlet"
    assert document_groups(docs.reset_index(), "outlet").tolist() == ["中国青年报", "人民日报", "（未署名）"]


def test_metadata_cannot_overwrite_a_computed_column(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,text\na.txt,别的正文\n", encoding="utf-8")
    with pytest.raises(cl.CorpusError, match=r"metadata\.csv: column 'text' is computed from the text"):
        cl.load_corpus(tmp_path)


def test_loading_never_writes_into_seeds():
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths.SEEDS_DIR.iterdir()}
    cl.load_corpus()
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths.SEEDS_DIR.iterdir()}
    assert before == after


# ---------------------------------------------------------------- documents that are not the seed

@pytest.fixture(scope="module")
def own_docs(tmp_path_factory):
    """The documents of tests/metadata_cases.py, one file each, loaded as one corpus."""
    folder = tmp_path_factory.mktemp("own")
    for name, text, *_ in CASES:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return cl.load_corpus(folder).set_index("source")


@pytest.mark.parametrize("name,text,genre,title,issuer,date", CASES, ids=[case[0] for case in CASES])
def test_metadata_of_documents_in_other_forms(own_docs, name, text, genre, title, issuer, date):
    row = own_docs.loc[f"{name}.txt"]
    assert row["genre"] == genre, row["genre_cues"]
    assert row["title"] == title
    assert (row["issuer"] if isinstance(row["issuer"], str) else None) == issuer
    assert (None if pd.isna(row["date"]) else row["date"].strftime("%Y-%m-%d")) == date


def test_own_cases_cover_every_genre_and_both_scripts(own_docs):
    assert len(CASES) >= 20
    assert set(own_docs["genre"]) == set(genres.GENRES)
    assert own_docs["script"].value_counts().to_dict() == {"simplified": 31, "traditional": 3}


@pytest.mark.parametrize("doc_id,cues", [
    ("d01", ["标题:回信 letter", "来信 letter"]),
    ("d02", ["副题:反响 news"]),
    ("d03", ["标题:讲话 speech", "同志们 speech"]),
    ("d06", ["通知如下 notice", "主送机关 notice", "落款机关 notice"]),
])
def test_genre_cues_say_why(seed_docs, doc_id, cues):
    """Each fired cue is listed as 'name genre+weight' with the weight data/genre_cues.csv gives it."""
    weights = {(cue.genre, cue.cue): cue.weight for cue in genres.genre_cues()}
    fired = seed_docs.set_index("doc_id").loc[doc_id, "genre_cues"].split("; ")
    for cue in cues:
        name, genre = cue.split(" ")
        weight = weights[genre, name]
        assert weight == 0 or f"{cue}+{weight:.1f}" in fired, (cue, fired)


@pytest.mark.parametrize("lines,genre", [(lines, genre) for lines, genre, _ in GENRE_SNIPPETS],
                         ids=[why for _, _, why in GENRE_SNIPPETS])
def test_genre_of_short_texts_written_for_the_cues(lines, genre):
    row = document.describe(lines)
    assert row["genre"] == genre, row["genre_cues"]


def test_a_notice_cue_does_not_outvote_stronger_news_evidence():
    genre, cues = genres.classify_genre(["某地青年志愿者——记某区青年突击队", "一、冲在前面", "二、守在一线"],
                                      title="某地青年志愿者——记某区青年突击队")
    assert genre == "news" and any(cue.startswith("编号要点 notice+") for cue in cues)  # news outweighs it, not other


@pytest.mark.parametrize("line,is_title", [
    ("第A02版:要 闻", False), ("中国青年报", False), ("人民日报 2020年02月21日 第04版", False),
    ("首页 > 新闻中心 > 团情快讯", False), ("【字体：大 中 小】", False), ("打印本页 关闭窗口", False),
    ("共青团某县委＞工作动态", False), ("学院首页 » 通知公告", False), ("某大学 > 学工在线", False),  # one separator
    ("时间:2020-03-02 08:15 来源：团市委", False), ("本报记者 张华 通讯员 李明", False),
    ("青年报国正当时", True), ("团市委开展“青春守护”志愿服务活动", True), ("第一书记的一天", True),
    ("【编者的话】", False), ("（资料图片）", False), ("图：志愿者在社区卡口值守", False), ("△ 志愿者在社区卡口值守", False),
    ("供稿丨校团委 文字丨张华 审校丨李明", False), ("某青在线", False), ("当前报章为 第20200301号", False),
    ("国内新闻", False), ("第12期", False), ("共青团工作简报", False), ("Friends, welcome to our page", False),
    ("想当消防员？这些考验你得扛住", True), ("青春不打烊｜在澳青年：珠澳穿梭变通途，融入带来大机遇", True),
    ("你们好！", False), ("从城市到乡村，从课堂到田间……", False),
])
def test_page_furniture_is_never_a_title(line, is_title):
    assert header.parse_header([line, "正文第一段。"])["title"] == (line if is_title else None)


@pytest.mark.parametrize("lines, title, date", [
    # a blog's English lines before the Chinese title; the posting date read from English
    (["Friends, welcome", "Posted in Speech on March 2, 2020 by admin", "某某在青年论坛上的致辞全文", "各位朋友："],
     "某某在青年论坛上的致辞全文", "2020-03-02"),
    # a 标题： line names the title, over a first line with the outlet's prefix
    (["某报：这名95后回到了家乡", "来源：某报 2022年7月6日", "标题：这名95后回到了家乡", "本报讯 她回到了家乡。"],
     "这名95后回到了家乡", "2022-07-06"),
    # an edition line, a section line, a headline broken after a number
    (["A03 2025年7月23日", "国内新闻", "2025年全国1.2万余名", "青年志愿者陆续出征", "新华社北京7月22日电 志愿者出征。"],
     "2025年全国1.2万余名青年志愿者陆续出征", "2025-07-23"),
    # a bulletin: masthead, issue, imprint with its date, then the item's headline
    (["工作简报", "第8期", "共青团某市委员会办公室编 2021年3月16日", "团市委启动青春助力行动", "3月11日，团市委启动行动。"],
     "团市委启动青春助力行动", "2021-03-16"),
    # a headline with its date after it on the same line
    (["某大学3000余名学生志愿者投身防疫 2022年04月16日", "本报讯 志愿者在核酸检测点服务。"],
     "某大学3000余名学生志愿者投身防疫", "2022-04-16"),
    # a headline broken after a comma, and an official title broken before its document type
    (["大雪中，", "全市团员青年请出列！", "全市各级团组织："], "大雪中，全市团员青年请出列！", None),
    (["某省人力资源社会保障厅 某省教育厅关于表彰", "先进集体和先进个人的决定", "各单位："],
     "某省人力资源社会保障厅 某省教育厅关于表彰先进集体和先进个人的决定", None),
    # a site's name over the headline; a 原标题： line when the page shows no headline of its own
    (["中国某某网", "青年志愿者在社区值守", "2020-03-02 来源：中国某某网", "正文。"], "青年志愿者在社区值守", "2020-03-02"),
    (["（张华 摄）", "原标题：青年志愿者在社区值守", "连日来，志愿者在社区值守。"], "青年志愿者在社区值守", None),
    # a lede in short lines is no headline
    (["从城市到乡村，", "从课堂到田间……", "青年们在基层扎根。"], None, None),
    # a speech's header run into one line: title (its short form repeated before it), date, speaker, salutation
    (["在某省青年代表大会上的讲话携手奋进新时代——在某省青年代表大会上的讲话（2021年5月4日）张华同志们，朋友们："
      "某省青年代表大会今天开幕了。我代表省委表示热烈祝贺！"],
     "携手奋进新时代——在某省青年代表大会上的讲话", "2021-05-04"),
    (["在某市志愿者表彰会上的致辞(2019年12月5日)李明各位志愿者：大家好！今天我们在这里表彰优秀志愿者。"],
     "在某市志愿者表彰会上的致辞", "2019-12-05"),
    # the headline the page states twice wins over a channel's name above it
    (["青春某某", "青年突击队奔赴抗疫一线", "发布时间：2020-03-02", "青年突击队奔赴抗疫一线", "3月1日，突击队出发。"],
     "青年突击队奔赴抗疫一线", "2020-03-02"),
    # a notice the page repeats down the body is boilerplate, not the headline
    (["青年突击队奔赴抗疫一线", "图片来自网络，侵删请联系", "3月1日，突击队出发。", "图片来自网络，侵删请联系"]
     + [f"第{n}支突击队到达。" for n in range(1, 12)] + ["图片来自网络，侵删请联系"], "青年突击队奔赴抗疫一线", None),
    # a document's type alone as its title, also under a site's name; a bulletin's masthead is not one
    (["倡议书", "全市广大团员青年：", "疫情就是命令。"], "倡议书", None),
    (["中国某某网", "通知", "各单位：", "请于3月5日前报送材料。"], "通知", None),
    (["简报", "第8期", "团市委启动青春助力行动", "3月11日，团市委启动行动。"], "团市委启动青春助力行动", None),
    # a page's <title> pasted as the first line: the site's and channels' names after a separator go
    (["青年志愿者走进社区 - 某某大学新闻网", "3月5日，志愿者走进社区。"], "青年志愿者走进社区", None),
    (["青年志愿者走进社区_新闻频道_中国某某网", "3月5日，志愿者走进社区。"], "青年志愿者走进社区", None),
    (["青年志愿者走进社区|某某在线", "3月5日，志愿者走进社区。"], "青年志愿者走进社区", None),
    # ... but not a part after a bar that names no site, or a title's last words that end like one
    (["毕业季到了｜一份来自母校的喜报", "3月5日，学校发来喜报。"], "毕业季到了｜一份来自母校的喜报", None),
    (["青年说说看｜我们身边的新闻", "3月5日，青年们说新闻。"], "青年说说看｜我们身边的新闻", None),
    (["共建青年城市|区政协调研团区委工作", "3月5日，区政协调研。"], "共建青年城市|区政协调研团区委工作", None),
    # a first sentence with a bracketed date is no run-on header
    (["今天下午（2020年2月24日），团市委召开视频会议，部署青年突击队工作。", "会议要求各级团组织行动起来。"], None, None),
])
def test_titles_and_dates_of_web_and_print_headers(lines, title, date):
    found = header.parse_header(lines)
    assert found["title"] == title
    stated = found["date"] or found["posted"]
    assert (stated.isoformat() if stated else None) == date


@pytest.mark.parametrize("lines, issuer", [
    (["标题", "2020-03-02 09:30 来源：某某日报 作者：张华", "正文。"], "某某日报"),
    (["标题", "来源： 发布时间：2020-05-27", "正文。"], None),                       # an empty 来源 is no issuer
    (["标题", "发布时间：2019-07-08 来源：网络", "某某网北京7月8日电 正文。"], "某某网"),  # 来源：网络 names no one
    (["标题", "新华社电 记者22日从团中央获悉，志愿者已出发。"], "新华社"),
    (["标题", "本报北京3月2日电 团中央近日发出通知。"], None),                      # 本报 is not named
    (["标题", "某某新闻网讯：3月2日，团市委召开会议。"], "某某新闻网"),
    (["标题", "正文。", "本文转自微信公众号“某某书店”，已获授权。"], "某某书店"),
    (["标题", "供稿丨校团委 文字丨张华", "近日，我校志愿者获评优秀。"], "校团委"),
    # a web dateline with the outlet after a separator
    (["标题", "更新: 2019-04-02 10:21:05 | 某某网", "正文。"], "某某网"),
    (["标题", "2021-06-01 08:15 丨某某新闻", "正文。"], "某某新闻"),
    (["标题", "时间：2020-03-02 09:30 | 浏览次数：120", "正文。"], None),            # a counter is no outlet
])
def test_the_outlet_a_story_names_is_its_issuer(lines, issuer):
    assert header.source_issuer(lines) == issuer


def test_a_site_after_the_title_is_the_issuer_when_nothing_else_names_one(tmp_path):
    import corpus_lib as cl

    (tmp_path / "a.txt").write_text("青年志愿者走进社区 - 某某大学新闻网\n3月5日，志愿者走进社区。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("青年志愿者走进社区 - 某某大学新闻网\n来源：校团委\n3月5日，志愿者走进社区。",
                                    encoding="utf-8")
    docs = cl.load_corpus(tmp_path).set_index("source")
    assert docs.loc["a.txt", "issuer"] == "某某大学新闻网" and docs.loc["a.txt", "title"] == "青年志愿者走进社区"
    assert docs.loc["b.txt", "issuer"] == "校团委"


def test_issuers_from_a_joint_signature_an_imprint_and_an_official_title(tmp_path):
    texts = {
        "joint.txt": "致全区志愿者的一封感谢信\n亲爱的志愿者：\n感谢你们。\n共青团某某区委员会\n某某区义工联合会\n2021年12月5日",
        "brief.txt": "工作简报\n第8期\n共青团某市委员会办公室编 2021年3月16日\n团市委启动青春助力行动\n3月11日，团市委启动行动。",
        "decision.txt": "某省人力资源社会保障厅 某省教育厅关于表彰\n先进集体和先进个人的决定\n各单位：\n现决定予以表彰。",
        "byline.txt": "某某新闻记者 张华\n2018-09-14 17:04\n他在城市长大，已学会适应陌生环境。",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    issuers = {source: issuer if isinstance(issuer, str) else None
               for source, issuer in cl.load_corpus(tmp_path).set_index("source")["issuer"].items()}
    assert issuers == {"joint.txt": "共青团某某区委员会 某某区义工联合会", "brief.txt": "共青团某市委员会办公室",
                       "decision.txt": "某省人力资源社会保障厅 某省教育厅", "byline.txt": None}


@pytest.mark.parametrize("line,issuer", [
    ("共青团上海市委员会", "共青团上海市委员会"), ("习近平", "习近平"), ("欧阳明", "欧阳明"), ("阿依古丽·买买提", "阿依古丽·买买提"),
    ("校长 李春华", "李春华"), ("中共中央办公厅 国务院办公厅", "中共中央办公厅 国务院办公厅"),
    ("让青春在一线绽放", None), ("请各单位认真落实", None), ("本报记者 张华", None), ("特此通知", None),
    ("2020年3月2日", None), ("大家好，今天开会。", None),
    ("某某新闻记者 廖某", None), ("星期三", None), ("地点丨某某森林消防总队", None),   # a byline, a weekday, a label
])
def test_an_issuer_is_an_organisation_or_a_person(line, issuer):
    assert header.issuer_name(line) == issuer


@pytest.mark.parametrize("row,message", [
    ("news,x,text,(,1,1,", "missing ), unterminated subpattern"),      # a bad regex
    ("news,x,body,本报讯,1,1,", "scope one of"),                        # no such scope
    ("news,x,text,\\d{1,2}月,1,1,", "put a pattern holding a comma in double quotes"),
])
def test_a_bad_genre_cue_file_fails_in_one_line(tmp_path, monkeypatch, row, message):
    (tmp_path / "genre_cues.csv").write_text(f"genre,cue,scope,pattern,weight,min_count,comment\n{row}\n", encoding="utf-8")
    monkeypatch.setenv("CORPUS_LIB_DATA", str(tmp_path))
    genres.genre_cues.cache_clear()
    try:
        with pytest.raises(cl.CorpusError, match="genre_cues.csv: cue ") as error:
            genres.genre_cues()
        assert message in str(error.value) and "\n" not in str(error.value)
    finally:
        monkeypatch.delenv("CORPUS_LIB_DATA")
        genres.genre_cues.cache_clear()


def test_a_table_title_column_loses_its_site_which_becomes_the_issuer(tmp_path):
    (tmp_path / "export.csv").write_text(
        "标题,正文,来源\n"
        "青年志愿者走进社区_新闻频道_中国某某网,3月5日，志愿者走进社区。,\n"
        "青年志愿者走进社区 - 某某大学新闻网,3月5日，志愿者走进社区。,校团委\n", encoding="utf-8")
    docs = cl.load_corpus(tmp_path / "export.csv").set_index("doc_id")
    assert docs.loc["d01", "title"] == "青年志愿者走进社区" and docs.loc["d01", "issuer"] == "中国某某网"
    assert docs.loc["d02", "title"] == "青年志愿者走进社区" and docs.loc["d02", "issuer"] == "校团委"  # the column wins
