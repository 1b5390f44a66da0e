"""Verifying that every quote in a vendor file is in the vendor's text.

Matching normalises both sides the same way: Unicode NFC, every kind of white space (line
breaks, non-breaking and narrow spaces, tabs) collapsed to one space, typographic apostrophes
(’ ‘) read as '. Nothing else is changed: a quote must otherwise be verbatim. A quote may join
fragments of the text with `` … ``; each fragment must then appear, in order.
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from pathlib import Path

from cgvlib.model.base import Source


def normalise(text: str) -> str:
    """NFC, typographic apostrophes as ', every run of white space (``str.isspace``, the
    characters ``\\s`` matches) as one space, none at either end."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


@functools.lru_cache(maxsize=32)
def _read(path: str, mtime_ns: int) -> tuple[str, str]:
    raw = Path(path).read_bytes()
    return normalise(raw.decode("utf-8")), hashlib.sha256(raw).hexdigest()


def source_text(path: Path) -> tuple[str, str]:
    """The normalised text of ``path`` and the sha256 of its bytes (cached)."""
    return _read(str(path), path.stat().st_mtime_ns)


def quote_position(source: Source, text: str) -> int:
    """Where the quote starts in the normalised text, or -1 when it is not there."""
    start = pos = -1
    for fragment in source.fragments():
        pos = text.find(normalise(fragment), pos + 1)
        if pos < 0:
            return -1
        start = pos if start < 0 else start
    return start


def closest_passage(source: Source, text: str, width: int = 80) -> str | None:
    """The passage of the text that shares the longest prefix with the quote's first fragment,
    to help a writer see where a quote departs from the text."""
    fragment = normalise(source.fragments()[0])
    best = None
    for size in range(min(len(fragment), 60), 7, -4):
        pos = text.find(fragment[:size])
        if pos >= 0:
            best = text[pos : pos + width]
            break
    return best
