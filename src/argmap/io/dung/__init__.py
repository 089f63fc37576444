"""Dung's abstract argumentation frameworks: ASPARTIX APX, TGF and ICCMA'23.

An abstract argumentation framework (Dung 1995, "On the acceptability of
arguments and its fundamental role in nonmonotonic reasoning, logic
programming and n-person games", AIJ 77) is a set of arguments and an attack
relation, nothing else. Reading one gives a map with a claim per argument and
an attack per attack; writing a map gives its *attack projection*
(:mod:`argmap.io.dung.framework`).
"""
