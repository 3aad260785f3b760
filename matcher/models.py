"""The one loader of the matcher's heavy objects: build once per process and pass in."""

from __future__ import annotations

from dataclasses import dataclass

from jobfit import __version__
from jobfit.config import Config
from matcher.encoder import CachedEncoder, Encoder, build_encoder
from skills_taxonomy import Taxonomy, load_taxonomy


@dataclass(frozen=True)
class Models:
    taxonomy: Taxonomy
    encoder: Encoder

    @property
    def scorer(self) -> str:
        """The scorer version: same inputs and same scorer always give the same score."""
        return f"jobfit-{__version__}+{self.encoder.name}"


def load_models(config: Config, *, cache_entries: int = 50_000) -> Models:
    """The taxonomy and the configured encoder (ONNX int8 by default), wrapped in an LRU cache."""
    encoder = CachedEncoder(build_encoder(config.encoder, config.onnx_model), cache_entries)
    return Models(taxonomy=load_taxonomy(), encoder=encoder)
