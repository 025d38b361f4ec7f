"""Contest score and explanation (pure)."""

import pytest
from shapely.geometry import LineString, Point, box

from spatial.engine import overlap_area
from spatial.score import Claim, contest_verdict


def claims(*specs):
    return [Claim(category=c, kind=k, author=i) for i, (c, k) in enumerate(specs)]


def test_different_categories_on_the_same_space_are_contested_with_the_area():
    verdict = contest_verdict(
        claims(("housing", "proposal"), ("housing", "proposal"), ("green_space", "proposal")),
        overlap_area_m2=8_000,
    )
    assert verdict.contested
    assert verdict.explanation["en"] == "housing against green space on 0.8 ha"
    assert verdict.explanation["de"] == "Wohnen gegen Grünfläche auf 0,8 ha"


def test_conflicts_against_proposals_are_counted():
    verdict = contest_verdict(
        claims(*[("mobility", "conflict")] * 2, *[("mobility", "proposal")] * 5)
    )
    assert verdict.contested
    assert verdict.explanation["en"] == "2 conflicts against 5 proposals"
    assert verdict.explanation["de"] == "2 Einwände gegen 5 Vorschläge"


def test_claims_not_allowed_by_zoning_name_the_zone():
    zoned = [
        Claim("housing", "proposal", author=i, zoning="incompatible", incompatible_zones=("WA",))
        for i in range(3)
    ]
    verdict = contest_verdict(zoned + [Claim("housing", "proposal", author=9, zoning="compatible")])
    assert verdict.contested
    assert verdict.explanation["en"] == "3 claims not allowed in zone WA"
    assert verdict.explanation["de"] == "3 Beiträge in Zone WA nicht zulässig"


def test_all_reasons_are_joined_and_small_areas_are_given_in_square_metres():
    verdict = contest_verdict(
        claims(("housing", "proposal"), ("green_space", "conflict"), ("mobility", "proposal")),
        overlap_area_m2=1234,
    )
    assert verdict.explanation["en"] == (
        "green space against housing and mobility on 1,234 m²; 1 conflict against 2 proposals"
    )


def test_many_people_wanting_the_same_is_convergent_with_score_zero():
    same = [Claim("green_space", "proposal", author=i % 12) for i in range(15)]
    verdict = contest_verdict(same)
    assert not verdict.contested
    assert verdict.score == 0
    assert verdict.explanation["en"] == "12 people want green space here"
    assert verdict.explanation["de"] == "12 Personen wollen hier Grünfläche"


def test_more_claims_and_balance_raise_the_score():
    small = contest_verdict(claims(("housing", "proposal"), ("green_space", "proposal")))
    big = contest_verdict(claims(*[("housing", "proposal"), ("green_space", "proposal")] * 5))
    lopsided = contest_verdict(claims(*[("housing", "proposal")] * 9, ("green_space", "proposal")))
    assert big.score > small.score > 0
    assert big.score > lopsided.score


def test_overlap_area_counts_only_space_claimed_twice():
    assert overlap_area([box(0, 0, 10, 10), box(5, 0, 15, 10)]) == pytest.approx(50)
    three = [box(0, 0, 10, 10), box(5, 0, 15, 10), box(0, 0, 15, 10)]
    assert overlap_area(three) == pytest.approx(150)
    assert overlap_area([box(0, 0, 1, 1), Point(0.5, 0.5), LineString([(0, 0), (1, 1)])]) == 0


def test_overlap_area_sweep_for_large_groups_agrees_with_the_exact_answer():
    squares = [box(i, 0, i + 100, 10) for i in range(0, 200)]  # > 2,000 intersecting pairs
    assert overlap_area(squares) == pytest.approx(299 * 10 - 100 * 0 - 20)


def test_overlap_per_cluster_is_exact_for_small_and_a_hull_estimate_for_large_clusters():
    import numpy as np

    from spatial.engine import EXACT_OVERLAP_LIMIT, overlap_areas

    small = [box(0, 0, 10, 10), box(5, 0, 15, 10), box(0, 0, 15, 10)]  # exact: 150
    big = [box(1000 + i, 0, 1010 + i, 10) for i in range(EXACT_OVERLAP_LIMIT + 1)]
    lonely_pair = [box(5000, 0, 5010, 10), box(5005, 0, 5015, 10)]
    geoms = small + big + lonely_pair
    group = np.array([0] * 3 + [1] * len(big) + [2, 2])
    areas = overlap_areas(geoms, group, 3)
    assert areas[0] == pytest.approx(150)
    assert areas[1] == pytest.approx((EXACT_OVERLAP_LIMIT + 10) * 10)  # the hull
    assert areas[2] == pytest.approx(50)


def test_cluster_rows_know_every_proposal_category():
    from proposals.models import Category
    from spatial.rows import CATEGORIES

    assert CATEGORIES.tolist() == sorted(Category.values)
