"""Tests for corpus_lib.textstats.themes. Expected values come from reading the seed text (line numbers
refer to ``cat -n seeds/000_1a50c47c6069e7e2.txt``) or from arithmetic shown in the comments."""
from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest

import corpus_lib as cl
from corpus_lib import resources, themes
from corpus_lib.errors import CorpusError
from corpus_lib.preprocessing.segmentation import is_term

CATEGORIES = ["疫情防控", "医疗救治", "复工复产与经济", "青年与共青团", "党的领导与组织", "宣传与舆论", "志愿服务", "民生保障"]


def mini_docs(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"m{i + 1}" for i in range(len(texts))], "text": list(texts),
                         "genre": ["speech"] + ["notice"] * (len(texts) - 1)})


# ---------------------------------------------------------------- term counts

def test_top_corpus_terms_are_clean_terms(seed_docs):
    top = themes.term_counts(seed_docs, by="all").head(20)["term"]
    stop = resources.stopwords()
    assert not [t for t in top if t in stop or not is_term(t) or t.isdigit()]
    assert "疫情防控" in set(top)  # 疫情防控 is one token (user dictionary), the most frequent theme word


@pytest.mark.parametrize("doc_id, term, expected", [
    ("d01", "90后", 2),        # line 1 (title) and line 3 (salutation)
    ("d01", "疫情防控", 3),     # line 4: 疫情防控斗争 / 疫情防控人员 / 疫情防控各条战线
    ("d02", "90后", 24),       # lines 9-61: 24 times, every one a whole token
    ("d03", "团组织", None),    # the speech never says 团组织 (line 111 has only 共青团)
])
def test_term_counts_by_reading(seed_docs, doc_id, term, expected):
    table = themes.term_counts(seed_docs)
    rows = table[(table["doc_id"] == doc_id) & (table["term"] == term)]
    assert (rows["count"].tolist() or [None]) == [expected]


def test_per_10k_is_per_filtered_token():
    # "青年，青年，抗疫。" -> filtered tokens 青年 青年 抗疫: 青年 = 2/3 of 10,000 = 6666.67
    table = themes.term_counts(mini_docs("青年，青年，抗疫。"))
    assert table.set_index("term").loc["青年", "per_10k"] == pytest.approx(6666.67)
    assert table["term"].tolist() == ["青年", "抗疫"]  # count descending


@pytest.mark.parametrize("boilerplate", [False, True])
def test_counts_equal_filter_tokens(seed_docs, boilerplate):
    counts = themes.document_counts(seed_docs, boilerplate=boilerplate)
    for doc_id, tokens in cl.segment_corpus(seed_docs).items():
        assert counts[doc_id] == Counter(cl.filter_tokens(tokens, boilerplate=boilerplate))


def test_boilerplate_switch_removes_boilerplate(seed_docs):
    with_list = set(themes.term_counts(seed_docs, by="all")["term"])
    without = set(themes.term_counts(seed_docs, by="all", boilerplate=True)["term"])
    assert {"工作", "加强", "落实"} <= with_list
    assert not {"工作", "加强", "落实"} & without


# ---------------------------------------------------------------- TF-IDF

def test_tfidf_formula_by_hand():
    # m1 = 青年 青年 抗疫, m2 = 抗疫; N = 2.
    # 青年 in m1: tf = 2/3, df = 1, idf = ln(3/2) + 1 = 1.405465 -> 0.936977
    # 抗疫 in m1: tf = 1/3, df = 2, idf = ln(3/3) + 1 = 1        -> 0.333333
    table = themes.tfidf_keywords(mini_docs("青年，青年，抗疫。", "抗疫。"))
    m1 = table[table["doc_id"] == "m1"]
    assert m1[["term", "score", "rank"]].values.tolist() == [["青年", 0.936977, 1], ["抗疫", 0.333333, 2]]


