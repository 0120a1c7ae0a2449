"""Guards the documentation portal build (mcds/portal): what a reader and a search engine get from /en/ and /fr/.

Why: the portal is the standard's public face and it is generated, so its faults are silent. These tests build
it once and check the promises the build makes: the two languages have the same pages, every class and code
list has its page in both, pages say their language and carry French text from the model, the language
toggle leads to the same page in the other language, hreflang links are absolute, nothing is loaded from
another host, no internal link or anchor is broken, two builds are byte-identical, and a failed build leaves
the previous site untouched. MkDocs runs in strict mode, so a broken Markdown link already fails the build.
"""

from __future__ import annotations

import errno
import filecmp
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.request
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import yaml

from mcds.errors import McdsError
from mcds.portal import words as i18n
from mcds.portal.catalogue_pages import CataloguePages
from mcds.portal.site import Sources, build_docs
from mcds.publish import opendata
from mcds.publish.gate import gather
from mcds.standard import paths
from mcds.standard.versions import releases

MODEL = json.loads((paths.GENERATED_DIR / "mcds.model.json").read_text(encoding="utf-8"))
SITE_URL = "https://mcds.test/portal/"  # a root with a path, so that absolute links are told apart
LANGS = ("en", "fr")


class Page(HTMLParser):
    """What the tests need from one HTML page: attributes of its tags, ids, and the text of some elements."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()
        self._capture: str | None = None
        self.texts: dict[str, list[str]] = {"title": [], "h1": []}
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag in self.texts:
            self._capture = tag
            self.texts[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._capture:
            self._capture = None

    def handle_data(self, data: str) -> None:
        if self._capture and data != "¶":  # the heading's permalink
            self.texts[self._capture][-1] += data

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("portal") / "site"
    build_docs(out, site_url=SITE_URL)
    return out


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[Path, Page]:
    return {p.relative_to(site): Page(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


def doc_pages(site: Path, lang: str) -> set[str]:
    """Page paths of one language, relative to its folder."""
    return {p.relative_to(site / lang).as_posix() for p in (site / lang).rglob("*.html")}


def page_url(path: Path) -> str:
    """The public URL of a built file."""
    url = SITE_URL + path.as_posix()
    return url.removesuffix("index.html")


def test_strict_mode_is_on() -> None:
    config = yaml.safe_load((paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["strict"] is True
    assert config["theme"]["font"] is False, "theme.font must stay false: Google Fonts load from the internet"


def test_both_languages_have_the_same_pages(site: Path) -> None:
    en, fr = doc_pages(site, "en"), doc_pages(site, "fr")
    assert en, "no page was built"
    assert en == fr, f"only in en: {sorted(en - fr)}; only in fr: {sorted(fr - en)}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_class_and_code_list_has_a_page(site: Path, pages: dict[Path, Page], lang: str) -> None:
    for kind, items in (("classes", MODEL["classes"]), ("codelists", MODEL["enums"])):
        assert items, f"the model has no {kind}"
        for item in items:
            path = Path(lang, "reference", kind, item["name"], "index.html")
            assert path in pages, f"missing page {path}"
            assert pages[path].texts["h1"][0].strip() == item["title"][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_error_catalogue_page_shows_every_code_with_its_variants(site: Path, lang: str) -> None:
    from mcds.validation.error_catalogue import entries

    text = unescape((site / lang / "reference" / "errors" / "index.html").read_text(encoding="utf-8"))
    for code, entry in entries().items():
        assert f'id="{code}"' in text, f"{code} has no anchor on the {lang} error catalogue"
        assert entry.title[lang] in text.replace("\u2019", "'"), code
        for name in entry.variants:
            assert f"<code>{name}</code>" in text, f"{code}: variant {name}"
    assert "Fill it in, for example <em>example</em>." in text if lang == "en" else \
        "Remplissez-la, par exemple <em>example</em>." in text


@pytest.mark.parametrize("lang", LANGS)
def test_pages_declare_their_language(site: Path, pages: dict[Path, Page], lang: str) -> None:
    for path, page in pages.items():
        if path.parts[0] == lang:
            assert page.find("html")[0].get("lang") == lang, path


def test_french_pages_carry_french_titles_from_the_model(pages: dict[Path, Page]) -> None:
    page = pages[Path("fr/reference/classes/Microcredential/index.html")]
    assert "Microtitre" in page.texts["title"][0]
    assert page.texts["h1"][0].strip() == "Microtitre"
    for cls in MODEL["classes"]:
        french = pages[Path("fr/reference/classes", cls["name"], "index.html")]
        assert french.texts["title"][0].startswith(cls["title"]["fr"])
        for slot in cls["slots"]:
            assert french.find("h3", id=slot["name"]), f"{cls['name']}.{slot['name']} has no detail heading"


def test_every_page_has_a_title_and_a_meta_description(pages: dict[Path, Page]) -> None:
    for path, page in pages.items():
        assert page.texts["title"] and page.texts["title"][0].strip(), path
        descriptions = page.find("meta", name="description")
        assert descriptions and len(descriptions[0]["content"]) > 20, path


def test_every_documentation_page_has_a_date_modified(site: Path) -> None:
    for lang in LANGS:
        for path in doc_pages(site, lang) - {"404.html"}:
            text = (site / lang / path).read_text(encoding="utf-8")
            date = re.search(r'id="wb-dtmd">\s*<dt>([^<]+)</dt>\s*<dd><time datetime="(\d{4}-\d\d-\d\d)"', text)
            assert date, f"{lang}/{path} has no Date modified line"
            assert date[1] == i18n.word("date_modified", lang)


def test_the_first_paint_waits_for_the_header_and_the_navigation(pages: dict[Path, Page]) -> None:
    """Painted while still being read, the header moved its search form and the navigation its list (a layout
    shift under load): every page's head holds its first paint until the mark at the top of its content."""
    checked = 0
    for path, page in pages.items():
        if path.parts[0] not in LANGS:
            continue
        expects = [a for t, a in page.tags if t == "link" and a.get("rel") == "expect"]
        assert len(expects) == 1 and expects[0].get("blocking") == "render", path
        order = [a for _, a in page.tags]
        marks = [n for n, a in enumerate(order) if "#" + a.get("id", "") == expects[0]["href"]]
        assert len(marks) == 1, f"{path}: {expects[0]['href']} is not on the page once"
        classes = [a.get("class", "").split() for a in order]
        last_of_header_and_navigation = max(n for n, c in enumerate(classes) if {"mcds-language__link", "md-nav__link"} & set(c))
        assert last_of_header_and_navigation < marks[0] < page.tags.index(next(t for t in page.tags if t[0] == "h1")), path
        checked += 1
    assert checked > 100


