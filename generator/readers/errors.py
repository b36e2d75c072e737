"""The one error of reading a document: every reader raises it, `check` shows it (exit 2) and
`tender extract` turns it into its InputError."""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A document that cannot be read; the message is shown to the user (exit 2)."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}：{message}")
        self.path = path
        self.message = message
