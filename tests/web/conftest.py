"""The web tests start from the scenario's week, logged in as one of its people."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import login
from tests.e2e.scenario import Week, build_week


@pytest.fixture
def week(db: Session) -> Week:
    built = build_week(db)
    db.commit()
    return built


@pytest.fixture
def mediator(client: FlaskClient, week: Week) -> FlaskClient:
    login(client, week.mediator.email)
    return client


@pytest.fixture
def employer(client: FlaskClient, week: Week) -> FlaskClient:
    login(client, week.employer_user.email)
    return client


@pytest.fixture
def claimant(client: FlaskClient, week: Week) -> FlaskClient:
    login(client, week.claimant_user.email)
    return client
