"""Verb and noun variants of skill names, generated when the tagger is built.

Resumes and postings name skills as verbs ("Prospected into...", "Negotiate renewals",
"Onboarded 140 customers") where the taxonomy has the gerund or the noun (Prospecting,
Negotiation, Customer Onboarding). ``inflections`` derives those forms from a curated name or
alias of a skill, methodology or soft skill by rule, instead of listing them as aliases:

- a gerund (``prospecting``, ``closing``): past (``prospected``, ``closed``), base and third
  person (``prospect``, ``prospects``; ``close``, ``closes``);
- a nominalisation (``negotiation``, ``qualification``, ``optimization``): the verb's base,
  third person, past and gerund (``negotiate``, ``qualify``, ``qualified``, ``optimizing``);
- a plural (``renewals``): the singular;
- two words, object then activity (``lead qualification``, ``customer onboarding``): the verb
  then the object (``qualify leads``, ``onboarded customers``); activity then object
  (``closing deals``): the verb's other forms (``closed deals``, ``close deals``).

Candidate bases that are no word (``negotiat``, ``prospecte``) are harmless: nothing matches
them. Each variant says how sure it is:

- ``SURE``: tagged wherever it occurs (``negotiated``, ``qualify leads``);
- ``VERB``: a bare base or third person form, which is often also a noun ("a prospect", "the
  forecast"): tagged only as a line's leading verb ("- Forecast in Clari"), in a skills list or
  beside other tagged skills;
- ``CONTEXT``: a word that mostly means something else in running text (``qualified``,
  ``closed``, ``account``, ``coach``; see ``EVERYDAY_WORDS``): only in a skills list or beside
  other tagged skills.
"""

from __future__ import annotations

import re
from enum import Enum

from skills_taxonomy.normalise import compact_key, exact_key
from skills_taxonomy.records import Entry

INFLECTED_CATEGORIES = frozenset({"hard_skill", "soft_skill", "methodology"})
_VOWELS = frozenset("aeiou")
_LETTERS = re.compile(r"^[a-z]+$")
# words a rule derives that mostly mean something else in running text: tagged only in context
EVERYDAY_WORDS = frozenset(
    """
    qualified closed closes close account accounts accounted advanced based certified coach
    coaches designed detailed distributed experienced focused integrated limited managed
    organized organised related required skilled united planned printed published mixed fixed
    connected listed registered licensed trained educated programmed finished applied applies
    operated presented present presents documented document documents product products
    produced market markets marketed program programs model models modeled network networks
    networked bill bills billed ship ships shipped staff staffs staffed source sources sourced
    price prices priced plan plans test tests tested train trains trade trades traded bank banks
    banked cook cooks cooked paint paints painted write writes written sell sells build builds
    code codes coded lead leads led design designs mentor mentors teach teaches taught serve
    serves served support supports supported manage manages process processes processed
    service services serviced inform informs informed state states stated train record records
    recorded report reports reported budget budgets reach reaches reached track tracks tracked
    schedule schedules scheduled order orders ordered sort sorts sorted file files filed wire
    wires wired care cares cared mine mines mined farm farms farmed fish house houses housed
    land lands landed check checks checked clean cleans cleaned store stores stored form forms
    formed place places placed set sets run runs drive drives driven
    received receive receives monitored monitor monitors logged log logs classified classify
    drafted draft drafts estimated estimate estimates valued value values determined determine
    archived archive purchased purchase purchases graded grade grades profiled profile profiles
    positioned position positions aligned align brand brands branded research researches
    programs solution solutions facilitated facilitate collaborated collaborate communicated
    communicate instructed instruct counseled counselled counsel constructed construct
    measured measure measures reviewed review reviews tracked handled handle handles prepared
    prepare prepares installed install installs evaluated evaluate evaluates observed observe
    created create creates directed direct directs executed execute assisted assist assists
    alignment alignments determining classifying clustered cluster clusters switches resource
    resources routed route routes contracted contract contracts personalized personalised
    tailored catered index indexes indexed communicating differentiated
    """.split()
)


class Strength(Enum):
    SURE = "sure"
    VERB = "verb"
    CONTEXT = "context"


def inflections(form: str, *, ambiguous: bool = False) -> dict[str, Strength]:
    """Generated variants of one name or alias (lower case), each with how sure it is; the form
    itself is not among them. Empty for forms of three words or more and for short words.

    An ambiguous form's plural or singular is ambiguous too ("Qualifications:" heads a list)."""
    words = form.lower().split()
    if not words or not all(_LETTERS.match(w) for w in words):
        return {}
    found: dict[str, Strength] = {}
    if len(words) == 1:
        numbers = set(_number_variants(words[0]))
        for variant, strength in _word_variants(words[0]).items():
            context = ambiguous and variant in numbers
            found[variant] = Strength.CONTEXT if context else _guarded(variant, strength)
    elif len(words) == 2:
        first, last = words
        if _is_activity(last) or last.endswith("ment"):  # "lead qualification" -> "qualify leads"
            for verb in _verb_forms_of_activity(last):
                found[f"{verb} {_plural(first)}"] = Strength.SURE
        if first.endswith("ing") and len(first) >= 7:  # "closing deals" -> "closed deals"
            for verb in _verb_forms_of_activity(first):
                found[f"{verb} {last}"] = Strength.SURE
        for variant in _number_variants(last):
            found[f"{first} {variant}"] = Strength.SURE
    found.pop(form.lower(), None)
    return found


def _guarded(word: str, strength: Strength) -> Strength:
    return Strength.CONTEXT if word in EVERYDAY_WORDS else strength


