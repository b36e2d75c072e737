"""Hostile or careless inputs (issue 17): characters, sizes and ranges, nonsense values, confinement of
paths, active content in Word files, clause templates that never end, and the minor cases. Every row
must give its exit code and a Chinese message naming the file, within a time bound, changing nothing."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from corpus_support import (
    BIDDER,
    OUTLINE,
    PROBE,
    PRODUCT,
    REFERENCE,
    TENDER,
    Table,
    append,
    probe_clause,
    put,
    replace_text,
    set_key,
    valid_probe,
)


def raw_value(rel: str, keys: list, yaml_text: str) -> list:
    """Set a value written exactly as `yaml_text` (escapes such as "\\ud800" the dumper cannot write)."""
    marker = "ZZPLACEHOLDERZZ"
    return [set_key(rel, keys, marker), replace_text(rel, marker, yaml_text)]


# -- characters: control, bidi, surrogates and non-characters in any text value --------------------
characters = Table("char")
TEXT_FIELDS = [
    ("tender-project-name", TENDER, ["project_name"]),
    ("tender-purchaser", TENDER, ["purchaser", "name"]),
    ("tender-delivery-place", TENDER, ["delivery_place"]),
    ("tender-products", TENDER, ["products"]),
    ("tender-requirement-text", TENDER, ["requirements", 0, "text"]),
    ("bidder-legal-name", BIDDER, ["legal_name"]),
    ("bidder-address", BIDDER, ["address"]),
    ("bidder-team-name", BIDDER, ["team", 0, "name"]),
    ("bidder-outlet-city", BIDDER, ["outlets", 0, "city"]),
    ("product-noun", PRODUCT, ["noun"]),
    ("product-vocabulary", PRODUCT, ["vocabulary", 0]),
]
REFUSED = {
    "soh": ("\\x01", "控制字符 U+0001"),
    "nul": ("\\0", "控制字符 U+0000"),
    "escape": ("\\e", "控制字符 U+001B"),
    "delete": ("\\x7f", "控制字符 U+007F"),
    "c1-csi": ("\\x9b", "控制字符 U+009B"),
    "fffe": ("\\ufffe", "非字符 U+FFFE"),
    "ffff": ("\\uffff", "非字符 U+FFFF"),
    "lone-high-surrogate": ("\\ud800", "代理项"),
    "lone-low-surrogate": ("\\udfff", "代理项"),
    "rtl-override": ("\\u202e", "文字方向控制字符"),
    "ltr-override": ("\\u202d", "文字方向控制字符"),
    "isolate": ("\\u2066", "文字方向控制字符"),
}
for field_label, rel, keys in TEXT_FIELDS:
    field = ".".join(str(k) for k in keys)
    for char_label, (escape, fragment) in REFUSED.items():
        characters.add(f"{field_label}-{char_label}", raw_value(rel, keys, f'"名{escape}称"'), 2, rel,
                       fragment, f"字段 {field}")
characters.add("clause-title-control", valid_probe() + raw_value(PROBE, ["title"], '"探\\x01针"'), 2, PROBE,
               "控制字符", "字段 title")
characters.add("clause-body-control", valid_probe() + raw_value(PROBE, ["body"], '"正文\\x02内容"')
               + [replace_text(PROBE, "body: |-\n  ", "body: ")], 2, PROBE,
               "控制字符", "字段 body")
characters.add("tender-key-control", append(TENDER, '"zz\\x01key": 1\n'), 2, TENDER, "控制字符")
characters.add("bidder-qualifier-bidi", raw_value(BIDDER, ["commitments", "onsite_arrival"],
                                                 '{"市\\u202e区": 2小时}'), 2, BIDDER, "文字方向控制字符")

# -- sizes and ranges ------------------------------------------------------------------------------
sizes = Table("size")
sizes.add("project-name-300", set_key(TENDER, ["project_name"], "长" * 300), 2, TENDER, "文字过长", "project_name")
sizes.add("project-name-151", set_key(TENDER, ["project_name"], "长" * 151), 2, TENDER, "不应超过 150")
sizes.add("legal-name-256", set_key(BIDDER, ["legal_name"], "长" * 256), 2, BIDDER, "文字过长", "legal_name")
sizes.add("legal-name-101", set_key(BIDDER, ["legal_name"], "长" * 101), 2, BIDDER, "不应超过 100")
sizes.add("short-name-51", set_key(BIDDER, ["short_name"], "短" * 51), 2, BIDDER, "不应超过 50")
sizes.add("purchaser-name-500", set_key(TENDER, ["purchaser", "name"], "采" * 500), 2, TENDER, "文字过长")
sizes.add("outline-title-101", set_key(OUTLINE, ["title"], "题" * 101), 2, OUTLINE, "文字过长")
sizes.add("products-3000", set_key(TENDER, ["products"], "货" * 3000), 2, TENDER, "文字过长")
for label, text in {"2108": "2108-01-01", "2999": "2999-12-31", "2100": "2100-01-01", "1979": "1979-12-31",
                    "1900": "1900-01-01", "0001": "0001-01-01"}.items():
    sizes.add(f"date-{label}", replace_text(TENDER, "date: 2026-11-20", f"date: {text}"), 2, TENDER,
              "不在合理范围内", "字段 date")
sizes.add("date-unix-seconds", replace_text(TENDER, "date: 2026-11-20", "date: 1763596800"), 2, TENDER,
          "应为日期", "字段 date")
sizes.add("date-float", replace_text(TENDER, "date: 2026-11-20", "date: 1763596800.0"), 2, TENDER, "应为日期")
sizes.add("approval-date-2200", valid_probe() + [set_key(PROBE, ["approval"], {
    "by": "王律师", "date": "PLACEHOLDERDATE", "sha256": "0" * 64}), replace_text(PROBE, "PLACEHOLDERDATE", "2200-01-01")],
    2, PROBE, "不在合理范围内")
BIG = "9" * 5000
for name, rel in {"tender": TENDER, "bidder": BIDDER, "product": PRODUCT, "outline": OUTLINE}.items():
    sizes.add(f"{name}-int-5000-digits-unknown-key", append(rel, f"zz_unknown: {BIG}\n"), 2, rel, "数值过长")
    sizes.add(f"{name}-int-20-digits", append(rel, "zz_unknown: 99999999999999999999\n"), 2, rel, "数值过大")
    sizes.add(f"{name}-float-infinite", append(rel, "zz_unknown: .inf\n"), 2, rel, "无穷大")
    sizes.add(f"{name}-float-1e400", append(rel, "zz_unknown: 1.0e+400\n"), 2, rel, "无穷大")
    sizes.add(f"{name}-flow-nesting-500", append(rel, "zz_deep: " + "[" * 500 + "]" * 500 + "\n"), 2, rel,
              "嵌套层数过多")
    sizes.add(f"{name}-map-nesting-300", append(rel, "zz_deep: " + "{a: " * 300 + "1" + "}" * 300 + "\n"), 2,
              rel, "嵌套层数过多")
    sizes.add(f"{name}-block-nesting-200", append(rel, "zz_deep:\n" + "".join(
        " " * (2 * i + 2) + f"k{i}:\n" for i in range(200)) + " " * 402 + "v: 1\n"), 2, rel, "嵌套层数过多")
sizes.add("clause-int-5000-digits", valid_probe() + [append(PROBE, f"zz: {BIG}\n")], 2, PROBE, "数值过长")
sizes.add("clause-nesting-1000", valid_probe() + [append(PROBE, "zz: " + "[" * 1000 + "]" * 1000 + "\n")], 2,
          PROBE, "嵌套层数过多")
sizes.add("staff-5000-digits", replace_text(BIDDER, "staff: 12", f"staff: {BIG}"), 2, BIDDER, "数值过长")
sizes.add("staff-16-digits", replace_text(BIDDER, "staff: 12", "staff: 1234567890123456"), 2, BIDDER, "数值过大",
          "outlets.0.staff")
sizes.add("tender-3mb-sparse", lambda p: os.truncate(p / TENDER, 3 * 1024 * 1024 * 1024), 2, TENDER, "过大")

# -- nonsense that would pass: implausible commitments, keys that are not text -----------------------
nonsense = Table("nonsense")
NONSENSE_VALUES = [
    ("warranty-400-nines", ["overrides", "warranty"], "9" * 400 + "年", "承诺值过大"),
    ("warranty-30-nines", ["overrides", "warranty"], "9" * 30 + "年", "承诺值过大"),
    ("warranty-51-years", ["overrides", "warranty"], "51年", "不应超过50年"),
    ("warranty-1000-months", ["overrides", "warranty"], "1000个月", "承诺值过大"),
    ("response-99999-days", ["overrides", "response"], "99999天", "承诺值过大"),
    ("response-tiny", ["overrides", "response"], "0.001分钟", "承诺值过小"),
    ("arrival-qualified-huge", ["overrides", "onsite_arrival"], {"市区": "9" * 40 + "小时"}, "承诺值过大"),
    ("return-visit-999-weekly", ["overrides", "return_visit"], "每周999次", "频次过高"),
    ("spare-parts-1e6-years", ["overrides", "spare_parts"], "1000000年", "承诺值过大"),
]
for label, keys, value, fragment in NONSENSE_VALUES:
    nonsense.add(f"tender-{label}", set_key(TENDER, keys, value), 2, TENDER, fragment, forbidden=("inf年",))
nonsense.add("bidder-warranty-inf", set_key(BIDDER, ["commitments", "warranty"], "9" * 400 + "年"), 2, BIDDER,
             "承诺值过大", "commitments.warranty")
nonsense.add("product-fault-resolution-huge", set_key(PRODUCT, ["commitments", "fault_levels", "一级", "resolution"],
                                                     "9" * 30 + "小时"), 2, PRODUCT, "承诺值过大")
nonsense.add("requirement-value-huge", set_key(TENDER, ["requirements", 0, "value"], "9" * 30 + "年"), 2, TENDER,
             "承诺值过大", "requirements.0.value")
nonsense.add("qualifier-tuple-key", replace_text(TENDER, "  warranty: 3年", "  warranty: 3年\n  response: {? [a] : 3年}"),
             2, TENDER, "名称应为文字", forbidden=("('a',)",))
nonsense.add("qualifier-null-key", replace_text(TENDER, "  warranty: 3年", "  warranty: 3年\n  response: {~: 30分钟}"),
             2, TENDER, "名称应为文字")
nonsense.add("qualifier-map-key", replace_text(TENDER, "  warranty: 3年",
                                               "  warranty: 3年\n  response: {? {a: 1} : 30分钟}"), 2, TENDER, "名称应为文字")
nonsense.add("top-level-list-key", append(TENDER, "? [a, b]\n: 1\n"), 2, TENDER, "名称应为文字")
nonsense.add("top-level-bool-key", append(BIDDER, "true: 1\n"), 2, BIDDER, "名称应为文字")

# -- confinement: paths outside the project, symlinks, active and remote content ---------------------
confinement = Table("confine")
ATTACHMENT = "tenders/attachments/授权委托书.docx"


def outside_docx(project: Path) -> Path:
    """A valid .docx beside (not inside) the project copy."""
    target = project.parent / "outside.docx"
    target.write_bytes((project / ATTACHMENT).read_bytes())
    return target


def attach(value_of) -> list:  # a function of the project giving the attachment value
    def edit(project: Path) -> None:
        set_key(TENDER, ["attachments"], [value_of(project)])(project)
    return [edit]


def letterhead(value_of) -> list:
    def edit(project: Path) -> None:
        set_key(BIDDER, ["letterhead"], value_of(project))(project)
    return [edit]


def _symlink_out(project: Path, rel: str) -> str:
    link = project / rel
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside_docx(project))
    return link.name


def _symlink_loop(project: Path, rel: str) -> str:
    link = project / rel
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(link)
    return link.name


PATHS = {
    "absolute-outside": (lambda p: str(outside_docx(p)), "项目目录之外"),
    "dotdot-outside": (lambda p: (outside_docx(p), "../../outside.docx")[1], "项目目录之外"),
    "symlink-outside": (None, "项目目录之外"),
    "symlink-loop": (None, "循环"),
    "system-file": (lambda p: "/etc/hostname", "项目目录之外"),
}
for label, (value_of, fragment) in PATHS.items():
    if label == "symlink-outside":
        confinement.add(f"attachment-{label}", attach(lambda p: _symlink_out(p, "tenders/zz-link.docx")), 2, TENDER,
                        fragment, "attachments.0")
        confinement.add(f"letterhead-{label}", letterhead(lambda p: _symlink_out(p, "profiles/bidders/zz-link.docx")),
                        2, BIDDER, fragment, "letterhead")
    elif label == "symlink-loop":
        confinement.add(f"attachment-{label}", attach(lambda p: _symlink_loop(p, "tenders/zz-loop.docx")), 2, TENDER,
                        fragment)
        confinement.add(f"letterhead-{label}", letterhead(lambda p: _symlink_loop(p, "profiles/bidders/zz-loop.docx")),
                        2, BIDDER, fragment)
    elif label == "dotdot-outside":  # the tender is one folder below the project, the bidder two
        confinement.add(f"attachment-{label}", attach(value_of), 2, TENDER, fragment, "attachments.0")
        confinement.add(f"letterhead-{label}", letterhead(lambda p: (outside_docx(p), "../../../outside.docx")[1]),
                        2, BIDDER, fragment, "letterhead")
    else:
        confinement.add(f"attachment-{label}", attach(value_of), 2, TENDER, fragment, "attachments.0")
        confinement.add(f"letterhead-{label}", letterhead(value_of), 2, BIDDER, fragment, "letterhead")

RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _with_parts(source: Path, target: Path, extra: dict[str, bytes], rels_addition: str = "") -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if rels_addition and item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rels_addition.encode() + b"</Relationships>")
            new.writestr(item.filename, data)
        for name, data in extra.items():
            new.writestr(name, data)


def _relationship(rid: str, kind: str, target: str, external: bool) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{RELS}/{kind}" Target="{target}"{mode}/>'


ACTIVE = {
    "vba-macro": ({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}, "", "宏"),
    "ole-object": ({"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"},
                   _relationship("rIdZ1", "oleObject", "embeddings/oleObject1.bin", False), "OLE"),
    "alt-chunk": ({"word/afchunk.html": b"<html><body>hidden</body></html>"},
                  _relationship("rIdZ2", "aFChunk", "afchunk.html", False), "altChunk"),
    "remote-image": ({}, _relationship("rIdZ3", "image", "http://tracker.invalid/pixel.png", True), "外部资源"),
    "remote-template": ({"word/_rels/settings.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships">' + _relationship("rIdZ4", "attachedTemplate", "http://tracker.invalid/t.dotm", True)
        + "</Relationships>").encode()}, "", "外部资源"),
    "activex": ({"word/activeX/activeX1.xml": b"<ax/>"}, "", "ActiveX"),
}
for label, (extra, rels_addition, fragment) in ACTIVE.items():
    def make_attachment(project: Path, extra=extra, rels_addition=rels_addition) -> None:
        _with_parts(project / ATTACHMENT, project / "tenders/attachments/zz-active.docx", extra, rels_addition)
        set_key(TENDER, ["attachments"], ["attachments/zz-active.docx"])(project)

    def make_letterhead(project: Path, extra=extra, rels_addition=rels_addition) -> None:
        _with_parts(project / REFERENCE, project / "profiles/bidders/zz-letterhead.docx", extra, rels_addition)
        set_key(BIDDER, ["letterhead"], "zz-letterhead.docx")(project)

    confinement.add(f"attachment-{label}", [make_attachment], 2, TENDER, fragment, forbidden=("hidden",))
    confinement.add(f"letterhead-{label}", [make_letterhead], 2, BIDDER, fragment)

# -- clause templates that never end or print internals ------------------------------------------------
templates = Table("template")
BODIES = {
    "macro-recursion": ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "递归过深"),
    "truncate-negative": ("{{ noun | truncate(-1) }}", "truncate"),
    "string-times-billion": ("{{ 'x' * 10**9 }}", "过长"),
    "list-times-billion": ("{{ ([1] * 10**9) | length }}", "过长"),
    "range-million": ("{% for i in range(10**6) %}{{ i }}{% endfor %}", "range()"),
    "nested-loops": ("{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}", "秒"),
    "output-flood": ("{% for i in range(9999) %}{% for j in range(999) %}长{% endfor %}{% endfor %}", "过长"),
    "power-huge": ("{{ 2 ** 1000000 }}", "乘方"),
    "map-class": ("{{ product.vocabulary | map(attribute='__class__') | join }}", "沙箱"),
    "map-class-list": ("{{ product.vocabulary | map(attribute='__class__') | list }}", "沙箱"),
}
for label, (body, fragment) in BODIES.items():
    templates.add(f"build-{label}", probe_clause(body), 2, PROBE, "字段 body", fragment, forbidden=("Undefined",))
for label in ("macro-recursion", "nested-loops", "string-times-billion", "truncate-negative"):
    templates.add(f"lint-{label}", probe_clause(BODIES[label][0]), 1, PROBE, BODIES[label][1],
                  args=("clauses", "lint", "--root", "{project}"))

# -- minor -------------------------------------------------------------------------------------------
minor = Table("minor")
minor.add("reference-not-a-zip", put(REFERENCE, b"not a word document"), 2, REFERENCE, "不是有效的 .docx")
minor.add("reference-remote-template", [
    lambda p: _with_parts(p / REFERENCE, p / "zz-ref.docx", ACTIVE["remote-template"][0]),
    lambda p: os.replace(p / "zz-ref.docx", p / REFERENCE)], 2, REFERENCE, "外部资源")
minor.add("tender-fifo", lambda p: os.mkfifo(p / "tenders/zz-fifo.yaml"), 2, "tenders/zz-fifo.yaml", "不是普通文件",
          args=("build", "{project}/tenders/zz-fifo.yaml"))
minor.add("bidder-fifo", [lambda p: os.remove(p / BIDDER), lambda p: os.mkfifo(p / BIDDER)], 2, BIDDER, "不是普通文件")
minor.add("clause-fifo", lambda p: os.mkfifo(p / "clauses/core/zz-fifo.yaml"), 2, "clauses/core/zz-fifo.yaml",
          "不是普通文件")
minor.add("tender-symlink-loop", lambda p: (p / "tenders/zz-loop.yaml").symlink_to(p / "tenders/zz-loop.yaml"), 2,
          "tenders/zz-loop.yaml", "符号链接", args=("build", "{project}/tenders/zz-loop.yaml"))
minor.add("attachment-fifo", [lambda p: os.mkfifo(p / "tenders/zz-fifo.docx"),
                              set_key(TENDER, ["attachments"], ["zz-fifo.docx"])], 2, TENDER, "attachments.0")

HOSTILE = (characters.cases + sizes.cases + nonsense.cases + confinement.cases + templates.cases + minor.cases)
CATEGORIES = {"characters": characters, "sizes": sizes, "nonsense": nonsense, "confinement": confinement,
              "templates": templates, "minor": minor}
