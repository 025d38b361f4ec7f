"""The compatibility words: what zoning says about a proposal's category at its place.

A plain enum without Django, so pure modules (spatial/score.py) use the same words as the
models (layers.models.Verdict and Compatibility mirror it as choices) and the SQL.
"""

from enum import StrEnum


class Compatibility(StrEnum):
    COMPATIBLE = "compatible"
    CONDITIONAL = "conditional"
    INCOMPATIBLE = "incompatible"
    UNKNOWN = "unknown"  # no zoning rule for the category, or no zone at all


# What a zoning rule can say (a rule never says "unknown").
VERDICTS = (Compatibility.COMPATIBLE, Compatibility.CONDITIONAL, Compatibility.INCOMPATIBLE)

# The overall compatibility of a proposal is its worst verdict over the zones it touches; a
# missing rule ranks between conditional and compatible.
SEVERITY = {
    Compatibility.INCOMPATIBLE: 3,
    Compatibility.CONDITIONAL: 2,
    Compatibility.UNKNOWN: 1,
    Compatibility.COMPATIBLE: 0,
}
