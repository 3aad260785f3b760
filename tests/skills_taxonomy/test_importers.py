"""The ESCO and O*NET importers on fixture files, and once on the real shared releases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobfit.errors import TaxonomyError
from skills_taxonomy import Taxonomy
from skills_taxonomy.importers.esco import import_esco
from skills_taxonomy.importers.onet import import_onet
from skills_taxonomy.importers.overlay import read_attributions, slug
from skills_taxonomy.loading import load_taxonomy, merge_overlay, read_curated, read_overlay

FIXTURES = Path(__file__).parent / "fixtures"


def overlay_taxonomy(mini: Taxonomy, out: Path) -> Taxonomy:
    return Taxonomy(merge_overlay(list(mini.entries), read_overlay(out)))


def test_onet_fixture(mini: Taxonomy, tmp_path: Path) -> None:
    summary = import_onet(FIXTURES / "onet", tmp_path, mini)
    records = [json.loads(line) for line in summary.path.read_text().splitlines()]
    by_name = {r["name"]: r for r in records}
    # a curated entry already names these: left to it
    assert "Salesforce software" not in by_name and "Atlassian JIRA" not in by_name
    # the CRM commodity carries the curated entry's O*NET code: products hang under crm-software
    assert by_name["Pipedrive"]["parents"] == ["crm-software"]
    assert by_name["Acme Widget Studio"]["parents"] == ["onet-43232201"]
    assert by_name["Content workflow software"]["parents"] == ["onet-43232200"]
    assert by_name["Content management software"]["category"] == "tool"
    assert by_name["Claw hammers"]["parents"] == ["onet-27111602"]
    carpenters = by_name["Carpenters"]
    assert carpenters["category"] == "job_title"
    assert carpenters["aliases"] == ["Finish Carpenter", "Framing Carpenter", "Framer"]
    assert summary.skipped_for_curated == 3  # JIRA, Salesforce software, the CRM commodity
    assert "CC BY 4.0" in summary.attribution
    assert read_attributions(tmp_path) == [summary.attribution]

    merged = overlay_taxonomy(mini, tmp_path)
    pipedrive = merged.lookup("pipedrive")
    assert pipedrive is not None and merged.satisfies(pipedrive.id, "crm-software")
    assert merged.lookup("Framer") is not None
    assert merged.get("salesforce").source == "curated"


def test_onet_bare_cr_lines_are_rows(mini: Taxonomy, tmp_path: Path) -> None:
    import_onet(FIXTURES / "onet", tmp_path, mini)
    names = {json.loads(line)["name"] for line in (tmp_path / "onet.jsonl").open()}
    assert {"Pipedrive", "Zoho CRM"} <= names


def test_esco_formatted(mini: Taxonomy, tmp_path: Path) -> None:
    summary = import_esco(FIXTURES / "esco" / "formatted", tmp_path, mini)
    records = {r["name"]: r for r in map(json.loads, summary.path.read_text().splitlines())}
    contracts = records["negotiate sales contracts"]
    assert contracts["aliases"] == ["negotiate sales agreements", "conclude sales contracts"]
    assert contracts["parents"] == ["esco-group-s1-1-1"]
    assert contracts["category"] == "hard_skill"
    assert contracts["esco_uri"].startswith("http://data.europa.eu/esco/skill/")
    assert records["show empathy"]["category"] == "soft_skill"
    assert records["speak Finnish"]["category"] == "language"
    assert records["negotiating and managing contracts and agreements"]["parents"] == [
        "esco-group-s1-1"
    ]
    assert "Salesforce" not in records  # curated wins
    assert summary.attribution.startswith(
        "This service uses the ESCO classification of the European Commission."
    )
    assert "modified" in summary.attribution
    merged = overlay_taxonomy(mini, tmp_path)
    found = merged.lookup("conclude sales contracts")
    assert found is not None and "esco-group-s1" in merged.ancestors(found.id)


def test_esco_portal_download(mini: Taxonomy, tmp_path: Path) -> None:
    summary = import_esco(FIXTURES / "esco" / "portal", tmp_path, mini)
    records = {r["name"]: r for r in map(json.loads, summary.path.read_text().splitlines())}
    assert records["manage a sales pipeline"]["parents"] == ["esco-aaaa0003"]
    assert records["manage a sales pipeline"]["aliases"] == [
        "maintain sales pipeline",
        "track sales opportunities",
    ]
    assert records["listen actively"]["category"] == "soft_skill"
    assert records["carpenter"]["aliases"] == ["joiner", "wood carpenter"]
    assert records["commercial sales representative"]["category"] == "job_title"


@pytest.mark.parametrize("importer", [import_esco, import_onet])
def test_wrong_folder(mini: Taxonomy, tmp_path: Path, importer: object) -> None:
    with pytest.raises(TaxonomyError):
        importer(tmp_path, tmp_path / "out", mini)  # type: ignore[operator]


def test_overlay_loses_to_curated(tmp_path: Path) -> None:
    curated = read_curated(FIXTURES / "mini")
    (tmp_path / "x.jsonl").write_text(
        json.dumps({"id": "x-hubspot", "name": "HubSpot", "category": "tool", "source": "onet"})
        + "\n"
        + json.dumps(
            {
                "id": "x-new",
                "name": "Brand New Tool",
                "category": "tool",
                "aliases": ["SFDC", "BNT"],
                "source": "onet",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    merged = Taxonomy(merge_overlay(curated, read_overlay(tmp_path)))
    assert "x-hubspot" not in merged
    assert merged.get("x-new").aliases == ("BNT",)
    sfdc = merged.lookup("SFDC")
    assert sfdc is not None and sfdc.id == "salesforce"


def test_load_taxonomy_reads_overlay_dir(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text(
        json.dumps({"id": "x-new", "name": "Zyxwv Tool", "category": "tool", "source": "esco"})
        + "\n",
        encoding="utf-8",
    )
    taxonomy = load_taxonomy(tmp_path)
    assert taxonomy.get("x-new").source == "esco"
    assert load_taxonomy(tmp_path) is taxonomy  # cached per process
    assert "x-new" not in load_taxonomy(use_overlay=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Atlassian JIRA", "atlassian-jira"), ("C++", "cplusplus"), ("C#", "csharp")],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_real_onet_release(shared_data: Path, shipped: Taxonomy, tmp_path: Path) -> None:
    summary = import_onet(shared_data / "onet-29.2", tmp_path, shipped)
    assert summary.written > 20_000
    overlay = read_overlay(tmp_path)
    assert all(e.source == "onet" and e.id.startswith("onet-") for e in overlay)


def test_real_esco_release(shared_data: Path, shipped: Taxonomy, tmp_path: Path) -> None:
    summary = import_esco(shared_data / "esco-v1.1.1", tmp_path, shipped)
    assert summary.written > 15_000
    merged = Taxonomy(merge_overlay(list(shipped.entries), read_overlay(tmp_path)))
    found = merged.lookup("manage musical staff")
    assert found is not None and found.id.startswith("esco-")
    assert merged.ancestors(found.id)  # hangs under ESCO skill groups
