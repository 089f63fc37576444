"""The interactive HTML page: the page itself, its parts, and its script and style sheet (``assets/``)."""
