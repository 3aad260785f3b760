"""Tag taxonomy entries in text: spaCy PhraseMatchers over every name and alias.

Three kinds of pattern:

- plain forms match in any case and are always tagged, multi-word ones also hyphenated as tags
  are written ("amazon-web-services");
- short acronyms (SQL, AWS, IT, OR) match as written, in capitals, and are always tagged; in
  lower case only in a skills list (or beside other tagged skills); acronyms no word looks like
  (C#, C++, S3, K8s) are plain forms;
- ambiguous forms (entry.ambiguous, and any one-letter form: Excel, Go, R, Outreach, Close) match
  as written (short acronyms such as OR, IT, C only so), and are tagged only where the context
  says so: a skills list, a "Skills:" line, tool-ish neighbours ("in Outreach", "using Excel",
  "Gong calls") or a list of other tagged skills ("Go and Python"). "excel at", "lead a team"
  and "close deals" never match.

Generated forms (``inflection``: "negotiated", "qualify leads" from Negotiation and Lead
Qualification) are plain forms when sure; bare verbs ("Forecast in Clari") count only leading a
line, in a skills line or in a list of tagged skills; everyday words ("qualified") only in the
latter two. A lower-case ambiguous skill joined by "and", "or" or a comma to another tagged skill
or methodology is tagged ("Ran discovery and negotiation"). Short forms that differ only in case
name different entries as written (``dbt`` the tool, ``DBT`` the therapy; ``pip`` / ``PIP``).

The longest non-overlapping match wins; spans carry character offsets into the original text.

Tokens come from one regular expression (words, ``C++``/``C#``, single punctuation marks) and are
handed to spaCy as a ``Doc`` built from words: spaCy's rule-based tokenizer runs at about 180,000
words per second here, this at well over a million, and names and text are split the same way.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from enum import Enum

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from skills_taxonomy.inflection import Strength, generated_forms
from skills_taxonomy.normalise import cased_short, compact_key, exact_key
from skills_taxonomy.records import Entry, TaggedSpan


class Kind(Enum):
    ALWAYS = "always"  # plain forms, and acronyms in capitals
    ACRONYM_LOWER = "acronym_lower"  # "sql": in skills lists or next to other skills
    CONTEXT = "context"  # ambiguous form as written: needs tool-ish context
    LIST_ONLY = "list_only"  # ambiguous form in another case: skills lists and "Skills:" lines
    VERB = "verb"  # generated bare verb ("forecast"): leading a line, skills lines and lists
    NEAR = "near"  # generated everyday word ("qualified"): skills lines, lists of tagged skills


# categories whose ambiguous lower-case forms a neighbouring tagged skill of the same kind confirms
LIST_PEER_CATEGORIES = frozenset({"hard_skill", "methodology"})
PEER_JOINS = frozenset([",", "and", "or", "&"])
_GENERATED_KIND = {
    Strength.SURE: Kind.ALWAYS,
    Strength.VERB: Kind.VERB,
    Strength.CONTEXT: Kind.NEAR,
}


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
    "platform software database databases playbooks warehouse instance instances org orgs "
    "workflows automation reporting".split()
)
VETO_AFTER = frozenset(
    "at a an the your our their my his her its to deals deal program programs programme study "
    "studies of yourself".split()
)
TOKEN = re.compile(r"\w+(?:\+\+(?!\w)|#(?!\w))?|[^\w\s]")
UNKNOWN = "\x00"
ALTERNATIVES = frozenset("another similar equivalent other comparable".split())
HYPHEN_SUFFIXES = frozenset("trained certified based driven powered savvy".split())
LIST_SEPARATORS = frozenset([",", ";", "|", "•", "·", "/", "and", "or", "&"])
SEPARATORS = frozenset([",", "/", "&", "and", "or", "(", ")", ";", "|", "•", "·", "+", "-", ":"])
ATTACHED_VETO = frozenset(["-", "&", "'", "’"])
# a "Skills:" style label at the start of a line: "Technical Skills:", "Tools - ", "Tech stack |"
HEADER = re.compile(
    r"^[\s•*·\-]*(?:[A-Za-z&/]+\s+){0,3}?(?:skills?|tools?|technolog(?:y|ies)|software|stack|"
    r"languages?|platforms?|proficienc(?:y|ies)|competenc(?:y|ies)|expertise|applications|systems)"
    r"(?:\s+(?:&|and|used)\s+[A-Za-z]+)?\s*(?::|\s[-–|]\s)",
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


@dataclass(frozen=True)
class Tokens:
    """A text split by ``TOKEN``, with each token's character offsets."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> Tokens:
        matches = list(TOKEN.finditer(text))
        return cls(
            text,
            [m.group() for m in matches],
            [m.start() for m in matches],
            [m.end() for m in matches],
        )

    def __len__(self) -> int:
        return len(self.words)

    def lower(self, i: int) -> str:
        return self.words[i].lower() if 0 <= i < len(self.words) else ""

    def attached(self, i: int) -> bool:
        """Whether token i is followed by token i + 1 with no space between."""
        return i + 1 < len(self.words) and self.ends[i] == self.starts[i + 1]