def test_the_toggle_leads_to_the_same_page_in_the_other_language(site: Path, pages: dict[Path, Page]) -> None:
    checked = 0
    for path, page in pages.items():
        lang = path.parts[0]
        if lang not in LANGS or path.name == "404.html":
            continue
        other = "fr" if lang == "en" else "en"
        toggles = [a for a in page.find("a") if "mcds-language__link" in a.get("class", "")]
        assert len(toggles) == 1, f"{path} has {len(toggles)} language toggles"
        assert toggles[0]["lang"] == other and toggles[0]["hreflang"] == other
        target = urljoin(page_url(path), toggles[0]["href"])
        assert target == page_url(Path(other, *path.parts[1:])), path
        checked += 1
    assert checked > 100


def test_hreflang_alternates_are_absolute_and_symmetric(site: Path, pages: dict[Path, Page]) -> None:
    """Each language's sitemap lists every page with its address in both languages. The pages' heads carry no
    hreflang link: the theme would request sitemap.xml beside each one (test_open_data checks in a browser)."""
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for lang in LANGS:
        listed = {}
        for url in ElementTree.parse(site / lang / "sitemap.xml").getroot().findall("s:url", namespaces):
            alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", namespaces)}
            listed[url.findtext("s:loc", namespaces=namespaces)] = alternates
        for path in pages:
            if path.parts[0] != lang or path.name == "404.html":
                continue
            rest = Path(*path.parts[1:])
            assert listed.get(page_url(path)) == {code: page_url(Path(code) / rest) for code in LANGS}, path
            assert not [a for a in pages[path].find("link", rel="alternate") if "hreflang" in a], path
            assert pages[path].find("link", rel="canonical")[0]["href"] == page_url(path)
        assert (site / lang / "sitemap.xml.gz").is_file()
    index = ElementTree.parse(site / "sitemap.xml").getroot()
    assert [loc.text for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")] == [
        f"{SITE_URL}{lang}/sitemap.xml" for lang in LANGS]
    assert (site / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == f"Sitemap: {SITE_URL}sitemap.xml"


def test_nothing_is_loaded_from_another_host(site: Path, pages: dict[Path, Page]) -> None:
    for path, page in pages.items():
        for tag, attrs in page.tags:
            source = attrs.get("src", "") if tag in ("script", "img", "iframe", "source") else ""
            if tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "preload", "icon", "manifest"):
                source = attrs.get("href", "")
            assert not urlsplit(source).netloc, f"{path} loads {source}"
        text = (site / path).read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
    for stylesheet in site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert not re.search(r"(url\(|@import)\s*['\"]?(https?:)?//", text), stylesheet


