"""CSV downloads of the lists on the mediator and employer pages (see web.spreadsheet)."""

from flask import request

from web.spreadsheet import csv_response

__all__ = ["csv_response", "wants_csv"]


def wants_csv() -> bool:
    """Return whether the request asks for the CSV version of a list."""
    return request.args.get("format") == "csv"
