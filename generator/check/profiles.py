"""Product type vocabularies (profiles/products/*.yaml), read fast for the checker.

Only `id`, `name` and `vocabulary` are needed; a small reader handles the usual layout
(`vocabulary: [a, b, …]` or a block list) and falls back to ruamel.yaml for anything else.
Results are cached per file and modification time.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.core.layout import Layout

_SCALAR = re.compile(r"^(id|name|noun)\s*:\s*(.*?)\s*(?:#.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class ProductVocabulary:
    id: str
    name: str
    words: frozenset[str]


@dataclass(frozen=True)
class Vocabularies:
    products: dict[str, ProductVocabulary]

    def ids(self) -> list[str]:
        return sorted(self.products)

    def owners(self) -> dict[str, frozenset[str]]:
        """word → product type ids whose vocabulary lists it (worked out once per Vocabularies; read only)."""
        owners: dict[str, frozenset[str]] | None = self.__dict__.get("_owners")
        if owners is None:
            found: dict[str, set[str]] = {}
            for product in self.products.values():
                for word in product.words:
                    found.setdefault(word, set()).add(product.id)
            owners = {word: frozenset(ids) for word, ids in found.items()}
            object.__setattr__(self, "_owners", owners)  # a cache, not a field: frozen for everything else
        return owners


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _fast_parse(text: str) -> tuple[str, str, list[str]] | None:
    scalars = {m[1]: _unquote(m[2]) for m in _SCALAR.finditer(text)}
    lines = text.splitlines()
    words: list[str] | None = None
    for index, line in enumerate(lines):
        if not line.startswith("vocabulary:"):
            continue
        rest = line.split(":", 1)[1].split("#", 1)[0].strip()
        if rest.startswith("["):
            chunk = rest
            j = index
            while "]" not in chunk and j + 1 < len(lines):
                j += 1
                chunk += " " + lines[j].split("#", 1)[0].strip()
            if "]" not in chunk or any(q in chunk for q in "\"'{"):
                return None
            words = [w.strip() for w in chunk[1:chunk.index("]")].split(",") if w.strip()]
        elif not rest:
            words = []
            for item in lines[index + 1:]:
                stripped = item.strip()
                if not stripped or stripped.startswith("#"):
                    continue
                if not item.startswith((" ", "-")) or not stripped.startswith("- "):
                    break
                words.append(_unquote(stripped[2:].split(" #", 1)[0]))
        else:
            return None
    if words is None or "id" not in scalars:
        return None
    return scalars["id"], scalars.get("name", scalars["id"]), words


@lru_cache(maxsize=256)
def _load(path: str, mtime: float) -> ProductVocabulary | None:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    parsed = _fast_parse(text)
    if parsed is None:
        try:
            from ruamel.yaml import YAML

            data = YAML(typ="safe").load(text)
        except Exception:  # an unreadable profile is reported by the build, not here
            return None
        if not isinstance(data, dict) or not isinstance(data.get("vocabulary"), list):
            return None
        parsed = (str(data.get("id", Path(path).stem)), str(data.get("name", "")),
                  [str(w) for w in data["vocabulary"]])
    product_id, name, words = parsed
    return ProductVocabulary(product_id, name, frozenset(w for w in words if len(w) >= 2))


def load_vocabularies(root: Path) -> Vocabularies:
    products: dict[str, ProductVocabulary] = {}
    directory = Layout(root).products
    try:  # the names `directory.glob("*.yaml")` gives, in its sorted order, without pathlib's matching
        names = sorted(entry.name for entry in os.scandir(directory) if entry.name.endswith(".yaml"))
    except OSError:  # not there, or not a folder
        names = []
    for name in names:
        path = os.path.join(directory, name)
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            continue
        product = _load(path, mtime)
        if product is not None:
            products[product.id] = product
    return _vocabularies(tuple(products.values()))


@lru_cache(maxsize=16)
def _vocabularies(products: tuple[ProductVocabulary, ...]) -> Vocabularies:
    """The same files read give the same Vocabularies object, so what is worked out from it (owners,
    the vocabulary pattern) is kept across builds; an edited profile gives a new one."""
    return Vocabularies({product.id: product for product in products})


def find_project_root(start: Path | None = None) -> Path | None:
    """The nearest project root from `start` (or the working directory) upwards (core.layout), else
    the tree this package was installed from."""
    layout = Layout.find(start) or Layout.installed()
    return layout.root if layout else None
