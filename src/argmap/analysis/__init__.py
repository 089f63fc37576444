"""Analysis of argument maps.

The argument graph, the checks, the semantics, evaluation, statistics and comparison.
"""
