"""``jobfit screen --format html``: one self-contained page (inline CSS and SVG, no scripts).

A ranked table, a score-distribution chart, per-criterion and per-skill coverage charts, each
candidate's breakdown with evidence and gaps, and flags for missing required licences or
certifications. Flags are for a human to weigh; nothing here rejects anyone.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from statistics import mean

from matcher.batch import ScreenResults, ScreenRow
from matcher.records import MatchReport

BAND_COLOURS = {"strong": "#1a7f37", "good": "#4c9a2a", "partial": "#bf8700", "weak": "#cf222e"}
CRITERIA = {
    "required_skills": "Required skills",
    "preferred_skills": "Preferred skills",
    "experience_years": "Years of experience",
    "requirement_evidence": "Requirements evidenced",
    "education": "Education",
    "certifications": "Certifications / licences",
    "achievements": "Quota & achievements",
    "title_fit": "Title fit",
}
STYLE = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;
max-width:1100px;color:#1f2328;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem}
.muted{color:#59636e}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
.chart{border:1px solid #d1d9e0;border-radius:8px;padding:.8rem;background:#fff}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;
border-bottom:1px solid #d1d9e0;vertical-align:top}th{background:#f6f8fa}
.band{color:#fff;border-radius:10px;padding:0 .5rem;font-size:.8rem}
.flag{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:0 .4rem;
font-size:.8rem;display:inline-block;margin:.1rem 0}
.dup{color:#59636e;font-size:.8rem}details{border:1px solid #d1d9e0;border-radius:8px;
margin:.5rem 0;padding:.5rem .8rem}summary{cursor:pointer;font-weight:600}
.bar{background:#eaeef2;border-radius:4px;height:10px;width:160px;display:inline-block}
.bar span{display:block;height:10px;border-radius:4px;background:#0969da}
blockquote{margin:.2rem 0 .2rem 1rem;color:#3d444d;border-left:3px solid #d1d9e0;padding-left:.5rem}
.error{color:#cf222e}
"""


def render_html(results: ScreenResults) -> str:
    scored = [r for r in results.results if r.report is not None and r.duplicate_of is None]
    failed = [r for r in results.results if r.error is not None]
    title = results.job.title or "the posting"
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>Screening: {escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>Screening for {escape(title)}</h1>",
        f"<p class='muted'>{len(results.results)} files, {len(scored)} distinct resumes scored, "
        f"{len(failed)} unreadable. Scorer {escape(results.scorer)}."
        + (" Blind: personal data redacted." if results.blind else "")
        + " Flags are for review; no candidate is rejected automatically.</p>",
        "<div class='charts'>",
        _chart("Score distribution", histogram_svg([r.score or 0.0 for r in scored])),
        _chart("Per-criterion coverage (mean value)", criteria_svg([r.report for r in scored])),
        _chart("Required skills: share of candidates showing each", skills_svg(scored)),
        "</div>",
        "<h2>Ranked shortlist</h2>",
        _table(results.results),
        "<h2>Candidates</h2>",
        *(_details(row) for row in results.results if row.report is not None),
    ]
    if failed:
        parts.append("<h2>Files that could not be read</h2><ul>")
        parts += [
            f"<li>{escape(r.file)}: <code>{escape(r.error.code)}</code> {escape(r.error.message)}"
            "</li>"
            for r in failed
            if r.error is not None
        ]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _chart(title: str, svg: str) -> str:
    return f"<figure class='chart'><figcaption>{escape(title)}</figcaption>{svg}</figure>"


