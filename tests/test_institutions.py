"""Institutions: full names, aliases, departments, types and provinces, checked against the seed text."""
from __future__ import annotations

import io
import warnings

import pytest

from corpus_lib import cli, plots
from corpus_lib import institutions as inst

# Every named body in d02 (the news story), read line by line: (line of the seed file, name as written).
# Departments and teams are listed on their own (电气与自动化学院 after 武汉大学), as the extractor returns them.
D02_GOLD = [
    (10, "北京大学"), (10, "援鄂医疗队"), (12, "北京大学"), (12, "援鄂医疗队"),
    (15, "武汉大学"), (15, "电气与自动化学院"), (15, "年级团总支"),
    (16, "河北省邯郸市邯山区河沙镇镇裴庄村"), (16, "党支部"),
    (17, "山西医科大学第一医院"), (17, "感染病科"), (17, "青年突击队"), (17, "山西医科大学第一医院"),
    (17, "第一批支援湖北医疗队"),
    (18, "东南大学"), (18, "医学院"), (20, "东北大学"), (20, "外国语学院"),
    (21, "广州市第八人民医院"), (21, "团委"), (21, "广州市第八人民医院"),
    (22, "南京医科大学"), (22, "基础医学院"), (23, "重庆工商大学"), (24, "大连理工大学附属高级中学"),
    (27, "广州医科大学附属第一医院"), (29, "山西黄河中药有限公司"),
    (31, "中央民族大学"), (31, "新闻与传播学院"),
    (32, "杭州市支援武汉医疗队"), (32, "杭州市肿瘤医院"), (32, "重症监护室"),
    (33, "云南中医药大学"), (33, "学生会"), (36, "团武汉市委"),
    (37, "武汉理工大学"), (37, "团委"), (37, "校团委"),
    (38, "北京大学"), (38, "医学部"), (38, "团委"), (39, "云南省昆明市五华区疾控中心"),
    (40, "团安徽省宿州市委"), (40, "宣传部"), (41, "团沈阳市委"), (41, "宣传部"),
    (42, "昆明第二十四中学"), (42, "团委"), (42, "昆明第八中学"), (42, "团委"),
    (43, "团银川市金凤区委"), (44, "昆明五华区社区疫情防控青年突击队"),
    (47, "第21届研究生支教团"), (47, "北京化工大学"), (48, "航空工业沈阳飞机工业（集团）有限公司"),
    (50, "中国地质大学（北京）"), (50, "北京市夕阳再晨公益组织"), (51, "复旦大学附属儿科医院"),
    (52, "上海交通大学"), (52, "团委"), (52, "上海交大"), (53, "重庆大学"),
    (54, "兰州大学"), (54, "大气科学学院"), (55, "宁夏首批援助湖北医疗队"), (58, "湖北工业大学"),
    (59, "复旦大学附属华山医院"), (59, "肾内科"), (59, "华山医院"), (59, "援鄂医疗队"),
    (59, "华中科技大学同济医学院附属同济医院"), (60, "杭州铁路站团委"), (61, "团新疆阿克苏柯坪县委"),
]


def rows(text, **options):
    return inst.extract_institutions(text, **options)


@pytest.mark.parametrize("sentence, name, kind, province", [
    ("樊静妤是山西医科大学第一医院感染病科青年突击队队员", "山西医科大学第一医院", "hospital", "山西"),
    ("大连理工大学附属高级中学李嘉蓉说", "大连理工大学附属高级中学", "school", "辽宁"),
    ("航空工业沈阳飞机工业（集团）有限公司钳工华成祥说", "航空工业沈阳飞机工业（集团）有限公司", "company", "辽宁"),
    ("疫情期间坚守岗位的团安徽省宿州市委宣传部部长张雨雁说", "团安徽省宿州市委", "youth_league", "安徽"),
    ("中国地质大学（北京）信息管理与信息系统专业的张雅涵", "中国地质大学（北京）", "university", "北京"),
    ("已在华中科技大学同济医学院附属同济医院重症ICU工作1个多月", "华中科技大学同济医学院附属同济医院", "hospital", "湖北"),
    ("90后青年、山西黄河中药有限公司负责人杨履世", "山西黄河中药有限公司", "company", "山西"),
    ("作为北京市夕阳再晨公益组织的核心成员", "北京市夕阳再晨公益组织", "ngo", "北京"),
    ("云南省昆明市五华区疾控中心团员方飞燕", "云南省昆明市五华区疾控中心", "hospital", "云南"),
    ("团银川市金凤区委书记杨晗说", "团银川市金凤区委", "youth_league", "宁夏"),
    ("团新疆阿克苏柯坪县委副书记李征远说", "团新疆阿克苏柯坪县委", "youth_league", "新疆"),
    ("宁夏首批援助湖北医疗队队员张伟说", "宁夏首批援助湖北医疗队", "medical_team", "宁夏"),
    ("作为杭州市支援武汉医疗队队员", "杭州市支援武汉医疗队", "medical_team", "浙江"),
    ("河北省邯郸市邯山区河沙镇镇裴庄村党支部书记", "河北省邯郸市邯山区河沙镇镇裴庄村", "grassroots", "河北"),
    ("昆明五华区社区疫情防控青年突击队的陈世杰", "昆明五华区社区疫情防控青年突击队", "grassroots", "云南"),
    ("东南大学医学院宋振飙说", "东南大学", "university", "江苏"),
    ("东北大学外国语学院2019级研究生孙玥表示", "东北大学", "university", "辽宁"),
    ("中央民族大学2016级新闻与传播学院学生周子璇说", "中央民族大学", "university", "北京"),
    ("杭州铁路站团委负责人周嫣然表示", "杭州铁路站团委", "youth_league", "浙江"),
    ("我还主持召开中央全面依法治国委员会、中央网络安全和信息化委员会", "中央网络安全和信息化委员会", "party_government", None),
    ("对湖北省委和武汉市委领导班子作出调整充实", "武汉市委", "party_government", "湖北"),
])
def test_full_name_type_and_province(sentence, name, kind, province):
    found = rows(sentence).set_index("name")
    assert name in found.index, found.index.tolist()
    assert found.loc[name, "type"] == kind
    assert found.loc[name, "province"] == province