def _local_target(site: Path, page: Path, reference: str) -> tuple[Path, str] | None:
    """The built file and anchor a link leads to, or None when it leaves the site."""
    url = urljoin(page_url(page), reference)
    if not url.startswith(SITE_URL):
        return None
    parts = urlsplit(url)
    relative = unquote(parts.path)[len(urlsplit(SITE_URL).path):]
    target = site / relative
    if relative == "" or relative.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_no_internal_link_or_anchor_is_broken(site: Path, pages: dict[Path, Page]) -> None:
    broken: list[str] = []
    checked = 0
    for path, page in pages.items():
        for _tag, attrs in page.tags:
            for name in ("href", "src"):
                reference = attrs.get(name)
                if not reference or reference.startswith(("mailto:", "javascript:", "data:")):
                    continue
                found = _local_target(site, path, reference)
                if found is None:
                    continue
                target, anchor = found
                checked += 1
                if not target.is_file():
                    broken.append(f"{path}: {reference} -> {target.relative_to(site)} does not exist")
                elif anchor and target.suffix == ".html":
                    ids = pages[target.relative_to(site)].ids
                    if unquote(anchor) not in ids:
                        broken.append(f"{path}: {reference} -> no id {anchor!r} in {target.relative_to(site)}")
    assert checked > 1000
    assert not broken, "\n".join(broken[:30])


def test_root_page_is_a_language_choice_without_redirect(pages: dict[Path, Page]) -> None:
    """A French-speaking visitor must get the choice: `/` links both languages and sends nowhere by itself."""
    root = pages[Path("index.html")]
    assert root.find("meta", **{"http-equiv": "refresh"}) == []
    assert root.find("html")[0]["lang"] == "en" and root.find("section", lang="fr")
    assert [(a["href"], a["hreflang"]) for a in root.find("a")] == [("en/", "en"), ("fr/", "fr")]
    assert root.texts["h1"] == [MODEL["title"]["en"], MODEL["title"]["fr"]]
    assert not [t for t, a in root.tags if t == "script"]


def test_schema_artefacts_are_published_for_download(site: Path) -> None:
    generated = sorted(p.relative_to(paths.GENERATED_DIR) for p in paths.GENERATED_DIR.rglob("*") if p.is_file())
    assert generated
    for folder in (MODEL["version"], "latest"):
        for relative in generated:
            published = site / "schema" / folder / relative
            assert published.is_file() and filecmp.cmp(published, paths.GENERATED_DIR / relative, shallow=False)


RELEASES = releases()


def test_there_are_releases_to_publish() -> None:
    assert RELEASES, "schema/releases/ holds no release: the release tests below would check nothing"


@pytest.mark.parametrize("version", RELEASES)
def test_every_release_is_published_at_its_stable_address(site: Path, version: str) -> None:
    # Providers cite /schema/<version>/ in systems and contracts: it must serve the frozen release, byte for byte.
    frozen = _tree(paths.RELEASES_DIR / version / "generated")
    assert frozen
    assert _tree(site / "schema" / version) == frozen


@pytest.mark.parametrize("lang", LANGS)
def test_the_downloads_page_links_to_every_release(site: Path, pages: dict[Path, Page], lang: str) -> None:
    path = Path(lang) / "reference" / "downloads" / "index.html"
    links = {urljoin(page_url(path), a["href"]) for a in pages[path].find("a") if "href" in a}
    for version in {*RELEASES, MODEL["version"]}:
        for name in ("mcds.schema.json", "datapackage.json"):
            assert f"{SITE_URL}schema/{version}/{name}" in links, (lang, version, name)


@pytest.mark.parametrize("lang", LANGS)
def test_the_downloads_page_links_to_open_data_only_when_the_catalogue_is_built(
        site: Path, pages: dict[Path, Page], lang: str) -> None:
    # This site is built without the catalogue, so site/data/ does not exist and a link to it would be broken.
    assert not (site / "data").exists()
    path = Path(lang) / "reference" / "downloads" / "index.html"
    assert not [a["href"] for a in pages[path].find("a") if "data/catalogue" in a.get("href", "")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["about/governance", "about/contributing"])
