"""Configuration: embedded defaults, then `JOBFIT_*` environment variables, then overrides.

Shared by every layer; it reads the environment only when ``Config.from_env`` is called.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DATA_DIR = Path(os.environ.get("JOBFIT_DATA_DIR", "var"))
# where prometheus_client keeps each process's metrics; read when it is first imported
METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"


@dataclass(frozen=True)
class Config:
    data_dir: Path = DATA_DIR
    database_url: str = ""  # empty: SQLite under data_dir
    redis_url: str = ""  # empty: rate limits in memory, queue in SQLite
    encoder: str = "onnx"  # onnx (int8, default) or torch (sentence-transformers reference)
    onnx_model: Path = DATA_DIR / "models" / "minilm-l6-int8.onnx"
    max_file_bytes: int = 10 * 1024 * 1024
    max_request_bytes: int = 60 * 1024 * 1024
    max_pages: int = 20
    parse_timeout_s: float = 20.0
    rate_limit: str = "60/minute"
    cors_origins: tuple[str, ...] = ()
    retention_days: int = 30
    queue_name: str = "jobfit"  # the web server and its workers must name the same queue
    queue_lease_s: float = 300.0
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "INFO"
    testing: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'jobfit.db').resolve()}"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: Any) -> Config:
        env = dict(os.environ if env is None else env)
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"JOBFIT_{f.name.upper()}")
            if raw is None or f.name == "extra":
                continue
            values[f.name] = _parse(f.type, raw)
        values.setdefault("database_url", env.get("DATABASE_URL", ""))
        values.setdefault("redis_url", env.get("REDIS_URL", ""))
        if "data_dir" in values and "onnx_model" not in values:
            values["onnx_model"] = Path(values["data_dir"]) / "models" / "minilm-l6-int8.onnx"
        return replace(cls(**values), **overrides)


def _parse(type_name: Any, raw: str) -> Any:
    kind = str(type_name)
    if "tuple" in kind:
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    if kind == "int":
        return int(raw)
    if kind == "float":
        return float(raw)
    if kind == "bool":
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if kind == "Path":
        return Path(raw)
    return raw
