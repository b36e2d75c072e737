"""Custom document properties (Word: 文件 → 属性 → 自定义), used for clause provenance."""

from __future__ import annotations

from docxcompose.properties import CustomProperties


def set_custom_properties(document, properties: dict[str, str]) -> None:  # noqa: ANN001
    custom = CustomProperties(document)
    for name, value in properties.items():
        if name in custom:
            custom[name] = value
        else:
            custom.add(name, value)


def read_custom_properties(document) -> dict[str, str]:  # noqa: ANN001
    return {name: str(value) for name, value in CustomProperties(document).items()}