def test_tfidf_by_group_by_hand():
    # groups: g1 = m1 + m2 = 青年 青年 抗疫 抗疫, g2 = m3 = 抗疫 志愿; N = 2 groups.
    # 青年 in g1: tf = 2/4, df = 1, idf = ln(3/2) + 1 = 1.405465 -> 0.702733
    # 抗疫 in g1: tf = 2/4, df = 2, idf = 1 -> 0.5
    # 志愿 in g2: tf = 1/2, df = 1 -> 0.702733; 抗疫 in g2: 1/2 -> 0.5
    docs = mini_docs("青年，青年，抗疫。", "抗疫。", "抗疫，志愿。")
    groups = pd.Series({"m1": "g1", "m2": "g1", "m3": "g2"})
    table = themes.tfidf_keywords(docs, groups=groups)
    assert table[["doc_id", "term", "score", "rank"]].values.tolist() == [
        ["g1", "青年", 0.702733, 1], ["g1", "抗疫", 0.5, 2], ["g2", "志愿", 0.702733, 1], ["g2", "抗疫", 0.5, 2]]


def test_d02_keywords_include_90hou(seed_docs):
    d02 = themes.tfidf_keywords(seed_docs, top=10).query("doc_id == 'd02'")
    assert "90后" in d02["term"].tolist()
    assert d02["rank"].tolist() == list(range(1, 11))


def test_tfidf_ties_broken_by_term(seed_docs):
    table = themes.tfidf_keywords(seed_docs, top=50)
    ordered = table.sort_values(["doc_id", "score", "term"], ascending=[True, False, True])
    assert table.index.tolist() == ordered.index.tolist()


# ---------------------------------------------------------------- keyness

def test_g2_by_hand():
    # 青年: a = 10 of c = 100 target tokens, b = 2 of d = 100 reference tokens.
    # E1 = E2 = 100 * 12 / 200 = 6
    # G² = 2 * (10 ln(10/6) + 2 ln(2/6)) = 2 * (10 * 0.5108256 + 2 * (-1.0986123))
    #    = 2 * (5.108256 - 2.197225) = 2 * 2.911032 = 5.822063
    # log ratio = log2((10/100) / (2/100)) = log2(5) = 2.321928
    # p = erfc(sqrt(5.822063 / 2)) ≈ 0.0158 (between 0.05 at 3.84 and 0.01 at 6.63)
    table = themes.keyness(Counter({"青年": 10, "其他": 90}), Counter({"青年": 2, "其他": 98})).set_index("term")
    row = table.loc["青年"]
    assert row["g2"] == pytest.approx(5.822063, abs=1e-4)
    assert row["log_ratio"] == pytest.approx(2.321928, abs=1e-4)
    assert 0.01 < row["p_value"] < 0.05 and row["p_value"] == pytest.approx(math.erfc(math.sqrt(5.822063 / 2)), abs=1e-5)
    # the reference-favoured word gets a negative G² and direction "reference"
    assert table.loc["其他", "g2"] < 0 and table.loc["其他", "direction"] == "reference"


def test_keyness_accepts_token_lists_and_sorts():
    table = themes.keyness(["青年", "青年", "抗疫"], ["抗疫", "抗疫"])
    assert table["term"].tolist() == ["青年", "抗疫"]
    assert table["direction"].tolist() == ["target", "reference"]


@pytest.mark.parametrize("term, direction", [
    ("湖北", "target"),       # the speech names 湖北 21 times (lines 64-114); the notices never
    ("复工复产", "target"),
    ("团组织", "reference"),  # the Youth League notices: 团组织 throughout lines 145-195
    ("志愿服务", "reference"),
])
def test_speech_vs_notices(seed_docs, term, direction):
    table = themes.keyness_by(seed_docs, "genre", "speech", "notice").set_index("term")
    assert table.loc[term, "direction"] == direction
    assert table.loc[term, "p_value"] < 0.05


def test_keyness_by_needs_real_groups(seed_docs):
    with pytest.raises(CorpusError, match="no documents"):
        themes.keyness_by(seed_docs, "genre", "poem")
    with pytest.raises(CorpusError, match="overlap"):
        themes.keyness_by(seed_docs, "genre", ["speech", "news"], "news")


# ---------------------------------------------------------------- collocations

def test_collocations_llr(seed_docs):
    table = themes.collocations(seed_docs, top=10).set_index("collocation")
    # 经济社会发展 occurs 20 times in the text; it is the strongest pair of the corpus
    assert table.index[0] == "经济社会 发展" and table.loc["经济社会 发展", "count"] == 20


def test_collocations_pmi(seed_docs):
    table = themes.collocations(seed_docs, method="pmi", min_freq=3, top=500).set_index("collocation")
    assert table["count"].min() >= 3
    # 人民解放军 is always followed by 指战员 (lines 73, 83, 92): PMI = log2(3N / (3 * 3)) = log2(N / 3)
    pairs = sum(len(tokens) - 1 for tokens in cl.segment_corpus(seed_docs))
    assert table.loc["人民解放军 指战员", "score"] == pytest.approx(math.log2(pairs / 3), abs=1e-4)


