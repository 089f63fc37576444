"""Analysis of argument maps: the argument graph, checks, semantics, evaluation, statistics, comparison."""
