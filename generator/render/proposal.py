"""Template outline + clauses + context → a Proposal made of neutral blocks."""

from __future__ import annotations

import functools
import traceback
from dataclasses import dataclass
from typing import Any

from jinja2 import Template, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from generator.core.bounded_memo import BoundedMemo
from generator.core.errors import BuildRefused, InputError, Problem, ProblemCollector
from generator.load.yamlio import Loaded
from generator.models.clause import Clause, Outline
from generator.render.blocks import Block, Cover, Heading, PageBreak, Picture, Proposal, Signature, Toc
from generator.render.code_cache import compile_cached, environment_fingerprint
from generator.render.figures import FLOW_CATEGORIES, ORG_CATEGORIES, Figures, numbered, place
from generator.render.jinja import EmptyValueError, date_cn, make_environment, render_bounded
from generator.render.markup import MarkupError, SignatureMarker, SubHeading, literal, parse
from generator.render.numbering import Counter
from generator.render.scoring_table import scoring_blocks
from generator.resolve.scoring import ItemScore


@dataclass(frozen=True)
class ClauseUse:
    """A clause that went into the proposal (for the manifest and the approval gate)."""

    loaded: Loaded

    @property
    def clause(self) -> Clause:
        return self.loaded.model


def _template_name(clause: Clause) -> str:
    return f"clause:{clause.id}"


def _body_first_line(loaded: Loaded) -> int:
    """File line of the body's first line (block scalars start on the line after `body: |`)."""
    key_line = loaded.line_of("body") or 1
    node = loaded.raw.get("body")
    style = getattr(node, "style", None) if node is not None else None
    return key_line + 1 if style in ("|", ">") or type(node).__name__ in ("LiteralScalarString",
                                                                          "FoldedScalarString") else key_line


def _error_line(exc: BaseException, clause: Clause) -> int | None:
    if isinstance(exc, TemplateSyntaxError):
        return exc.lineno
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == _template_name(clause):
            line = frame.lineno
    return line


def _explain(exc: BaseException) -> str:
    if isinstance(exc, UndefinedError):
        name = str(exc).split("'")[-2] if str(exc).count("'") >= 2 else str(exc)
        return f"使用了不存在的变量或承诺“{name}”（不会留空白，生成已停止）"
    if isinstance(exc, SecurityError):
        return "条款试图访问不允许的内部属性，已被沙箱拒绝"
    if isinstance(exc, TemplateSyntaxError):
        return f"模板语法错误：{exc.message}"
    if isinstance(exc, EmptyValueError):
        return str(exc)
    return f"渲染失败：{exc}"


# Compiled clause bodies and section titles as ready Template objects, by (name, source): a build
# renders the same few hundred sources as the previous one, and compiling (or even loading the code
# and running its module) is most of a render's time. The environment is built once per process for
# them; it is never changed after make_environment, and Jinja templates render concurrently.
MAX_TEMPLATES = 2048
_CODE_CACHE: BoundedMemo[Template] = BoundedMemo(MAX_TEMPLATES)
TITLE_NAME = "outline:title"


@functools.cache
def shared_environment() -> ImmutableSandboxedEnvironment:
    return make_environment()


@functools.cache
def _fingerprint(env: ImmutableSandboxedEnvironment) -> str:
    return environment_fingerprint(env)


def _compiled(env: ImmutableSandboxedEnvironment, body: str, name: str) -> Template:
    """The template of `body`, reused across renderers in a process; its code comes from the disk
    cache across processes (compiling is most of a clause's render time)."""
    def compile_template() -> Template:
        code = compile_cached(env, body, name, _fingerprint(env))
        return env.template_class.from_code(env, code, env.make_globals(None))

    return _CODE_CACHE.get((id(env), name, body), compile_template)


