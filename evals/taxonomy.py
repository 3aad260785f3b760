"""Taxonomy accuracy: O*NET hot-technology coverage, tagging on SkillSpan KNOWLEDGE spans and on the
labelled set, and false positives of ambiguous words (Excel, Go, Outreach...) on Dotin resumes.

Everything is measured on the curated data alone (no import overlay).
"""

from __future__ import annotations

import csv
import html
import json
import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from evals import SHARED_DATA
from skills_taxonomy import TaggedSpan, Taxonomy, load_taxonomy
from skills_taxonomy.normalise import compact_key, exact_key

# categories that SkillSpan calls KNOWLEDGE (tools, technologies, fields, credentials)
KNOWLEDGE_CATEGORIES = {"tool", "hard_skill", "methodology", "certification", "licence", "language"}
DOTIN_SKILL_LABELS = {"Tech Tools", "Job Specific Skills", "Soft Skills"}


def run() -> str:
    taxonomy = load_taxonomy(use_overlay=False)
    parts = ["## Skills taxonomy\n", f"{len(taxonomy)} curated entries.\n"]
    parts.append(hot_technology_section(taxonomy))
    parts.append(typo_section(taxonomy))
    parts.append(skillspan_section(taxonomy))
    parts.append(labelled_section(taxonomy))
    parts.append(dotin_section(taxonomy))
    return "\n".join(parts)


# --- O*NET hot technologies -------------------------------------------------------------------


def hot_technology_section(taxonomy: Taxonomy) -> str:
    path = SHARED_DATA / "onet-29.2" / "Technology Skills.txt"
    with path.open(encoding="utf-8", newline=None) as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        hot = sorted({r["Example"] for r in rows if r["Hot Technology"] == "Y"})
    results = {term: taxonomy.lookup(term) for term in hot}
    missing = [t for t, r in results.items() if r is None]
    via = Counter(r.via for r in results.values() if r is not None)
    lines = [
        "### O*NET 29.2 hot technologies\n",
        f"{len(hot) - len(missing)}/{len(hot)} resolve with `Taxonomy.lookup` "
        f"(exact {via['exact']}, alias {via['alias']}, normalised {via['normalised']}, "
        f"fuzzy {via['fuzzy']}).",
    ]
    if missing:
        lines.append("Not resolved: " + ", ".join(missing) + ".")
    return "\n".join(lines) + "\n"


# --- typo matching ------------------------------------------------------------------------------


def typo_section(taxonomy: Taxonomy, seed: int = 7) -> str:
    """False typo hits on frequent real words, and recall on seeded one-edit typos of names."""
    from skills_taxonomy.lookup import FUZZY_CATEGORIES

    counts: Counter[str] = Counter()
    with (SHARED_DATA / "skillspan" / "data" / "json" / "train.json").open(encoding="utf-8") as f:
        for line in f:
            counts.update(
                t.lower() for t in json.loads(line)["tokens"] if len(t) >= 7 and t.isalpha()
            )
    words = [w for w, _ in counts.most_common(3000)]
    unknown = [w for w in words if taxonomy.lookup(w, fuzzy=False) is None]
    false_hits = []
    for word in unknown:
        found = taxonomy.lookup(word)
        if found is not None:
            false_hits.append(f"{word} → {found.matched_alias}")
    rng = random.Random(seed)
    names = sorted(
        e.name
        for e in taxonomy.entries
        if e.category in FUZZY_CATEGORIES and len(compact_key(e.name)) >= 8
    )
    rng.shuffle(names)
    tried = found_right = 0
    for name in names[:400]:
        i = rng.randrange(1, len(name) - 2)
        if rng.random() < 0.5:  # transpose two letters, or drop one
            typo = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        else:
            typo = name[:i] + name[i + 1 :]
        if compact_key(typo) == compact_key(name):
            continue
        tried += 1
        hit, truth = taxonomy.lookup(typo), taxonomy.lookup(name)
        found_right += hit is not None and truth is not None and hit.id == truth.id
    return "\n".join(
        [
            "### Typo matching\n",
            f"Of the 3,000 most frequent words of 7+ letters in SkillSpan's training job ads, "
            f"{len(unknown)} name no entry exactly; typo matching maps {len(false_hits)} of them "
            f"to an entry ({', '.join(false_hits) or 'none'}).\n",
            f"Seeded one-edit typos (a transposition or a dropped letter) of {tried} tool, "
            f"methodology, certification, licence and language names of 8+ characters: "
            f"{found_right} resolve to the right entry ({_ratio(found_right, tried):.2f}); the "
            "rest fall below 7 characters or hit a guard.\n",
        ]
    )


