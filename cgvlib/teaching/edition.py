"""One source per lesson, several languages: a lesson notebook keeps the French of each prose
cell in that cell's metadata (``metadata.cgvlib.fr``), and :func:`edition` gives the notebook
in a language: every markdown cell's text replaced by its translation and the ``lang``
parameter set, so that the exercises' questions, hints and verdicts and the charts speak the
same language. The code cells are the same in every edition: the same exercises, the same
checks. ``notebooks/teaching/fr/`` holds the French editions, and a test keeps each equal to
``edition(source, "fr")``.
"""

from __future__ import annotations

import copy
import re

from cgvlib.errors import InputError
from cgvlib.lang import check_lang

_LANG_PARAMETER = re.compile(r'^lang = "en"', re.MULTILINE)


def translations_missing(notebook: dict, lang: str) -> list[int]:
    """The indices of the markdown cells that have no text in ``lang``."""
    return [i for i, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "markdown"
            and lang not in cell.get("metadata", {}).get("cgvlib", {})]


def edition(notebook: dict, lang: str) -> dict:
    """``notebook`` (a lesson, as :func:`json.load` reads it) in ``lang``; English is the
    source itself. Raise :class:`~cgvlib.errors.InputError` naming the cells without a
    translation, or when the parameters cell does not set ``lang = "en"``."""
    lang = check_lang(lang)
    if lang == "en":
        return copy.deepcopy(notebook)
    missing = translations_missing(notebook, lang)
    if missing:
        raise InputError(f"lang: the markdown cells {missing} have no {lang} text; add it in "
                         f"each cell's metadata.cgvlib.{lang}")
    result = copy.deepcopy(notebook)
    parameters = [c for c in result["cells"]
                  if "parameters" in c.get("metadata", {}).get("tags", [])]
    text = "".join(parameters[0]["source"]) if parameters else ""
    if not _LANG_PARAMETER.search(text):
        raise InputError('lang: the parameters cell must set lang = "en" (the source\'s '
                         "language) for an edition in another language")
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
