"""The interactive HTML page.

The page itself, its parts, and its script and style sheet (``assets/``).
"""
