"""``matcher.shared_embeddings``: a text one process has encoded is read, not encoded again, by the
other processes of a screen; the rows are the encoder's own, and the store holds no text."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from jobfit.errors import StorageUnavailable
from matcher import OnnxEncoder
from matcher.shared_embeddings import LOOKUP_BATCH, SharedEmbeddings, create_store
from tests.matcher.test_batch_job import CountingEncoder

pytestmark = pytest.mark.slow

TEXTS = ["Closed $2M in new ARR", "Salesforce", "Exceeded quota by 140% in FY23"]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "embeddings.sqlite"
    create_store(path)
    return path


def test_rows_equal_the_encoders_and_a_stored_text_is_never_encoded_again(
    store: Path, onnx_encoder: OnnxEncoder
) -> None:
    first, second = CountingEncoder(onnx_encoder), CountingEncoder(onnx_encoder)
    one, two = SharedEmbeddings(first, store), SharedEmbeddings(second, store)
    asked = [TEXTS[0], TEXTS[1], TEXTS[0]]
    assert np.allclose(one.encode(asked), onnx_encoder.encode(asked), atol=1e-6)
    assert first.encoded == Counter({TEXTS[0]: 1, TEXTS[1]: 1})

    rows = two.encode(TEXTS)
    assert np.allclose(rows, onnx_encoder.encode(TEXTS), atol=1e-6)
    assert second.encoded == Counter({TEXTS[2]: 1})  # the other two came from the store
    assert two.encode([]).shape == (0, rows.shape[1])
    assert one.name == two.name == onnx_encoder.name


def test_a_call_with_more_texts_than_one_lookup_holds(
    store: Path, onnx_encoder: OnnxEncoder
) -> None:
    texts = [f"Sold {n} seats" for n in range(LOOKUP_BATCH + 3)]
    counting = CountingEncoder(onnx_encoder)
    SharedEmbeddings(counting, store).encode(texts)
    again = CountingEncoder(onnx_encoder)
    rows = SharedEmbeddings(again, store).encode(texts)
    assert not again.encoded and rows.shape[0] == len(texts)
    assert np.allclose(rows[-1], onnx_encoder.encode([texts[-1]])[0], atol=1e-6)


def _encode_in_child(store: Path, model: Path) -> None:
    SharedEmbeddings(OnnxEncoder(model), store).encode(TEXTS)


def test_embeddings_made_in_another_process_are_shared(
    store: Path, onnx_encoder: OnnxEncoder, onnx_model: Path
) -> None:
    context = multiprocessing.get_context("spawn")
    child = context.Process(target=_encode_in_child, args=(store, onnx_model))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == 0
    counting = CountingEncoder(onnx_encoder)
    rows = SharedEmbeddings(counting, store).encode(TEXTS)
    assert not counting.encoded
    assert np.allclose(rows, onnx_encoder.encode(TEXTS), atol=1e-6)


def _embed_exclusively(store: Path, model: Path, start: Any, counts: Any) -> None:
    counting = CountingEncoder(OnnxEncoder(model))
    shared = SharedEmbeddings(counting, store)
    start.wait()
    with shared.exclusive():
        shared.encode(TEXTS)
    counts.put(sum(counting.encoded.values()))


def test_processes_embedding_the_same_texts_at_once_encode_them_once(
    store: Path, onnx_model: Path
) -> None:
    context = multiprocessing.get_context("spawn")
    start, counts = context.Event(), context.Queue()
    children = [
        context.Process(target=_embed_exclusively, args=(store, onnx_model, start, counts))
        for _ in range(3)
    ]
    for child in children:
        child.start()
    start.set()
    encoded = sorted(counts.get(timeout=120) for _ in children)
    for child in children:
        child.join(timeout=60)
    assert encoded == [0, 0, len(TEXTS)]


def test_the_store_holds_no_text(store: Path, onnx_encoder: OnnxEncoder) -> None:
    shared = SharedEmbeddings(onnx_encoder, store)
    shared.encode(TEXTS)
    shared.close()
    stored = b"".join(p.read_bytes() for p in store.parent.glob("embeddings.sqlite*"))
    for text in TEXTS:
        assert text.encode() not in stored
        assert b"Salesforce" not in stored


def test_a_store_that_cannot_be_created_fails_with_its_code(tmp_path: Path) -> None:
    with pytest.raises(StorageUnavailable, match="shared embeddings"):
        create_store(tmp_path / "missing" / "embeddings.sqlite")
