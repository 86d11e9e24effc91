"""People ("youth voices"): names, cohorts, institutions, roles and quotes, read against the seed's d02."""
from __future__ import annotations

import pandas as pd
import pytest

from corpus_lib import people as people_module
from corpus_lib.extract.bylines import find_credits
from corpus_lib.extract.person_finder import find_person_mentions


@pytest.mark.parametrize("paragraph, names", [
    ("云南省昆明市五华区疾控中心团员方飞燕、杨丽红表示，感谢总书记", ["方飞燕", "杨丽红"]),
    ("“作为一名基层团干部，深深感受到总书记对一线青年的关心。”昆明五华区社区疫情防控青年突击队的陈世杰、乔瑞娟等团干表示，要用行动继续在社区守护人民群众的安全。",
     ["陈世杰", "乔瑞娟"]),
    ("扎根南疆基层一线，奋战在脱贫攻坚与疫情防控前线的90后驻村干部阿迪力·阿不力米提表示，为了不误农时",
     ["阿迪力·阿不力米提"]),
    ("疫情期间，湖北工业大学大一新生卡地尔丁·艾合买提留在武汉，成为方舱医院安保志愿者", ["卡地尔丁·艾合买提"]),
    ("“总书记的回信深深感染着我。”樊静妤是山西医科大学第一医院感染病科青年突击队队员", ["樊静妤"]),
    ("“作为一名团干部，我们要发挥优良传统。”团银川市金凤区委书记杨晗说。", ["杨晗"]),
    ("北京大学医学部团委干部曹炜也是90后，他说", ["曹炜"]),
    ("重庆工商大学学生王陈政辉说，读总书记的回信", ["王陈政辉"]),
    ("昆明第二十四中学团委书记张笑予和昆明第八中学团委书记普锦旺表示，看到总书记的回信", ["张笑予", "普锦旺"]),
    ("“总书记的话说到了我的心坎儿里，”山西吕梁石楼县青年张云表示，作为一名返乡创业的青年突击队队员", ["张云"]),
    ("广州医科大学附属第一医院李颖贤作为广东首批赴武汉支援疫情防控工作的90后护士，深刻感受到总书记对青年一代的关心和期望。",
     ["李颖贤"]),
    # not names: enumerations and praise
    ("卫生健康、发展改革、工信商务、外交外联等部门", []),
    ("广大党员干部闻令而动、挺身而出", []),
])
def test_find_person_mentions(paragraph, names):
    assert [m.text for m in find_person_mentions(paragraph)] == names


@pytest.fixture(scope="module")
def people(seed_docs):
    table = people_module.extract_people(seed_docs)
    return table[table["doc_id"] == "d02"].set_index("name")


# Every person of d02, and the cohort the text says they belong to (None: not stated).
D02_COHORTS = {
    "朱可馨": "00后",  # 作为一名武汉的00后
    "刘刚健": "90后",  # 作为一名基层干部、90后党员
    "樊静妤": None, "宋振飙": None,
    "静恩远": "90后",  # “作为一名大学生西部计划志愿者、一名90后党员……”
    "孙玥": None, "刘琪莎": None, "李雪纯": None, "王陈政辉": None,
    "李嘉蓉": "00后",  # 我们00后要牢记……
    "李颖贤": "90后",  # 作为……的90后护士
    "阿迪力·阿不力米提": "90后",  # 90后驻村干部
    "杨履世": "90后",  # 90后青年、……负责人杨履世
    "宋世辉": "90后",  # 辽宁90后青年志愿者
    "周子璇": None,
    "汪文婷": "90后",  # 90后护师
    "朱斯曼": None,
    "吴霄": "90后",    # 这名90后说
    "操一铭": "90后",  # 作为一名90后团干
    "曹炜": "90后",    # 也是90后
    "方飞燕": None, "杨丽红": None, "张雨雁": None, "温阳": None,
    "张笑予": None, "普锦旺": None,  # talk about 00后、10后 students
    "杨晗": None, "陈世杰": None, "乔瑞娟": None,
    "孙铭泽": "95后",  # 作为一名95后 (and praises 90后青年医疗队)
    "华成祥": None,    # 这次疫情让90后、00后认识到……
    "张云": None, "张雅涵": None,
    "李飞": "90后",    # “作为一名90后党员……”
    "张怡凡": None,    # 其中90后党员比例达25％
    "崔霄宇": None, "段志鑫": None,
    "张伟": "90后",    # 作为一名90后党员
    "卡地尔丁·艾合买提": None, "鲁琳": None, "周嫣然": None,
    "李征远": "90后",  # 作为90后团干部
}


