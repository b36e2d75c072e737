"""Bad inputs for `aftersales build`: every row must give its exit code and a message naming the file."""

from __future__ import annotations

from corpus_support import (
    BIDDER,
    DELETE,
    OUTLINE,
    PROBE,
    PRODUCT,
    REFERENCE,
    TENDER,
    Table,
    append,
    probe_clause,
    put,
    recode,
    remove,
    rename_key,
    replace_text,
    set_key,
    valid_probe,
)

FILES = {"tender": TENDER, "bidder": BIDDER, "product": PRODUCT, "outline": OUTLINE, "clause": PROBE}


def _with_probe(name: str, edits: list) -> list:
    """Edits of the probe clause need the probe to exist first."""
    return (valid_probe() + edits) if name == "clause" else edits


# -- YAML syntax ----------------------------------------------------------------------------------------
syntax = Table("yaml")
SYNTAX_ERRORS = {
    "unclosed-bracket": ("zz_broken: [a, b\n", "YAML 语法错误"),
    "unclosed-quote": ('zz_broken: "半截引号\n', "YAML 语法错误"),
    "tab-indent": ("zz_broken:\n\t- a\n", "YAML 语法错误"),
    "nested-colon": ("zz_broken: a: b\n", "YAML 语法错误"),
    "list-after-map": ("- 列表项\n", "YAML 语法错误"),
    "duplicate-key": ("zz_dup: 1\nzz_dup: 2\n", "YAML 语法错误"),
    "undefined-alias": ("zz_alias: *nowhere\n", "YAML 语法错误"),
    "two-documents": ("---\nzz_second: 1\n", "YAML 语法错误"),
    "nul-byte": ("zz_nul: a\x00b\n", "YAML 语法错误"),
}
for name, rel in FILES.items():
    for label, (text, fragment) in SYNTAX_ERRORS.items():
        syntax.add(f"{name}-{label}", _with_probe(name, [append(rel, text)]), 2, rel, fragment)
syntax.add("tender-scalar-document", put(TENDER, "只是一句话\n"), 2, TENDER, "键值对")
syntax.add("tender-list-document", put(TENDER, "- a\n- b\n"), 2, TENDER, "键值对")
syntax.add("bidder-python-tag", append(BIDDER, "zz: !!python/object/apply:os.system ['echo pwned']\n"), 2, BIDDER,
           "不认识这个字段", forbidden=("pwned",))
syntax.add("bidder-python-tag-in-field", [
    set_key(BIDDER, ["legal_name"], "PLACEHOLDER"),
    replace_text(BIDDER, "PLACEHOLDER", "!!python/object/apply:os.system ['echo pwned']")], 2, BIDDER, "应为文本",
    forbidden=("pwned",))
