"""The charts' colours beyond the statuses' and the lines' (charts.TARGET_COLOUR, …), and the proxies' marker symbols:
named once here for targetwatch.charts (Python-built charts) and handed to the page's chart builder
(dashboards/static/chart-build.js) through targetwatch.chart_client.constants(), so neither spells them (review s21a
F3). The layout's sizes (margins, heights, marker and font sizes) are still written in both."""

from __future__ import annotations

from typing import Final

from targetwatch import vocab

INK: Final = vocab.INK  # the charts' text
PAPER: Final = "#ffffff"  # paper and plot background
AXIS_LINE: Final = "#b0b7c3"  # the year axis' line and the value axis' zero line
DEADLINE_LINE: Final = "#8c959f"
DEADLINE_TEXT: Final = "#59636e"
NOTE_BACKGROUND: Final = "rgba(255,255,255,0.85)"  # behind a gap's label
PROXY_SYMBOLS: Final = ("diamond-open", "square-open", "circle-open")  # the k-th proxy's marker, k modulo 3
