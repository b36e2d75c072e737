"""aftersales build"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from generator.pipeline.build import BuildOptions


def build_command(
    tenders: Annotated[list[Path], typer.Argument(help="招标项目文件（tenders/*.yaml），可写多个", metavar="TENDER...")],
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件")] = False,
    allow_draft: Annotated[bool, typer.Option(
        "--allow-draft", help="允许未审定条款，生成的每页页眉标注“草稿（含未审定条款）”")] = False,
    allow_deviation: Annotated[bool, typer.Option(
        "--allow-deviation", help="承诺不满足招标要求（负偏离）时仍然生成，并在偏离表中列明")] = False,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="输出根目录（默认：项目下的 output/）")] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="同时生成多个项目时使用的进程数；0 = 全部 CPU 核")] = 1,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="同时用 LibreOffice 导出 PDF（目录页码、“第 X 页 共 Y 页”已更新、字体已嵌入）；需已安装 LibreOffice")]
        = False,
    anonymous: Annotated[bool, typer.Option(
        "--anonymous", help="暗标：文中不出现投标人名称、简称、热线、地址、人员姓名、证书编号，不用信笺、不加签章和附件，"
                            "文档属性中不写作者和公司")] = False,
    provenance: Annotated[bool, typer.Option(
        "--provenance", help="把条款编号、版本、哈希和审定信息写入 .docx 自定义属性（仅供内部留存；"
                             "默认只写一个生成指纹，详情见 manifest.json）")] = False,
    page_start: Annotated[int, typer.Option(
        "--page-start", min=1, help="起始页码（方案将并入更大的投标文件时使用）；页脚只显示“第 X 页”")] = 1,
    number_after_cover: Annotated[bool, typer.Option(
        "--number-after-cover", help="封面单独成节、不编页码，从封面后一页开始编号（起始页码见 --page-start）")] = False,
) -> None:
    """根据招标项目文件生成售后服务方案（.docx）和 manifest.json。

    示例：aftersales build tenders/demo.yaml

    暗标：aftersales build tenders/demo.yaml --anonymous；并入投标文件：--number-after-cover --page-start 31

    批量：aftersales build tenders/*.yaml --jobs 2 —— 一个项目失败不影响其他项目，最后列出汇总表。
    批量退出码：0 全部成功；2 失败的都是输入有误；1 有项目被拒绝生成或出现内部错误。
    """
    from generator.core.errors import UserError
    from generator.pipeline.build import BuildOptions, build

    options = BuildOptions(force=force, allow_draft=allow_draft, allow_deviation=allow_deviation, output_root=output,
                           pdf=pdf, anonymous=anonymous, provenance=provenance, page_start=page_start,
                           number_after_cover=number_after_cover)
    if len(tenders) > 1:
        raise typer.Exit(batch_command(tenders, options, jobs))
    exit_code = 0
    for tender in tenders:
        try:
            result = build(tender, options)
        except UserError as error:
            typer.echo(f"✗ {tender}", err=True)
            typer.echo(error.render(), err=True)
            exit_code = max(exit_code, error.exit_code)
            continue
        typer.echo(f"✓ {tender} → {result.docx_path}")
        if result.pdf_path:
            typer.echo(f"  PDF：{result.pdf_path}（{result.pages} 页）")
        if result.deviations:
            counts = {s: sum(d.status == s for d in result.deviations) for s in ("正偏离", "无偏离", "负偏离")}
            typer.echo(f"  偏离表：{len(result.deviations)} 项招标要求，" + "，".join(f"{k} {v}" for k, v in counts.items()))
        for deviation in result.deviations:
            if deviation.negative:
                typer.echo(f"  ! 负偏离：{deviation.requirement.display}：{deviation.note}")
        if result.scores:
            typer.echo("  评分点（按招标文件评分标准，由承诺计算）：")
            for item_score in result.scores:
                typer.echo(f"    {item_score.summary()}")
        for notice in result.notices:
            typer.echo(f"  ! {notice}")
        if result.unapproved:
            typer.echo(f"  ! 草稿：含未审定条款 {', '.join(result.unapproved)}")
    raise typer.Exit(exit_code)


def batch_command(tenders: list[Path], options: BuildOptions, jobs: int) -> int:
    """`aftersales build A.yaml B.yaml … [--jobs N]`: progress, summary table, exit code."""
    from generator.commands.batch_report import make_reporter, print_failure, print_summary
    from generator.pipeline.batch import batch_exit_code, default_jobs, flag_shared_outputs, run_batch

    start = time.perf_counter()
    reporter = make_reporter(interactive=sys.stderr.isatty())
    try:
        built = run_batch(tenders, options, jobs, reporter)
    except KeyboardInterrupt:
        typer.echo("已中断：正在生成的项目已停止，尚未生成的项目未处理；已写出的文件完整可用", err=True)
        return 130
    outcomes = flag_shared_outputs(built)
    for before, after in zip(built, outcomes, strict=True):
        if before.ok and not after.ok:
            print_failure(after)
    print_summary(outcomes, time.perf_counter() - start, min(jobs or default_jobs(), len(outcomes)))
    return batch_exit_code(outcomes)


def register(app: typer.Typer) -> None:
    app.command("build")(build_command)