syntax.add("product-alias-bomb", append(PRODUCT, "zz_a: &a [x, x, x, x, x, x, x, x, x]\n"
                                        "zz_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                        "zz_c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                                        "zz_d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                                        "zz_e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"), 2, PRODUCT)
syntax.add("bidder-alias-bomb-in-field", [
    append(BIDDER, "zz_a: &a [x, x, x, x, x, x, x, x, x]\nzz_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                   "zz_c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"),
    set_key(BIDDER, ["zz_c"], DELETE)], 2, BIDDER)
syntax.add("tender-too-large", append(TENDER, "# " + "长" * 800_000 + "\n"), 2, TENDER, "过大")

# -- encodings and empty files --------------------------------------------------------------------------
encoding = Table("enc")
for name, rel in FILES.items():
    encoding.add(f"{name}-gbk", _with_probe(name, [recode(rel, "gbk")]), 2, rel, "UTF-8")
    encoding.add(f"{name}-utf16", _with_probe(name, [recode(rel, "utf-16")]), 2, rel, "UTF-8")
    encoding.add(f"{name}-zero-bytes", _with_probe(name, [put(rel, b"")]), 2, rel, "为空")
    encoding.add(f"{name}-whitespace", _with_probe(name, [put(rel, "  \n\n\t\n")]), 2, rel, "为空")
    encoding.add(f"{name}-only-comments", _with_probe(name, [put(rel, "# 只有注释\n")]), 2, rel)
encoding.add("tender-latin1", put(TENDER, "id: caf\xe9\n".encode("latin-1")), 2, TENDER, "UTF-8")

# -- wrong types and values ------------------------------------------------------------------------------
types = Table("type")
TENDER_TYPES = [
    ("id-number", ["id"], 123, "应为文本"),
    ("id-uppercase", ["id"], "Demo", "应为编号"),
    ("id-chinese", ["id"], "演示", "应为编号"),
    ("bidder-path-traversal", ["bidder"], "../../../etc/passwd", "不能是路径"),
    ("product-type-path", ["product_type"], "../products/it-equipment", "不能是路径"),
    ("template-absolute-path", ["template"], "/tmp/evil", "不能是路径"),
    ("project-name-empty", ["project_name"], "", "不能为空"),
    ("project-name-list", ["project_name"], ["a", "b"], "应为文本"),
    ("purchaser-string", ["purchaser"], "某单位", "应为键值对"),
    ("purchaser-name-missing", ["purchaser", "name"], DELETE, "缺少必填字段"),
    ("date-text", ["date"], "下个月", "应为日期"),
    ("date-impossible", ["date"], "2026-13-45", "应为日期"),
    ("date-number", ["date"], 20261120, "应为日期"),
    ("requirements-string", ["requirements"], "质保三年", "应为列表"),
    ("requirement-kind-unknown", ["requirements", 0, "kind"], "warrenty", "取值不在允许范围内"),
    ("requirement-bound-unknown", ["requirements", 0, "bound"], "less", "取值不在允许范围内"),
    ("requirement-mark", ["requirements", 0, "mark"], "*", "取值不在允许范围内"),
    ("requirement-value-missing", ["requirements", 0, "value"], DELETE, "缺少 value"),
    ("requirement-value-list", ["requirements", 0, "value"], ["3年"], "应为一个值"),
    ("requirement-mileage-unreadable", ["requirements", 0, "mileage"], "十万", "不是可识别的里程"),
    ("requirement-mileage-not-warranty", ["requirements", 1, "mileage"], "10万公里", "只有质保期（warranty）可以写里程"),
    ("requirement-page-zero", ["requirements", 0, "source", "page"], 0, "应不小于 1"),
    ("requirement-page-text", ["requirements", 0, "source", "page"], "十八", "应为整数"),
    ("overrides-list", ["overrides"], ["warranty"], "应为键值对"),
    ("attachments-string", ["attachments"], "附件.docx", "应为列表"),
    ("bidder-missing", ["bidder"], DELETE, "缺少必填字段"),
    ("bidder-number", ["bidder"], 7, "应为文本"),
    ("products-missing", ["products"], DELETE, "缺少必填字段"),
]
for label, keys, value, fragment in TENDER_TYPES:
    types.add(f"tender-{label}", set_key(TENDER, keys, value), 2, TENDER, fragment)
BIDDER_TYPES = [
    ("credit-code-short", ["credit_code"], "91110108", "18 位"),
    ("credit-code-check-digit", ["credit_code"], "91110108MA01N3K2TC", "校验位"),
    ("outlets-empty", ["outlets"], [], "至少需要一项"),
    ("outlet-staff-zero", ["outlets", 0, "staff"], 0, "应不小于 1"),
    ("outlet-staff-text", ["outlets", 0, "staff"], "十二", "应为整数"),
    ("team-years-too-many", ["team", 0, "years"], 61, "应不大于 60"),
    ("team-years-negative", ["team", 0, "years"], -1, "应不小于 0"),
    ("team-not-list", ["team"], "陈思远", "应为列表"),
    ("legal-name-empty", ["legal_name"], "", "不能为空"),
    ("hotline-missing", ["hotline"], DELETE, "缺少必填字段"),
    ("certificates-string", ["certificates"], "五星级", "应为列表"),
]
for label, keys, value, fragment in BIDDER_TYPES:
    types.add(f"bidder-{label}", set_key(BIDDER, keys, value), 2, BIDDER, fragment)
PRODUCT_TYPES = [
    ("warranty-word", ["warranty_word"], "保换期", "取值不在允许范围内"),
    ("capability-unknown", ["capabilities"], ["teleport"], "取值不在允许范围内"),
    ("capabilities-empty", ["capabilities"], [], "至少需要一项"),
    ("vocabulary-string", ["vocabulary"], "设备", "应为列表"),
    ("training-hours-zero", ["training_topics", 0, "hours"], 0, "应大于 0"),
    ("training-hours-text", ["training_topics", 0, "hours"], "四小时", "应为数字"),
    ("fault-level-unknown", ["faults", 0, "level"], "五级", "五级"),
    ("fault-levels-list", ["commitments", "fault_levels"], ["一级"], "应为键值对"),
    ("commitments-missing", ["commitments"], DELETE, "缺少必填字段"),
    ("noun-number", ["noun"], 1, "应为文本"),
]
for label, keys, value, fragment in PRODUCT_TYPES:
    types.add(f"product-{label}", set_key(PRODUCT, keys, value), 2, PRODUCT, fragment)
OUTLINE_TYPES = [
    ("sections-empty", ["sections"], [], "至少需要一项"),
    ("sections-string", ["sections"], "全部", "应为列表"),
    ("section-clauses-empty", ["sections", 0, "clauses"], [], "至少需要一项"),
    ("section-title-missing", ["sections", 0, "title"], DELETE, "缺少必填字段"),
    ("section-required-text", ["sections", 0, "required"], "必须", "true 或 false"),
]
for label, keys, value, fragment in OUTLINE_TYPES:
    types.add(f"outline-{label}", set_key(OUTLINE, keys, value), 2, OUTLINE, fragment)
CLAUSE_TYPES = [
    ("category-unknown", ["category"], "marketing", "取值不在允许范围内"),
    ("status-unknown", ["status"], "final", "取值不在允许范围内"),
    ("version-zero", ["version"], 0, "应不小于 1"),
    ("uses-unknown-kind", ["uses"], ["warrenty"], "取值不在允许范围内"),
    ("body-empty", ["body"], "", "不能为空"),
    ("id-mismatch", ["id"], "another-id", "文件名应与条款编号一致"),
    ("approval-bad-hash", ["approval"], {"by": "王律师", "date": "2026-01-01", "sha256": "abc"}, "格式不正确"),
]
for label, keys, value, fragment in CLAUSE_TYPES:
    types.add(f"clause-{label}", valid_probe() + [set_key(PROBE, keys, value)], 2, PROBE, fragment)

# -- unknown keys (typos) --------------------------------------------------------------------------------
typos = Table("typo")
typos.add("tender-warrenty", rename_key(TENDER, ["overrides", "warranty"], "warrenty"), 2, TENDER, "warrenty")
typos.add("tender-projet-name", rename_key(TENDER, ["project_name"], "projet_name"), 2, TENDER, "projet_name")
typos.add("tender-requirement-kinds", rename_key(TENDER, ["requirements", 0, "kind"], "kinds"), 2, TENDER)
typos.add("tender-purchaser-nmae", rename_key(TENDER, ["purchaser", "name"], "nmae"), 2, TENDER, "nmae")
typos.add("bidder-warrenty", set_key(BIDDER, ["commitments", "warrenty"], "3年"), 2, BIDDER, "warrenty")
typos.add("bidder-legal-nmae", rename_key(BIDDER, ["legal_name"], "legal_nmae"), 2, BIDDER, "legal_nmae")
typos.add("bidder-outlet-adress", rename_key(BIDDER, ["outlets", 0, "address"], "adress"), 2, BIDDER, "adress")
typos.add("product-capabilties", rename_key(PRODUCT, ["capabilities"], "capabilties"), 2, PRODUCT, "capabilties")
typos.add("product-respnse", rename_key(PRODUCT, ["commitments", "fault_levels", "一级", "response"], "respnse"),
          2, PRODUCT, "respnse")
typos.add("product-resposne", rename_key(PRODUCT, ["commitments", "response"], "resposne"), 2, PRODUCT, "resposne")
typos.add("outline-sectons", rename_key(OUTLINE, ["sections"], "sectons"), 2, OUTLINE, "sectons")
typos.add("outline-clause", rename_key(OUTLINE, ["sections", 0, "clauses"], "clause"), 2, OUTLINE)
typos.add("clause-bodyy", valid_probe() + [rename_key(PROBE, ["body"], "bodyy")], 2, PROBE, "bodyy")
typos.add("clause-applies-product-type", valid_probe() + [
    set_key(PROBE, ["applies_to"], {"product_type": ["it-equipment"]})], 2, PROBE, "product_type")

# -- missing referenced files ----------------------------------------------------------------------------
missing = Table("missing")
missing.add("bidder-id", set_key(TENDER, ["bidder"], "nobody"), 2, TENDER, "nobody")
missing.add("product-id", set_key(TENDER, ["product_type"], "spaceships"), 2, TENDER, "spaceships")
missing.add("template", set_key(TENDER, ["template"], "fancy"), 2, TENDER, "fancy")
missing.add("bidder-file", remove(BIDDER), 2, TENDER, "huachen")
missing.add("product-file", remove(PRODUCT), 2, TENDER, "it-equipment")
missing.add("outline-file", remove(OUTLINE), 2, TENDER, "outline.yaml")
missing.add("reference-docx", remove(REFERENCE), 2, REFERENCE, "reference.docx")
missing.add("attachment", set_key(TENDER, ["attachments"], ["附件/授权书.docx"]), 2, TENDER, "授权书")
missing.add("outline-clause", set_key(OUTLINE, ["sections", 0, "clauses"], ["no-such-clause"]), 2, OUTLINE,
            "no-such-clause")
missing.add("tender-file", [], 2, "tenders/absent.yaml", args=("build", "{project}/tenders/absent.yaml"))
missing.add("tender-is-directory", [], 2, "tenders", args=("build", "{project}/tenders"))
missing.add("tender-path-traversal-bidder", set_key(TENDER, ["bidder"], "../../../etc/passwd"), 2, TENDER)

# -- duplicate clause ids --------------------------------------------------------------------------------
duplicates = Table("dup")
duplicates.add("same-id-other-file", valid_probe() + [
    lambda p: (p / "clauses/core/corpus-probe-copy.yaml").write_text(
        (p / PROBE).read_text(encoding="utf-8"), encoding="utf-8")], 2, "clauses/core/corpus-probe-copy.yaml", "重复")
duplicates.add("same-id-nested-dir", valid_probe() + [
    lambda p: (p / "clauses/zz-extra").mkdir(),
    lambda p: (p / "clauses/zz-extra/corpus-probe.yaml").write_text(
        (p / PROBE).read_text(encoding="utf-8"), encoding="utf-8")], 2, "clauses/zz-extra/corpus-probe.yaml", "重复")

# -- Jinja: syntax errors and undefined values in clause bodies ------------------------------------------
jinja = Table("jinja")
JINJA_SYNTAX = {
    "unclosed-variable": "我公司{{ noun 提供服务。",
    "empty-if": "{% if %}有{% endif %}",
    "stray-endfor": "服务。{% endfor %}",
    "for-without-iterable": "{% for x in %}{{ x }}{% endfor %}",
    "empty-expression": "我公司{{ }}。",
    "unclosed-block": "{% if has.training %}培训",
    "unknown-filter": "{{ noun | nosuchfilter }}",
    "unknown-tag": "{% frobnicate %}",
    "extends": "{% extends 'base.html' %}",
    "include": "{% include 'secret.txt' %}",
    "import": "{% import 'macros.txt' as m %}{{ m.x }}",
}
for label, body in JINJA_SYNTAX.items():
    jinja.add(f"syntax-{label}", probe_clause(body), 2, PROBE, "字段 body",
              "模板语法错误" if label not in ("extends", "include", "import") else "渲染失败")
JINJA_UNDEFINED = {
    "name": ("{{ missing_value }}", "missing_value"),
    "kind": ("{{ c.nosuchkind }}", "nosuchkind"),
    "tender-attribute": ("{{ tender.nope }}", "不存在的变量"),
    "list-index": ("{{ bidder.outlets[99].city }}", "不存在的变量"),
    "qualifier": ("{{ c.onsite_arrival.火星 }}", "火星"),
    "empty-lot": ("项目包号：{{ tender.lot }}", "空字符串"),
    "division-by-zero": ("{{ 1 / 0 }}", "渲染失败"),
    "type-error": ("{{ noun + 1 }}", "渲染失败"),
    "none": ("{{ none }}", "None"),
    "huge-range": ("{% for i in range(10**9) %}{{ i }}{% endfor %}", "渲染失败"),
}
for label, (body, fragment) in JINJA_UNDEFINED.items():
    jinja.add(f"undefined-{label}", probe_clause(body), 2, PROBE, "字段 body", fragment)
jinja.add("uses-unresolved-kind", probe_clause("{{ c.shelf_life }}", uses=["shelf_life"]), 2, PROBE, "shelf_life")

# -- sandbox escapes in clause bodies --------------------------------------------------------------------
# What an executed payload prints (a class, a function, a module, a namespace); a message may quote
# the payload as typed, but never its result.
LEAKS = ("<class", "<built-in", "<function", "<bound method", "<module", "mappingproxy", "<jinja2")
sandbox = Table("sandbox")
ESCAPES = {
    "mro": "{{ ''.__class__.__mro__ }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler-globals": "{{ cycler.__init__.__globals__ }}",
    "joiner-globals": "{{ joiner.__init__.__globals__.os }}",
    "namespace-init": "{{ namespace.__init__ }}",
    "lipsum-globals": "{{ lipsum.__globals__ }}",
    "template-reference": "{{ self._TemplateReference__context }}",
    "attr-filter": "{{ '' | attr('__class__') }}",
    "format-string": "{{ '{0.__class__}'.format('') }}",
    "profile-value-class": "{{ bidder.legal_name.__class__ }}",
    "profile-dunder-dict": "{{ bidder.__dict__ }}",
    "model-private": "{{ c.response._resolved }}",
    "format-globals": "{{ bidder.legal_name.format.__globals__ }}",
    "mutate-list": "{{ product.vocabulary.append('注入') }}",
    "mutate-dict": "{{ has.update({'software': true}) }}",
    "func-code": "{{ cycler.reset.__func__.__code__ }}",
    "getattr-builtins": "{{ range.__self__ }}",
    "loop-subclasses": "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
}
for label, body in ESCAPES.items():
    # refused by the sandbox, or (an unsafe attribute read as missing) by StrictUndefined: never printed
    refusal = "不存在的变量" if label in ("func-code", "getattr-builtins") else "沙箱"
    sandbox.add(label, probe_clause(f"我公司承诺：{body}。"), 2, PROBE, "字段 body", refusal, forbidden=LEAKS)

# -- sandbox payloads inside profile and tender VALUES ---------------------------------------------------
# A value is data, never a template: it is printed as typed, or refused with the file named.
values = Table("value")
PAYLOADS = {
    "mro": "{{ ''.__class__.__mro__ }}",
    "globals": "{{ cycler.__init__.__globals__ }}",
    "statement": "{% for x in range(3) %}X{% endfor %}",
    "comment": "北京{# 注释 #}公司",
}
VALUE_FIELDS = [
    ("bidder-legal-name", BIDDER, ["legal_name"]),
    ("bidder-address", BIDDER, ["address"]),
    ("bidder-outlet-city", BIDDER, ["outlets", 0, "city"]),
    ("bidder-team-name", BIDDER, ["team", 0, "name"]),
    ("product-noun", PRODUCT, ["noun"]),
    ("product-fault-examples", PRODUCT, ["faults", 0, "examples"]),
    ("tender-project-name", TENDER, ["project_name"]),
    ("tender-purchaser", TENDER, ["purchaser", "name"]),
    ("tender-products", TENDER, ["products"]),
]
for field_label, rel, keys in VALUE_FIELDS:
    for payload_label, payload in PAYLOADS.items():
        values.add(f"{field_label}-{payload_label}", set_key(rel, keys, payload), 2, rel, "模板语法",
                   forbidden=LEAKS + ("XXX",))  # the loop would print XXX
values.add("tender-qualifier-payload", set_key(TENDER, ["overrides", "onsite_arrival"],
                                               {"{{ ''.__class__ }}": "2小时"}), 2, TENDER, forbidden=LEAKS)

# -- commitments that cannot be promised -----------------------------------------------------------------
commitments = Table("commit")
BAD_VALUES = {
    "per-year-twice": "每年2回",
    "negative": "-2小时",
    "word-negative": "负数",
    "zero": "0小时",
    "no-unit": "2",
    "english": "2 hours",
    "scientific": "1e9年",
    "vague": "尽快",
    "boolean": True,
    "list": ["2小时"],
    "empty-map": {},
}
for label, value in BAD_VALUES.items():
    commitments.add(f"tender-response-{label}", set_key(TENDER, ["overrides", "response"], value), 2, TENDER)
for label in ("per-year-twice", "negative", "zero", "vague", "list"):
    commitments.add(f"bidder-response-{label}", set_key(BIDDER, ["commitments", "response"], BAD_VALUES[label]),
                    2, BIDDER)
    commitments.add(f"product-warranty-{label}", set_key(PRODUCT, ["commitments", "warranty"], BAD_VALUES[label]),
                    2, PRODUCT)
commitments.add("hotline-7x25", set_key(TENDER, ["overrides", "hotline"], "7×25"), 2, TENDER, "7×25")
commitments.add("return-visit-zero", set_key(TENDER, ["overrides", "return_visit"], "每年0次"), 2, TENDER)
commitments.add("return-visit-hourly", set_key(TENDER, ["overrides", "return_visit"], "每小时一次"), 2, TENDER)
commitments.add("inspection-duration", set_key(TENDER, ["overrides", "inspection"], "2小时"), 2, TENDER)
commitments.add("fault-level-missing-resolution",
                set_key(PRODUCT, ["commitments", "fault_levels", "一级", "resolution"], DELETE), 2, PRODUCT)
commitments.add("requirement-value-vague", set_key(TENDER, ["requirements", 1, "value"], "尽快"), 2, TENDER)
commitments.add("requirement-value-negative", set_key(TENDER, ["requirements", 1, "value"], "-1小时"), 2, TENDER)
# valid values that contradict each other or the tender: refused (exit 1), the file still named
commitments.add("response-slower-than-arrival", set_key(TENDER, ["overrides", "response"], "3天"), 1, TENDER,
                "矛盾")
commitments.add("warranty-below-requirement", set_key(TENDER, ["overrides", "warranty"], "1年"), 1, TENDER,
                "不满足")
commitments.add("fault-level-slower-than-headline",
                set_key(PRODUCT, ["commitments", "fault_levels", "三级", "resolution"], "30天"), 1, PRODUCT)

# -- output that cannot be written -----------------------------------------------------------------------
output = Table("output")
output.add("under-regular-file", put("blocker", "一个普通文件"), 2, "blocker",
           args=("build", "{project}/tenders/demo.yaml", "--allow-draft", "-o", "{project}/blocker/sub"))
output.add("is-regular-file", put("blocker", "一个普通文件"), 2, "blocker",
           args=("build", "{project}/tenders/demo.yaml", "--allow-draft", "-o", "{project}/blocker"))
output.add("tender-dir-is-file", put("out/demo", "一个普通文件"), 2, "out/demo",
           args=("build", "{project}/tenders/demo.yaml", "--allow-draft", "-o", "{project}/out"))
output.add("docx-name-is-directory", lambda p: (p / "out/demo/售后服务方案.docx").mkdir(parents=True), 2,
           "售后服务方案.docx",
           args=("build", "{project}/tenders/demo.yaml", "--allow-draft", "--force", "-o", "{project}/out"))

ALL = (syntax.cases + encoding.cases + types.cases + typos.cases + missing.cases + duplicates.cases + jinja.cases
       + sandbox.cases + values.cases + commitments.cases + output.cases)
