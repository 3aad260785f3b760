"""Fixtures for the service tests: the models load once per session; each test gets its own app
(own database, limits and keys) built around them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from jobfit.config import Config

REPO = Path(__file__).resolve().parents[2]
ONNX_MODEL = REPO / "var" / "models" / "minilm-l6-int8.onnx"
POSTGRES_ADMIN = "postgresql+psycopg2://postgres@127.0.0.1:5432/test"

RESUME_TEXT = """Jordan Lee
jordan.lee@example.com | +1 415 555 0100 | San Francisco, CA

SUMMARY
Account Executive with 6 years of B2B SaaS sales experience, closing mid-market deals.

EXPERIENCE
Senior Account Executive, Acme Cloud — Jan 2021 to Present
- Closed $1.4M in new ARR in 2023, 128% of quota, ranked #2 of 18 reps
- Ran full-cycle sales with MEDDICC and managed pipeline in Salesforce
- Prospected with Outreach and LinkedIn Sales Navigator

Account Executive, Beta Software — Mar 2018 to Dec 2020
- Achieved 112% of annual quota; average deal size $45K
- Negotiated multi-year contracts with VP-level buyers

EDUCATION
B.A. Economics, State University, 2017

SKILLS
Salesforce, HubSpot, Outreach, Gong, MEDDICC, negotiation, forecasting
"""

JOB_TEXT = """Account Executive, Mid-Market

We are hiring an Account Executive to sell our analytics platform to mid-market companies.

Requirements:
- 3+ years of B2B SaaS closing experience
- Track record of exceeding quota
- Experience with Salesforce CRM
- Familiarity with MEDDICC or MEDDPICC

Nice to have:
- Experience with Gong
- Bachelor's degree
"""


@pytest.fixture(scope="session")
def models() -> Any:
    from matcher import load_models

    encoder = "onnx" if ONNX_MODEL.is_file() else "torch"
    return load_models(Config(encoder=encoder, onnx_model=ONNX_MODEL))


@pytest.fixture
def base_config(tmp_path: Path) -> Config:
    return Config(
        data_dir=tmp_path / "var",
        onnx_model=ONNX_MODEL,
        rate_limit="10000/minute",
        testing=True,
    )


@pytest.fixture
def make_app(base_config: Config, models: Any) -> Iterator[Callable[..., Flask]]:
    """``make_app(**config_overrides)``: a fresh app around the session's models."""
    from api.app import create_app
    from api.runtime import EXTENSION

    built: list[Flask] = []

    def build(**overrides: Any) -> Flask:
        app = create_app(replace(base_config, **overrides), models=models)
        built.append(app)
        return app

    yield build
    for app in built:
        app.extensions[EXTENSION].database.dispose()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def postgres_available() -> bool:
    engine = create_engine(POSTGRES_ADMIN)
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
    except OperationalError:
        return False
    finally:
        engine.dispose()
    return True


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL to a unique PostgreSQL schema in the test database, dropped afterwards."""
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    schema = f"jobfit_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a unique PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'jobfit.db'}"
        return
    with postgres_schema() as url:
        yield url
