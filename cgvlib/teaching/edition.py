"""One source per notebook, several languages: a notebook written in one language (its
parameters cell sets ``lang = "en"`` or ``lang = "fr"``) keeps each prose cell's text in the
other languages in that cell's metadata (``metadata.cgvlib.fr``, ``metadata.cgvlib.en``), and
:func:`edition` gives the notebook in a language: every markdown cell's text replaced by its
translation and the ``lang`` parameter set, so that the exercises' questions, hints and
verdicts, the apps and the charts speak the same language as the prose. The code cells are the
same in every edition: the same exercises, the same checks.

The lessons are written in English: ``notebooks/teaching/fr/`` holds their French editions.
The dashboard is written in French (the page ``make dashboard`` serves):
``notebooks/dashboard.en.ipynb`` is its English edition. A test keeps each edition equal to
``edition(source, lang)``.
"""

from __future__ import annotations

import copy
import re

from cgvlib.errors import InputError
from cgvlib.lang import check_lang

_LANG_PARAMETER = re.compile(r'^lang = "(\w+)"', re.MULTILINE)


def translations_missing(notebook: dict, lang: str) -> list[int]:
    """The indices of the markdown cells that have no text in ``lang``."""
    return [i for i, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "markdown"
            and lang not in cell.get("metadata", {}).get("cgvlib", {})]


def edition(notebook: dict, lang: str) -> dict:
    """``notebook`` (as :func:`json.load` reads it) in ``lang``; its own language is the source
    itself. Raise :class:`~cgvlib.errors.InputError` naming the cells without a translation,
    or when the parameters cell does not set ``lang`` (the source's language)."""
    lang = check_lang(lang)
    result = copy.deepcopy(notebook)
    parameters = [c for c in result["cells"]
                  if "parameters" in c.get("metadata", {}).get("tags", [])]
    text = "".join(parameters[0]["source"]) if parameters else ""
    written_in = _LANG_PARAMETER.search(text)
    if not written_in:
        raise InputError('lang: the parameters cell must set lang = "en" or lang = "fr" (the '
                         "source's language) for an edition in another language")
    if written_in.group(1) == lang:
        return result
    missing = translations_missing(notebook, lang)
    if missing:
        raise InputError(f"lang: the markdown cells {missing} have no {lang} text; add it in "
                         f"each cell's metadata.cgvlib.{lang}")
    _set(parameters[0], _LANG_PARAMETER.sub(f'lang = "{lang}"', text, count=1))
    for cell in result["cells"]:
        if cell["cell_type"] == "markdown":
            _set(cell, cell["metadata"].pop("cgvlib")[lang])
    result["metadata"].setdefault("cgvlib", {})["lang"] = lang
    return result


def _set(cell: dict, text: str) -> None:
    lines = text.split("\n")
    cell["source"] = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


__all__ = ["edition", "translations_missing"]
