"""placeholder: blanks a clerk forgot to fill — XX, ××, ****, 某某, 20xx, ＿＿, 待填写/待定, a unit without its
number (质保期为 年), an empty field (联系电话：), template instructions (供应商根据…自行编制).

The signature lines (法定代表人或授权代表（签字）：, 投标人（盖章）：) are filled by hand or stamp
and are never reported."""

from __future__ import annotations

import re

from generator.check.facts import facts
from generator.check.findings import ERROR, WARNING, Finding, Location
from generator.check.rules import CheckContext
from generator.core.findings import Rule
from generator.core.regex_prefilter import compile_filtered
from generator.text.document import Block

RULE = Rule("placeholder", "未填写的占位符与模板说明", ERROR, order=10)

_MARKS = compile_filtered(
    r"(?<![A-Za-z])(?:20|19)[xX]{2}(?![A-Za-z])"  # 20xx年
    r"|(?<![A-Za-z])[xX]{2,}(?![A-Za-z])"  # XX, xxxxxxx
    r"|×{2,}|\*{3,}|某某|某年某月|_{2,}"
    r"|(?<![A-Za-z\d*])[xX*]{1,2}(?=年|个月|天|日|小时|分钟|工作日|元|%|:)"  # X年, **年, *元, 售后服务**:
    r"|“”|‘’|「」"  # an empty quotation: (以下简称“”)
    r"|(?<![零〇一二三四五六七八九十\d])[○〇]{2,}(?![零〇一二三四五六七八九十\d])"
    r"|□{2,}|■{2,}|\(\)|\[\]|【】"
    r"|待(?:填写|填报|补充|核实|确认)|(?<!等)待定(?!期|时|点|位)"  # a field left for later: 交货时间：待定
    r"|[\[【<《{][^\[\]【】<>《》{}]{0,10}(?:名称|全称|日期|地址|电话|编号|姓名|金额|联系人|天数|年限)[\]】>》}]"
)
_UNITS = r"(?:个)?(?:小时|分钟|工作日|个月|天|年|周)"
_MISSING_NUMBER = compile_filtered(
    rf"(?:(?<=[为在于约:])|(?<=不超过)|(?<=不少于)|(?<=提供)|(?<=承诺)|(?<=保证)){_UNITS}"
    r"(?=内|以内|之内|的|,|。|;|$|质保|保修|免费)"
    r"|(?:(?<=共计)|(?<=合计)|(?<=总计))(?:种|台|套|件|项|个|人|次|元)")  # 共计种
_BLANK_BEFORE = re.compile(r"年|个月|天|日|小时|分钟|工作日|元|%|:")
# A short label naming a contact point, ending in a colon with nothing after it and not followed by
# its details (电话：…) or a list: 客户支持中心： never filled in.
_BARE_LABEL = re.compile(r"^[\u4e00-\u9fffA-Za-z()]{0,12}(?:中心|部|站|网点|电话|地址|方式|邮箱|网址|传真|联系人|单位|名称):$")
_FIELD_LINE = re.compile(r"^[\u4e00-\u9fffA-Za-z()]{1,14}:")
_BLANK_DATE = re.compile(r"(?<!出生)年月日")
_INSTRUCTION = compile_filtered(
    r"[(\[【]([^()\[\]【】]{0,80}?(?:根据|按照|结合|参照|可根据)[^()\[\]【】]{0,60}?"
    r"(?:编制|制定|填写|修改|调整|自拟|删除|补充|填报|撰写)[^()\[\]【】]{0,30})[)\]】]"
    r"|[(\[【][^()\[\]【】]{0,40}(?:自行编制|自行填写|自行制定|请填写|请在此|此处填写|此处应|格式自拟|仅供参考|示例文字|"
    r"模板说明|投标人填写|供应商填写|可删除|请删除|按实际情况填写)[^()\[\]【】]{0,40}[)\]】]"
)
_FIELD = (r"质保期|保修期|保质期|有效期|养护期|质保期限|保修期限|响应时间|到达现场时间|到场时间|故障解决时间|解决时间|供货期|交货期|"
          r"服务热线|热线电话|联系电话|电话|传真|联系人|联系地址|地址|邮箱|电子邮箱|投标人名称|投标人|供应商名称|供应商|"
          r"投标单位|项目名称|项目编号|采购编号|招标编号|包号|服务网点|项目负责人|负责人|日期|投标日期|"
          r"甲方|乙方|致|采购人|采购单位|需方|供方|交货地点|交货时间|安装地点|服务地点")
_EMPTY_FIELD = compile_filtered(
    rf"(?:^|(?<=[\s,;。).、]))(?P<label>{_FIELD})(?:\((?P<note>[^)]{{0,12}})\))?:(?=$|[,;。]|(?:{_FIELD})(?:\([^)]{{0,12}}\))?:)")
_SIGNED = re.compile(r"签字|签章|盖章|签名|公章|手签|印章")
_FIELD_CELL = re.compile(rf"^(?:{_FIELD}|质保期|响应时间)$")
_LIST_START = re.compile(r"^(?:[-*•·]|\(?\d{1,2}[).、]|\(?[一二三四五六七八九十]{1,3}[)、])")


