"""Matcher speed: warm ``match`` p50/p95 and its ratio to the bare encoder on the same sentences,
cold start (process start to first match) and encoder throughput for both backends, model sizes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median, quantiles

import numpy as np

from bench import REPO
from extract import Job, Resume, parse_job, parse_resume, read_document
from jobfit.config import Config
from matcher import CachedEncoder, Encoder, Models, OnnxEncoder, TorchEncoder, match
from matcher.onnx_export import export_onnx, packaged_model_dir
from skills_taxonomy import Taxonomy, load_taxonomy

LABELLED = REPO / "evals" / "labelled"
RESUME = LABELLED / "resumes" / "ae_midmarket.txt"
JOB = LABELLED / "jobs" / "ae_midmarket.txt"
RUNS = 40


class _Recorder:
    """Passes through and remembers every text the matcher asks to embed."""

    def __init__(self, inner: Encoder) -> None:
        self.inner, self.name = inner, inner.name
        self.texts: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.encode(texts)


def _onnx_path() -> Path:
    path = Config.from_env().onnx_model
    if path.is_file():
        return path
    return export_onnx(Path(tempfile.mkdtemp(prefix="jobfit-bench-")) / "minilm-l6-int8.onnx")


def run() -> str:
    taxonomy = load_taxonomy()
    resume = parse_resume(read_document(RESUME.read_bytes(), RESUME.name), taxonomy)
    job = parse_job(read_document(JOB.read_bytes(), JOB.name), taxonomy)
    onnx_path = _onnx_path()
    encoders: dict[str, Encoder] = {"onnx-int8": OnnxEncoder(onnx_path), "torch": TorchEncoder()}
    lines = [
        "## Matcher\n",
        f"Resume `{RESUME.name}` against posting `{JOB.name}` (labelled set), one thread "
        f"(OMP_NUM_THREADS=1, onnxruntime intra/inter-op 1). Warm = models loaded; every run "
        f"starts with an empty embedding cache unless stated. {RUNS} runs. Load average at "
        f"start: {os.getloadavg()[0]:.1f} (figures scale with it on a shared machine).\n",
        "| Backend | match p50 | match p95 | bare encode p50 (same sentences) | ratio | "
        "match p50, cache warm | sentences embedded |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, encoder in encoders.items():
        lines.append(_warm_row(name, encoder, resume, job, taxonomy))
    lines += [
        "",
        "| Backend | cold start to first match | peak RSS | throughput (sentences/s) |",
        "|---|---|---|---|",
    ]
    sentences = _sentences(encoders["onnx-int8"], resume, job, taxonomy)
    for name, encoder in encoders.items():
        cold, rss = _cold_start("onnx" if name == "onnx-int8" else "torch", onnx_path)
        rate = _throughput(encoder, sentences)
        lines.append(f"| {name} | {cold:.2f} s | {rss:.0f} MB | {rate:.0f} |")
    weights = packaged_model_dir() / "model.safetensors"
    lines += [
        "",
        f"Model files: ONNX int8 {onnx_path.stat().st_size / 1e6:.1f} MB; packaged fp32 "
        f"safetensors {weights.stat().st_size / 1e6:.1f} MB (plus torch and sentence-transformers "
        f"in memory, see peak RSS).",
        "Goals: warm p50 ≤ 150 ms, ratio ≤ 1.3, cold start ≤ 5 s. The ONNX encoder embeds one "
        "text per run (dynamic int8 quantises activations per tensor, so batching would make a "
        "text's embedding depend on its batch-mates); throughput is measured the same way.\n",
    ]
    return "\n".join(lines)


def _sentences(encoder: Encoder, resume: Resume, job: Job, taxonomy: Taxonomy) -> list[str]:
    recorder = _Recorder(encoder)
    match(resume, job, Models(taxonomy=taxonomy, encoder=CachedEncoder(recorder)))
    return list(dict.fromkeys(recorder.texts))


def _warm_row(name: str, encoder: Encoder, resume: Resume, job: Job, taxonomy: Taxonomy) -> str:
    sentences = _sentences(encoder, resume, job, taxonomy)
    match_times, encode_times = [], []
    for _ in range(RUNS):
        models = Models(taxonomy=taxonomy, encoder=CachedEncoder(encoder))
        started = time.perf_counter()
        match(resume, job, models)
        match_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        encoder.encode(sentences)
        encode_times.append(time.perf_counter() - started)
    warm_models = Models(taxonomy=taxonomy, encoder=CachedEncoder(encoder))
    match(resume, job, warm_models)
    cached = []
    for _ in range(RUNS):
        started = time.perf_counter()
        match(resume, job, warm_models)
        cached.append(time.perf_counter() - started)
    p50, p95 = median(match_times), quantiles(match_times, n=20)[18]
    bare = median(encode_times)
    return (
        f"| {name} | {p50 * 1000:.0f} ms | {p95 * 1000:.0f} ms | {bare * 1000:.0f} ms | "
        f"{p50 / bare:.2f} | {median(cached) * 1000:.0f} ms | {len(sentences)} |"
    )


def _throughput(encoder: Encoder, sentences: list[str]) -> float:
    texts = [f"{s} ({i})" for i in range(4) for s in sentences]  # uncached, realistic lengths
    started = time.perf_counter()
    encoder.encode(texts)
    return len(texts) / (time.perf_counter() - started)


_COLD = """
import json, resource, sys, time
from jobfit.config import Config
from matcher import load_models, match
from extract import Job, Resume, parse_job, parse_resume, read_document
models = load_models(Config.from_env())
resume = parse_resume(read_document(open(sys.argv[1], 'rb').read(), 'r.txt'), models.taxonomy)
job = parse_job(read_document(open(sys.argv[2], 'rb').read(), 'j.txt'), models.taxonomy)
match(resume, job, models)
print(json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _cold_start(backend: str, onnx_path: Path) -> tuple[float, float]:
    env = {
        **os.environ,
        "JOBFIT_ENCODER": backend,
        "JOBFIT_ONNX_MODEL": str(onnx_path),
        "OMP_NUM_THREADS": "1",
        "HF_HUB_OFFLINE": "1",
    }
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _COLD, str(RESUME), str(JOB)],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"cold-start run ({backend}) failed: {tail[0]}")
    elapsed = time.perf_counter() - started
    return elapsed, float(json.loads(done.stdout.strip().splitlines()[-1])["rss_mb"])
