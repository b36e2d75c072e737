"""The text stack shared by `aftersales check` and `aftersales tender extract`: a document read back
as blocks of text, normalised with a map back to the original characters, its headings found, its
values (durations, frequencies, schedules …) found.

    reader.py        read_document / read_bytes: any supported file → Document (the checker's model)
    document.py      Document, Block (original text, normalised text, map back), DocumentBuilder
    from_content.py  Content read by generator/readers (.docx/.pdf/.doc/.wps) → Document
    read_text.py     .txt / .md → Document
    text_blocks.py   a 招标文件 → TextBlock rows with heading path and page (the extractor's model)
    normalize.py     Traditional → Simplified, full-width → half-width, stray spaces; map back
    headings.py      numbered and plain headings
    values.py        values in a proposal sentence (the checker)
    mentions.py      values in a requirement sentence (the extractor)

File bytes come through generator/readers (one set of limits). The classifiers stay with their
commands: promises in check/extract.py, requirements in tender_extract/classify.py.
"""
