"""argmap's own map format.

YAML parsing with positions, the reader (the format's rules), the writer and the JSON Schema.
"""
