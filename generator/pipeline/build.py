"""aftersales build: load → resolve → render → write → check, as named steps."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import BuildRefused, InputError, Problem
from generator.core.output import ensure_writable, write_all
from generator.load.project import Inputs, load_inputs
from generator.load.yamlio import Loaded
from generator.models.clause import Clause
from generator.models.tender import Tender
from generator.pipeline.manifest import dumps, make_manifest, sha256_file
from generator.pipeline.notices import authorisation_notices, stale_date_notice
from generator.pipeline.provenance import FINGERPRINT, provenance_properties
from generator.render.context import build_context
from generator.render.proposal import render_proposal, select_clauses
from generator.resolve.commitments import (
    Commitments,
    Deviation,
    evaluate,
    for_place,
    for_tender,
    logic_problems,
    proposal_layers,
    resolve_commitments,
)
from generator.resolve.presence import for_site, is_municipality, presence_problems
from generator.resolve.scoring import ItemScore, score_items

DOCX_NAME = "售后服务方案.docx"
PDF_NAME = "售后服务方案.pdf"
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class BuildOptions:
    force: bool = False
    allow_draft: bool = False
    allow_deviation: bool = False
    output_root: Path | None = None  # default: <project>/output
    pdf: bool = False  # also export 售后服务方案.pdf through LibreOffice (TOC and page fields updated)
    anonymous: bool = False  # 暗标: nothing in the package identifies the bidder
    provenance: bool = False  # clause ids, versions, hashes and approvals in the .docx custom properties
    page_start: int = 1  # number of the first numbered page
    number_after_cover: bool = False  # the cover is unnumbered and the page after it is page_start


@dataclass(frozen=True)
class BuildResult:
    tender_id: str
    docx_path: Path
    manifest_path: Path
    deviations: list[Deviation]
    unapproved: list[str]
    docx_bytes: bytes
    blocks: int = 0  # document blocks written (the batch summary shows it; pages need a renderer)
    pdf_path: Path | None = None
    pages: int | None = None  # known when a PDF was exported
    scores: tuple[ItemScore, ...] = ()  # the tender's 评分标准 items, with the points the commitments earn
    notices: tuple[str, ...] = ()  # worth telling the user, not a reason to refuse (charts given as tables)


def output_dir(inputs_root: Path, tender: Tender, options: BuildOptions) -> Path:
    return (options.output_root or inputs_root / "output") / tender.id


def commitments_for(inputs: Inputs) -> Commitments:
    """What this tender's proposal commits to: the three layers resolved, then fitted to the tender's
    requirements and date, its place and the bidder's presence there (the build and the web preview)."""
    commitments = resolve_commitments(proposal_layers(inputs.product, inputs.bidder, inputs.tender))
    tender, product = inputs.tender.model, inputs.product.model
    commitments = for_tender(commitments, tender.requirements, tender.date, product.capabilities)
    commitments = for_place(commitments, is_municipality(tender.delivery_place))
    return for_site(commitments, tender, product, inputs.bidder.model)


def resolve(inputs: Inputs) -> Commitments:
    commitments = commitments_for(inputs)
    problems = logic_problems(commitments)
    if problems:
        raise BuildRefused("承诺之间自相矛盾，未生成文档", problems)
    problems = presence_problems(inputs, commitments)
    if problems:
        raise BuildRefused("承诺超出投标人的服务能力，未生成文档", problems)
    return commitments


def check_requirements(inputs: Inputs, commitments: Commitments, allow_deviation: bool) -> list[Deviation]:
    tender: Tender = inputs.tender.model
    deviations = [evaluate(r, commitments) for r in tender.requirements]
    negative = [(i, d) for i, d in enumerate(deviations) if d.negative]
    if negative and not allow_deviation:
        problems = []
        for index, deviation in negative:
            req = deviation.requirement
            source = f"（承诺来自 {deviation.source}）" if deviation.source else ""
            starred = "★实质性条款，负偏离将导致投标无效；" if req.mark == "★" else ""
            problems.append(Problem(
                inputs.tender.path,
                f"招标要求“{req.display}”未满足：{starred}{deviation.note}{source}",
                inputs.tender.line_of("requirements", index), field=f"requirements.{index}",
                hint="在招标项目文件的 overrides 中调整承诺，或确认负偏离后加 --allow-deviation"))
        raise BuildRefused("投标承诺不满足招标要求（负偏离），未生成文档", problems)
    return deviations


