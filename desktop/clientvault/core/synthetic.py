"""Seeded synthetic client data for the demo vault, tests and benchmarks.

Everything here is invented: company names are random combinations, people are random
surname/given-name pairs, and ID numbers, USCCs, phones and accounts are generated with
valid check digits but are not drawn from any real register. Division names and codes are
real (GB/T 2260), so addresses and ID regions look right.

:func:`generate_clients` is deterministic for a given ``seed`` (and Python's ``random``
algorithm, stable across CPython 3.11+), fast enough for 100 000 clients in a few seconds, and
every value it yields passes :mod:`clientvault.core.validation`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import operator
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from clientvault.core.validation import IdType, resident_id_check_digit

__all__ = [
    "SyntheticClient",
    "SyntheticPerson",
    "SyntheticSensitive",
    "generate_clients",
]


@dataclass(frozen=True, slots=True)
class SyntheticPerson:
    """A person linked to a synthetic client."""

    role: str  # 'legal_rep' | 'finance_contact' | 'shareholder'
    name: str
    id_type: str  # an IdType value
    id_number: str
    phone: str
    email: str
    address: str


@dataclass(frozen=True, slots=True)
class SyntheticSensitive:
    """A sensitive item of a synthetic client.

    For ``bank_account`` the value is the account number; for the two logins it is
    ``"<username> / <password>"`` (passwords never contain spaces or ``/``).
    """

    kind: str  # 'bank_account' | 'tax_login' | 'social_insurance_login'
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class SyntheticClient:
    """A synthetic client with its persons and sensitive items.

    An ``individual`` client has exactly one person, the client themself, recorded with role
    ``legal_rep`` (the principal); it has no USCC and no tax number.
    """

    kind: str  # 'enterprise' | 'individual_business' | 'individual'
    name: str
    uscc: str | None
    tax_no: str | None
    address: str
    industry: str
    phone: str
    email: str
    engagement_start: _dt.date
    status: str  # 'prospect' | 'active' | 'ended'
    persons: tuple[SyntheticPerson, ...]
    sensitive: tuple[SyntheticSensitive, ...]


# --------------------------------------------------------------------------------------------
# Reference tables. Compact "汉字pinyin" strings keep the tables short to read and to review.
# --------------------------------------------------------------------------------------------


def _pairs(spec: str) -> tuple[tuple[str, str], ...]:
    return tuple((m[1], m[2]) for m in re.finditer(r"([^\sa-z]+)([a-z]+)", spec))


# Ordered roughly by frequency; weights are assigned by rank below.
_SURNAMES = _pairs(
    "王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu "
    "郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao "
    "彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su "
    "魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin "
    "石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin "
    "薛xue 闫yan 段duan 雷lei 侯hou 龙long 史shi 陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao "
    "万wan 钱qian 严yan 覃qin 武wu 戴dai 莫mo 孔kong 向xiang 汤tang"
)
_COMPOUND_SURNAMES = _pairs(
    "欧阳ouyang 上官shangguan 司马sima 诸葛zhuge 东方dongfang 皇甫huangfu 慕容murong 令狐linghu 司徒situ 夏侯xiahou"
)
_MALE_GIVEN = _pairs(
    "伟wei 强qiang 磊lei 军jun 勇yong 杰jie 涛tao 明ming 超chao 刚gang 平ping 辉hui 鹏peng 华hua 飞fei "
    "鑫xin 波bo 斌bin 宇yu 浩hao 凯kai 健jian 俊jun 帆fan 帅shuai 旭xu 宁ning 龙long 林lin 阳yang "
    "东dong 建jian 国guo 峰feng 晨chen 博bo 文wen 志zhi 海hai 亮liang 成cheng 永yong 春chun 庆qing "
    "瑞rui 毅yi 翔xiang 昊hao 睿rui 哲zhe 轩xuan 然ran 泽ze 航hang 子zi 嘉jia 家jia 振zhen 德de"
)
_FEMALE_GIVEN = _pairs(
    "芳fang 娜na 敏min 静jing 丽li 艳yan 娟juan 霞xia 秀xiu 英ying 玲ling 燕yan 婷ting 雪xue 琳lin "
    "慧hui 颖ying 倩qian 洁jie 萍ping 红hong 梅mei 莉li 兰lan 琴qin 云yun 欣xin 怡yi 佳jia 悦yue "
    "雯wen 璐lu 瑶yao 晶jing 月yue 丹dan 蕾lei 薇wei 菲fei 岚lan 晓xiao 思si 雨yu 诗shi 梦meng "
    "可ke 馨xin 涵han 彤tong 琪qi 萱xuan 露lu 凤feng 桂gui 金jin 淑shu 美mei 春chun 子zi 嘉jia"
)
_BRAND_CHARS = _pairs(
    "恒heng 瑞rui 鑫xin 达da 华hua 盛sheng 泰tai 宏hong 远yuan 佳jia 明ming 信xin 德de 通tong 顺shun "
    "祥xiang 和he 安an 康kang 隆long 丰feng 汇hui 源yuan 诚cheng 创chuang 新xin 嘉jia 荣rong 博bo "
    "智zhi 天tian 宇yu 海hai 辰chen 星xing 光guang 金jin 正zheng 中zhong 东dong 方fang 卓zhuo 越yue "
    "凯kai 旭xu 晨chen 兴xing 旺wang 昌chang 利li 永yong 益yi 云yun 峰feng 晟sheng 弘hong 睿rui "
    "锦jin 程cheng 腾teng 飞fei 乐le 美mei 优you 润run 融rong 聚ju 联lian 力li 邦bang 迅xun 捷jie "
    "亿yi 启qi 航hang 尚shang 品pin 誉yu 伟wei 业ye 富fu 吉ji 福fu 鸿hong 图tu 展zhan 朗lang 致zhi "
    "欣xin 悦yue 宁ning 雅ya 清qing 蓝lan 青qing 川chuan 江jiang 湖hu 山shan 岳yue 松song 柏bai "
    "森sen 林lin 禾he 田tian 盈ying 泽ze 浩hao 瀚han 宸chen 铭ming 骏jun 麒qi 凤feng 龙long 鹏peng "
    "翔xiang 鼎ding 坤kun 乾qian 元yuan 合he 众zhong 友you 道dao 本ben 勤qin 实shi 帆fan 舟zhou"
)

# (industry as recorded on the client, words used inside company names)
_INDUSTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("软件和信息技术服务业", ("科技", "信息技术", "网络科技", "软件", "数据科技", "智能科技")),
    ("批发和零售业", ("贸易", "商贸", "进出口", "供应链管理", "电子商务")),
    ("餐饮业", ("餐饮管理", "餐饮", "食品")),
    ("建筑业", ("建筑工程", "建设工程", "装饰工程", "园林工程")),
    ("制造业", ("机械制造", "电子", "新材料", "精密机械", "服饰", "包装制品")),
    ("租赁和商务服务业", ("企业管理咨询", "商务咨询", "广告", "会展服务", "人力资源")),
    ("交通运输、仓储和邮政业", ("物流", "运输", "仓储服务", "货运代理")),
    ("房地产业", ("物业管理", "房地产经纪", "置业")),
    ("文化、体育和娱乐业", ("文化传媒", "文化传播", "影视文化", "体育发展")),
    ("教育", ("教育科技", "培训", "教育咨询")),
    ("居民服务、修理和其他服务业", ("家政服务", "美容美发", "汽车服务", "维修服务")),
    ("住宿业", ("酒店管理", "民宿")),
    ("农、林、牧、渔业", ("农业科技", "生态农业", "农产品")),
    ("科学研究和技术服务业", ("生物科技", "检测技术", "环保科技", "工程设计")),
    ("卫生和社会工作", ("医疗器械", "健康管理", "医药科技")),
)
_SHOPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("批发和零售业", ("便利店", "商行", "经营部", "水果店", "五金店", "服装店", "烟酒店", "超市")),
    ("餐饮业", ("面馆", "小吃店", "餐馆", "饭店", "奶茶店", "烧烤店")),
    ("居民服务、修理和其他服务业", ("理发店", "美容店", "洗衣店", "汽车维修部", "家电维修部", "照相馆")),
    ("文化、体育和娱乐业", ("工作室", "书店", "文印店")),
)
_COMPANY_FORMS = ("有限公司",) * 16 + ("有限责任公司", "有限责任公司", "股份有限公司", "合伙企业（有限合伙）")

# (province, prefecture city or "" for a municipality, short city name, area code,
#  ((district, GB/T 2260 code), ...)); only divisions that exist today.
_REGIONS: tuple[tuple[str, str, str, str, tuple[tuple[str, str], ...]], ...] = (
    ("北京市", "", "北京", "010", (("东城区", "110101"), ("西城区", "110102"), ("朝阳区", "110105"),
                                   ("丰台区", "110106"), ("海淀区", "110108"))),
    ("上海市", "", "上海", "021", (("黄浦区", "310101"), ("徐汇区", "310104"), ("长宁区", "310105"),
                                   ("静安区", "310106"), ("闵行区", "310112"), ("浦东新区", "310115"))),
    ("天津市", "", "天津", "022", (("和平区", "120101"), ("河西区", "120103"), ("南开区", "120104"))),
    ("重庆市", "", "重庆", "023", (("渝中区", "500103"), ("沙坪坝区", "500106"), ("南岸区", "500108"))),
    ("浙江省", "杭州市", "杭州", "0571", (("上城区", "330102"), ("拱墅区", "330105"), ("西湖区", "330106"),
                                        ("滨江区", "330108"), ("萧山区", "330109"), ("余杭区", "330110"))),
    ("浙江省", "宁波市", "宁波", "0574", (("海曙区", "330203"), ("江北区", "330205"), ("鄞州区", "330212"))),
    ("江苏省", "南京市", "南京", "025", (("玄武区", "320102"), ("秦淮区", "320104"), ("建邺区", "320105"),
                                       ("鼓楼区", "320106"))),
    ("江苏省", "苏州市", "苏州", "0512", (("虎丘区", "320505"), ("吴中区", "320506"), ("姑苏区", "320508"),
                                        ("吴江区", "320509"))),
    ("广东省", "广州市", "广州", "020", (("越秀区", "440104"), ("海珠区", "440105"), ("天河区", "440106"),
                                       ("白云区", "440111"), ("番禺区", "440113"))),
    ("广东省", "深圳市", "深圳", "0755", (("罗湖区", "440303"), ("福田区", "440304"), ("南山区", "440305"),
                                        ("宝安区", "440306"), ("龙岗区", "440307"))),
    ("四川省", "成都市", "成都", "028", (("锦江区", "510104"), ("青羊区", "510105"), ("武侯区", "510107"),
                                       ("成华区", "510108"))),
    ("湖北省", "武汉市", "武汉", "027", (("江岸区", "420102"), ("江汉区", "420103"), ("武昌区", "420106"),
                                       ("洪山区", "420111"))),
    ("陕西省", "西安市", "西安", "029", (("新城区", "610102"), ("碑林区", "610103"), ("未央区", "610112"),
                                       ("雁塔区", "610113"))),
    ("山东省", "济南市", "济南", "0531", (("历下区", "370102"), ("市中区", "370103"), ("槐荫区", "370104"))),
    ("山东省", "青岛市", "青岛", "0532", (("市南区", "370202"), ("市北区", "370203"), ("黄岛区", "370211"),
                                        ("崂山区", "370212"))),
    ("福建省", "厦门市", "厦门", "0592", (("思明区", "350203"), ("湖里区", "350206"), ("集美区", "350211"))),
    ("福建省", "福州市", "福州", "0591", (("鼓楼区", "350102"), ("台江区", "350103"), ("仓山区", "350104"))),
    ("湖南省", "长沙市", "长沙", "0731", (("芙蓉区", "430102"), ("天心区", "430103"), ("岳麓区", "430104"),
                                        ("开福区", "430105"))),
    ("河南省", "郑州市", "郑州", "0371", (("中原区", "410102"), ("二七区", "410103"), ("金水区", "410105"))),
    ("安徽省", "合肥市", "合肥", "0551", (("瑶海区", "340102"), ("庐阳区", "340103"), ("蜀山区", "340104"),
                                        ("包河区", "340111"))),
    ("辽宁省", "沈阳市", "沈阳", "024", (("和平区", "210102"), ("沈河区", "210103"), ("皇姑区", "210105"))),
    ("江西省", "南昌市", "南昌", "0791", (("东湖区", "360102"), ("西湖区", "360103"), ("青山湖区", "360111"))),
    ("河北省", "石家庄市", "石家庄", "0311", (("长安区", "130102"), ("桥西区", "130104"), ("新华区", "130105"))),
    ("云南省", "昆明市", "昆明", "0871", (("五华区", "530102"), ("盘龙区", "530103"), ("官渡区", "530111"))),
    ("广西壮族自治区", "南宁市", "南宁", "0771", (("兴宁区", "450102"), ("青秀区", "450103"),
                                                ("西乡塘区", "450107"))),
)  # fmt: skip

_STREETS = (
    "人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "胜利路", "文化路", "青年路", "东风路",
    "长江路", "黄河路", "学院路", "科技路", "创业路", "滨江大道", "世纪大道", "迎宾大道", "复兴路", "光明路",
    "幸福路", "友谊路", "朝阳路", "江南大道", "金融街", "商业街", "工业路", "兴业路", "发展大道", "望江路",
    "花园路", "湖滨路", "文一路", "文二路", "文三路", "延安路", "环城东路", "环城西路", "府前街", "振兴路",
)  # fmt: skip
_TOWERS = ("国际大厦", "金融中心", "科技园", "创业园", "商务中心", "世贸广场", "时代广场", "财富中心", "总部基地")
_COMMUNITIES = (
    "阳光花园", "金色家园", "翠苑", "锦绣华庭", "滨江花园", "桂花园", "万科城", "碧桂园", "幸福里", "和平小区",
    "紫荆花园", "丽景苑", "东方名城", "新城国际", "学府雅苑", "春江花月", "枫林晚", "绿洲花园", "天润城", "御景湾",
)  # fmt: skip

_MOBILE_PREFIXES = tuple(
    str(p)
    for p in (*range(130, 140), 145, 147, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 173, 175, 176, 177,
              178, *range(180, 190), 191, 198, 199)
)  # fmt: skip
_MAIL_DOMAINS = ("qq.com", "163.com", "126.com", "sina.com", "sohu.com", "foxmail.com", "139.com", "aliyun.com")
_COMPANY_TLDS = ("com", "com.cn", "cn", "net")
_COMPANY_MAILBOXES = ("info", "service", "contact", "admin", "office", "finance", "hr", "sales")
# (bank, account lengths for corporate accounts, BIN of its personal debit cards)
_BANKS: tuple[tuple[str, tuple[int, ...], str], ...] = (
    ("中国工商银行", (19,), "622202"),
    ("中国农业银行", (19, 17), "622848"),
    ("中国银行", (12, 19), "621661"),
    ("中国建设银行", (20,), "621700"),
    ("交通银行", (21,), "622262"),
    ("招商银行", (15, 12), "622588"),
    ("中国邮政储蓄银行", (18,), "621098"),
    ("浦发银行", (16,), "622521"),
    ("中信银行", (19,), "622690"),
    ("兴业银行", (18,), "622909"),
    ("中国民生银行", (16, 12), "622622"),
    ("中国光大银行", (16,), "622660"),
    ("平安银行", (14, 15), "622155"),
    ("华夏银行", (14,), "622630"),
    ("广发银行", (19,), "622568"),
)
# 64 characters, no space and no "/" (login values are "<username> / <password>"): a random
# byte maps onto it without bias, so passwords come from one randbytes() call.
_CREDENTIAL_CHARS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%&*+"
_CREDENTIAL_TABLE = bytes(ord(_CREDENTIAL_CHARS[b % 64]) for b in range(256))

_ENGAGED_FIRST = _dt.date(2012, 1, 1).toordinal()
_ENGAGED_SPAN = _dt.date(2025, 6, 30).toordinal() - _ENGAGED_FIRST + 1
_PROSPECT_FIRST = _dt.date(2025, 7, 1).toordinal()
_PROSPECT_SPAN = _dt.date(2026, 6, 30).toordinal() - _PROSPECT_FIRST + 1

# Org-code (GB 11714) weights, and the USCC alphabet/weights (GB 32100) the code must use.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUES = {ch: i for i, ch in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_VALUES = {ch: int(ch, 36) for ch in _USCC_ALPHABET}
# 256 is not a multiple of 31, so this byte mapping is slightly biased: fine for fake codes.
_USCC_TABLE = bytes(ord(_USCC_ALPHABET[b % 31]) for b in range(256))


def _weighted(items: tuple[tuple[str, str], ...], first: int, second: int) -> tuple[tuple[str, str], ...]:
    # Rank-based weights approximate the real skew (王/李/张 are ~7% each) without a float table.
    out: list[tuple[str, str]] = []
    for rank, item in enumerate(items):
        out.extend([item] * (240 if rank < first else 50 if rank < second else 20))
    return tuple(out)


# About 1% of people carry a compound surname.
_SURNAME_POOL = _weighted(_SURNAMES, 5, 20) + _COMPOUND_SURNAMES * 3
_COMPOUND_SET = frozenset(s for s, _ in _COMPOUND_SURNAMES)
_T = TypeVar("_T")


def _org_code_check(body: str) -> str:
    total = sum(map(operator.mul, map(_ORG_VALUES.__getitem__, body), _ORG_WEIGHTS))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def _uscc_check(first17: str) -> str:
    # Same result as stdnum.cn.uscc.calc_check_digit (a test proves it) without its per-call
    # input cleaning, which dominated the generation time.
    total = sum(map(operator.mul, map(_USCC_VALUES.__getitem__, first17), _USCC_WEIGHTS))
    return _USCC_ALPHABET[-total % 31]


@functools.cache
def _birth_dates() -> tuple[str, ...]:
    first = _dt.date(1956, 1, 1).toordinal()  # people aged ~22-70 in 2025
    last = _dt.date(2003, 12, 31).toordinal()
    return tuple(_dt.date.fromordinal(o).strftime("%Y%m%d") for o in range(first, last + 1))


def _luhn_complete(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:  # doubled positions are every other digit counting from the check digit
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return partial + str(-total % 10)


# Plain strings: enum member access is measurably slow in the generation loop.
_RESIDENT_ID = str(IdType.RESIDENT_ID)
_PASSPORT = str(IdType.PASSPORT)
_HK_MACAU = str(IdType.HK_MACAU_PERMIT)
_TAIWAN = str(IdType.TAIWAN_PERMIT)
_RESIDENCE_PERMIT = str(IdType.RESIDENCE_PERMIT_HMT)


class _District(NamedTuple):
    province: str
    city: str  # "" for a municipality, whose province is the city
    short: str  # the city name as used inside company names
    area_code: str  # telephone area code
    name: str
    code: str  # GB/T 2260
    prefix: str  # province + city + district, how every address here starts


_DISTRICTS = tuple(
    _District(province, city, short, area, district, code, province + city + district)
    for province, city, short, area, districts in _REGIONS
    for district, code in districts
)


class _Generator:
    """Holds the random stream and the uniqueness sets of one ``generate_clients`` run."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.r = self.rng.random
        self.seen_company_names: set[str] = set()
        self.seen_uscc: set[str] = set()
        self.seen_ids: set[str] = set()
        self.birth_dates = _birth_dates()

    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[int(self.r() * len(seq))]

    def digits(self, n: int) -> str:
        return f"{self.rng.getrandbits(64) % 10**n:0{n}d}" if n <= 18 else self.digits(18) + self.digits(n - 18)

    # -- people -------------------------------------------------------------------------

    def person_name(self) -> tuple[str, str, bool]:
        """Return (name, pinyin, is_male)."""
        surname, s_py = self.pick(_SURNAME_POOL)
        male = self.r() < 0.55
        pool = _MALE_GIVEN if male else _FEMALE_GIVEN
        given, g_py = self.pick(pool)
        if self.r() < 0.7:
            second, second_py = self.pick(pool)
            given, g_py = given + second, g_py + second_py
        return surname + given, s_py + g_py, male

    def birth_yyyymmdd(self) -> str:
        return self.pick(self.birth_dates)

    def resident_id(self, area_code: str, male: bool) -> str:
        births, r, seen = self.birth_dates, self.r, self.seen_ids
        while True:
            # The 17th digit is odd for men and even for women (GB 11643-1999).
            first17 = f"{area_code}{births[int(r() * len(births))]}{int(r() * 500) * 2 + male:03d}"
            number = first17 + resident_id_check_digit(first17)
            if number not in seen:
                seen.add(number)
                return number

    def id_document(self, home_code: str, male: bool) -> tuple[str, str]:
        roll = self.r()
        if roll < 0.94:
            # Most people were registered where they live; the rest came from elsewhere.
            code = home_code if self.r() < 0.7 else self.pick(_DISTRICTS).code
            return _RESIDENT_ID, self.resident_id(code, male)
        if roll < 0.96:
            number = "E" + self.digits(8) if self.r() < 0.7 else "E" + self.pick(("A", "B", "C")) + self.digits(7)
            return _PASSPORT, number
        if roll < 0.98:
            return _HK_MACAU, self.pick(("H", "H", "H", "M")) + self.digits(8)
        if roll < 0.99:
            return _TAIWAN, self.digits(8)
        return _RESIDENCE_PERMIT, self.resident_id(self.pick(("810000", "820000", "830000")), male)

    def mobile(self) -> str:
        return self.pick(_MOBILE_PREFIXES) + self.digits(8)

    def landline(self, area: str) -> str:
        return f"{area}-{int(self.r() * 7) + 2}{self.digits(7)}"

    def personal_email(self, pinyin: str) -> str:
        roll = self.r()
        if roll < 0.3:
            return f"{int(self.r() * 9) + 1}{self.digits(int(self.r() * 5) + 5)}@qq.com"
        suffix = "" if roll < 0.55 else str(int(self.r() * 90) + 10) if roll < 0.8 else self.birth_yyyymmdd()[:4]
        return f"{pinyin}{suffix}@{self.pick(_MAIL_DOMAINS)}"

    def home_address(self, region: _District) -> str:
        r = self.r
        return (
            f"{region.prefix}{_STREETS[int(r() * len(_STREETS))]}{int(r() * 999) + 1}号"
            f"{_COMMUNITIES[int(r() * len(_COMMUNITIES))]}{int(r() * 30) + 1}幢{int(r() * 4) + 1}单元"
            f"{int(r() * 30) + 1}{int(r() * 4) + 1:02d}室"
        )

    def person(self, role: str, region: _District, company_domain: str) -> SyntheticPerson:
        name, pinyin, male = self.person_name()
        home = region if self.r() < 0.8 else self.pick(_DISTRICTS)
        id_type, id_number = self.id_document(home.code, male)
        if company_domain and role == "finance_contact" and self.r() < 0.6:
            email = f"{pinyin}@{company_domain}"
        else:
            email = self.personal_email(pinyin)
        return SyntheticPerson(role, name, id_type, id_number, self.mobile(), email, self.home_address(home))

    # -- organisations ------------------------------------------------------------------

    def uscc(self, type_code: str, district_code: str) -> str:
        while True:
            # Org codes assigned since 2015 carry the "MA" block; older ones are all digits.
            if self.r() < 0.7:
                body = "MA" + self.rng.randbytes(6).translate(_USCC_TABLE).decode("ascii")
            else:
                body = self.digits(8)
            org_check = _org_code_check(body)
            first17 = type_code + district_code + body + org_check
            code = first17 + _uscc_check(first17)
            if code not in self.seen_uscc:
                self.seen_uscc.add(code)
                return code

    def brand(self) -> tuple[str, str]:
        (a, a_py), (b, b_py) = self.pick(_BRAND_CHARS), self.pick(_BRAND_CHARS)
        return a + b, a_py + b_py

    def claim_name(self, name: str) -> bool:
        """Reserve a company name; False if this run already used it (real names are unique)."""
        if name in self.seen_company_names:
            return False
        self.seen_company_names.add(name)
        return True

    def office_address(self, region: _District) -> str:
        street = f"{region.prefix}{self.pick(_STREETS)}{int(self.r() * 999) + 1}号"
        if self.r() < 0.6:
            return f"{street}{self.pick(_TOWERS)}{int(self.r() * 30) + 1}层{int(self.r() * 20) + 1:02d}室"
        return f"{street}{int(self.r() * 12) + 1}幢{int(self.r() * 9) + 1}0{int(self.r() * 9) + 1}室"

    def bank_account(self, corporate: bool, city_short: str, district: str, label: str) -> SyntheticSensitive:
        bank, lengths, bin_ = self.pick(_BANKS)
        if corporate:
            number = str(int(self.r() * 9) + 1) + self.digits(self.pick(lengths) - 1)
        else:
            number = _luhn_complete(bin_ + self.digits(12))
        branch = district.removesuffix("新区").removesuffix("区")
        return SyntheticSensitive("bank_account", f"{bank}{city_short}{branch}支行 {label}", number)

    def password(self) -> str:
        return self.rng.randbytes(10 + int(self.r() * 5)).translate(_CREDENTIAL_TABLE).decode("ascii")

    def login(self, kind: str, label: str, username: str) -> SyntheticSensitive:
        return SyntheticSensitive(kind, label, f"{username} / {self.password()}")

    # -- clients ------------------------------------------------------------------------

    def status_and_start(self) -> tuple[str, _dt.date]:
        roll = self.r()
        if roll < 0.1:
            return "prospect", _dt.date.fromordinal(_PROSPECT_FIRST + int(self.r() * _PROSPECT_SPAN))
        status = "active" if roll < 0.9 else "ended"
        return status, _dt.date.fromordinal(_ENGAGED_FIRST + int(self.r() * _ENGAGED_SPAN))

    def client(self) -> SyntheticClient:
        roll = self.r()
        if roll < 0.7:
            return self.enterprise()
        if roll < 0.9:
            return self.individual_business()
        return self.individual()

    def enterprise(self) -> SyntheticClient:
        region = self.pick(_DISTRICTS)
        short, district = region.short, region.name
        industry, words = self.pick(_INDUSTRIES)
        while True:
            brand, brand_py = self.brand()
            word, form = self.pick(words), self.pick(_COMPANY_FORMS)
            name = f"{brand}{word}（{short}）{form}" if self.r() < 0.08 else f"{short}{brand}{word}{form}"
            if self.claim_name(name):
                break
        domain = f"{brand_py}{self.digits(2) if self.r() < 0.3 else ''}.{self.pick(_COMPANY_TLDS)}"
        status, start = self.status_and_start()
        uscc = self.uscc("91", region.code)
        tax_no = None if status == "prospect" and self.r() < 0.3 else uscc
        persons = [self.person("legal_rep", region, domain), self.person("finance_contact", region, domain)]
        persons += [self.person("shareholder", region, domain) for _ in range(int(self.r() * 3))]
        sensitive = [self.bank_account(True, short, district, "基本存款账户")]
        if self.r() < 0.3:
            sensitive.append(self.bank_account(True, short, district, "一般存款账户"))
        sensitive.append(self.login("tax_login", "电子税务局登录", uscc))
        if self.r() < 0.75:
            sensitive.append(self.login("social_insurance_login", "社保网上服务平台单位账号", self.digits(10)))
        phone = self.landline(region.area_code) if self.r() < 0.55 else self.mobile()
        email = f"{self.pick(_COMPANY_MAILBOXES)}@{domain}"
        return SyntheticClient(
            "enterprise", name, uscc, tax_no, self.office_address(region), industry, phone, email, start, status,
            tuple(persons), tuple(sensitive),
        )  # fmt: skip

    def individual_business(self) -> SyntheticClient:
        region = self.pick(_DISTRICTS)
        short, district = region.short, region.name
        industry, shops = self.pick(_SHOPS)
        operator = self.person("legal_rep", region, "")
        surname = operator.name[:2] if operator.name[:2] in _COMPOUND_SET else operator.name[0]

        place = district.removesuffix("新区").removesuffix("区")
        while True:
            roll = self.r()
            brand = f"{surname}记" if roll < 0.3 else f"老{surname}" if roll < 0.4 else self.brand()[0]
            prefix = f"{short}市{district}" if self.r() < 0.5 else place
            name = f"{prefix}{brand}{self.pick(shops)}"
            if self.claim_name(name):
                break
        status, start = self.status_and_start()
        uscc = self.uscc("92", region.code)
        tax_no = None if status == "prospect" and self.r() < 0.3 else uscc
        persons = [operator]
        if self.r() < 0.5:
            persons.append(self.person("finance_contact", region, ""))
        sensitive = [self.bank_account(self.r() < 0.5, short, district, "经营账户")]
        sensitive.append(self.login("tax_login", "电子税务局登录", uscc))
        if self.r() < 0.3:
            sensitive.append(self.login("social_insurance_login", "社保网上服务平台单位账号", self.digits(10)))
        return SyntheticClient(
            "individual_business", name, uscc, tax_no, self.office_address(region), industry, operator.phone,
            operator.email, start, status, tuple(persons), tuple(sensitive),
        )  # fmt: skip

    def individual(self) -> SyntheticClient:
        region = self.pick(_DISTRICTS)
        short, district = region.short, region.name
        person = self.person("legal_rep", region, "")
        status, start = self.status_and_start()
        sensitive: list[SyntheticSensitive] = []
        if self.r() < 0.6:
            sensitive.append(self.bank_account(False, short, district, "个人结算账户"))
        if self.r() < 0.7:
            sensitive.append(self.login("tax_login", "个人所得税App登录", person.phone))
        if self.r() < 0.4:
            sensitive.append(self.login("social_insurance_login", "社保个人网上服务登录", person.id_number))
        return SyntheticClient(
            "individual", person.name, None, None, person.address, "个人", person.phone, person.email, start, status,
            (person,), tuple(sensitive),
        )  # fmt: skip


def generate_clients(n: int, seed: int = 0) -> Iterator[SyntheticClient]:
    """Generate ``n`` synthetic clients, deterministically for a given seed.

    Mix: ~70% enterprises, ~20% individual businesses, ~10% individuals; ~80% active, ~10%
    prospects, ~10% ended; 2.5 persons per client on average. Company names, USCCs and ID
    numbers are unique within one call.

    Args:
        n: Number of clients to yield.
        seed: Seed of the random stream.

    Yields:
        The clients, one at a time (nothing is materialised up front).

    Raises:
        ValueError: If ``n`` is negative.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    gen = _Generator(seed)
    for _ in range(n):
        yield gen.client()
