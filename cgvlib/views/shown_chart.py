"""A chart as an app's page shows it: the figure as a PNG, its legend as HTML under it.

A legend drawn inside a PNG is text the renderer lays out and rasterises glyph by glyph at
every redraw, and it takes width from the plot. An app's chart therefore leaves its legend
out of the figure (the views' ``legend_in_figure=False``, which keeps the entries in
``fig.cgvlib_legend``) and shows it as HTML under the image, as it shows the notes.

- :func:`legend_html`: the legend entries as a small HTML list, each with a swatch drawn in
  inline SVG in the line's colour, style, width and marker (a patch as a filled square).
- :func:`figure_png`: the figure rendered to PNG as it is laid out (no tight bounding box,
  which would lay every text out once more), in a palette, lightly compressed: what the app
  sends to the page at each redraw;
- :func:`still_background` and :func:`figure_png_over`: the same PNG for a figure of which
  only a few artists move (a marker): the rest rendered once, those artists drawn over it.
"""

from __future__ import annotations

import html
import io

import matplotlib.colors as mcolors
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

SWATCH_WIDTH = 28  # px
SWATCH_HEIGHT = 12
PNG_COMPRESS_LEVEL = 1  # zlib level: fast, the file barely larger than at the default 6
PNG_COLOURS = 128
LEGEND_STYLE = ("list-style:none;margin:2px 0 4px 0;padding:0 0 0 8px;font-size:12px;"
                "line-height:1.4;color:#202020;display:flex;flex-wrap:wrap;gap:2px 18px")
ITEM_STYLE = "display:flex;align-items:flex-start;gap:6px;flex:0 1 25em"
DASHES = {"--": "6,3", "dashed": "6,3", ":": "1.5,2.5", "dotted": "1.5,2.5",
          "-.": "6,2,1.5,2", "dashdot": "6,2,1.5,2"}


def _colour(value, alpha=None) -> str:
    """A CSS colour (``#rrggbb`` or ``rgba(...)``) for a matplotlib colour."""
    r, g, b, a = mcolors.to_rgba(value, alpha)
    if a >= 1:
        return mcolors.to_hex((r, g, b))
    return f"rgba({round(r * 255)},{round(g * 255)},{round(b * 255)},{a:.2f})"


