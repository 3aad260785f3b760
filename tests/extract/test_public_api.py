"""``extract.__all__`` stays complete: every public record and function is re-exported."""

from __future__ import annotations

import extract
from extract import records


def test_all_names_resolve() -> None:
    for name in extract.__all__:
        assert hasattr(extract, name), name


def test_every_record_is_exported() -> None:
    models = {
        name
        for name, value in vars(records).items()
        if isinstance(value, type)
        and issubclass(value, records.BaseModel)
        and value is not records.BaseModel
    }
    assert models <= set(extract.__all__)
    assert {"read_document", "Limits", "parse_resume", "parse_job", "to_json_resume"} <= set(
        extract.__all__
    )
