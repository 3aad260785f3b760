"""schemathesis against /openapi.json on the WSGI app: no 5xx, every response documented and
matching its schema. Bounded: 20 generated requests per operation.

(schemathesis' pytest plugin, ``from_fixture``, does not run on pytest 9, so each operation's
hypothesis strategy is driven directly.)
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import blueprint_modules

pytestmark = pytest.mark.slow

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
OPERATIONS = sorted(
    (op.method.upper(), op.path)
    for module in blueprint_modules()
    for op in getattr(module, "OPERATIONS", [])
)


@pytest.fixture(scope="module")
def api_schema(models: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from api.app import create_app
    from jobfit.config import Config
    from tests.api.conftest import ONNX_MODEL

    # small file limits keep generated uploads cheap; a high rate limit keeps 429s out of the way
    config = Config(
        data_dir=tmp_path_factory.mktemp("schemathesis"),
        onnx_model=ONNX_MODEL,
        max_file_bytes=64 * 1024,
        max_request_bytes=256 * 1024,
        parse_timeout_s=5.0,
        rate_limit="100000/minute",
        testing=True,
    )
    app: Flask = create_app(config, models=models)
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    schema.config.generation.update(with_security_parameters=False)
    yield schema
    app.extensions["jobfit"].database.dispose()


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_conforms_to_the_openapi_document(
    api_schema: Any, method: str, path: str
) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=20,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def check(case: Any) -> None:
        case.call_and_validate(checks=CHECKS)

    check()
