"""A generated corpus with a known answer, for the topic model and the reprint finder (issue 23's "done when").

20 news items on rural teaching volunteers (西部计划支教, files ``a01`` … ``a20``), 20 on youth flood relief
(防汛抢险, ``b01`` … ``b20``), and 6 reprints of the first six teaching items (``r01`` … ``r06``): each with a new
header line (the outlet it was taken from), one sentence dropped and one sentence changed, dated two days after
its original. Every story is 7 of 30 sentences on its subject with its own names, places and numbers, so two
stories on one subject share words but not text. The texts are ours; the generation is deterministic.

>>> files = corpus_files()
>>> len(files), sum(name.startswith("r") for name in files)
(46, 6)
"""
from __future__ import annotations

import random
from pathlib import Path

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林"
GIVEN = ["晓雯", "子涵", "浩然", "思远", "雨桐", "嘉怡", "明轩", "欣然", "俊杰", "梦瑶", "宇航", "佳琪", "文博", "诗琪", "志强",
         "海燕", "一鸣", "若曦", "天宇", "静怡", "泽宇", "丽娜", "鹏飞", "婉婷", "振华"]
SCHOOLS = ["西南大学", "陕西师范大学", "兰州大学", "四川大学", "华中师范大学", "云南师范大学", "贵州大学", "宁夏大学",
           "新疆大学", "西北师范大学"]
COUNTIES = ["甘肃省会宁县", "贵州省威宁县", "云南省镇雄县", "四川省昭觉县", "青海省循化县", "宁夏回族自治区西吉县",
            "新疆维吾尔自治区莎车县", "广西壮族自治区隆林县", "陕西省佳县", "西藏自治区林周县"]
PROVINCES = ["甘肃", "贵州", "云南", "四川", "青海", "宁夏", "新疆", "广西", "陕西", "西藏"]
RIVERS = ["长江", "嘉陵江", "湘江", "赣江", "淮河", "汉江", "闽江", "西江", "沱江", "渠江"]
CITIES = ["重庆", "南充", "长沙", "南昌", "蚌埠", "襄阳", "福州", "梧州", "泸州", "达州"]
TOWNS = ["沿江镇", "河口镇", "白沙镇", "石门镇", "新华镇", "清水镇", "龙潭镇", "双河镇", "三江镇", "永兴镇"]
COMPANIES = ["国网电力公司", "中铁建工集团", "市自来水公司", "城投集团", "港务集团"]
OUTLETS = ["中国青年报", "人民网", "新华网", "中国青年网", "光明网", "央广网"]

