"""Components, weights, score and band.

score = 100 * sum(weight * value) over the components that apply, with the weights renormalised
to sum to one; values and weights are rounded before the sum, so anyone can recompute the score
from the report. Bands: strong >= 75, good >= 60, partial >= 40, weak below (tuned on
evals/labelled; see docs/ACCURACY.md). A hard flag — a required licence such as RN missing — caps
the band at partial whatever the score.
"""

from __future__ import annotations

from matcher.records import Band, Component

BASE_WEIGHTS: dict[str, float] = {
    "required_skills": 0.25,
    "preferred_skills": 0.08,
    "experience_years": 0.15,
    "requirement_evidence": 0.22,
    "education": 0.06,
    "certifications": 0.06,
    "achievements": 0.08,
    "title_fit": 0.10,
}
LICENCE_WEIGHT = 0.20  # certifications weight when the posting requires a licence (RN, CPA)
BANDS: tuple[tuple[float, Band], ...] = ((75.0, "strong"), (60.0, "good"), (40.0, "partial"))


def component(
    name: str, value: float | None, reason: str, base_weight: float | None = None
) -> Component:
    """A component before normalisation; ``value=None`` means it does not apply."""
    weight = BASE_WEIGHTS[name] if base_weight is None else base_weight
    if value is None:
        if not reason.endswith("not scored"):
            reason += "; not scored"
        return Component(name=name, value=0.0, weight=0.0, reason=reason, applies=False)
    return Component(
        name=name, value=round(min(1.0, max(0.0, value)), 4), weight=weight, reason=reason
    )


def normalise(components: list[Component]) -> list[Component]:
    """Weights renormalised over the components that apply (4 decimals)."""
    total = sum(c.weight for c in components if c.applies)
    if total <= 0:
        return components
    return [
        c.model_copy(update={"weight": round(c.weight / total, 4) if c.applies else 0.0})
        for c in components
    ]


def score_of(components: list[Component]) -> float:
    """100 x sum(w v) / sum(w) over applying components, 1 decimal."""
    applying = [c for c in components if c.applies and c.weight > 0]
    total = sum(c.weight for c in applying)
    if total <= 0:
        return 0.0
    return round(100.0 * sum(c.weight * c.value for c in applying) / total, 1)


def band_of(score: float, hard_flag: bool = False) -> Band:
    """The band of a score; a hard flag (a required licence missing) caps it at partial."""
    for floor, band in BANDS:
        if score >= floor:
            return "partial" if hard_flag and band in ("strong", "good") else band
    return "weak"
