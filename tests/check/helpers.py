"""Small builders for checker tests."""

from __future__ import annotations

from pathlib import Path

from generator.check import Expectations, check_document
from generator.check.extract import extract
from generator.check.profiles import load_vocabularies
from generator.text.reader import read_bytes

ROOT = Path(__file__).resolve().parents[2]


def doc(text: str, name: str = "方案.md"):
    return read_bytes(text.encode("utf-8"), name)


def mentions(text: str, name: str = "方案.md"):
    return extract(doc(text, name))


def findings(text: str, name: str = "方案.md", **expectations):
    expectations.setdefault("vocabularies", load_vocabularies(ROOT))
    return check_document(doc(text, name), Expectations(**expectations)).findings


def rules(text: str, name: str = "方案.md", **expectations) -> list[str]:
    return [f.rule for f in findings(text, name, **expectations)]
