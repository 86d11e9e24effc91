"""corpus_lib.extract.dates: every expected value below was worked out by reading the seed corpus and a calendar."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from corpus_lib import dates
from corpus_lib.app import cli
from corpus_lib.extract import date_lines

# (text, base date, [(surface, date, granularity, kind), ...])
EXTRACT_CASES = [
    # full dates, Arabic and Chinese numerals
    ("习近平\n2020年3月15日", None, [("2020年3月15日", "2020-03-15", "day", "explicit")]),
    ("二〇二〇年三月十五日", None, [("二〇二〇年三月十五日", "2020-03-15", "day", "explicit")]),
    ("二〇一九年十二月三十一日发布", None, [("二〇一九年十二月三十一日", "2019-12-31", "day", "explicit")]),
    ("数据截至2020-02-24。", None, [("2020-02-24", "2020-02-24", "day", "explicit")]),
    # month-day: the year is the occurrence nearest the document date
    ("3月15日，习近平总书记给北京大学援鄂医疗队全体90后党员的回信", date(2020, 3, 15),
     [("3月15日", "2020-03-15", "day", "year-inferred")]),
    ("1月7日，我主持召开中央政治局常委会会议时", date(2020, 2, 23), [("1月7日", "2020-01-07", "day", "year-inferred")]),
    ("请于1月5日前报送材料。", date(2020, 12, 20), [("1月5日", "2021-01-05", "day", "year-inferred")]),  # January in December
    ("12月28日，我们召开了会议。", date(2021, 1, 10), [("12月28日", "2020-12-28", "day", "year-inferred")]),  # and the reverse
    ("三月十五日", date(2020, 3, 20), [("三月十五日", "2020-03-15", "day", "year-inferred")]),
    # month and year level
    ("2018年1月我在学习贯彻党的十九大精神专题研讨班开班式上列举了8个方面16个具体风险", date(2020, 2, 23),
     [("2018年1月", "2018-01", "month", "explicit")]),
    ("今年3月", date(2020, 1, 31), [("今年3月", "2020-03", "month", "relative")]),
    ("去年12月以来", date(2020, 1, 31), [("去年12月", "2019-12", "month", "relative")]),
    ("明年1月15日起施行", date(2020, 6, 1), [("明年1月15日", "2021-01-15", "day", "relative")]),
    ("2019年是新中国成立70周年", None, [("2019年", "2019", "year", "explicit")]),
    # a relative day with a bracketed date: the bracket wins
    ("电视电话会议新闻通稿今天下午（2月24日）举行", date(2020, 3, 1),
     [("今天下午（2月24日）", "2020-02-24", "day", "relative")]),
    ("领导小组今天上午（3月19日）举行扩大会议", date(2020, 3, 19), [("今天上午（3月19日）", "2020-03-19", "day", "relative")]),
    # a weekday in brackets never moves the date (JioNLP read this one as 15 February)
    ("其中已组建的于2月6日（星期四）前报我处", date(2020, 2, 4), [("2月6日（星期四）", "2020-02-06", "day", "year-inferred")]),
    # lunar holidays: 除夕 belongs to the lunar year that is ending (JioNLP put it a year late)
    ("刘刚健从除夕夜就坚守疫情防控一线", date(2020, 3, 15), [("除夕夜", "2020-01-24", "day", "lunar-holiday")]),
    ("除夕", date(2020, 1, 20), [("除夕", "2020-01-24", "day", "lunar-holiday")]),     # just before New Year
    ("除夕", date(2020, 2, 10), [("除夕", "2020-01-24", "day", "lunar-holiday")]),     # just after it
    ("除夕", date(2021, 1, 20), [("除夕", "2021-02-11", "day", "lunar-holiday")]),
    ("除夕", date(2020, 12, 31), [("除夕", "2021-02-11", "day", "lunar-holiday")]),    # the coming one is nearer
    ("今年除夕", date(2020, 12, 31), [("今年除夕", "2020-01-24", "day", "lunar-holiday")]),
    ("大年初一，我主持召开中央政治局常委会会议", date(2020, 2, 23), [("大年初一", "2020-01-25", "day", "lunar-holiday")]),
    ("正月初十", date(2020, 2, 23), [("正月初十", "2020-02-03", "day", "lunar-holiday")]),
    ("元宵节", date(2020, 2, 1), [("元宵节", "2020-02-08", "day", "lunar-holiday")]),
    ("春节", date(2021, 1, 1), [("春节", "2021-02-12", "day", "lunar-holiday")]),
    ("中秋节", date(2020, 9, 1), [("中秋节", "2020-10-01", "day", "lunar-holiday")]),
    # solar festivals
    ("今年“五四”前后，各级团组织可对在疫情防控斗争中涌现出的先进典型进行专项表彰", date(2020, 1, 31),
     [("今年“五四”", "2020-05-04", "day", "festival")]),
    ("五四青年节", date(2020, 1, 31), [("五四青年节", "2020-05-04", "day", "festival")]),
    ("去年国庆节", date(2020, 3, 1), [("去年国庆节", "2019-10-01", "day", "festival")]),
    ("元旦", date(2020, 12, 20), [("元旦", "2021-01-01", "day", "festival")]),
    ("清明节", date(2020, 3, 1), [("清明节", "2020-04-04", "day", "festival")]),
    ("清明节", date(2021, 3, 1), [("清明节", "2021-04-04", "day", "festival")]),
    ("清明节", date(2019, 3, 1), [("清明节", "2019-04-05", "day", "festival")]),
    ("八一建军节", date(2020, 6, 10), [("八一建军节", "2020-08-01", "day", "festival")]),
    # web and newspaper datelines: ISO forms, after a label, before a time
    ("时间:2020-03-02 08:15", None, [("2020-03-02", "2020-03-02", "day", "explicit")]),
    ("发布时间：2020-03-02", None, [("2020-03-02", "2020-03-02", "day", "explicit")]),
    ("2020-03-02 08:15:30", None, [("2020-03-02", "2020-03-02", "day", "explicit")]),
    ("2020/3/2", None, [("2020/3/2", "2020-03-02", "day", "explicit")]),
    ("2020.03.02", None, [("2020.03.02", "2020-03-02", "day", "explicit")]),
    ("2020年03月02日 08:15", None, [("2020年03月02日", "2020-03-02", "day", "explicit")]),
    ("来源：某市日报 2020-03-02", None, [("2020-03-02", "2020-03-02", "day", "explicit")]),
    ("来源：团市委2020/03/02", None, [("2020/03/02", "2020-03-02", "day", "explicit")]),
    ("截至2020.3.1，全市已有500人报名。", None, [("2020.3.1", "2020-03-01", "day", "explicit")]),
    # no base date: a year-less date is kept, but undated (and flagged)
    ("3月15日", pd.NaT, [("3月15日", None, "day", "year-inferred")]),
    # a range of days: both ends are dates
    ("5月8日至9日，某学院举办线上双选会。", date(2020, 5, 12),
     [("5月8日", "2020-05-08", "day", "year-inferred"), ("9日", "2020-05-09", "day", "year-inferred")]),
    ("培训于6月3日—5日在线上进行", date(2020, 6, 10),
     [("6月3日", "2020-06-03", "day", "year-inferred"), ("5日", "2020-06-05", "day", "year-inferred")]),
    ("6月3日到4日，志愿者分两批上岗。", date(2020, 6, 10),
     [("6月3日", "2020-06-03", "day", "year-inferred"), ("4日", "2020-06-04", "day", "year-inferred")]),
    ("比赛7月30日至8月1日举行", date(2020, 7, 1),
     [("7月30日", "2020-07-30", "day", "year-inferred"), ("8月1日", "2020-08-01", "day", "year-inferred")]),
    ("2019年12月30日至1月2日，团员们轮流值班", None,
     [("2019年12月30日", "2019-12-30", "day", "explicit"), ("1月2日", "2020-01-02", "day", "explicit")]),
    ("3月10—12日，团区委举办培训班", date(2020, 3, 20),
     [("3月10", "2020-03-10", "day", "year-inferred"), ("12日", "2020-03-12", "day", "year-inferred")]),
    # a range without a month: the month of the text's previous date
    ("9月1日开学，3日至4日补课。", date(2020, 9, 10),
     [("9月1日", "2020-09-01", "day", "year-inferred"), ("3日", "2020-09-03", "day", "year-inferred"),
      ("4日", "2020-09-04", "day", "year-inferred")]),
    # or, when the text names none, the month of the document's date (noted)
    ("15日至16日，团市委组织青年志愿者进社区。", date(2020, 3, 20),
     [("15日", "2020-03-15", "day", "year-inferred"), ("16日", "2020-03-16", "day", "year-inferred")]),
    # ○ (a white circle) typed for 〇
    ("某中学政教处\n二○一二年四月十日", None, [("二○一二年四月十日", "2012-04-10", "day", "explicit")]),
    # an English date on a bilingual page
    ("Posted in News on January 16, 2011 by editor", None, [("January 16, 2011", "2011-01-16", "day", "explicit")]),
    ("Updated 3 Sept 2019", None, [("3 Sept 2019", "2019-09-03", "day", "explicit")]),
    # a day of the document's month, or of the month before or after it
    ("本月1日起施行。", date(2021, 6, 15), [("本月1日", "2021-06-01", "day", "relative")]),
    ("上月28日，他出发了。", date(2021, 1, 10), [("上月28日", "2020-12-28", "day", "relative")]),
    ("下个月3日开学。", date(2021, 6, 15), [("下个月3日", "2021-07-03", "day", "relative")]),
    # an event named by its date, with its year before it; without the year it names no day
    ("2008年的“5·12”特大地震后，他报名当了志愿者。", date(2018, 6, 1), [("2008年的“5·12”", "2008-05-12", "day", "explicit")]),
    ("纪念“5·12”地震十周年。增长1·5倍。", date(2018, 6, 1), []),
    # a holiday with its year written before it: the one in that calendar year
    ("在2018年的春节前夕，他给家乡写信。", date(2021, 5, 1), [("2018年的春节", "2018-02-16", "day", "lunar-holiday")]),
    ("2019年国庆，志愿者上岗。", None, [("2019年国庆", "2019-10-01", "day", "festival")]),
    # 这一年的 / 同年 points back at the year just named, not at the document's date
    ("故事要从2013年说起。这一年的11月3日，专家组来到村里。", date(2020, 6, 23),
     [("2013年", "2013", "year", "explicit"), ("11月3日", "2013-11-03", "day", "year-inferred")]),
    ("他2016年入伍，同年9月5日赴边疆。", None,
     [("2016年", "2016", "year", "explicit"), ("9月5日", "2016-09-05", "day", "year-inferred")]),
    # a day without its month where news writes one: the previous date's month ...
    ("首批队员已于1月28日出发，29日凌晨抵达。", date(2020, 2, 10),
     [("1月28日", "2020-01-28", "day", "year-inferred"), ("29日", "2020-01-29", "day", "year-inferred")]),
    # ... else the document date's month, or the one before when the day is later than the document's
    ("记者22日从团省委获悉，志愿者已全部出发。", date(2025, 7, 24), [("22日", "2025-07-22", "day", "year-inferred")]),
    ("新华社北京28日电 团中央近日发出通知。", date(2020, 4, 3), [("28日", "2020-03-28", "day", "year-inferred")]),
    # a weekday before a bracketed day decides the month
    ("青年商会周二（21日）举行交流会。", date(2025, 10, 22), [("周二（21日）", "2025-10-21", "day", "relative")]),
    ("论坛周六（29日）开幕。", date(2020, 3, 2), [("周六（29日）", "2020-02-29", "day", "relative")]),
]


@pytest.mark.parametrize("text, base, expected", EXTRACT_CASES)
def test_extract_dates(text, base, expected):
    table = dates.extract_dates(text, base_date=base)
    assert list(table[["surface", "date", "granularity", "date_kind"]].itertuples(index=False, name=None)) == expected
    for row in table.itertuples():
        assert text[row.start:row.end] == row.surface


NOT_DATES = [
    "要依托网络信息平台、12355热线等开展线上志愿服务",
    "东北大学外国语学院2019级研究生孙玥表示",
    "武汉大学电气与自动化学院2017级年级团总支书记朱可馨说",
    "第21届研究生支教团成员、北京化工大学学生孙铭泽表示",
    "在4.2万余名驰援湖北的医护人员中，有1.2万多名是90后",
    "在岗坚守40余天，有时一天要值守15个小时",
    "最后，我给今天参加会议的同志们提3点要求。",
    "沪团委发〔2020〕15号",
    "已在华中科技大学同济医学院附属同济医院重症ICU工作1个多月",
    "现在，全国有1396个县（区）无确诊病例（占46%）",
    "青年团员占了救治队伍的83％",
    "组织29个省区市和新疆生产建设兵团、军队等调派330多支医疗队、41600多名医护人员驰援",
    "发扬五四精神",          # 五四 alone: the movement, not the day
    "营造风清气正、政治清明的环境",
    "初一学生",
    "2月30日",               # no such day
    # numbers that look like ISO dates but are not
    "请把客户端升级到v2020.3.1版本",       # a version number
    "服务器地址为192.168.20.20",          # an IP address
    "2020.3.1.5版已发布",                 # four parts: a version
    "编号12020-3-1的材料",                # a longer digit run
    "会议于08:30开始，10:15结束",          # times alone
    "报名人数达1.2万，增长20.5%",           # decimals
    "咨询电话：0571-2020-1234",            # a phone number
    "10:2020-3-1",                        # a time run into digits
    "材料需在3至5日内报送",                 # a count of days, not a range
    "每月1日至5日报送一次数据",              # a monthly window
    "工期约为10-15日左右",
    "每月15日上午开放",                      # a monthly day, not a date
    "第3日晚上返回营地",                      # the third day of something
    "连续5日下午加班",
    "当年的情景历历在目",                    # 当年 with no date after it
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert dates.extract_dates(text, base_date=date(2020, 2, 23)).empty


@pytest.mark.parametrize("text, base, flagged", [
    ("其中已组建的于2月6日（星期四）前报我处", date(2020, 2, 4), False),
    ("于2月7日（星期四）前报我处", date(2020, 2, 4), True),
    ("2020年3月15日（星期日）", None, False),
    ("2020年3月15日（周一）", None, True),
])
def test_weekday_mismatch_is_flagged_not_fixed(text, base, flagged):
    row = dates.extract_dates(text, base_date=base).iloc[0]
    assert bool(row["weekday_mismatch"]) is flagged
    assert ("星期不符" in row["note"]) is flagged
    assert row["date"] == ("2020-02-07" if "2月7日" in text else "2020-02-06" if "2月6日" in text else "2020-03-15")


@pytest.mark.parametrize("text, expected", [("二〇二〇", 2020), ("二十四", 24), ("十五", 15), ("三十一", 31),
                                            ("十", 10), ("九", 9), ("03", 3)])
def test_cn_number(text, expected):
    assert dates.cn_number(text) == expected


# ---------------------------------------------------------------- the seed corpus

# Read off the corpus: every date mention, each document's own dateline included.
SEED_MENTIONS = [
    ("d01", "2020年3月15日", "2020-03-15", "explicit"),
    ("d02", "3月15日", "2020-03-15", "year-inferred"),
    ("d02", "除夕夜", "2020-01-24", "lunar-holiday"),
    ("d03", "2020年2月23日", "2020-02-23", "explicit"),
    ("d03", "1月7日", "2020-01-07", "year-inferred"),
    ("d03", "1月20日", "2020-01-20", "year-inferred"),
    ("d03", "大年初一", "2020-01-25", "lunar-holiday"),
    ("d03", "2月10日", "2020-02-10", "year-inferred"),
    ("d03", "1月22日", "2020-01-22", "year-inferred"),
    ("d03", "春节", "2020-01-25", "lunar-holiday"),     # 春节返乡高峰
    ("d03", "春节", "2020-01-25", "lunar-holiday"),     # 延长春节假期
    ("d03", "2月12日", "2020-02-12", "year-inferred"),
    ("d03", "2018年1月", "2018-01", "explicit"),
    ("d04", "今天下午（2月24日）", "2020-02-24", "relative"),
    ("d05", "2020年3月19日", "2020-03-19", "explicit"),
    ("d05", "今天上午（3月19日）", "2020-03-19", "relative"),
    ("d06", "今年“五四”", "2020-05-04", "festival"),
    ("d06", "2020年1月31日", "2020-01-31", "explicit"),
    ("d07", "2月6日（星期四）", "2020-02-06", "year-inferred"),
    ("d07", "2020年2月4日", "2020-02-04", "explicit"),
]


def test_seed_mentions(seed_docs):
    table = dates.date_mentions(seed_docs)
    assert list(table[["doc_id", "surface", "date", "date_kind"]].itertuples(index=False, name=None)) == SEED_MENTIONS
    assert table["weekday_mismatch"].sum() == 0  # 6 February 2020 was a Thursday


def test_seed_datelines(seed_docs):
    table = dates.date_mentions(seed_docs)
    datelines = table[table["role"] == "dateline"]
    assert datelines[["doc_id", "date"]].values.tolist() == [
        ["d01", "2020-03-15"], ["d03", "2020-02-23"], ["d05", "2020-03-19"], ["d06", "2020-01-31"], ["d07", "2020-02-04"]]


@pytest.mark.parametrize("doc_id, day, source", [
    ("d01", "2020-03-15", "explicit"), ("d02", "2020-03-15", "inferred"), ("d03", "2020-02-23", "explicit"),
    ("d04", "2020-02-24", "inferred"), ("d05", "2020-03-19", "explicit"), ("d06", "2020-01-31", "explicit"),
    ("d07", "2020-02-04", "explicit"),
])
def test_document_dates(seed_docs, doc_id, day, source):
    row = dates.document_dates(seed_docs).set_index("doc_id").loc[doc_id]
    assert (row["date"], row["date_source"]) == (day, source)


def test_date_records(seed_docs):
    records = cli.dates_table(seed_docs, None)
    assert list(records.columns) == ["doc_id", "surface", "date", "granularity", "date_kind"]
    assert len(records) == len(SEED_MENTIONS)


def test_event_timeline_leaves_out_datelines(seed_docs):
    events = dates.event_timeline(dates.date_mentions(seed_docs))
    assert events["date"].tolist() == sorted(events["date"])
    assert events["date"].iloc[0] == "2020-01-07" and events["date"].iloc[-1] == "2020-05-04"
    assert len(events) == 14
    assert events["label"].iloc[0] == "1月7日 我主持召开中央政治局常委会会议时〔d03〕"


@pytest.mark.parametrize("text, year, expected", [
    ("1月7日，我主持召开会议。大年初一，我主持召开会议。", 2020, [date(2020, 1, 7), date(2020, 1, 25)]),
    ("今年“五四”前后进行专项表彰", 2020, []),   # a plan, not a past day: left out of the dating rule
    ("3月15日", None, []),
    ("3月2日，团委发出通知，请于4月10日前报送材料，评审将于4月20日举行。", 2020, [date(2020, 3, 2)]),  # plans left out
    ("截至3月3日，已有20万人报名。", 2020, [date(2020, 3, 3)]),  # 截至 looks back
    ("4月8日至10日，团县委举办培训班。", 2020, [date(2020, 4, 8), date(2020, 4, 10)]),  # both ends of a range
    ("8日至10日，团县委举办培训班。", 2020, []),   # the month would come from the document's date: not evidence for it
])
def test_day_mentions(text, year, expected):
    assert dates.day_mentions(text, year=year) == expected


def test_a_month_taken_from_the_document_date_says_so():
    table = dates.extract_dates("15日至16日，团市委组织青年志愿者进社区。", base_date=date(2020, 3, 20))
    assert table["note"].tolist() == [dates.MONTH_FROM_BASE_NOTE] * 2
    assert dates.extract_dates("3月14日报名，15日至16日进社区。", base_date=date(2020, 3, 20))["note"].tolist() == [""] * 3


@pytest.mark.parametrize("line, expected", [
    ("（2020年2月23日）", date(2020, 2, 23)), ("2020年3月15日", date(2020, 3, 15)), ("今天下午（2月24日）举行", None),
    ("2020年3月2日 星期一", date(2020, 3, 2)), ("2020-03-02 08:15:30", date(2020, 3, 2)), ("2020/3/2", date(2020, 3, 2)),
    ("2020.04.20", date(2020, 4, 20)), ("2020年03月02日 08:15", date(2020, 3, 2)), ("08:15", None),
    ("2020年3月2日，团市委召开会议。", None), ("时间:2020-03-02", None),   # a label makes it a metadata line
])
def test_parse_date_line(line, expected):
    assert date_lines.parse_date_line(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("时间:2020-03-02 08:15", date(2020, 3, 2)),
    ("发布时间：2020-03-02", date(2020, 3, 2)),
    ("来源：某市日报 2020-03-02", date(2020, 3, 2)),
    ("时间：2020年03月02日 来源：中国青年网 作者：张华", date(2020, 3, 2)),
    ("发布日期：2020/3/2 浏览次数：120", date(2020, 3, 2)),
    ("来源：共青团某市委员会", None),                       # a metadata line without a date
    ("2020年3月2日，发布时间：待定。", None),                # a sentence, not a metadata line
])
def test_meta_line_date(line, expected):
    assert date_lines.meta_line_date(line) == expected


def test_metadata_lines_are_datelines_not_events():
    table = dates.extract_dates("标题\n时间:2020-03-02 08:15 来源：团市委\n3月1日，团市委召开会议。", base_date=date(2020, 3, 2))
    assert table[["surface", "role"]].values.tolist() == [["2020-03-02", "dateline"], ["3月1日", "mention"]]


@pytest.mark.parametrize("text, year, expected", [
    ("新华社北京3月4日电（记者 陈静）团中央近日印发通知。", 2020, (date(2020, 3, 4), False)),
    ("本报上海2020年3月4日讯 团市委近日启动。", None, (date(2020, 3, 4), True)),
    ("全市2月24日电视电话会议召开。", 2020, (None, False)),    # 电视, not a dispatch
    ("新华社北京3月4日电", None, (None, False)),                # no year to give it
])
def test_dispatch_date(text, year, expected):
    assert date_lines.dispatch_date(text, year=year) == expected


def test_relative_day_date():
    assert date_lines.relative_day_date("会议今天下午（2月24日）举行。", year=2020) == (date(2020, 2, 24), False)
    assert date_lines.relative_day_date("会议今天下午（2020年2月24日）举行。", year=None) == (date(2020, 2, 24), True)


# ---------------------------------------------------------------- years across the corpus

SIGNED = "关于开展志愿服务的通知\n各单位：\n请认真落实。\n共青团某市委员会\n{}年3月2日"
UNDATED = "团县委召开全体会议\n4月8日，团县委召开全体会议，部署志愿服务工作。"


def _load(folder, texts):
    import corpus_lib as cl

    for number, text in enumerate(texts):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    docs = cl.load_corpus(folder)
    return docs, dates.date_mentions(docs)


def test_an_undated_document_takes_the_year_its_corpus_shares(tmp_path):
    docs, mentions = _load(tmp_path, [SIGNED.format(2020)] * 3 + [UNDATED])
    assert (docs.loc[3, "date"], docs.loc[3, "date_source"]) == (pd.Timestamp("2020-04-08"), "inferred")
    assert mentions[mentions["doc_id"] == "d04"]["date"].tolist() == ["2020-04-08"]


def test_in_a_corpus_of_several_years_a_month_day_without_a_year_stays_undated(tmp_path):
    docs, mentions = _load(tmp_path, [SIGNED.format(year) for year in (2016, 2019, 2022)] + [UNDATED])
    assert pd.isna(docs.loc[3, "date"]) and docs.loc[3, "date_source"] == "none"
    row = mentions[mentions["doc_id"] == "d04"].iloc[0]
    assert (row["surface"], row["note"]) == ("4月8日", dates.NO_BASE_NOTE) and pd.isna(row["date"])


def test_a_year_the_text_writes_dates_the_document_in_any_corpus(tmp_path):
    own = UNDATED + "\n2021年4月7日，各乡镇团委已完成报名。"       # a full date: its year, and the day itself
    written = UNDATED + "\n2021年，全县团员青年参与志愿服务1.2万人次。"  # a year of its events
    born = UNDATED + "\n书记出生于1996年，2003年创办的协会由他负责。"    # a birth year and a founding year say nothing
    docs, mentions = _load(tmp_path, [SIGNED.format(year) for year in (2016, 2019, 2022)] + [own, written, born])
    assert docs.loc[3:, "date"].tolist()[:2] == [pd.Timestamp("2021-04-08")] * 2 and pd.isna(docs.loc[5, "date"])
    assert docs.loc[4, "date_note"] == "不早于文中最晚日期 not before the latest date mentioned"
    assert mentions[mentions["doc_id"] == "d04"]["date"].tolist() == ["2021-04-08", "2021-04-07"]
    assert mentions[mentions["doc_id"] == "d05"]["date"].tolist() == ["2021-04-08", "2021"]


def test_a_signature_dates_the_document_before_a_posting_time_under_the_title(tmp_path):
    letter = "致全区志愿者的一封感谢信\n2021-12-06 14:00\n亲爱的志愿者：\n感谢你们的付出。\n某区义工联合会\n2021年12月5日"
    docs, _ = _load(tmp_path, [letter])
    assert docs.loc[0, "date"] == pd.Timestamp("2021-12-05")


def test_a_year_the_corpus_shares_outranks_a_year_gone_by_in_a_profile(tmp_path):
    profile = UNDATED + "\n他2016年从大学毕业，在城里工作了三年，去年回到家乡。"
    docs, _ = _load(tmp_path, [SIGNED.format(2020)] * 3 + [profile])
    assert docs.loc[3, "date"] == pd.Timestamp("2020-04-08")


@pytest.mark.parametrize("text, day", [
    ("农历新年当天，他仍在岗位上。", "2020-01-25"),        # 2020's Spring Festival, nearest the base date
    ("2018年的新春佳节，他在岗位上度过。", "2018-02-16"),   # the one in the year named
    ("今年过年，他没有回家。", "2020-01-25"),
])
def test_other_names_of_the_spring_festival(text, day):
    found = dates.extract_dates(text, base_date=date(2020, 3, 1))
    assert found["date"].tolist() == [day]


def test_bare_new_year_words_are_no_dates():
    assert dates.extract_dates("新春座谈会上，他发言。过年的气氛很浓。", base_date=date(2020, 3, 1)).empty
