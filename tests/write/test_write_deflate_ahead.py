"""The body's DEFLATE stream made ahead on another thread (docx_writer._Deflating, one zlib call:
package.deflated_stream) is the stream zipping makes in line (package.deflate): the same .docx bytes."""

from __future__ import annotations

import random
import zlib
from pathlib import Path

from generator.write import docx_writer
from generator.write.package import BUILD_COMPRESS_LEVEL, COMPRESS_LEVEL, deflate, deflated_stream


def _bodies() -> list[bytes]:
    rng = random.Random(19)
    runs = [f"<w:r><w:t>售后服务第{i}条：响应时间{rng.randint(1, 99)}小时</w:t></w:r>" for i in range(4000)]
    xml = ("<w:body>" + "".join(f"<w:p>{run}</w:p>" for run in runs) + "</w:body>").encode()
    noise = bytes(rng.getrandbits(8) for _ in range(200_000))  # incompressible: stored blocks
    return [b"", b"x", xml, noise, xml[:70_000] + noise[:70_000] + xml]


def test_one_call_stream_is_the_streamed_one() -> None:
    for body in _bodies():
        for level in (COMPRESS_LEVEL, BUILD_COMPRESS_LEVEL):
            assert deflated_stream(body, level) == deflate(body, level)[1]
            assert zlib.decompress(deflated_stream(body, level), wbits=-15) == body


def test_stream_made_on_a_thread_is_the_one_made_in_line() -> None:
    for body in _bodies():
        assert docx_writer._Deflating(body).result() == deflate(body, BUILD_COMPRESS_LEVEL)


def test_without_a_spare_core_the_body_is_compressed_in_line_to_the_same_bytes(project: Path, monkeypatch) -> None:
    from generator.write.docx_writer import write_docx_read_back
    from tests.write.test_write_read_back import demo_proposal

    proposal, inputs = demo_proposal(project)
    reference = inputs.reference_docx
    monkeypatch.setattr(docx_writer, "_spare_core", {"yes": True})
    started = []
    real = docx_writer._Deflating
    monkeypatch.setattr(docx_writer, "_Deflating", lambda body: started.append(body) or real(body))
    ahead = write_docx_read_back(proposal, reference).data
    assert started  # the demo's body is large enough to be compressed ahead

    def no_thread(*_args: object) -> None:
        raise AssertionError("a thread was started although no core is spare")

    docx_writer.no_spare_core()
    monkeypatch.setattr(docx_writer, "_Deflating", no_thread)
    assert write_docx_read_back(proposal, reference).data == ahead


def test_a_batch_worker_beside_as_many_workers_as_cores_has_no_spare_core(monkeypatch) -> None:
    import signal

    from generator.pipeline import batch

    monkeypatch.setattr(docx_writer, "_spare_core", {"yes": True})
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        batch._init_worker(False)
        assert docx_writer._spare_core["yes"]
        batch._init_worker(True)
        assert not docx_writer._spare_core["yes"]
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def test_the_body_is_compressed_at_the_build_level_and_the_reference_parts_at_zipfiles(project: Path) -> None:
    import io
    import zipfile

    from generator.write.docx_writer import write_docx_read_back
    from tests.write.test_write_read_back import demo_proposal

    proposal, inputs = demo_proposal(project)
    data = write_docx_read_back(proposal, inputs.reference_docx).data
    archive = zipfile.ZipFile(io.BytesIO(data))

    def stored(name: str) -> bytes:  # the entry's raw DEFLATE stream, as it lies in the .docx
        info = archive.getinfo(name)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        return data[start:start + info.compress_size]

    body, styles = archive.read("word/document.xml"), archive.read("word/styles.xml")
    assert stored("word/document.xml") == deflate(body, BUILD_COMPRESS_LEVEL)[1] != deflate(body)[1]
    assert stored("word/styles.xml") == deflate(styles)[1]
