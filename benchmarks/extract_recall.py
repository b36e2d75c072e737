#!/usr/bin/env python3
"""Recall of `aftersales tender extract` on the project's sample 招标文件 (a script, not a test).

    .venv/bin/python benchmarks/extract_recall.py          # one line per sample and the total
    .venv/bin/python benchmarks/extract_recall.py -v       # also what was missed or extra

For every tenders/samples/<name>.txt|.docx with a <name>.key.yaml beside it, counts the key's
requirements recovered with the right kind, bound, value and qualifier (target ≥ 90 %), how many of
those carry the right ★/▲ mark, how many extracted requirements are not in the key (precision),
and how many project fields (name, number, purchaser, place, date) were read right.
The .docx sample is regenerated from tenders/samples/make_docx.py into a temporary folder first.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.tender_extract import extract  # noqa: E402
from generator.tender_extract.answer_key import Score, load_key, score  # noqa: E402

SAMPLES = ROOT / "tenders" / "samples"
META_FIELDS = ("project_name", "project_number", "purchaser", "delivery_place", "date")


def sample_documents(workdir: Path) -> list[tuple[Path, Path]]:
    """(document, key) pairs; the .docx sample is rebuilt from its script so it cannot drift."""
    spec = importlib.util.spec_from_file_location("make_docx", SAMPLES / "make_docx.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(workdir / "landscaping-maintenance.docx")
    pairs = []
    for key in sorted(SAMPLES.glob("*.key.yaml")):
        name = key.name.removesuffix(".key.yaml")
        for candidate in (SAMPLES / f"{name}.txt", SAMPLES / f"{name}.md", workdir / f"{name}.docx"):
            if candidate.is_file():
                pairs.append((candidate, key))
    return pairs


def run(verbose: bool) -> float:
    scores: list[Score] = []
    with tempfile.TemporaryDirectory() as tmp:
        for document, key_path in sample_documents(Path(tmp)):
            meta_key, key = load_key(key_path)
            meta, extraction = extract(document)
            result = score(document.name, key, extraction.requirements)
            for name in META_FIELDS:
                if name in meta_key:
                    result.metadata_total += 1
                    result.metadata_right += str(getattr(meta, name)) == str(meta_key[name])
            scores.append(result)
            print(f"{document.name:34} 召回 {result.recovered:2}/{result.expected:2} = {result.recall:6.1%}   "
                  f"标记正确 {result.marks_right:2}/{result.recovered:2}   多提取 {len(result.extra):2}   "
                  f"项目信息 {result.metadata_right}/{result.metadata_total}")
            if verbose:
                for missed in result.missed:
                    print(f"    漏：{missed.describe()}")
                for extra in result.extra:
                    print(f"    多：{extra.mark}{extra.kind} {extra.bound} {extra.qualifier or ''}{extra.value}  ← {extra.text}")
    expected = sum(s.expected for s in scores)
    recovered = sum(s.recovered for s in scores)
    extracted = sum(s.extracted for s in scores)
    marks = sum(s.marks_right for s in scores)
    meta_right, meta_total = sum(s.metadata_right for s in scores), sum(s.metadata_total for s in scores)
    recall = recovered / expected if expected else 0.0
    print(f"{'合计':32} 召回 {recovered}/{expected} = {recall:.1%}（目标 ≥ 90%）   "
          f"准确率 {recovered}/{extracted} = {recovered / extracted if extracted else 0:.1%}   "
          f"标记正确 {marks}/{recovered}   项目信息 {meta_right}/{meta_total}")
    return recall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="列出漏提取和多提取的要求")
    args = parser.parse_args()
    return 0 if run(args.verbose) >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