@pytest.mark.parametrize("sentence, unit, parent, kind", [
    ("武汉大学电气与自动化学院2017级年级团总支书记朱可馨说", "电气与自动化学院", "武汉大学", "university"),
    ("北京大学医学部团委干部曹炜也是90后", "医学部", "北京大学", "university"),
    ("北京大学医学部团委干部曹炜也是90后", "团委", "北京大学医学部", "youth_league"),
    ("樊静妤是山西医科大学第一医院感染病科青年突击队队员", "感染病科", "山西医科大学第一医院", "hospital"),
    ("疫情期间坚守岗位的团安徽省宿州市委宣传部部长张雨雁说", "宣传部", "共青团安徽省宿州市委员会", "youth_league"),
    ("中央民族大学2016级新闻与传播学院学生周子璇说", "新闻与传播学院", "中央民族大学", "university"),
    ("是华山医院援鄂医疗队的一员", "援鄂医疗队", "复旦大学附属华山医院", "medical_team"),
    ("上海交通大学团委副书记张怡凡说", "团委", "上海交通大学", "youth_league"),
])
def test_department_attaches_to_parent(sentence, unit, parent, kind):
    found = rows(sentence).set_index("name")
    assert found.loc[unit, "parent"] == parent
    assert found.loc[unit, "type"] == kind


@pytest.mark.parametrize("sentence, context, name, canonical, province", [
    ("各省级团组织贯彻落实本通知情况，及时报告团中央。", None, "团中央", "共青团中央", None),
    ("在战“疫”行动中，上海交大已有2000多名学生向社区报到", None, "上海交大", "上海交通大学", "上海"),
    ("通过问卷形式报团市委基层工作部备案", "上海", "团市委", "共青团上海市委员会", "上海"),
    ("市委书记李强在会上强调", "上海", "市委", "中共上海市委员会", "上海"),
    ("市委书记李强在会上强调", None, "市委", "市委", None),
    ("市人大常委会主任蒋卓庆、市政协主席董云虎出席会议", "上海", "市政协", "中国人民政治协商会议上海市委员会", "上海"),
    ("市新冠肺炎疫情防控工作领导小组今天上午举行扩大会议", "上海", "市新冠肺炎疫情防控工作领导小组",
     "上海市新冠肺炎疫情防控工作领导小组", "上海"),
    ("疫情发生后，团武汉市委干部吴霄", None, "团武汉市委", "共青团武汉市委员会", "湖北"),
    ("党中央、国务院作出重大部署", None, "党中央", "中国共产党中央委员会", None),
])
def test_aliases_and_context(sentence, context, name, canonical, province):
    found = rows(sentence, context_province=context).set_index("name")
    assert found.loc[name, "canonical"] == canonical
    assert found.loc[name, "province"] == province


@pytest.mark.parametrize("sentence", [
    "调派330多支医疗队、41600多名医护人员驰援",          # 医疗队 in a generic phrase
    "作为一名医学院学生，我会努力学习专业知识",             # 学院 in 医学院学生
    "严防境外输入性风险已成为疫情防控重中之重",             # no 中心 in 重中之重
    "一定要保证在湖北（武汉）医疗队伍安全有序",             # 医疗队伍 is not a team
    "迅速开设火神山、雷神山等集中收治医院和方舱医院",       # generic hospitals
    "卫生健康、发展改革、工信商务、外交外联、交通运输、农业农村、应急管理",
    "共青团各省、自治区、直辖市委，",                        # generic addressees
    "团各区委，各大口团工委，各委、局、公司团委",
    "一名抗疫一线的临时团支部书记、一名医学生",
])
def test_no_false_positive(sentence):
    found = rows(sentence)
    assert found.empty, found["name"].tolist()


