// Job description capture. `captureJobPosting` runs inside the job page (chrome.scripting
// serialises the function, so it must not use anything from outside its own body).
// Order: 1. JSON-LD JobPosting, 2. known job-board selectors, 3. the largest text block.

export function captureJobPosting() {
  const MIN_CHARS = 120;
  const LIMIT = 60000;
  const BLOCK_TAGS = new Set([
    "ADDRESS", "ARTICLE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "H1", "H2", "H3", "H4",
    "H5", "H6", "HR", "LI", "OL", "P", "SECTION", "TABLE", "TR", "UL",
  ]);

  // Job boards in the order they are tried; a board's selectors are tried on any host, its
  // own host first, so a saved copy of a posting is captured the same way.
  const BOARDS = [
    {
      name: "LinkedIn",
      hosts: /(^|\.)linkedin\.com$/,
      title: [".job-details-jobs-unified-top-card__job-title", ".top-card-layout__title"],
      body: [
        ".jobs-description__content",
        ".jobs-description-content__text",
        ".show-more-less-html__markup",
        "#job-details",
      ],
    },
    {
      name: "Indeed",
      hosts: /(^|\.)indeed\.[a-z.]+$/,
      title: [".jobsearch-JobInfoHeader-title", "[data-testid='jobsearch-JobInfoHeader-title']"],
      body: ["#jobDescriptionText", ".jobsearch-jobDescriptionText"],
    },
    {
      name: "Greenhouse",
      hosts: /(^|\.)greenhouse\.io$/,
      title: [".job__title h1", ".app-title", "#header h1"],
      body: [".job__description", "#app_body #content", "#content .content-intro ~ *"],
    },
    {
      name: "Lever",
      hosts: /(^|\.)lever\.co$/,
      title: [".posting-headline h2"],
      body: ["[data-qa='job-description']", ".posting-page .section.page-centered"],
    },
    {
      name: "Workday",
      hosts: /(^|\.)(myworkdayjobs|workday)\.com$/,
      title: ["[data-automation-id='jobPostingHeader']"],
      body: ["[data-automation-id='jobPostingDescription']"],
    },
  ];

  function tidy(text) {
    return text
      .replace(/\r\n?/g, "\n")
      .replace(/[ \t\u00a0]+/g, " ")
      .split("\n")
      .map((line) => line.trim())
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
      .slice(0, LIMIT);
  }

  // Text of markup that is not on screen (JSON-LD descriptions): parsed inertly, blocks kept.
  function markupToText(markup) {
    const doc = new DOMParser().parseFromString(String(markup), "text/html");
    const out = [];
    (function walk(node) {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          out.push(child.nodeValue);
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const tag = child.tagName;
          if (tag === "SCRIPT" || tag === "STYLE") continue;
          if (BLOCK_TAGS.has(tag)) out.push("\n");
          if (tag === "LI") out.push("- ");
          walk(child);
          if (BLOCK_TAGS.has(tag)) out.push("\n");
        }
      }
    })(doc.body);
    return tidy(out.join(""));
  }

  function visibleText(element) {
    return tidy(element.innerText || element.textContent || "");
  }

  function firstText(selectors) {
    for (const selector of selectors) {
      const found = document.querySelector(selector);
      if (found && visibleText(found)) return visibleText(found);
    }
    return "";
  }

  function* jsonLdNodes(value) {
    if (Array.isArray(value)) {
      for (const item of value) yield* jsonLdNodes(item);
    } else if (value && typeof value === "object") {
      yield value;
      if (value["@graph"]) yield* jsonLdNodes(value["@graph"]);
    }
  }

  function isJobPosting(node) {
    const type = node["@type"];
    return Array.isArray(type) ? type.includes("JobPosting") : type === "JobPosting";
  }

  function asText(value) {
    if (value == null) return "";
    if (typeof value === "string") return markupToText(value);
    if (Array.isArray(value)) return value.map(asText).filter(Boolean).join("\n");
    if (typeof value === "object") return asText(value.name || value.description || "");
    return String(value);
  }

  function fromJsonLd() {
    for (const script of document.querySelectorAll("script[type='application/ld+json']")) {
      let data;
      try {
        data = JSON.parse(script.textContent || "");
      } catch {
        continue; // a broken block on the page; try the next one
      }
      for (const node of jsonLdNodes(data)) {
        if (!isJobPosting(node)) continue;
        const title = asText(node.title);
        const parts = [title];
        const company = asText(node.hiringOrganization);
        if (company) parts.push(company);
        parts.push(asText(node.description));
        const extras = [
          ["Responsibilities", node.responsibilities],
          ["Qualifications", node.qualifications],
          ["Skills", node.skills],
          ["Experience", node.experienceRequirements],
          ["Education", node.educationRequirements],
        ];
        for (const [label, value] of extras) {
          const text = asText(value);
          if (text) parts.push(`${label}:\n${text}`);
        }
        const text = tidy(parts.filter(Boolean).join("\n\n"));
        if (text.length >= MIN_CHARS / 2) return { text, source: "json-ld", title };
      }
    }
    return null;
  }

  function fromBoard(board) {
    for (const selector of board.body) {
      const blocks = [...document.querySelectorAll(selector)].map(visibleText).filter(Boolean);
      const body = blocks.join("\n\n");
      if (body.length < MIN_CHARS) continue;
      const title = firstText(board.title);
      const text = tidy(title && !body.startsWith(title) ? `${title}\n\n${body}` : body);
      return { text, source: board.name.toLowerCase(), title };
    }
    return null;
  }

  function fromBoards() {
    const host = location.hostname;
    const ordered = [...BOARDS].sort((a, b) => Number(b.hosts.test(host)) - Number(a.hosts.test(host)));
    for (const board of ordered) {
      const found = fromBoard(board);
      if (found) return found;
    }
    return null;
  }

  // Paragraphs and list items vote for their parent (and half for the grandparent); the element
  // with the most text wins. Navigation, headers, footers, asides and forms never win.
  function fromLargestBlock() {
    const skip = "nav, header, footer, aside, form, script, style, noscript, [aria-hidden='true']";
    const scores = new Map();
    for (const piece of document.body.querySelectorAll("p, li, h2, h3, h4, td, pre")) {
      if (piece.closest(skip)) continue;
      const length = visibleText(piece).length;
      if (!length) continue;
      const parent = piece.parentElement;
      if (parent) scores.set(parent, (scores.get(parent) || 0) + length);
      const grand = parent && parent.parentElement;
      if (grand) scores.set(grand, (scores.get(grand) || 0) + length / 2);
    }
    let best = null;
    let bestScore = 0;
    for (const [element, score] of scores) {
      if (score > bestScore) {
        best = element;
        bestScore = score;
      }
    }
    // Climb while the parent adds little (the intro paragraph above a list, say).
    while (best && best.parentElement && best.parentElement !== document.body) {
      const parent = best.parentElement;
      if (parent.matches(skip) || visibleText(parent).length > visibleText(best).length * 1.5) break;
      best = parent;
    }
    const text = visibleText(best || document.body);
    const title = tidy(document.querySelector("h1")?.innerText || document.title || "");
    const withTitle = title && !text.startsWith(title) ? `${title}\n\n${text}` : text;
    return { text: tidy(withTitle), source: "largest-block", title };
  }

  const found = fromJsonLd() || fromBoards() || fromLargestBlock();
  return { ...found, url: location.href };
}

export const SOURCE_LABELS = {
  "json-ld": "structured data (JSON-LD JobPosting)",
  linkedin: "LinkedIn job description",
  indeed: "Indeed job description",
  greenhouse: "Greenhouse job description",
  lever: "Lever job description",
  workday: "Workday job description",
  "largest-block": "the largest block of text on the page",
};