def approval_gate(clauses: list[Loaded], allow_draft: bool) -> list[str]:
    """Clause ids that are not approved as they stand; refuses them unless drafts are allowed."""
    unapproved = [loaded for loaded in clauses if not loaded.model.is_approved]
    if unapproved and not allow_draft:
        problems = []
        for loaded in unapproved:
            clause: Clause = loaded.model
            if clause.changed_since_approval and clause.approval:
                message = (f"条款“{clause.id}”（第 {clause.version} 版）正文在审定后被修改；"
                           f"原文由 {clause.approval.by} 于 {clause.approval.date.isoformat()} 审定")
            elif clause.status == "approved":
                message = f"条款“{clause.id}”（第 {clause.version} 版）标为已审定，但缺少审定记录（approval）"
            else:
                message = f"条款“{clause.id}”（第 {clause.version} 版）尚未审定（状态：{clause.status}）"
            problems.append(Problem(loaded.path, message, loaded.line_of("status"), field="status",
                                    hint="请法务审定：aftersales clauses approve ID --by 姓名；或加 --allow-draft 生成草稿"))
        raise BuildRefused("方案包含未审定的条款，未生成文档", problems)
    return [loaded.model.id for loaded in unapproved]


def check_uses(clauses: list[Loaded], commitments: Commitments) -> None:
    problems = []
    for loaded in clauses:
        for kind in loaded.model.uses:
            if kind not in commitments.kinds:
                problems.append(Problem(
                    loaded.path, f"条款“{loaded.model.id}”需要承诺“{kind}”，但产品类型、投标人资料和招标项目都没有设置",
                    loaded.line_of("uses"), field="uses",
                    hint=f"在投标人资料或招标项目 overrides 中补充 {kind}"))
    if problems:
        raise InputError("缺少条款所需的承诺，未生成文档", problems)


