"""Extraction accuracy: Dotin resumes, Green and SkillSpan JD skill spans, the labelled set, and
layout invariance on the varied-layout PDFs. ``run()`` returns the Markdown section."""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from evals import SHARED_DATA
from extract import Document, parse_job, parse_resume, read_document
from extract.dates import find_ranges, merged_months
from extract.education import DEGREE_ORDER, find_degrees
from skills_taxonomy import Taxonomy, load_taxonomy

Span = tuple[int, int]  # token indices, end exclusive


def _prf(hits_p: int, n_pred: int, hits_r: int, n_gold: int) -> tuple[float, float, float]:
    p = hits_p / n_pred if n_pred else 0.0
    r = hits_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _covered(taxonomy: Taxonomy, wanted: str | None, ours: Iterable[str]) -> bool:
    """One of our ids is the wanted entry or a more specific one (Advanced Excel -> Excel)."""
    return wanted is not None and any(taxonomy.satisfies(i, wanted) for i in ours if i in taxonomy)


def _resolve(taxonomy: Taxonomy, term: str) -> str | None:
    found = taxonomy.lookup(term)
    return found.id if found is not None and found.via != "fuzzy" else None


# --- (1) Dotin resumes ------------------------------------------------------------------------

DOTIN_TODAY = date(
    2020, 1, 1
)  # the resumes date from 2018-2019; gold and ours share this "Present"


def _dotin_files() -> list[Path]:
    root = SHARED_DATA / "dotin_resume_ner" / "data"
    return sorted(root.glob("*/*.xml"))


def _dotin_read(path: Path) -> tuple[str, dict[str, list[str]]]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    root = ElementTree.fromstring(raw)
    labels: dict[str, list[str]] = defaultdict(list)
    for label in root.iter("label"):
        labels[label.get("type", "")].append("".join(label.itertext()).strip())
    return "".join(root.itertext()).strip().lstrip("\"'"), labels


def dotin(taxonomy: Taxonomy) -> str:
    gold_n = pred_n = hit_r = hit_p = 0
    degree_gold = degree_hit = 0
    years_errors: list[float] = []
    files = _dotin_files()
    for path in files:
        text, labels = _dotin_read(path)
        resume = parse_resume(Document(format="text", text=text), taxonomy, today=DOTIN_TODAY)
        gold = {
            i
            for term in labels["Tech Tools"] + labels["Job Specific Skills"]
            if (i := _resolve(taxonomy, term))
        }
        ours = {s.id for s in resume.skills} | {c.id for c in resume.certifications}
        gold_n, pred_n = gold_n + len(gold), pred_n + len(ours)
        hit_r += len(gold & ours)
        hit_p += len(ours & gold)
        gold_degrees = {m.degree for d in labels["Degree"] for m in find_degrees(d, True)[:1]}
        found = {e.degree for e in resume.education}
        degree_gold += len(gold_degrees)
        degree_hit += len(gold_degrees & found)
        spans = [r for y in labels["Years of Experience"] for r in find_ranges(y, DOTIN_TODAY)]
        if spans:
            gold_years = merged_months([(r.start, r.end) for r in spans]) / 12
            years_errors.append(abs(gold_years - resume.total_years))
    p, r, f = _prf(hit_p, pred_n, hit_r, gold_n)
    within = sum(e <= 0.5 for e in years_errors) / len(years_errors) if years_errors else 0
    within1 = sum(e <= 1.0 for e in years_errors) / len(years_errors) if years_errors else 0
    mae = sum(years_errors) / len(years_errors) if years_errors else 0
    return "\n".join(
        [
            f"### Dotin resumes ({len(files)} CVs, train + test)\n",
            "| measure | value |",
            "|---|---|",
            f"| skills recall (Tech Tools + Job Specific Skills that resolve in the taxonomy, "
            f"{gold_n} gold ids) | {r:.3f} |",
            f"| skills precision against those labels (a floor: annotators labelled only some "
            f"mentions) | {p:.3f} |",
            f"| skills F1 | {f:.3f} |",
            f"| degree level recall ({degree_gold} labelled degrees with a level) | "
            f"{degree_hit / max(degree_gold, 1):.3f} |",
            f"| years of experience within 0.5 y of the labelled date ranges "
            f"({len(years_errors)} CVs) | {within:.3f} |",
            f"| ... within 1 y; mean absolute error | {within1:.3f}; {mae:.2f} y |",
        ]
    )


