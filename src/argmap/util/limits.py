"""The limits every map reader enforces, each set by an environment variable.

A map is untrusted input: these limits bound the memory and time a reader
spends on it. The defaults are generous (a million claims, twenty million
characters in one claim's text, a hundred thousand relations on one claim);
a map over a limit is refused with a message naming the limit, the value
found and the variable that raises it. ``docs/format.md`` lists them.

===========================  ==============  ==========================================
variable                     default         what it bounds
===========================  ==============  ==========================================
``ARGMAP_MAX_FILE_BYTES``    536870912       the size of one input file, in bytes
``ARGMAP_MAX_CLAIMS``        1000000         the number of claims in one map
``ARGMAP_MAX_TEXT_CHARS``    20000000        the characters of one claim's text
``ARGMAP_MAX_DEPTH``         64              the nesting of lists and mappings
``ARGMAP_MAX_RELATIONS``     100000          the relations one claim takes part in
===========================  ==============  ==========================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from argmap.errors import UsageError


@dataclass(frozen=True)
class Limit:
    """One limit.

    Attributes:
        variable: the environment variable that sets it (a whole number ≥ 1).
        default: its value when the variable is unset or empty.
        what: what it counts, in words (``"claims in one map"``).
        advice: what to change in the map to stay under it (``"split the map"``).
    """

    variable: str
    default: int
    what: str
    advice: str

    def value(self) -> int:
        """The limit now in force (the environment is read on each call).

        Raises:
            UsageError: the variable is set to something other than a whole number ≥ 1.
        """
        raw = os.environ.get(self.variable, "").strip()
        if not raw:
            return self.default
        try:
            number = int(raw.replace("_", ""))
        except ValueError:
            number = 0
        if number < 1:
            raise UsageError(
                f"{self.variable}={raw!r}: the limit on {self.what} must be a whole number ≥ 1"
            )
        return number

    def message(self, found: int | str, limit: int) -> str:
        """Why a map is refused: the limit, the value found and how to raise the limit.

        Args:
            found: the value found (a number, or words such as ``"more than 64"``).
            limit: the limit in force (from :meth:`value`).
        """
        shown = f"{found:,}" if isinstance(found, int) else found
        return (
            f"{shown} {self.what}, over the limit of {limit:,} ({self.variable}): "
            f"{self.advice}, or raise the limit with {self.variable}=N"
        )


FILE_BYTES = Limit(
    "ARGMAP_MAX_FILE_BYTES", 512 * 1024 * 1024, "bytes in one file", "split the file"
)
CLAIMS = Limit("ARGMAP_MAX_CLAIMS", 1_000_000, "claims in one map", "split the map")
TEXT_CHARS = Limit(
    "ARGMAP_MAX_TEXT_CHARS", 20_000_000, "characters in one claim's text", "shorten the text"
)
DEPTH = Limit("ARGMAP_MAX_DEPTH", 64, "levels of nesting", "flatten the document")
RELATIONS = Limit(
    "ARGMAP_MAX_RELATIONS", 100_000, "relations on one claim", "split the claim's relations"
)

#: Every limit, in the order ``docs/format.md`` lists them.
LIMITS = (FILE_BYTES, CLAIMS, TEXT_CHARS, DEPTH, RELATIONS)
