"""Institutions: full names, aliases, departments, types and provinces, checked against the seed text."""
from __future__ import annotations


import pytest

import corpus_lib as cl
from corpus_lib import clean
from corpus_lib.app import cli
from corpus_lib.lexicons import places
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
    ("团中央学校部、全国学联秘书处联合发文", "学校部", "共青团中央", "youth_league"),  # a department, not a school
    ("南京市公安局江北新区分局民警巡逻", "江北新区分局", "南京市公安局", "party_government"),  # a branch of its bureau
    ("他常看浙江卫视纪实频道的节目", "纪实频道", "浙江卫视", "media"),  # a channel of its broadcaster
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
    "他的腿上至少有七八处擦伤",                              # a number and 处 are no office
    "在车站、路口随处可见志愿者的身影",                      # 随处 runs across the suffix 处
])
def test_no_false_positive(sentence):
    found = rows(sentence)
    assert found.empty, found["name"].tolist()


@pytest.mark.parametrize("sentence, name", [
    ("他加入了广州青年创业联盟。", "广州青年创业联盟"),
    ("作为北京青年志愿者俱乐部的一员，她每周都去敬老院。", "北京青年志愿者俱乐部"),
    ("他是内蒙古森林消防总队的一名队员。", "内蒙古森林消防总队"),
    ("团员们在宁波青年驿站为新市民提供免费住宿。", "宁波青年驿站"),
    ("清华附中的学生参加比赛。", "清华附中"),           # a university's affiliated school by its short name
    ("北师大二附中的老师们。", "北师大二附中"),
    ("区市场监管局开展检查。", "区市场监管局"),         # the usual short form of 市场监督管理局
    ("来自桃源社区的志愿者。", "桃源社区"),             # a named community after the clause's verb
])
def test_more_kinds_of_body(sentence, name):
    assert name in rows(sentence)["name"].tolist()


@pytest.mark.parametrize("sentence", [
    "她在杭州设立了自己的设计工作室。",   # a kind of body, not one
    "我们的俱乐部每周活动一次。",
])
def test_a_kind_of_body_is_none(sentence):
    assert rows(sentence).empty, rows(sentence)["name"].tolist()


@pytest.mark.parametrize("sentence, name", [
    ("他来到解放路街道办事处。", "解放路街道办事处"),   # a road's name may begin with a verb (解放)
    ("志愿者们走进建设路社区。", "建设路社区"),
    ("他们来到八一路社区开展活动。", "八一路社区"),      # or hold a numeral
])
def test_communities_named_after_roads(sentence, name):
    assert name in rows(sentence)["name"].tolist()


@pytest.mark.parametrize("sentence", [
    "去年她注册成立山口竹编合作社，带动村民增收。",  # 立山 is a district's name, but 成立 holds its 立
    "这里建成都市农业示范园区。",                      # 建成|都市: no 成都 here
])
def test_a_place_whose_first_character_ends_a_verb_begins_no_name(sentence):
    assert not [name for name in rows(sentence)["name"] if name.startswith(("立山", "成都"))]


def test_a_relative_committee_is_the_one_of_its_level_the_text_names():
    found = rows("团市委召开全市乡镇团委工作会议。团文昌市委书记出席。").set_index("name")
    assert found.loc["团市委", "canonical"] == "共青团文昌市委员会"
    assert rows("团市委召开会议。")["canonical"].tolist() == ["团市委"]  # no city named: stays as written
    two = rows("团市委召开会议，团文昌市委、团琼海市委负责人出席。").set_index("name")
    assert two.loc["团市委", "canonical"] == "团市委"  # two cities: which one is not known


def test_a_relative_short_form_is_the_body_named_in_full_before():
    found = rows("宁波市妇女联合会召开会议，市妇联主席讲话。").set_index("name")
    assert found.loc["市妇联", "canonical"] == "宁波市妇女联合会"
    assert rows("市妇联主席讲话。")["canonical"].tolist() == ["市妇联"]


def test_a_list_of_bodies_names_its_bare_items():
    names = rows("出席的有江门市经济局、江门市教育局、劳动就业局、民政事务局等部门代表。")["name"].tolist()
    assert {"劳动就业局", "民政事务局"} <= set(names), names  # 局 needs a place alone, not in such a list
    assert rows("劳动就业局发布通知。").empty
    assert "交通局和各区政府" not in rows("市教育局、市卫健局、交通局和各区政府")["name"].tolist()


