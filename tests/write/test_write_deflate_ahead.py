"""The body's DEFLATE stream made ahead on another thread (docx_writer._Deflating, one zlib call:
package.deflated_stream) is the stream zipping makes in line (package.deflate): the same .docx bytes."""

from __future__ import annotations

import random
import zlib

from generator.write import docx_writer
from generator.write.package import deflate, deflated_stream


def _bodies() -> list[bytes]:
    rng = random.Random(19)
    runs = [f"<w:r><w:t>售后服务第{i}条：响应时间{rng.randint(1, 99)}小时</w:t></w:r>" for i in range(4000)]
    xml = ("<w:body>" + "".join(f"<w:p>{run}</w:p>" for run in runs) + "</w:body>").encode()
    noise = bytes(rng.getrandbits(8) for _ in range(200_000))  # incompressible: stored blocks
    return [b"", b"x", xml, noise, xml[:70_000] + noise[:70_000] + xml]


def test_one_call_stream_is_the_streamed_one() -> None:
    for body in _bodies():
        assert deflated_stream(body) == deflate(body)[1]
        assert zlib.decompress(deflated_stream(body), wbits=-15) == body


def test_stream_made_on_a_thread_is_the_one_made_in_line() -> None:
    for body in _bodies():
        assert docx_writer._Deflating(body).result() == deflate(body)
