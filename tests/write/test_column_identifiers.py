"""ColumnFit keeps a certificate, phone or project number on one line when the table has the width."""

from __future__ import annotations

from generator.render.blocks import Table
from generator.write.docx_writer import IDENTIFIER_CHAR, ColumnFit


def test_a_column_is_as_wide_as_its_longest_identifier() -> None:
    rows = [["1", "ISO 9001 质量管理体系认证证书", "05624Q10362R1S", "湖南华信认证中心"],
            ["2", "商品售后服务评价认证证书（四星级）", "SAS-2024-0926", "湖南华信认证中心"],
            ["3", "机动车维修经营备案证明（一类汽车维修）", "湘源交运备〔2024〕0157", "湘源市交通运输局"],
            ["4", "新能源汽车品牌授权服务站授权书", "AUTH-XY-2025-031", "所供车辆生产企业"]]
    chars = ColumnFit(Table(header=["序号", "证书名称", "证书编号", "发证机构"], rows=rows)).fit(34)
    assert chars[2] >= len("AUTH-XY-2025-031") * IDENTIFIER_CHAR  # the proportional estimate gave 9.0
    assert sum(chars) <= 34 + 1e-6


def test_a_very_long_identifier_does_not_take_the_whole_table() -> None:
    url = "https://example.org/" + "a" * 80
    table = Table(header=["项目", "链接"], rows=[["说明文字较长的一栏内容，需要足够的宽度才能少折行", url]])
    chars = ColumnFit(table).fit(38)
    assert chars[0] >= 10
