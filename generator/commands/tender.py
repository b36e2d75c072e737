"""aftersales tender … — thin CLI over generator/tender_extract and generator/tender_new."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="招标项目：从招标文件提取要求、交互式新建项目文件。\n\n退出码：0 成功；2 输入或用法有误。",
    no_args_is_help=True,
)


def _default_out(document: Path) -> Path:
    """tenders/<name>.yaml of the project in the working directory, else beside the document."""
    from generator.core.layout import Layout

    layout = Layout.find()
    if layout is not None and layout.tenders.is_dir():
        return layout.tender(document.stem)
    return document.with_suffix(".yaml")


@app.command("extract")
def extract_command(
    document: Annotated[Path, typer.Argument(help="招标文件（.docx、.pdf、.doc、.wps、.txt 或 .md；PDF 须有文字层）", metavar="FILE")],
    out: Annotated[Path | None, typer.Option(
        "--output", "-o", help="草稿写到哪里（默认：项目的 tenders/<文件名>.yaml）", metavar="OUT.yaml")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件")] = False,
) -> None:
    """从招标文件中提取售后服务和商务要求，写出招标项目文件草稿。

    草稿中每条要求上方注明招标文件原文和所在章节、页码；标有“待核实”的请逐条核对，
    标有“待填写”的字段（投标人、产品类型等）请补充，然后运行 aftersales build。

    示例：aftersales tender extract 招标文件.docx -o tenders/city-hospital.yaml
    """
    from generator.commands import fail
    from generator.core.errors import UserError
    from generator.load.project import find_root
    from generator.tender_extract import extract_to_file

    target = out or _default_out(document)
    try:
        result = extract_to_file(document, target, force, find_root(target.resolve().parent))
    except UserError as error:
        fail(error)
    drafts = result.extraction.requirements
    starred = sum(d.mark == "★" for d in drafts)
    scored = sum(d.mark == "▲" for d in drafts)
    doubtful = sum(d.uncertain for d in drafts)
    typer.echo(f"✓ {document} → {result.out}")
    typer.echo(f"  提取要求 {len(drafts)} 条（★ {starred} 条，▲ {scored} 条），其中待核实 {doubtful} 条")
    missing = [label for label, value in (
        ("项目名称", result.metadata.project_name), ("项目编号", result.metadata.project_number),
        ("采购人", result.metadata.purchaser), ("交货地点", result.metadata.delivery_place),
        ("日期", result.metadata.date)) if not value]
    typer.echo("  请填写：投标人（bidder）、产品类型（product_type）" + (f"；未找到：{'、'.join(missing)}" if missing else ""))
    if result.items:
        unsure = sum(bool(item.doubts) for item in result.items)
        typer.echo(f"  采购清单 {len(result.items)} 项（写入 items），其中待核实 {unsure} 项；请写明所投品牌型号")
    if result.extraction.unconverted:
        typer.echo(f"  ! 有 {len(result.extraction.unconverted)} 条★条款未能转为要求，已列在草稿末尾，请人工核对")
    if not drafts:
        typer.echo("  ! 未找到售后服务要求，请确认文件内容或手工补充")


@app.command("new")
def new_command(
    out: Annotated[Path | None, typer.Option(
        "--output", "-o", help="写到哪里（默认：tenders/<编号>.yaml）", metavar="OUT.yaml")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件")] = False,
) -> None:
    """逐项提问，新建招标项目文件（无需手工编辑 YAML）。

    产品类型和投标人从 profiles/ 中列出供选择；每个回答当场检查，有误会说明原因并重新提问。

    示例：aftersales tender new
    """
    from generator.commands import fail
    from generator.core.errors import UserError
    from generator.load.project import find_root
    from generator.tender_extract.new_tender import run

    root = find_root(out.resolve().parent if out else Path.cwd())
    try:
        written = run(out, force, root)
    except UserError as error:
        fail(error)
    typer.echo(f"✓ 已写入 {written}")
    typer.echo(f"  下一步：aftersales build {written}")
