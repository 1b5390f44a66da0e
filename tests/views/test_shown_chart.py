"""A chart as an app shows it: the legend as HTML (cgvlib.views.shown_chart.legend_html) and
the PNG (figure_png), checked on hand-made figures."""

from __future__ import annotations

import io
import struct

import PIL.Image
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from cgvlib.views.shown_chart import figure_png, legend_html


def _figure(width=4.0, height=3.0):
    fig = Figure(figsize=(width, height), dpi=100)
    ax = fig.add_subplot()
    return fig, ax


def test_each_entry_gets_a_swatch_in_its_look_and_its_words_escaped():
    fig, ax = _figure()
    solid = ax.plot([0, 1], [0, 1], color="#E69F00", lw=3.0, label="JANQUOR <10 % a month>")[0]
    dashed = ax.plot([0, 1], [1, 0], color="black", ls="--", lw=1.0, label="statutory")[0]
    marker = Line2D([], [], linestyle="none", marker="o", markerfacecolor="white",
                    markeredgecolor="#444444")
    band = Patch(color="#444444", alpha=0.12)
    fig.cgvlib_legend = ([solid, dashed, marker, band],
                         [solid.get_label(), dashed.get_label(), "revision", "band"])
    page = legend_html(fig)
    items = page.split("<li ")[1:]
    assert len(items) == 4
    assert 'stroke="#e69f00" stroke-width="3"' in items[0]
    assert "<span>JANQUOR &lt;10 % a month&gt;</span>" in items[0]
    assert 'stroke-dasharray="6,3"' in items[1] and 'stroke="#000000"' in items[1]
    assert "<line" not in items[2] and 'fill="#ffffff" stroke="#444444"' in items[2]
    assert 'fill="rgba(68,68,68,0.12)"' in items[3]  # #444444 at 12 %
    assert "max-width:400px" in page  # as wide as the 4-inch image at 100 dpi


def test_a_figure_without_legend_entries_gives_nothing():
    fig, _ax = _figure()
    assert legend_html(fig) == ""
    assert legend_html(None) == ""


def test_the_png_is_the_figure_at_its_size_in_a_palette():
    fig, ax = _figure(4.0, 3.0)
    ax.plot([0, 1], [0, 1], color="#009E73")
    png = figure_png(fig)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == (400, 300)  # 4 x 3 inches at 100 dpi
    image = PIL.Image.open(io.BytesIO(png))
    assert image.mode == "P"
    assert len(image.getcolors(256)) <= 128
    # the palette keeps each flat colour within a unit or two: the white background, and
    # Teogest's green #009E73 = (0, 158, 115) on the line (the pixel at the middle of the
    # diagonal, 2 pixels wide at 1.5 points)
    rgb = image.convert("RGB")
    assert all(channel >= 253 for channel in rgb.getpixel((1, 1)))
    colours = {colour for _count, colour in rgb.getcolors(256)}
    assert any(max(abs(a - b) for a, b in zip(colour, (0, 158, 115), strict=True)) <= 2
               for colour in colours)
