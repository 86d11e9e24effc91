"""A generated documents table of any size (short texts built from six sentences), for views and charts at scale."""
from __future__ import annotations

import numpy as np
import pandas as pd


def corpus(n: int, *, dated: bool = True, span_days: int = 365) -> pd.DataFrame:
    rng = np.random.default_rng(n)
    days = pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, span_days, n), unit="D")
    words = ["青年志愿者走进社区。", "团委组织学生开展垃圾分类宣传。", "医院的90后护士坚守岗位。", "大学生返乡参与乡村振兴。",
             "浙江大学的00后学生走进杭州市第一人民医院。", "共青团中央发出通知。"]
    return pd.DataFrame({
        "doc_id": [f"d{i:03d}" for i in range(1, n + 1)],
        "title": [f"第{i}篇报道" for i in range(1, n + 1)],
        "genre": rng.choice(["news", "notice", "speech"], n),
        "issuer": rng.choice(["共青团浙江省委员会", None], n),
        "date": days if dated else pd.NaT,
        "text": ["".join(rng.choice(words, 6)) for _ in range(n)],
    }).assign(n_chars=lambda d: d["text"].str.len())
