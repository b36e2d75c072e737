"""The package the writer is about to save, seen as the checker's .docx reader sees a file.

readers/docx.read_package walks a package through a few members (names, xml, read,
relationships, target); this class gives it python-docx's parts in memory, so the self-check reads
exactly the XML that is then zipped — without zipping, unzipping and parsing it again.
"""

from __future__ import annotations

import posixpath
from typing import Any

CONTENT_TYPES = "[Content_Types].xml"


class LoadedPackage:
    def __init__(self, document: Any, path: str) -> None:
        self.path = path
        self.budget = 0
        self.package = document.part.package
        self.parts = {str(part.partname).lstrip("/"): part for part in self.package.iter_parts()}
        rels = [posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")
                for name, part in self.parts.items() if len(part.rels)]
        self.names = [CONTENT_TYPES, "_rels/.rels", *self.parts, *rels]

    def read(self, name: str) -> bytes:
        return self.parts[name].blob

    def xml(self, name: str) -> Any:
        part = self.parts[name]
        element = getattr(part, "_element", None)
        if element is not None:
            return element
        from lxml import etree

        return etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))

    def relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId → (type suffix, target, external), as readers/docx._Package gives them."""
        owner = self.parts[part] if part else self.package
        return {rel_id: (rel.reltype.rsplit("/", 1)[-1], rel.target_ref, rel.is_external)
                for rel_id, rel in owner.rels.items()}

    def target(self, part: str, target: str) -> str:
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