def test_d02_has_every_person_once(people):
    # the 42 voices, and 习近平, named as the author of the letter they answer: everyone the text names is a person
    # (the convention of ../shared/devset), the famous included
    assert sorted(people.index) == sorted([*D02_COHORTS, "习近平"])


@pytest.mark.parametrize("name, cohort", sorted(D02_COHORTS.items()))
def test_d02_stated_cohort(people, name, cohort):
    value = people.loc[name, "cohort"]
    assert (None if value != value else value) == cohort


@pytest.mark.parametrize("name, institution, kind, province, role", [
    ("朱可馨", "武汉大学电气与自动化学院年级团总支", "university", "湖北", "团总支书记"),
    ("樊静妤", "山西医科大学第一医院", "hospital", "山西", "青年突击队队员"),
    ("李飞", "复旦大学附属儿科医院", "hospital", "上海", "硕士生"),   # 李飞所在的复旦大学附属儿科医院
    ("张伟", "宁夏首批援助湖北医疗队", "medical_team", "宁夏", "医疗队队员"),
    ("华成祥", "航空工业沈阳飞机工业（集团）有限公司", "company", "辽宁", "钳工"),
    ("刘刚健", "河北省邯郸市邯山区河沙镇镇裴庄村党支部", "grassroots", "河北", "党支部书记"),
    ("张笑予", "昆明第二十四中学团委", "school", "云南", "团委书记"),
    ("宋世辉", None, None, "辽宁", "独立歌手"),
])
def test_d02_people_details(people, name, institution, kind, province, role):
    row = people.loc[name]
    got = [None if v != v else v for v in (row["institution"], row["institution_type"], row["province"], row["role"])]
    assert got == [institution, kind, province, role]


@pytest.mark.parametrize("name, quote_start, quote_type", [
    ("樊静妤", "总书记的回信深深感染着我", "direct"),          # quote before the name
    ("杨晗", "作为一名团干部，我们要发挥", "direct"),          # “……”团银川市金凤区委书记杨晗说。
    ("华成祥", "这次疫情让90后、00后认识到身上的重担。我是", "reported"),
    ("卡地尔丁·艾合买提", "我们努力构筑起抗击疫情的青春防线", "direct"),
    ("张云", "总书记的话说到了我的心坎儿里 / 作为一名返乡创业", "mixed"),
])
def test_d02_quotes(people, name, quote_start, quote_type):
    assert people.loc[name, "quote"].startswith(quote_start)
    assert people.loc[name, "quote_type"] == quote_type


def test_no_quote_where_nobody_speaks(people):
    # 张雅涵 organises an activity; the quoted “手拉手，共战疫……” is its name, not speech
    assert pd.isna(people.loc["张雅涵", "quote"])  # NaN under pandas 3, None under pandas 2 (Python 3.10)




def test_sentence_holds_the_person_in_every_row(people):
    # the sentence column was 0 in every row once (``next(...) and next(...)`` gave the offset)
    assert len(people) == 43  # the 42 voices of d02 and 习近平
    for name, sentence in people["sentence"].items():
        assert isinstance(sentence, str) and name.split("·")[0] in sentence, name


def test_institutions_table_is_reused(seed_docs):
    from corpus_lib.extract.institutions import institution_mentions

    mentions = institution_mentions(seed_docs)
    given = people_module.extract_people(seed_docs, institutions=mentions)
    assert given.equals(people_module.extract_people(seed_docs))
    # with no institutions given, nobody gets one: the table is the only source
    none = people_module.extract_people(seed_docs, institutions=mentions.iloc[0:0])
    assert none["institution"].isna().all() and given["institution"].notna().sum() >= 30


# ---------------------------------------------------------------- beyond the seed: how news and profiles introduce people
# Every sentence below was written for these tests (not taken from the seed or the dev set); the expected
# values come from reading it.

