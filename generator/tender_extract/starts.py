"""What a warranty or service period counts from, as the 招标文件 states it: “自验收合格之日起”,
“竣工验收合格后24个月”, “交付使用之日起” → the event (验收合格之日), for the requirement's `starts`."""

from __future__ import annotations

import re

from generator.tender_extract.repair import plain

# the event: a few words ending in one of the usual milestones, then 之日起 / 起 / 后
_EVENT = re.compile(r"(?:自|从)?(?P<event>[\u4e00-\u9fff]{0,8}?(?:验收合格|验收通过|交付使用|安装调试完成|调试完成|安装完成|"
                    r"到货|签订合同|合同签订|签收|竣工验收合格|投入使用|交付))(?:之日|当日)?(?:起|后)")


def start_event(sentence: str) -> str | None:
    """The start event in `sentence`, in its own (repaired) characters, or None."""
    match = _EVENT.search(plain(sentence))
    if match is None:
        return None
    event = sentence[match.start("event"):match.end("event")]
    event = re.split(r"[期为是于自从在]", event)[-1]  # “质保期为交付验收合格后” counts from 交付验收合格
    return f"{event}之日"
