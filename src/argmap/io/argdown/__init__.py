"""Argdown (argdown.org): syntax, assembly into a map, reader and writer."""
