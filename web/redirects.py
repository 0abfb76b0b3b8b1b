"""Where a form may send the visitor back to: a path on this site, nothing else."""

from urllib.parse import urlsplit


def is_local_path(target: str) -> bool:
    """Return whether a redirect target is a path on this site.

    Browsers drop tabs and line breaks from addresses and read a backslash as a slash, so
    "/<tab>/evil.example" becomes "//evil.example": any such character refuses the target.
    """
    if not target.startswith("/") or target.startswith("//"):
        return False
    if any(char.isspace() or not char.isprintable() or char == "\\" for char in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc
