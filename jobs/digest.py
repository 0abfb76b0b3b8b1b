"""The weekly digest: one plain-Dutch mail per claimant with their newly approved matches."""

import smtplib
from collections import Counter
from email.message import EmailMessage
from typing import Any

from itsdangerous import URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobs.context import JobContext
from jobs.mailer import smtp_connection
from models import Claimant, Match, Opportunity
from models.base import utcnow
from models.db import transaction
from models.settings import Settings

# Shared with web.public, which checks the token (the layers keep the two apart).
OPT_OUT_SALT = "zow-digest-opt-out"


def opt_out_token(secret_key: str, claimant_id: int) -> str:
    """Return the signed token of a claimant's opt-out link."""
    if not secret_key:
        raise ValueError("refusing to sign an opt-out link with an empty key")
    return URLSafeSerializer(secret_key, salt=OPT_OUT_SALT).dumps(claimant_id)


def opt_out_url(settings: Settings, claimant_id: int) -> str:
    """Return the opt-out link for a claimant's digest mail."""
    token = opt_out_token(settings.secret_key, claimant_id)
    return f"{settings.base_url.rstrip('/')}/afmelden/{token}"


def recipients(session: Session) -> list[int]:
    """Return the claimants who get a digest: e-mail known, active, not opted out, news."""
    query = (
        select(Claimant.id)
        .join(Match, Match.claimant_id == Claimant.id)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .where(
            Claimant.email.is_not(None),
            Claimant.status == "active",
            Claimant.digest_opt_out.is_(False),
            Match.approved_at.is_not(None),
            Match.digest_sent_at.is_(None),
            Opportunity.status == "open",
        )
        .distinct()
        .order_by(Claimant.id)
    )
    return list(session.scalars(query))


def new_matches(session: Session, claimant_id: int) -> list[tuple[Match, Opportunity]]:
    """Return a claimant's approved, not yet mailed matches to open opportunities."""
    query = (
        select(Match, Opportunity)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .where(
            Match.claimant_id == claimant_id,
            Match.approved_at.is_not(None),
            Match.digest_sent_at.is_(None),
            Opportunity.status == "open",
        )
        .order_by(Match.rank, Match.id)
    )
    return [(match, opportunity) for match, opportunity in session.execute(query)]


def _lines(opportunity: Opportunity) -> list[str]:
    """Describe one opportunity in short, plain lines."""
    lines = [f"- {opportunity.title}"]
    details = [
        f"Bij: {opportunity.employer_name}." if opportunity.employer_name else "",
        f"Plaats: {opportunity.municipality}." if opportunity.municipality else "",
        f"Uren per week: {opportunity.hours_min}." if opportunity.hours_min else "",
    ]
    if any(details):
        lines.append("  " + " ".join(filter(None, details)))
    if opportunity.closes_on:
        lines.append(f"  Reageren kan tot {opportunity.closes_on:%d-%m-%Y}.")
    return lines


def compose(
    settings: Settings, claimant: Claimant, opportunities: list[Opportunity]
) -> EmailMessage:
    """Write the digest mail for one claimant, in plain Dutch (B1)."""
    count = len(opportunities)
    unsubscribe = opt_out_url(settings, claimant.id)
    body = [
        f"Beste {claimant.first_name},",
        "",
        f"Uw werkcoach heeft {count} {'vacature' if count == 1 else 'vacatures'} voor u gekozen.",
        "Kijk of er iets voor u bij is.",
        "",
        *(line for opportunity in opportunities for line in _lines(opportunity)),
        "",
        "Wilt u reageren? Bel of mail dan uw werkcoach. Die helpt u graag.",
        f"U ziet de vacatures ook op {settings.base_url.rstrip('/')}/mijn/.",
        "",
        "Met vriendelijke groet,",
        "Zicht op Werk",
        "",
        "Wilt u deze mail niet meer krijgen? Ga dan naar:",
        unsubscribe,
    ]
    message = EmailMessage()
    message["From"], message["To"] = settings.mail_from, claimant.email or ""
    message["Subject"] = "Nieuwe vacatures voor u"
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    message.set_content("\n".join(body) + "\n")
    return message


def mail_claimant(
    session: Session, smtp: smtplib.SMTP, settings: Settings, claimant_id: int
) -> int:
    """Mail one claimant their new matches and mark them sent; return how many were listed."""
    claimant = session.get_one(Claimant, claimant_id)
    pairs = new_matches(session, claimant_id)
    if not pairs or claimant.digest_opt_out:
        return 0
    now = utcnow()
    for match, _opportunity in pairs:
        match.digest_sent_at = now
    session.flush()
    # Sent before the commit: a crash in between mails again next week rather than never.
    smtp.send_message(compose(settings, claimant, [opportunity for _, opportunity in pairs]))
    return len(pairs)


def weekly_digest(context: JobContext) -> dict[str, Any]:
    """Send this week's digest mails, one transaction per claimant (the scheduled job)."""
    with transaction(context.sessions) as session:
        claimant_ids = recipients(session)
    counts: Counter[str] = Counter(claimants=len(claimant_ids), mails=0, matches=0)
    if not claimant_ids:
        return dict(counts)  # no news: no need for a mail server either
    with smtp_connection(context.settings) as smtp:
        for done, claimant_id in enumerate(claimant_ids, start=1):
            try:
                with transaction(context.sessions) as session:
                    counts["matches"] += mail_claimant(session, smtp, context.settings, claimant_id)
                counts["mails"] += 1
            except smtplib.SMTPRecipientsRefused:
                counts["refused"] += 1
            context.progress(done, len(claimant_ids))
    return dict(counts)
