"""API routes, one module per noun."""

from web.api.views import claimants, matches, meta, opportunities, sessions, sources

__all__ = ["claimants", "matches", "meta", "opportunities", "sessions", "sources"]
