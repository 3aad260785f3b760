"""matcher: an explainable embedding-plus-rules match of a resume against a job posting.

from matcher import load_models, match
models = load_models(Config.from_env())   # once per process
report = match(resume, job, models)        # MatchReport
"""

from matcher.encoder import CachedEncoder, Encoder, OnnxEncoder, TorchEncoder, build_encoder
from matcher.models import Models, load_models
from matcher.records import (
    Component,
    Evidence,
    ExperienceFit,
    Gap,
    Matched,
    MatchReport,
    Missing,
    RequirementResult,
    Suggestion,
)
from matcher.report import match

__all__ = [
    "CachedEncoder",
    "Component",
    "Encoder",
    "Evidence",
    "ExperienceFit",
    "Gap",
    "MatchReport",
    "Matched",
    "Missing",
    "Models",
    "OnnxEncoder",
    "RequirementResult",
    "Suggestion",
    "TorchEncoder",
    "build_encoder",
    "load_models",
    "match",
]
