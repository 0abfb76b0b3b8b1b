"""The lifecycle of a match, declared once: which status may follow which, and by whom.

Read the table top to bottom as the story of one proposal. Every status vocabulary the
service uses (open, closed, positive, ...) is derived from it, so a new status or step is
added here and nowhere else. `models.workflow` applies the steps; nothing else writes
`Match.status` or a history row.

Roles: ``system`` is the matching run and the scheduled jobs; the others are logins.
"""

from dataclasses import dataclass

SYSTEM = "system"
MEDIATOR = "mediator"
EMPLOYER = "employer"
CLAIMANT = "claimant"
ACTOR_ROLES = (SYSTEM, MEDIATOR, EMPLOYER, CLAIMANT)


@dataclass(frozen=True)
class Step:
    """One allowed transition of a match."""

    from_status: str | None  # None: the match is created by this step
    to_status: str
    roles: frozenset[str]
    reason_required: bool = False
    # Details the step must carry (a placement: start date, hours, contract kind).
    details_required: tuple[str, ...] = ()


def _steps(
    sources: tuple[str | None, ...],
    to: str,
    roles: tuple[str, ...],
    *,
    reason: bool = False,
    details: tuple[str, ...] = (),
) -> tuple[Step, ...]:
    return tuple(Step(s, to, frozenset(roles), reason, details) for s in sources)


PLACEMENT_DETAILS = ("start_on", "hours_per_week", "contract")

# Groups of "from" statuses, so the table stays one line per rule.
NEW = (None,)
UNANSWERED = ("proposed", "discussed")
BEFORE_APPLYING = ("proposed", "discussed", "interested")
BEFORE_INTERVIEW = ("proposed", "discussed", "interested", "applied")
WILLING = ("interested", "applied", "interview")
ANY_OPEN = ("proposed", "discussed", "interested", "applied", "interview")
M, E, C, S = MEDIATOR, EMPLOYER, CLAIMANT, SYSTEM

# fmt: off
STEPS: tuple[Step, ...] = (
    # from              to            who may           reason needed
    *_steps(NEW,              "proposed",   (S, M),           reason=True),  # run or by hand
    *_steps(("proposed",),    "discussed",  (M,)),
    *_steps(UNANSWERED,       "interested", (M, C)),
    *_steps(BEFORE_APPLYING,  "applied",    (M,)),
    *_steps(BEFORE_INTERVIEW, "interview",  (M, E)),
    *_steps(WILLING,          "placed",     (M, E),           details=PLACEMENT_DETAILS),
    *_steps(ANY_OPEN,         "declined",   (M, C),           reason=True),  # claimant says no
    *_steps(ANY_OPEN,         "rejected",   (M, E),           reason=True),  # not hired / not fit
    *_steps(("interview",),   "no_show",    (M, E),           reason=True),
    *_steps(ANY_OPEN,         "closed",     (S, M),           reason=True),  # place gone
)
# fmt: on


def step_for_role(from_status: str, to_status: str, role: str) -> bool:
    """Return whether the table lets a role move a match between two statuses."""
    return any(
        s.from_status == from_status and s.to_status == to_status and role in s.roles for s in STEPS
    )


def _in_order() -> tuple[str, ...]:
    seen: list[str] = []
    for step in STEPS:
        for status in (step.from_status, step.to_status):
            if status is not None and status not in seen:
                seen.append(status)
    return tuple(seen)


MATCH_STATUSES = _in_order()
# A match still open: it takes a proposal slot of its opportunity and can get an outcome.
OPEN_MATCH_STATUSES = tuple(s for s in MATCH_STATUSES if any(p.from_status == s for p in STEPS))
CLOSED_MATCH_STATUSES = tuple(s for s in MATCH_STATUSES if s not in OPEN_MATCH_STATUSES)
# The claimant or the employer said yes at some point: a positive signal for the ranker.
POSITIVE_MATCH_STATUSES = ("interested", "applied", "interview", "placed")
# Someone said no: a negative signal for the ranker.
NEGATIVE_MATCH_STATUSES = ("declined", "rejected", "no_show")
# Outflow to work.
PLACED = "placed"
# A match a mediator or claimant has acted on; the matching run never overwrites it.
SETTLED_MATCH_STATUSES = tuple(s for s in MATCH_STATUSES if s != "proposed")
# The proposal-to-placement funnel of the KPI page, in order.
FUNNEL = ("proposed", "interested", "applied", "interview", "placed")

# Where the claimant can still say yes or no to a proposal.
AWAITING_CLAIMANT = tuple(s for s in MATCH_STATUSES if step_for_role(s, "interested", CLAIMANT))
# Where the employer has yet to invite (or turn down) a released candidate.
AWAITING_EMPLOYER = tuple(s for s in MATCH_STATUSES if step_for_role(s, "interview", EMPLOYER))

_BY_PAIR = {(step.from_status, step.to_status): step for step in STEPS}


def step_for(from_status: str | None, to_status: str) -> Step | None:
    """Return the declared step between two statuses, or None when there is none."""
    return _BY_PAIR.get((from_status, to_status))


def next_statuses(from_status: str, role: str) -> tuple[str, ...]:
    """Return the statuses a role may move a match to from its current status."""
    return tuple(s.to_status for s in STEPS if s.from_status == from_status and role in s.roles)


def identity_may_show(
    *, status: str, released: bool, consent_standing: bool, opportunity_open: bool
) -> bool:
    """Return whether an employer may see who a candidate is.

    Only with standing consent, after release, while the match is open and its opportunity
    too, or once the claimant was placed there. A withdrawal, decline, rejection, no-show,
    closed match or expired opportunity ends it at once.
    """
    if not (released and consent_standing):
        return False
    if status == PLACED:
        return True
    return status in OPEN_MATCH_STATUSES and opportunity_open
