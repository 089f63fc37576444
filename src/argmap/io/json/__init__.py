"""JSON: a position-carrying JSON reader and argmap's map in JSON syntax."""
