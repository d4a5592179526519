"""The theme without copies of Material's templates: the fixes made on each rendered page
(theme_fixes.py), a build stopped before it writes when a template names assets the installed
Material lacks, and a project's own `overrides/main.html` extending the theme. The Nu and axe
checks on every page of the example are in test_html_valid.py and test_a11y.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.site.theme_check import material_templates
from generator.site.theme_fixes import mend
from tests.conftest import SHIPPED

# Material 9.8's markup for each thing mended, as its templates render it.
MATERIAL = """<body>
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
    <a href="index.html" title="Harbor &amp;amp; Pine" class="md-header__button md-logo" aria-label="Harbor &amp; Pine" data-md-component="logo">x</a>
    <div class="md-header__topic">
        <span class="md-ellipsis">
            Harbor &amp; Pine
    <label class="md-nav__title" for="__drawer">
    <a href="index.html" title="Harbor &amp;amp; Pine" class="md-nav__button md-logo" aria-label="Harbor &amp; Pine" data-md-component="logo">x</a>
    Harbor &amp; Pine
  </label>
<div class="md-search" data-md-component="search" role="dialog">
  <input type="text" class="md-search__input" name="query" aria-label="Buscar" placeholder="Buscar">
<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">
<label class="md-nav__title" for="__toc">
<a href="b.html" class="md-footer__link md-footer__link--next" aria-label="Next: Tom &amp;amp; Jerry &amp;lt;3">
</body>"""


def test_mend_fixes_what_material_gets_wrong() -> None:
    html = mend(MATERIAL, "Harbor &amp; Pine")
    assert 'autocomplete="off">' not in html.replace('<form id="__toggles" autocomplete="off" hidden>', "")
    assert html.count('form="__toggles">') == 2 and html.index("<form id=") < html.index('id="__drawer"')
    assert html.count('title="Harbor &amp; Pine" class="md-') == 2
    assert '<span class="md-ellipsis" dir="auto">' in html
    assert '<span dir="auto">Harbor &amp; Pine</span>' in html
    assert 'role="dialog" aria-label="Buscar">' in html
    assert 'tabindex=""' not in html and 'id="__nav_2_label">' in html
    assert '<label class="md-nav__title">' in html, "no __toc toggle on this page: a label for nothing"
    assert 'aria-label="Next: Tom &amp; Jerry &lt;3"' in html


def test_the_toc_title_keeps_its_toggle_where_there_is_one() -> None:
    page = (
        '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    )
    assert mend(page, "A") == page


@pytest.mark.slow  # reads every template of Material's
def test_no_shipped_theme_file_is_a_copy_of_a_material_template() -> None:
    shipped = [p for p in (SHIPPED / "overrides").rglob("*") if p.is_file()]
    assert shipped and not [p for p in shipped if p.suffix == ".html"]
    material = {p.relative_to(material_templates()) for p in material_templates().rglob("*") if p.is_file()}
    assert not [p for p in shipped if p.relative_to(SHIPPED / "overrides" / "theme") in material]


def test_a_template_naming_assets_material_lacks_stops_the_build(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "overrides" / "base.html").write_text(
        '<link rel="stylesheet" href="{{ \'assets/stylesheets/main.0badc0de.min.css\' | url }}">'
    )
    assert main(["build", "--org", "organizations/org.yaml"]) == 1
    err = capsys.readouterr().err
    assert "overrides/base.html" in err and "assets/stylesheets/main.0badc0de.min.css" in err
    assert "pip install 'mkdocs-material" in err and "Traceback" not in err
    assert not (project / "site").exists()


@pytest.mark.slow
def test_a_projects_main_html_extends_the_theme(project: Path) -> None:
    overrides = project / "overrides"
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}<p id="our-notice">Our own notice</p>{% endblock %}\n'
    )
    (overrides / "assets").mkdir()
    (overrides / "assets" / "ours.txt").write_text("ours")
    (overrides / "templates").mkdir(exist_ok=True)
    (overrides / "templates" / "note.txt").write_text("Mentorbook's own templates stay out of the site")
    assert main(["build", "--org", "organizations/org.yaml"]) == 0
    site = project / "site"
    for page in (site / "index.html", site / "modules" / "basics" / "first-session.html"):
        assert '<p id="our-notice">Our own notice</p>' in page.read_text()
    assert (site / "assets" / "ours.txt").read_text() == "ours"
    assert not list(site.rglob("note.txt")) and not (site / "theme").exists()
    assert (site / "assets" / "stylesheets" / "mentorbook.css").is_file(), "the shipped theme folder still counts"
