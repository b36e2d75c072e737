"""Runs under a Python that has LibreOffice's `uno` module (Debian: the system python3 with python3-uno).

It must not import anything from the project: the project's venv and this interpreter differ.

    python3 uno_worker.py JOBS.json

JOBS.json: {"soffice": path, "profile": dir, "timeout": seconds,
            "jobs": [{"source": .docx, "pdf": path|null, "docx": path|null, "update": bool,
                      "join_units": bool (default true; false only for the tests' control)}]}
Prints one JSON object: {"results": [{"source", "pages", "indexes", "seconds"}]} or {"error": text}.

Per document: load hidden, update every index (TOC), refresh fields, update the indexes once more
(the TOC itself may move page numbers), then store a .docx and/or a PDF.

Before the PDF, and only in the copy LibreOffice lays out for it (write/nobreak explains both):
- each non-breaking hyphen (the .docx's w:noBreakHyphen, U+2011 in LibreOffice) becomes a hyphen between
  two WORD JOINERs: LibreOffice 7.4 does not break at a non-breaking hyphen but may break inside the
  letters or digits after it (400-810-660 / 8), while a word joiner keeps the identifier whole. A word
  joiner has no glyph, so the PDF's text (what a reader copies) holds the plain hyphen only;
- each no-break space (GB/T\u00a016483: Word and WPS keep the code with its number) becomes a plain space:
  LibreOffice 7.4, finding no break before the code's bracket, breaks inside the number instead
  ("（GB 1838" / "3）"), which is worse than a break at the space;
- the .docx's Chinese line-breaking rules (w:noLineBreaksAfter / w:noLineBreaksBefore, which LibreOffice
  7.4 does not import) become the document's forbidden characters, added to LibreOffice's own, with the
  WORD JOINER in both lists;
- a digit (any letter or digit of those rules) followed by a Chinese character gets a WORD JOINER after it,
  carrying the space LibreOffice would put between the two scripts. LibreOffice ends a line without
  consulting the forbidden characters when a Latin run (30) fits but the space it adds between Latin and
  Asian text does not ("space between Asian and non-Asian text", a fifth of the font height:
  SwTextFormatter::BuildPortions sets the line full): "30" / "分钟" whenever the digits end within that
  space of the margin. After a word joiner LibreOffice adds no such space (it is not a letter), so the line
  break goes through the forbidden characters, and the letter's character spacing keeps the gap as wide
  as it was: the lines that were not wrong are laid out exactly as before.
The .docx itself is never changed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path
from xml.sax.saxutils import unescape

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def _props(**values):
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name = name
        prop.Value = value
        out.append(prop)
    return tuple(out)


def _start(soffice: str, profile: str, pipe: str) -> subprocess.Popen:
    args = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--invisible",
            "--nologo", "--norestore", "--nodefault", "--nolockcheck", "--nofirststartwizard",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"]
    return subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


_CONTEXT: list = []  # the office's component context, once connected


def _connect(pipe: str, process: subprocess.Popen, deadline: float):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            _CONTEXT[:] = [context]
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except NoConnectException:
            if process.poll() is not None:
                raise RuntimeError(f"LibreOffice exited during start-up (code {process.returncode})") from None
            if time.monotonic() > deadline:
                raise RuntimeError("LibreOffice did not accept a connection in time") from None
            time.sleep(0.1)


def _update(document) -> int:
    indexes = document.getDocumentIndexes()
    count = indexes.getCount()
    for _ in range(2):
        for i in range(count):
            indexes.getByIndex(i).update()
        document.getTextFields().refresh()
        document.refresh()
    return count


NON_BREAKING_HYPHEN = "\u2011"
NO_BREAK_SPACE = "\u00a0"
WORD_JOINER = "\u2060"
JOINED_HYPHEN = f"{WORD_JOINER}-{WORD_JOINER}"
# Chinese, Japanese and Korean letters: the text LibreOffice lays out as Asian script after a Latin run
ASIAN_LETTER = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]"


def _join_identifiers(document) -> int:
    """Non-breaking hyphens as word-joined hyphens, and no-break spaces as spaces, for LibreOffice's line
    breaking (see above)."""
    replace = document.createReplaceDescriptor()
    replace.SearchString = NON_BREAKING_HYPHEN
    replace.ReplaceString = JOINED_HYPHEN
    count = document.replaceAll(replace)
    replace.SearchString = NO_BREAK_SPACE
    replace.ReplaceString = " "
    return count + document.replaceAll(replace)


_KINSOKU = re.compile(r'<w:noLineBreaks(After|Before)\s+w:lang="([A-Za-z]+)-([A-Za-z]+)"\s+w:val="([^"]*)"')


def _kinsoku(source: str) -> dict[tuple[str, str], dict[str, str]]:
    """(language, country) → {"After": characters that may not end a line, "Before": … start one}."""
    try:
        with zipfile.ZipFile(source) as archive:
            settings = archive.read("word/settings.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return {}
    rules: dict[tuple[str, str], dict[str, str]] = {}
    for kind, language, country, chars in _KINSOKU.findall(settings):
        rules.setdefault((language, country), {})[kind] = unescape(chars, {"&quot;": '"'})
    return rules


def _forbid(document, rules: dict[tuple[str, str], dict[str, str]]) -> None:
    """The .docx's line-breaking rules as LibreOffice's forbidden characters, added to its own; a WORD
    JOINER neither starts nor ends a line (LibreOffice's Asian line breaking does not know it)."""
    if not rules or not _CONTEXT:
        return
    from com.sun.star.i18n import ForbiddenCharacters
    from com.sun.star.lang import Locale

    context = _CONTEXT[0]
    locale_data = context.ServiceManager.createInstanceWithContext("com.sun.star.i18n.LocaleData", context)
    settings = document.createInstance("com.sun.star.text.DocumentSettings")
    table = settings.getPropertyValue("ForbiddenCharacters")
    for (language, country), kinds in rules.items():
        locale = Locale(language, country, "")
        own = (table.getForbiddenCharacters(locale) if table.hasForbiddenCharacters(locale)
               else locale_data.getForbiddenCharacters(locale))
        begin = own.beginLine + "".join(c for c in kinds.get("Before", "") + WORD_JOINER if c not in own.beginLine)
        end = own.endLine + "".join(c for c in kinds.get("After", "") + WORD_JOINER if c not in own.endLine)
        table.setForbiddenCharacters(locale, ForbiddenCharacters(begin, end))
    settings.setPropertyValue("ForbiddenCharacters", table)  # the table is a copy: set it back


def _join_to_asian(document, rules: dict[tuple[str, str], dict[str, str]]) -> int:
    """Each letter or digit that may not end a line, when a Chinese character follows it, joined to that
    character by a WORD JOINER as wide as LibreOffice's space between the scripts (see above)."""
    ends = sorted({c for kinds in rules.values() for c in kinds.get("After", "") if c.isalnum() and c.isascii()})
    if not ends:
        return 0
    letters = "".join(ends)
    replace = document.createReplaceDescriptor()
    replace.SearchRegularExpression = True
    replace.SearchString = f"([{letters}])(?={ASIAN_LETTER})"
    replace.ReplaceString = f"$1{WORD_JOINER}"
    if not document.replaceAll(replace):
        return 0
    search = document.createSearchDescriptor()
    search.SearchRegularExpression = True
    search.SearchString = f"[{letters}](?={WORD_JOINER}{ASIAN_LETTER})"
    found = document.findAll(search)
    for i in range(found.getCount()):
        letter = found.getByIndex(i)
        # a fifth of the Latin font's height in twips (what BuildPortions uses), as 1/100 mm
        twips = int(round(letter.getPropertyValue("CharHeight") * 20)) // 5
        letter.setPropertyValue("CharKerning", letter.getPropertyValue("CharKerning") + round(twips * 2540 / 1440))
    return found.getCount()


def _prepare_layout(document, job: dict) -> int:
    """The copy LibreOffice lays out for the PDF (see the module's docstring); changes made."""
    rules = _kinsoku(job["source"])
    _forbid(document, rules)
    joined = _join_to_asian(document, rules) if job.get("join_units", True) else 0
    return _join_identifiers(document) + joined + 1


def _convert(desktop, job: dict) -> dict:
    started = time.monotonic()
    source = Path(job["source"]).resolve().as_uri()
    document = desktop.loadComponentFromURL(source, "_blank", 0, _props(Hidden=True, UpdateDocMode=0))
    if document is None:
        raise RuntimeError(f"LibreOffice could not open {job['source']}")
    try:
        update = job.get("update", True)
        if job.get("pdf") and not job.get("docx"):
            _prepare_layout(document, job)  # before the layout the TOC's page numbers come from
        indexes = _update(document) if update else 0
        if job.get("docx"):
            document.storeToURL(Path(job["docx"]).resolve().as_uri(), _props(FilterName="MS Word 2007 XML"))
            if job.get("pdf") and _prepare_layout(document, job) and update:
                _update(document)
        pages = document.getCurrentController().getPropertyValue("PageCount")
        if job.get("pdf"):
            filter_data = uno.Any("[]com.sun.star.beans.PropertyValue",
                                  _props(ExportBookmarks=True, ExportNotes=False, EmbedStandardFonts=True))
            document.storeToURL(Path(job["pdf"]).resolve().as_uri(),
                                _props(FilterName="writer_pdf_Export", FilterData=filter_data))
    finally:
        document.close(True)
    return {"source": job["source"], "pages": pages, "indexes": indexes,
            "seconds": round(time.monotonic() - started, 3)}


def _shutdown(desktop, process: subprocess.Popen) -> None:
    try:
        if desktop is not None:
            desktop.terminate()
    except Exception:  # the bridge drops as soon as the office quits
        pass
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def main(argv: list[str]) -> int:
    spec = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    pipe = f"aftersales-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    process = _start(spec["soffice"], spec["profile"], pipe)
    desktop = None
    try:
        desktop = _connect(pipe, process, time.monotonic() + float(spec.get("timeout", 60)))
        # uno.Any needs the bridge to be up, hence the conversion after connecting.
        results = [_convert(desktop, job) for job in spec["jobs"]]
    except Exception as exc:  # reported to the parent as data
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False))
        return 1
    finally:
        _shutdown(desktop, process)
    print(json.dumps({"results": results}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
