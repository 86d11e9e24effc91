"""A document's header and signature: page furniture, title, subtitle, issuer, document number, stated dates.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .. import resources
from ..extract import date_lines
from ..lexicons.names import press_roles, surnames

INNER_PUNCTUATION = re.compile(r"[。！？；]")
HAN = re.compile(r"[\u4e00-\u9fff]")
# A headline may ask or exclaim (想当消防员？这些考验你得扛住), but holds no full stop or semicolon.
EXCLAIMS = re.compile(r"[！？]")


# A title whose line ends so goes on to the next line: …会议上的 / 讲话, 大雪中， / …请出列！, 全国4.8万余名 / 志愿者…
TITLE_CONTINUES = re.compile(r"(?:[的和与及在对为之把被将向从给让、，]|关于|\d[\d.]*[万千百亿]?余?[名个位家支所项件人])$")
# …关于表彰 / …的决定: an official title broken before its document type
NOTICE_TYPE = re.compile(r"(?:通知|通告|决定|意见|办法|方案|公告|通报|规定|细则|公示|批复|名单)$")


# A title run into the first sentence: …新闻通稿今天下午（2月24日）举行。
TITLE_RUN_ON = re.compile(r"^(?P<title>[^，。：；！？]{6,60}?(?:新闻通稿|通稿|的通知|的讲话|的回信|的决定|的意见|公告|通报))(?P<rest>\S.*)$")


# A header run into one line, as a page without line breaks gives it: the title, then its bracketed date (and the
# speaker): 在…大会上的讲话（2018年6月26日）某某同志们：… The header is read as if the date stood on its own line.
RUN_ON_DATE = re.compile(r"[（(]\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年[^（）()]{2,8}日\s*[)）]")


def _unrepeated(title: str) -> str:
    """A title without a first copy of its own end: a page's short title run into its full one
    (``某大会上的致词`` + ``乘…梦想——某大会上的致词`` -> the full one).

    >>> _unrepeated("在某某大会上的讲话奋进新时代——在某某大会上的讲话")
    '奋进新时代——在某某大会上的讲话'
    """
    for size in range(len(title) // 2, 5, -1):
        if title[size:].endswith(title[:size]) and len(title) > 2 * size:
            return title[size:]
    return title


DOC_NUMBER = re.compile(r"^\S{1,12}〔\d{4}〕\d+号$")


def _title_like(line: str) -> bool:
    if not 4 <= len(line) <= 80 or not HAN.search(line) or re.search("[。；]", line) \
            or line.endswith(("：", ":", "，", "、", "…")):
        return False
    exclaims = len(EXCLAIMS.findall(line))
    return exclaims == 0 or (len(line) >= 8 and exclaims <= 2)


# Page furniture: lines a web page or newspaper puts around a story; never a title.
FURNITURE = {
    "masthead": r"^[\u4e00-\u9fff]{1,10}(?:日报|晚报|晨报|早报|青年报|时报|商报|周报|都市报|法治报|法制报)(?:\s.*)?$",
    "page": r"(?:^|\s|[:：])第?\s*[A-Z]?\d{1,3}\s*版(?:[:：\s]|$)",                       # 第A02版:要闻
    "breadcrumb": r"^(?:首页|当前位置|您的位置|您现在的位置|您所在的位置|所在位置)|[>›»＞].*[>›»＞]",
    "short_breadcrumb": r"^[^。！？，,：:“”>›»＞]{1,20}\s*[>›»＞]\s*[^。！？，,：:“”>›»＞]{1,20}$",    # 某团委 > 团情动态
    "chrome": r"(?:字体|字号)\s*[:：]|【\s*大\s*中\s*小\s*】|打印本页|关闭窗口|【打印】|【关闭】|分享到"
              r"|扫一扫|扫码|二维码|手机版|返回顶部|^上一篇|^下一篇|浏览次数|阅读次数|点击数|^[（(]完[）)]$",
    "current_issue": r"^当前[\u4e00-\u9fff]{0,4}[为是：:]",
    "section": r"^[\u4e00-\u9fff]{0,4}(?:新闻|要闻|动态|快讯|资讯|头条|专题|专栏)$",            # a section: 国内新闻
    "site_line": r"^[\u4e00-\u9fff]{2,8}(?:在线|新闻网|客户端|融媒体中心|电视台)$",                # a site's name line: 中青在线
    "column_label": r"^[【\[][^【】\[\]]{1,20}[】\]]$",                   # a column label: 【主播君的话】
    "bracket_note": r"^[（(][^（）()]{1,10}[)）]$",                          # a note: （资料图片）
    "caption": r"^(?:图|图为|图片|上图|下图|左图|右图|组图)[：:]|^图为|^△",                       # a photo caption
    "photo_credit": r"(?:摄|供图)[）)]?$",
    "repost": r"^(?:本文)?转(?:载)?自|授权转载",                                                     # a repost note
    "bulletin": r"^[\u4e00-\u9fff]{2,12}简报$",
    "issue": r"^(?:\d{4}年)?第\s*[\d一二三四五六七八九十]{1,4}\s*期(?:\s.*)?$",  # a bulletin's masthead, issue
    "credits": r"^(?:[\u4e00-\u9fff、]{1,6}\s*[丨|｜／/：:]\s*[^\s丨|｜／/：:，。！？]{1,10}(?:\s+|\s*[丨|｜]\s*|$)){2,}$",  # credits: 供稿丨某委 文字丨某某
}
PAGE_FURNITURE = re.compile("|".join(f"(?:{pattern})" for pattern in FURNITURE.values()))


# A byline: 本报记者 张华, （记者 张华 通讯员 李明）, 文/张华.
# A byline or credit line: 本报记者 张华, （记者 张华 通讯员 李明）, 文/张华, 责任编辑：李明. A reporter's credit
# (记者, 通讯员 …) may run into the name; an editor's or a one-character one (编辑, 文) needs a separator.
_REPORTER = "|".join(map(re.escape, (c for c, r in press_roles().items() if len(c) > 1 and r in ("记者", "通讯员", "实习生", "摄影"))))
_CREDIT = "|".join(map(re.escape, press_roles()))
BYLINE = re.compile(rf"^[（(]?(?:本报|本网|本台|新华社)?(?:(?:{_REPORTER})\s*[：:/／|｜丨]?|(?:{_CREDIT})\s*[：:/／|｜丨 ])"
                    r"\s*[\u4e00-\u9fff][^。！？]{0,40}$")
HEADER_LINES = 12


NOT_NAMES = frozenset({"特此通知", "附件", "此致", "敬礼", "谢谢", "谢谢大家"}) | frozenset(press_roles())
WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")
# How the names of sites and channels end (中国青年网, 澎湃新闻, 某某之声, 中青在线).
SITE_ENDINGS = "网|报|新闻|频道|之声|在线|客户端"
# A site's or channel's name over the headline: 中国青年网, 澎湃新闻, 某某之声
SITE_NAME = re.compile(rf"^[\u4e00-\u9fff]{{1,8}}(?:{SITE_ENDINGS})$")
# A web page's title with its site's and channels' names after it (标题 - 某某大学新闻网, 标题_新闻频道_中国青年网,
# 标题|中青在线): a separator, then a name that ends like a site's (or 网站, 官网, 门户).
TITLE_SITE = re.compile(r"(?:\s*[_|｜]\s*|\s+[-–—]\s+)(?P<site>[\u4e00-\u9fffA-Za-z0-9]{1,16}"
                        rf"(?:{SITE_ENDINGS}|网站|官网|门户))$")
# A document's type standing alone as its title (倡议书 over 全市广大团员青年：…); other lines this short are furniture.
TYPE_TITLES = frozenset({"倡议书", "公开信", "感谢信", "慰问信", "贺信", "通知", "通告", "公告", "公示", "决定", "喜报",
                         "声明", "启事", "决议"})
# A title given by a label: 标题：…
TITLE_LABEL = re.compile(r"^(?P<original>原)?(?:标题|题目|文章标题)\s*[：:]\s*(?P<title>\S.{3,79})$")
# What an issue's imprint line names before its date: 办公室编, 共青团某市委员会编印
IMPRINT_VERB = re.compile(r"\s*(?:编印|编发|主办|印发|编)$")


def is_furniture(line: str) -> bool:
    """A masthead, page header, breadcrumb, web chrome, byline or metadata line: never a title.

    >>> [is_furniture(x) for x in ["第A02版:要 闻", "首页 > 新闻中心 > 团情快讯", "本报记者 张华", "青年志愿者在行动"]]
    [True, True, True, False]
    """
    return bool(PAGE_FURNITURE.search(line) or BYLINE.match(line) or date_lines.META_LINE.match(line) or TITLE_LABEL.match(line))


@lru_cache(maxsize=1)
def _issuer_suffixes() -> tuple[str, ...]:
    return tuple(sorted(resources.read_lines("issuer_suffixes.txt"), key=len, reverse=True))


def issuer_kind(line: str) -> str | None:
    """``"org"``, ``"person"`` or None: what a signature or name line names, if it is a plausible issuer.

    An organisation ends in a suffix of ``data/issuer_suffixes.txt``; a person is 2-4 Han characters
    (a surname first, or three characters), or a name joined by ·. Joint issuers are split at 、 or spaces.

    >>> [issuer_kind(x) for x in ["共青团上海市委员会", "习近平", "中共中央办公厅 国务院办公厅", "让青春在一线绽放"]]
    ['org', 'person', 'org', None]
    """
    line = line.strip()
    if not 2 <= len(line) <= 40 or re.search(r"[，。：；！？“”（）()\d:;,!?《》丨|｜]", line):
        return None
    kinds = {_one_issuer(part) for part in re.split(r"[、\s]+", line) if part}
    return None if None in kinds or not kinds else ("org" if "org" in kinds else "person")


def issuer_name(line: str) -> str | None:
    """The issuer a name line states: the whole line, or the name after a role (``校长 李春华`` -> ``李春华``).

    >>> issuer_name("校长 李春华"), issuer_name("共青团中央"), issuer_name("本报记者 张华"), issuer_name("请各单位认真落实")
    ('李春华', '共青团中央', None, None)
    """
    if BYLINE.match(line):
        return None
    if issuer_kind(line):
        return line
    *roles, name = line.split(" ")
    short_roles = roles and all(re.fullmatch(r"[\u4e00-\u9fff、]{2,16}", role) for role in roles)
    if short_roles and any(role.endswith(tuple(press_roles())) for role in roles):  # 某某新闻记者 张华: a byline
        return None
    return name if short_roles and issuer_kind(name) == "person" else None


# Who published a story, as a web page or a wire copy says: 来源：某某日报, 新华社北京7月12日电, 某某网讯,
# 本文转自微信公众号“某某”. 本报/本网 and 来源：网络 name no one.
SOURCE_LINE = re.compile(r"(?:^|\s|[：:（(]|\d)(?:(?:文章|新闻|信息)?(?:来源|稿源)\s*[：:]|供稿\s*[：:丨|｜])\s*(?P<name>[^\s：:，。|｜丨（(]{2,30})")
NO_SOURCE = re.compile(r"^(?:网络|本站|本网|原创|网友|互联网|综合|转载|未知|其他|投稿|自媒体)")
OUTLET = r"[\u4e00-\u9fff]{1,10}?(?:社|网|报|台|网站|在线|新闻|客户端)"
AGENCY = re.compile(rf"^(?!本报|本网|本台|本刊)(?P<name>{OUTLET})(?:[\u4e00-\u9fff]{{0,6}}?(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日|[\u4e00-\u9fff]{{0,6}}?\d{{1,2}}日)?"
                    r"(?:电(?![视话影台脑力器商网子费池梯])|讯)(?=[\s（(：:]|$)")
# A web dateline with its outlet after a separator: 更新: 2017-09-05 01:53:16 | 某某网, 2020-03-02 08:15 丨某某新闻
DATELINE_SOURCE = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*[|｜丨/／]\s*(?P<name>[\u4e00-\u9fff]{2,12})\s*$")
REPOST = re.compile(r"(?:转自|转载自|来自)(?:微信)?公众号\s*[：:“\"]?\s*(?P<name>[^”\"（(\s，。]{2,20})")


def source_issuer(lines: list[str]) -> str | None:
    """The outlet a story names for itself: a wire or newsroom line (``新华社北京7月12日电``, ``某某网讯：``)
    in the opening, else a ``来源：`` line or a repost note (``本文转自微信公众号“某某”``) at either end.

    >>> source_issuer(["标题", "2020-03-02 来源：某某日报 作者：张华", "正文。"]), source_issuer(["标题", "新华社北京3月2日电 正文。"])
    ('某某日报', '新华社')
    """
    for line in lines[:HEADER_LINES]:
        match = AGENCY.match(line)
        if match:
            return match["name"]
    for line in lines[:HEADER_LINES] + lines[-4:]:
        match = SOURCE_LINE.search(line) or REPOST.search(line) or DATELINE_SOURCE.search(line)
        if match and not NO_SOURCE.match(match["name"]) and not line[match.end():].startswith(("：", ":")):
            return date_lines.FULL_DATE.split(match["name"])[0] or None
    return None


def _one_issuer(part: str) -> str | None:
    singles, compounds = surnames()
    if 3 <= len(part) <= 30 and part.endswith(_issuer_suffixes()):
        return "org"
    if part in NOT_NAMES or not re.fullmatch(r"[\u4e00-\u9fff·•]{2,12}", part) or WEEKDAY.fullmatch(part):
        return None
    if "·" in part or "•" in part:
        return "person"
    has_surname = part[0] in singles or part.startswith(compounds)
    return "person" if len(part) == 3 or (has_surname and len(part) in (2, 4)) else None


def dated_line(line: str) -> tuple[str, date] | None:
    """(what stands before, the date) of a line that ends in a full date after a space, else None.

    >>> dated_line("共青团某市委员会 2022年4月26日")
    ('共青团某市委员会', datetime.date(2022, 4, 26))
    """
    for space in re.finditer(r"\s", line):
        stated = date_lines.parse_date_line(line[space.end():])
        if stated:
            return line[:space.start()].strip(), stated
    return None


def _imprint(rest: str, header: dict) -> bool:
    """What stands before an edition's or issue's date is furniture (A07, 第8期) or its issuer (办公室编,
    共青团某市委员会), which goes into ``header``; not a title."""
    if len(rest.replace(" ", "")) <= 3 or not HAN.search(rest) or is_furniture(rest):
        return True
    issuer = IMPRINT_VERB.sub("", rest)
    if issuer_kind(issuer) == "org":
        header["issuer"] = header["issuer"] or issuer
        return True
    return False


def _skip_furniture(lines: list[str], header: dict) -> int:
    """The index of the first line that is not page furniture; dates on skipped lines go into ``header``."""
    for index, line in enumerate(lines[:HEADER_LINES]):
        dated = None if date_lines.parse_date_line(line) else dated_line(line)
        site_name = SITE_NAME.match(line) and index + 1 < len(lines) and (
            _title_like(lines[index + 1]) or lines[index + 1].strip() in TYPE_TITLES)
        if date_lines.parse_date_line(line):
            header["date"] = header["date"] or date_lines.parse_date_line(line)
        elif (is_furniture(line) or len(line.replace(" ", "")) <= 3 and line.strip() not in TYPE_TITLES
              or not HAN.search(line) or site_name):
            header["posted"] = header["posted"] or date_lines.first_full_date(line)
        elif dated and _imprint(dated[0], header):
            header["date"] = header["date"] or dated[1]
        else:
            return index
    return min(len(lines), HEADER_LINES)


def parse_header(lines: list[str]) -> dict:
    """Title, subtitle, issuer, document number and dates from a document's first lines.

    Page furniture (mastheads, 第A02版, breadcrumbs, 时间：/来源： lines, bylines) is skipped. ``date``
    is a line holding only a date (``（2020年2月23日）``, a masthead's ``2020年3月2日 星期一``);
    ``posted`` is a date on a furniture line (``时间:2020-03-02 08:15``), which a signature outranks.

    >>> parse_header(["在统筹推进会议上的", "讲话", "（2020年2月23日）", "习近平", "同志们："])["title"]
    '在统筹推进会议上的讲话'
    >>> parse_header(["中国青年报", "2020年3月2日 星期一", "第A02版:要 闻", "青春在战疫一线闪光", "本报记者 张华"])["title"]
    '青春在战疫一线闪光'
    """
    header = {"title": None, "subtitle": None, "issuer": None, "doc_number": None, "date": None, "posted": None}
    first = _skip_furniture(lines, header)
    dated = RUN_ON_DATE.search(lines[first][:120]) if first < len(lines) and not _title_like(lines[first]) else None
    if dated and len(lines[first][:dated.start()].strip()) >= 6 and _title_like(lines[first][:dated.start()]) \
            and HAN.match(lines[first][dated.end():dated.end() + 1]):  # title（date）speaker …, not （date），
        header["title"] = _unrepeated(lines[first][:dated.start()].strip())
        header["date"] = header["date"] or date_lines.parse_date_line(dated.group(0))
        return header
    run_on = TITLE_RUN_ON.match(lines[first]) if first < len(lines) and not _title_like(lines[first]) else None
    if run_on:
        header["title"] = run_on["title"]
        return header
    for index in range(first, min(len(lines), HEADER_LINES)):
        if not _read_header_line(lines, index, header):
            break
    labels = [m for m in map(TITLE_LABEL.match, lines[:HEADER_LINES]) if m]  # 标题： wins; 原标题： fills a gap
    stated = next((m["title"] for m in labels if not m["original"]), None)
    original = next((m["title"] for m in labels if m["original"]), None)
    repeated = _repeated_title(lines)
    if repeated is not None and _key(lines[repeated]) not in _key(header["title"] or ""):
        header["title"] = None  # the header is read again from the repeated headline on
        for index in range(repeated, min(len(lines), HEADER_LINES)):
            if not _read_header_line(lines, index, header):
                break
    header["title"], site = without_site(stated or header["title"] or original)
    header["issuer"] = header["issuer"] or site
    return header


def without_site(title: str | None) -> tuple[str | None, str | None]:
    """``(title, site)``: a page title without the site's and channels' names after it, and the last (outermost)
    of those names; the title as it is, and None, when no such name ends it.

    >>> without_site("青年志愿者走进社区_新闻频道_中国青年网")
    ('青年志愿者走进社区', '中国青年网')
    >>> without_site("展共建青年城市|区政协调研团区委界别活动组")
    ('展共建青年城市|区政协调研团区委界别活动组', None)
    """
    site = None
    while title:
        match = TITLE_SITE.search(title)
        if match is None or len(_key(title[:match.start()])) < 4 or not _site_like(match["site"]):
            break
        title, site = title[:match.start()], site or match["site"]
    return title, site


NOT_SITES = ("喜报", "捷报", "简报", "海报", "汇报", "公报", "情报", "通报", "战报")


def _site_like(name: str) -> bool:
    """A site's or channel's name, not a title's last words (…｜我们的新闻, …｜一份喜报)."""
    return "的" not in name and not name.endswith(NOT_SITES) and not (name.endswith("报") and len(name) < 3)


def _key(line: str) -> str:
    return re.sub(r"[\W_]", "", line)


def _repeated_title(lines: list[str]) -> int | None:
    """A headline the header states twice (a web page's title line and its headline, a 原标题： line), and
    that the body does not repeat as boilerplate; site names and furniture aside.

    Its index, or None.

    >>> _repeated_title(["某某团委", "青年突击队奔赴一线", "2020-03-02 来源：某某网", "青年突击队奔赴一线", "正文。"])
    1
    """
    keys = [_key(line) for line in lines[:HEADER_LINES]]
    for index, line in enumerate(lines[:HEADER_LINES]):
        if len(keys[index]) < 6 or keys[index] not in "\n".join(keys[index + 1:]) or not _title_like(line) \
                or is_furniture(line) or SITE_NAME.match(line):
            continue
        labelled = {_key(m["title"]) for m in map(TITLE_LABEL.match, lines[index + 1:HEADER_LINES]) if m}
        if (keys[index] in keys[index + 1:] or keys[index] in labelled) \
                and not any(keys[index] == _key(later) for later in lines[HEADER_LINES:]):
            return index
    return None


def _read_header_line(lines: list[str], index: int, header: dict) -> bool:
    """Read one header line into ``header``; False when the header has ended."""
    line, title = lines[index], header["title"]
    dated = None if date_lines.parse_date_line(line) else dated_line(line)
    if date_lines.parse_date_line(line):
        header["date"] = header["date"] or date_lines.parse_date_line(line)
    elif is_furniture(line) or not HAN.search(line):
        header["posted"] = header["posted"] or date_lines.first_full_date(line)
    elif DOC_NUMBER.match(line):
        header["doc_number"] = line
    elif dated and _imprint(dated[0], header):  # A07 2025年7月23日, 办公室编 2011年3月16日
        header["date"] = header["date"] or dated[1]
    elif dated and title is None and _title_like(dated[0]):  # a headline with its date after it
        header["title"], header["date"] = dated[0], header["date"] or dated[1]
    elif title and line.startswith("——"):
        header["subtitle"] = line.lstrip("—")
    elif title and _continues(title, line):
        header["title"] += line
    elif title and not header["issuer"] and issuer_name(line):
        header["issuer"] = issuer_name(line)
    elif title is None and (_title_like(line) or line.strip() in TYPE_TITLES
                            or (TITLE_CONTINUES.search(line) and index + 1 < len(lines) and _continues(line, lines[index + 1]))):
        header["title"] = line
    else:
        return False
    return True


def _continues(title: str, line: str) -> bool:
    """``line`` goes on with ``title``: the title's end asks for more (…上的, 大雪中，, 4.8万余名), or a 关于…
    title gets its document type (…关于表彰 / 先进集体的决定)."""
    if not _continues_title(line) or not _title_like(title + line):
        return False
    return bool(TITLE_CONTINUES.search(title)) or ("关于" in title and not NOTICE_TYPE.search(title)
                                                  and bool(NOTICE_TYPE.search(line)))


def _continues_title(line: str) -> bool:
    return len(line) <= 40 and _title_like(line) or (len(line) <= 3 and HAN.search(line) and not INNER_PUNCTUATION.search(line))


def signature(lines: list[str]) -> tuple[str | None, date | None]:
    """(issuer, date) from a closing signature: a name line, then a date line, among the last lines
    (trailing furniture such as 责任编辑： or （完） may follow).

    >>> signature(["各区团委：", "请认真落实。", "共青团某某区委员会", "2020年3月2日", "（此件公开发布）"])
    ('共青团某某区委员会', datetime.date(2020, 3, 2))
    """
    if len(lines) < 3:
        return None, None
    for index in range(len(lines) - 1, max(1, len(lines) - 5), -1):
        stated = date_lines.parse_date_line(lines[index])
        if stated and not lines[index].startswith(("（", "(")):
            joint = [line for line in lines[max(1, index - 3):index] if issuer_kind(line) == "org"]
            joint = joint if joint and joint[-1] == lines[index - 1] and len(joint) > 1 \
                and lines[index - len(joint):index] == joint else []
            return (" ".join(joint) if joint else issuer_name(lines[index - 1])), stated
    return None, None


TITLE_ISSUER = re.compile(r"^(?P<body>.{3,40}?)关于")


def title_issuer(title: str | None) -> str | None:
    """The body an official title opens with: ``共青团某市委关于…的通知`` -> ``共青团某市委``.

    >>> title_issuer("共青团某市委 某市教育局关于表彰优秀团员的决定"), title_issuer("关于开展志愿服务的通知")
    ('共青团某市委 某市教育局', None)
    """
    match = TITLE_ISSUER.match(title or "")
    return match["body"] if match and issuer_kind(match["body"]) == "org" else None


def closing_date(lines: list[str]) -> date | None:
    """A dateline among the last lines (发布时间：2020-03-02 under a web story)."""
    for line in reversed(lines[-4:]):
        stated = date_lines.meta_line_date(line)
        if stated:
            return stated
    return None
