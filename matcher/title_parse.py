"""The structure of a Dutch job title: the role, its qualifiers, and what is only context.

"Orderpicker / reachtruckchauffeur (m/v) 40 uur" names two roles; "Ervaring als lasser in
Syrië" (an intake note) names one; "Docent Engels (2e graads)" is a teacher whose level is in
brackets. The parser only splits text; the linker decides what each part is worth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.normalise import clean

# Intake and CV phrasing around a title: "ervaring als X", "zoekt werk als X", "wens: X".
_AS = re.compile(r"^.*?\bals\s+(?=\S)", re.IGNORECASE)
_LEAD = re.compile(r"^(?:wens|interesse|ervaring|functie|beroep)\s*:\s*", re.IGNORECASE)
_WANTS = re.compile(r"\bwil\s+graag\s+(.+?)\s+worden\b", re.IGNORECASE)
_WHERE = re.compile(r"\s+(?:bij|in)\s+[A-Z].*$")
_BRACKETS = re.compile(r"\(([^()]*)\)")
# An occupation list writes "<role>, <qualifier>" ("Monteur, dieselmotoren", "Assistent,
# tandarts"). Not "assistent-<beroep>": vacancies use it for a junior of that trade.
_LIST_COMMA = re.compile(r"^([^,]+),([^,]+)$")
# A slash between two words of three or more letters separates roles ("kok/keukenhulp");
# "C/CE", "m/v", "TIG/MIG" stay together.
_ROLE_SLASH = re.compile(
    r"(?<=[A-Za-zÀ-ÿ]{3})\s*/\s*(?=[A-Za-zÀ-ÿ]{3})|\s+/\s*|\s*/\s+|\s+of\s+|\s+&\s+"
)


@dataclass(frozen=True)
class ParsedTitle:
    """A title split into its main text, role alternatives and bracketed context."""

    main: str
    parts: tuple[str, ...]
    context: str
    role: str = ""
    qualifier: str = ""


def parse_title(text: str) -> ParsedTitle:
    """Split a title into main text (brackets removed), role parts and bracket context."""
    text = " ".join(text.split())
    wants = _WANTS.search(text)
    if wants:
        text = wants.group(1) + _WANTS.sub(" ", text)[wants.start() :]
    elif _AS.match(text):
        text = _AS.sub("", text, count=1)
    text = _LEAD.sub("", text)
    context = " ".join(_BRACKETS.findall(text))
    main = _WHERE.sub("", _BRACKETS.sub(" ", text)).strip(" -,:;")
    if not clean(main):
        main, context = context or text, ""
    parts = tuple(part for part in _ROLE_SLASH.split(main) if clean(part))
    if len(parts) > 1:
        return ParsedTitle(main=main, parts=parts, context=context)
    role, qualifier = list_structure(main)
    return ParsedTitle(main=main, parts=(), context=context, role=role, qualifier=qualifier)


def list_structure(main: str) -> tuple[str, str]:
    """Return (role, qualifier) of a list-style title ("Monteur, dieselmotoren"), or ("", "")."""
    found = _LIST_COMMA.match(main)
    if not found or not clean(found.group(1)) or not clean(found.group(2)):
        return "", ""
    return found.group(1).strip(), found.group(2).strip()
