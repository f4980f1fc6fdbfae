"""Server-rendered SVG charts for the console, drawn with matplotlib's SVG backend.

The console's CSP allows no inline script, so charts are SVG images the browser shows as
they are (no script, no remote loads). Text is kept as SVG text (``svg.fonttype: none``), so
Japanese titles and labels are set in the browser's fonts rather than as glyph outlines.
Two charts: ``daily_chart`` (messages a day and rates over time) and ``share_bars``
(horizontal grouped bars of shares). Rendering is CPU work: handlers call them on a worker
thread.
"""

from __future__ import annotations

import contextlib
import glob
import io
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from functools import cache
from typing import Any

#: matplotlib's global settings (rc_context) are not thread-safe: one chart at a time
_LOCK = threading.Lock()

# Japanese text is laid out with the fallback fonts' metrics: the browser draws the glyphs.
warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)

#: Japanese fonts, the first one found lays the text out (make system-deps installs IPA Gothic)
CJK_FONTS = ["Noto Sans CJK JP", "IPAexGothic", "IPAPGothic", "IPAGothic", "Hiragino Sans", "Meiryo"]
#: where a Japanese font installed after matplotlib built its font cache is looked for
CJK_FILES = ("/usr/share/fonts/**/ipa*.ttf", "/usr/share/fonts/**/NotoSansCJK*.tt[cf]")


@cache
def _japanese_font() -> None:
    """Tell matplotlib of a Japanese font its cache does not know yet (installed after it was built)."""
    from matplotlib import font_manager

    if {f.name for f in font_manager.fontManager.ttflist} & set(CJK_FONTS):
        return
    for pattern in CJK_FILES:
        for path in sorted(glob.glob(pattern, recursive=True)):
            with contextlib.suppress(Exception):  # an unreadable file: the next one
                font_manager.fontManager.addfont(path)


#: typed loosely: matplotlib types rcParams keys as literals
RC: dict[str, Any] = {
    "svg.fonttype": "none",  # text stays text: the reader's browser picks the font
    "svg.hashsalt": "mailwarden",  # stable element ids, so the same data gives the same SVG
    "font.family": "sans-serif",
    "font.sans-serif": [*CJK_FONTS, "DejaVu Sans"],
    "font.size": 10,
}

#: the colours of the series (the same in every chart, so a reader learns them once)
VOLUME = "#c9d6ee"
COLOURS = {"dmarc_pass_rate": "#1b7f3b", "dkim_aligned_rate": "#1f5fbf", "spf_aligned_rate": "#b35c00"}


@dataclass(frozen=True)
class ChartText:
    """Everything the chart says, already in the reader's language."""

    title: str
    x_label: str
    volume_label: str
    rate_label: str
    #: the legend entry of each rate series, by key (dmarc_pass_rate, dkim_aligned_rate…)
    series: dict[str, str]
    volume_legend: str
    empty: str


