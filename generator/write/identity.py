"""Identifiers and metadata of the .docx package, made for this bid and nothing else.

Bids are screened for collusion (围标串标): the same w14:docId, rsidRoot, author or software in two
companies' files is grounds for investigation. A reference document or letterhead carries the
identifiers of whatever file it was saved from (and a thumbnail of that file), so every identifier
is replaced by one derived from the bid's seed (tender, bidder, input hashes): the same inputs
give the same bytes, two bids never share one. Identifiers nobody needs (per-edit rsids,
w14:paraId, the template path) are removed rather than invented.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from lxml import etree

from generator import __version__
from generator.write.ns import qn

APPLICATION = f"aftersales {__version__}"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
RT_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
RT_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"

# Attributes that identify an editing session or a paragraph across saves (w:rsidR …, w14:paraId …).
_W = qn("w:p").split("}")[0] + "}"
_RSID_ATTRS = frozenset(_W + name for name in ("rsidR", "rsidRPr", "rsidRDefault", "rsidP", "rsidDel",
                                               "rsidSect", "rsidTr"))
_SESSION_ATTRS = _RSID_ATTRS | {f"{{{W14}}}paraId", f"{{{W14}}}textId"}


def bid_seed(*parts: str) -> str:
    """One hex digest for a bid from its identifying inputs, in a fixed order."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


@dataclass(frozen=True)
class PackageIdentity:
    """Every identifier written into one bid's package, derived from its seed."""

    seed: str
    company: str  # docProps Company, creator, lastModifiedBy: the bidder, or "" for 暗标

    def _hex(self, label: str) -> str:
        return hashlib.sha256(f"{self.seed}:{label}".encode()).hexdigest().upper()

    @property
    def doc_id(self) -> str:
        """w14:docId: 8 hex digits of a positive 32-bit number (Word writes them so)."""
        return f"{int(self._hex('w14:docId')[:8], 16) & 0x7FFFFFFF:08X}"

    def guid(self, label: str) -> str:
        """A version-4-shaped GUID, {XXXXXXXX-XXXX-4XXX-8XXX-XXXXXXXXXXXX}."""
        h = self._hex(label)
        return f"{{{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:32]}}}"

    @property
    def doc_guid(self) -> str:
        return self.guid("w15:docId")

    @property
    def rsid_root(self) -> str:
        """An rsid as Word writes them: 8 hex digits, the first two 00."""
        return "00" + self._hex("rsidRoot")[:6]

    @property
    def fingerprint(self) -> str:
        """The one opaque value a submission copy carries; manifest.json says what it stands for."""
        return self._hex("fingerprint")[:16].lower()

    def summary(self) -> dict[str, str]:
        """For manifest.json: what the package carries, so a reader can match file and record."""
        return {"w14_docId": self.doc_id, "w15_docId": self.doc_guid, "rsidRoot": self.rsid_root,
                "fingerprint": self.fingerprint, "application": APPLICATION, "company": self.company}


def apply_identity(document, identity: PackageIdentity) -> None:
    """Replace every identifier of the package with the bid's own; drop what is not ours."""
    package = document.part.package
    _drop_thumbnail(package)
    _settings(document, identity)
    for part in package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None:
            strip_session_ids(element)
        elif part.partname.startswith("/customXml/itemProps"):
            part._blob = _item_props(part.blob, identity.guid(part.partname))
        elif part.partname.startswith("/word/") and part.content_type.endswith("+xml"):
            part._blob = _stripped(part.blob)  # footnotes, endnotes … python-docx keeps as bytes
    app = _related(package, RT_EXTENDED)
    if app is not None:
        app._blob = app_properties(identity.company)


def _related(package, reltype: str):
    for rel in package.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def _drop_thumbnail(package) -> None:
    """The reference's thumbnail shows some other document; without the relationship it is not saved."""
    for rel_id in [r_id for r_id, rel in package.rels.items() if rel.reltype == RT_THUMBNAIL]:
        del package.rels[rel_id]


def _settings(document, identity: PackageIdentity) -> None:
    settings = document.settings.element
    for name in ("w:attachedTemplate", "w:docVars"):  # a template path, data of another file
        for node in settings.findall(qn(name)):
            rel_id = node.get(qn("r:id"))
            if rel_id and rel_id in document.settings.part.rels:
                document.settings.part.drop_rel(rel_id)
            settings.remove(node)
    for node in settings.iter(f"{{{W14}}}docId"):
        node.set(f"{{{W14}}}val", identity.doc_id)
    for node in settings.iter(f"{{{W15}}}docId"):
        node.set(f"{{{W15}}}val", identity.doc_guid)
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:
        for child in list(rsids):
            rsids.remove(child)
        for name in ("w:rsidRoot", "w:rsid"):
            node = etree.SubElement(rsids, qn(name))
            node.set(qn("w:val"), identity.rsid_root)


_WITH_SESSION_ATTRS = etree.XPath(
    "//*[" + " or ".join(f"@{'w14' if W14 in a else 'w'}:{a.split('}')[1]}" for a in sorted(_SESSION_ATTRS)) + "]",
    namespaces={"w": _W[1:-1], "w14": W14})


_SESSION_ATTR_TEXT = re.compile(rb' w(?:14)?:(?:rsid[A-Za-z]*|paraId|textId)="')


def strip_session_ids(element) -> None:
    """Found by one XPath query, and only in parts whose text names them at all: walking every element
    of a 350 KB styles.xml took 40 ms in Python and 36 ms in XPath, serialising it to look takes 2 ms."""
    if _SESSION_ATTR_TEXT.search(etree.tostring(element)) is None:
        nodes = []
    else:
        nodes = _WITH_SESSION_ATTRS(element)
    for node in nodes:
        for attr in [a for a in node.attrib if a in _SESSION_ATTRS]:
            del node.attrib[attr]
    for node in list(element.iter(qn("w:rsid"))):  # <w:rsid> inside a style definition
        if node.getparent() is not None and node.getparent().tag == qn("w:style"):
            node.getparent().remove(node)


def _parse(blob: bytes):
    return etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _stripped(blob: bytes) -> bytes:
    root = _parse(blob)
    strip_session_ids(root)
    return _serialise(root)


def _item_props(blob: bytes, guid: str) -> bytes:
    root = _parse(blob)
    root.set(f"{{{DS}}}itemID", guid)
    return _serialise(root)


def app_properties(company: str) -> bytes:
    """docProps/app.xml written anew: this tool as the application, the bidder as the company.
    No template name, no statistics or version number of another program."""
    root = etree.Element(f"{{{EXTENDED}}}Properties", nsmap={None: EXTENDED, "vt": VT})
    for name, value in (("Application", APPLICATION), ("DocSecurity", "0"), ("ScaleCrop", "false"),
                        ("Company", company), ("LinksUpToDate", "false"), ("SharedDoc", "false"),
                        ("HyperlinksChanged", "false")):
        etree.SubElement(root, f"{{{EXTENDED}}}{name}").text = value or None
    return _serialise(root)
