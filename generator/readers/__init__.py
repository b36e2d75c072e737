"""One reader per input format, shared by `aftersales check` and `aftersales tender extract`.

    read_file(path, limit)           files.py: stat first, refuse pipes/devices/oversized files
    read_content(data, name)         content.py → Content: paragraphs and tables in reading order
        .docx  docx.py   (zip-bomb guard, altChunk, active content notices)
        .pdf   pdf.py    (pdfplumber, imported only for a PDF)
        .doc/.wps  via generator/office/convert.py (LibreOffice) → .docx
    decode_text(data, path)          text.py: .txt / .md bytes → str (UTF-8, UTF-16 with BOM, GB 18030)
Text files are cut into blocks by generator/text (the checker's and the extractor's line logic
differ); their bytes come through read_file and decode_text, with the same limit for both commands.
Every failure is a DocumentError (errors.py) with a Chinese message.
"""
