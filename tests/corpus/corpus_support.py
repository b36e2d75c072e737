"""The bad-input corpus: a case is a list of edits to a private project copy, a command, and what the
user must see (exit code, a message naming the file). Edits are small functions so a table stays readable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

TENDER = "tenders/demo.yaml"
BIDDER = "profiles/bidders/huachen.yaml"
PRODUCT = "profiles/products/it-equipment.yaml"
OUTLINE = "templates/standard/outline.yaml"
REFERENCE = "templates/standard/reference.docx"
PROBE = "clauses/core/corpus-probe.yaml"  # a clause the corpus adds to the first outline section
DOCX = "售后服务方案.docx"

Edit = Callable[[Path], None]
DELETE = object()


@dataclass(frozen=True)
class Case:
    id: str
    edits: Sequence[Edit]
    exit_code: int
    names: str  # the file (relative to the project) the message must name
    fragments: tuple[str, ...] = ()  # further text the output must contain
    args: tuple[str, ...] = ()  # replaces the default `build tenders/demo.yaml --allow-draft`
    forbidden: tuple[str, ...] = ()  # text that must not appear anywhere (output or document)

    def command(self, project: Path) -> list[str]:
        if self.args:
            return [a.replace("{project}", str(project)) for a in self.args]
        return ["build", str(project / TENDER), "--allow-draft"]


@dataclass(frozen=True)
class Table:
    """Cases of one kind, generated from (label, edits, exit, file, fragments…) rows."""

    prefix: str
    cases: list[Case] = field(default_factory=list)

    def add(self, label: str, edits: Edit | Sequence[Edit], exit_code: int, names: str, *fragments: str,
            args: tuple[str, ...] = (), forbidden: tuple[str, ...] = ()) -> None:
        edits = [edits] if callable(edits) else list(edits)
        self.cases.append(Case(f"{self.prefix}-{label}", edits, exit_code, names, fragments, args, forbidden))


# -- edits --------------------------------------------------------------------------------------------

def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    return yaml


def put(rel: str, content: str | bytes) -> Edit:
    def edit(project: Path) -> None:
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return edit


def append(rel: str, text: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return edit


def prepend(rel: str, text: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / rel
        path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")
    return edit


def replace_text(rel: str, old: str, new: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return edit


def recode(rel: str, encoding: str) -> Edit:
    """The same text saved in another encoding (as Windows editors do)."""
    def edit(project: Path) -> None:
        path = project / rel
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    return edit


def remove(rel: str) -> Edit:
    def edit(project: Path) -> None:
        (project / rel).unlink()
    return edit


def _edit_yaml(path: Path, keys: Sequence[str | int], change: Callable[[Any, str | int], None]) -> None:
    """Load `path` round-trip, apply `change(parent, last_key)` at `keys`, write it back."""
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    node = data
    for key in keys[:-1]:
        node = node[key]
    change(node, keys[-1])
    buffer = StringIO()
    yaml.dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_key(rel: str, keys: Sequence[str | int], value: Any) -> Edit:
    """Set (or with DELETE remove) one value, keeping the rest of the file as it is."""
    def change(node: Any, key: str | int) -> None:
        if value is DELETE:
            del node[key]
        else:
            node[key] = value
    return lambda project: _edit_yaml(project / rel, keys, change)


def rename_key(rel: str, keys: Sequence[str | int], new: str) -> Edit:
    """A typo in a key: `warranty:` becomes `warrenty:` with the same value."""
    def change(node: Any, key: str | int) -> None:
        node.insert(list(node).index(key), new, node.pop(key))
    return lambda project: _edit_yaml(project / rel, keys, change)


def probe_clause(body: str, **fields: Any) -> list[Edit]:
    """A clause with this body, used by the first section of the outline (so it is rendered)."""
    header = {"id": "corpus-probe", "title": "语料探针", "category": "principles", "version": 1,
              "status": "draft", "uses": []} | fields
    lines = []
    for key, value in header.items():
        lines.append(f"{key}: {value if not isinstance(value, list) else '[' + ', '.join(value) + ']'}")
    indented = "\n".join("  " + line if line else "" for line in body.splitlines())
    text = "\n".join(lines) + "\nbody: |\n" + indented + "\n"

    def use_it(project: Path) -> None:
        path = project / OUTLINE
        yaml = _yaml()
        data = yaml.load(path.read_text(encoding="utf-8"))
        data["sections"][0]["clauses"].append("corpus-probe")
        buffer = StringIO()
        yaml.dump(data, buffer)
        path.write_text(buffer.getvalue(), encoding="utf-8")

    return [put(PROBE, text), use_it]


def valid_probe() -> list[Edit]:
    return probe_clause("我公司为{{ tender.project_name }}提供规范的售后服务。")


# -- what every refused case must show -------------------------------------------------------------------

def files(project: Path) -> dict[str, tuple[int, int]]:
    """Every file of the project copy with its size and modification time."""
    return {str(p.relative_to(project)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in project.rglob("*") if p.is_file()}


def assert_refused(case: Case, text: str, code: int, before: dict[str, tuple[int, int]], project: Path) -> None:
    """The exit code, the named file and fragments, no traceback or leak, and the project untouched."""
    assert "Traceback" not in text, text
    assert code == case.exit_code, text
    assert case.names in text, f"the message should name {case.names}:\n{text}"
    for fragment in case.fragments:
        assert fragment in text, f"missing {fragment!r}:\n{text}"
    for leak in case.forbidden:
        assert leak not in text, f"{leak!r} leaked:\n{text}"
    assert files(project) == before, "a refused input must not write, change or leave any file"