TEACHING = [
    "{year}年夏天，{school}毕业生{name}报名参加大学生志愿服务西部计划，来到{place}的一所乡村小学支教。",
    "学校只有{n}名老师，{name}一个人承担了三年级的语文和数学课。",
    "每天清晨六点，{name}就走进教室，带着孩子们早读。",
    "为了让学生开阔视野，{name}利用周末自制科学实验教具，用矿泉水瓶演示大气压强。",
    "刚到{place}时，{name}听不懂当地方言，就跟着学生一句一句地学。",
    "在{name}的带动下，班上的孩子们第一次参加了县里的朗诵比赛，拿到了二等奖。",
    "据共青团{province}省委介绍，今年全省共有{big}名西部计划志愿者分赴基层教育、卫生健康和乡村建设岗位。",
    "支教期间，{name}走访了{n}户学生家庭，把每个孩子的学习情况都记在笔记本上。",
    "“孩子们的眼睛特别亮，我想让他们看到大山外面的世界。”{name}说。",
    "服务期满后，{name}决定留在{place}，参加了当地的教师招聘考试。",
    "学校的图书角原来只有几十本旧书，{name}联系母校{school}的同学募集了{books}册课外读物。",
    "晚上备课到深夜是常事，{name}宿舍里的台灯常常亮到十一点。",
    "{name}还组建了一支课后足球队，每周二和周四下午在操场上训练。",
    "当地教育局负责人表示，志愿者的到来缓解了乡村学校师资紧张的问题。",
    "志愿服务结束时，学生们把亲手折的千纸鹤送给了{name}老师。",
    "{name}说，支教一年，收获最大的其实是自己。",
    "这所乡村学校的孩子大多是留守儿童，父母常年在外地打工。",
    "{name}每周组织一次“周末课堂”，辅导孩子们完成作业、练习书法。",
    "在{school}读书时，{name}就是学校研究生支教团的骨干成员。",
    "西部计划自2003年实施以来，已累计选派数十万名高校毕业生到西部基层服务。",
    "{name}把每节课的教案都整理成册，留给下一批志愿者参考。",
    "课堂上，{name}用多媒体课件讲解古诗，孩子们听得津津有味。",
    "入冬以后教室里很冷，{name}和同事们一起给窗户钉上了塑料布，又生起了炉子。",
    "{name}通过公益平台为学生争取到了免费的英语直播课。",
    "当地团县委为支教志愿者安排了周转宿舍，并定期开展教学培训。",
    "{name}发现不少学生视力下降，就在班里推广眼保健操，还请来了县医院的医生讲课。",
    "每到家长会，{name}都会用视频连线远在外地打工的家长。",
    "支教之余，{name}还参与了村里的电商培训，帮助村民在网上销售核桃和花椒。",
    "“以前觉得当老师很简单，真正站上讲台才知道责任有多重。”{name}感慨道。",
    "今年六月，{name}带的班级在全县期末统考中语文平均分提高了{gain}分。",
]
TEACHING_TITLES = ["{school}毕业生{name}：把青春留在{place}的讲台上", "西部计划志愿者{name}的支教一年",
                   "{place}的乡村小学来了位年轻老师", "大山里的讲台：记支教志愿者{name}", "{name}：在{place}当一名乡村教师"]

FLOODS = [
    "连日强降雨导致{river}水位持续上涨，{city}市{town}等多个乡镇出现内涝。",
    "接到险情通知后，共青团{city}市委迅速组建青年突击队，{n}名队员连夜赶赴堤坝。",
    "队员们扛沙袋、筑子堤，在齐腰深的洪水中连续奋战了{hours}个小时。",
    "“堤在人在，我们一定守住这道防线。”青年突击队队长{name}说。",
    "在转移群众的过程中，{name}背着一位行动不便的老人蹚过积水，把她安全送到安置点。",
    "截至{month}月{day}日18时，{city}已累计转移安置受灾群众{big}人。",
    "水文部门监测显示，{river}{city}段超警戒水位{metres}米。",
    "{company}的青年职工自发组成抢险小分队，出动冲锋舟{boats}艘。",
    "在{town}的安置点，青年志愿者为群众分发矿泉水、方便面和棉被。",
    "气象部门预计，未来三天{city}仍有大到暴雨，局部地区有大暴雨。",
    "{name}的手被编织袋磨出了血泡，简单包扎后又回到了堤坝上。",
    "电力抢修队的青年党员冒雨巡查线路，连夜恢复了{villages}个村的供电。",
    "应急管理部门提醒，群众切勿前往河道、水库等危险区域。",
    "为防止管涌扩大，突击队员们在险段打下木桩，铺设反滤层。",
    "医疗防疫小组在安置点开展巡诊，并对积水区域进行消杀，防止灾后出现疫情。",
    "{name}已经三天没有回家，困了就在堤坝旁的帐篷里眯一会儿。",
    "洪水退去后，青年志愿者帮助{town}的村民清理淤泥，修复受损的道路和房屋。",
    "据统计，此次强降雨过程中，{city}共有{volunteers}余名团员青年参与防汛救灾。",
    "夜里十一点，巡堤队员发现一处渗水点，立即报告防汛指挥部并组织抢护。",
    "消防救援人员出动橡皮艇，将被困在屋顶的{trapped}名群众营救上岸。",
    "“看到乡亲们都安全了，再累也值得。”{name}说。",
    "{city}防汛抗旱指挥部启动了防汛二级应急响应，各部门二十四小时值守。",
    "放暑假的大学生志愿者返回{town}，在村里协助登记受灾情况。",
    "抢险物资源源不断地运到一线，编织袋、救生衣和照明灯一应俱全。",
    "{name}带领队员对{km}公里长的堤段进行拉网式排查。",
    "部分农田被洪水淹没，农业部门组织技术人员指导村民抢排积水、补种作物。",
    "团员青年组成的爱心车队，把热饭热菜送到了坚守在堤坝上的抢险人员手中。",
    "{town}的一座漫水桥被洪水冲毁，交通部门设置了绕行标志。",
    "为了加快进度，突击队员们两人一组，接力传递沙袋。",
    "经过连续奋战，{river}{city}段的险情得到有效控制。",
]
FLOOD_TITLES = ["{city}青年突击队奋战在防汛一线", "{city}：青年力量守护{river}安澜", "洪水面前，{city}团员青年冲在前",
                "守住{river}大堤的年轻人", "{town}抗洪记：青年突击队的{hours}个小时"]

