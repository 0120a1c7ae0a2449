"""The dashboard's charts: a chart is rows of figures; drawn as a static SVG bar chart at build time (no script),
with the same rows as a data table and as a CSV file.

The drawing keeps its own size (WIDTH CSS pixels, never scaled down), so that its text stays at FONT px on any
screen; each label sits on its own lines above its bar, wrapped rather than cut, so that the chart fits a phone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from mcds.portal.records import Words
from mcds.util.io import csv_bytes
from mcds.util.templates import environment

WIDTH = 340  # CSS px: fits the content column of a 390 px phone; a narrower screen scrolls it in its region
FONT = 13  # CSS px: every text of the drawing (WCAG: readable, and never under 12 px)
LINE = 17  # height of one line of label
BAR = 16
GAP = 10
VALUE_ROOM = 136  # what the widest value text ("100 % (n = 99 999)") needs right of the longest bar
WRAP = 42  # characters per label line at FONT px in WIDTH
AXIS = 34  # the axis under the bars: its line, ticks and tick labels
LIMIT = 20  # bars drawn at most: a longer list is read in its table


@dataclass
class Row:
    """One bar: its label (in `lang`), its figure (None: suppressed), how many microcredentials it is about
    (`count`, what its Find link gives), the link to Find and extra cells shown in the table and the CSV."""

    label: str
    value: float | None
    lang: str = ""
    code: str = ""
    count: int | None = None
    href: str = ""
    extra: list[Any] = field(default_factory=list)
    n: float | None = None  # the denominator of a rate, written beside it


@dataclass
class Chart:
    """kind: "count", "percent" (values from 0 to 1) or "money" (Canadian dollars)."""

    id: str
    title: str
    rows: list[Row]
    kind: str = "count"
    columns: list[str] = field(default_factory=list)  # the headers of each row's `extra` cells
    note: str = ""
    empty: str = ""  # why the chart has no bar yet (said instead of drawing nothing)
    limit: int | None = LIMIT  # bars drawn at most (the largest rows come first); the table has every row

    @property
    def drawn(self) -> list[Row]:
        return self.rows[:self.limit] if self.limit else self.rows


def _nice(top: float, whole: bool = False) -> tuple[float, float]:
    """The axis' end and step: a round step (1, 2 or 5 times a power of ten) giving at most 3 intervals, so that
    the tick labels never touch."""
    if top <= 0:
        return 1.0, 1.0
    power = 10 ** math.floor(math.log10(top / 3))
    step = next(m * power for m in (1, 2, 5, 10) if top / (m * power) <= 3)
    if whole:
        step = max(step, 1)
    return round(math.ceil(top / step) * step, 10), step


def shown(chart: Chart, t: Words, value: float | None) -> str:
    """A figure as the page writes it."""
    if value is None:
        return t("dash.suppressed")
    if chart.kind == "percent":
        return f"{t.number(value * 100)}\u00a0%"
    if chart.kind == "money":
        return t.money(round(value, 2))
    return t.number(value)


def _with_n(chart: Chart, t: Words, row: Row) -> str:
    text = shown(chart, t, row.value)
    return text if row.n is None or row.value is None else t("dash.with_n", value=text, n=t.number(row.n))


def wrap(text: str, width: int = WRAP) -> list[str]:
    """The label's lines: broken between words, a word longer than a line broken inside it."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line or not lines else lines


def geometry(chart: Chart, t: Words) -> dict[str, Any]:
    """Where everything of the drawing goes."""
    values = [row.value for row in chart.drawn if row.value is not None]
    end, step = (1.0, 0.5) if chart.kind == "percent" else _nice(max(values, default=0), chart.kind == "count")
    room = WIDTH - VALUE_ROOM
    bars, y = [], GAP
    for row in chart.drawn:
        lines = wrap(row.label)
        label_y = [y + FONT + i * LINE for i in range(len(lines))]
        bar_y = y + len(lines) * LINE + 4
        width = room * row.value / end if row.value is not None else 0
        bars.append({"lines": lines, "label_y": label_y, "lang": row.lang, "href": row.href, "y": bar_y, "top": y,
                     "height": bar_y + BAR - y + GAP // 2,
                     "width": f"{width:.1f}", "text": _with_n(chart, t, row), "suppressed": row.value is None,
                     "value_x": f"{width + 6:.1f}", "value_y": f"{bar_y + BAR - 3:.1f}"})
        y = bar_y + BAR + GAP
    ticks = []
    count = round(end / step)
    for i in range(count + 1):
        value = step * i
        ticks.append({"x": f"{room * value / end:.1f}", "text": shown(chart, t, value),
                      "anchor": "start" if i == 0 else "end" if i == count else "middle"})
    return {"bars": bars, "ticks": ticks, "axis_y": y, "height": y + AXIS, "width": WIDTH, "font": FONT, "room": room}


def alternative(chart: Chart, t: Words) -> str:
    """The drawing's short text alternative: what it shows and its largest bar, not every value (the table
    that follows has them)."""
    drawn = [row for row in chart.drawn if row.value is not None]
    if not drawn:
        return t("dash.alt.none", rows=len(chart.drawn))
    top = max(drawn, key=lambda row: row.value or 0)
    text = t("dash.alt", rows=len(chart.drawn), label=top.label, value=shown(chart, t, top.value))
    return text if len(chart.drawn) == len(chart.rows) else f'{text} {t("dash.limited", drawn=len(chart.drawn), rows=len(chart.rows))}'


def render(chart: Chart, t: Words, csv_name: str) -> str:
    """The chart's HTML: its heading, drawing, data table and the link to its CSV; or why it is empty."""
    return environment("mcds.portal", html=True).get_template("catalogue/chart.html.j2").render(
        chart=chart, t=t, csv=csv_name, alternative=alternative(chart, t),
        column=t(f"dash.column.{chart.kind}"), cells=[shown(chart, t, row.value) for row in chart.rows],
        extras=[[_cell(t, value) for value in row.extra] for row in chart.rows],
        **(geometry(chart, t) if chart.rows else {})).strip("\n")


def csv_table(chart: Chart, t: Words) -> bytes:
    """Exactly what the chart shows: each row's label, code, figure (empty when suppressed), whether it is
    suppressed, its extra cells and its number of microcredentials when it has one."""
    header = [t("dash.csv.label"), t("dash.csv.code"), t(f"dash.column.{chart.kind}"), t("dash.suppressed"),
              *chart.columns]
    rows = [[row.label, row.code, "" if row.value is None else _plain(row.value), "1" if row.value is None else "0",
             *(_plain(v) if isinstance(v, (int, float)) else v for v in row.extra)] for row in chart.rows]
    return csv_bytes(header, rows)


def _cell(t: Words, value: Any) -> str:
    """An extra cell as the table shows it: numbers in the language's format."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return t.number(value, 0 if float(value).is_integer() else 1)


def _plain(value: float) -> str:
    """A figure as data: an integer without decimals, any other number with at most 4."""
    return str(int(value)) if float(value).is_integer() else f"{value:.4f}".rstrip("0")
