"""Dutch postcodes and places in the shapes people write them: "1211 ab", "3511 ED Utrecht"."""

from __future__ import annotations

import re

# Letters SA, SD and SS are never issued, but a typo there is still the same PC4.
_POSTCODE = re.compile(r"(?<!\d)([1-9][0-9]{3})(?:[ \t]?([A-Za-z]{2}))?(?![A-Za-z0-9])")
_FULL = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")


def normalise_postcode(text: str) -> str | None:
    """Return "1234AB" or "1234" for a Dutch postcode written any usual way, else None."""
    match = _FULL.match(text or "")
    if match is None:
        return None
    return match.group(1) + (match.group(2) or "").upper()


def split_address(text: str) -> tuple[str | None, str | None]:
    """Return (postcode, place) of a free-text address, e.g. "Stationsplein 5, 3511 ED Utrecht".

    The place is what follows the postcode on its line, or else the last part before it
    ("Huizen, 1271 AB"); a bare place ("Almere") is returned as the place.
    """
    cleaned = " ".join((text or "").replace(";", ",").split())
    # "Postbus 1234" is a PO box number, not a postcode.
    candidates = _POSTCODE.finditer(cleaned)
    match = next(
        (m for m in candidates if not cleaned[: m.start()].lower().rstrip().endswith("postbus")),
        None,
    )
    if match is None:
        last = cleaned.rsplit(",", 1)[-1].strip()
        return None, last if last and not any(c.isdigit() for c in last) else None
    postcode = match.group(1) + (match.group(2) or "").upper()
    after = cleaned[match.end() :].strip(" ,")
    before = cleaned[: match.start()].strip(" ,").rsplit(",", 1)[-1].strip()
    place: str | None = after.split(",", 1)[0].strip() or None
    if place is None and before and not any(c.isdigit() for c in before):
        place = before
    return postcode, place
