"""Evidence units of a resume (bullets and sentences, never the contact block) and the best
evidence for each JD requirement line by embedding similarity.

Similarities are all-MiniLM-L6-v2 cosines: about 0.65+ is a paraphrase, 0.45-0.65 related,
below 0.3 unrelated (calibrated on the fixtures in tests/matcher).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from extract.records import Job, Resume
from extract.wrapped_lines import join_wrapped
from matcher.encoder import Encoder

# cosine -> 0..1 strength: 0.25 counts for nothing, 0.65 and above for everything
SIMILARITY_FLOOR = 0.25
SIMILARITY_FULL = 0.65
# sections whose sentences are evidence; contact, education and skills lists never are
EVIDENCE_SECTIONS = ("summary", "experience", "achievements", "projects", "other")
KEYWORD_LIST_MENTIONS, KEYWORD_LIST_SHARE = 4, 0.5  # a unit this full of skill names is a list
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9$])")
# bullet markers; a hollow "o" bullet only when a space follows ("on the phone" keeps its "o")
_BULLET = re.compile(r"^\s*(?:[\-\u2022\u25aa\u25cf\u2023\u2043*\u00b7>]+|o(?=\s))\s*(?=\S)")
_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class Unit:
    """One piece of resume evidence: a bullet or sentence with its place in the resume."""

    text: str
    start: int | None
    end: int | None
    section: str
    role: int | None  # index into resume.experience


def split_sentences(text: str) -> list[str]:
    """Lines without bullet markers, wrapped lines joined, split at sentence ends; fragments
    under 2 words dropped."""
    out: list[str] = []
    for line in join_wrapped(text.splitlines()):
        line = _BULLET.sub("", line).strip()
        for sentence in _SENTENCE_END.split(line):
            sentence = sentence.strip()
            if len(sentence.split()) >= 2:
                out.append(sentence)
    return out


def resume_units(resume: Resume) -> list[Unit]:
    """Every evidence unit: role bullets first, then summary and other sections' sentences."""
    units: list[Unit] = []
    seen: set[str] = set()
    private = _private_strings(resume)

    def add(text: str, section: str, role: int | None, within: tuple[int, int] | None) -> None:
        """A unit; its offsets only when resume.text[start:end] holds its words, with any
        whitespace between them, inside ``within`` (a scrubbed sentence has none)."""
        text = _scrub(text, private)
        if len(text.split()) < 2 or text in seen:
            return
        seen.add(text)
        found = _locate(resume.text, text, within or (0, len(resume.text)))
        start, end = found or (None, None)
        units.append(Unit(text, start, end, section, role))

    for index, role in enumerate(resume.experience):
        span = (
            (role.text_start, role.text_end)
            if role.text_start is not None and role.text_end is not None
            else None
        )
        for bullet in role.bullets:
            for sentence in split_sentences(bullet):
                add(sentence, "experience", index, span)
    summary = next((s for s in resume.sections if s.kind == "summary"), None)
    if resume.summary:
        for sentence in split_sentences(resume.summary):
            add(sentence, "summary", None, (summary.start, summary.end) if summary else None)
    has_bullets = any(role.bullets for role in resume.experience)
    for section in resume.sections:
        if section.kind not in EVIDENCE_SECTIONS:
            continue
        if section.kind == "experience" and has_bullets:
            continue  # the roles' bullets already cover it
        for sentence in split_sentences(section.text):
            add(
                sentence,
                section.kind,
                _role_at(resume, section.text, sentence, section.start),
                (section.start, section.end),
            )
    return [unit for unit in units if not _keyword_list(unit, resume)]


def _locate(haystack: str, text: str, window: tuple[int, int]) -> tuple[int, int] | None:
    """Where ``text`` stands in ``haystack``, inside ``window`` if it can, also when a line break
    sits between its words."""
    spaced: re.Pattern[str] | None = None
    for low, high in (window, (0, len(haystack))):
        start = haystack.find(text, low, high)
        if start >= 0:
            return start, start + len(text)
        spaced = spaced or re.compile(r"\s+".join(re.escape(word) for word in text.split()))
        found = spaced.search(haystack, low, high)
        if found:
            return found.start(), found.end()
    return None