def _is_activity(word: str) -> bool:
    return (word.endswith("ing") and len(word) >= 7) or (word.endswith("ion") and len(word) >= 8)


def _word_variants(word: str) -> dict[str, Strength]:
    found: dict[str, Strength] = {}
    if _is_activity(word):
        for verb, strength in _verb_forms(word).items():
            found.setdefault(verb, strength)
    for variant in _number_variants(word):
        found.setdefault(variant, Strength.SURE)
    found.pop(word, None)
    return found


def _verb_forms_of_activity(word: str) -> set[str]:
    """Base, past and gerund (no third person) of the likeliest bases, for two-word names."""
    if word.endswith("ing"):
        stem = word[:-3]
        return {stem + "ed", stem, stem + "e", word}
    bases = _bases(word)[:2]
    return {form for base in bases for form in (base, _past(base), _gerund(base))}


def _verb_forms(word: str) -> dict[str, Strength]:
    """Verb forms of a gerund, a nominalisation or (in two-word names) a -ment noun: bare base
    and third person are ``VERB``, past and gerund ``SURE``."""
    forms: dict[str, Strength] = {}
    if word.endswith("ing"):
        stem = word[:-3]
        forms[stem + "ed"] = Strength.SURE  # closed, negotiated, planned
        bases = [stem, stem + "e"]
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS | {"l", "s", "f"}:
            bases.append(stem[:-1])  # planning -> plan; selling, staffing keep their double
        for base in bases:
            forms.setdefault(base, Strength.VERB)
            forms.setdefault(_third_person(base), Strength.VERB)
        return forms
    for base in _bases(word):
        forms.setdefault(base, Strength.VERB)
        forms.setdefault(_third_person(base), Strength.VERB)
        forms.setdefault(_past(base), Strength.SURE)
        forms.setdefault(_gerund(base), Strength.SURE)
    if word.endswith("ion"):
        forms.setdefault(word + "s", Strength.SURE)
    return forms


def _bases(word: str) -> list[str]:
    """Candidate base verbs of a nominalisation (some are no word, which is harmless)."""
    if word.endswith("ication"):
        return [word[:-7] + "y", word[:-7] + "icate"]  # qualify, communicate
    for ending in ("ization", "isation"):
        if word.endswith(ending):
            return [word[: -len(ending)] + ending[:2] + "e"]  # optimize
    if word.endswith("ation"):
        return [word[:-5] + "ate", word[:-5], word[:-5] + "e"]  # negotiate, present, prepare
    if word.endswith("ssion"):
        return [word[:-3]]  # discussion -> discuss
    if word.endswith("sion"):
        return [word[:-3] + "e"]  # supervision -> supervise
    if word.endswith("tion"):
        return [word[:-3]]  # inspection -> inspect
    if word.endswith("ment"):
        return [word[:-4]]  # management -> manage (two-word names only)
    return []


def _third_person(base: str) -> str:
    if base.endswith(("s", "x", "z", "ch", "sh")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        return base[:-1] + "ies"
    return base + "s"


def _past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        return base[:-1] + "ied"
    return base + "ed"


def _gerund(base: str) -> str:
    if base.endswith("e") and not base.endswith("ee"):
        return base[:-1] + "ing"
    return base + "ing"


def _plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun
    return _third_person(noun)


def _number_variants(word: str) -> list[str]:
    """Singular of a plural noun of a skill (renewals -> renewal), plural of a singular -ion,
    -al or -ment noun (negotiation -> negotiations)."""
    if len(word) < 6:
        return []
    if word.endswith(("ions", "als", "ments")):
        return [word[:-1]]
    if word.endswith(("ion", "al", "ment")):
        return [word + "s"]
    return []


def _shadowed(
    key: str, strength: Strength, entry_id: str, curated: dict[str, set[str]], unambiguous: set[str]
) -> bool:
    """Whether a curated form hides a generated one. A form that another entry curates only as
    ambiguous ("Close", the CRM) stays generated when it needs context ("close" for Closing): the
    tagger then reads the curated entry where the form is written as curated."""
    if key not in curated:
        return False
    return key in unambiguous or strength is Strength.SURE or entry_id in curated[key]


def generated_forms(entries: list[Entry]) -> dict[str, tuple[str, Strength]]:
    """Inflected forms of skill names (see ``inflection``) that come from one entry only and name
    no curated entry, but for forms curated only as ambiguous; each with its entry and strength."""
    curated: dict[str, set[str]] = {}  # compact key -> the entries that name it
    unambiguous: set[str] = set()
    for e in entries:
        marked = {exact_key(a) for a in e.ambiguous}
        for f in (e.name, *e.aliases):
            curated.setdefault(compact_key(f), set()).add(e.id)
            if exact_key(f) not in marked:
                unambiguous.add(compact_key(f))
    found: dict[str, dict[str, Strength]] = {}
    for entry in entries:
        if entry.category not in INFLECTED_CATEGORIES:
            continue
        ambiguous = {exact_key(f) for f in entry.ambiguous}
        for form in dict.fromkeys((entry.name, *entry.aliases)):
            variants = inflections(form, ambiguous=exact_key(form) in ambiguous)
            for variant, strength in variants.items():
                if _shadowed(compact_key(variant), strength, entry.id, curated, unambiguous):
                    continue
                by_entry = found.setdefault(variant, {})
                # the surest reading of a form an entry generates twice
                if by_entry.get(entry.id) is not Strength.SURE:
                    by_entry[entry.id] = strength
    return {
        form: next(iter(by_entry.items())) for form, by_entry in found.items() if len(by_entry) == 1
    }
