"""Tag taxonomy entries in text: spaCy PhraseMatchers over every name and alias.

Three kinds of pattern:

- plain forms match in any case and are always tagged;
- short acronyms (SQL, AWS, IT, OR) match as written, in capitals, and are always tagged; in
  lower case only in a skills list (or beside other tagged skills);
- ambiguous forms (entry.ambiguous, and any one-letter form: Excel, Go, R, Outreach, Close) match
  as written and are tagged only where the context says so: a skills list, a "Skills:" line,
  tool-ish neighbours ("in Outreach", "using Excel", "Gong calls") or a list of other tagged
  skills ("Go and Python"). "excel at", "lead a team" and "close deals" never match.

The longest non-overlapping match wins; spans carry character offsets into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from skills_taxonomy.normalise import compact_key, exact_key
from skills_taxonomy.records import Entry, TaggedSpan


class Kind(Enum):
    ALWAYS = "always"  # plain forms, and acronyms in capitals
    ACRONYM_LOWER = "acronym_lower"  # "sql": in skills lists or next to other skills
    CONTEXT = "context"  # ambiguous form as written: needs tool-ish context
    LIST_ONLY = "list_only"  # ambiguous form in another case: skills lists and "Skills:" lines


CUE_BEFORE = frozenset(
    "in using use uses used with via on into through leveraging leverage utilizing utilising "
    "utilize utilise including like knowledge proficient proficiency expertise experienced "
    "certified".split()
)
CUE_AFTER = frozenset(
    "calls call recordings recording sequences sequence cadences cadence spreadsheets spreadsheet "
    "formulas formula macros macro vlookup vlookups pivot dashboards dashboard reports workbooks "
    "channels channel workspace meetings meeting templates integration integrations api apis sdk "
    "programming language developer developers development certified certification methodology "
    "framework selling training trained admin administrator administration cookbooks recipes "
    "scripts scripting code modules manifests charting user users expert proficiency skills "
    "platform software database databases playbooks".split()
)
VETO_AFTER = frozenset(
    "at a an the your our their my his her its to deals deal program programs programme study "
    "studies of yourself".split()
)
SEPARATORS = frozenset([",", "/", "&", "and", "or", "(", ")", ";", "|", "•", "·", "+", "-", ":"])
ATTACHED_VETO = frozenset(["-", "&", "'", "’", "'s", "’s"])
HEADER = re.compile(
    r"\b(?:skills?|tools?|technolog(?:y|ies)|software|stack|languages?|platforms?|proficienc\w*|"
    r"competenc\w*|expertise|applications?|systems?)\b[^:\n]{0,30}[:\-–|]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    start: int  # token offsets
    end: int
    entry_id: str
    kind: Kind

    @property
    def length(self) -> int:
        return self.end - self.start


class Tagger:
    """Built once per taxonomy (a few seconds for large overlays), then reused for every text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.nlp = spacy.blank("en")
        vocab = self.nlp.vocab
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        self._keys: dict[int, tuple[str, Kind]] = {}
        lower: dict[str, list[str]] = {}
        orth: dict[str, list[str]] = {}
        for entry in entries:
            ambiguous = {exact_key(form) for form in entry.ambiguous}
            for form in dict.fromkeys((entry.name, *entry.aliases)):
                if not compact_key(form):
                    continue
                if exact_key(form) in ambiguous or len(compact_key(form)) == 1:
                    self._register(orth, entry.id, Kind.CONTEXT, form)
                    self._register(lower, entry.id, Kind.LIST_ONLY, form)
                elif _is_acronym(form):
                    self._register(orth, entry.id, Kind.ALWAYS, form)
                    self._register(lower, entry.id, Kind.ACRONYM_LOWER, form)
                else:
                    self._register(lower, entry.id, Kind.ALWAYS, form)
        self._add(self._lower, lower)
        self._add(self._orth, orth)

    def _register(self, table: dict[str, list[str]], entry_id: str, kind: Kind, form: str) -> None:
        key = f"{kind.value}\t{entry_id}"
        self._keys[self.nlp.vocab.strings.add(key)] = (entry_id, kind)
        table.setdefault(key, []).append(form)

    def _add(self, matcher: PhraseMatcher, table: dict[str, list[str]]) -> None:
        for key, forms in table.items():
            matcher.add(key, list(self.nlp.tokenizer.pipe(forms)))

    def tag(self, text: str, *, skills_list: bool = False) -> list[TaggedSpan]:
        doc = self.nlp.make_doc(text)
        candidates = self._candidates(doc)
        sure = [c for c in candidates if c.kind is Kind.ALWAYS or skills_list]
        chosen = _longest_first(sure)
        pending = [c for c in candidates if c not in sure]
        while pending:
            taken = _token_owner(chosen)
            added = [
                c
                for c in pending
                if not any(i in taken for i in range(c.start, c.end))
                and _context_ok(doc, c, taken)
            ]
            if not added:
                break
            chosen = _longest_first(chosen + added)
            pending = [c for c in pending if c not in added]
        return [
            TaggedSpan(
                entry_id=c.entry_id,
                text=text[doc[c.start].idx : _end_char(doc, c.end)],
                start=doc[c.start].idx,
                end=_end_char(doc, c.end),
            )
            for c in sorted(chosen, key=lambda c: c.start)
        ]

    def _candidates(self, doc: Doc) -> list[Candidate]:
        found: list[Candidate] = []
        for matcher in (self._lower, self._orth):
            for match_id, start, end in matcher(doc):
                entry_id, kind = self._keys[match_id]
                found.append(Candidate(start, end, entry_id, kind))
        return found