# --- (2) JD skill spans: Green and SkillSpan --------------------------------------------------


def _bio_spans(tags: list[str], wanted: set[str]) -> list[Span]:
    spans: list[Span] = []
    start = None
    for index, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if len(tag) > 2 else ""
        if start is not None and not (tag.startswith("I-") and kind in wanted):
            spans.append((start, index))
            start = None
        if tag.startswith("B-") and kind in wanted:
            start = index
        elif tag.startswith("I-") and kind in wanted and start is None:
            start = index
    return spans


def _tagged_spans(taxonomy: Taxonomy, tokens: list[str]) -> list[Span]:
    """Our taxonomy tags on the space-joined sentence, mapped back to token spans."""
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    spans: list[Span] = []
    for tag in taxonomy.tag(" ".join(tokens)):
        covered = [i for i, (s, e) in enumerate(offsets) if s < tag.end and tag.start < e]
        if covered:
            spans.append((covered[0], covered[-1] + 1))
    return sorted(set(spans))


def _span_scores(pairs: Iterable[tuple[list[Span], list[Span]]]) -> dict[str, tuple[float, ...]]:
    strict = [0, 0, 0]  # hits, predicted, gold
    overlap_p = overlap_r = 0
    for gold, pred in pairs:
        strict[0] += len(set(gold) & set(pred))
        strict[1] += len(pred)
        strict[2] += len(gold)
        overlap_p += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in pred)
        overlap_r += sum(any(s < pe and ps < e for ps, pe in pred) for s, e in gold)
    return {
        "strict": _prf(strict[0], strict[1], strict[0], strict[2]),
        "overlap": _prf(overlap_p, strict[1], overlap_r, strict[2]),
        "counts": (strict[2], strict[1]),
    }


def _green(taxonomy: Taxonomy) -> list[tuple[list[Span], list[Span]]]:
    path = SHARED_DATA / "green_skill_extraction_jd" / "preprocessed_data" / "df_testset.csv"
    sentences: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            sentences[row["sentence_id"]].append((row["word"], row["tag"]))
    pairs = []
    for rows in sentences.values():
        tokens, tags = [w for w, _ in rows], [t for _, t in rows]
        pairs.append((_bio_spans(tags, {"Skill"}), _tagged_spans(taxonomy, tokens)))
    return pairs


def _skillspan(taxonomy: Taxonomy, layer: str) -> list[tuple[list[Span], list[Span]]]:
    path = SHARED_DATA / "skillspan" / "data" / "json" / "test.json"
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        gold_tags = [
            t.replace("B", "B-X", 1) if t == "B" else "I-X" if t == "I" else "O"
            for t in item[layer]
        ]
        pairs.append((_bio_spans(gold_tags, {"X"}), _tagged_spans(taxonomy, item["tokens"])))
    return pairs


def spans(taxonomy: Taxonomy) -> str:
    rows = [
        "### JD skill spans (our taxonomy tagger, no training)\n",
        "| data set | gold spans | predicted | strict P / R / F1 | overlap P / R / F1 | paper |",
        "|---|---|---|---|---|---|",
    ]
    sets = [
        ("Green test, Skill", _green(taxonomy), "CRF 0.59 (Green et al.); ESCOXLM-R 51.2"),
        (
            "SkillSpan test, KNOWLEDGE",
            _skillspan(taxonomy, "tags_knowledge"),
            "ESCOXLM-R span-F1 62.6 (skill+knowledge)",
        ),
        ("SkillSpan test, SKILL", _skillspan(taxonomy, "tags_skill"), ""),
    ]
    for name, pairs, anchor in sets:
        scores = _span_scores(pairs)
        sp, sr, sf = scores["strict"]
        op, orr, of = scores["overlap"]
        n_gold, n_pred = scores["counts"]
        rows.append(
            f"| {name} | {n_gold} | {n_pred} | {sp:.2f} / {sr:.2f} / {sf:.2f} | "
            f"{op:.2f} / {orr:.2f} / {of:.2f} | {anchor} |"
        )
    rows.append(
        "\nThe published systems are trained sequence taggers that mark any skill phrase; ours "
        "tags only phrases that name a taxonomy entry, so recall on free-form SKILL "
        "phrases is low by design."
    )
    return "\n".join(rows)


