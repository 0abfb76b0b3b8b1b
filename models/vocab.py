"""Closed vocabularies shared by the tables, the matcher and the forms."""

# The match statuses are derived from the declared lifecycle.
from models.lifecycle import MATCH_STATUSES, OPEN_MATCH_STATUSES

__all__ = ["MATCH_STATUSES", "OPEN_MATCH_STATUSES"]

ROLES = ("admin", "mediator", "employer", "claimant")
OPPORTUNITY_KINDS = ("vacancy", "placement", "coaching", "day_activity")
OPPORTUNITY_STATUSES = ("open", "filled", "expired", "duplicate", "withdrawn")
EDUCATION_LEVELS = ("geen", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo", "wo")
DUTCH_LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
INSTRUMENTS = (
    "wage_cost_subsidy",
    "job_coaching",
    "trial_placement",
    "secondment",
    "sheltered_work",
    "jobs_agreement_register",
)
# How a placement is contracted (recorded with the outcome "placed").
CONTRACT_KINDS = ("bepaalde_tijd", "onbepaalde_tijd", "oproep", "uitzend", "geen_contract")
FEED_KINDS = ("jsonld", "sitemap", "rss", "csv", "jsonl", "upload")
RUN_STATUSES = ("running", "ok", "aborted", "failed")

# A restriction names a functional limitation ("geen_tillen", "niet_lang_staan",
# "beperkt_lopen"), never a diagnosis: the form itself says what someone cannot do.
FUNCTIONAL_RESTRICTION = r"(geen|niet|beperkt)_[a-z_]{3,40}"
