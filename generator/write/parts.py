"""A package held as its parts' bytes, seen as the checker's .docx reader sees a file.

readers/docx.read_package walks a package through a few members (path, names, budget, read, xml,
relationships, target); this class gives it the parts the writer is about to zip, so the self-check
reads exactly the bytes that are saved — without zipping and unzipping them.
"""

from __future__ import annotations

import posixpath
import threading
from collections import OrderedDict
from typing import Any

from generator.readers.errors import DocumentError

REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


# Parsed trees of parts that recur unchanged in every build (styles.xml of a prepared reference: 350 KB,
# 5 ms to parse), by the identity of their bytes. The reader only reads them. Per thread: lxml trees are
# not shared between threads (web server).
_parsed = threading.local()
MAX_PARSED = 8


class PartsPackage:
    def __init__(self, parts: dict[str, bytes], path: str, constant: frozenset[str] = frozenset()) -> None:
        self.path = path
        self.budget = 0
        self.parts = parts
        self.names = list(parts)
        self.constant = constant  # parts whose bytes object recurs in other builds: their trees are kept

    def _cached(self, name: str) -> Any:
        cache: OrderedDict[int, tuple[bytes, Any]] = getattr(_parsed, "trees", None) or OrderedDict()
        _parsed.trees = cache
        data = self.parts[name]
        found = cache.get(id(data))
        if found is None or found[0] is not data:
            found = (data, self._parse(name))
            cache[id(data)] = found
            while len(cache) > MAX_PARSED:
                cache.popitem(last=False)
        cache.move_to_end(id(data))
        return found[1]

    def read(self, name: str) -> bytes:
        try:
            return self.parts[name]
        except KeyError as exc:
            raise DocumentError(self.path, f".docx 缺少 {name}，文件不完整或不是 Word 文档") from exc

    def xml(self, name: str) -> Any:
        if name in self.constant and name in self.parts:
            return self._cached(name)
        return self._parse(name)

    def _parse(self, name: str) -> Any:
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
        try:
            return etree.fromstring(self.read(name), parser)
        except etree.XMLSyntaxError as exc:
            raise DocumentError(self.path, f".docx 中的 {name} 不是有效的 XML（{exc.msg}）") from exc

    def relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId → (type suffix, target, external), as readers/docx._Package gives them."""
        rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        if rels not in self.parts:
            return {}
        return {rel.get("Id", ""): (rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", ""),
                                    rel.get("TargetMode") == "External")
                for rel in self.xml(rels).iter(f"{REL}Relationship")}

    def target(self, part: str, target: str) -> str:
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
