"""Sentence encoders behind one small interface: sentence-transformers (reference) and ONNX int8.

Both return L2-normalised float32 rows, so a dot product is the cosine similarity.
``CachedEncoder`` wraps either with a bounded LRU keyed by text hash, so a JD is embedded once per
batch.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from jobfit.errors import ModelUnavailable
from matcher.onnx_export import packaged_model_dir

MAX_TOKENS = 256  # the model card's max_seq_length
DIMENSIONS = 384
BATCH_SIZE = 32


@runtime_checkable
class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


def _normalise(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.maximum(norms, 1e-12)).astype(np.float32)


class TorchEncoder:
    """The reference: sentence-transformers on CPU with one thread."""

    name = "minilm-torch"

    def __init__(self) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)
        self._model = SentenceTransformer(str(packaged_model_dir()), device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        rows = self._model.encode(
            texts, batch_size=BATCH_SIZE, convert_to_numpy=True, normalize_embeddings=True
        )
        return np.asarray(rows, dtype=np.float32)


class OnnxEncoder:
    """The exported int8 transformer on onnxruntime, with the same tokenizer, pooling and norm."""

    name = "minilm-onnx-int8"

    def __init__(self, model_path: Path) -> None:
        if not model_path.is_file():
            raise ModelUnavailable(
                f"ONNX model not found at {model_path}; run `make install` or "
                f"`jobfit models export-onnx --out {model_path}`"
            )
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        try:
            self._session = ort.InferenceSession(
                str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ModelUnavailable(f"cannot load ONNX model {model_path}: {exc}") from exc
        self._inputs = {node.name for node in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(packaged_model_dir() / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()

    def encode(self, texts: list[str]) -> np.ndarray:
        # One text per run: dynamic int8 quantises activations with one scale per tensor, so a
        # batch's other rows (and padding) would change a text's embedding by up to 0.02 cosine.
        # Batches of one keep every embedding a function of its text alone (deterministic scores)
        # at about 25% less throughput.
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self._encode_one(text)
        return out

    def _encode_one(self, text: str) -> np.ndarray:
        # ``encode``, not ``encode_batch``: the batch call starts a rayon thread pool per process,
        # whose spinning threads take CPU from the other workers of a screen.
        encoding = self._tokenizer.encode(text)
        ids = np.array([encoding.ids], dtype=np.int64)
        mask = np.array([encoding.attention_mask], dtype=np.int64)
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        (tokens,) = self._session.run(["token_embeddings"], feeds)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (tokens * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return _normalise(pooled)[0]


def text_key(text: str) -> bytes:
    """A text's cache key: a 16-byte hash, so caches never hold the text itself."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class CachedEncoder:
    """A bounded, thread-safe LRU of embeddings by text hash around any encoder."""

    def __init__(self, inner: Encoder, max_entries: int = 50_000) -> None:
        self.inner = inner
        self.name = inner.name
        self.max_entries = max_entries
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        keys = [text_key(text) for text in texts]
        rows: dict[bytes, np.ndarray] = {}
        todo: dict[bytes, str] = {}
        with self._lock:
            for key, text in zip(keys, texts, strict=True):
                cached = self._cache.get(key)
                if cached is not None:
                    self._cache.move_to_end(key)
                    rows[key] = cached
                else:
                    todo.setdefault(key, text)
        if todo:  # encode outside the lock; another thread may do the same text, harmlessly
            fresh = self.inner.encode(list(todo.values()))
            with self._lock:
                for key, row in zip(todo, fresh, strict=True):
                    rows[key] = self._cache[key] = row.copy()  # no view on the batch
                while len(self._cache) > self.max_entries:
                    self._cache.popitem(last=False)
        return np.stack([rows[key] for key in keys])

    def __len__(self) -> int:
        return len(self._cache)


def build_encoder(backend: str, onnx_model: Path) -> Encoder:
    """The configured backend: ``onnx`` (default) or ``torch``."""
    if backend == "onnx":
        return OnnxEncoder(onnx_model)
    if backend == "torch":
        return TorchEncoder()
    raise ModelUnavailable(f"unknown encoder backend {backend!r}; use 'onnx' or 'torch'")