def daily_chart(days: list[Any], text: ChartText) -> bytes:
    """Messages a day (bars, left axis) and the pass and alignment rates (lines, right axis,
    %) of a summary's ``over_time`` rows, as an SVG document."""
    import matplotlib.dates
    from matplotlib import rc_context
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    dates: Any = matplotlib.dates  # it has no annotations
    _japanese_font()
    with _LOCK, rc_context(RC):  # type: ignore[arg-type]
        fig = Figure(figsize=(8.4, 3.8))
        FigureCanvasSVG(fig)
        ax = fig.add_subplot()
        rates = ax.twinx()
        # matplotlib's dates are days since 1970-01-01 (UTC): a day's start is day / 86400
        when = [d["day"] / 86400 for d in days]
        handles: list[Any] = []
        if days:
            # a bar covers its (UTC) day; a rate is drawn at the day's middle
            handles.append(
                ax.bar(
                    [w + 0.1 for w in when],
                    [d["messages"] for d in days],
                    width=0.8,
                    align="edge",
                    color=VOLUME,
                    label=text.volume_legend,
                )
            )
            for key, label in text.series.items():
                (line,) = rates.plot(
                    [w + 0.5 for w in when],
                    [d[key] for d in days],
                    color=COLOURS.get(key, "#555555"),
                    marker="o" if len(days) < 40 else None,
                    markersize=3,
                    linewidth=1.8,
                    label=label,
                )
                handles.append(line)
            span = when[-1] - when[0] + 1
            ax.set_xlim(when[0] - 0.5, when[-1] + 1.5)
            if span <= 120:  # ticks on whole days, a week or so of them at most
                ax.xaxis.set_major_locator(
                    dates.DayLocator(interval=max(1, -(-int(span) // 7)), tz=UTC)
                    if span > 7
                    else dates.DayLocator(tz=UTC)
                )
            else:
                ax.xaxis.set_major_locator(dates.AutoDateLocator(minticks=3, maxticks=8, tz=UTC))
            ax.xaxis.set_major_formatter(dates.DateFormatter("%Y/%m/%d", tz=UTC))
        else:
            ax.set_xticks([])
            ax.text(0.5, 0.5, text.empty, transform=ax.transAxes, ha="center", va="center", color="#687084")
        ax.set_title(text.title)
        ax.set_xlabel(text.x_label)
        ax.set_ylabel(text.volume_label)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(bottom=0)
        rates.set_ylim(0, 1.05)
        rates.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        rates.set_ylabel(text.rate_label)
        # the rates over the bars, the legend over both
        ax.set_zorder(0)
        rates.set_zorder(1)
        if handles:
            rates.legend(
                handles=handles,
                labels=[h.get_label() for h in handles],
                loc="upper center",
                bbox_to_anchor=(0.5, -0.2),
                ncol=len(handles),
                frameon=False,
            )
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


#: the colour of a chart's secondary text (value labels, "nothing yet")
MUTED = "#687084"


@dataclass(frozen=True)
class ShareSeries:
    """One series of ``share_bars``: a share (0–1) per category."""

    label: str
    values: Sequence[float]
    colour: str
    #: the colour of its value labels (None: the chart's text colour)
    value_colour: str | None = None
    #: label a zero share too (False: a zero bar stays unlabelled)
    label_zeros: bool = True


def share_bars(
    categories: Sequence[str],
    series: Sequence[ShareSeries],
    *,
    title: str,
    x_label: str,
    empty: str,
    size: tuple[float, float] = (8.4, 3.4),
) -> bytes:
    """Horizontal grouped bars of shares (0–1, the axis in %), one group per category (the
    first at the top), each bar labelled with its share; ``series`` are given bottom bar first,
    the legend's order. With no series, ``empty`` is said in the middle. An SVG document."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    _japanese_font()
    with _LOCK, rc_context(RC):  # type: ignore[arg-type]
        fig = Figure(figsize=size)
        FigureCanvasSVG(fig)
        ax = fig.add_subplot()
        ys = list(range(len(categories)))
        height = 0.8 / max(1, len(series))
        # the bottom bar of a group is the furthest down (the axis is inverted below)
        offsets = [(len(series) - 1) / 2 * height - i * height for i in range(len(series))]
        for s, off in zip(series, offsets, strict=True):
            ax.barh([y + off for y in ys], list(s.values), height=height, color=s.colour, label=s.label)
        for y in ys:
            for s, off in reversed(list(zip(series, offsets, strict=True))):
                v, label = s.values[y], f"{s.values[y] * 100:.1f} %"
                if v or s.label_zeros:
                    ax.text(v + 0.01, y + off, label, va="center", fontsize=8, color=s.value_colour)
        if series:
            ax.legend(loc="lower right", frameon=False)
        else:
            ax.text(0.5, 0.5, empty, transform=ax.transAxes, ha="center", va="center", color=MUTED)
        ax.set_yticks(ys, list(categories))
        ax.invert_yaxis()
        ax.set_xlim(0, 1.12)
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.set_xlabel(x_label)
        ax.set_title(title)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()