class Tagger:
    """Built once per taxonomy (a few seconds for large overlays), then reused for every text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.vocab: Vocab = spacy.blank("en").vocab
        self._lower = PhraseMatcher(self.vocab, attr="LOWER")
        self._orth = PhraseMatcher(self.vocab, attr="ORTH")
        self._keys: dict[int, tuple[str, Kind]] = {}
        self._known: set[str] = set()  # lower-cased words that occur in some name or alias
        self._skill_ids: frozenset[str] = frozenset()  # hard skills and methodologies
        lower: dict[str, list[str]] = {}
        orth: dict[str, list[str]] = {}
        entries = list(entries)
        self._skill_ids = frozenset(e.id for e in entries if e.category in LIST_PEER_CATEGORIES)
        twins = case_twin_keys(entries)
        for entry in entries:
            ambiguous = {exact_key(form) for form in entry.ambiguous}
            for form in dict.fromkeys((entry.name, *entry.aliases)):
                if not compact_key(form):
                    continue
                if exact_key(form) in twins:  # "dbt" and "DBT" name different entries
                    kind = Kind.CONTEXT if exact_key(form) in ambiguous else Kind.ALWAYS
                    self._register(orth, entry.id, kind, form)
                elif exact_key(form) in ambiguous or len(compact_key(form)) == 1:
                    self._register(orth, entry.id, Kind.CONTEXT, form)
                    if not _is_acronym(form) or len(compact_key(form)) > 3:
                        # "excel" in a skills list, but never "or", "it", "ed" or "c"
                        self._register(lower, entry.id, Kind.LIST_ONLY, form)
                elif _is_acronym(form) and not _DISTINCT.search(form):
                    self._register(orth, entry.id, Kind.ALWAYS, form)
                    self._register(lower, entry.id, Kind.ACRONYM_LOWER, form)
                else:  # plain forms, and acronyms no word looks like: c#, c++, s3, k8s
                    self._register(lower, entry.id, Kind.ALWAYS, form)
                    if " " in form.strip():  # "amazon-web-services", as tags are written
                        self._register(lower, entry.id, Kind.ALWAYS, "-".join(form.split()))
        for form, (entry_id, strength) in generated_forms(entries).items():
            self._register(lower, entry_id, _GENERATED_KIND[strength], form)
        self._add(self._lower, lower)
        self._add(self._orth, orth)

    def _register(self, table: dict[str, list[str]], entry_id: str, kind: Kind, form: str) -> None:
        key = f"{kind.value}\t{entry_id}"
        self._keys[self.vocab.strings.add(key)] = (entry_id, kind)
        table.setdefault(key, []).append(form)

    def _add(self, matcher: PhraseMatcher, table: dict[str, list[str]]) -> None:
        for key, forms in table.items():
            docs = []
            for form in forms:
                words = Tokens.of(form).words
                self._known.update(w.lower() for w in words)
                docs.append(Doc(self.vocab, words=words))
            matcher.add(key, docs)

    def tag(self, text: str, *, skills_list: bool = False) -> list[TaggedSpan]:
        tokens = Tokens.of(text)
        if not tokens.words:
            return []
        # words no pattern uses become one placeholder: matches are unchanged, and the shared
        # vocabulary never grows with (or keeps) the words of the texts tagged
        known = self._known
        words = [w if w.lower() in known else UNKNOWN for w in tokens.words]
        candidates = self._candidates(Doc(self.vocab, words=words))
        sure: list[Candidate] = []
        pending: list[Candidate] = []
        for c in candidates:
            (sure if c.kind is Kind.ALWAYS or skills_list else pending).append(c)
        chosen = _longest_first(sure)
        while pending:
            taken = _token_owner(chosen)
            added = [
                c
                for c in pending
                if not any(i in taken for i in range(c.start, c.end))
                and (_context_ok(tokens, c, taken) or self._skill_peer(tokens, c, taken))
            ]
            if not added:
                break
            chosen = _longest_first(chosen + added)
            accepted = {id(c) for c in added}
            pending = [c for c in pending if id(c) not in accepted]
        spans = []
        for c in sorted(chosen, key=lambda c: c.start):
            start, end = tokens.starts[c.start], tokens.ends[c.end - 1]
            spans.append(
                TaggedSpan(entry_id=c.entry_id, text=text[start:end], start=start, end=end)
            )
        return spans

    def _skill_peer(self, tokens: Tokens, c: Candidate, taken: dict[int, str]) -> bool:
        """A lower-case ambiguous skill joined to another tagged skill by "and", "or" or a comma
        ("Ran discovery and negotiation", "coding and testing"): the pair reads as skills."""
        if c.kind is not Kind.LIST_ONLY or c.entry_id not in self._skill_ids or _vetoed(tokens, c):
            return False
        for step, edge in ((-1, c.start - 1), (1, c.end)):
            if tokens.lower(edge) in PEER_JOINS and taken.get(edge + step) in self._skill_ids:
                return True
        return False

    def _candidates(self, doc: Doc) -> list[Candidate]:
        found: list[Candidate] = []
        for matcher in (self._lower, self._orth):
            for match_id, start, end in matcher(doc):
                entry_id, kind = self._keys[match_id]
                found.append(Candidate(start, end, entry_id, kind))
        return found


_DISTINCT = re.compile(r"[\d+#]")


def _is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters) and " " not in form


# among readings of the same span: a form as curated, then a generated one, then a curated form
# in another case ("close" in a list is Closing; "Close" is the CRM)
_READING_RANK = {Kind.LIST_ONLY: 2, Kind.VERB: 1, Kind.NEAR: 1}


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans, longest first, then earliest, then the surest reading, then the
    order given."""
    ordered = sorted(
        enumerate(candidates),
        key=lambda p: (-p[1].length, p[1].start, _READING_RANK.get(p[1].kind, 0), p[0]),
    )
    taken: set[int] = set()
    kept: list[Candidate] = []
    for _, c in ordered:
        if any(i in taken for i in range(c.start, c.end)):
            continue
        kept.append(c)
        taken.update(range(c.start, c.end))
    return kept


