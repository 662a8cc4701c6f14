"""Case and accent folding that keeps every character in place.

`fold("Kazachstánem")` is "kazachstanem", one character for one character, so
that a match found in the folded text has the same offsets in the original
and the triggering words can be shown as written.
"""

import unicodedata


def _fold_char(char: str) -> str:
    lowered = char.lower()
    if len(lowered) != 1:
        lowered = char
    base = unicodedata.normalize("NFD", lowered)[0]
    return base if base.isalnum() or not char.isalnum() else lowered


def fold(text: str) -> str:
    """Lower case without diacritics, with the same length as *text*."""
    return "".join(_fold_char(char) for char in text)
