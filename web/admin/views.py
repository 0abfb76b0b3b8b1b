"""Admin pages: overview and the runs of scheduled jobs."""

from flask import abort, render_template

from web.admin import bp
from web.admin.services import (
    feed_run,
    recent_feed_runs,
    recent_job_runs,
    source_names,
    users_per_role,
)
from web.db import get_session


@bp.get("/")
def home() -> str:
    """Show accounts per role and the latest feed and job runs."""
    db = get_session()
    return render_template(
        "admin/home.html",
        users=users_per_role(db),
        feed_runs=recent_feed_runs(db, limit=10),
        job_runs=recent_job_runs(db, limit=10),
        sources=source_names(db),
    )


@bp.get("/imports")
def feed_runs() -> str:
    """List the feed runs with their counts."""
    db = get_session()
    runs = recent_feed_runs(db, limit=200)
    return render_template("admin/feed_runs.html", runs=runs, sources=source_names(db))


@bp.get("/imports/<int:run_id>")
def feed_run_detail(run_id: int) -> str:
    """Show one feed run with every error (line or item, and reason)."""
    db = get_session()
    run = feed_run(db, run_id=run_id) or abort(404)
    return render_template("admin/feed_run.html", run=run, sources=source_names(db))


@bp.get("/taken")
def job_runs() -> str:
    """List the runs of the scheduled jobs."""
    return render_template("admin/job_runs.html", runs=recent_job_runs(get_session(), limit=200))
