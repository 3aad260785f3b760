// Renders a match report (the MatchReport of POST /v1/match) as DOM. Only textContent and
// CSSOM are used: report text never becomes markup, and the CSP needs no inline styles.

import { el } from "./client.js";

const SVG = "http://www.w3.org/2000/svg";

const COMPONENT_NAMES = {
  required_skills: "Required skills",
  preferred_skills: "Preferred skills",
  experience_years: "Years of experience",
  requirement_evidence: "Requirements backed by evidence",
  education: "Education",
  certifications: "Certifications and licences",
  achievements: "Quota and achievements",
  title_fit: "Job title fit",
};

const METRIC_NAMES = {
  quota_attainment: "Quota attainment",
  quota: "Quota",
  revenue: "Revenue",
  deal_size: "Deal size",
  pipeline: "Pipeline",
  meetings: "Meetings",
  ranking: "Ranking",
  award: "Award",
  retention: "Retention",
  win_rate: "Win rate",
  growth: "Growth",
};

const STATUS_NAMES = { met: "Met", partial: "Partly met", unmet: "Not shown" };

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

export function bandLabel(band) {
  return el("span", { className: `band band-${band}`, text: band });
}

// A half-circle gauge; the arc's length is the score (pathLength 100).
export function gauge(score, band) {
  const arc = "M 10 60 A 50 50 0 0 1 110 60";
  const figure = el("figure", { className: "gauge" });
  const drawing = svg("svg", {
    viewBox: "0 0 120 70",
    role: "img",
    "aria-label": `Score ${Math.round(score)} out of 100, ${band}`,
  });
  drawing.append(svg("path", { d: arc, class: "gauge-track", pathLength: 100 }));
  const value = Math.max(0, Math.min(100, score));
  drawing.append(
    svg("path", {
      d: arc,
      class: `gauge-value gauge-${band}`,
      pathLength: 100,
      "stroke-dasharray": `${value} 100`,
    }),
  );
  const label = svg("text", { x: 60, y: 58, class: "gauge-text", "text-anchor": "middle" });
  label.textContent = String(Math.round(score));
  drawing.append(label);
  figure.append(drawing, el("figcaption", {}, [el("span", { text: "out of 100 · " }), bandLabel(band)]));
  return figure;
}

