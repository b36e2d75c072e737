"""One bid: the tender file a clerk writes."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from generator.models.commitments import CommitmentsInput
from generator.models.requirement import ID_PATTERN, Requirement, Strict
from generator.models.scoring import ScoringItem


class Purchaser(Strict):
    name: str = Field(min_length=1)
    contact_address: str = ""


class Tender(Strict):
    id: str = Field(pattern=ID_PATTERN)
    project_name: str = Field(min_length=1)
    project_number: str = Field(min_length=1)
    lot: str = ""
    purchaser: Purchaser
    delivery_place: str = Field(min_length=1)
    # ids, never paths: a file name can only be formed inside profiles/ and templates/
    bidder: str = Field(pattern=ID_PATTERN)  # profiles/bidders/<id>.yaml
    product_type: str = Field(pattern=ID_PATTERN)  # profiles/products/<id>.yaml
    products: str = Field(min_length=1)  # what is supplied, e.g. 台式计算机、打印机等信息化设备
    template: str = Field(default="standard", pattern=ID_PATTERN)  # templates/<name>/
    date: dt.date
    requirements: list[Requirement] = []
    overrides: CommitmentsInput = CommitmentsInput.model_construct()
    # 驻场: technicians the bidder keeps at the purchaser's site for this project (0: none); lets
    # a short on-site promise stand where no outlet is in the delivery city
    resident_staff: int = Field(default=0, ge=0, le=200)
    security_level: str = ""  # software: the system's 等级保护 level the tender names (第三级); empty: not given
    attachments: list[str] = []
    scoring: list[ScoringItem] = []  # the after-sales 评分标准 (generator/models/scoring.py)

