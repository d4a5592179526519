"""Right-to-left organization text: which way a block reads, the `dir` the templates print,
heading anchors that keep their letters, and readable slugs from non-Latin names."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown.extensions.toc import slugify as markdown_slugify

from generator.build import render_pages
from generator.cli import main
from generator.commands.scaffold import slugify as profile_slug
from generator.direction import dir_attribute, direction
from generator.markup import slugify
from generator.plan.site.pages import plan_site
from generator.read.project import load_project
from generator.site.render import Renderer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الاحترام", "rtl"),
        ("نرحب بكم في Harbor & Pine، حيث نتعلم معا.", "rtl"),  # starts Arabic, holds Latin words
        ("Harbor & Pine ترحب بكم في برنامج الإرشاد لهذا العام", "rtl"),  # starts with a Latin name
        ("שלום לכולם", "rtl"),
        ("خوش آمدید", "rtl"),  # Persian
        ("Welcome, and مرحبا", "ltr"),
        ("[ارتباط](https://example.org/a-long-english-path)", "rtl"),  # link targets do not count
        ("2027-01-11", "ltr"),
    ],
)
def test_direction_counts_the_letters(text: str, expected: str) -> None:
    assert direction(text) == expected


def test_dir_attribute_only_for_right_to_left() -> None:
    assert dir_attribute("<p>قيمنا</p>") == ' dir="rtl"' and dir_attribute("Our values") == ""


LATIN = st.text(alphabet=string.ascii_letters + string.digits + " -_.,:;!?()'áéíóúñüÁÉÍÓÚÑàèç", max_size=40)


@given(LATIN)
def test_latin_anchors_stay_as_markdown_makes_them(heading: str) -> None:
    assert slugify(heading, "-") == markdown_slugify(heading, "-")


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [("قيمنا الأساسية", "قيمنا-الأساسية"), ("ערכים שלנו", "ערכים-שלנו"), ("Our values", "our-values")],
)
def test_non_latin_anchors_keep_their_letters(heading: str, anchor: str) -> None:
    assert slugify(heading, "-") == anchor


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Acme Health", "acme-health"), ("Fundación Puentes", "fundacion-puentes"), ("جمعية النور", "جمعية-النور")],
)
def test_profile_slugs_keep_the_letters(name: str, slug: str) -> None:
    assert profile_slug(name) == slug


def test_new_org_with_an_arabic_name_is_a_readable_valid_profile(project: Path) -> None:
    assert main(["new-org", "جمعية النور"]) == 0
    profile = project / "organizations/جمعية-النور.yaml"
    assert profile.is_file()
    assert main(["validate", "--org", str(profile.relative_to(project))]) == 0


def test_organization_text_gets_dir_on_the_site(project: Path) -> None:
    profile = project / "organizations/org.yaml"
    profile.write_text(
        profile.read_text().replace("welcome: Hello.", "welcome: نرحب بكم في Test Org.")
        + "values:\n  - name: الاحترام\n    in_mentoring: نستمع قبل أن نتكلم.\n"
        + "contacts:\n  - role: منسقة البرنامج\n    name: ليلى حداد\n    note: متاحة كل يوم أحد.\n"
    )
    loaded = load_project(project, profile)
    pages = render_pages(plan_site(loaded), Renderer(project))
    home, contacts = pages["index.md"], pages["contacts.md"]
    assert '<div dir="rtl" markdown="1">\n\nنرحب بكم في Test Org.' in home
    assert '### الاحترام { dir="rtl" }' in home
    assert '## منسقة البرنامج { dir="rtl" }' in contacts and '**ليلى حداد**\n{: dir="rtl" }' in contacts