def _people_of(tmp_path, text: str) -> pd.DataFrame:
    import corpus_lib as cl

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    docs = cl.load_corpus(tmp_path / "a.txt")
    return people_module.extract_people(docs).set_index("name")


@pytest.mark.parametrize("line, expected", [
    ("（记者 周立 通讯员 范晓东）", [("周立", "记者"), ("范晓东", "通讯员")]),
    ("本报记者 邵一凡", [("邵一凡", "记者")]),
    ("人民网记者 柯佳 摄", [("柯佳", "摄影")]),
    ("来源：团市委  编辑：蒋小雨", [("蒋小雨", "编辑")]),
    ("卢晓/文  严晓/摄", [("卢晓", "作者"), ("严晓", "摄影")]),  # 某某/文: the author of the text
    ("文/图：团委宣传部 汤思远", [("汤思远", "摄影")]),
    ("中新网成都4月2日电（记者 贺兰）", [("贺兰", "记者")]),
    # a Taiwanese paper's bracketed byline; 摄 alone; a caption's credit after its full stop; an agency after a slash
    ("〔记者邱文彦／台北报导〕", [("邱文彦", "记者")]),
    ("摄：顾晓冬", [("顾晓冬", "摄影")]),
    ("图为队员在巡河。摄:Kevin Lee/Getty Images", [("Kevin Lee", "摄影")]),
    ("图：顾晓冬/视觉中国", [("顾晓冬", "摄影")]),
    ("审核人：顾晓冬 撰稿人：邱文彦", [("顾晓冬", "审核"), ("邱文彦", "作者")]),
    # a unit before the name, an author's bio, bullets before a credit, a photographer after the caption
    ("作者：某某大学 邱文彦", [("邱文彦", "作者")]),
    ("作者简介：邱文彦，某某大学教授。", [("邱文彦", "作者")]),
    ("◎记者 邱文彦", [("邱文彦", "记者")]),
    ("●本报记者 邱文彦", [("邱文彦", "记者")]),
    ("▲图为志愿者在巡河。顾晓冬 摄", [("顾晓冬", "摄影")]),
    ("图为志愿者在巡河。（顾晓冬摄）", [("顾晓冬", "摄影")]),
    # the press talked to: 记者 inside a sentence is no byline
    ("他当过记者。记者来到现场，采访了顾晓冬。", []),
    ("柏林告诉记者，这里每天都有新情况。", []),
    ("记者从团省委了解到，活动将持续一个月。", []),
])
def test_bylines_name_the_press(line, expected):
    assert [(c["name"], c["role"]) for c in find_credits(line)] == expected


@pytest.mark.parametrize("text, name, role, institution, cohort", [
    # a list item that opens with the person, then an age and a workplace
    ("标题\n3. 罗晨阳，22岁，成都市第三人民医院急诊科护士。她已连续值班十天。", "罗晨阳", "护士", "成都市第三人民医院", None),
    # an age before the name, a role between
    ("标题\n28岁的快递员侯乐每天要送两百多件包裹。", "侯乐", "快递员", None, None),
    ("标题\n26岁的瞿凡是成都理工大学的研究生。", "瞿凡", "研究生", "成都理工大学", None),
    # a caption: role, name, position in the picture
    ("标题\n图为民警石磊（右一）在路口执勤。", "石磊", "民警", None, None),
    # a commendation list: the name, then its description in brackets
    ("标题\n授予以下同志“优秀志愿者”称号：\n柳青青（四川大学华西医院护士）", "柳青青", "护士", "四川大学华西医院", None),
    # a role then a space on a speech's signature line
    ("在青年座谈会上的讲话\n共青团绵阳市委书记 滕飞\n同志们：", "滕飞", "市委书记", "共青团绵阳市委员会", None),
    # a line that opens with the name, then a space and the description (a guest list, a signature block)
    ("标题\n本期嘉宾：\n刘雅琴 常州大学大一学生（女）\n王海 常州大学教师", "刘雅琴", "学生", "常州大学", None),
    # the sentence's subject, then what it is after a comma (…，是一名护士); not across another name
    ("标题\n张雨晴出生于1998年，是一名护士。", "张雨晴", "护士", None, None),
    ("标题\n李晓梅今年24岁，是一名95后护士。", "李晓梅", "护士", None, "95后"),
    ("标题\n李晓梅说，王强是一名医生。", "李晓梅", None, None, None),
    # a dictionary word for a kind of person right before the name, when no listed role is there; not 湖南人
    ("标题\n1992年出生的湖南基层工作者宋晓东每天走访农户。", "宋晓东", "工作者", None, None),
    ("标题\n湖南人宋晓东说，家乡变了。", "宋晓东", None, None, None),
    # a role in an earlier clause of the sentence describes someone else
    ("标题\n会议要求团结带领广大团员、学生代表，以戴明远同志提出的思路为指导，推进各项工作。", "戴明远", None, None, None),
    # a title right after the name is the person's role; a form of address is none
    ("标题\n会上，市经济局戴明远局长致辞。", "戴明远", "局长", "市经济局", None),
    ("标题\n活动开幕当天，傅国强会长提及，今年的活动比往年更多。", "傅国强", "会长", None, None),
    ("标题\n张华先生说，大家辛苦了。", "张华", None, None, None),
    # a cohort after the name, in what is said of the person
    ("标题\n队员卓越，是区医保局的一名95后。", "卓越", "队员", "区医保局", "95后"),  # 区医保局: a short form, a body as written
])
def test_people_introduced_beyond_the_reaction_story(tmp_path, text, name, role, institution, cohort):
    people = _people_of(tmp_path, text)
    assert name in people.index, list(people.index)
    row = people.loc[name]
    got = [None if v != v else v for v in (row["role"], row["institution"], row["cohort"])]
    assert got == [role, institution, cohort]