def histogram_svg(scores: list[float], width: int = 320, height: int = 180) -> str:
    """Ten bins of ten points, bars coloured by the band their range falls in."""
    bins = Counter(min(int(score // 10), 9) for score in scores)
    tallest = max(bins.values(), default=1)
    bar_w = (width - 40) / 10
    top = 18  # room for the count above the tallest bar
    plot_h = height - 40 - top
    items = [f"<svg role='img' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"]
    items.append(f"<title>Histogram of {len(scores)} scores</title>")
    for index in range(10):
        count = bins.get(index, 0)
        bar_h = plot_h * count / tallest
        x = 30 + index * bar_w
        colour = BAND_COLOURS[_band_at(index * 10 + 5)]
        items.append(
            f"<rect x='{x:.1f}' y='{top + 10 + plot_h - bar_h:.1f}' width='{bar_w - 3:.1f}' "
            f"height='{bar_h:.1f}' fill='{colour}'><title>{index * 10}-{index * 10 + 9}: "
            f"{count}</title></rect>"
        )
        if count:
            items.append(
                f"<text x='{x + bar_w / 2 - 1.5:.1f}' y='{top + 6 + plot_h - bar_h:.1f}' "
                f"font-size='10' text-anchor='middle'>{count}</text>"
            )
        items.append(
            f"<text x='{x:.1f}' y='{height - 14}' font-size='10' fill='#59636e'>{index * 10}</text>"
        )
    items.append(
        f"<line x1='30' y1='{top + 10 + plot_h}' x2='{width - 10}' y2='{top + 10 + plot_h}' "
        "stroke='#8c959f'/>"
    )
    items.append(f"<text x='{width / 2:.0f}' y='{height - 2}' font-size='10'>score</text></svg>")
    return "".join(items)


def _bars_svg(rows: list[tuple[str, float, str]], width: int = 420) -> str:
    """Horizontal bars: (label, share 0..1, tooltip)."""
    height = 22 * len(rows) + 10
    label_w, bar_w = 170, width - 220
    items = [f"<svg role='img' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"]
    for index, (label, share, tip) in enumerate(rows):
        y = 6 + index * 22
        items.append(
            f"<text x='{label_w - 6}' y='{y + 11}' font-size='11' text-anchor='end'>"
            f"{escape(label[:28])}</text>"
            f"<rect x='{label_w}' y='{y}' width='{bar_w}' height='14' fill='#eaeef2' rx='3'/>"
            f"<rect x='{label_w}' y='{y}' width='{bar_w * share:.1f}' height='14' fill='#0969da' "
            f"rx='3'><title>{escape(tip)}</title></rect>"
            f"<text x='{label_w + bar_w + 6}' y='{y + 11}' font-size='11'>{share:.0%}</text>"
        )
    if not rows:
        items.append("<text x='10' y='20' font-size='11'>nothing to show</text>")
    items.append("</svg>")
    return "".join(items)


def criteria_svg(reports: list[MatchReport | None]) -> str:
    values: dict[str, list[float]] = {}
    for report in reports:
        if report is None:
            continue
        for component in report.components:
            if component.applies:
                values.setdefault(component.name, []).append(component.value)
    rows = [
        (CRITERIA.get(name, name), mean(found), f"{len(found)} candidates")
        for name, found in values.items()
    ]
    return _bars_svg(rows)


def skills_svg(rows: list[ScreenRow]) -> str:
    shown: Counter[str] = Counter()
    asked: set[str] = set()
    for row in rows:
        assert row.report is not None
        for matched in row.report.matched:
            if matched.importance == "required":
                shown[matched.name] += 1
                asked.add(matched.name)
        asked.update(m.name for m in row.report.missing if m.importance == "required")
    total = max(len(rows), 1)
    bars = sorted(((name, shown[name] / total) for name in asked), key=lambda b: (-b[1], b[0]))
    return _bars_svg([(name, share, f"{shown[name]} of {total}") for name, share in bars[:15]])


def _band_at(score: float) -> str:
    for floor, band in ((75.0, "strong"), (60.0, "good"), (40.0, "partial")):
        if score >= floor:
            return band
    return "weak"


def _band_badge(band: str | None) -> str:
    if band is None:
        return ""
    return f"<span class='band' style='background:{BAND_COLOURS[band]}'>{escape(band)}</span>"


def _years(row: ScreenRow) -> str:
    if row.years is None:
        return ""
    asked = f" / {row.years_required:g}+" if row.years_required else ""
    return f"{row.years:g}{asked}"


def _table(rows: list[ScreenRow]) -> str:
    head = (
        "<table><thead><tr><th>#</th><th>Candidate</th><th>Score</th><th>Band</th>"
        "<th>Required met</th><th>Years / asked</th><th>Missing required</th><th>Flags</th>"
        "</tr></thead><tbody>"
    )
    body = []
    for row in rows:
        if row.error is not None:
            body.append(
                f"<tr><td></td><td>{escape(row.file)}</td><td colspan='6' class='error'>"
                f"<code>{escape(row.error.code)}</code> {escape(row.error.message)}</td></tr>"
            )
            continue
        duplicate = (
            f"<div class='dup'>duplicate of {escape(row.duplicate_of)}</div>"
            if row.duplicate_of
            else ""
        )
        flags = "".join(f"<span class='flag'>{escape(flag)}</span><br>" for flag in row.flags)
        body.append(
            f"<tr><td>{row.rank or ''}</td><td><a href='#c-{row.id}'>{escape(row.file)}</a>"
            f"{duplicate}</td><td>{row.score:g}</td><td>{_band_badge(row.band)}</td>"
            f"<td>{row.required_met}/{row.required_total}</td><td>{_years(row)}</td>"
            f"<td>{escape(', '.join(row.missing_required))}</td><td>{flags}</td></tr>"
        )
    return head + "".join(body) + "</tbody></table>"


def _details(row: ScreenRow) -> str:
    report = row.report
    assert report is not None
    if row.duplicate_of:
        return ""
    criteria = "".join(
        f"<tr><td>{escape(CRITERIA.get(c.name, c.name))}</td><td><span class='bar'>"
        f"<span style='width:{c.value * 100:.0f}%'></span></span> {c.value:.0%}</td>"
        f"<td>{c.weight:.0%}</td><td>{escape(c.reason)}</td></tr>"
        for c in report.components
        if c.applies
    )
    evidence = "".join(
        f"<li><b>{escape(m.name)}</b> ({escape(m.importance)}, {escape(m.via)})"
        + "".join(f"<blockquote>{escape(e.text)}</blockquote>" for e in m.evidence[:2])
        + "</li>"
        for m in report.matched
    )
    gaps = "".join(f"<li>{escape(gap.message)}</li>" for gap in report.gaps)
    ordered = sorted(report.suggestions, key=lambda s: s.priority)
    suggestions = "".join(f"<li>{escape(s.message)}</li>" for s in ordered)
    flags = "".join(f"<span class='flag'>{escape(flag)}</span> " for flag in row.flags)
    return (
        f"<details id='c-{row.id}'><summary>#{row.rank or ''} {escape(row.file)} — "
        f"{report.score:g} {_band_badge(report.band)}</summary>{flags}"
        "<table><thead><tr><th>Criterion</th><th>Value</th><th>Weight</th><th>Why</th></tr>"
        f"</thead><tbody>{criteria}</tbody></table>"
        f"<h3>Evidence</h3><ul>{evidence or '<li>none</li>'}</ul>"
        f"<h3>Gaps</h3><ul>{gaps or '<li>none</li>'}</ul>"
        f"<h3>Suggestions</h3><ul>{suggestions or '<li>none</li>'}</ul></details>"
    )