def _marker_shape(text: str) -> str | None:
    match = _LIST_START.match(text)
    if not match:
        return None
    return re.sub(r"\d+", "9", re.sub(r"[一二三四五六七八九十]+", "一", match.group()))


def _introduces(block: Block, following: Block) -> bool:
    """“主要内容：” followed by list items or a table introduces them; a list item “4. 质保期：”
    followed by its sibling “5. …” does not."""
    if following.kind == "cell":
        return True
    below = _marker_shape(following.norm)
    return below is not None and below != _marker_shape(block.norm)


def _emphasis(text: str, match: re.Match[str]) -> bool:
    """Markdown bold/italic (***注意***) is not a blank; stars right before a unit or a colon are."""
    run = match.group()
    if not run.startswith("*") or len(run) > 3 or _BLANK_BEFORE.match(text, match.end()):
        return False
    after = text[match.end():match.end() + 1]
    return bool(after.strip()) and text.count(run, match.end()) > 0


def may_hold_blank(text: str) -> bool:
    """Whether any pattern `_scan` reports matches the text at all (most blocks: none). Pure in the
    text, and kept in its check/facts record: the build, a batch and the web server check the same
    clause texts again and again."""
    return bool(_MARKS.search(text) or _MISSING_NUMBER.search(text) or _INSTRUCTION.search(text)
                or _BLANK_DATE.search(text) or _EMPTY_FIELD.search(text) or _BARE_LABEL.match(text))


def _scan(block: Block, next_block: Block | None) -> list[Finding]:
    text = block.norm
    if not facts(block).may_hold_blank:
        return []
    findings: list[Finding] = []
    marks = [m for m in _MARKS.finditer(text) if not _emphasis(text, m)]
    if marks:
        words = "、".join(dict.fromkeys(f"“{block.quote(m.start(), m.end(), 0)}”" for m in marks))
        findings.append(Finding(RULE.id, ERROR, f"未填写的占位符{words}（{len(marks)} 处）",
                                tuple(Location.of(block, m.start(), m.end()) for m in marks)))
    missing = list(_MISSING_NUMBER.finditer(text))
    if missing:
        findings.append(Finding(RULE.id, ERROR, "单位前缺少数值（如“质保期为 年”），承诺未填写完整",
                                tuple(Location.of(block, m.start() - 1, m.end()) for m in missing)))
    instructions = list(_INSTRUCTION.finditer(text))
    if instructions:
        findings.append(Finding(RULE.id, ERROR, "残留模板说明文字，应删除或按说明编写后删除",
                                tuple(Location.of(block, m.start(), m.end(), 0) for m in instructions)))
    dates = list(_BLANK_DATE.finditer(text))
    if dates:
        findings.append(Finding(RULE.id, WARNING, "日期未填写（“年 月 日”留空）",
                                tuple(Location.of(block, m.start(), m.end()) for m in dates)))
    empty = []
    for match in _EMPTY_FIELD.finditer(text):
        if match["note"] and _SIGNED.search(match["note"]):
            continue
        at_end = not text[match.end():].strip()
        if at_end and next_block is not None and _introduces(block, next_block):
            continue
        empty.append(match)
    if not empty and _BARE_LABEL.match(text) and not _SIGNED.search(text) and (
            next_block is None or not (_FIELD_LINE.match(next_block.norm) or _introduces(block, next_block))):
        findings.append(Finding(RULE.id, ERROR, f"“{text.rstrip(':')}”后没有填写内容", (Location.whole(block),)))
    if empty:
        severity = WARNING if all(m["label"] in ("日期", "投标日期") for m in empty) else ERROR
        labels = "、".join(dict.fromkeys(f"“{m['label']}”" for m in empty))
        findings.append(Finding(RULE.id, severity, f"字段{labels}后没有填写内容",
                                tuple(Location.of(block, m.start(), m.end()) for m in empty)))
    return findings


def _empty_cells(context: CheckContext) -> list[Finding]:
    findings = []
    document = context.document
    for block in document.blocks:
        cell = block.cell
        if cell is None or cell.row == 0 or not _FIELD_CELL.match(block.norm.rstrip(":")):
            continue
        row = document.row_texts(cell)
        if cell.col + 1 < len(row) and not row[cell.col + 1].strip():
            findings.append(Finding(RULE.id, ERROR, f"表格中“{block.norm.rstrip(':')}”一栏没有填写内容",
                                    (Location.whole(block),)))
    return findings


def check(context: CheckContext) -> list[Finding]:
    blocks = [b for b in context.document.blocks if b.kind != "toc"]
    findings: list[Finding] = []
    for index, block in enumerate(blocks):
        if facts(block).may_hold_blank:  # most blocks hold none: _scan's first test, made before calling it
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            findings.extend(_scan(block, following))
    findings.extend(_empty_cells(context))
    return findings
