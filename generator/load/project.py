"""Load everything one build needs from a project tree (layout: core/layout.py), reporting all
problems at once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.core.bounded_memo import BoundedMemo
from generator.core.errors import Problem, ProblemCollector, os_reason
from generator.core.file_version import Version, version
from generator.core.layout import Layout, project_root
from generator.load.value_guard import commitment_problems, template_syntax_problems
from generator.load.yamlio import Loaded, load_model
from generator.models.clause import Clause, Outline
from generator.models.parties import Bidder, ProductType
from generator.models.tender import Tender

find_root = project_root  # the nearest project root at or above a path, else the working directory


# The clause files of a library, kept with the versions of its folders: adding, removing or renaming
# a file changes its folder's mtime, so while every folder is the same version the list is the same.
_clause_trees: BoundedMemo[tuple[tuple[Version, ...], list[Path]]] = BoundedMemo(64)


def clause_files(root: Path, problems: ProblemCollector) -> list[Path]:
    """Every clauses/**/*.yaml; a folder that cannot be read is a problem, not a silent gap."""
    top = Layout(root).clauses
    kept = _clause_trees.lookup(os.fspath(top))
    if kept is not None and all(_unchanged(v) for v in kept[0]):
        return list(kept[1])
    found: list[Path] = []
    versions: list[Version] = []
    trusted = True

    def unreadable(exc: OSError) -> None:
        nonlocal trusted
        trusted = False
        problems.add(Problem(exc.filename or top, f"无法读取条款目录：{os_reason(exc)}"))

    for folder, _, names in os.walk(top, onerror=unreadable):
        try:
            current, still = version(folder)
            versions.append(current)
            trusted = trusted and still
        except OSError:
            trusted = False
        found += [Path(folder) / name for name in names if name.endswith(".yaml")]
    found.sort()
    if trusted and versions and all(_unchanged(v) for v in versions):
        _clause_trees.put(os.fspath(top), (tuple(versions), found))
    return list(found)


def _unchanged(kept: Version) -> bool:
    try:
        return version(kept[0])[0] == kept
    except OSError:
        return False


def load_clauses(root: Path, problems: ProblemCollector) -> dict[str, Loaded]:
    clauses: dict[str, Loaded] = {}
    for path in clause_files(root, problems):
        loaded, found = load_model(path, Clause)
        problems.extend(found)
        if loaded is None:
            continue
        clause: Clause = loaded.model
        if clause.id in clauses:
            problems.add(Problem(path, f"条款编号“{clause.id}”重复，已在 {clauses[clause.id].path} 中使用",
                                 loaded.line_of("id"), field="id"))
            continue
        if path.stem != clause.id:
            problems.add(Problem(path, f"文件名应与条款编号一致：{clause.id}.yaml", loaded.line_of("id"), field="id"))
        clauses[clause.id] = loaded
    return clauses


@dataclass(frozen=True)
class Inputs:
    root: Path
    tender: Loaded
    bidder: Loaded
    product: Loaded
    outline: Loaded
    reference_docx: Path
    clauses: dict[str, Loaded]
    attachments: tuple[Path, ...] = ()  # the tender's attachments, in order

    def files(self) -> list[Path]:
        """Every input file the build read, for the manifest."""
        paths = [self.tender.path, self.bidder.path, self.product.path, self.outline.path, self.reference_docx]
        return paths + list(self.attachments)


def _load_referenced(path: Path, model: type, what: str, owner: Loaded, field: str,
                     problems: ProblemCollector) -> Loaded | None:
    if not (path.exists() or path.is_symlink()):  # a FIFO or a directory: the loader says what it is
        problems.add(Problem(owner.path, f"找不到{what}文件 {path}", owner.line_of(field), field=field,
                             hint=f"确认名称拼写，或在 {path.parent} 下新建该文件"))
        return None
    loaded, found = load_model(path, model)
    problems.extend(found)
    return loaded


def load_inputs(tender_path: Path, root: Path | None = None) -> Inputs:
    problems = ProblemCollector()
    tender, found = load_model(tender_path, Tender)
    problems.extend(found)
    from generator.load.unfinished import unfinished_marks  # a draft of tender extract, not yet reviewed

    problems.extend(unfinished_marks(tender_path, tender.text if tender else None, found))
    if tender is not None:
        problems.extend(template_syntax_problems(tender))
        problems.extend(commitment_problems(tender, "overrides"))
    problems.raise_if_any(f"招标项目文件 {tender_path} 有误，无法生成")
    assert tender is not None
    root = root or find_root(tender_path.resolve().parent)
    model: Tender = tender.model
    layout = Layout(root)
    bidder = _load_referenced(layout.bidder(model.bidder), Bidder, "投标人资料",
                              tender, "bidder", problems)
    product = _load_referenced(layout.product(model.product_type), ProductType,
                               "产品类型资料", tender, "product_type", problems)
    outline = _load_referenced(layout.outline(model.template), Outline, "模板大纲", tender, "template", problems)
    reference = layout.reference(model.template)
    if outline is not None and not reference.is_file():
        problems.add(Problem(reference, "模板缺少样式参考文档 reference.docx"))
    elif outline is not None:
        from generator.readers.docx_file import docx_problem

        broken = docx_problem(reference)
        if broken:
            problems.add(Problem(reference, f"样式参考文档{broken}"))
    if bidder is not None and bidder.model.letterhead:
        reference = _docx_input(bidder.path.parent / bidder.model.letterhead, "信笺模板", bidder, ("letterhead",),
                                problems, root) or reference
    attachments = []
    for index, attachment in enumerate(model.attachments):
        path = _docx_input(tender_path.parent / attachment, "附件", tender, ("attachments", index), problems, root)
        if path is not None:
            attachments.append(path)
    clauses = load_clauses(root, problems)
    if outline is not None:
        for s_index, section in enumerate(outline.model.sections):
            for c_index, clause_id in enumerate(section.clauses):
                if clause_id not in clauses:
                    problems.add(Problem(outline.path, f"大纲引用的条款“{clause_id}”不存在",
                                         outline.line_of("sections", s_index, "clauses", c_index),
                                         field=f"sections.{s_index}.clauses.{c_index}"))
    if product is not None:
        _check_fault_names(product, problems)
    for profile in (bidder, product):
        if profile is not None:
            problems.extend(template_syntax_problems(profile))
            problems.extend(commitment_problems(profile, "commitments"))
    problems.raise_if_any("输入文件有误，无法生成（请逐条修改后重试）")
    assert bidder and product and outline
    return Inputs(root, tender, bidder, product, outline, reference, clauses, tuple(attachments))


def confined(path: Path, root: Path) -> tuple[Path | None, str | None]:
    """`path` with every symlink resolved, if it lies inside the project `root`; else why not.
    Only project files may go into a proposal: an absolute path, `../` or a symlink must not embed
    another bidder's file or a system file."""
    try:
        resolved = path.resolve(strict=True)
        inside = resolved.is_relative_to(root.resolve(strict=True))
    except FileNotFoundError:
        return None, None
    except RuntimeError:  # a symlink loop (Python < 3.13)
        return None, "是循环指向自身的符号链接"
    except OSError as exc:
        return None, os_reason(exc)
    if not inside:
        return None, f"位于项目目录之外（{resolved}），只能使用项目目录 {root} 内的文件"
    return resolved, None


