"""Links in the authors' Markdown: which lead nowhere (said when the text is read), and what the
last line of defence removes from every built page."""

from __future__ import annotations

import markdown
import pytest

from generator.markup import SafeLinks, links_going_nowhere


@pytest.mark.parametrize(
    ("text", "nowhere"),
    [
        ("[x](https://example.org/a?b=1&c=2) [y](mailto:a@example.org) [z](tel:+441234567)", []),
        ("[x](&#106;avascript:alert(1))", ["javascript:alert(1)"]),
        ("[x][r]\n\n[r]: &#x6A;avascript:alert(2)", ["javascript:alert(2)"]),
        ("[x]( JAVASCRIPT:alert(3) ) [y](data:text/html,z)", ["JAVASCRIPT:alert(3)", "data:text/html,z"]),
        ("[our intranet](intranet.example.org) [x](contacts.md) [y](/abs) [z](//host/a)", None),
        ("[x](http:nowhere) [y](mailto:) ![picture](photo.png)", ["http:nowhere", "mailto:", "photo.png"]),
        ("[below](#goals)", ["#goals"]),
        ("Brackets [alone] and (parentheses) are not links; neither is [this]: here", []),
    ],
)
def test_links_going_nowhere(text: str, nowhere: list[str] | None) -> None:
    expected = nowhere if nowhere is not None else ["intranet.example.org", "contacts.md", "/abs", "//host/a"]
    assert links_going_nowhere(text) == expected


def test_a_page_may_link_to_its_own_headings() -> None:
    assert links_going_nowhere("[below](#goals) [x](#)", anchors=True) == ["#"]


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;vascript:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x][r]\n\n[r]: &#106;avascript:alert(1)",
        "![x](&#106;avascript:alert(1))",
    ],
)
def test_safe_links_judge_an_address_as_the_browser_reads_it(text: str) -> None:
    """Markdown keeps character references in attributes as written, and the browser decodes
    them: `&#106;avascript:` is a `javascript:` link, and must go like one."""
    html = markdown.markdown(text, extensions=[SafeLinks()])
    assert "avascript" not in html.split(">", 1)[0]
    assert "href=" not in html and "src=" not in html
