"""Contest score and explanation of a cluster: a pure function, no Django.

The rule is written down in docs/contest-score.md; keep the two in step.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from layers.compatibility import Compatibility

CATEGORY_NAMES = {
    "housing": ("housing", "Wohnen"),
    "mobility": ("mobility", "Mobilität"),
    "green_space": ("green space", "Grünfläche"),
    "public_space": ("public space", "öffentlicher Raum"),
    "commons": ("commons", "Gemeingut"),
    "other": ("other uses", "Sonstiges"),
}


@dataclass(frozen=True)
class Claim:
    category: str
    kind: str  # "proposal" or "conflict"
    author: int
    supports: int = 0
    # the proposal's overall compatibility; unknown without a zoning overlay
    zoning: str = Compatibility.UNKNOWN
    # zone codes in which this claim's category is not allowed
    incompatible_zones: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Verdict:
    contested: bool
    score: float
    explanation: dict  # {"en": str, "de": str}


def contest_verdict(claims: Iterable[Claim], *, overlap_area_m2: float = 0.0) -> Verdict:
    """Whether a cluster is contested, how strongly (score), and why, in English and German.

    Contested when the claims name different categories, when conflicts stand against
    proposals, or when a claim is not allowed by its zoning; otherwise convergent.
    """
    claims = list(claims)
    incompatible = [c for c in claims if c.zoning == Compatibility.INCOMPATIBLE]
    return verdict_from_counts(
        categories=tuple(sorted(Counter(c.category for c in claims).items())),
        conflicts=sum(c.kind == "conflict" for c in claims),
        proposals=sum(c.kind != "conflict" for c in claims),
        incompatible=len(incompatible),
        zones=tuple(sorted({z for c in incompatible for z in c.incompatible_zones})),
        people=len({c.author for c in claims}),
        supports=sum(c.supports for c in claims),
        overlap_area_m2=overlap_area_m2,
    )


@lru_cache(maxsize=65_536)
def verdict_from_counts(
    *,
    categories: tuple[tuple[str, int], ...],
    conflicts: int,
    proposals: int,
    incompatible: int,
    zones: tuple[str, ...],
    people: int,
    supports: int,
    overlap_area_m2: float,
) -> Verdict:
    """The same verdict from a cluster's counts (what the bulk recompute has at hand):
    claims per category, conflicts, proposals, claims not allowed by zoning and the zone
    codes concerned, distinct authors, supports and the overlapping area."""
    n = conflicts + proposals
    if n == 0:
        return Verdict(False, 0.0, {"en": "", "de": ""})
    categories = dict(categories)
    competition = 1.0 - max(categories.values()) / n  # 0 when one category
    opposition = 2.0 * min(conflicts, proposals) / n  # 1 when balanced
    zoning = incompatible / n
    contested = competition > 0 or opposition > 0 or zoning > 0
    weight = math.log2(1 + n + supports / 2)
    score = round((competition + opposition + zoning) * weight, 4) if contested else 0.0

    if contested:
        en, de = [], []
        if len(categories) > 1:
            ranked = sorted(categories, key=lambda cat: (-categories[cat], cat))
            en_names = [_name(c, 0) for c in ranked]
            de_names = [_name(c, 1) for c in ranked]
            en_part = f"{en_names[0]} against {_and(en_names[1:], 'and')}"
            de_part = f"{de_names[0]} gegen {_and(de_names[1:], 'und')}"
            if overlap_area_m2 > 0:
                en_part += f" on {_area(overlap_area_m2, 'en')}"
                de_part += f" auf {_area(overlap_area_m2, 'de')}"
            en.append(en_part)
            de.append(de_part)
        if conflicts and proposals:
            en.append(
                f"{_count(conflicts, 'conflict', 'conflicts')} against "
                f"{_count(proposals, 'proposal', 'proposals')}"
            )
            de.append(
                f"{_count(conflicts, 'Einwand', 'Einwände')} gegen "
                f"{_count(proposals, 'Vorschlag', 'Vorschläge')}"
            )
        if incompatible:
            k = incompatible
            zone_text = f" in zone {', '.join(zones)}" if zones else ""
            de_zone = f" in Zone {', '.join(zones)}" if zones else ""
            en.append(f"{_count(k, 'claim', 'claims')} not allowed{zone_text}")
            de.append(f"{_count(k, 'Beitrag', 'Beiträge')}{de_zone} nicht zulässig")
        return Verdict(True, score, {"en": "; ".join(en), "de": "; ".join(de)})

    category = next(iter(categories))
    if conflicts:
        en = f"{_count(people, 'person objects', 'people object')} to {_name(category, 0)} here"
        de = f"{_count(people, 'Person wendet', 'Personen wenden')} sich hier gegen " + _name(
            category, 1
        )
    else:
        en = f"{_count(people, 'person wants', 'people want')} {_name(category, 0)} here"
        de = f"{_count(people, 'Person will', 'Personen wollen')} hier {_name(category, 1)}"
    return Verdict(False, 0.0, {"en": en, "de": de})


def _name(category: str, language: int) -> str:
    return CATEGORY_NAMES.get(category, (category, category))[language]


def _count(k: int, one: str, many: str) -> str:
    return f"{k} {one if k == 1 else many}"


def _and(words: list[str], conjunction: str) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _area(m2: float, language: str) -> str:
    text = f"{m2 / 10_000:.1f} ha" if m2 >= 5_000 else f"{m2:,.0f} m²"
    if language == "de":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text
