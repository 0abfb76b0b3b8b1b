"""The label dicts under their old import path; they live in web.vocabulary."""

# Kept only for web/employer/forms.py and web/mediator/forms.py, which the #15 forms work
# owns: remove this module once they import web.vocabulary.
from web.vocabulary import (
    ALL_REASONS,
    CHECKLIST_ITEMS,
    CONTRACT_LABELS,
    DECLINE_REASONS,
    EMPLOYER_REASONS,
    FIELD_LABELS,
    INSTRUMENT_LABELS,
    KIND_LABELS,
    NO_SHOW_REASONS,
    OVERRIDE_REASONS,
    REJECT_REASONS,
    ROUTING_CHOICES,
    ROUTING_REASONS,
    STATUS_LABELS,
    WITHDRAW_REASONS,
)

__all__ = [
    "ALL_REASONS",
    "CHECKLIST_ITEMS",
    "CONTRACT_LABELS",
    "DECLINE_REASONS",
    "EMPLOYER_REASONS",
    "FIELD_LABELS",
    "INSTRUMENT_LABELS",
    "KIND_LABELS",
    "NO_SHOW_REASONS",
    "OVERRIDE_REASONS",
    "REJECT_REASONS",
    "ROUTING_CHOICES",
    "ROUTING_REASONS",
    "STATUS_LABELS",
    "WITHDRAW_REASONS",
]
