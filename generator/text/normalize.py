"""Normalise text read back from a document, keeping a map to the original characters.

Extraction works on the normalised text; every location quotes the original text, so a reader
can find it with Ctrl-F. Normalisation:
- Traditional → Simplified for the characters that matter in after-sales documents (1:1);
- full-width ASCII (２４、ｈ、：、（）) → half-width, the ideographic space → space;
- whitespace inside Chinese text (PDF or web extraction: “尊 重客户”, “1 小时”) is removed;
  a single space is kept only between two ASCII letters/digits (“ISO 9001”, “1. 24”);
- line breaks: removed like spaces when a reader joined broken lines, else kept as separators; a break
  between two digits of a joined paragraph is a number broken by the converter and joins it again;
- conversion debris: the pinyin a web converter appends to a Traditional character (務(wù), 個(gè))
  is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Pairs of (Traditional, Simplified) characters; only characters that are never Simplified themselves.
_TRAD_SIMP_PAIRS = (
    "時时內内質质應应響响維维護护現现場场達达個个鐘钟級级與与務务後后設设備备換换貨货練练訓训調调檢检"
    "養养滿满訪访訴诉處处錄录資资為为區区機机體体費费間间週周開开電电話话線线熱热號号協协議议問问題题"
    "緊紧嚴严複复雜杂屬属關关門门專专業业員员負负責责認认證证書书簽签蓋盖標标準准廠厂產产發发轉转價价"
    "將将並并採采購购項项單单貴贵銀银醫医學学萬万點点東东車车說说實实際际況况據据製制訂订編编寫写刪删"
    "態态過过還还這这們们來来對对總总經经營营銷销網网絡络腦脑軟软統统數数庫库優优勢势條条約约規规範范"
    "該该請请須须額额決决斷断歸归檔档續续計计劃划動动結结構构層层導导組组織织積积極极禮礼語语氣气溝沟"
    "傳传遞递報报從从種种類类簡简兩两貳贰陸陆見见視视記记錯错誤误戶户帳账駐驻運运輸输顧顾隨随鍵键樣样"
    "頻频歲岁戰战舊旧損损壞坏險险權权確确頁页圖图紙纸筆笔碼码儀仪燈灯顯显監监藥药劑剂殺杀蟲虫衛卫環环"
    "綠绿樹树園园簾帘紡纺鎖锁鋁铝鋼钢輛辆風风陽阳節节驗验競竞爭争聯联繫系郵邮註注樓楼廣广濟济華华麗丽"
    "鄉乡鎮镇縣县訊讯軍军舉举啟启償偿賠赔補补貼贴贈赠隊队團团夥伙長长師师職职稱称齡龄薦荐獻献圍围診诊"
    "療疗壓压擴扩絲丝紗纱雙双裝装飾饰佈布歷历曆历於于麼么無无僅仅讓让給给嗎吗邊边連连進进選选適适遠远"
    "違违遲迟貸贷賬账賣卖買买貿贸讀读談谈譯译識识評评詢询諮咨詳详許许試试誠诚諾诺諒谅論论謝谢講讲譽誉"
    "變变順顺預预領领願愿飛飞館馆髮发鬆松魚鱼鳥鸟麥麦黃黄齊齐齒齿龍龙閉闭閱阅陣阵陰阴陳陈階阶隱隐雖虽"
    "離离難难靜静頂顶頒颁頓顿頭头頸颈顆颗顏颜飯饭飲饮餘余馬马駕驾騎骑驚惊麵面黨党會会櫃柜殘残毀毁沒没"
    "淺浅減减測测溫温滅灭漢汉潔洁濕湿灣湾牆墙狀状獨独獎奖畢毕異异盤盘盡尽穩稳窮穷築筑糧粮紅红紀纪純纯"
    "細细終终絕绝綜综締缔緣缘績绩繳缴罰罚義义習习聽听肅肃脫脱興兴艱艰藝艺莊庄蘇苏術术覽览觀观觸触誌志"
    "貢贡財财賽赛贊赞趕赶較较載载輔辅輕轻輪轮農农鄰邻釋释針针鈴铃鋪铺錢钱鍋锅鐵铁閃闪閒闲閘闸閥阀隻只"
    "雞鸡雲云霧雾靈灵韋韦韓韩飄飘鬥斗礎础廢废廳厅彈弹彙汇徵征懷怀慣惯憂忧戲戏擇择擔担擁拥擊击擬拟攜携"
    "擺摆昇升曉晓暫暂裡里裏里臺台颱台係系幹干併并獲获穫获億亿揚扬換换壽寿嘗尝勞劳務务況况"
    "貫贯鏈链總总湯汤溼湿滲渗漏漏灑洒瀝沥熱热燒烧爐炉爛烂犧牺獸兽瑪玛瓊琼癢痒癥症皺皱盜盗碩硕磚砖穀谷"
    "窯窑競竞範范篩筛簽签籤签緒绪緝缉緩缓縮缩繪绘繩绳纖纤罐罐羅罗翹翘聖圣膠胶臨临艙舱蔣蒋蘭兰處处虛虚"
    "蝕蚀蠟蜡衝冲襪袜覺觉訊讯詞词誕诞課课賃赁賴赖贓赃跡迹踐践蹤踪軌轨輯辑轄辖辦办遺遗邏逻釘钉鈕钮鉛铅"
    "銅铜鋸锯錶表鍍镀鎂镁鏡镜鐘钟鑰钥閣阁闆板陰阴隸隶雜杂雛雏霑沾靂雳鞏巩頃顷領领頻频颳刮餵喂駛驶驅驱"
    "騰腾骯肮鬧闹鳳凤鹽盐麼么黴霉鼕冬齡龄噸吨嚇吓團团壇坛奪夺奮奋婦妇媽妈嬰婴寧宁寶宝審审寬宽屆届峽峡"
    "嶺岭廈厦廚厨廟庙廠厂彎弯徑径徹彻憑凭懲惩戀恋揮挥損损搖摇撥拨擋挡據据擠挤攝摄敗败敵敌斃毙暈晕東东"
    "棄弃棟栋槍枪樂乐樞枢橋桥檯台檢检歐欧歡欢氫氢湧涌滬沪漲涨潤润澤泽濃浓瀏浏灘滩燦灿爾尔牽牵獄狱玀猡"
    "環环甕瓮疊叠瘡疮癒愈盞盏矚瞩磯矶礦矿祿禄禪禅穌稣竊窃筍笋箋笺築筑簍篓籃篮粵粤糾纠紐纽紮扎絡络綱纲"
    "網网綵彩緞缎緯纬縫缝縱纵繞绕纏缠罷罢聲声膽胆臉脸艦舰蘆芦蠶蚕衆众補补襯衬見见規规覓觅訣诀詐诈詛诅"
    "誇夸謊谎證证譜谱豐丰貓猫賀贺賓宾贏赢趙赵跡迹躍跃軸轴辭辞遷迁選选鄭郑醜丑鈔钞鉤钩銳锐鋒锋鍛锻鎊镑"
    "鐳镭鑄铸閑闲閩闽闢辟隊队階阶雙双雛雏霸霸靄霭韻韵頗颇顫颤飼饲餅饼饑饥驢驴驟骤鬍胡鮮鲜鴨鸭鵝鹅鶴鹤"
    "幫帮則则殼壳當当參参國国強强夠够儲储復复紹绍爲为濫滥災灾産产塵尘綿绵謹谨鑒鉴傷伤"
)
_TRAD_SIMP = {ord(t): s for t, s in zip(_TRAD_SIMP_PAIRS[0::2], _TRAD_SIMP_PAIRS[1::2], strict=True) if t != s}

_TABLE: dict[int, str] = dict(_TRAD_SIMP)
_TABLE.update({code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)})  # full-width ASCII
_TABLE.update({0x3000: " ", 0x00A0: " ", 0x2013: "-", 0x2212: "-", 0xFE63: "-", 0x2715: "×", 0x2716: "×",
               0x2573: "×", 0xFE61: "*", 0x2217: "*", 0x200B: " ", 0xFEFF: " "})
# Keep Chinese punctuation that reads differently from its ASCII form: “” stay, 、 and 。 stay.

# pinyin with a tone mark in parentheses right after a Chinese character: 務(wù)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_DEBRIS = rf"(?<=[\u4e00-\u9fff])\([a-zü]{{0,6}}[{_TONED}][a-zü]{{0,6}}\)"
_JOINERS = "\u2060+"  # WORD JOINER: invisible, read as nothing (documents from older generator versions)
_SPACES_KEEP_NL = re.compile(rf"{_DEBRIS}|{_JOINERS}|[^\S\n]+|\n[\s]*")
_SPACES_ALL = re.compile(rf"{_DEBRIS}|{_JOINERS}|\s+")
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.")
_NUMBER_PART = frozenset("0123456789")


@dataclass(frozen=True)
class Normalised:
    text: str
    # normalised index → original index; None when identical lengths. A tuple: results are memoised
    # and shared between blocks of the same text, so nothing may change them.
    offsets: tuple[int, ...] | None

    def original_index(self, index: int) -> int:
        if self.offsets is None:
            return index
        if index >= len(self.offsets):
            return (self.offsets[-1] + 1) if self.offsets else 0
        return self.offsets[index]


def translate(text: str) -> str:
    """Character-for-character part of normalisation (Traditional, full-width)."""
    return text.translate(_TABLE)


# Documents repeat their texts (table cells, standard clauses) and a batch or the web server reads the
# same clause texts again and again: short texts are normalised once. Bounded by count and by length: a
# text longer than MEMO_MAX_CHARS is normalised every time (long paragraphs seldom repeat, and would hold
# memory); up to it the offsets are Python's shared small integers, so an entry stays within a few KB.
MEMO_SIZE = 16384
MEMO_MAX_CHARS = 256


def normalise(text: str, join_lines: bool = False) -> Normalised:
    if len(text) > MEMO_MAX_CHARS:
        return _normalise(text, join_lines)
    return _memo(text, join_lines)


def normalised_text(text: str) -> str:
    return normalise(text).text


def _normalise(text: str, join_lines: bool) -> Normalised:
    translated = text.translate(_TABLE)
    pattern = _SPACES_ALL if join_lines else _SPACES_KEEP_NL
    if not pattern.search(translated):
        return Normalised(translated, None)
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    length = len(translated)
    for match in pattern.finditer(translated):
        start, end = match.span()
        if start > position:
            pieces.append(translated[position:start])
            offsets.extend(range(position, start))
        position = end
        run = match.group()
        if run.startswith(("(", "\u2060")):
            continue  # conversion debris, word joiners
        if not join_lines and "\n" in run:
            if pieces and start > 0:
                pieces.append("\n")
                offsets.append(start + run.index("\n"))
            continue
        before = translated[start - 1] if start > 0 else ""
        after = translated[end] if end < length else ""
        if "\n" in run and before in _NUMBER_PART and after in _NUMBER_PART:
            continue  # a number a converter broke across lines (“在3⏎0分钟内”): one number again
        if before in _ASCII_WORD and after in _ASCII_WORD and before and after:
            pieces.append(" ")
            offsets.append(start)
    if position < length:
        pieces.append(translated[position:])
        offsets.extend(range(position, length))
    return Normalised("".join(pieces), tuple(offsets))


_memo = lru_cache(maxsize=MEMO_SIZE)(_normalise)
