"""Matcher fixtures: the ONNX int8 model is exported once per session into a temp dir, and the
encoder and taxonomy are loaded once and shared by every test."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import CachedEncoder, Models, OnnxEncoder
from matcher.onnx_export import export_onnx
from skills_taxonomy import Taxonomy

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def onnx_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_onnx(tmp_path_factory.mktemp("models") / "minilm-l6-int8.onnx")


@pytest.fixture(scope="session")
def onnx_encoder(onnx_model: Path) -> OnnxEncoder:
    return OnnxEncoder(onnx_model)


@pytest.fixture(scope="session")
def models(taxonomy: Taxonomy, onnx_encoder: OnnxEncoder) -> Models:
    return Models(taxonomy=taxonomy, encoder=CachedEncoder(onnx_encoder))
