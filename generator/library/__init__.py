"""The clause library as legal and authors work with it: list, show, lint, approve, catalog, impact.

One module per job; `generator/commands/clauses.py` is the thin CLI over them.
"""
