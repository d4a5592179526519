"""The editions, read back with pypdf for every example organization: the program manager's
edition, the mentor's guide and the mentee's guide exist, in the organization's words and
language, with bookmarks and a tagged structure, and each holds only its own part of the one
source (a role's guide has that role's lines and not the other's)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.models.project import Project
from generator.plan.paths import EDITION_FILES
from generator.read.project import load_project
from tests.conftest import REPO
from tests.pdf.test_handbook import read_outline

ORGS = sorted(p.stem for p in (REPO / "organizations").glob("*.yaml"))
EDITIONS = tuple(EDITION_FILES)


@cache
def project(slug: str) -> Project:
    return load_project(REPO, REPO / "organizations" / f"{slug}.yaml")


@cache
def read(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path)
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def edition(all_sites: Path, slug: str, name: str) -> tuple[PdfReader, str]:
    path = all_sites / slug / "guide" / f"{slug}-{EDITION_FILES[name]}.pdf"
    assert path.is_file(), path
    return read(path)


@pytest.mark.parametrize("name", EDITIONS)
@pytest.mark.parametrize("slug", ORGS)
def test_every_edition_is_tagged_with_bookmarks_in_the_organizations_language(
    all_sites: Path, slug: str, name: str
) -> None:
    reader, text = edition(all_sites, slug, name)
    labels, org = project(slug).labels, project(slug).organization
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and root["/Lang"] == org.language
    assert reader.metadata is not None and reader.metadata.title == f"{labels[f'edition_{name}']} · {org.name}"
    titles = [title for _, title, _ in read_outline(reader)]
    assert labels["welcome"] in titles and labels["contacts"] in titles
    assert labels[f"edition_{name}"].upper() in text and org.name in text  # the cover sets its kicker in capitals


@pytest.mark.parametrize("slug", ORGS)
def test_the_managers_edition_holds_the_kit_and_the_forms(all_sites: Path, slug: str) -> None:
    reader, _ = edition(all_sites, slug, "manager")
    p = project(slug)
    titles = [title for _, title, _ in read_outline(reader)]
    for label in ("kit_standards", "kit_run_sheet", "kit_messages", "kit_escalation", "kit_tracker", "privacy_title"):
        assert p.labels[label] in titles
    forms = [w.title for w in p.curriculum.worksheets if "manager" in w.editions]
    assert forms and all(form in titles for form in forms)
    # The group sessions a facilitator runs, whole, under their modules (bookmarked by title)
    group = {m.title for m in p.curriculum.modules if any(s.prompts.facilitator for s in m.sessions)}
    assert group and {m.title for m in p.curriculum.modules if m.title in titles} == group
    assert (all_sites / slug / "kit" / "pair-tracker.xlsx").is_file()


@pytest.mark.parametrize("role", ["mentor", "mentee"])
@pytest.mark.parametrize("slug", ORGS)
def test_a_roles_guide_has_its_lines_and_not_the_others(all_sites: Path, slug: str, role: str) -> None:
    reader, text = edition(all_sites, slug, role)
    labels = project(slug).labels
    other = "mentee" if role == "mentor" else "mentor"
    assert labels[f"ask_{role}"] in text  # the question tabs' labels come only from the handbook's own
    others = (f"ask_{other}", f"reflect_{other}", "ask_facilitator")  # "...persona mentora" is in "...mentorada"
    assert not [label for label in others if re.search(re.escape(labels[label]) + r"(?!\w)", text)]
    titles = [title for _, title, _ in read_outline(reader)]
    assert labels["kit_run_sheet"] not in titles and labels["kit_escalation"] in titles  # where to raise a concern


def test_the_organizations_own_words_are_used(all_sites: Path) -> None:
    for name in EDITIONS:
        _, text = edition(all_sites, "st-brigid-health", name)
        assert "preceptee" in text.lower() and "practice educator" in text.lower()
        assert " mentee" not in text.lower(), name
