"""Every example organization: built for real, re-branded, re-worded, scheduled, on its paper."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from generator.build import render_pages
from generator.cli import main
from generator.plan.program.reader_days import timeline_events
from generator.plan.site.kit_pages import SOURCE
from generator.plan.site.pages import plan_site
from generator.read.project import load_project
from generator.site.render import Renderer
from tests.conftest import REPO, copy_repo

pytestmark = pytest.mark.slow  # lays out PDFs or builds whole sites: not in `make test-fast`

PROFILES = sorted(p.stem for p in (REPO / "organizations").glob("*.yaml"))
GOLDEN = Path(__file__).parent / "golden" / "organizations"
GOLDEN_PAGES = ("index.md", "program.md", "contacts.md", "modules/index.md")


@pytest.fixture
def sites(all_sites: Path) -> Path:
    """Every example organization, built once per test session (tests/conftest.py)."""
    return all_sites


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def replaced_words(slug: str) -> dict[str, str]:
    """The words this organization replaces in the (English) curriculum."""
    project = load_project(REPO, REPO / f"organizations/{slug}.yaml")
    if project.organization.language != "en":
        return {}
    return project.organization.terminology.chosen()


def _flat(text: str) -> str:
    return " ".join(re.sub(r"[*_`#>\[\]()|]", " ", text).split())


def own_phrases(slug: str) -> list[str]:
    """Every sentence the organization wrote itself (profile, own modules, own pages): its
    words are its own business, so the check skips them."""
    folder = REPO / "organizations" / slug
    texts = [(REPO / f"organizations/{slug}.yaml").read_text()]
    texts += [p.read_text() for p in folder.rglob("*") if p.suffix in (".yaml", ".md")]
    phrases = set()
    for text in texts:
        for line in text.splitlines():
            value = line.split(": ", 1)[-1].strip().strip('"|-')
            phrases.update(p.strip() for p in re.split(r"(?<=[.!?:;])\s+", _flat(value)) if len(p.strip()) > 3)
    return sorted(phrases, key=len, reverse=True)


# A publication and its publisher (kit_pages.SOURCE, as the page or the PDF's text shows it):
# a title, not the handbook's word for a role, so no organization's terminology applies to it.
PROPER_NAMES = re.compile(r"\W*".join(map(re.escape, re.findall(r"\w+", SOURCE))) + r"\W?")


def without_proper_names(text: str) -> str:
    return PROPER_NAMES.sub(" ", text)


def leftover_default_words(text: str, slug: str, phrases: list[str]) -> list[str]:
    words = replaced_words(slug)
    flat = _flat(without_proper_names(text))
    for phrase in phrases:
        flat = flat.replace(phrase, " ")
    for word in sorted(words.values(), key=len, reverse=True):
        flat = re.sub(re.escape(word), " ", flat, flags=re.IGNORECASE)
    singles = [w for w in words if w != words[w]]
    return re.findall(rf".{{0,30}}\b(?:{'|'.join(singles)})\b.{{0,30}}", flat, re.IGNORECASE)


def test_landing_page_lists_every_organization(sites: Path) -> None:
    landing = (sites / "index.html").read_text()
    for slug in PROFILES:
        assert f'href="{slug}/index.html"' in landing
        assert (sites / slug / "index.html").is_file()


@pytest.mark.parametrize("slug", [s for s in PROFILES if replaced_words(s)])
def test_terminology_reaches_every_page(sites: Path, slug: str) -> None:
    phrases = own_phrases(slug)
    leftovers = []
    for page in sorted((sites / slug).rglob("*.html")):
        found = leftover_default_words(visible_text(page.read_text()), slug, phrases)
        leftovers += [f"{page.relative_to(sites)}: {f}" for f in found]
    assert leftovers[:8] == []


@pytest.mark.parametrize("slug", [s for s in PROFILES if replaced_words(s)])
def test_terminology_reaches_the_worksheet_packet(sites: Path, slug: str) -> None:
    text = " ".join(page.extract_text() for page in PdfReader(sites / slug / "worksheets/packet-print.pdf").pages)
    assert leftover_default_words(text, slug, own_phrases(slug)) == []


def test_paper_size_follows_the_profile(sites: Path) -> None:
    for slug in PROFILES:
        paper = load_project(REPO, REPO / f"organizations/{slug}.yaml").organization.paper
        box = PdfReader(sites / slug / "worksheets/packet-print.pdf").pages[0].mediabox
        expected = (612, 792) if paper == "Letter" else (595.28, 841.89)
        assert (round(float(box.width), 2), round(float(box.height), 2)) == expected, slug


def test_language_reaches_the_theme_and_labels(sites: Path) -> None:
    html = (sites / "fundacion-puentes/index.html").read_text()
    assert '<html lang="es"' in html
    assert "Módulos" in html
    assert '<html lang="en"' in (sites / "northwind-freight/index.html").read_text()


def test_branding(sites: Path) -> None:
    for slug in PROFILES:
        org = load_project(REPO, REPO / f"organizations/{slug}.yaml").organization
        assert org.colors.primary in (sites / slug / "assets/stylesheets/brand.css").read_text()
        home = (sites / slug / "index.html").read_text()
        if org.logo:
            assert 'src="assets/brand/logo.' in home
        if org.favicon:
            assert 'href="assets/brand/favicon.' in home


def test_calendar_matches_the_timeline(sites: Path) -> None:
    for slug in PROFILES:
        project = load_project(REPO, REPO / f"organizations/{slug}.yaml")
        if not project.organization.program:
            continue
        calendar = icalendar.Calendar.from_ical((sites / slug / "program.ics").read_bytes())
        events = calendar.walk("VEVENT")
        entries = timeline_events(project)  # the program's events and the run-sheet's days its readers act on
        assert len(events) == len(entries) > len(project.events)
        assert len({str(e["UID"]) for e in events}) == len(events)
        booked = [s for s in project.curriculum.sessions() if not s.as_needed]
        assert sum(1 for e in project.events if e.kind == "session") == len(booked)
        by_uid = {f"{e.uid}@mentorbook": e for e in entries}
        for vevent in events:  # each entry on its event's day (preparation may come before the start)
            start = vevent.decoded("DTSTART")
            entry = by_uid[str(vevent["UID"])]
            assert (start.date() if isinstance(start, dt.datetime) else start) == entry.date
            # one file for everyone: an entry for mentors or mentees only says so in its title
            only = f" ({project.labels[f'only_{entry.audience}']})" if entry.audience != "pairs" else ""
            assert not only or str(vevent["SUMMARY"]).endswith(only), vevent["SUMMARY"]
        assert 'href="program.ics"' in (sites / slug / "program.html").read_text()


def test_one_broken_profile_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_repo(tmp_path)
    for profile in (root / "organizations").glob("*.yaml"):
        if profile.stem not in ("example", "st-brigid-health"):
            profile.unlink()
    broken = (root / "organizations/example.yaml").read_text().replace('primary: "#1d4e89"', 'primary: "#aaccff"')
    broken = broken.replace("name: Harbor & Pine Cooperative", "name: Broken Cooperative")  # a name of its own
    (root / "organizations/broken.yaml").write_text(broken)
    shutil.copytree(root / "organizations/example", root / "organizations/broken")
    monkeypatch.chdir(root)
    assert main(["build", "--all", "--jobs", "2", "--out", "out"]) == 1
    err = capsys.readouterr().err
    assert "built 2 of 3 organizations" in err
    assert "broken: organizations/broken.yaml:" in err and "is too light" in err
    assert (root / "out/example/index.html").is_file() and (root / "out/st-brigid-health/index.html").is_file()
    assert not (root / "out/broken").exists()


@pytest.mark.parametrize("slug", PROFILES)
def test_generated_markdown_is_golden(slug: str, update_golden: bool) -> None:
    """Selected generated pages per organization, as data, reviewed in the diff."""
    project = load_project(REPO, REPO / f"organizations/{slug}.yaml")
    texts = render_pages(plan_site(project), Renderer(REPO))
    for page in GOLDEN_PAGES:
        if page not in texts:
            continue
        golden = GOLDEN / slug / page
        if update_golden:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(texts[page], encoding="utf-8")
        assert texts[page] == golden.read_text(encoding="utf-8"), (
            f"{slug}/{page}: run pytest --update-golden and review"
        )


def test_parts_in_another_language_say_so(sites: Path) -> None:
    """A Spanish handbook shows the English shared curriculum marked lang="en" (WCAG 3.1.2),
    while its own labels and its own module stay in the page's language."""
    session = (sites / "fundacion-puentes/modules/goal-setting/shaping-goals-and-actions.html").read_text()
    assert '<html lang="es"' in session
    assert '<span lang="en">Shaping goals and actions</span>' in session
    assert '<div lang="en">' in session
    own = next((sites / "fundacion-puentes/modules/liderar-con-voluntariado").glob("*.html")).read_text()
    assert 'lang="en"' not in own
    english = (sites / "example/modules/goal-setting/shaping-goals-and-actions.html").read_text()
    assert 'lang="en">' not in english.split("<body", 1)[1]
