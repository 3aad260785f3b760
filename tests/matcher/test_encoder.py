"""The two encoder backends agree; the cache; offline failure modes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from jobfit.errors import ModelUnavailable
from matcher import CachedEncoder, OnnxEncoder, TorchEncoder, build_encoder

SENTENCES = [
    "Closed $1.4M in new ARR in 2024, 124% of quota.",
    "Ran MEDDPICC on every opportunity over $50K.",
    "Managed a pipeline of 60 opportunities in Salesforce.",
    "Booked 25 meetings per month through cold calling and Outreach sequences.",
    "3+ years of closing experience as an Account Executive in B2B SaaS",
    "Experience with MEDDIC or MEDDPICC",
    "Cared for two critically ill ICU patients per shift, including ventilated patients.",
    "Active RN licence in the state",
    "Built REST microservices in Java with Spring Boot and deployed them on Kubernetes.",
    "Prepared monthly reconciliations and supported the year-end audit.",
    "Account Executive",
    "Bachelor's degree in Business or equivalent experience",
]


@pytest.mark.slow
def test_onnx_int8_agrees_with_the_torch_reference(onnx_encoder: OnnxEncoder) -> None:
    reference = TorchEncoder().encode(SENTENCES)
    exported = onnx_encoder.encode(SENTENCES)
    assert exported.dtype == np.float32 and exported.shape == (len(SENTENCES), 384)
    assert np.allclose(np.linalg.norm(exported, axis=1), 1.0, atol=1e-4)
    cosines = (reference * exported).sum(axis=1)
    assert cosines.min() >= 0.98, cosines


@pytest.mark.slow
def test_onnx_embedding_depends_on_the_text_alone(onnx_encoder: OnnxEncoder) -> None:
    alone = onnx_encoder.encode([SENTENCES[0]])
    in_a_batch = onnx_encoder.encode(SENTENCES)[:1]
    assert np.array_equal(alone, in_a_batch)


@pytest.mark.slow
def test_cache_is_bounded_and_returns_the_same_rows(onnx_encoder: OnnxEncoder) -> None:
    cache = CachedEncoder(onnx_encoder, max_entries=4)
    first = cache.encode(SENTENCES[:3])
    assert len(cache) == 3
    again = cache.encode(list(reversed(SENTENCES[:3])))
    assert np.array_equal(first[::-1], again)
    cache.encode(SENTENCES[3:8])
    assert len(cache) == 4
    assert cache.encode([]).shape == (0, 384)
    assert cache.name == onnx_encoder.name == "minilm-onnx-int8"


def test_a_missing_onnx_model_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="make install"):
        OnnxEncoder(tmp_path / "absent.onnx")
    with pytest.raises(ModelUnavailable, match="jobfit models export-onnx"):
        build_encoder("onnx", tmp_path / "absent.onnx")
    with pytest.raises(ModelUnavailable, match="unknown encoder"):
        build_encoder("tensorflow", tmp_path / "absent.onnx")
