"""Services behind the API: plain functions that take a session and never commit."""