def test_city_banks_are_named_by_their_city():
    assert rows("她毕业后进入宁波银行。")[["name", "type", "province"]].values.tolist() == [["宁波银行", "company", "浙江"]]
    assert rows("当地银行纷纷推出贷款。武汉的银行都开门了。").empty  # banks in general


def test_a_station_named_after_a_time_word():
    found = rows("今年蓝鲸电台推出了新节目。")
    assert found["name"].tolist() == ["蓝鲸电台"], found["name"].tolist()  # not 今年蓝鲸电台
    assert found["type"].tolist() == ["media"]


def test_no_guess_without_place():
    # 兰州大学 has a place; 第一医院 alone has neither a place nor a known body -> not a mention at all
    assert rows("第一医院的医生说").empty
    assert inst.locate_institution("某某研究院") is None


def test_columns_and_order(seed_text):
    found = rows("上海交通大学团委副书记张怡凡说，上海交大已有2000多名学生")
    assert list(found.columns) == ["name", "canonical", "start", "end", "type", "province", "parent", "rule", "evidence"]
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


# Short texts written for these tests (not from the seed), read by hand: the document's place (as
# document_place gives it, or None) and every body named, as (name as written, canonical, type, province).
OWN_TEXTS = [
    # League and Party committees written short
    ("共青团浙江省委近日发出通知，号召全省团员青年投身疫情防控。", None,
     [("共青团浙江省委", "共青团浙江省委员会", "youth_league", "浙江")]),
    ("团江苏省委书记在南京调研时指出，各级团组织要主动作为。", None,
     [("团江苏省委", "共青团江苏省委员会", "youth_league", "江苏")]),
    ("近日，共青团成都市委联合成都市卫生健康委员会开展志愿服务。", None,
     [("共青团成都市委", "共青团成都市委员会", "youth_league", "四川"),
      ("成都市卫生健康委员会", "成都市卫生健康委员会", "party_government", "四川")]),
    ("宁波市鄞州区团区委组织50名青年志愿者下沉社区。", None,
     [("宁波市鄞州区团区委", "共青团宁波市鄞州区委员会", "youth_league", "浙江")]),
    ("淳安县团县委副书记带队走访返乡大学生。", None,
     [("淳安县团县委", "共青团淳安县委员会", "youth_league", "浙江")]),
    ("湖南团省委第一时间发出倡议书。", None,
     [("湖南团省委", "共青团湖南省委员会", "youth_league", "湖南")]),
    ("广州团市委与广州日报社联合推出线上课程。", None,
     [("广州团市委", "共青团广州市委员会", "youth_league", "广东"),
      ("广州日报社", "广州日报社", "media", "广东")]),  # a newspaper: media since the type exists
    ("广西团区委联合广西大学开展网络招聘活动。", None,
     [("广西团区委", "共青团广西壮族自治区委员会", "youth_league", "广西"),
      ("广西大学", "广西大学", "university", "广西")]),
    ("杭州市团委、西湖区团委联合举办线上分享会。", None,
     [("杭州市团委", "共青团杭州市委员会", "youth_league", "浙江"),
      ("西湖区团委", "共青团西湖区委员会", "youth_league", "浙江")]),
    ("中共中央、国务院印发意见后，湖北省委迅速部署。", None,
     [("中共中央", "中国共产党中央委员会", "party_government", None),
      ("国务院", "中华人民共和国国务院", "party_government", None),
      ("湖北省委", "中共湖北省委员会", "party_government", "湖北")]),
    # relative bodies, resolved from the document's place
    ("团省委、省青少年发展基金会联合设立抗疫专项基金。", "浙江",
     [("团省委", "共青团浙江省委员会", "youth_league", "浙江"),
      ("省青少年发展基金会", "浙江省青少年发展基金会", "ngo", "浙江")]),
    ("团区委组织辖区高校学生开展线上支教，区卫健委提供防护物资。", "杭州市西湖区",
     [("团区委", "共青团杭州市西湖区委员会", "youth_league", "浙江"),
      ("区卫健委", "杭州市西湖区卫生健康委员会", "party_government", "浙江")]),
    ("县委、县政府高度重视，团县委第一时间组建青年突击队。", "杭州市桐庐县",
     [("县委", "中共桐庐县委员会", "party_government", "浙江"),
      ("县政府", "桐庐县人民政府", "party_government", "浙江"),
      ("团县委", "共青团桐庐县委员会", "youth_league", "浙江")]),
    ("市青年志愿者协会向全市青年发出倡议。", "武汉市",
     [("市青年志愿者协会", "武汉市青年志愿者协会", "ngo", "湖北")]),
    ("市卫健委和团市委联合召开视频会议。", "上海",
     [("市卫健委", "上海市卫生健康委员会", "party_government", "上海"),
      ("团市委", "共青团上海市委员会", "youth_league", "上海")]),
    ("团区委号召全区各族青年积极参与疫情防控。", "广西",
     [("团区委", "共青团广西壮族自治区委员会", "youth_league", "广西")]),
    ("省委书记在会上强调，省政府要全力保障物资供应。", "四川",
     [("省委", "中共四川省委员会", "party_government", "四川"),
      ("省政府", "四川省人民政府", "party_government", "四川")]),
    ("市委常委会研究部署，团市委随即发出通知。", "浙江",   # a province's document: the city is unknown
     [("市委常委会", "市委常委会", "party_government", "浙江"), ("团市委", "团市委", "youth_league", "浙江")]),
    # hospitals and universities whose name begins with a place
    ("温州医科大学附属第一医院的护士小陈已连续工作20天。", None,
     [("温州医科大学附属第一医院", "温州医科大学附属第一医院", "hospital", "浙江")]),
    ("南京鼓楼医院呼吸科医生王强说，病人正在好转。", None,
     [("南京鼓楼医院", "南京鼓楼医院", "hospital", "江苏"),
      ("呼吸科", "南京鼓楼医院呼吸科", "hospital", "江苏")]),
    ("来自首都医科大学附属北京朝阳医院的专家组抵达武汉。", None,
     [("首都医科大学附属北京朝阳医院", "首都医科大学附属北京朝阳医院", "hospital", "北京")]),
    ("西安交通大学第一附属医院援鄂医疗队今天返回西安。", None,
     [("西安交通大学第一附属医院", "西安交通大学第一附属医院", "hospital", "陕西"),
      ("援鄂医疗队", "西安交通大学第一附属医院援鄂医疗队", "medical_team", "陕西")]),
    ("哈尔滨医科大学附属第二医院和吉林大学白求恩第一医院分别派出医护人员。", None,
     [("哈尔滨医科大学附属第二医院", "哈尔滨医科大学附属第二医院", "hospital", "黑龙江"),
      ("吉林大学白求恩第一医院", "吉林大学白求恩第一医院", "hospital", "吉林")]),
    # central bodies, in a document that has a place
    ("在浙江调研期间，团中央书记处书记强调要关心青年。", "浙江",
     [("团中央", "共青团中央", "youth_league", None)]),
    ("湖北省卫生健康委员会转发国家卫生健康委员会的通知。", "湖北",
     [("湖北省卫生健康委员会", "湖北省卫生健康委员会", "party_government", "湖北"),
      ("国家卫生健康委员会", "国家卫生健康委员会", "party_government", None)]),
    ("上海市青联委员、全国青联委员纷纷捐款。", "上海",
     [("上海市青联", "上海市青年联合会", "youth_league", "上海"),
      ("全国青联", "中华全国青年联合会", "youth_league", None)]),
    # traditional characters: name as written, the rest simplified
    ("國務院聯防聯控機制新聞發佈會上，國家衛生健康委員會負責人介紹情況。", None,
     [("國務院聯防聯控機制", "国务院联防联控机制", "party_government", None),
      ("國家衛生健康委員會", "国家卫生健康委员会", "party_government", None)]),
    ("團中央、全國青聯向香港大學的學生發出慰問信。", None,
     [("團中央", "共青团中央", "youth_league", None),
      ("全國青聯", "中华全国青年联合会", "youth_league", None),
      ("香港大學", "香港大学", "university", "香港")]),
    ("武漢大學人民醫院護士長說，大家都很辛苦。", None,
     [("武漢大學人民醫院", "武汉大学人民医院", "hospital", "湖北")]),
    ("共青團浙江省委與廣州醫科大學附屬第一醫院的青年醫生連線。", None,
     [("共青團浙江省委", "共青团浙江省委员会", "youth_league", "浙江"),
      ("廣州醫科大學附屬第一醫院", "广州医科大学附属第一医院", "hospital", "广东")]),
    # no institution at all
    ("市民纷纷到医院排队检测。", "上海", []),
    ("省、市两级团组织迅速行动。", "浙江", []),
    ("各省、自治区、直辖市委宣传部：", None, []),
    ("社区委员会和居委会干部挨家挨户排查。", "杭州市西湖区", []),
    ("他在城市里开了一家超市。", "上海", []),
    ("全国各地的大学生志愿者纷纷报名。", None, []),
    ("四川大学华西医院派出医疗队支援武汉。", None,
     [("四川大学华西医院", "四川大学华西医院", "hospital", "四川")]),
]


