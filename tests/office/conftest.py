"""Everything the rendering tests look at, built once per session and rendered in one LibreOffice run.

LibreOffice missing is a failure, never a skip: `make test` installs it (scripts/ensure-office.sh)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from officedocs import (
    ROOT,
    example_name,
    example_tenders,
    letterhead_source,
    long_table,
    numbers_sweep,
    signature_sweep,
    units_sweep,
    without_line_rules,
    wps_like,
)
from pdftools import page_texts
from project_copy import copy_project
from ruamel.yaml import YAML

WITHOUT_JOINED_UNITS = {"units-control"}  # laid out without joining digits to their units: the control
MISSING = ("LibreOffice 渲染测试无法运行（不会跳过）：{detail}\n"
           "请以 root 运行 `make test`（scripts/ensure-office.sh 会用 apt-get 安装 "
           "libreoffice-writer-nogui fonts-noto-cjk poppler-utils python3-uno），或手动安装这些软件包。")


@dataclass
class Rendered:
    name: str
    docx: Path | None = None
    pdf: Path | None = None
    error: str = ""
    pages: list[str] = field(default_factory=list)

    def require(self) -> Rendered:
        if self.error:
            pytest.fail(f"{self.name} 未能生成或渲染：{self.error}", pytrace=False)
        return self


def _require_office():
    from generator.office.libreoffice import OfficeUnavailable, find_office

    try:
        office = find_office()
    except OfficeUnavailable as exc:
        pytest.fail(MISSING.format(detail=exc.render()), pytrace=False)
    for tool in ("pdftotext", "pdffonts", "pdfimages"):
        if shutil.which(tool) is None:
            pytest.fail(MISSING.format(detail=f"缺少 {tool}（poppler-utils）"), pytrace=False)
    return office


@pytest.fixture(scope="session")
def office():
    return _require_office()


@pytest.fixture(scope="session")
def office_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("office") / "project")


def _yaml():
    yaml = YAML()
    yaml.preserve_quotes = True
    return yaml


def derive(project: Path, source: Path, target: Path, **changes: object) -> Path:
    """A copy of a YAML input with top-level keys replaced."""
    yaml = _yaml()
    data = yaml.load(source.read_text(encoding="utf-8"))
    for key, value in changes.items():
        data[key] = value
    with target.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return target


def _build(tender: Path, output: Path) -> Path:
    from generator.pipeline.build import BuildOptions, build

    return build(tender, BuildOptions(allow_draft=True, allow_deviation=True, force=True,
                                      output_root=output)).docx_path


@pytest.fixture(scope="session")
def letterheads(office, office_project: Path) -> dict[str, Path]:
    """A letterhead written by python-docx, then saved by LibreOffice; and a WPS-like copy of that."""
    from generator.office.libreoffice import Job, render

    folder = office_project / "profiles" / "bidders" / "letterheads"
    folder.mkdir()
    source = folder / "source.docx"
    letterhead_source(source, folder / "logo.png")
    saved = folder / "huachen-lo.docx"
    render([Job(source, docx=saved, update=False)], office=office)
    wps = folder / "huachen-wps.docx"
    wps_like(saved, wps)
    return {"lo": saved, "wps": wps}


@pytest.fixture(scope="session")
def rendered(office, office_project: Path, letterheads: dict[str, Path]) -> dict[str, Rendered]:
    """name → built .docx and its PDF with TOC and fields updated, pages as text."""
    from generator.core.errors import UserError
    from generator.office.libreoffice import Job, render
    from generator.write.docx_writer import write_docx

    project = office_project
    out = project / "output"
    reference = project / "templates" / "standard" / "reference.docx"
    docs: dict[str, Rendered] = {}

    def build_into(name: str, tender: Path) -> None:
        try:
            docs[name] = Rendered(name, docx=_build(tender, out))
        except UserError as exc:
            docs[name] = Rendered(name, error=exc.render())

    tenders = project / "tenders"
    for tender in example_tenders():
        copy = project / tender.relative_to(ROOT)
        build_into(example_name(tender), copy)
    demo = tenders / "demo.yaml"
    build_into("attachments", derive(project, demo, tenders / "with-attachments.yaml", id="with-attachments",
                                     attachments=["attachments/授权委托书.docx"]))
    bidders = project / "profiles" / "bidders"
    for key in ("lo", "wps"):
        derive(project, bidders / "huachen.yaml", bidders / f"huachen-{key}.yaml", id=f"huachen-{key}",
               letterhead=f"letterheads/{letterheads[key].name}")
        build_into(f"letterhead-{key}", derive(project, demo, tenders / f"letterhead-{key}.yaml",
                                               id=f"letterhead-{key}", bidder=f"huachen-{key}"))
    fixtures = out / "fixtures"
    fixtures.mkdir(parents=True)
    for name, proposal in (("long-table", long_table()), ("signature", signature_sweep(True)),
                           ("signature-control", signature_sweep(False)), ("numbers", numbers_sweep()),
                           ("units", units_sweep())):
        path = fixtures / f"{name}.docx"
        path.write_bytes(write_docx(proposal, reference))
        docs[name] = Rendered(name, docx=path)
    control = fixtures / "numbers-control.docx"
    without_line_rules(docs["numbers"].docx, control)
    docs["numbers-control"] = Rendered("numbers-control", docx=control)
    units_control = fixtures / "units-control.docx"
    shutil.copyfile(docs["units"].docx, units_control)
    docs["units-control"] = Rendered("units-control", docx=units_control)

    jobs = [Job(doc.docx, pdf=doc.docx.with_suffix(".pdf"), join_units=doc.name not in WITHOUT_JOINED_UNITS)
            for doc in docs.values() if doc.docx]
    roundtrip = docs["demo"].docx
    if roundtrip:
        jobs.append(Job(roundtrip, docx=roundtrip.with_name("roundtrip.docx"), update=False))
    render(jobs, office=office)
    for doc in docs.values():
        if doc.docx:
            doc.pdf = doc.docx.with_suffix(".pdf")
            doc.pages = page_texts(doc.pdf)
    return docs
