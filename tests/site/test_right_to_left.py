"""The right-to-left example organization (organizations/jamiyat-al-nour.yaml, Arabic text in
an English handbook): in Chromium each block of its text computes to `direction: rtl`, also
where an Arabic sentence holds Latin words; in the handbook PDF its letters come back as
written (pdftotext) and its short headings sit at the right. Screenshots go to
test-artifacts/right-to-left/ for a reviewer."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.build import build
from tests.conftest import REPO, _building_in

pytestmark = pytest.mark.slow
SLUG = "jamiyat-al-nour"
SCREENSHOTS = REPO / "test-artifacts" / "right-to-left"


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rtl")
    (root / "organizations").mkdir()
    shutil.copy(REPO / f"organizations/{SLUG}.yaml", root / f"organizations/{SLUG}.yaml")
    shutil.copytree(REPO / f"organizations/{SLUG}", root / f"organizations/{SLUG}")
    with _building_in(root):
        build(root, root / f"organizations/{SLUG}.yaml")
    return root / "site"


# page -> (CSS selector, text it holds): blocks of the organization's text
BLOCKS = {
    "index.html": [
        ("article h1", "جمعية النور للتعليم المهني"),
        ("article p", "أهلاً بكم في برنامج الإرشاد المهني"),
        ("article p", "PDF أو تعبئتها على الشاشة"),  # Arabic with a Latin word
        ("article h3", "الاحترام"),
        ("article li", "WhatsApp"),
        (".md-header__topic span", "جمعية النور"),
    ],
    "contacts.html": [("article h2", "منسّقة البرنامج"), ("article p", "ليلى حدّاد"), ("article p", "(IDP)")],
    f"guides/{SLUG}-pages-how-we-work-together.html": [
        ("article h2", "قبل اللقاء الأول"),
        ("article li", "سؤالاً واحداً"),
    ],
    "worksheets/vocational-learning-plan.html": [("article h1", "خطة التعلّم المهني"), ("article h2", "الخطوات")],
}


@pytest.mark.browser
@pytest.mark.parametrize("path", sorted(BLOCKS))
def test_organization_text_reads_right_to_left(rtl_site: Path, page: Any, path: str) -> None:
    page.goto((rtl_site / path).as_uri())
    for selector, text in BLOCKS[path]:
        element = page.locator(selector, has_text=text).first
        direction = element.evaluate("e => getComputedStyle(e).direction")
        align = element.evaluate("e => getComputedStyle(e).textAlign")
        assert (direction, align in ("start", "right")) == ("rtl", True), f"{path}: {selector} {text}"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-nav__title')).direction") == "ltr"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{path.replace('/', '-').removesuffix('.html')}.png", full_page=True)
    assert page.console_errors == [] and page.outside_requests == []


def test_headings_have_readable_anchors(rtl_site: Path) -> None:
    html = (rtl_site / f"guides/{SLUG}-pages-how-we-work-together.html").read_text()
    assert 'id="قبل-اللقاء-الأول"' in html and 'id="_1"' not in html


def test_the_pdf_gives_back_the_letters(rtl_site: Path) -> None:
    """Copied as PDF viewers copy (`pdftotext` is Poppler, as in Evince; Firefox's pdf.js reads
    the same way): the lam-alef ligature in "الاحترام" gave "االحترام" before pdf/ligatures.py."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (make system-deps installs poppler-utils)")
    pdf = rtl_site / f"guide/{SLUG}-handbook.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for word in ("الاحترام", "الأمانة", "التعلّم المشترك", "ليلى حدّاد", "خطة التعلّم المهني", "الخصوصية"):
        assert word in text, word
    assert "االحترام" not in text


def test_short_headings_sit_at_the_right_in_the_pdf(rtl_site: Path) -> None:
    """A right-to-left heading starts at the right margin: its text begins right of the middle."""
    reader = PdfReader(rtl_site / f"guide/{SLUG}-handbook.pdf")
    found: list[float] = []
    width = float(reader.pages[0].mediabox.width)
    for pdf_page in reader.pages:

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
            if "مانة" in text and len(text.strip()) < 12:  # "الأمانة": pypdf reverses the lam-alef-hamza glyph
                found.append(tm[4] * cm[0] + cm[4])

        pdf_page.extract_text(visitor_text=visit)
    assert found and all(x > width / 2 for x in found), (found, width)
