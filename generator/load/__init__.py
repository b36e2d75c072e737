"""load: read the YAML inputs, locate every error at file, line and field, and load what one build needs."""
