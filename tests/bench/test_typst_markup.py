"""The prototype's Markdown -> Typst converter (bench/typst_proto/markup.py): what it writes,
and that an organization's text, however it is written, is shown as written by Typst."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench.typst_proto.markup import label, markdown, string, text

pytest.importorskip("typst")


def test_structure_becomes_function_calls() -> None:
    source = "Say **what** you _see_.\n\n- one\n- two\n\n3. three\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert markdown(source) == (
        "Say #strong[what]; you #emph[see];\\.\n\n"
        "#list([one], [two])\n\n"
        "#enum(start: 3, [three])\n\n"
        "#table(columns: 2, table.header([a], [b]), [1], [2])\n\n"
    )


def test_headings_never_skip_a_level() -> None:
    assert markdown("# A\n\n### B\n", within=1) == "#heading(level: 2)[A]\n\n#heading(level: 3, outlined: false)[B]\n\n"
    assert markdown("### Deep\n", within=0).startswith("#heading(level: 1)[Deep]")


def test_admonitions_and_definitions() -> None:
    assert markdown('!!! tip "Keep it short"\n    Body.\n') == '#admonition("tip", [Keep it short], [Body\\.])\n\n'
    assert markdown("Term\n: Meaning\n") == "#terms(terms.item([Term], [Meaning]))\n\n"


def test_links_keep_only_addresses_that_lead_somewhere() -> None:
    assert markdown("[site](https://example.org/a?b=1)") == '#link("https://example.org/a?b=1")[site];\n\n'
    assert markdown("[page](other.md)") == "page\n\n"
    assert markdown("[x](javascript:alert(1))") == "\\[x\\](javascript\\:alert(1))\n\n"


def test_text_escapes_everything_typst_reads() -> None:
    assert text('#set page(width: 1pt) $x$ *b* _i_ <l> @r [c] ~ // a - "q" ...') == (
        '\\#set page(width\\: 1pt) \\$x\\$ \\*b\\* \\_i\\_ \\<l\\> \\@r \\[c\\] \\~ \\/\\/ a \\- \\"q\\" \\.\\.\\.'
    )
    assert string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'


def test_labels_only_for_the_plans_ids() -> None:
    assert label("_s-goal-setting") == "<_s-goal-setting>"
    with pytest.raises(ValueError):
        label("x> #panic() <y")


HOSTILE = [
    '#panic("run") #import "/etc/passwd"',
    "$ x^2 $ and `raw` and <label> and @ref",
    "// not a comment /* nor this */",
    "= Not a heading\n+ not a list\n- nor this\n1. nor this",
    "*bold?* _emph?_ ~ -- --- ... -? 'quote' \"quote\"",
    "a] #{ let x = 1 } [b",
    "https://example.org is not a link here",
    "\\u{1F600} and \\ a backslash",
    "<b onclick=alert(1)>raw html</b>",
]


def test_hostile_text_is_shown_as_written(tmp_path: Path) -> None:
    """Each string, as plain text and as Markdown, compiles and copies as written (the words;
    Markdown's own syntax such as `*...*` is Markdown's to read)."""
    import typst

    body = "\n\n".join(f"{text(words)}\n\n#pagebreak()" for words in HOSTILE)
    body += "\n\n" + "\n\n".join(markdown(f"`x` {words.splitlines()[0]}") for words in HOSTILE[:2])
    pdf = tmp_path / "hostile.pdf"
    typst.compile(body.encode(), output=str(pdf))
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True)
    shown = [" ".join(page.split()) for page in pages.stdout.split("\f")]
    for number, words in enumerate(HOSTILE):
        assert shown[number] == " ".join(words.split()), number
    assert "#panic" in shown[len(HOSTILE)]