def own_found(text, place):
    return [tuple(row) for row in rows(text, context_province=place)[["name", "canonical", "type", "province"]]
            .itertuples(index=False)]


@pytest.mark.parametrize("text, place, gold", OWN_TEXTS)
def test_own_texts(text, place, gold):
    assert own_found(text, place) == gold


def test_own_texts_precision_recall_and_province():
    """The figures over all own texts: names found, and canonical name, type and province of those found."""
    gold = [(i, item) for i, (_, _, items) in enumerate(OWN_TEXTS) for item in items]
    found = [(i, item) for i, (text, place, _) in enumerate(OWN_TEXTS) for item in own_found(text, place)]
    gold_names = {(i, item[0]) for i, item in gold}
    hits = [(i, item) for i, item in found if (i, item[0]) in gold_names]
    assert len(gold) >= 50
    assert len(hits) / len(gold) >= 0.95 and len(hits) / len(found) >= 0.95
    assert sum((i, item) in gold for i, item in hits) / len(hits) >= 0.95  # canonical, type and province right


@pytest.mark.parametrize("issuer, title, text, place", [
    ("共青团杭州市西湖区委员会", "", "团区委组织青年志愿者下沉社区。", "杭州市西湖区"),
    ("", "浙江：团省委发起“青春战疫”行动", "团省委发起行动。", "浙江"),
    ("", "关于做好返校工作的通知", "团省委要求，全省各级团组织……浙江……杭州……温州……浙江", "浙江"),
    ("", "青年突击队在行动", "团市委组织青年突击队，杭州各区……杭州……宁波", "杭州市"),
    ("", "", "全市上下……义乌市小商品市场……义乌市青年……市委要求", "金华市义乌市"),
    ("", "", "团市委通知：北京、上海两地……北京……上海", None),        # no place is named most
    ("", "", "湖北……湖北……湖北青年在武汉……", None),                # names a place, but no relative body
    ("共青团中央", "", "团中央通知各省级团委：团省委要……", None),    # a central issuer has no place
])
def test_document_place_beyond_the_seed(issuer, title, text, place):
    assert inst.document_place(text, title=title, issuer=issuer) == place


