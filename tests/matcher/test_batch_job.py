"""``matcher.batch_job``: the job's texts, embedded once, answer for the job in a worker's encoder;
every other text still goes to the real encoder, and scores do not change."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from bench.resume_factory import generate_job, generate_resumes
from extract import parse_job, parse_resume, read_document
from extract.records import Job
from matcher import Encoder, Models, OnnxEncoder, match
from matcher.batch_job import SeededEncoder, embed_job, job_texts
from skills_taxonomy import Taxonomy

pytestmark = pytest.mark.slow

REPO_ONNX = Path(__file__).resolve().parents[2] / "var" / "models" / "minilm-l6-int8.onnx"


class CountingEncoder:
    """The real encoder, counting every text it is asked to encode."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.encoded: Counter[str] = Counter()

    def encode(self, texts: list[str]) -> np.ndarray:
        self.encoded.update(texts)
        return self.inner.encode(texts)


@pytest.fixture(scope="module")
def encoder(request: pytest.FixtureRequest) -> OnnxEncoder:
    if REPO_ONNX.is_file():
        return OnnxEncoder(REPO_ONNX)
    found: OnnxEncoder = request.getfixturevalue("onnx_encoder")  # exported once per session
    return found


@pytest.fixture(scope="module")
def job(taxonomy: Taxonomy) -> Job:
    return parse_job(read_document(generate_job().encode(), "job.txt"), taxonomy)


def test_job_texts_are_distinct_non_empty_and_cover_what_the_matcher_embeds(job: Job) -> None:
    texts = job_texts(job)
    assert len(texts) == len(set(texts)) and all(texts)
    assert job.title in texts
    assert {r.text for r in job.requirements} <= set(texts)
    assert {s.name for s in job.skills} <= set(texts)


def test_seeded_rows_equal_the_encoders_and_other_texts_pass_through(
    job: Job, encoder: OnnxEncoder
) -> None:
    seed = embed_job(job, encoder)
    counting = CountingEncoder(encoder)
    seeded = SeededEncoder(counting, seed)
    assert seeded.name == encoder.name
    first = seed.texts[0]
    asked = [first, "Closed $2M in new ARR", first, "Closed $2M in new ARR", seed.texts[-1]]
    rows = seeded.encode(asked)
    assert rows.shape == (5, seed.vectors.shape[1]) and rows.dtype == np.float32
    assert np.allclose(rows, encoder.encode(asked), atol=1e-6)
    assert counting.encoded == Counter({"Closed $2M in new ARR": 1})  # once, job texts never
    assert seeded.encode([]).shape == (0, seed.vectors.shape[1])


def test_a_seeded_encoder_gives_the_same_report_and_never_embeds_the_job_again(
    job: Job, encoder: OnnxEncoder, taxonomy: Taxonomy
) -> None:
    counting = CountingEncoder(encoder)
    seeded = Models(taxonomy=taxonomy, encoder=SeededEncoder(counting, embed_job(job, encoder)))
    plain = Models(taxonomy=taxonomy, encoder=encoder)
    for sample in generate_resumes(3, seed=17):
        resume = parse_resume(read_document(sample.text.encode(), "r.txt"), taxonomy)
        assert match(resume, job, seeded) == match(resume, job, plain)
    assert not set(counting.encoded) & set(job_texts(job))
