"""aftersales check: find blanks, conflicting commitments and leftover text in any proposal.

Only typer is imported at start-up; the checker, and pydantic for --tender / --bidder-profile,
are imported inside the command."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"
    sarif = "sarif"


def _expand(paths: list[Path]) -> list[Path]:
    from generator.text.reader import SUFFIXES

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                                and not p.name.startswith(("~$", "."))))
        else:
            files.append(path)
    return files


def check_command(
    paths: Annotated[list[str], typer.Argument(
        help="要检查的方案文件（.docx、.pdf、.doc、.wps、.txt、.md），可写多个；写目录则检查其中所有此类文件", metavar="PATH")],
    tender: Annotated[str | None, typer.Option(
        "--tender", help="招标项目文件（tenders/*.yaml）：核对招标要求和模板要求的章节，并据此确定投标人、采购人和产品类型",
        metavar="FILE")] = None,
    bidder: Annotated[str | None, typer.Option(
        "--bidder", help="投标人全称；文中出现的其他公司名称将被报告（不写则按签章处推断）", metavar="NAME")] = None,
    bidder_profile: Annotated[str | None, typer.Option(
        "--bidder-profile", help="投标人资料（profiles/bidders/*.yaml）：文中承诺与资料不一致时报告", metavar="FILE")] = None,
    product_type: Annotated[str | None, typer.Option(
        "--product-type", help="产品类型编号（如 it-equipment）；文中出现其他产品类型的用语将被报告（不写则按文中用语推断）",
        metavar="ID")] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="输出格式：text（默认，便于阅读）、json、junit（JUnit XML）、sarif", case_sensitive=False)]
        = OutputFormat.text,
    anonymous: Annotated[bool, typer.Option(
        "--anonymous", help="按暗标检查：报告投标人名称、热线、地址、人员姓名、电话、邮箱等一切可识别投标人的内容"
                            "（配合 --bidder / --bidder-profile / --tender 更准确）")] = False,
    annotate: Annotated[str | None, typer.Option(
        "--annotate", help="把每个问题作为 Word 批注写回文档，另存为 OUT.docx（只能检查一个 .docx 文件）",
        metavar="OUT.docx")] = None,
    force: Annotated[bool, typer.Option("--force", help="--annotate 的输出文件已存在时覆盖")] = False,
) -> None:
    """检查售后服务方案：未填写的占位符、前后不一致的承诺、其他公司或其他产品的残留文字等。

    可检查任何来源的方案，包括非本工具生成的 Word 文档、有文字层的 PDF（扫描件需先做文字识别）、
    旧版 .doc / WPS 文件（需安装 LibreOffice）、从网页复制出的文本。

    \b
    规则：
      placeholder             未填写的占位符（XX、某某、20xx、空白字段）和模板说明文字
      conflicting-commitment  同一承诺在不同地方写法不一致
      foreign-entity          其他公司名称、其他产品类型的用语、不相称的称谓
      duplicate-text          重复段落
      tender-requirement      不满足招标要求（需 --tender）
      missing-section         缺少模板要求的章节（需 --tender）
      profile-mismatch        与投标人资料中的承诺不一致（需 --bidder-profile 或 --tender）
      active-content          宏、嵌入对象、远程模板等（.docx）
      document-metadata       文档属性中的其他单位、多个文件共用的文档标识、未接受的修订、批注、隐藏文字
      anonymity               暗标中可识别投标人的内容（需 --anonymous）

    退出码：0 无错误（可能有警告）；1 发现错误；2 文件无法读取或参数有误。

    \b
    示例：
      aftersales check 售后服务方案.docx
      aftersales check 售后服务方案.docx --tender tenders/demo.yaml --format json
      aftersales check 甲.docx 乙.docx                     # 同时检查时报告两份文件共用的文档标识
      aftersales check 暗标.docx --anonymous --tender tenders/demo.yaml
      aftersales check 方案.docx --annotate 方案-批注.docx   # 问题写成批注，在 Word/WPS 中逐条修改
    """
    from generator.check import check_documents
    from generator.core.errors import UserError
    from generator.readers.errors import DocumentError
    from generator.report import render_check as render
    from generator.text.reader import read_document

    # Paths arrive as text: typer would validate Path parameters with pydantic, a cost `check` avoids.
    tender_path = Path(tender) if tender else None
    profile_path = Path(bidder_profile) if bidder_profile else None
    try:
        if tender_path or profile_path:
            from generator.check.load import from_options

            expectations = from_options(tender_path, bidder, profile_path, product_type)
        else:
            expectations = _light_expectations(bidder, product_type)
    except UserError as error:
        typer.echo(error.render(), err=True)
        raise typer.Exit(2) from None
    expectations.anonymous = anonymous
    files = _expand([Path(p) for p in paths])
    if not files:
        typer.echo(f"{'、'.join(paths)}：没有找到可检查的文件（.docx、.pdf、.doc、.wps、.txt、.md）", err=True)
        raise typer.Exit(2)
    annotate_path = Path(annotate) if annotate else None
    if annotate_path is not None:
        _check_annotate_target(files, annotate_path, force)
    documents = []
    unreadable = False
    for path in files:
        try:
            documents.append(read_document(path))
        except DocumentError as error:
            typer.echo(f"✗ 无法读取 {error.path}：{error.message}", err=True)
            unreadable = True
    results = check_documents(documents, expectations)
    if annotate_path is not None and results:
        _write_annotated(files[0], annotate_path, results[0].findings)
    color = output_format == OutputFormat.text and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if results:
        typer.echo(render(results, output_format.value, color=color), nl=False)
    if unreadable:
        raise typer.Exit(2)
    raise typer.Exit(1 if any(r.errors for r in results) else 0)


def _check_annotate_target(files: list[Path], target: Path, force: bool) -> None:
    """--annotate takes one .docx and never replaces a file unasked (nor the checked file itself)."""
    problem = None
    if len(files) != 1 or files[0].suffix.lower() != ".docx":
        problem = "--annotate 只能用于检查单个 .docx 文件"
    elif target.suffix.lower() != ".docx":
        problem = f"--annotate 的输出文件应以 .docx 结尾：{target}"
    elif target.exists() and target.resolve() == files[0].resolve():
        problem = "--annotate 的输出文件不能是被检查的文件本身，请另起文件名"
    elif target.is_dir():
        problem = f"--annotate 的输出位置是一个目录：{target}"
    elif target.exists() and not force:
        problem = f"输出文件已存在，未覆盖：{target}（确认后加 --force）"
    elif not target.parent.is_dir():
        problem = f"输出目录不存在：{target.parent}"
    if problem:
        typer.echo(f"✗ {problem}", err=True)
        raise typer.Exit(2)


def _write_annotated(source: Path, target: Path, findings: list) -> None:  # Finding
    from generator.core.output import write_atomic
    from generator.write.annotate import annotate_docx

    data, count = annotate_docx(source.read_bytes(), findings)
    try:
        write_atomic(target, data)
    except OSError as exc:
        typer.echo(f"✗ 无法写入 {target}：{exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"已写出带批注的文档：{target}（{count} 条批注）", err=True)


def _light_expectations(bidder: str | None, product_type: str | None):  # Expectations
    """Expectations without pydantic: vocabularies from the nearest project tree."""
    from generator.check.expectations import Expectations
    from generator.check.profiles import Vocabularies, find_project_root, load_vocabularies
    from generator.core.errors import InputError, Problem

    root = find_project_root()
    vocabularies = load_vocabularies(root) if root else Vocabularies({})
    if product_type and product_type not in vocabularies.products:
        known = "、".join(vocabularies.ids()) or "（未找到 profiles/products）"
        raise InputError("检查参数有误", [Problem("--product-type", f"未知的产品类型“{product_type}”",
                                                hint=f"可用的产品类型：{known}")])
    return Expectations(bidder_names=[bidder.strip()] if bidder else [], product_type=product_type,
                        vocabularies=vocabularies)


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)