class ClauseRenderer:
    def __init__(self, context: dict[str, Any]) -> None:
        self.env: ImmutableSandboxedEnvironment = shared_environment()
        self.context = context

    def render_title(self, title: str) -> str:
        """A section title may use the context as well: “{{ w }}外服务与收费原则” → “质保期外服务与收费原则”."""
        if "{" not in title:
            return title
        try:
            return literal(render_bounded(_compiled(self.env, title, TITLE_NAME), self.context)).strip()
        except (TemplateError, EmptyValueError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
            raise ClauseFailure(Problem("templates", f"大纲章节标题“{title}”无法生成：{_explain(exc)}",
                                        field="sections.title")) from exc

    def render(self, loaded: Loaded) -> str:
        clause: Clause = loaded.model
        try:
            return render_bounded(_compiled(self.env, clause.body, _template_name(clause)), self.context)
        except RENDER_ERRORS as exc:
            raise clause_failure(loaded, exc) from exc


class ClauseFailure(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


RENDER_ERRORS = (TemplateError, EmptyValueError, ArithmeticError, LookupError, TypeError, ValueError)


def clause_failure(loaded: Loaded, exc: BaseException) -> ClauseFailure:
    """A rendering error as a problem located at the clause file's line."""
    line = _error_line(exc, loaded.model)
    file_line = _body_first_line(loaded) + line - 1 if line else loaded.line_of("body")
    return ClauseFailure(Problem(loaded.path, _explain(exc), file_line, field="body"))


def render_clause_blocks(loaded: Loaded, renderer: ClauseRenderer, base_level: int, counter: Counter,
                         signature: Signature | None) -> list[Block]:
    return blocks_from_markup(loaded, renderer.render(loaded), base_level, counter, signature)


def blocks_from_markup(loaded: Loaded, text: str, base_level: int, counter: Counter,
                       signature: Signature | None) -> list[Block]:
    """A clause's rendered markup → blocks, sub-headings numbered below `base_level`; no signature
    block where `signature` is None (暗标)."""
    try:
        parsed = parse(text)
    except MarkupError as exc:
        raise ClauseFailure(Problem(loaded.path, f"正文格式错误：{exc}（渲染后第 {exc.line} 行）",
                                    loaded.line_of("body"), field="body")) from exc
    blocks: list[Block] = []
    for item in parsed:
        if isinstance(item, SubHeading):
            level = base_level + item.depth
            blocks.append(Heading(level, counter.next(level), item.title))
        elif isinstance(item, SignatureMarker):
            if signature is not None:
                blocks.append(signature)
        else:
            blocks.append(item)
    return blocks


def select_clauses(outline: Outline, clauses: dict[str, Loaded], product_type: str,
                   capabilities: list[str]) -> tuple[list[tuple[str, list[Loaded]]], list[Problem]]:
    """Per outline section, the clauses that apply to this product type."""
    chosen: list[tuple[str, list[Loaded]]] = []
    problems: list[Problem] = []
    for section in outline.sections:
        models = {cid: clauses[cid].model for cid in section.clauses if cid in clauses}
        applicable = [clauses[cid] for cid in section.applicable(models, product_type, capabilities)]
        if applicable:
            chosen.append((section.title, applicable))
        elif section.required:
            problems.append(Problem(
                "templates", f"大纲章节“{section.title}”没有适用于产品类型“{product_type}”的条款",
                hint=f"候选条款：{'、'.join(section.clauses)}"))
    return chosen, problems


def cover_label(label: str, width: int = 4) -> str:
    """Spread a short label over `width` characters so the cover's colons line up:
    日期 → 日　　期：, 采购人 → 采 购 人： (en spaces are half a character wide)."""
    gaps = len(label) - 1
    missing = width - len(label)
    if missing <= 0 or gaps == 0:
        return f"{label}："
    spacer = "\u3000" * (missing // gaps) + "\u2002" * round((missing % gaps) * 2 / gaps)
    return spacer.join(label) + "："


def figure_targets(sections: list[tuple[str, list[Loaded]]], figures: Figures | None) -> dict[str, list[Block]]:
    """Clause id → the numbered figure placed in it (generator.render.figures says where)."""
    if figures is None:
        return {}
    clauses = [loaded.model for _, group in sections for loaded in group]
    wanted = [(figures.org, "售后服务组织机构图", ORG_CATEGORIES, figures.org_lead),
              (figures.flow, "售后服务流程图", FLOW_CATEGORIES, figures.flow_lead)]
    chosen: list[tuple[int, tuple[Block, ...], str, str]] = []
    for blocks, name, categories, lead in wanted:
        index = next((i for cat in categories for i, c in enumerate(clauses) if c.category == cat), None)
        if index is not None:
            chosen.append((index, blocks, name, lead))
    placed: dict[str, list[Block]] = {}
    number = 0  # 图1, 图2 …: a chart given as a table takes no figure number
    for index, blocks, name, lead in sorted(chosen, key=lambda item: item[0]):
        number += isinstance(blocks[0], Picture)
        placed[clauses[index].id] = numbered(blocks, number, name, lead)
    return placed


def render_proposal(outline: Outline, sections: list[tuple[str, list[Loaded]]], context: dict[str, Any],
                    draft: bool, figures: Figures | None = None, scores: list[ItemScore] | None = None) -> Proposal:
    tender, bidder = context["tender"], context["bidder"]
    anonymous = bool(context.get("anonymous"))  # 暗标: no bidder on the cover, no signature block
    renderer = ClauseRenderer(context)
    signature = None if anonymous else Signature((
        ("投标人（盖章）：", bidder.legal_name),
        ("法定代表人或授权代表（签字）：", ""),
        ("日期：", date_cn(tender.date)),
    ))
    counter = Counter()
    placed = figure_targets(sections, figures)
    scoring_number = counter.next(1) if scores else ""  # the 评分点对照表 opens the proposal
    answered_in: dict[str, str] = {}  # clause category → the heading of its section
    body: list[Block] = []
    problems = ProblemCollector()
    for index, (title, loaded_clauses) in enumerate(sections):
        if index > 0 and any(item.model.category == "commitment_letter" for item in loaded_clauses):
            body.append(PageBreak())
        try:
            title = renderer.render_title(title)
        except ClauseFailure as failure:
            problems.add(failure.problem)
        heading = Heading(1, counter.next(1), title)
        body.append(heading)
        for item in loaded_clauses:
            answered_in.setdefault(item.model.category, heading.text)
        several = len(loaded_clauses) > 1
        for loaded in loaded_clauses:
            base = 1
            if several:
                body.append(Heading(2, counter.next(2), loaded.model.title))
                base = 2
            try:
                rendered = render_clause_blocks(loaded, renderer, base, counter, signature)
                figure = placed.get(loaded.model.id)
                body.extend(place(rendered, figure) if figure else rendered)
            except ClauseFailure as failure:
                problems.add(failure.problem)
    problems.raise_if_any("条款渲染失败，未生成文档", InputError)
    if scores:
        body[:0] = scoring_blocks(scoring_number, scores, answered_in)
    cover = Cover(
        title=f"{tender.project_name}",
        subtitle=outline.title,
        fields=tuple(item for item in (
            (cover_label("项目编号"), tender.project_number),
            (cover_label("包号"), tender.lot) if tender.lot else None,
            (cover_label("采购人"), tender.purchaser.name),
            None if anonymous else (cover_label("投标人"), bidder.legal_name),
            (cover_label("日期"), date_cn(tender.date)),
        ) if item),
    )
    toc = Toc(entries=tuple(b for b in body if isinstance(b, Heading) and b.level <= 2))
    blocks: tuple[Block, ...] = (cover, PageBreak(), toc, PageBreak(), *body)
    return Proposal(
        blocks=blocks,
        header_text=f"{tender.project_name}　{outline.title}",
        title=f"{tender.project_name} {outline.title}",
        author="" if anonymous else bidder.legal_name,
        date_iso=tender.date.isoformat(),
        draft=draft,
    )


def refuse(title: str, problems: list[Problem]) -> BuildRefused:
    return BuildRefused(title, problems)