# --- SkillSpan ---------------------------------------------------------------------------------


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    strict_hits: int = 0
    overlap_pred_hits: int = 0  # predicted spans that overlap a gold span
    overlap_gold_hits: int = 0  # gold spans overlapped by a predicted span

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, label: str) -> str:
        sp, sr = _ratio(self.strict_hits, self.predicted), _ratio(self.strict_hits, self.gold)
        op = _ratio(self.overlap_pred_hits, self.predicted)
        orr = _ratio(self.overlap_gold_hits, self.gold)
        return (
            f"| {label} | {self.gold} | {self.predicted} | {sp:.2f} | {sr:.2f} | {_f1(sp, sr):.2f} "
            f"| {op:.2f} | {orr:.2f} | {_f1(op, orr):.2f} |"
        )


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bio_spans(tags: list[str]) -> list[tuple[int, int]]:
    """Token spans [start, end) of B-/I- runs."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O" or (tag.startswith("I") and start is None):
            if start is not None:
                spans.append((start, i))
                start = None
            if tag != "O":
                start = i
    return spans


def sentence_counts(
    taxonomy: Taxonomy, tokens: list[str], gold: list[tuple[int, int]]
) -> tuple[Counts, list[TaggedSpan]]:
    """Tag the sentence (tokens joined by spaces) and compare token spans with the gold ones."""
    offsets, position = [], 0
    for token in tokens:
        offsets.append(position)
        position += len(token) + 1
    text = " ".join(tokens)
    tagged = [
        s for s in taxonomy.tag(text) if taxonomy.get(s.entry_id).category in KNOWLEDGE_CATEGORIES
    ]
    predicted = []
    for span in tagged:
        first = max(i for i, off in enumerate(offsets) if off <= span.start)
        last = max(i for i, off in enumerate(offsets) if off < span.end)
        predicted.append((first, last + 1))
    counts = Counts(predicted=len(predicted), gold=len(gold))
    counts.strict_hits = len(set(predicted) & set(gold))
    counts.overlap_pred_hits = sum(any(_overlap(p, g) for g in gold) for p in predicted)
    counts.overlap_gold_hits = sum(any(_overlap(p, g) for p in predicted) for g in gold)
    return counts, tagged


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def skillspan_section(taxonomy: Taxonomy) -> str:
    path = SHARED_DATA / "skillspan" / "data" / "json" / "test.json"
    by_source: dict[str, Counts] = {}
    ambiguous_total, ambiguous_outside = 0, Counter[str]()
    inflected_total, inflected_outside = 0, Counter[str]()
    sentences = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            sentences += 1
            gold = bio_spans(record["tags_knowledge"])
            counts, tagged = sentence_counts(taxonomy, record["tokens"], gold)
            by_source.setdefault(record["source"], Counts()).add(counts)
            any_gold = gold + bio_spans(record["tags_skill"])
            for span in _ambiguous(taxonomy, tagged):
                ambiguous_total += 1
                if not _inside_any(span, record["tokens"], any_gold):
                    ambiguous_outside[span.text] += 1
            for span in _inflected(taxonomy, tagged):
                inflected_total += 1
                if not _inside_any(span, record["tokens"], any_gold):
                    inflected_outside[span.text] += 1
    total = Counts()
    for counts in by_source.values():
        total.add(counts)
    header = (
        "| split | gold spans | tagged | strict P | strict R | strict F1 | overlap P "
        "| overlap R | overlap F1 |\n|---|---|---|---|---|---|---|---|---|"
    )
    rows = [by_source[s].row(f"test/{s}") for s in sorted(by_source)] + [total.row("test/all")]
    outside = ", ".join(f"{w} ({n})" for w, n in ambiguous_outside.most_common(12)) or "none"
    inflected = ", ".join(f"{w} ({n})" for w, n in inflected_outside.most_common(12)) or "none"
    return "\n".join(
        [
            "### SkillSpan KNOWLEDGE spans (test split)\n",
            f"{sentences} sentences; every tagged entry of a knowledge-like category "
            f"({', '.join(sorted(KNOWLEDGE_CATEGORIES))}) counts as a prediction. Strict: same "
            "token span; overlap: any shared token. Dictionary tagging finds tools and "
            "technologies, not the free-text knowledge phrases the annotators also marked, so "
            "recall is bounded.\n",
            header,
            *rows,
            "",
            f"Ambiguous forms tagged: {ambiguous_total}; outside any gold SKILL or KNOWLEDGE span: "
            f"{sum(ambiguous_outside.values())} ({outside}).\n",
            f"Inflected forms (verbs and plurals generated from skill names: negotiated, "
            f"qualify leads) tagged: {inflected_total}; outside any gold SKILL or KNOWLEDGE "
            f"span: {sum(inflected_outside.values())} ({inflected}).\n",
        ]
    )


def _ambiguous(taxonomy: Taxonomy, spans: Iterable[TaggedSpan]) -> list[TaggedSpan]:
    found = []
    for span in spans:
        entry = taxonomy.get(span.entry_id)
        forms = {exact_key(f) for f in entry.ambiguous}
        if exact_key(span.text) in forms or len(compact_key(span.text)) == 1:
            found.append(span)
    return found


def _inflected(taxonomy: Taxonomy, spans: Iterable[TaggedSpan]) -> list[TaggedSpan]:
    """Spans matched by a generated verb or noun form (skills_taxonomy.inflection), not by a
    name or alias as written in the data."""
    found = []
    for span in spans:
        entry = taxonomy.get(span.entry_id)
        senses = [taxonomy.get(i) for i in _general_of(taxonomy, entry.id)]
        forms = {
            compact_key(f) for e in (entry, *senses) for f in (e.name, *e.aliases) if compact_key(f)
        }
        if compact_key(span.text) not in forms:
            found.append(span)
    return found


def _general_of(taxonomy: Taxonomy, entry_id: str) -> list[str]:
    """Entries that list this one as a sense (a bare "onboarding" tagged as its sense)."""
    return [p for p in taxonomy.get(entry_id).parents if entry_id in taxonomy.get(p).senses]


def _inside_any(span: TaggedSpan, tokens: list[str], gold: list[tuple[int, int]]) -> bool:
    position, starts = 0, []
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    index = max(i for i, off in enumerate(starts) if off <= span.start)
    return any(g[0] <= index < g[1] for g in gold)


# --- the labelled set --------------------------------------------------------------------------


def labelled_section(taxonomy: Taxonomy) -> str:
    from evals.labelled.gold import ask_names, load_labelled

    labelled = load_labelled()
    rows = []
    for kind, docs in (
        ("resumes", {n: (labelled.resume_text(n), g.skills) for n, g in labelled.resumes.items()}),
        (
            "jobs",
            {
                n: (labelled.job_text(n), ask_names(g.required_skills + g.preferred_skills))
                for n, g in labelled.jobs.items()
            },
        ),
    ):
        gold_total = resolved = found = extra = 0
        misses: Counter[str] = Counter()
        for text, names in docs.values():
            tagged = {s.entry_id for s in taxonomy.tag(text)}
            gold_ids = set()
            for name in names:
                gold_total += 1
                hit = taxonomy.lookup(name)
                if hit is None:
                    misses[f"{name} (unknown)"] += 1
                    continue
                resolved += 1
                gold_ids.add(hit.id)
                if hit.id in tagged or any(taxonomy.satisfies(t, hit.id) for t in tagged):
                    found += 1
                else:
                    misses[name] += 1
            extra += len(tagged - gold_ids)
        rows.append(
            f"| {kind} | {len(docs)} | {gold_total} | {resolved} | {found} "
            f"| {_ratio(found, gold_total):.2f} | {_ratio(extra, len(docs)):.1f} |"
        )
        if misses:
            missed = ", ".join(f"{m} ({n})" for m, n in misses.most_common(8))
            rows.append(f"| | missed: {missed} | | | | | |")
    return "\n".join(
        [
            "### Labelled set (evals/labelled): gold skills found by tagging the whole document\n",
            "The gold lists name each document's key skills, not every mention, so the table gives "
            "recall and the number of further entries tagged per document rather than precision.\n",
            "| documents | count | gold skills | known to lookup | tagged | recall "
            "| other tags/doc |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )


# --- Dotin resumes: ambiguous words -------------------------------------------------------------

_LABEL = re.compile(r'<label type="([^"]+)">(.*?)</label>', re.DOTALL)


def dotin_documents(folder: Path) -> Iterable[tuple[str, list[tuple[int, int, str]]]]:
    """Plain text of each CV with the character spans of its labels."""
    for path in sorted(folder.glob("*.xml")):
        raw = path.read_text(encoding="utf-8")
        raw = raw.split("<cv>", 1)[-1].rsplit("</cv>", 1)[0]
        text_parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        position = last = 0
        for match in _LABEL.finditer(raw):
            before = html.unescape(re.sub(r"<[^>]+>", "", raw[last : match.start()]))
            inner = html.unescape(re.sub(r"<[^>]+>", "", match.group(2)))
            text_parts += [before, inner]
            position += len(before)
            spans.append((position, position + len(inner), match.group(1)))
            position += len(inner)
            last = match.end()
        text_parts.append(html.unescape(re.sub(r"<[^>]+>", "", raw[last:])))
        yield "".join(text_parts), spans


def dotin_section(taxonomy: Taxonomy) -> str:
    root = SHARED_DATA / "dotin_resume_ner" / "data"
    folders = [root / "545_cvs_train_v2", root / "set_aside_test_v2_50cvs"]
    documents = tagged_total = 0
    ambiguous_in: Counter[str] = Counter()
    ambiguous_out: Counter[str] = Counter()
    inflected_in: Counter[str] = Counter()
    inflected_out: Counter[str] = Counter()
    tools_gold = tools_hit = 0
    for folder in folders:
        for text, spans in dotin_documents(folder):
            documents += 1
            tagged = taxonomy.tag(text)
            tagged_total += len(tagged)
            skill_spans = [(s, e) for s, e, label in spans if label in DOTIN_SKILL_LABELS]
            for span in _ambiguous(taxonomy, tagged):
                inside = any(s <= span.start and span.end <= e for s, e in skill_spans)
                (ambiguous_in if inside else ambiguous_out)[span.text] += 1
            for span in _inflected(taxonomy, tagged):
                inside = any(s <= span.start and span.end <= e for s, e in skill_spans)
                (inflected_in if inside else inflected_out)[span.text] += 1
            for s, e, label in spans:
                if label == "Tech Tools":
                    tools_gold += 1
                    tools_hit += any(t.start < e and s < t.end for t in tagged)
    out_total, in_total = sum(ambiguous_out.values()), sum(ambiguous_in.values())
    top_out = ", ".join(f"{w} ({n})" for w, n in ambiguous_out.most_common(15)) or "none"
    inflected_top = ", ".join(f"{w} ({n})" for w, n in inflected_out.most_common(15)) or "none"
    inflected_all = sum(inflected_in.values()) + sum(inflected_out.values())
    return "\n".join(
        [
            "### Dotin resumes: ambiguous words and Tech Tools\n",
            f"{documents} resumes (train and test), {tagged_total} tagged mentions. "
            f"Ambiguous forms tagged: {in_total + out_total}; inside a labelled Tech Tools / Job "
            f"Specific Skills / Soft Skills span: {in_total}; outside: {out_total} (an upper "
            "bound on false positives: annotators label a skill once, not every repeat). "
            f"Outside, most frequent: {top_out}.\n",
            f"Inflected forms (generated verbs and plurals) tagged: {inflected_all}; inside a "
            f"labelled span: {sum(inflected_in.values())}; outside: "
            f"{sum(inflected_out.values())} (most are verbs of experience bullets, which the "
            f"annotators did not label: {inflected_top}).\n",
            f"Labelled Tech Tools spans overlapped by a tag: {tools_hit}/{tools_gold} "
            f"({_ratio(tools_hit, tools_gold):.2f}).\n",
        ]
    )