def _is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters) and " " not in form


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans, longest first, then earliest, then the order given."""
    ordered = sorted(enumerate(candidates), key=lambda p: (-p[1].length, p[1].start, p[0]))
    taken: set[int] = set()
    kept: list[Candidate] = []
    for _, c in ordered:
        if any(i in taken for i in range(c.start, c.end)):
            continue
        kept.append(c)
        taken.update(range(c.start, c.end))
    return kept


def _token_owner(chosen: list[Candidate]) -> set[int]:
    return {i for c in chosen for i in range(c.start, c.end)}


def _context_ok(doc: Doc, c: Candidate, taken: set[int]) -> bool:
    if _vetoed(doc, c):
        return False
    if c.kind is Kind.LIST_ONLY:
        return _in_skills_line(doc, c)
    if _in_skills_line(doc, c) or _beside_tagged(doc, c, taken):
        return True
    if c.kind is Kind.ACRONYM_LOWER:
        return False
    before = doc[c.start - 1].lower_ if c.start > 0 else ""
    after = doc[c.end].lower_ if c.end < len(doc) else ""
    return before in CUE_BEFORE or after in CUE_AFTER


def _vetoed(doc: Doc, c: Candidate) -> bool:
    last = doc[c.end - 1]
    if c.end < len(doc):
        following = doc[c.end]
        if not last.whitespace_ and following.text in ATTACHED_VETO:
            return True  # Go-to-market, C-suite, R&D
        if following.lower_ in VETO_AFTER:
            return True  # excel at, lead a team, close deals, pilot program
        if len(last.text) == 1 and following.text == "." and not last.whitespace_:
            return True  # an initial: John C. Smith
    if c.start > 0:
        previous = doc[c.start - 1]
        if not previous.whitespace_ and previous.text in {"-", "&"}:
            return True
    return False


def _beside_tagged(doc: Doc, c: Candidate, taken: set[int]) -> bool:
    """Another tagged skill within two separator tokens on either side ("Python, R and SQL")."""
    for step, edge in ((-1, c.start - 1), (1, c.end)):
        i = edge
        hops = 0
        while 0 <= i < len(doc) and doc[i].lower_ in SEPARATORS and hops < 2:
            i += step
            hops += 1
        if hops and 0 <= i < len(doc) and i in taken:
            return True
    return False


def _in_skills_line(doc: Doc, c: Candidate) -> bool:
    text = doc.text
    start_char = doc[c.start].idx
    line_start = text.rfind("\n", 0, start_char) + 1
    return HEADER.search(text, line_start, start_char) is not None
