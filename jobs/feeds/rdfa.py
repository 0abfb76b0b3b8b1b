"""JobPostings in microdata and RDFa, through extruct, flattened to JSON-LD style dicts."""

from typing import Any

SCHEMA = ("https://schema.org/", "http://schema.org/")


def _short(key: str) -> str:
    """Return a schema.org property or type without its vocabulary prefix."""
    for prefix in SCHEMA:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _resolve(value: Any, nodes: dict[str, dict[str, Any]], depth: int) -> Any:
    """Return an RDFa value as a plain value or a nested dict, following blank nodes."""
    if isinstance(value, list):
        resolved = [_resolve(item, nodes, depth) for item in value]
        return resolved[0] if len(resolved) == 1 else resolved
    if isinstance(value, dict) and "@value" in value:
        return str(value["@value"]).strip()
    if isinstance(value, dict) and value.get("@id") in nodes and depth < 4:
        return _flatten(nodes[value["@id"]], nodes, depth + 1)
    return value


def _flatten(
    node: dict[str, Any], nodes: dict[str, dict[str, Any]], depth: int = 0
) -> dict[str, Any]:
    """Return an expanded RDFa node as a compact dict with short schema.org keys."""
    flat: dict[str, Any] = {}
    for key, value in node.items():
        if key == "@type":
            flat["@type"] = [_short(kind) for kind in value]
        elif key != "@id":
            flat[_short(key)] = _resolve(value, nodes, depth)
    return flat


def _rdfa_postings(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the JobPosting nodes of extruct's expanded RDFa output."""
    nodes = {item["@id"]: item for item in items if "@id" in item}
    return [
        _flatten(item, nodes)
        for item in items
        if any(_short(kind) == "JobPosting" for kind in item.get("@type", []))
    ]


def structured_postings(page: str, url: str) -> list[dict[str, Any]]:
    """Return the JobPostings a page carries in microdata, or else in RDFa."""
    import extruct  # slow to import, and only pages without JSON-LD need it

    found = extruct.extract(
        page, base_url=url or None, syntaxes=["microdata", "rdfa"], uniform=True, errors="ignore"
    )
    microdata = [
        item
        for item in found.get("microdata", [])
        if _short(str(item.get("@type"))) == "JobPosting"
    ]
    return microdata or _rdfa_postings(found.get("rdfa", []))