CHANGED = "，记者了解到，相关工作仍在有序推进"  # what a reprint's editor appends to one sentence
SENTENCES = 7


def _slots(rng: random.Random, number: int) -> dict:
    return {"name": rng.choice(SURNAMES) + GIVEN[number % len(GIVEN)], "school": rng.choice(SCHOOLS),
            "place": COUNTIES[number % len(COUNTIES)], "province": PROVINCES[number % len(PROVINCES)],
            "river": RIVERS[number % len(RIVERS)], "city": CITIES[number % len(CITIES)], "town": rng.choice(TOWNS),
            "company": rng.choice(COMPANIES), "year": rng.choice([2021, 2022, 2023]), "n": rng.randint(6, 60),
            "big": rng.randint(1200, 9800), "books": rng.randint(300, 2000), "gain": rng.randint(4, 15),
            "hours": rng.randint(10, 40), "month": 7, "day": rng.randint(2, 28), "metres": rng.randint(1, 3),
            "boats": rng.randint(3, 20), "villages": rng.randint(5, 30), "volunteers": rng.randint(800, 5000),
            "trapped": rng.randint(3, 30), "km": rng.randint(5, 40)}


def _story(rng: random.Random, number: int, sentences: list[str], titles: list[str]) -> tuple[str, list[str], str]:
    slots = _slots(rng, number)
    chosen = sorted(rng.sample(range(len(sentences)), SENTENCES))
    body = [sentences[i].format(**slots) for i in chosen]
    day = f"2023年7月{slots['day']}日"
    return titles[number % len(titles)].format(**slots), body, day


def _text(title: str, body: list[str], day: str, *, header: str | None = None) -> str:
    lines = [header] if header else []
    lines += [title, *body, day]
    return "\n".join(lines) + "\n"


def _reprint(rng: random.Random, title: str, body: list[str], day: str, number: int) -> str:
    dropped, changed = rng.sample(range(1, len(body)), 2)
    edited = [sentence if i != changed else sentence.rstrip("。") + CHANGED + "。" for i, sentence in enumerate(body)]
    del edited[dropped]
    later = day.replace(day.split("月")[1], f"{int(day.split('月')[1].rstrip('日')) + 2}日")
    return _text(title, edited, later, header=f"来源：{OUTLETS[number % len(OUTLETS)]}　转载")


def corpus_files() -> dict[str, str]:
    """File name -> text, in file order: a01 … a20, b01 … b20, r01 … r06 (r0k reprints a0k)."""
    rng = random.Random(23)
    files, teaching = {}, []
    for number in range(1, 21):
        title, body, day = _story(rng, number, TEACHING, TEACHING_TITLES)
        teaching.append((title, body, day))
        files[f"a{number:02d}.txt"] = _text(title, body, day)
    for number in range(1, 21):
        files[f"b{number:02d}.txt"] = _text(*_story(rng, number, FLOODS, FLOOD_TITLES))
    for number in range(1, 7):
        files[f"r{number:02d}.txt"] = _reprint(rng, *teaching[number - 1], number)
    return files


def write_corpus(folder: Path) -> Path:
    """Write the 46 files into ``folder`` (created); returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in corpus_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def subject(source: str) -> str:
    """The subject a file is about: teaching (a, r) or floods (b)."""
    return "floods" if source.startswith("b") else "teaching"