def _docx_input(path: Path, what: str, owner: Loaded, keys: tuple, problems: ProblemCollector,
                root: Path) -> Path | None:
    """A .docx named by an input file (relative to it): the path, or a problem on the naming line."""
    from generator.readers.docx_file import docx_problem

    field = ".".join(str(k) for k in keys)
    resolved, outside = confined(path, root)
    if outside:
        problems.add(Problem(owner.path, f"{what} {path} {outside}", owner.line_of(*keys), field=field,
                             hint="把文件复制到项目目录内（如 tenders/attachments/），并写相对路径"))
        return None
    if resolved is None or not resolved.is_file():
        problems.add(Problem(owner.path, f"找不到{what} {path}", owner.line_of(*keys), field=field,
                             hint=f"路径相对于 {owner.path.name} 所在目录"))
        return None
    problem = docx_problem(resolved)
    if problem:
        problems.add(Problem(owner.path, f"{what} {path.name} {problem}", owner.line_of(*keys), field=field))
        return None
    return resolved


def _check_fault_names(product: Loaded, problems: ProblemCollector) -> None:
    model: ProductType = product.model
    levels = model.commitments.fault_levels or {}
    for index, fault in enumerate(model.faults):
        if fault.level not in levels:
            problems.add(Problem(product.path, f"故障等级“{fault.level}”未在 commitments.fault_levels 中定义时限",
                                 product.line_of("faults", index, "level"), field=f"faults.{index}.level"))