def _token_owner(chosen: list[Candidate]) -> dict[int, str]:
    """Token index -> the entry tagged there."""
    return {i: c.entry_id for c in chosen for i in range(c.start, c.end)}


def case_twin_keys(entries: list[Entry]) -> set[str]:
    """Lower-cased short forms that name different entries in different cases (pip / PIP)."""
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            if cased_short(form):
                owners.setdefault(form.strip().lower(), set()).add(entry.id)
    return {key for key, ids in owners.items() if len(ids) > 1}


def _context_ok(tokens: Tokens, c: Candidate, taken: Container[int]) -> bool:
    if c.kind in (Kind.VERB, Kind.NEAR):
        if _vetoed(tokens, c, verb=True):
            return False
        if _in_skills_line(tokens, c) or _tagged_list_items(tokens, c, taken) >= 2:
            return True
        return c.kind is Kind.VERB and _leads_line(tokens, c)
    if _vetoed(tokens, c):
        return False
    if c.kind is Kind.LIST_ONLY:
        return _in_skills_line(tokens, c) or _tagged_list_items(tokens, c, taken) >= 2
    if _in_skills_line(tokens, c) or _beside_tagged(tokens, c, taken):
        return True
    if c.kind is Kind.ACRONYM_LOWER or tokens.words[c.start].islower():
        return False  # the tool-ish cues below need a capitalised name ("in Outreach")
    if tokens.lower(c.end) == "-" and tokens.lower(c.end + 1) in HYPHEN_SUFFIXES:
        return True  # Sandler-trained, Salesforce-certified
    if tokens.lower(c.end) == "or" and tokens.lower(c.end + 1) in ALTERNATIVES:
        return True  # "Kafka or another streaming platform", "Gong or similar"
    return tokens.lower(c.start - 1) in CUE_BEFORE or tokens.lower(c.end) in CUE_AFTER