def build(tender_path: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    inputs = load_inputs(tender_path)
    tender: Tender = inputs.tender.model
    target = output_dir(inputs.root, tender, options)
    if options.pdf:
        from generator.office.libreoffice import find_office

        find_office()  # no LibreOffice: exit 2 before any work
    ensure_writable(target, [DOCX_NAME, MANIFEST_NAME] + ([PDF_NAME] if options.pdf else []), options.force)

    commitments = resolve(inputs)
    deviations = check_requirements(inputs, commitments, options.allow_deviation)
    product = inputs.product.model
    sections, problems = select_clauses(inputs.outline.model, inputs.clauses, product.id, list(product.capabilities))
    if problems:
        raise InputError("模板大纲与条款库不匹配，未生成文档", problems)
    used = [loaded for _, group in sections for loaded in group]
    unapproved = approval_gate(used, options.allow_draft)
    check_uses(used, commitments)

    context = build_context(tender, inputs.bidder.model, product, commitments, deviations,
                            anonymous=options.anonymous)
    from generator.render.figures import make_figures

    figures = make_figures(context)
    scores = score_items(tender.scoring, commitments)
    proposal = render_proposal(inputs.outline.model, sections, context, draft=bool(unapproved), figures=figures,
                               scores=scores)
    hashes = input_hashes(inputs, used)
    identity = package_identity(inputs, [digest for _, digest in hashes], options)
    proposal = provenance_properties(proposal, used, unapproved, identity.fingerprint, full=options.provenance)
    from generator.write.docx_writer import WriteOptions, write_docx_read_back
    from generator.write.page_frame import PageNumbering

    # 暗标: the template's plain reference instead of the bidder's letterhead, and no attachments
    # (授权委托书 and the like are signed by the bidder).
    reference = inputs.outline.path.parent / "reference.docx" if options.anonymous else inputs.reference_docx
    attachments = [] if options.anonymous else list(inputs.attachments)
    write_options = WriteOptions(identity, PageNumbering(options.page_start, options.number_after_cover))
    written = write_docx_read_back(proposal, reference, attachments, write_options)
    data = written.data
    accepted = frozenset(d.requirement.text for d in deviations if d.negative)  # allowed by --allow-deviation
    findings = run_self_check(written.content, inputs, commitments, accepted, options.anonymous)

    manifest = make_manifest(root=inputs.root, tender_id=tender.id, template=tender.template,
                             input_files=hashes, clauses=used,
                             commitments=commitments, deviations=deviations, output_name=DOCX_NAME,
                             output_bytes=data, draft=bool(unapproved), findings=findings)
    manifest["unapproved_clauses"] = unapproved
    manifest["package"] = package_record(identity, options)
    manifest["pictures"] = figures.record()
    manifest["scoring"] = scoring_record(scores, proposal)
    write_all(target, {DOCX_NAME: data, MANIFEST_NAME: dumps(manifest)}, force=options.force, replaces=(PDF_NAME,))
    pdf_path, pages = None, None
    if options.pdf:
        from generator.office.export import export_pdf

        pdf_path = target / PDF_NAME
        pages = export_pdf(target / DOCX_NAME, pdf_path).pages
    return BuildResult(tender.id, target / DOCX_NAME, target / MANIFEST_NAME, deviations, unapproved, data,
                       blocks=len(proposal.blocks), pdf_path=pdf_path, pages=pages,
                       notices=tuple(n for n in (figures.notice, stale_date_notice(tender.date),
                                                 *authorisation_notices(tender, inputs.bidder.model, product, commitments))
                                     if n),
                       scores=tuple(scores))


def scoring_record(scores: list[ItemScore], proposal) -> dict[str, object] | None:
    """Per 评分标准 item: points earned under the tender's bands, what would earn more, and the
    section the 评分点对照表 points to."""
    if not scores:
        return None
    from generator.render.scoring_table import sections_in

    sections = sections_in(proposal.blocks)
    judged = [s for s in scores if s.earned is not None]
    return {
        "items": [s.record(section) for s, section in zip(scores, sections, strict=True)],
        "earned": sum(s.earned or 0 for s in judged),
        "max_scored": sum(s.item.max_points for s in judged),
        "judged_by_evaluators": sum(s.item.max_points for s in scores if s.earned is None),
    }


def input_hashes(inputs: Inputs, used: list[Loaded]) -> list[tuple[Path, str]]:
    """Every input file of the build (its inputs, then the clauses used) with the sha256 of its bytes,
    once for both the package identity and the manifest: a loaded file's is that of the bytes it was
    loaded from (no second stat or read), the reference document's and attachments' from file_hashes."""
    known = {loaded.path: loaded.sha256 for loaded in (inputs.tender, inputs.bidder, inputs.product, inputs.outline,
                                                       *used)}
    return [(path, known.get(path) or sha256_file(path)) for path in inputs.files() + [c.path for c in used]]


def package_identity(inputs: Inputs, hashes: list[str], options: BuildOptions):
    """Identifiers of this bid's .docx: from the tender, the bidder and the bytes of every input
    (`hashes`, as input_hashes gives them), so a rebuild gives the same file and two bids (or one
    bid's 暗标 and named copies) share none."""
    from generator.write.identity import PackageIdentity, bid_seed

    tender: Tender = inputs.tender.model
    bidder = inputs.bidder.model
    mode = "anonymous" if options.anonymous else "named"
    seed = bid_seed(tender.id, bidder.id, bidder.legal_name, mode, *hashes)
    return PackageIdentity(seed, "" if options.anonymous else bidder.legal_name)


def package_record(identity, options: BuildOptions) -> dict[str, object]:
    """What manifest.json says about the .docx package (docs/metadata.md explains each entry)."""
    return {
        **identity.summary(),
        "anonymous": options.anonymous,
        "provenance_in_docx": options.provenance,
        "fingerprint_property": FINGERPRINT,
        "fingerprint_note": f"文档自定义属性 {FINGERPRINT} 的值；与本文件 output.sha256 一起，"
                            "可确认一份提交的方案由本记录所列的条款和输入生成",
        "page_start": options.page_start,
        "number_after_cover": options.number_after_cover,
    }


def run_self_check(content, inputs: Inputs, commitments: Commitments,
                   accepted: frozenset[str] = frozenset(), anonymous: bool = False) -> int:
    """Check the document about to be written (read from memory, as the checker reads a .docx);
    refuse it on any error-level finding."""
    from generator.pipeline.selfcheck import GENERATED, self_check_document
    from generator.readers.errors import DocumentError
    from generator.text.from_content import document_from_content

    document = document_from_content(content, f"{GENERATED}.docx")
    if not document.blocks:
        raise DocumentError(f"{GENERATED}.docx", "文件中没有可检查的文字（空文件，或只有图片、扫描件）")
    problems = self_check_document(document, inputs, commitments, accepted, anonymous)
    if problems:
        raise BuildRefused("生成的文档未通过自检，未写出文件", problems)
    return 0
