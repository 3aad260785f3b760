"""``matcher.batch_run.screen`` with the real models: ranking, duplicates, unreadable files, the
result cache, blind output and a two-process pool."""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path
from typing import Any

import pytest

from bench.resume_factory import generate_job, generate_resumes
from extract import Limits
from jobfit.config import Config
from jobfit.errors import ModelUnavailable, StorageUnavailable, WorkerLost
from matcher import Models, batch_run, load_models
from matcher.batch_inputs import collect
from matcher.batch_run import ScreenOptions, screen

pytestmark = pytest.mark.slow

REPO_ONNX = Path(__file__).resolve().parents[2] / "var" / "models" / "minilm-l6-int8.onnx"
JOB = generate_job().encode()


@pytest.fixture(scope="module")
def onnx_path(request: pytest.FixtureRequest) -> Path:
    if REPO_ONNX.is_file():
        return REPO_ONNX
    found: Path = request.getfixturevalue("onnx_model")  # exported once per session
    return found


@pytest.fixture(scope="module")
def screen_models(onnx_path: Path) -> Models:
    return load_models(Config(onnx_model=onnx_path))


@pytest.fixture
def config(tmp_path: Path, onnx_path: Path) -> Config:
    return Config(data_dir=tmp_path / "var", onnx_model=onnx_path)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "resumes"
    (root / "nested").mkdir(parents=True)
    resumes = generate_resumes(4, seed=5)
    for resume in resumes[:3]:
        (root / f"{resume.name}.txt").write_text(resume.text)
    resumes[3].render_pdf(root / "nested" / "candidate.pdf")
    (root / "nested" / "copy.txt").write_text(resumes[0].text)
    (root / "empty.txt").write_text("")
    return root


def test_screen_ranks_marks_duplicates_and_reports_errors(
    folder: Path, config: Config, screen_models: Models
) -> None:
    inputs = collect([folder], Limits.from_config(config))
    results, stats = screen(JOB, "job.txt", inputs, config, ScreenOptions(), models=screen_models)
    rows = results.results
    assert (stats.total, stats.scored, stats.duplicates, stats.errors) == (6, 4, 1, 1)
    scores = [r.score for r in rows if r.score is not None]
    assert scores == sorted(scores, reverse=True) and len(scores) == 5
    assert [r.rank for r in rows if r.score is not None] == [1, 2, 3, 4, 5]
    failed = [r for r in rows if r.error is not None]
    assert [(Path(r.file).name, r.error.code) for r in failed if r.error] == [
        ("empty.txt", "empty_document")
    ]
    assert rows[-1].error is not None  # unreadable files last
    duplicate = next(r for r in rows if r.duplicate_of)
    original = next(r for r in rows if r.file == duplicate.duplicate_of)
    assert duplicate.score == original.score and duplicate.id == original.id
    assert all(r.report is not None for r in rows if r.score is not None)
    assert results.job.title and results.scorer == screen_models.scorer

    again, stats = screen(JOB, "job.txt", inputs, config, ScreenOptions(), models=screen_models)
    assert (stats.scored, stats.cached) == (0, 4)  # a rerun reuses every finished result
    assert [r.score for r in again.results] == [r.score for r in rows]


def test_blind_output_has_no_names_emails_or_file_names(
    tmp_path: Path, config: Config, screen_models: Models
) -> None:
    resume = generate_resumes(1, seed=9)[0]
    name_line = resume.header[0]
    path = tmp_path / "in" / f"{name_line.replace(' ', '_')}.txt"
    path.parent.mkdir()
    path.write_text(resume.text)
    inputs = collect([path.parent], Limits.from_config(config))
    results, _ = screen(
        JOB, "job.txt", inputs, config, ScreenOptions(blind=True), models=screen_models
    )
    dumped = results.model_dump_json()
    for part in name_line.split():
        assert part not in dumped
    assert "@example.com" not in dumped
    row = results.results[0]
    assert row.file == f"candidate-{row.id}" and row.report is not None
    assert row.report.candidate is None


def test_two_workers_give_the_same_scores_as_one_and_leave_no_shared_store(
    folder: Path,
    config: Config,
    screen_models: Models,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    inputs = collect([folder], Limits.from_config(config))
    serial, _ = screen(
        JOB, "job.txt", inputs, config, ScreenOptions(use_cache=False), models=screen_models
    )
    pooled, stats = screen(
        JOB, "job.txt", inputs, config, ScreenOptions(workers=2, use_cache=False)
    )
    assert [(r.file, r.score) for r in pooled.results] == [
        (r.file, r.score) for r in serial.results
    ]
    assert stats.peak_rss_kb > 0
    assert not list(scratch.iterdir())  # the workers' shared embeddings went with the screen


def test_a_missing_model_fails_the_screen_with_its_code(folder: Path, tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path / "var", onnx_model=tmp_path / "missing.onnx")
    inputs = collect([folder], Limits.from_config(config))
    for workers in (1, 2):  # in this process, and in the pool's parent before it starts
        with pytest.raises(ModelUnavailable, match="missing.onnx"):
            screen(JOB, "job.txt", inputs, config, ScreenOptions(workers=workers, use_cache=False))


def test_a_worker_that_dies_fails_the_screen_instead_of_hanging(
    folder: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = batch_run.score_document

    def dies_on_the_pdf(data: bytes, filename: str, *args: Any, **kwargs: Any) -> Any:
        if filename.endswith(".pdf"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
        return real(data, filename, *args, **kwargs)

    monkeypatch.setattr(batch_run, "score_document", dies_on_the_pdf)  # the workers fork
    inputs = collect([folder], Limits.from_config(config))
    with pytest.raises(WorkerLost, match="screening worker died"):
        screen(JOB, "job.txt", inputs, config, ScreenOptions(workers=2, use_cache=False))


def test_an_unwritable_data_folder_fails_with_its_code(folder: Path, onnx_path: Path) -> None:
    blocker = folder / "empty.txt"  # a file where the cache's folder should be
    config = Config(data_dir=blocker / "var", onnx_model=onnx_path)
    inputs = collect([folder], Limits.from_config(config))
    with pytest.raises(StorageUnavailable, match="result cache"):
        screen(JOB, "job.txt", inputs, config, ScreenOptions())
