"""Vacancy feeds: fetching sources and pure parsers from bytes to records and errors."""