# --- (3) the labelled set ---------------------------------------------------------------------

_SENIORITY_GOLD = {
    "intern": "entry",
    "junior": "entry",
    "mid": "mid",
    "senior": "senior",
    "lead": "senior",
    "principal": "senior",
    "manager": "manager",
    "director": "manager",
    "vp": "manager",
    "executive": "manager",
}


def _pay(comp: object) -> tuple[object, ...] | None:
    if comp is None:
        return None
    fields = ("base_min", "base_max", "ote_min", "ote_max", "currency")
    return tuple(getattr(comp, f) for f in fields)


def labelled(taxonomy: Taxonomy) -> str:
    from evals.labelled.gold import AnyOf, load_labelled

    gold_set = load_labelled()
    today = date.fromisoformat(gold_set.reference_date)
    failures: list[str] = []
    skill_gold = skill_hit = years_ok = quota_gold = quota_hit = metric_gold = metric_hit = 0
    degree_ok = evidence_ok = evidence_n = 0
    unresolved: set[str] = set()
    for name, gold in gold_set.resumes.items():
        fmt = "markdown" if name.endswith(".md") else "text"
        resume = parse_resume(
            Document(format=fmt, text=gold_set.resume_text(name)), taxonomy, today=today
        )
        ours = {s.id: s for s in resume.skills}
        missing = []
        for skill in gold.skills:
            entry_id = _resolve(taxonomy, skill)
            unresolved.update([skill] if entry_id is None else [])
            skill_gold += 1
            if _covered(taxonomy, entry_id, ours):
                skill_hit += 1
            else:
                missing.append(skill)
        if missing:
            failures.append(f"{name}: skills missed {missing}")
        if abs(resume.total_years - gold.total_years) <= 0.5:
            years_ok += 1
        else:
            failures.append(f"{name}: total_years {resume.total_years} vs gold {gold.total_years}")
        for metric in gold.metrics:
            found = any(
                m.kind == metric.kind
                and (
                    metric.value is None
                    or (m.value is not None and abs(m.value - metric.value) < 0.5)
                )
                for m in resume.metrics
            )
            metric_gold += 1
            metric_hit += found
            if metric.kind in ("quota", "quota_attainment"):
                quota_gold += 1
                quota_hit += found
            if not found:
                failures.append(f"{name}: {metric.kind} missed {metric.text!r}")
        top = max(
            (e.degree for e in resume.education if e.degree), key=DEGREE_ORDER.index, default=None
        )
        gold_top = gold.degrees[0] if gold.degrees else None
        degree_ok += top == gold_top
        if top != gold_top:
            failures.append(f"{name}: highest degree {top} vs gold {gold_top}")
        judged = [s for s in gold.skills if _resolve(taxonomy, s) in ours]
        evidence_n += len(judged)
        wrong_evidence = [
            s
            for s in judged
            if ours[str(_resolve(taxonomy, s))].evidenced == (s in gold.listed_only)
        ]
        evidence_ok += len(judged) - len(wrong_evidence)
        if wrong_evidence:
            failures.append(f"{name}: evidenced flag wrong for {wrong_evidence}")
    job_fields: dict[str, int] = defaultdict(int)
    req_gold = req_hit = 0
    for name, job_gold in gold_set.jobs.items():
        job = parse_job(Document(format="text", text=gold_set.job_text(name)), taxonomy)
        ids = {s.id for s in job.skills}
        checks = {
            "years": (job.years_min, job.years_max) == (job_gold.years_min, job_gold.years_max),
            "degree_min": (
                job.education.degree_min if job.education.importance == "required" else None
            )
            == job_gold.degree_min,
            "or_equivalent": job.education.or_equivalent == job_gold.or_equivalent,
            "travel": job.travel_percent == job_gold.travel_percent,
            "work_mode": (job.work_mode or "").replace("-", "") == job_gold.work_mode,
            "seniority": _SENIORITY_GOLD.get(job.seniority or "") == job_gold.seniority,
            "compensation": _pay(job.compensation) == _pay(job_gold.compensation),
            "asked metrics": all(
                any(m.kind == g.kind and m.value == g.value for m in job.metrics)
                for g in job_gold.metrics
            ),
        }
        for key, ok in checks.items():
            job_fields[key] += ok
            if not ok:
                failures.append(f"jobs/{name}: {key} wrong")
        for ask in job_gold.required_skills:
            names = ask.any_of if isinstance(ask, AnyOf) else [ask]
            req_gold += 1
            if any(_covered(taxonomy, _resolve(taxonomy, n), ids) for n in names):
                req_hit += 1
            else:
                failures.append(f"jobs/{name}: required skill missed {names}")
    n_res, n_jobs = len(gold_set.resumes), len(gold_set.jobs)
    lines = [
        f"### Labelled set ({n_res} resumes, {n_jobs} job postings; evals/labelled)\n",
        "| measure | value | goal |",
        "|---|---|---|",
        f"| resume skills recall (a more specific entry counts) | {skill_hit / skill_gold:.3f} "
        f"({skill_hit}/{skill_gold}) | ≥ 0.95 |",
        f"| evidenced vs listed-only correct (found skills) | "
        f"{evidence_ok / max(evidence_n, 1):.3f} | |",
        f"| total_years within 0.5 | {years_ok}/{n_res} | every resume |",
        f"| quota figures found | {quota_hit}/{quota_gold} | every one |",
        f"| all metrics found | {metric_hit}/{metric_gold} | |",
        f"| highest degree correct | {degree_ok}/{n_res} | |",
        f"| JD required skills found | {req_hit}/{req_gold} | |",
        *[f"| JD {key} correct | {value}/{n_jobs} | |" for key, value in job_fields.items()],
    ]
    if unresolved:
        lines.append(
            f"\nGold skills the taxonomy does not resolve: {', '.join(sorted(unresolved))}."
        )
    if failures:
        lines.append("\nFailures:\n\n" + "\n".join(f"- {f}" for f in failures))
    return "\n".join(lines)


