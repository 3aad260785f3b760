"""``matcher.__all__`` names every public export, and each resolves."""

from __future__ import annotations

import matcher


def test_all_is_complete_and_resolves() -> None:
    public = {name for name in vars(matcher) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(matcher, name)).__name__ == "module"}
    assert set(matcher.__all__) == public - modules
    for name in matcher.__all__:
        assert getattr(matcher, name) is not None
    assert {"match", "load_models", "Models", "MatchReport", "Encoder"} <= set(matcher.__all__)
