"""Draft a tender file from a 招标文件: read it, find its requirements and project fields, write YAML.

    read_blocks(path) → TextBlock…   (generator/text/text_blocks.py: .docx / .txt, headings, pages)
    extract_requirements(blocks)     (requirements.py, with generator/text/mentions.py and classify.py)
    extract_metadata(blocks)         (metadata.py)
    render_draft(...)                (draft.py: ruamel YAML with the quotes as comments)
    find_items(blocks), scoring_yaml(blocks)   (items.py: the 采购清单; scoring.py: the 评分标准)
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.core.errors import InputError, Problem

if TYPE_CHECKING:
    from generator.tender_extract.draft import Choices
    from generator.tender_extract.items import FoundItem
    from generator.tender_extract.metadata import Metadata
    from generator.tender_extract.requirements import Extraction
    from generator.text.text_blocks import TextBlock

# Names this package re-exports, imported on first use: a build imports `unfinished` (this package's
# marks check) and must not pay for the reader, the requirement finder and the draft writer.
_LAZY = {"Choices": "draft", "render_draft": "draft", "Metadata": "metadata", "extract_metadata": "metadata",
         "read_blocks": "generator.text.text_blocks", "Extraction": "requirements",
         "extract_requirements": "requirements", "scoring_yaml": "scoring", "find_items": "items"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _LAZY[name]
    value = getattr(import_module(module if "." in module else f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


@dataclass(frozen=True)
class Result:
    metadata: Metadata
    extraction: Extraction
    items: list[FoundItem]  # the 采购清单's rows
    text: str  # the YAML written
    out: Path


def extract(path: Path) -> tuple[Metadata, Extraction]:
    from generator.tender_extract.metadata import extract_metadata
    from generator.tender_extract.requirements import extract_requirements
    from generator.text.text_blocks import read_blocks

    blocks = read_blocks(path)
    return extract_metadata(blocks), extract_requirements(blocks)


def project_choices(root: Path, document_text: str = "") -> Choices:
    """Bidders and product types of the project, and the product type whose vocabulary fits best."""
    from generator.load.yamlio import read_yaml
    from generator.tender_extract.draft import Choices

    def listing(folder: str, name_key: str) -> list[tuple[str, str, list[str]]]:
        out = []
        for path in sorted((root / "profiles" / folder).glob("*.yaml")):
            raw, problems = read_yaml(path)
            if problems or not hasattr(raw, "get"):
                continue
            vocabulary = raw.get("vocabulary") or []
            out.append((str(raw.get("id") or path.stem), str(raw.get(name_key) or path.stem),
                        [str(v) for v in vocabulary] if isinstance(vocabulary, list) else []))
        return out

    bidders = listing("bidders", "short_name")
    products = listing("products", "name")
    guess = None
    if document_text:
        scored = sorted(((sum(document_text.count(w) for w in vocab), pid, name) for pid, name, vocab in products),
                        reverse=True)
        if scored and scored[0][0] >= 2:
            guess = (scored[0][1], scored[0][2])
    return Choices([(b, n) for b, n, _ in bidders], [(p, n) for p, n, _ in products], guess)


def draft_text(blocks: list[TextBlock], source: Path, out: Path, root: Path) -> Result:
    """The draft tender YAML of a 招标文件's blocks: project fields and requirements, then the 采购清单
    and the 评分标准 when it has them (the command line and the web page write the same draft)."""
    from generator.tender_extract.draft import render_draft
    from generator.tender_extract.items import find_items, items_yaml
    from generator.tender_extract.metadata import extract_metadata
    from generator.tender_extract.requirements import extract_requirements
    from generator.tender_extract.scoring import scoring_yaml

    metadata, extraction, items = extract_metadata(blocks), extract_requirements(blocks), find_items(blocks)
    choices = project_choices(root, "\n".join(b.text for b in blocks))
    text = render_draft(metadata, extraction, source, out, choices) + items_yaml(items) + scoring_yaml(blocks)
    return Result(metadata, extraction, items, text, out)


def extract_to_file(path: Path, out: Path, force: bool, root: Path) -> Result:
    """Extract and write the draft; refuses to replace an existing file unless `force`."""
    from generator.core.output import write_atomic
    from generator.text.text_blocks import read_blocks

    if out.exists() and not force:
        raise InputError("输出文件已存在，未覆盖", [Problem(out, "文件已存在", hint="确认无误后加 --force 覆盖，或用 -o 指定其他文件")])
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise InputError("输出文件名有误", [Problem(out, "招标项目文件应以 .yaml 结尾")])
    result = draft_text(read_blocks(path), path, out, root)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, result.text.encode("utf-8"))
    except OSError as exc:
        raise InputError("写入草稿失败", [Problem(out, exc.strerror or str(exc))]) from None
    return result
