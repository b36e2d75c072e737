"""Input data models: what the YAML files may contain. No I/O, no rendering."""
