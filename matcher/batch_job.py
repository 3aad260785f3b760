"""The job embedded once per screening, whatever the number of workers.

``embed_job`` encodes the posting's texts (title, requirement lines, skill names, fields of study)
once; ``SeededEncoder`` then answers those texts from the stored rows and passes every other text
(the resume's) to the worker's own encoder. In ``jobfit screen`` the first pool worker embeds the
job under the lock of the screen's shared embeddings and the others read its rows
(``matcher.batch_run``); a queue worker process embeds a posting on first use and keeps it by job
hash.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.records import Job
from matcher.encoder import DIMENSIONS, Encoder


@dataclass(frozen=True)
class JobVectors:
    """The job's texts and their embeddings (one L2-normalised float32 row per text)."""

    texts: tuple[str, ...]
    vectors: np.ndarray


def job_texts(job: Job) -> list[str]:
    """Every text of the posting the matcher embeds, each once, in a stable order."""
    found = [
        job.title or "",
        *(requirement.text for requirement in job.requirements),
        *(skill.name for skill in job.skills),
        *job.education.fields,
    ]
    return [text for text in dict.fromkeys(found) if text]


def embed_job(job: Job, encoder: Encoder) -> JobVectors:
    texts = job_texts(job)
    vectors = (
        encoder.encode(texts) if texts else np.zeros((0, DIMENSIONS), dtype=np.float32)
    ).astype(np.float32)
    return JobVectors(texts=tuple(texts), vectors=vectors)


class SeededEncoder:
    """An encoder that knows the job's embeddings already and encodes only the other texts."""

    def __init__(self, inner: Encoder, seed: JobVectors) -> None:
        self.inner = inner
        self.name = inner.name  # same embeddings, so the same scorer version
        self._rows = {text: seed.vectors[row] for row, text in enumerate(seed.texts)}

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        for row, text in enumerate(texts):
            known = self._rows.get(text)
            if known is not None:
                out[row] = known
            else:
                missing.setdefault(text, []).append(row)
        if missing:
            fresh = self.inner.encode(list(missing))
            for vector, rows in zip(fresh, missing.values(), strict=True):
                out[rows] = vector
        return out
