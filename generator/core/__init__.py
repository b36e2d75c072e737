"""Facts every stage shares: the commitment kinds (kinds.py) and the project layout (layout.py)."""
