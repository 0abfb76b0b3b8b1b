"""The weekly digest through a real local SMTP server: approved matches, once, with an opt-out."""

from dataclasses import replace

from itsdangerous import URLSafeSerializer
from sqlalchemy.orm import Session

from jobs.context import JobContext
from jobs.digest import OPT_OUT_SALT, weekly_digest
from jobs.runner import run_job
from models import Match
from models.base import utcnow
from models.db import make_session_factory
from models.settings import Settings
from tests.factories import create_claimant, create_opportunity
from tests.jobs.conftest import Mailbox


def mail_settings(settings: Settings, port: int) -> Settings:
    return replace(settings, smtp_host="127.0.0.1", smtp_port=port, base_url="https://zow.example")


def approve(db: Session, claimant_id: int, opportunity_id: int, *, approved: bool = True) -> Match:
    match = Match(
        claimant_id=claimant_id,
        opportunity_id=opportunity_id,
        score=0.8,
        approved_at=utcnow() if approved else None,
    )
    db.add(match)
    db.commit()
    return match


def digest(settings: Settings, db: Session) -> dict[str, int]:
    context = JobContext(settings, make_session_factory(db.get_bind()), slot="test")  # type: ignore[arg-type]
    return weekly_digest(context)


def test_one_plain_dutch_mail_per_claimant_with_approved_matches_only(
    settings: Settings, db: Session, smtp_server: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp_server
    settings = mail_settings(settings, port)
    anna = create_claimant(db, first_name="Anna", email="anna@example.org")
    kok = create_opportunity(
        db, title="Kok", employer_name="De Haven", municipality="Huizen", hours_min=24
    )
    picker = create_opportunity(db, title="Orderpicker")
    proposal = create_opportunity(db, title="Nog niet goedgekeurd")
    approve(db, anna.id, kok.id)
    approve(db, anna.id, picker.id)
    approve(db, anna.id, proposal.id, approved=False)
    opted_out = create_claimant(db, email="weg@example.org", digest_opt_out=True)
    approve(db, opted_out.id, kok.id)
    no_mail = create_claimant(db, email=None)
    approve(db, no_mail.id, kok.id)

    counts = digest(settings, db)

    assert (counts["mails"], counts["matches"]) == (1, 2)
    [message] = mailbox.messages
    assert mailbox.recipients == [["anna@example.org"]]
    assert message["Subject"] == "Nieuwe vacatures voor u"
    body = message.get_payload(decode=True).decode().replace("\r\n", "\n")
    assert body.startswith("Beste Anna,")
    assert "Uw werkcoach heeft 2 vacatures voor u gekozen." in body
    assert "- Kok\n  Bij: De Haven. Plaats: Huizen. Uren per week: 24." in body
    assert "Orderpicker" in body and "Nog niet goedgekeurd" not in body
    link = body.strip().splitlines()[-1]
    assert link.startswith("https://zow.example/afmelden/")
    token = link.rsplit("/", 1)[1]
    assert URLSafeSerializer(settings.secret_key, salt=OPT_OUT_SALT).loads(token) == anna.id
    assert message["List-Unsubscribe"].strip() == f"<{link}>"


def test_a_match_is_mailed_once_and_new_ones_come_next_week(
    settings: Settings, db: Session, smtp_server: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp_server
    settings = mail_settings(settings, port)
    anna = create_claimant(db, email="anna@example.org")
    approve(db, anna.id, create_opportunity(db, title="Kok").id)
    digest(settings, db)
    assert digest(settings, db)["mails"] == 0
    approve(db, anna.id, create_opportunity(db, title="Schoonmaker").id)
    digest(settings, db)
    bodies = [m.get_payload(decode=True).decode() for m in mailbox.messages]
    assert len(bodies) == 2
    assert "Schoonmaker" in bodies[1] and "Kok" not in bodies[1]
    assert "1 vacature voor u gekozen" in bodies[1]


def test_the_scheduled_digest_job_records_its_run(
    settings: Settings, db: Session, smtp_server: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp_server
    settings = mail_settings(settings, port)
    anna = create_claimant(db, email="anna@example.org")
    approve(db, anna.id, create_opportunity(db).id)
    run = run_job("digest", settings, slot="2026-11-23T08:00")
    assert run is not None and run.status == "ok"
    assert run.counts == {"claimants": 1, "mails": 1, "matches": 1}
    assert len(mailbox.messages) == 1


def test_no_news_needs_no_mail_server(settings: Settings, db: Session) -> None:
    unreachable = replace(settings, smtp_host="127.0.0.1", smtp_port=1)
    assert digest(unreachable, db) == {"claimants": 0, "mails": 0, "matches": 0}
