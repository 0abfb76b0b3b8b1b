"""The domain model: SQLAlchemy 2.0 tables, engine and session factory, migrations."""

from models.api_token import ApiToken
from models.audit import AuditEvent
from models.base import Base
from models.claimant import Claimant, LadderStepChange
from models.consent import MatchConsent
from models.employer import Covenant, Employer, Pledge
from models.feed import FeedRun, FeedSource
from models.job_run import JobRun
from models.login_attempt import LoginFailure
from models.match import Match, MatchStatusChange
from models.matching_run import MatchingRun
from models.matching_state import LinkedConcept, OpportunitySet, OpportunitySnapshot
from models.opportunity import Opportunity
from models.ranker import RankerModel
from models.region_run import RegionRun
from models.session import SessionAttendance, WeeklySession
from models.system_flag import SystemFlag
from models.user import User
from models.web_session import WebSession

__all__ = [
    "ApiToken",
    "AuditEvent",
    "Base",
    "Claimant",
    "Covenant",
    "Employer",
    "FeedRun",
    "FeedSource",
    "WeeklySession",
    "JobRun",
    "LadderStepChange",
    "LinkedConcept",
    "LoginFailure",
    "Match",
    "MatchConsent",
    "MatchStatusChange",
    "MatchingRun",
    "Opportunity",
    "OpportunitySet",
    "OpportunitySnapshot",
    "Pledge",
    "RankerModel",
    "RegionRun",
    "SessionAttendance",
    "SystemFlag",
    "User",
    "WebSession",
]
