"""One chart per question, as SVG from matplotlib: the distribution of answers, one bar per
group side by side (mentor and mentee; before and after).

Byte-stable: the same counts give the same bytes. matplotlib's SVG carries a date (left out
with `metadata={"Date": None}`), ids made from a random salt (`svg.hashsalt` fixes it) and,
by default, the glyphs as paths named by hashes (`svg.fonttype: none` writes text instead,
which also keeps the labels selectable and small). Every chart has a text alternative
(`describe`) and its numbers in a table beside it (the report's template).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from generator.results.tally import ItemTally

STYLE: dict[str, Any] = {
    "svg.hashsalt": "mentorbook",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
# Colours that keep 3:1 against white and each other's neighbours, and differ in lightness
# for readers who do not tell hues apart.
COLOURS = ("#1f5f8b", "#b4441c", "#4d7a2a", "#6b4c9a")


def chart_svg(item: ItemTally, labels: Mapping[str, str]) -> bytes | None:
    """The chart of a rating, yes/no or choice question; None without a group to show."""
    groups = tuple(g for g in item.shown if g.answered)
    if not item.answers or not groups:
        return None
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(STYLE):  # type: ignore[arg-type]  # typed as a Literal of every key
        figure = Figure(figsize=(6.4, 0.22 * len(item.answers) * (1 + len(groups)) + 0.9))
        axes = figure.add_subplot()
        height = 0.8 / len(groups)
        positions = range(len(item.answers))
        for number, group in enumerate(groups):
            offsets = [p + (number - (len(groups) - 1) / 2) * height for p in positions]
            shares = [100 * c / group.answered if group.answered else 0 for c in group.counts]
            colour = COLOURS[number % len(COLOURS)]
            axes.barh(offsets, shares, height=height * 0.92, color=colour, label=f"{group.name} (n={group.answered})")
        axes.set_yticks(list(positions), [_short(a) for a in item.answers])
        axes.invert_yaxis()  # the first answer on top, as on the form
        axes.set_xlim(0, 100)
        axes.set_xlabel(labels["percent_of_answers"])
        axes.legend(loc="lower right", frameon=False)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def _short(text: str) -> str:
    return text if len(text) <= 28 else text[:27] + "…"


def describe(item: ItemTally, labels: Mapping[str, str]) -> str:
    """The chart in words: each group's share per answer."""
    parts = []
    for group in (g for g in item.shown if g.answered):
        shares = ", ".join(
            f"{answer} {_percent(count, group.answered)}"
            for answer, count in zip(item.answers, group.counts, strict=True)
        )
        parts.append(f"{group.name} ({group.answered} {labels['answers_word']}): {shares}")
    return f"{labels['chart_of']} {item.label} — " + "; ".join(parts) + "."


def _percent(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total else "0%"
