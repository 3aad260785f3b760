"""Human-readable views of a MatchReport: plain text and a self-contained HTML page.

The HTML has inline CSS only (no scripts, fonts or images) and every value is escaped.
"""

from __future__ import annotations

from html import escape

from matcher.records import MatchReport

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f6f7f9;
color:#1d2330}
main{max-width:920px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.card{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:16px;margin:12px 0}
.score{font-size:44px;font-weight:700}
.band{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;margin-left:8px;
vertical-align:middle}
.strong{background:#d9f2e1;color:#14532d}.good{background:#e0ecff;color:#1e3a8a}
.partial{background:#fff1d6;color:#7c4a03}.weak{background:#fde2e1;color:#7f1d1d}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;
border-bottom:1px solid #eceef2;vertical-align:top}th{font-size:13px;color:#5b6475}
.bar{background:#eceef2;border-radius:4px;height:8px;width:120px}
.bar span{display:block;height:8px;border-radius:4px;background:#3b82f6}
.met{color:#166534}.unmet{color:#991b1b}.muted{color:#6b7280;font-size:13px}
q{color:#374151;font-style:italic}li{margin:4px 0}
"""


def render_text(report: MatchReport) -> str:
    lines = [
        f"Score {report.score:g}/100 ({report.band}) for {report.job_title or 'the posting'}",
        f"scorer {report.scorer}",
        "",
        "Components:",
    ]
    for c in report.components:
        weight = f"w={c.weight:.2f}" if c.applies else "n/a"
        lines.append(f"  {c.name:<22} {c.value:4.2f} {weight:<7} {c.reason}")
    exp = report.experience
    lines += [
        "",
        f"Experience: {exp.candidate_relevant_years:g} relevant of {exp.candidate_total_years:g} "
        f"years; asked {exp.required_min if exp.required_min is not None else '-'}",
        "",
        "Matched:",
    ]
    for m in report.matched:
        term = f" (as {m.resume_term})" if m.resume_term else ""
        if m.satisfied_by:
            said = f" (resume says {m.resume_term})" if m.resume_term else ""
            term = f" — via {m.satisfied_by}{said}"
        listed = "" if m.evidenced else " [skills list only]"
        lines.append(f"  + {m.name}{term} [{m.importance}, {m.via}]{listed}")
    lines.append("Missing:")
    lines += [f"  - {m.name} [{m.importance}, {m.kind}]" for m in report.missing] or ["  none"]
    lines.append("Gaps:")
    lines += [f"  ! {g.kind}: {g.message}" for g in report.gaps] or ["  none"]
    lines.append("Requirements:")
    for r in report.requirements:
        evidence = f' <- "{r.evidence.text}"' if r.evidence and r.status != "unmet" else ""
        lines.append(f"  [{r.status}] {r.text}{evidence}")
    lines.append("Suggestions:")
    lines += [f"  {s.priority}. ({s.kind}) {s.message}" for s in report.suggestions] or ["  none"]
    return "\n".join(lines)


def render_html(report: MatchReport) -> str:
    e = escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>jobfit report: {e(report.job_title or 'posting')}</title>",
        f"<style>{_CSS}</style></head><body><main>",
        f"<h1>Match for {e(report.job_title or 'the posting')}</h1>",
        f"<div class='muted'>scorer {e(report.scorer)}"
        + (" · blind review" if report.blind else "")
        + "</div>",
        f"<div class='card'><span class='score'>{report.score:g}</span>/100"
        f"<span class='band {e(report.band)}'>{e(report.band)}</span></div>",
        "<h2>How the score is made</h2><div class='card'><table>",
        "<tr><th>Criterion</th><th>Value</th><th>Weight</th><th>Why</th></tr>",
    ]
    for c in report.components:
        bar = f"<div class='bar'><span style='width:{c.value * 100:.0f}%'></span></div>"
        weight = f"{c.weight:.2f}" if c.applies else "n/a"
        parts.append(
            f"<tr><td>{e(c.name.replace('_', ' '))}</td><td>{bar}{c.value:.2f}</td>"
            f"<td>{weight}</td><td>{e(c.reason)}</td></tr>"
        )
    parts.append("</table></div>")
    exp = report.experience
    parts.append(
        f"<h2>Experience</h2><div class='card'>{exp.candidate_relevant_years:g} relevant years of "
        f"{exp.candidate_total_years:g} in total; the posting asks for "
        f"{e(str(exp.required_min)) if exp.required_min is not None else 'no minimum'}.</div>"
    )
    parts.append("<h2>Requirements</h2><div class='card'><table>")
    for r in report.requirements:
        quote = f"<q>{e(r.evidence.text)}</q>" if r.evidence and r.status != "unmet" else ""
        parts.append(
            f"<tr><td class='{e(r.status)}'>{e(r.status)}</td><td>{e(r.text)}"
            f"<div class='muted'>{e(r.importance)}</div></td><td>{quote}</td></tr>"
        )
    parts.append("</table></div>")
    parts.append(
        _list(
            "Matched skills",
            [
                f"{e(m.name)}"
                + (f" — via {e(m.satisfied_by)}" if m.satisfied_by else "")
                + (
                    f" <span class='muted'>(your resume: {e(m.resume_term)})</span>"
                    if m.resume_term
                    else ""
                )
                + f" <span class='muted'>{e(m.importance)} · {e(m.via)}"
                + ("" if m.evidenced else " · skills list only")
                + "</span>"
                for m in report.matched
            ],
        )
    )
    parts.append(
        _list(
            "Missing",
            [
                f"{e(m.name)} <span class='muted'>{e(m.importance)} {e(m.kind)}</span>"
                for m in report.missing
            ],
        )
    )
    parts.append(_list("Gaps", [e(g.message) for g in report.gaps]))
    parts.append(
        _list(
            "Suggestions",
            [
                f"<strong>{e(s.kind.replace('_', ' '))}</strong>: {e(s.message)}"
                + (f"<div class='muted'>for: {e(s.requirement)}</div>" if s.requirement else "")
                for s in report.suggestions
            ],
            ordered=True,
        )
    )
    parts.append("</main></body></html>")
    return "\n".join(parts)


def _list(title: str, items: list[str], ordered: bool = False) -> str:
    if not items:
        return f"<h2>{escape(title)}</h2><div class='card muted'>none</div>"
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{item}</li>" for item in items)
    return f"<h2>{escape(title)}</h2><div class='card'><{tag}>{body}</{tag}></div>"
