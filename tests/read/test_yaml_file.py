"""The YAML loader: values stay as written, positions are kept, surprises are refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.models.source import Mark
from generator.read.yaml_file import MAX_BYTES, MAX_DEPTH, load_yaml
from tests.conftest import REPO


def load(tmp_path: Path, text: str | bytes):  # type: ignore[no-untyped-def]
    path = tmp_path / "file.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return load_yaml(path)


def problems(tmp_path: Path, text: str | bytes) -> str:
    with pytest.raises(InputError) as caught:
        load(tmp_path, text)
    return caught.value.report()


def test_scalars_stay_as_written(tmp_path: Path) -> None:
    source = load(tmp_path, "a: NO\nb: 1.10\nc: 12:30\nd: 010\ne: yes\nf: 0x1F\ng: 1e3\n")
    assert source.data == {"a": "NO", "b": "1.10", "c": "12:30", "d": "010", "e": "yes", "f": "0x1F", "g": "1e3"}


def test_nulls_and_quoted_nulls(tmp_path: Path) -> None:
    source = load(tmp_path, "a:\nb: ~\nc: null\nd: \"null\"\ne: ''\n")
    assert source.data == {"a": None, "b": None, "c": None, "d": "null", "e": ""}


def test_positions_of_values_and_keys(tmp_path: Path) -> None:
    source = load(tmp_path, "top:\n  items:\n    - first\n    - name: second\n")
    assert source.values[("top", "items", 1, "name")] == Mark(4, 13)
    assert source.keys[("top", "items")] == Mark(2, 3)
    assert source.mark(("top", "items", 1, "missing")) == Mark(4, 7)


def test_bom_and_windows_line_endings(tmp_path: Path) -> None:
    source = load(tmp_path, b"\xef\xbb\xbfa: 1\r\nb: caf\xc3\xa9\r\n")
    assert source.data == {"a": "1", "b": "café"}
    assert source.values[("b",)] == Mark(2, 4)


def test_duplicate_keys_nested(tmp_path: Path) -> None:
    report = problems(tmp_path, "a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert "4:3: `b` appears twice in the same place (first on line 2)" in report


def test_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 10)]
    assert "`&a0` (a YAML anchor) is not supported" in problems(tmp_path, "\n".join(lines))


def test_self_referencing_alias(tmp_path: Path) -> None:
    assert "anchor" in problems(tmp_path, "a: &x\n  b: *x\n")


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    assert "nested more than" in problems(tmp_path, "a: " + "[" * 5000 + "]" * 5000)
    assert "nested more than" in problems(tmp_path, "".join(f"{'  ' * i}k{i}:\n" for i in range(100)))


def test_tags_are_refused(tmp_path: Path) -> None:
    assert "the tag `tag:yaml.org,2002:python/object" in problems(tmp_path, "a: !!python/object:os.system x\n")
    assert load(tmp_path, "a: !!str 010\n").data == {"a": "010"}


def test_too_large(tmp_path: Path) -> None:
    assert "the most Mentorbook reads is" in problems(tmp_path, b"a: " + b"x" * (MAX_BYTES + 1))


def test_binary_and_second_document(tmp_path: Path) -> None:
    assert "not a text file" in problems(tmp_path, b"a: \x00\x01\x02")
    assert "more than one YAML document" in problems(tmp_path, "a: 1\n---\nb: 2\n")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(tmp_path)
    assert "not a YAML file" in caught.value.report()


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    assert "1:20: a `:` appears where YAML does not expect one" in problems(tmp_path, "título: «Café» días: x\n")
    assert "2:8: the file contains a control character (U+0007)" in problems(tmp_path, "a: é\nb: 😀 éé\x07\n")


def test_flow_nesting_deeper_than_libyaml_reads_points_at_level_41(tmp_path: Path) -> None:
    assert f"1:{3 + MAX_DEPTH}: the data is nested more than" in problems(tmp_path, "a: " + "[" * 5000 + "]" * 5000)


def test_empty_value_points_at_its_own_line(tmp_path: Path) -> None:
    source = load(tmp_path, "a:\nb: 1\n")
    assert source.values[("a",)] == Mark(1, 3)


def test_line_separators_do_not_break_positions(tmp_path: Path) -> None:
    """libyaml ends a line at NEL, U+2028 and U+2029 too; the colour check must not look past the end."""
    report = problems(tmp_path, "a: x\u2028\u2028\u2028\u2028\nb: #fff\n")
    assert "`b` is empty" in report


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n\tb: 1\n", "2:1: a tab is used for indentation"),
        ("a:\n  b: 1\n\tc: 2\n", "3:1: a tab is used for indentation"),
        ("a: 1\nb\nc: 2\n", "2:1: a line has no `:` after its name"),
        ("a:\n  - x\n - y\n", "3:2: the indentation does not line up"),
        ("  a: 1\nb: 2\n", "2:1: the indentation does not line up"),
        ('a: "abc\nb: 1\n', "1:4: a quote or bracket is opened but never closed"),
        ('a: "\\q"\n', "1:5: a backslash inside double quotes starts an unknown escape"),
        ("a: [x, y{z]\n", "1:9: a list in `[ ]` or `{ }` is not closed where YAML expects it"),
        ("tips:\n  - **Listen.** Then ask.\n", "2:5: text that starts with `*` or `&` must be in quotes"),
        ("email: @me\n", "1:8: text cannot start with `@`"),
        ("a: `b`\n", "1:4: text cannot start with a backtick (`)"),
    ],
)
def test_syntax_mistakes_say_what_to_do(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in problems(tmp_path, text)


def test_without_libyaml_mentorbook_stops_with_a_clear_message() -> None:
    code = "import yaml\nyaml.__with_libyaml__ = False\nimport generator.read.yaml_file"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode != 0
    assert "Mentorbook needs PyYAML with its libyaml C parser" in result.stderr
