"""Formats: reading and writing argument maps (one module per format)."""
