"""Blocks → .docx. The only package that knows python-docx for writing."""
