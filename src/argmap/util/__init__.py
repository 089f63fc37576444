"""Small utilities every layer may use: files, text, suggestions, URL schemes, the collector."""
