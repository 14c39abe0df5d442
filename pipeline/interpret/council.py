"""A council a paper names: in its title ('Kelvindale Council Best Value Action Plan') or in the
text at its top ('Report to Strathbeg Council's Audit Committee').

A council's name is the capitalised words before 'Council' (up to five, 'of' allowed inside:
'City of Edinburgh Council'), none of them a word that describes a plan or a paper.
"""

from __future__ import annotations

import re

POSSESSIVE = re.compile(r"['’]s$")

ORG_SUFFIXES = {"council"}
# capitalised words that describe a plan or a paper, never part of a council's name
PLAN_WORDS = {
    "best", "value", "bv", "bvar", "action", "actions", "plan", "audit", "assurance", "report", "progress",
    "update", "implementation", "improvement", "strategic", "summary", "committee", "quarterly", "to", "for",
    "the", "and", "of", "scrutiny", "policy", "resources", "performance", "meeting", "full", "by", "from",
    "director", "chief", "executive", "officer", "head", "item", "agenda", "appendix", "this", "a", "an",
}


def organisation_in_title(title: str | None) -> str | None:
    """A council named in the title: 'Kelvindale Council', 'City of Edinburgh Council'."""
    words = (title or "").replace(":", " : ").split()
    for i, word in enumerate(words):
        suffix = POSSESSIVE.sub("", word.strip(",.;")).strip(",.;'’")
        if suffix.lower() not in ORG_SUFFIXES or i == 0:
            continue
        name: list[str] = []
        for prev in reversed(words[:i]):
            bare = prev.strip(",.;")
            if bare != prev or len(name) >= 5:
                break
            is_name = bare[:1].isupper() and bare.lower() not in PLAN_WORDS
            if not (is_name or (bare == "of" and name)):
                break
            name.insert(0, bare)
        while name and name[0] == "of":
            name.pop(0)
        if name:
            return " ".join([*name, suffix])
    return None


def council_named(texts: list[str]) -> str | None:
    """The first council any of ``texts`` names, in their order."""
    for text in texts:
        found = organisation_in_title(text)
        if found:
            return found
    return None
