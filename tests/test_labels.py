"""Labels: every code the analyses produce has a Chinese-first label."""
from __future__ import annotations

import pandas as pd
import pytest

from corpus_lib import dates, labels
from corpus_lib.describe import genre
from corpus_lib.lexicons import institution_words


def test_every_genre_type_and_date_kind_has_a_label():
    assert set(labels.GENRE_LABEL) == set(genre.GENRES) == set(labels.GENRE_ZH)
    assert set(labels.TYPE_LABELS) == set(institution_words.TYPES)
    assert set(labels.DATE_KIND_LABEL) == set(dates.KINDS)
    assert labels.GENRE_LABEL["notice"] == "通知 notice" and labels.TYPE_LABELS["youth_league"] == "共青团"


@pytest.mark.parametrize("column, values, expected", [
    ("genre", ["speech", "notice"], "讲话 (speech)、通知 (notice)"),
    ("genre", "news", "新闻 (news)"),
    ("issuer", ["共青团中央"], "共青团中央"),
    ("doc_id", None, "其他文档 (all other documents)"),
])
def test_group_label(column, values, expected):
    assert labels.group_label(column, values) == expected


def test_document_labels_cut_long_titles():
    docs = pd.DataFrame({"doc_id": ["d01", "d02"], "title": ["关于做好疫情防控工作的通知", "短标题"]})
    assert labels.document_labels(docs, width=6) == {"d01": "d01 关于做好疫情…", "d02": "d02 短标题"}