def test_document_place_resolves_relative_bodies():
    text = "全市上下……义乌市小商品市场……义乌市青年……市委要求，团市委组织青年突击队"
    found = rows(text, context_province=inst.document_place(text)).set_index("name")
    assert found.loc["市委", "canonical"] == "中共义乌市委员会"
    assert found.loc["团市委", "canonical"] == "共青团义乌市委员会"
    assert set(found["province"]) == {"浙江"}


@pytest.mark.parametrize("written, level, full", [
    ("杭州市西湖区", "区", "杭州市西湖区"), ("杭州市西湖区", "市", "杭州市"), ("杭州市西湖区", "省", "浙江省"),
    ("上海", "市", "上海市"), ("上海", "省", None), ("上海市浦东新区", "区", "上海市浦东新区"),
    ("广西", "区", "广西壮族自治区"), ("桐庐县", "县", "桐庐县"), ("西湖区", "区", None),  # two 西湖区
])
def test_place_at_level(written, level, full):
    assert places.place_at_level(inst.place_of(written), level) == full


def test_traditional_text_equals_its_simplified_view():
    traditional = "團中央、國務院聯防聯控機制和溫州醫科大學附屬第一醫院"
    simplified = clean.to_simplified(traditional)
    got, want = rows(traditional), rows(simplified)
    assert got.drop(columns="name").equals(want.drop(columns="name"))
    assert got["name"].tolist() == ["團中央", "國務院聯防聯控機制", "溫州醫科大學附屬第一醫院"]