export function bar(value, label) {
  const outer = el("div", {
    className: "bar",
    attrs: {
      role: "meter",
      "aria-valuemin": "0",
      "aria-valuemax": "100",
      "aria-valuenow": String(Math.round(value * 100)),
      "aria-label": label,
    },
  });
  const inner = el("div", { className: "bar-fill" });
  inner.style.width = `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
  outer.append(inner);
  return outer;
}

export function componentList(components) {
  const list = el("ul", { className: "components" });
  for (const component of components) {
    const name = COMPONENT_NAMES[component.name] || component.name.replace(/_/g, " ");
    const reason = component.applies
      ? `${component.reason} · ${Math.round(component.weight * 100)}% of the score`
      : component.reason;
    list.append(
      el("li", { className: component.applies ? "" : "not-applied" }, [
        el("div", { className: "component-head" }, [
          el("span", { className: "component-name", text: name }),
          el("span", {
            className: "component-value",
            text: component.applies ? `${Math.round(component.value * 100)}%` : "n/a",
          }),
        ]),
        bar(component.applies ? component.value : 0, name),
        el("p", { className: "hint", text: reason }),
      ]),
    );
  }
  return list;
}

function chip(text, kind, title = "") {
  const node = el("li", { className: `chip ${kind}`, text });
  if (title) node.title = title;
  return node;
}

function matchedChip(item) {
  let text = item.name;
  if (item.resume_term && item.resume_term !== item.name) text += ` (as “${item.resume_term}”)`;
  if (!item.evidenced) text += " · listed only";
  const title = item.evidence.length ? `Evidence: ${item.evidence[0].text}` : "";
  return chip(text, item.evidenced ? "matched" : "matched listed", title);
}

function missingChip(item) {
  const text = item.kind === "skill" ? item.name : `${item.name} (${item.kind})`;
  return chip(text, "missing", item.requirement ? `Asked in: ${item.requirement}` : "");
}

function chipGroup(title, items, make, empty) {
  const list = el("ul", { className: "chips" });
  list.append(...items.map(make));
  if (!items.length) list.append(el("li", { className: "chip none", text: empty }));
  return el("div", { className: "chip-group" }, [el("h4", { text: title }), list]);
}

export function skillChips(report) {
  const by = (items, importance) => items.filter((item) => item.importance === importance);
  return el("div", { className: "skills-grid" }, [
    el("div", {}, [
      el("h3", { text: "Required" }),
      chipGroup("Shown", by(report.matched, "required"), matchedChip, "none"),
      chipGroup("Missing", by(report.missing, "required"), missingChip, "none missing"),
    ]),
    el("div", {}, [
      el("h3", { text: "Preferred" }),
      chipGroup("Shown", by(report.matched, "preferred"), matchedChip, "none"),
      chipGroup("Missing", by(report.missing, "preferred"), missingChip, "none missing"),
    ]),
  ]);
}

function years(value) {
  return value == null ? "–" : `${Number(value).toFixed(1).replace(/\.0$/, "")}`;
}

export function experienceBlock(experience) {
  const { required_min: min, required_max: max } = experience;
  let asked = "no number of years";
  if (min != null && max != null) asked = `${years(min)}–${years(max)} years`;
  else if (min != null) asked = `${years(min)}+ years`;
  else if (max != null) asked = `up to ${years(max)} years`;
  return el("dl", { className: "facts" }, [
    el("dt", { text: "The job asks for" }),
    el("dd", { className: "years-required", text: asked }),
    el("dt", { text: "Your relevant experience" }),
    el("dd", { className: "years-relevant", text: `${years(experience.candidate_relevant_years)} years` }),
    el("dt", { text: "Your total experience" }),
    el("dd", { text: `${years(experience.candidate_total_years)} years` }),
  ]);
}

function evidenceCell(evidence, status) {
  if (!evidence) return el("td", { className: "hint", text: "no evidence found" });
  const cell = el("td", {}, [
    status === "unmet" ? el("span", { className: "hint", text: "closest line: " }) : null,
    el("q", { text: evidence.text }),
  ]);
  if (evidence.section) cell.append(el("span", { className: "hint", text: ` — ${evidence.section}` }));
  return cell;
}

export function requirementsTable(requirements) {
  const body = el("tbody");
  for (const requirement of requirements) {
    body.append(
      el("tr", { className: `status-${requirement.status}` }, [
        el("td", { text: requirement.text }),
        el("td", { text: requirement.importance }),
        el("td", {}, [el("span", { className: `status status-${requirement.status}`, text: STATUS_NAMES[requirement.status] || requirement.status })]),
        evidenceCell(requirement.evidence, requirement.status),
      ]),
    );
  }
  const head = el("thead", {}, [
    el("tr", {}, ["Requirement", "Importance", "Status", "Evidence in the resume"].map((name) => el("th", { text: name, attrs: { scope: "col" } }))),
  ]);
  return el("div", { className: "table-wrap" }, [el("table", { className: "requirements" }, [head, body])]);
}

function listOrNote(items, make, note, ordered = false) {
  if (!items.length) return el("p", { className: "hint", text: note });
  return el(ordered ? "ol" : "ul", {}, items.map(make));
}

function section(id, title, ...content) {
  return el("section", { className: "card", attrs: { "aria-labelledby": id } }, [el("h2", { text: title, attrs: { id } }), ...content]);
}

export function renderReport(container, report, { origin = "" } = {}) {
  const title = report.job_title ? `Fit for “${report.job_title}”` : "Your fit for this job";
  const head = el("div", { className: "card summary" }, [
    gauge(report.score, report.band),
    el("div", {}, [
      el("h2", { text: title, attrs: { id: "results-heading" } }),
      el("p", { className: "score-line" }, [
        el("span", { text: "Score " }),
        el("strong", { attrs: { id: "score" }, text: String(Math.round(report.score)) }),
        el("span", { text: "/100, band " }),
        el("strong", { attrs: { id: "band" }, text: report.band }),
      ]),
      origin ? el("p", { className: "hint", text: origin }) : null,
      report.blind ? el("p", { className: "hint", text: "Blind: personal details were left out." }) : null,
      el("p", { className: "hint", text: `Scorer ${report.scorer}` }),
    ]),
  ]);
  const suggestions = [...report.suggestions].sort((a, b) => a.priority - b.priority);
  container.replaceChildren(
    head,
    section("sec-components", "What the score is made of", componentList(report.components)),
    section("sec-skills", "Skills: required and preferred", skillChips(report)),
    section("sec-suggestions", "Suggestions, most useful first",
      el("p", { className: "hint", text: "Only add what is true: these point at what the job asks and the resume does not show yet." }),
      listOrNote(suggestions, (s) => el("li", { text: s.message }), "No suggestions: the resume already shows what the job asks.", true)),
    section("sec-requirements", "Requirement by requirement", requirementsTable(report.requirements)),
    section("sec-years", "Years of experience", experienceBlock(report.experience)),
    section("sec-achievements", "Quota and achievement evidence",
      listOrNote(report.achievements, (m) => el("li", {}, [el("strong", { text: `${METRIC_NAMES[m.kind] || m.kind}: ` }), el("span", { text: m.text })]), "No quota attainment or other measured results were found in the resume.")),
    section("sec-gaps", "Gaps",
      listOrNote(report.gaps, (g) => el("li", { text: g.message }), "No gaps found.")),
    section("sec-warnings", "Reading the resume",
      listOrNote(report.warnings, (w) => el("li", { className: `warning warning-${w.code}` }, [el("strong", { text: `${w.code.replace(/_/g, " ")}: ` }), el("span", { text: w.message })]), "No extraction problems: the whole resume was read as text.")),
  );
  container.hidden = false;
}