# --- (4) layout invariance --------------------------------------------------------------------

LAYOUT_GROUPS = {
    "template (4 layouts)": [
        "template_single-column",
        "template_two-column",
        "template_modern-single-column",
        "template_modern-two-column",
    ],
    "template_v1 (2 layouts)": ["template_v1_single_column", "template_v1_two_column"],
}


def layouts(taxonomy: Taxonomy) -> str:
    root = SHARED_DATA / "resume_pdfs_varied_layouts" / "resume-matcher"
    rows = [
        "### Layout invariance (Resume-Matcher templates: same content, 1 and 2 columns)\n",
        "| group | file | skills | roles | same skills as first | same dates as first |",
        "|---|---|---|---|---|---|",
    ]
    for group, names in LAYOUT_GROUPS.items():
        first: tuple[set[str], list[tuple[str | None, str | None]]] = (set(), [])
        for number, name in enumerate(names):
            path = root / f"{name}.pdf"
            resume = parse_resume(
                read_document(path.read_bytes(), path.name), taxonomy, today=date(2026, 11, 1)
            )
            skills = {s.id for s in resume.skills}
            dates: list[tuple[str | None, str | None]] = sorted(
                (r.start, r.end) for r in resume.experience if r.start
            )
            first = (skills, dates) if number == 0 else first
            rows.append(
                f"| {group} | {name} | {len(skills)} | {len(dates)} | "
                f"{'yes' if skills == first[0] else 'no: ' + _diff(skills, first[0])} | "
                f"{'yes' if dates == first[1] else 'no'} |"
            )
    return "\n".join(rows)


def _diff(a: set[str], b: set[str]) -> str:
    return " ".join([f"+{x}" for x in sorted(a - b)] + [f"-{x}" for x in sorted(b - a)])


def run() -> str:
    taxonomy = load_taxonomy()
    parts = [
        "## Extraction\n",
        labelled(taxonomy),
        dotin(taxonomy),
        spans(taxonomy),
        layouts(taxonomy),
    ]
    return "\n\n".join(re.sub(r"\n{3,}", "\n\n", p) for p in parts)


if __name__ == "__main__":
    print(run())