def _keyword_list(unit: Unit, resume: Resume) -> bool:
    """A "sentence" that is mostly skill names ("Salesforce MEDDIC Gong Outreach ...") is a list,
    not evidence of use: it never stands as evidence for a requirement."""
    if unit.start is None or unit.end is None:
        return False
    covered: set[int] = set()
    mentions = 0
    for skill in resume.skills:
        for mention in skill.mentions:
            if unit.start <= mention.start < unit.end:
                mentions += 1
                covered.update(range(mention.start, min(mention.end, unit.end)))
    letters = sum(not char.isspace() for char in unit.text) or 1
    tagged = sum(not resume.text[i].isspace() for i in covered)
    return mentions >= KEYWORD_LIST_MENTIONS and tagged / letters >= KEYWORD_LIST_SHARE


def _role_at(resume: Resume, section_text: str, sentence: str, section_start: int) -> int | None:
    offset = section_text.find(sentence)
    if offset < 0:
        return None
    position = section_start + offset
    for index, role in enumerate(resume.experience):
        if role.text_start is not None and role.text_end is not None:
            if role.text_start <= position < role.text_end:
                return index
    return None


def _private_strings(resume: Resume) -> list[str]:
    contact = resume.contact
    values = [contact.name, contact.email, contact.phone, contact.location]
    values += [link.url for link in contact.links]
    return sorted((v for v in values if v and len(v) >= 3), key=len, reverse=True)


def _scrub(text: str, private: list[str]) -> str:
    """Remove contact details that leaked into a sentence, so they can never reach the score."""
    for value in private:
        if value in text:
            text = text.replace(value, " ")
    return " ".join(text.split())


def strength(similarity: float) -> float:
    """A cosine mapped to 0..1 evidence strength."""
    scaled = (similarity - SIMILARITY_FLOOR) / (SIMILARITY_FULL - SIMILARITY_FLOOR)
    return float(min(1.0, max(0.0, scaled)))


@dataclass(frozen=True)
class EvidenceIndex:
    """The resume's units and their embeddings, to ask for the best evidence of any text."""

    units: list[Unit]
    vectors: np.ndarray  # (len(units), dims), L2-normalised

    @classmethod
    def build(cls, resume: Resume, encoder: Encoder) -> EvidenceIndex:
        units = resume_units(resume)
        vectors = encoder.encode([unit.text for unit in units])
        return cls(units, vectors)

    def similarities(self, queries: np.ndarray) -> np.ndarray:
        """(queries, units) cosines, rounded so that float noise cannot flip a score."""
        if not self.units or queries.shape[0] == 0:
            return np.zeros((queries.shape[0], len(self.units)), dtype=np.float32)
        return np.round(queries @ self.vectors.T, 4)

    def best(self, sims: np.ndarray, roles_only: bool = False) -> tuple[Unit | None, float]:
        """The best unit and its cosine for one row of ``similarities``."""
        if sims.size == 0:
            return None, 0.0
        if roles_only:
            mask = np.array([unit.role is not None for unit in self.units])
            if not mask.any():
                return None, 0.0
            sims = np.where(mask, sims, -1.0)
        index = int(np.argmax(sims))
        return self.units[index], float(sims[index])

    def unit_containing(self, position: int) -> Unit | None:
        for unit in self.units:
            if (
                unit.start is not None
                and unit.end is not None
                and unit.start <= position < unit.end
            ):
                return unit
        return None


def requirement_texts(job: Job) -> list[str]:
    return [requirement.text for requirement in job.requirements]


def drop_years(text: str) -> str:
    """Education lines without their years (graduation year never reaches the score)."""
    return " ".join(_YEARS.sub(" ", text).split())