def test_governance_and_contributing_pages_exist_in_both_languages(
        site: Path, pages: dict[Path, Page], lang: str, page: str) -> None:
    path = Path(lang) / page / "index.html"
    assert path in pages, path
    source = (paths.DOCS_DIR / lang / page).with_suffix(".md").read_text(encoding="utf-8")
    for needle in {"about/governance": ("7", "30", "90", "mcds diff"),
                   "about/contributing": ("mcds generate", "make test", "mcds diff", "mcds release")}[page]:
        assert needle in source, (lang, page, needle)
    # Both are in the About navigation, so every page links to them.
    index = pages[Path(lang) / "index.html"]
    assert any(urljoin(page_url(Path(lang) / "index.html"), a["href"]) == SITE_URL + f"{lang}/{page}/"
               for a in index.find("a") if "href" in a), (lang, page)


def test_generated_pages_are_not_written_into_docs(site: Path) -> None:
    for lang in LANGS:
        assert not (paths.DOCS_DIR / lang / "reference").exists()
        assert not (paths.DOCS_DIR / lang / "about" / "changelog.md").exists()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    build_docs(again, site_url=SITE_URL)
    first, second = _tree(site), _tree(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_failed_build_leaves_the_previous_site_untouched(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(site, out)
    before = _tree(out)
    docs = tmp_path / "docs"
    shutil.copytree(paths.DOCS_DIR, docs)
    page = docs / "en" / "standard" / "overview.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[A page that does not exist](missing.md)\n",
                    encoding="utf-8")
    with pytest.raises(McdsError) as failure:
        build_docs(out, site_url=SITE_URL, sources=Sources(docs_dir=docs))
    assert failure.value.key == "portal.build.failed"
    assert "missing.md" in str(failure.value.values["reason"])
    assert _tree(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "staging folders left behind"


def test_a_build_whose_catalogue_cannot_be_written_fails_cleanly(site: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk while the workers write the catalogue: a message, not a traceback, and the previous site."""
    out = tmp_path / "site"
    shutil.copytree(site, out)
    before = _tree(out)

    def full_disk(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(opendata.OpenData, "write", full_disk)
    with pytest.raises(McdsError) as failure:
        build_docs(out, site_url=SITE_URL, catalogue=CataloguePages(gather(paths.SUBMISSIONS_DIR)))
    assert failure.value.key == "portal.build.failed"
    assert failure.value.values["reason"] == "No space left on device"
    assert _tree(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "staging folders left behind"


def test_refuses_to_replace_a_folder_it_did_not_build(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(McdsError) as failure:
        build_docs(tmp_path, site_url=SITE_URL)
    assert failure.value.key == "portal.build.not_a_site"
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_serve_prints_its_url_and_stops_cleanly_on_ctrl_c(site: Path) -> None:
    command = [sys.executable, "-c", "from mcds.cli.portal import serve; serve()",
               "--dir", str(site), "--port", "0", "--lang", "en"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = process.stdout.readline() if process.stdout else ""
        url = re.search(r"http://\S+/", line)
        assert url, line
        with urllib.request.urlopen(url[0] + "fr/", timeout=10) as response:
            assert 'lang="fr"' in response.read().decode("utf-8")
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert "Stopped." in stdout and "Traceback" not in stderr


def test_serve_explains_a_missing_site(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from mcds.cli.portal import serve

    result = CliRunner().invoke(serve, ["--dir", str(tmp_path / "nothing"), "--lang", "fr"])
    assert result.exit_code == 2
    assert "mcds build" in result.output


def test_the_french_changelog_page_shows_the_french_entries(site: Path) -> None:
    def text(lang: str) -> str:
        return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", (site / lang / "about" / "changelog" / "index.html")
                                                  .read_text(encoding="utf-8"))))

    french, english = text("fr"), text("en")
    assert "Profils : une province ou un programme resserre la norme de base" in french
    assert "Profiles: a province or programme tightens the core standard" not in french
    assert "Profiles: a province or programme tightens the core standard" in english


def test_a_release_the_french_changelog_lacks_is_shown_in_english_marked_as_such() -> None:
    from mcds.portal.changelog import render_changelog

    english = "# Changelog\n\n## [0.2.0] - 2026-11-28\n\n### Added\n- Profiles.\n\n## [0.1.0] - 2026-11-28\n\n### Added\n- The schema.\n"
    french = "# Journal\n\n## [0.1.0] - 2026-11-28\n\n### Ajouts\n- Le schéma.\n"
    page = render_changelog(english, "fr", french)
    shown_in_english = page.split("## 0.2.0", 1)[1].split("## 0.1.0", 1)[0]
    assert '<div lang="en" markdown>' in shown_in_english and "- Profiles." in shown_in_english
    assert "- Le schéma." in page.split("## 0.1.0", 1)[1] and "- The schema." not in page
