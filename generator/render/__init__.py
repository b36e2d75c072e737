"""Clauses and data → neutral document blocks. Knows nothing of Word."""