def _vetoed(tokens: Tokens, c: Candidate, *, verb: bool = False) -> bool:
    """Whether the words around a candidate say it is no skill. Verbs are followed by their
    objects ("Negotiate the contract"), so ``verb=True`` only applies the attached-mark checks."""
    last = c.end - 1
    if c.end < len(tokens):
        following = tokens.words[c.end]
        if tokens.attached(last) and following in ATTACHED_VETO:
            # Go-to-market, C-suite, R&D, Excel's; but Sandler-trained, Excel-based
            if not (following == "-" and tokens.lower(c.end + 1) in HYPHEN_SUFFIXES):
                return True
        if not verb and following.lower() in VETO_AFTER:
            return True  # excel at, lead a team, close deals, pilot program
        if len(tokens.words[last]) == 1 and following == "." and tokens.attached(last):
            return True  # an initial: John C. Smith
    if c.start > 0 and tokens.attached(c.start - 1) and tokens.words[c.start - 1] in {"-", "&"}:
        return True
    if c.length == 1 and len(tokens.words[c.start]) == 1:
        if tokens.lower(c.start - 1) == "(" and tokens.lower(c.end) == ")":
            return True  # a grade or a list marker: Physics (C), (a)
    # resume sites' boilerplate: "Email me on Indeed:"
    return tokens.lower(c.start - 2) == "me" and tokens.lower(c.start - 1) in {"on", "at", "via"}


LINE_LEAD = re.compile(r"^[\s•*·\-–—>]*(?:\d+[.)]\s*)?$")


def _leads_line(tokens: Tokens, c: Candidate) -> bool:
    """A capitalised word that starts its line or bullet and is followed by a lower-case word:
    the line's verb ("- Forecast in Clari", "Prospect into mid-market retailers")."""
    word = tokens.words[c.start]
    if not (word[:1].isupper() and word[1:].islower()) or c.end >= len(tokens):
        return False
    if not tokens.words[c.end].isalpha() or not tokens.words[c.end].islower():
        return False
    start_char = tokens.starts[c.start]
    line_start = tokens.text.rfind("\n", 0, start_char) + 1
    return LINE_LEAD.match(tokens.text[line_start:start_char]) is not None


def _beside_tagged(tokens: Tokens, c: Candidate, taken: Container[int]) -> bool:
    """Another tagged skill within two separator tokens on either side ("Python, R and SQL")."""
    for step, edge in ((-1, c.start - 1), (1, c.end)):
        i = edge
        hops = 0
        while 0 <= i < len(tokens) and tokens.lower(i) in SEPARATORS and hops < 2:
            i += step
            hops += 1
        if hops and 0 <= i < len(tokens) and i in taken:
            return True
    return False


def _tagged_list_items(tokens: Tokens, c: Candidate, taken: Container[int]) -> int:
    """In a list ("negotiation, closing, cold calling"), how many of the two items on each side
    of the candidate are tagged; 0 unless the candidate is a whole item on its own."""
    if not (_item_edge(tokens, c.start - 1, c.start) and _item_edge(tokens, c.end - 1, c.end)):
        return 0
    tagged = 0
    for step, edge in ((-1, c.start - 1), (1, c.end)):
        i = edge
        for _ in range(2):
            hops = 0
            while 0 <= i < len(tokens) and tokens.lower(i) in LIST_SEPARATORS and hops < 2:
                i += step
                hops += 1
            if hops == 0 or not 0 <= i < len(tokens):
                break
            item = 0
            while 0 <= i < len(tokens) and tokens.lower(i) not in LIST_SEPARATORS and item < 5:
                tagged_here = i in taken
                i += step
                item += 1
                if tagged_here:
                    tagged += 1
                    while 0 <= i < len(tokens) and tokens.lower(i) not in LIST_SEPARATORS:
                        i += step  # one count per item
                    break
    return tagged


def _item_edge(tokens: Tokens, left: int, right: int) -> bool:
    """Whether a list item may end at token ``left`` and the next begin at ``right``."""
    if left < 0 or right >= len(tokens):
        return True
    if tokens.lower(left) in LIST_SEPARATORS or tokens.lower(right) in LIST_SEPARATORS:
        return True
    return (
        tokens.lower(right) == "." or "\n" in tokens.text[tokens.ends[left] : tokens.starts[right]]
    )


def _in_skills_line(tokens: Tokens, c: Candidate) -> bool:
    start_char = tokens.starts[c.start]
    line_start = tokens.text.rfind("\n", 0, start_char) + 1
    return HEADER.match(tokens.text[line_start:start_char]) is not None
