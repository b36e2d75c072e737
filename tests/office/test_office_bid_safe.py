"""In LibreOffice: numbering that continues a larger 投标文件, embedded fonts, and an annotated
check result that opens with one comment per finding location."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from docx import Document
from pdftools import fonts, page_texts, squeeze

BIDDER = "北京华辰智联科技有限公司"
NOTES_PDF = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'  # comments as PDF notes


def test_numbering_after_cover_from_a_start_number_and_fonts_embedded(office, project: Path, cli) -> None:
    code, _, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft", "--pdf",
                       "--number-after-cover", "--page-start", "31")
    assert code == 0, err
    pdf = project / "output" / "demo" / "售后服务方案.pdf"
    pages = [squeeze(p) for p in page_texts(pdf)]
    assert "第" not in pages[0].replace("第一节", "")  # the cover carries no number
    assert "第31页" in pages[1] and "第32页" in pages[2] and "共" not in pages[1].split("第31页")[-1]
    embedded = fonts(pdf)
    assert embedded and all(font.embedded for font in embedded), [f.name for f in embedded if not f.embedded]


def test_annotated_check_opens_in_libreoffice_with_one_comment_per_location(office, project: Path, cli,
                                                                            tmp_path: Path) -> None:
    code, _, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft")
    assert code == 0, err
    source = project / "output" / "demo" / "售后服务方案.docx"
    annotated = tmp_path / "批注.docx"
    code, out, err = cli("check", source, "--anonymous", "--bidder", BIDDER, "--annotate", annotated,
                         "--format", "json")
    assert code == 1, err
    [result] = json.loads(out)["documents"]
    locations = sum(len(f["locations"]) for f in result["findings"])
    assert locations > 10 and len(list(Document(str(annotated)).comments)) == locations

    profile = tmp_path / "profile"
    subprocess.run([str(office.soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", NOTES_PDF, "--outdir", str(tmp_path), str(annotated)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "批注.pdf"
    data = pdf.read_bytes()
    assert len(page_texts(pdf)) > 20
    assert len(re.findall(rb"/Subtype\s*/Text\b", data)) == locations  # each comment a PDF note
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    assert (tmp_path / "page-01.png").stat().st_size > 1000