def test_two_people_joined_by_he_share_their_description(tmp_path):
    people = _people_of(tmp_path, "标题\n简宁和柳依，重庆医科大学附属第一医院的护士，正月初三抵达武汉。")
    assert {"简宁", "柳依"} <= set(people.index)
    assert set(people.loc[["简宁", "柳依"], "institution"]) == {"重庆医科大学附属第一医院"}


def test_a_cohort_through_a_pronoun_goes_to_the_person_named_before(tmp_path):
    text = ("标题\n葛明是车间的钳工。葛明说，车间里像他这样的95后有二十多人。\n"
            "护士佟欣正在配药。她和另一名00后护士闵佳负责夜班。\n"
            "全县像聂远这样返乡创业的90后还有三十多人。聂远说，明年还要扩大规模。")
    people = _people_of(tmp_path, text)
    assert people.loc["葛明", "cohort"] == "95后"      # 像他这样的95后
    assert people.loc["佟欣", "cohort"] == "00后"      # 她和另一名00后
    assert people.loc["闵佳", "cohort"] == "00后"      # 另一名00后护士闵佳
    assert people.loc["聂远", "cohort"] == "90后"      # 像聂远这样…的90后


def test_journalists_are_press_not_voices(tmp_path):
    people = _people_of(tmp_path, "标题\n本报记者 邵一凡\n“我们不怕累，也不怕苦。”护士佟欣说。")
    assert people.loc["邵一凡", "role_group"] == "记者" and pd.isna(people.loc["邵一凡", "quote"])
    assert people.loc["佟欣", "quote"] == "我们不怕累，也不怕苦。"


def test_a_letter_signer(tmp_path):
    people = _people_of(tmp_path, "给同学们的一封信\n同学们：\n望你们保重身体。\n常青\n2020年3月1日")
    assert "常青" in people.index


@pytest.mark.parametrize("text", [
    "标题\n毕业后他去了深圳，在一家公司工作。",
    "标题\n我的高中同学都来了。",
    "标题\n王府井大街人流如织。",
    "标题\n他从广西大学毕业后回到家乡。",
    "标题\n其中90后、00后应占一定比例。",
    "标题\n各单位要张贴海报，做好宣传。",
])
def test_common_words_are_not_people(tmp_path, text):
    assert _people_of(tmp_path, text).empty


def test_traditional_text_gives_simplified_names_and_quotes_as_written(tmp_path):
    text = "標題\n（記者 梁文傑）\n25歲的陳思琪是香港大學學生。「每天都很累，但覺得值得。」陳思琪說。"
    people = _people_of(tmp_path, text)
    assert people.loc["梁文杰", "role"] == "记者"
    assert people.loc["陈思琪", "institution"] == "香港大学"
    assert people.loc["陈思琪", "quote"] == "每天都很累，但覺得值得。"  # as written (覺, not 觉)


