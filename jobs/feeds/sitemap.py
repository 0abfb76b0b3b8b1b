"""Sitemaps: the list of career pages to visit (urlset) or of further sitemaps (index)."""

from dataclasses import dataclass, field

from jobs.feeds.records import RecordError
from jobs.feeds.xmldoc import XmlRefusedError, local, parse_xml


@dataclass
class SitemapEntries:
    """Page URLs and nested sitemap URLs found in one sitemap document."""

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def parse_sitemap(data: bytes) -> tuple[SitemapEntries, list[RecordError]]:
    """Return the page and sitemap URLs of a sitemap; a broken document is one error."""
    entries = SitemapEntries()
    try:
        root = parse_xml(data)
    except XmlRefusedError as error:
        snippet = data[:500].decode(errors="replace")
        return entries, [RecordError("sitemap", str(error), snippet, fatal=True)]
    target = entries.sitemaps if local(root.tag) == "sitemapindex" else entries.pages
    errors: list[RecordError] = []
    for number, element in enumerate(root, start=1):
        loc = next((c for c in element if local(c.tag) == "loc"), None)
        url = (loc.text or "").strip() if loc is not None else ""
        if url.startswith(("http://", "https://")):
            target.append(url)
        else:
            errors.append(RecordError(f"sitemap item {number}", "geen geldige <loc>-URL", url))
    return entries, errors