def test_collocations_bad_method(seed_docs):
    with pytest.raises(CorpusError):
        themes.collocations(seed_docs, method="dice")


# ---------------------------------------------------------------- KWIC

@pytest.mark.parametrize("keyword, window, first_row", [
    ("90后", 4, ["d01", "队全体“", "90后", "”党员的"]),          # line 1
    ("习近平", 3, ["d01", "", "习近平", "总书记"]),                 # the text starts with it
    ("青春建功", 5, ["d07", "疫情防控，", "青春建功", "”的实际行"]),  # line 174
])
def test_kwic_rows(seed_docs, keyword, window, first_row):
    assert themes.kwic(seed_docs, keyword, window=window).iloc[0].tolist() == first_row


def test_kwic_matches_text_not_tokens(seed_docs):
    table = themes.kwic(seed_docs, "青年")
    # d01 (lines 4-5): 你们青年人 / 广大青年用行动 / 中国青年是 / 广大青年，致以 / 青年一代 / 广大青年不惧 = 6
    assert (table["doc_id"] == "d01").sum() == 6
    assert list(table.columns) == ["doc_id", "left", "keyword", "right"]


def test_kwic_shows_a_traditional_document_as_written(tmp_path):
    import corpus_lib as cl

    (tmp_path / "trad.txt").write_text("國務院聯防聯控機制發佈會上，團中央負責人介紹了情況。", encoding="utf-8")
    docs = cl.load_corpus(tmp_path / "trad.txt")
    for keyword in ("团中央", "團中央"):  # typed in either script
        assert themes.kwic(docs, keyword, window=4).iloc[0].tolist() == ["d01", "佈會上，", "團中央", "負責人介"]


# ---------------------------------------------------------------- theme lexicon

def test_lexicon_has_the_categories_and_no_duplicates():
    lexicon = themes.theme_lexicon()
    assert list(dict.fromkeys(c for c, _ in lexicon)) == CATEGORIES
    terms = [t for _, t in lexicon]
    assert len(terms) == len(set(terms))


def test_theme_shares_of_the_letter_by_hand(seed_docs):
    # d01 (lines 1-7), leftmost-longest: 党 = 习近平总书记, 党员 ×2, 习近平 = 4;
    # 医疗 = 援鄂医疗队 ×2, 救死扶伤 = 3; 疫情防控 ×3; 青年 = 90后 ×2, 青年 ×5, 青春 ×2, 青年一代 = 10. Total 20.
    shares = themes.theme_shares(seed_docs)
    d01 = shares[shares["doc_id"] == "d01"].set_index("category")
    assert d01["count"].to_dict() == {"疫情防控": 3, "医疗救治": 3, "复工复产与经济": 0, "青年与共青团": 10,
                                      "党的领导与组织": 4, "宣传与舆论": 0, "志愿服务": 0, "民生保障": 0}
    assert d01.loc["青年与共青团", "share"] == 0.5


def test_theme_shares_sum_to_one(seed_docs):
    totals = themes.theme_shares(seed_docs).groupby("doc_id")["share"].sum()
    assert totals.round(3).eq(1.0).all()


def test_theme_shares_without_hits():
    table = themes.theme_shares(mini_docs("公园里开满了花。"))
    assert table["share"].sum() == 0 and len(table) == len(CATEGORIES)
    assert table["count"].dtype.kind == "i"


# ---------------------------------------------------------------- co-occurrence

def test_cooccurrence_edges(seed_docs):
    edges = themes.cooccurrence(seed_docs, top=30, exclude=["疫情"])
    assert (edges["source"] < edges["target"]).all() and (edges["weight"] >= 2).all()
    assert "疫情" not in set(edges["source"]) | set(edges["target"])
    # 武汉 and 湖北 go together: "湖北和武汉" / "武汉和湖北" in at least ten sentences of the speech
    # (lines 75, 76 twice, 83, 87, 89, 93, 103, 110 ...), and in d04 line 127
    pair = edges[(edges["source"] == "武汉") & (edges["target"] == "湖北")]
    assert pair["weight"].item() >= 10
