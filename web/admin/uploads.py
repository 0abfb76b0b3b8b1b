"""Mediator uploads, ingested by the jobs package through the `zow.services` entry point.

web never imports jobs; the ingest (one transaction per batch, then dedup and expiry)
is found by name when an upload arrives.
"""

from importlib.metadata import entry_points

from sqlalchemy import Engine

# Bigger files belong in a feed URL, not in a browser upload.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class UploadTooLargeError(ValueError):
    """The uploaded file is larger than MAX_UPLOAD_BYTES."""


def run_upload(engine: Engine, *, source_id: int, data: bytes, filename: str) -> int:
    """Ingest an uploaded file for a source; return the id of its feed run."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadTooLargeError(filename)
    [service] = entry_points(group="zow.services", name="ingest_upload")
    run_id: int = service.load()(engine, source_id=source_id, data=data, filename=filename)
    return run_id
