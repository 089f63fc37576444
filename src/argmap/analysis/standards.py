"""Proof standards: when the arguments for and against a claim are enough to accept it.

Carneades (Gordon, Prakken & Walton 2007, "The Carneades model of argument and
burden of proof", *Artificial Intelligence* 171: 875–896, §4) decides whether a
statement is acceptable by its *proof standard*, applied to the *applicable*
pro and con arguments: those whose premises hold and whose exceptions do not.
Gordon & Walton (2009), "Proof burdens and standards", in Rahwan & Simari
(eds.), *Argumentation in Artificial Intelligence*, ch. 12, give the weighted
standards. With ``pro`` the weight of the strongest applicable pro argument and
``con`` that of the strongest applicable con argument (0 when there is none):

* ``scintilla`` (scintilla of evidence): at least one applicable pro argument;
* ``dialectical-validity``: at least one applicable pro argument and no
  applicable con argument (argmap's default: the rule a critical-thinking
  class uses, "a reason stands and no objection stands");
* ``preponderance`` (of the evidence): pro > con;
* ``clear-and-convincing`` (evidence): pro > con, pro > α and pro − con > β;
* ``beyond-reasonable-doubt``: clear and convincing, and con < γ.

The thresholds default to the Carneades engine's (carneades-3,
``engine/proofstandard.clj``): α = 0.5, β = 0.3, γ = 0.2; a map sets its own
in its ``evaluation:`` block.

**Weights in argmap** (scores in [0, 1], ``score:``, default 0.5): a reason
(an inference) weighs the smallest score among its co-premises (a linked
argument is as strong as its weakest premise); an objection (a claim that
attacks) weighs its own score; a claim the audience grants counts as one
applicable pro argument weighing its own score.

Each standard is monotone: a stronger or extra pro argument never turns
"met" into "not met", and a stronger or extra con argument never does the
reverse. :mod:`argmap.analysis.carneades` relies on this for its three-valued
reading.
"""

from __future__ import annotations

from argmap.model import STANDARDS, EvaluationSettings, Standard

__all__ = ["ASKS", "STANDARDS", "Standard", "describe_standard", "meets"]


def meets(
    standard: Standard,
    pro: float | None,
    con: float | None,
    settings: EvaluationSettings,
) -> bool:
    """Whether the arguments meet ``standard``.

    Args:
        standard: one of :data:`~argmap.model.STANDARDS`.
        pro: weight of the strongest applicable pro argument, None for none.
        con: weight of the strongest applicable con argument, None for none.
        settings: the map's α, β and γ.

    Returns:
        True when the standard is met (definitions in the module docstring).
    """
    if pro is None:
        return False
    if standard == "scintilla":
        return True
    if standard == "dialectical-validity":
        return con is None
    against = 0.0 if con is None else con
    if pro <= against:
        return False
    if standard == "preponderance":
        return True
    convincing = pro > settings.alpha and pro - against > settings.beta
    if standard == "clear-and-convincing":
        return convincing
    return convincing and against < settings.gamma


def describe_standard(standard: Standard, settings: EvaluationSettings) -> str:
    """The standard's name with the thresholds it uses.

    E.g. ``"preponderance"``, ``"clear-and-convincing (α 0.5, β 0.3)"``.
    """
    if standard == "clear-and-convincing":
        return f"{standard} (α {settings.alpha:g}, β {settings.beta:g})"
    if standard == "beyond-reasonable-doubt":
        return f"{standard} (α {settings.alpha:g}, β {settings.beta:g}, γ {settings.gamma:g})"
    return standard


#: What each standard asks, in a phrase (for explanations).
ASKS: dict[Standard, str] = {
    "scintilla": "at least one standing reason",
    "dialectical-validity": "a standing reason and no standing objection",
    "preponderance": "the strongest standing reason to outweigh the strongest standing objection",
    "clear-and-convincing": "the strongest standing reason to weigh more than α and to "
    "outweigh the strongest standing objection by more than β",
    "beyond-reasonable-doubt": "clear and convincing evidence, and every standing objection "
    "weighing less than γ",
}