def _line_svg(line: Line2D) -> str:
    mid = SWATCH_HEIGHT / 2
    parts = []
    style = line.get_linestyle()
    if style not in ("None", "none", "", " "):
        width = min(max(float(line.get_linewidth()), 0.8), 6.0)
        dash = DASHES.get(style)
        parts.append(
            f'<line x1="1" y1="{mid}" x2="{SWATCH_WIDTH - 1}" y2="{mid}" '
            f'stroke="{_colour(line.get_color(), line.get_alpha())}" stroke-width="{width:g}"'
            + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
    marker = line.get_marker()
    if marker not in (None, "None", "none", "", " "):
        face = line.get_markerfacecolor()
        fill = "none" if mcolors.same_color(face, "none") else _colour(face)
        edge = _colour(line.get_markeredgecolor())
        centre = SWATCH_WIDTH / 2
        if marker == "x" or marker == "X":
            r = 4
            parts.append(f'<path d="M{centre - r},{mid - r}L{centre + r},{mid + r}'
                         f'M{centre - r},{mid + r}L{centre + r},{mid - r}" stroke="{edge}" '
                         'stroke-width="2.2"/>')
        elif marker == "s":
            parts.append(f'<rect x="{centre - 3.5}" y="{mid - 3.5}" width="7" height="7" '
                         f'fill="{fill}" stroke="{edge}" stroke-width="1.3"/>')
        else:
            parts.append(f'<circle cx="{centre}" cy="{mid}" r="3.5" fill="{fill}" '
                         f'stroke="{edge}" stroke-width="1.5"/>')
    return "".join(parts)


def _patch_svg(patch: Patch) -> str:
    face = patch.get_facecolor()
    edge = patch.get_edgecolor()
    stroke = ("" if mcolors.to_rgba(edge)[3] == 0
              else f' stroke="{_colour(edge)}" stroke-width="1"')
    return (f'<rect x="4" y="1" width="{SWATCH_WIDTH - 8}" height="{SWATCH_HEIGHT - 2}" '
            f'fill="{_colour(face)}"{stroke}/>')


def swatch(handle) -> str:
    """An inline SVG that looks like ``handle`` (a line with its marker, or a patch)."""
    shape = _patch_svg(handle) if isinstance(handle, Patch) else (
        _line_svg(handle) if isinstance(handle, Line2D) else "")
    return (f'<svg width="{SWATCH_WIDTH}" height="{SWATCH_HEIGHT}" aria-hidden="true" '
            f'style="flex:none;margin-top:3px">{shape}</svg>')


def legend_html(figure: Figure | None) -> str:
    """The legend a figure keeps in ``cgvlib_legend`` (``(handles, labels)``) as an HTML list
    as wide as the figure's image (empty when it has none): one item per entry, its swatch
    then its words, the items side by side as the width allows."""
    handles, labels = getattr(figure, "cgvlib_legend", ((), ()))
    items = "".join(f'<li style="{ITEM_STYLE}">{swatch(h)}<span>{html.escape(text)}</span></li>'
                    for h, text in zip(handles, labels, strict=True))
    if not items:
        return ""
    width = round(figure.get_figwidth() * figure.dpi)
    return (f'<ul class="cgv-legend" style="{LEGEND_STYLE};max-width:{width}px">{items}'
            "</ul>")


def figure_png(figure: Figure) -> bytes:
    """``figure`` as PNG bytes, drawn as laid out (an app freezes its layout once) on an Agg
    canvas kept with the figure, in a palette of :data:`PNG_COLOURS` colours (a chart's flat
    colours, each kept within a unit or two of its RGB value, and their anti-aliased edges: no
    visible change, a file a third the size, quicker to encode and to send), compressed at
    :data:`PNG_COMPRESS_LEVEL`."""
    canvas = _agg_canvas(figure)
    canvas.draw()
    return _encoded(canvas)


def _agg_canvas(figure: Figure) -> FigureCanvasAgg:
    """The Agg canvas kept with ``figure`` (made once)."""
    return figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(
        figure)


def still_background(figure: Figure, moving) -> object:
    """``figure`` rendered without the ``moving`` artists (hidden for the render): the
    background :func:`figure_png_over` draws them on. Taken again whenever anything else in
    the figure changes."""
    shown = [artist.get_visible() for artist in moving]
    for artist in moving:
        artist.set_visible(False)
    canvas = _agg_canvas(figure)
    try:
        canvas.draw()
        return canvas.copy_from_bbox(figure.bbox)
    finally:
        for artist, visible in zip(moving, shown, strict=True):
            artist.set_visible(visible)


def figure_png_over(figure: Figure, background, moving) -> bytes:
    """The PNG of :func:`figure_png` for a figure in which only the ``moving`` artists
    changed since ``background`` (:func:`still_background`) was taken: the background is
    restored and only those artists drawn on it, each in its axes, in order (a figure's
    other texts are not laid out or rasterised again)."""
    canvas = _agg_canvas(figure)
    canvas.restore_region(background)
    renderer = canvas.get_renderer()
    for artist in moving:
        if artist.get_visible():
            artist.draw(renderer)
    return _encoded(canvas)


def _encoded(canvas: FigureCanvasAgg) -> bytes:
    """The canvas's pixels as the PNG an app shows (palette, light compression)."""
    width, height = canvas.get_width_height(physical=True)
    image = PIL.Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw",
                                 "RGBA", 0, 1)
    shown = image.convert("RGB").quantize(PNG_COLOURS, method=PIL.Image.Quantize.FASTOCTREE,
                                          dither=PIL.Image.Dither.NONE)
    out = io.BytesIO()
    shown.save(out, format="png", compress_level=PNG_COMPRESS_LEVEL)
    return out.getvalue()


__all__ = ["figure_png", "figure_png_over", "legend_html", "still_background", "swatch"]
