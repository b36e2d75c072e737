"""literal-number: a clause body that writes a commitment's number itself (24小时, 两年, 7×24,
每季度一次) instead of taking it from the commitments."""

from __future__ import annotations

from generator.core.findings import ERROR, Finding, Rule
from generator.library.rules import LintContext
from generator.library.source_scan import file_line, literal_numbers, raw_body, wording

RULE = Rule("literal-number", "正文直接写了承诺数字", ERROR, order=60)


def check(context: LintContext) -> list[Finding]:
    out = []
    for loaded in context.library.clauses:
        for piece in wording(raw_body(loaded)):
            for span in literal_numbers(piece.text):
                where = "表达式中的字符串" if piece.literal else "正文"
                out.append(Finding.in_file(RULE.id, loaded.path, file_line(loaded, piece.line),
                                           f"{where}直接写了承诺数字“{span}”", loaded.model.id,
                                           "承诺的时限、期限和频次一律写成 {{ c.<kind> }}，由承诺数据填入"))
    return out