def test_loaded_traditional_document_is_read_simplified(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("關於開展志願服務的通知\n共青團浙江省委、團中央和省青少年發展基金會聯合開展活動。全省各級團組織要積極參與。\n",
                    encoding="utf-8")
    docs = cl.load_corpus(path)
    found = inst.institution_mentions(docs)
    assert found["canonical"].tolist() == ["共青团浙江省委员会", "共青团中央", "浙江省青少年发展基金会"]
    assert found["province"].tolist() == ["浙江", None, "浙江"]


COMMITTEE_FORMS = ["团{p}{l}委", "共青团{p}{l}委", "{p}团{l}委", "{p}{l}团{l}委", "{p}{l}团委", "{p}{l}委", "中共{p}{l}委",
                   "{p}团{l}委"]


@pytest.mark.parametrize("place, level", [("浙江", "省"), ("杭州", "市"), ("杭州市西湖", "区"), ("桐庐", "县"),
                                          ("广西", "区"), ("黔东南", "州")])
def test_committee_canonical_names_are_real(place, level):
    for form in COMMITTEE_FORMS:
        name = inst.canonical_name(form.format(p=place, l=level))
        assert name.startswith(("共青团", "中共")) and name.endswith("委员会"), (form, name)
        assert not any(bad in name for bad in ("中共共青团", "中共中共", "共青团共青团", "共青团中共", "团委员会")), name
        assert ("团" in form) == name.startswith("共青团"), (form, name)


def test_no_canonical_name_is_invented(seed_docs):
    names = set(inst.institution_table(seed_docs)["canonical"])
    for text in ("共青团浙江省委", "共青团广州市委", "共青团天津市委员会", "团四川省委"):
        names |= set(rows(text)["canonical"])
    for text, place, _ in OWN_TEXTS:
        names |= set(rows(text, context_province=place)["canonical"])
    assert not [name for name in names if "中共共青团" in name]


# Kinds of error found on the dev set (tests/data/devset), each checked on sentences written for these tests
# with other names and places: (text, document place, [(name, canonical, type, province), ...]).
KINDS = [
    # a link verb (联合, 会同) between two bodies ends the first; a bare 省/市 after it is the document's own
    ("5月8日，平阳县团县委联合省青少年发展基金会为山区学生捐赠图书。", "温州市平阳县",
     [("平阳县团县委", "共青团平阳县委员会", "youth_league", "浙江"),
      ("省青少年发展基金会", "浙江省青少年发展基金会", "ngo", "浙江")]),
    ("团市委会同市卫健委开展关爱行动。", "成都市",
     [("团市委", "共青团成都市委员会", "youth_league", "四川"),
      ("市卫健委", "成都市卫生健康委员会", "party_government", "四川")]),
    ("武汉大学和华中科技大学联合举办招聘会，北京大学与清华大学及复旦大学参加。", None,
     [("武汉大学", "武汉大学", "university", "湖北"), ("华中科技大学", "华中科技大学", "university", "湖北"),
      ("北京大学", "北京大学", "university", "北京"), ("清华大学", "清华大学", "university", "北京"),
      ("复旦大学", "复旦大学", "university", "上海")]),
    # two bodies written together, each known on its own
    ("中共中央国务院印发通知，团中央全国学联随后发出倡议。", None,
     [("中共中央", "中国共产党中央委员会", "party_government", None),
      ("国务院", "中华人民共和国国务院", "party_government", None),
      ("团中央", "共青团中央", "youth_league", None),
      ("全国学联", "中华全国学生联合会", "youth_league", None)]),
    # a known body with its university chain or its city in front stays whole; written short later, it is the same body
    ("中南大学湘雅医学院附属湘雅医院的护士说，大家都很辛苦。", None,
     [("中南大学湘雅医学院附属湘雅医院", "中南大学湘雅医学院附属湘雅医院", "hospital", "湖南")]),
    ("福建医科大学附属协和医院派出第三批医疗队。协和医院护士长说，队员都是90后。", None,
     [("福建医科大学附属协和医院", "福建医科大学附属协和医院", "hospital", "福建"),
      ("协和医院", "福建医科大学附属协和医院", "hospital", "福建")]),
    ("长沙湘雅医院的医生连夜出发。", None, [("长沙湘雅医院", "长沙湘雅医院", "hospital", "湖南")]),
    ("四川大学华西医学院附属第二医院的护士说", None,
     [("四川大学华西医学院附属第二医院", "四川大学华西医学院附属第二医院", "hospital", "四川")]),
    # suffixes: 保健院, bureaus (局) and provincial departments (厅), a bureau under a bureau
    ("成都市妇幼保健院的医生为孕妇检查。", None, [("成都市妇幼保健院", "成都市妇幼保健院", "hospital", "四川")]),
    ("成都市公安局交通管理局民警在路口执勤。", None,
     [("成都市公安局交通管理局", "成都市公安局交通管理局", "party_government", "四川")]),
    ("区市场监督管理局联合杭州市市场监督管理局检查药店。", "杭州市西湖区",  # 市场 begins no relative 市 body
     [("区市场监督管理局", "杭州市西湖区市场监督管理局", "party_government", "浙江"),
      ("杭州市市场监督管理局", "杭州市市场监督管理局", "party_government", "浙江")]),
    ("四川省教育厅发出通知。", None, [("四川省教育厅", "四川省教育厅", "party_government", "四川")]),
    # relative 区/市 bodies after 是 or 根据, resolved from the document's place
    ("他是区税务局的干部，根据区教育局安排参加志愿服务。", "成都市武侯区",
     [("区税务局", "成都市武侯区税务局", "party_government", "四川"),
      ("区教育局", "成都市武侯区教育局", "party_government", "四川")]),
    ("根据市教育局统一部署，全市高三年级返校。", "绵阳市",
     [("市教育局", "绵阳市教育局", "party_government", "四川")]),
    # a central ministry: a ministry word + 部; never a province; 部门 / 部长 are not ministries
    ("据人力资源和社会保障部统计，四川今年新增就业岗位十万个。", "四川",
     [("人力资源和社会保障部", "中华人民共和国人力资源和社会保障部", "party_government", None)]),
    ("省教育部门要求各校做好准备，财政部长也到场。", "四川", []),
    # 国立 / 私立 begin a name; a Taiwan city gives the province; 北大 inside 台北大学 is not 北京大学
    ("國立臺北大學的學生做了一張地圖。", None, [("國立臺北大學", "国立台北大学", "university", "台湾")]),
    # a hospital of Hong Kong or Macau known by name
    ("仁伯爵綜合醫院急診科護士說，大家都很辛苦。", None,
     [("仁伯爵綜合醫院", "仁伯爵综合医院", "hospital", "澳门"),
      ("急診科", "仁伯爵综合医院急诊科", "hospital", "澳门")]),
    # a district committee gets its city, as the document's bare 团区委 does
    ("武侯区团区委组织志愿者。团区委还联合社区开展活动。", "成都市武侯区",
     [("武侯区团区委", "共青团成都市武侯区委员会", "youth_league", "四川"),
      ("团区委", "共青团成都市武侯区委员会", "youth_league", "四川")]),
    ("鼓楼区团区委组织志愿者。", "南京市", [("鼓楼区团区委", "共青团南京市鼓楼区委员会", "youth_league", "江苏")]),
    ("鼓楼区团区委组织志愿者。", None, [("鼓楼区团区委", "共青团鼓楼区委员会", "youth_league", None)]),  # 4 鼓楼区
    # 校团委 glued to 高校 is every university's, not one body
    ("请各高校团委于本周内报送名单。", None, []),
]


@pytest.mark.parametrize("text, place, gold", KINDS)
def test_error_kinds_from_the_dev_set(text, place, gold):
    assert own_found(text, place) == gold


# ---------------------------------------------------------------- issue 18: forms seen in real writing
# Invented sentences of the shapes the real texts use (the texts themselves stay out of the repository):
# (text, document place, [(name as written, canonical, type, province, rule), ...]).
REAL_FORMS = [
    # short forms of departments, as a class: [level or place] + abbreviation (+ 局/委/办), written out
    ("昨天，县人社局和县住建局联合召开招聘会。", "台州市仙居县",
     [("县人社局", "仙居县人力资源和社会保障局", "party_government", "浙江", "abbreviation"),
      ("县住建局", "仙居县住房和城乡建设局", "party_government", "浙江", "abbreviation")]),
    ("安溪县人力资源和社会保障局发布通知。", None,
     [("安溪县人力资源和社会保障局", "安溪县人力资源和社会保障局", "party_government", "福建", "suffix")]),
    ("区政协副主席出席了座谈会。", "杭州市余杭区",
     [("区政协", "中国人民政治协商会议杭州市余杭区委员会", "party_government", "浙江", "suffix")]),
    ("余杭政协组织委员调研。", None,  # a county's short form names the place
     [("余杭政协", "中国人民政治协商会议杭州市余杭区委员会", "party_government", "浙江", "suffix")]),
    ("县青年创业者协会会长介绍。", "丽水市缙云县",
     [("县青年创业者协会", "缙云县青年创业者协会", "ngo", "浙江", "suffix")]),
    # a university's short name, a campus in brackets
    ("她毕业于哈工大（威海）。", None, [("哈工大（威海）", "哈工大（威海）", "university", "山东", "short-name")]),
    # named villages, communities, towns and street offices
    ("他回到青石村当上了村委会主任。", None, [("青石村", "青石村", "grassroots", None, "bare-name")]),
    ("周末她在金桂社区做志愿者。", None, [("金桂社区", "金桂社区", "grassroots", None, "bare-name")]),
    ("来自枫林镇上坪村的村民说。", None, [("枫林镇上坪村", "枫林镇上坪村", "grassroots", None, "suffix")]),
    ("东湖街道办事处联合翠竹社区开展活动。", None,
     [("东湖街道办事处", "东湖街道办事处", "party_government", None, "bare-name"),
      ("翠竹社区", "翠竹社区", "grassroots", None, "bare-name")]),
    # quoted names, relative units, brand-name companies, news outlets
    ("她加入了“星火支教队”，去山区上课。", None, [("星火支教队", "星火支教队", "ngo", None, "quoted")]),
    ("镇党委书记主持会议。", None, [("镇党委", "镇党委", "party_government", None, "relative")]),
    ("他在美团做骑手，后来又去了顺丰速运。", None,
     [("美团", "美团", "company", "北京", "known"), ("顺丰速运", "顺丰速运", "company", "广东", "known")]),
    ("来源：中国青年报", None, [("中国青年报", "中国青年报", "media", None, "known")]),
    ("来源：青禾文化 时间：2020年", None, [("青禾文化", "青禾文化", "media", None, "source")]),
    # a term's committee is the same body; a central ministry with 国家 before it
    ("共青团湖南省第十五届委员会第一次全体会议", None,
     [("共青团湖南省第十五届委员会", "共青团湖南省委员会", "youth_league", "湖南", "suffix")]),
    ("据国家人事部统计", None, [("国家人事部", "中华人民共和国人事部", "party_government", None, "ministry")]),
    # a place and a common noun, a kind of body, every body of a kind: none
    ("我国农村学校的孩子都很努力。", None, []),
    ("中国乡村正在发生巨大变化。", None, []),
    ("这是一所普通学校。", None, []),
    ("城市社区治理需要青年参与。", None, []),
    ("他在上海一家科技公司工作。", None, []),
    ("各乡镇、学校团组织要认真落实。", None, []),
    ("她也曾配合学校开展工作。", None, []),
    ("从城市回到乡村，扎根乡村，发展乡村。", None, []),
    # a common word before a body word names no body (no proper name); a date's tail starts no name
    ("城市图书馆里很多人在自习。", None, []),
    ("年轻公司往往更有活力。", None, []),
    ("会上总结了2015年乡镇团委的工作。", None, []),
    ("五月团支部开了一次会。", None, []),
    # ... but an unknown name before the same body word does
    ("她在石榴坪图书馆做志愿者。", None, [("石榴坪图书馆", "石榴坪图书馆", "other", None, "bare-name")]),
    # an autonomous prefecture written short with its 州
    ("他来自湖北省恩施州建始县花坪镇罗家村，那里山很多。", None,
     [("湖北省恩施州建始县花坪镇罗家村", "湖北省恩施州建始县花坪镇罗家村", "grassroots", "湖北", "suffix")]),
]


@pytest.mark.parametrize("text, place, gold", REAL_FORMS)
def test_forms_seen_in_real_writing(text, place, gold):
    found = rows(text, context_province=place)
    assert [tuple(row) for row in found[["name", "canonical", "type", "province", "rule"]].itertuples(index=False)] \
        == gold


@pytest.mark.parametrize("text, name, kind", [
    ("她在三江路街道工作多年。", "三江路街道", "party_government"),     # a place + one character: a road's name
    ("他家住在东兴路社区，离学校不远。", "东兴路社区", "grassroots"),
])
def test_a_place_and_one_character_may_still_be_a_name(text, name, kind):
    found = rows(text)
    assert found[["name", "type", "rule"]].values.tolist() == [[name, kind, "bare-name"]]


def test_every_row_says_why():
    found = rows("她在荔枝沟小学任教，后来考入兰州大学。")
    assert found["rule"].tolist() == ["bare-name", "suffix"]
    assert found["evidence"].iloc[0].startswith("name 荔枝沟; suffix 小学 (score ")  # a scored candidate
    assert found["evidence"].iloc[1] == "place 兰州; suffix 大学"                   # one made of known parts


def test_traditional_forms_read_like_simplified():
    found = rows("來自楓林鎮上坪村的村民說，縣人社局已經公佈名單。", context_province="台州市仙居县")
    assert found["name"].tolist() == ["楓林鎮上坪村", "縣人社局"]
    assert found["canonical"].tolist() == ["枫林镇上坪村", "仙居县人力资源和社会保障局"]


@pytest.mark.parametrize("name, short", [("余杭区", "余杭"), ("定安县", "定安"), ("玉龙纳西族自治县", "玉龙"),
                                         ("和平区", None), ("市中区", None), ("东区", None)])
def test_county_short_forms_leave_common_words_out(name, short):
    assert places.county_short_form(name) == short


def test_abbreviations_are_written_out():
    from corpus_lib.lexicons.institution_words import expand_abbreviation

    assert expand_abbreviation("桐庐县人社局") == "桐庐县人力资源和社会保障局"
    assert expand_abbreviation("统战部") == "统一战线工作部"
    assert expand_abbreviation("桐庐县教育局") == "桐庐县教育局"


def test_only_candidates_on_unknown_characters_are_scored():
    from corpus_lib.extract.institution_candidates import find_candidates
    from corpus_lib.extract.institution_scoring import needs_score, weights

    text = "兰州大学、南京鼓楼医院呼吸科和凹下村"
    scored = {c.text: needs_score(c) for c in find_candidates(text)}
    # 鼓楼 is a run no list knows (after a place: scored); 呼吸科 a department named after its body (not scored)
    assert scored == {"兰州大学": False, "南京鼓楼医院": True, "南京鼓楼医院呼吸科": False, "凹下村": True}
    table, bias, threshold = weights()
    assert table and -5 < threshold < 5


@pytest.mark.parametrize("text", ["当前，疫情防控正处在最吃劲的关键阶段。", "白衣战士坚守一线；广大基层社区工作者和物业人员坚守岗位。"])
def test_a_suffix_that_begins_a_verb_or_a_name_that_opens_with_an_adjective_is_no_body(text):
    assert list(inst.extract_institutions(text)["name"]) == []


def test_an_office_before_its_head_s_title_is_still_a_body():
    names = list(inst.extract_institutions("团县委邀请省委统战部工商经济处处长作报告。")["name"])
    assert any(name.endswith("工商经济处") for name in names)


def test_two_documents_relative_bodies_stay_apart(tmp_path):
    # invented campus news from two schools: each says 我校 and 校团委, neither names itself in full
    (tmp_path / "a.txt").write_text("标题一\n近日，我校志愿者获评优秀，校团委书记张明出席。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("标题二\n9月27日，我校支教团面试举行，校团委副书记李华担任评委。", encoding="utf-8")
    docs = cl.load_corpus(tmp_path)
    mentions = inst.institution_mentions(docs)
    table = inst.institution_table(docs, mentions=mentions)
    ours = table[table["canonical"].str.startswith("我校")]
    assert ours["documents"].str.contains(",").sum() == 0          # no row adds up the two schools
    assert {"我校（d01）", "我校（d02）"} <= set(ours["canonical"])
    units = mentions[mentions["canonical"].str.startswith("我校团委")]
    assert set(zip(units["doc_id"], units["parent"])) == {("d01", "我校（d01）"), ("d02", "我校（d02）")}


def test_a_province_short_name_alone_is_the_province():
    # 海南 is also 青海's 海南藏族自治州 and 乌海's 海南区; written alone it is the province
    assert places.place_of("海南")["name"] == "海南省"
    assert places.place_of("乌海市海南区")["name"] == "海南区"
    assert places.place_of(places.place_label(places.place_of("海南省")))["name"] == "海南省"
    found = rows("团省委副书记赴临高调研指导工作。", context_province="海南")
    assert found["canonical"].tolist() == ["共青团海南省委员会"]


def test_we_the_school_is_the_issuing_school_when_the_text_names_none(tmp_path):
    # invented: a campus story whose page names its school only as the source (来源 column, or its news site)
    (tmp_path / "export.csv").write_text(
        "标题,正文,来源\n"
        "志愿者获评优秀,近日，我校志愿者获评优秀，校团委书记张明出席。,江南理工大学\n"
        "支教团面试举行,9月27日，我校支教团面试举行。,江南理工大学新闻网\n"
        "讲座举行,近日，我校举办讲座。,江南日报\n", encoding="utf-8")
    docs = cl.load_corpus(tmp_path / "export.csv")
    mentions = inst.institution_mentions(docs)
    by_doc = {doc: set(group["canonical"]) for doc, group in mentions.groupby("doc_id")}
    assert {"江南理工大学", "江南理工大学团委"} <= by_doc["d01"]
    assert "江南理工大学" in by_doc["d02"]
    assert "我校（d03）" in by_doc["d03"]  # an outlet is no school: 我校 stays unresolved
