"""One reader per input format, shared by `aftersales check` and `aftersales tender extract`.

    read_file(path, limit)           files.py: stat first, refuse pipes/devices/oversized files
    read_content(data, name)         content.py → Content: paragraphs and tables in reading order
        .docx  docx.py   (zip-bomb guard, altChunk, active content notices)
        .pdf   pdf.py    (pdfplumber, imported only for a PDF)
        .doc/.wps  via generator/office/convert.py (LibreOffice) → .docx
Text files (.txt, .md) are read by each command itself (their line logic differs); they get their
bytes through read_file too. Every failure is a DocumentError with a Chinese message.
"""
