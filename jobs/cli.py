"""`zow jobs` and `zow scheduler`."""

import signal
from typing import Any

import click
from apscheduler.schedulers.blocking import BlockingScheduler

from jobs.region_worker import run_region_worker
from jobs.registry import JOBS
from jobs.runner import run_job, slot_of
from jobs.scheduler import configure
from models.base import utcnow
from models.security_events import configure_stream, write_event
from models.settings import Settings


@click.group()
def jobs() -> None:
    """List and run scheduled jobs."""


@jobs.command("list")
def list_jobs() -> None:
    """List the scheduled jobs and their schedules."""
    for spec in JOBS.values():
        schedule = " ".join(f"{key}={value}" for key, value in spec.cron.items())
        click.echo(f"{spec.name:<16} {schedule:<32} {spec.description}")


class ProgressBar:
    """Feed a click progress bar from a job's (done, total) callbacks."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        """Advance the bar to `done` of `total`."""
        if self.bar is None:
            self.bar = click.progressbar(length=max(total, 1), label=self.label).__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def close(self) -> None:
        """Finish the bar's line."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@jobs.command("run")
@click.argument("name", type=click.Choice(sorted(JOBS)))
def run(name: str) -> None:
    """Run one job now, with a progress bar."""
    bar = ProgressBar(name)
    try:
        result = run_job(
            name, Settings.from_env(), slot="manual-" + slot_of(utcnow()), progress=bar
        )
    finally:
        bar.close()
    if result is None:
        raise click.ClickException("This job already ran in this minute.")
    click.echo(f"{name}: {result.status} {result.counts}")
    if result.error:
        raise click.ClickException(result.error)


@jobs.command("region-worker")
def region_worker() -> None:
    """Take queued regional matching runs, on any host, until none is left."""
    done = run_region_worker(Settings.from_env())
    click.echo(f"region-worker: {len(done)} regio's klaar: {', '.join(done) or '-'}")


@click.command()
def scheduler() -> None:
    """Run the scheduler process (one per installation)."""
    configure_stream()
    process = configure(BlockingScheduler(), Settings.from_env())

    def stop(*_: object) -> None:
        if not process.running:
            raise SystemExit(0)  # stopped before it was started: nothing to wind down
        process.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    try:
        write_event("scheduler", outcome="started", actor="system", obj="scheduler")
        click.echo("Scheduler started; jobs: " + ", ".join(JOBS))
        process.start()
    finally:
        write_event("scheduler", outcome="stopped", actor="system", obj="scheduler")
