"""aftersales clauses … — thin CLI over generator/library (one module per job)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="条款库：列出、查看、检查、审定条款，生成审阅稿，查询条款用在了哪些方案中。\n\n"
         "退出码：0 成功/无问题；1 检查发现问题或审定被拒绝；2 输入或用法有误。",
    no_args_is_help=True,
)

Root = Annotated[Path | None, typer.Option(
    "--root", help="项目目录（含 clauses/ 和 profiles/；默认：当前目录或其上级）", show_default=False)]


def _run(action):
    """Run `action()`; a user error is printed without a traceback and sets the exit code."""
    from generator.commands import fail
    from generator.core.errors import UserError

    try:
        return action()
    except UserError as error:
        fail(error)


@app.command("list")
def list_command(
    status: Annotated[str | None, typer.Option(
        "--status", help="按状态筛选：draft 草稿 / approved 已审定 / changed 审定后已修改 / retired 已废止")] = None,
    category: Annotated[str | None, typer.Option("--category", help="按类别筛选，如 warranty、response")] = None,
    product_type: Annotated[str | None, typer.Option(
        "--product-type", help="只列出适用于该产品类型的条款，如 it-equipment")] = None,
    root: Root = None,
) -> None:
    """列出条款：编号、标题、类别、版本、状态、审定人和日期、适用范围。

    示例：aftersales clauses list --status changed
    """
    from generator.library.listing import Filters, render_table, select
    from generator.library.repository import load_library

    def action() -> None:
        library = load_library(root)
        typer.echo(render_table(library, select(library, Filters(status, category, product_type))))

    _run(action)


@app.command("show")
def show_command(
    clause_id: Annotated[str, typer.Argument(help="条款编号", metavar="ID")],
    product_type: Annotated[str | None, typer.Option(
        "--product-type", help="用哪个产品类型的示例数据（默认：条款适用的第一个）")] = None,
    bidder: Annotated[str | None, typer.Option("--bidder", help="用哪个投标人的资料（默认：profiles/bidders 中第一个）")] = None,
    source: Annotated[bool, typer.Option("--source", help="显示正文源文本，不渲染")] = False,
    root: Root = None,
) -> None:
    """显示一个条款的元数据，以及用示例数据渲染的正文（〔〕内为按资料填入的内容）。

    示例：aftersales clauses show response-levels --product-type it-equipment
    """
    from generator.library.repository import load_library
    from generator.library.show import show_text

    def action() -> None:
        library = load_library(root)
        text, rendered = show_text(library, library.find(clause_id), product_type, bidder, source)
        typer.echo(text)
        if not rendered:
            raise typer.Exit(1)

    _run(action)


@app.command("lint")
def lint_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="输出格式：text / json / junit / sarif")] = "text",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="把结果写入文件（JUnit/SARIF 报告常用），屏幕只显示摘要")] = None,
    root: Root = None,
) -> None:
    """检查条款库：元数据、编号、渲染、承诺数字、uses 声明、产品专用词。

    每个条款都要能用它适用的每个产品类型和每个投标人的资料渲染；正文不直接写承诺数字；uses 与正文使用的承诺一致；产品专用词只出现在限定该产品类型的条款中。

    发现问题时退出码为 1，每个问题注明 文件:行号。

    \b
    规则：
      invalid-file        文件无法读取或不符合格式（YAML 语法、拼错的字段名）
      metadata            元数据不完整或不一致（缺 uses、标为已审定却无审定记录、文件名与编号不符）
      duplicate-id        条款编号重复
      render              用某个产品类型和投标人的示例数据渲染失败（注明产品类型和投标人）
      missing-commitment  条款适用的产品类型没有定义它所需的承诺
      literal-number      正文直接写了承诺数字（24小时、两年、7×24、每季度一次）
      uses-mismatch       uses 声明与正文 c.<kind> 使用的承诺不一致
      product-word        某一产品类型的专用词会出现在其他产品类型的方案中
      profile             产品类型与投标人资料组合后承诺自相矛盾

    示例：aftersales clauses lint --format sarif -o clauses-lint.sarif
    """
    from generator.library.lint import lint
    from generator.library.repository import load_library
    from generator.report import FORMATS, render_lint

    if fmt not in FORMATS:
        typer.echo(f"不支持的格式“{fmt}”，可选：{'、'.join(FORMATS)}", err=True)
        raise typer.Exit(2)

    def action() -> None:
        library = load_library(root)
        result = lint(library)
        rendered = render_lint(result, fmt, library.root)
        if output is not None:
            from generator.core.output import write_atomic

            write_atomic(output, (rendered + "\n").encode("utf-8"))
            typer.echo(render_lint(result, "text", library.root).splitlines()[-1] + f"；报告已写入 {output}")
        else:
            typer.echo(rendered)
        if not result.ok:
            raise typer.Exit(1)

    _run(action)


@app.command("approve")
def approve_command(
    clause_ids: Annotated[list[str] | None, typer.Argument(help="条款编号，可写多个", metavar="[ID]...")] = None,
    by: Annotated[str, typer.Option("--by", help="审定人姓名（记入条款文件）")] = "",
    note: Annotated[str, typer.Option("--note", help="审定备注，如“已与合同模板第5条核对”")] = "",
    every: Annotated[bool, typer.Option("--all", help="审定所有草稿和审定后已修改的条款")] = False,
    ignore_lint: Annotated[bool, typer.Option(
        "--ignore-lint", help="条款检查有问题时仍然审定（问题数记入备注）")] = False,
    root: Root = None,
) -> None:
    """法务审定条款：把状态改为 approved，记录审定人、日期和正文 sha256。

    只改动条款文件中的 status、approval（和正文改过时的 version）几行，注释和格式原样保留。
    正文在审定后被修改的条款，重新审定时版本号加 1。条款检查（lint）有问题的条款不予审定。

    示例：aftersales clauses approve warranty-scope --by 李敏 --note 已核对合同模板
    """
    from generator.core.errors import display_path
    from generator.library.approve import approve
    from generator.library.repository import load_library

    if not by.strip():
        typer.echo("请用 --by 写明审定人姓名", err=True)
        raise typer.Exit(2)
    if bool(clause_ids) == every:
        typer.echo("请写出要审定的条款编号，或用 --all 审定全部草稿（二者选一）", err=True)
        raise typer.Exit(2)

    def action() -> None:
        library = load_library(root)
        outcome = approve(library, clause_ids or [], by, note, every=every, ignore_lint=ignore_lint)
        for done in outcome.approved:
            bumped = f"（正文已改，版本号升为第 {done.version} 版）" if done.bumped else ""
            typer.echo(f"✓ {done.clause_id} 已审定：第 {done.version} 版，sha256 {done.sha256[:12]}{bumped}"
                       f"（{display_path(done.path)}）")
        for loaded in outcome.already:
            typer.echo(f"· {loaded.model.id} 已是审定状态，未改动")
        for loaded, findings in outcome.refused:
            typer.echo(f"✗ {loaded.model.id} 未审定：条款检查发现 {len(findings)} 个问题", err=True)
            for finding in findings:
                typer.echo(f"  - {finding}", err=True)
        if every and not (outcome.approved or outcome.refused):
            typer.echo("没有需要审定的条款")
        if outcome.refused:
            raise typer.Exit(1)

    _run(action)


@app.command("catalog")
def catalog_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="审阅稿文件名（.docx）")],
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件")] = False,
    template: Annotated[str, typer.Option("--template", help="使用哪个模板的样式")] = "standard",
    root: Root = None,
) -> None:
    """生成条款审阅稿（.docx）：每个条款的元数据表和用示例数据渲染的正文，数据部分加底纹。

    示例：aftersales clauses catalog -o 条款审阅稿.docx
    """
    from generator.core.errors import InputError, Problem
    from generator.core.output import write_atomic
    from generator.library.catalog import write_catalog_file
    from generator.library.repository import load_library

    def action() -> None:
        if output.suffix.lower() != ".docx":
            raise InputError("审阅稿应保存为 .docx 文件", [Problem(output, "文件扩展名不是 .docx")])
        if output.exists() and not force:
            raise InputError("文件已存在，未覆盖", [Problem(output, "文件已存在", hint="确认无误后加 --force 覆盖")])
        library = load_library(root)
        data = write_catalog_file(library, template)
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(output, data)
        except OSError as exc:
            raise InputError("无法写入审阅稿", [Problem(output, exc.strerror or str(exc))]) from None
        typer.echo(f"✓ 审阅稿已写入 {output}（{len(library.clauses)} 个条款）")

    _run(action)


@app.command("impact")
def impact_command(
    clause_id: Annotated[str, typer.Argument(help="条款编号", metavar="ID")],
    outputs: Annotated[Path | None, typer.Option(
        "--outputs", help="在哪个目录下查找生成记录 manifest.json（默认：项目下的 output/）")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="输出格式：text / json")] = "text",
    root: Root = None,
) -> None:
    """查询哪些已生成的方案包含该条款、包含的是哪一版文本，以及是否为现行审定文本。

    示例：aftersales clauses impact warranty-scope --outputs /srv/bids/output
    """
    import json

    from generator.core.errors import InputError, Problem
    from generator.core.layout import Layout
    from generator.library.impact import impact, render_text
    from generator.library.repository import load_library

    if fmt not in ("text", "json"):
        typer.echo(f"不支持的格式“{fmt}”，可选：text、json", err=True)
        raise typer.Exit(2)

    def action() -> None:
        library = load_library(root)
        if outputs is not None and not outputs.is_dir():
            raise InputError("找不到生成结果目录", [Problem(outputs, "目录不存在")])
        result = impact(library, clause_id, outputs)
        if result.current_version is None and not result.uses:
            raise InputError(f"条款库中没有“{clause_id}”，生成记录中也没有", [
                Problem(Layout(library.root).clauses, f"找不到条款“{clause_id}”", hint="用 aftersales clauses list 查看编号")])
        if fmt == "json":
            typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        else:
            typer.echo(render_text(result))

    _run(action)
