"""One database session per request, from a factory made when the app is built."""

from flask import Flask, current_app, g
from sqlalchemy.orm import Session, sessionmaker

from models.db import make_engine, make_session_factory


def init_app(app: Flask) -> None:
    """Create the engine and session factory and close the session after each request."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["zow.engine"] = engine
    app.extensions["zow.sessions"] = make_session_factory(engine)
    app.teardown_appcontext(close_session)


def session_factory() -> sessionmaker[Session]:
    """Return the app's session factory."""
    factory: sessionmaker[Session] = current_app.extensions["zow.sessions"]
    return factory


def get_session() -> Session:
    """Return this request's database session, opening it on first use."""
    if "db_session" not in g:
        g.db_session = session_factory()()
    session: Session = g.db_session
    return session


def close_session(_exc: BaseException | None = None) -> None:
    """Close the request's session, rolling back anything not committed."""
    session: Session | None = g.pop("db_session", None)
    if session is not None:
        session.close()
