"""The site's sitemaps and robots.txt: one sitemap per language (MkDocs writes it; the catalogue's pages are added
to it), each page listed with its equivalent in the other language (hreflang), a sitemap index at the root, and
a robots.txt that names it.

The hreflang alternates live in the sitemaps rather than in each page's <head>: the theme fetches
"sitemap.xml" relative to every <link rel="alternate"> of a page, which for a page's language alternates means
a request for <page>/sitemap.xml that does not exist. Sitemaps are one of the three places search engines read
hreflang from.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree

from mcds.i18n import LANGUAGES

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def _tag(name: str) -> str:
    return f"{{{SITEMAP}}}{name}"


def read(language_root: Path) -> ElementTree.Element | None:
    sitemap = language_root / "sitemap.xml"
    return ElementTree.parse(sitemap).getroot() if sitemap.is_file() else None


def write(language_root: Path, urlset: ElementTree.Element) -> None:
    """Write sitemap.xml and its gzip copy (no timestamp in the gzip header: the same bytes every build)."""
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    ElementTree.indent(urlset, space="    ")
    content = ElementTree.tostring(urlset, encoding="unicode", xml_declaration=False)
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n{content}\n'
    (language_root / "sitemap.xml").write_text(text, encoding="utf-8")
    with gzip.GzipFile(language_root / "sitemap.xml.gz", "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def add_pages(language_root: Path, base_url: str, paths: list[str], drop_suffixes: tuple[str, ...]) -> None:
    """List `paths` (relative to the language's root) in its sitemap, dropping the entries whose address ends in
    one of `drop_suffixes` (pages the build removes)."""
    urlset = read(language_root)
    if urlset is None:
        return
    for url in urlset.findall(_tag("url")):
        if (url.findtext(_tag("loc")) or "").endswith(drop_suffixes):
            urlset.remove(url)
    for path in sorted(paths):
        ElementTree.SubElement(ElementTree.SubElement(urlset, _tag("url")), _tag("loc")).text = base_url + path
    write(language_root, urlset)


def finish(site: Path, root_url: str) -> None:
    """Give every page of each language's sitemap its alternates in both languages (the same path under the
    other language's root: both languages have the same pages), then write the sitemap index and robots.txt."""
    listed = []
    for lang in LANGUAGES:
        urlset = read(site / lang)
        if urlset is None:
            continue
        own = f"{root_url}{lang}/"
        for url in urlset.findall(_tag("url")):
            for old in url.findall(f"{{{XHTML}}}link"):
                url.remove(old)
            path = (url.findtext(_tag("loc")) or "").removeprefix(own)
            for code in LANGUAGES:
                ElementTree.SubElement(url, f"{{{XHTML}}}link",
                                       {"rel": "alternate", "hreflang": code, "href": f"{root_url}{code}/{path}"})
        write(site / lang, urlset)
        listed.append(f"{root_url}{lang}/sitemap.xml")
    index = ElementTree.Element(_tag("sitemapindex"))
    for address in listed:
        ElementTree.SubElement(ElementTree.SubElement(index, _tag("sitemap")), _tag("loc")).text = address
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.indent(index, space="    ")
    content = ElementTree.tostring(index, encoding="unicode", xml_declaration=False)
    (site / "sitemap.xml").write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{content}\n', encoding="utf-8")
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {root_url}sitemap.xml\n", encoding="utf-8")