def test_no_guess_without_place():
    # 兰州大学 has a place; 第一医院 alone has neither a place nor a known body -> not a mention at all
    assert rows("第一医院的医生说").empty
    assert inst.locate_institution("某某研究院") is None


def test_columns_and_order(seed_text):
    found = rows("上海交通大学团委副书记张怡凡说，上海交大已有2000多名学生")
    assert list(found.columns) == ["name", "canonical", "start", "end", "type", "province", "parent"]
    assert found["start"].is_monotonic_increasing
    assert found[["name", "start", "end"]].values.tolist() == [
        ["上海交通大学", 0, 6], ["团委", 6, 8], ["上海交大", 16, 20]]


def d02_found(seed_text):
    lines = seed_text.splitlines()
    return [(number, name) for number in sorted({n for n, _ in D02_GOLD} | set(range(10, 62)))
            for name in rows(lines[number - 1])["name"]]


def test_d02_recall_and_precision(seed_text):
    found = d02_found(seed_text)
    gold = list(D02_GOLD)
    hits = 0
    for item in found:
        if item in gold:
            gold.remove(item)
            hits += 1
    recall, precision = hits / len(D02_GOLD), hits / len(found)
    assert recall >= 0.93, gold
    assert precision >= 0.97


def test_document_place(seed_docs):
    got = {row.doc_id: inst.document_place(row.text, title=row.title or "",
                                              issuer=row.issuer if isinstance(row.issuer, str) else "")
           for row in seed_docs.itertuples()}
    assert got == {"d01": None, "d02": None, "d03": None, "d04": "上海", "d05": "上海", "d06": None, "d07": "上海"}


def test_tables(seed_docs):
    table = inst.institution_table(seed_docs)
    assert table.loc[table["canonical"] == "党中央".replace("党中央", "中国共产党中央委员会"), "level"].item() == "central"
    shanghai = table.set_index("canonical").loc["中共上海市委员会"]
    assert (shanghai["province"], shanghai["level"], shanghai["documents"]) == ("上海", "local", "d04,d05,d07")
    records = cli.institutions_table(seed_docs, None)
    assert list(records.columns) == ["doc_id", "name", "type", "province", "count"]
    assert records.query("doc_id == 'd06' and name == '共青团中央'")["count"].item() == 2


def test_relative_university_unit():
    found = rows("武汉理工大学团委干部操一铭感受到青年学生的磅礴力量。疫情发生后，校团委发起动员").set_index("name")
    assert (found.loc["校团委", "canonical"], found.loc["校团委", "parent"]) == ("武汉理工大学团委", "武汉理工大学")
    assert rows("校团委发起动员").loc[0, "parent"] is None


def test_plots_draw_without_missing_glyphs(seed_docs):
    mentions = inst.institution_mentions(seed_docs)
    table = inst.institution_table(seed_docs, mentions=mentions)
    figures = [plots.institutions.plot_types(table), plots.institutions.plot_province_map(table),
               plots.institutions.plot_document_heatmap(mentions, top=10), plots.institutions.plot_levels(mentions, table)]
    for fig in figures:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.savefig(io.BytesIO(), format="png")
        assert fig.axes[0].get_title()


@pytest.mark.parametrize("text, canonical, province", [
    ("共青团浙江省委发出倡议", "共青团浙江省委员会", "浙江"),      # never the invented 中共共青团…
    ("共青团杭州市委组织青年志愿者", "共青团杭州市委员会", "浙江"),
    ("杭州市西湖区团区委组织学生", "共青团杭州市西湖区委员会", "浙江"),  # <district>团区委
    ("平阳县团县委书记介绍", "共青团平阳县委员会", "浙江"),             # <county>团县委
    ("宿州市团市委转发通知", "共青团宿州市委员会", "安徽"),
])
def test_league_committees_get_real_canonical_names(text, canonical, province):
    found = rows(text)
    assert found[["canonical", "type", "province"]].values.tolist() == [[canonical, "youth_league", province]]


@pytest.mark.parametrize("text, canonical", [
    ("云南省各地团组织响应共青团中央号召", "共青团中央"),
    ("浙江落实国务院联防联控机制要求", "国务院联防联控机制"),
])
def test_central_bodies_have_no_province_wherever_they_are_named(text, canonical):
    found = inst.extract_institutions(text, context_province="浙江").set_index("canonical")
    assert found.loc[canonical, "province"] is None


def test_no_canonical_name_is_invented(seed_docs):
    names = set(inst.institution_table(seed_docs)["canonical"])
    for text in ("共青团浙江省委", "共青团广州市委", "共青团天津市委员会", "团四川省委"):
        names |= set(rows(text)["canonical"])
    assert not [name for name in names if "中共共青团" in name]
