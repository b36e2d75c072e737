"""Custom document properties (Word: 文件 → 属性 → 自定义): the build fingerprint, or clause provenance."""

from __future__ import annotations

from docxcompose.properties import CustomProperties


def set_custom_properties(document, properties: dict[str, str]) -> None:  # noqa: ANN001
    """The package's custom properties become exactly `properties`: a letterhead's own (another
    document's data) are removed. No properties and none before: no custom.xml at all."""
    custom = CustomProperties(document)
    if not properties and custom.part is None:
        return
    for name in list(custom.keys()):
        del custom[name]
    for name, value in properties.items():
        custom.add(name, value)


def read_custom_properties(document) -> dict[str, str]:  # noqa: ANN001
    return {name: str(value) for name, value in CustomProperties(document).items()}