def test_a_string_listed_as_no_name_is_never_a_person_even_when_the_tagger_calls_it_one():
    # the tagger calls 明白卡 (a leaflet that explains a policy) a name; data/person_not_names.txt lists it
    text = "社区通过标语、明白卡等方式宣传防疫知识，志愿者李爱飞挨家挨户发放。"
    assert [m.text for m in find_person_mentions(text)] == ["李爱飞"]


def test_names_listed_after_one_role_share_it():
    from corpus_lib.extract.institutions import extract_institutions
    from corpus_lib.extract.people import paragraph_people

    text = "市领导王明远、李华生和张建国出席会议。"
    found = [(p["name"], p["role"], p["role_group"]) for p in paragraph_people(text, extract_institutions(text))]
    assert found == [("王明远", "市领导", "领导干部"), ("李华生", "市领导", "领导干部"), ("张建国", "市领导", "领导干部")]


def test_names_in_latin_letters_after_a_role_or_before_speech_are_people():
    text = "活动结束后，中心主任Maggie与社工Peter Chan一起整理物资。Tommy说：“明年还来。”品牌Nike赞助了球衣。"
    names = [m.text for m in find_person_mentions(text)]
    assert names[:3] == ["Maggie", "Peter Chan", "Tommy"]
    assert "Nike" not in names  # a capitalised word with no person's cue is no name
    assert not [m for m in find_person_mentions("我们使用Excel整理数据，IBM的工程师也来了。") if m.rule == "latin"]


def test_a_credit_may_name_people_in_latin_letters():
    rows = find_credits("文丨王小明 编丨May\n摄影：Kevin Frayer/某图片社")
    assert [(row["name"], row["role"]) for row in rows] == [("王小明", "作者"), ("May", "编辑"), ("Kevin Frayer", "摄影")]


def test_a_native_place_and_a_body_are_no_names():
    from corpus_lib.extract.people import _issuer_person
    from corpus_lib.extract.person_finder import candidates

    # 某地籍 says where people come from; a page's issuer 某地政协 is a body, though 金 and 温 are surnames
    assert not [c["text"] for c in candidates("选拔24名金华籍全日制在读大学生兼任乡镇团委副书记。") if c["text"].endswith("籍")]
    assert "和湖北" not in [c["text"] for c in candidates("来自北京和湖北的医护人员并肩作战。")]  # and Hubei
    assert not _issuer_person("金华政协", "7月17日下午，金华政协组织青年委员走进社区。")
    assert not _issuer_person("温州政协", "温州政协组织青年委员走进社区。")
    assert _issuer_person("王小明", "王小明\n2020年3月1日")  # a person still is one


def test_a_name_inside_a_company_name_is_no_person(tmp_path):
    # invented: the company's name holds a name-like run; the founder named in the text is a person
    people = _people_of(tmp_path, "标题\n创业者吕晓光说，他组建的佛山陈思远合成材料有限公司3年来发展很快，"
                                  "她创办的南京王丽华服饰有限公司如今有百名员工。")
    assert "吕晓光" in people.index
    assert "陈思远" not in people.index and "王丽华" not in people.index


@pytest.mark.parametrize("text, name, cohort", [
    # a cohort, then a word for a kind of person that no roles list holds, then the name
    ("标题\n95后新农人步云飞说，种茶不易。", "步云飞", "95后"),
    ("标题\n00后女主播罗小琪每天直播三小时。", "罗小琪", "00后"),
    # one name joined by 和/与 to the others a group word takes in
    ("标题\n许晴和她的同伴都是90后。", "许晴", "90后"),
    ("标题\n车间里，葛明与队友们均为95后。", "葛明", "95后"),
])
def test_stated_cohorts_of_more_shapes(tmp_path, text, name, cohort):
    people = _people_of(tmp_path, text)
    assert name in people.index, list(people.index)
    assert people.loc[name, "cohort"] == cohort


def test_a_name_joined_to_others_takes_no_cohort_they_do_not_share(tmp_path):
    people = _people_of(tmp_path, "标题\n许晴和同伴们一起报名。后来，大家都是志愿者，其中有不少90后。")
    assert pd.isna(people.loc["许晴", "cohort"])
