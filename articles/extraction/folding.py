"""Accent folding that keeps every character in place.

The project's one folding (regionnews.core.text.fold) applied character by
character, keeping one character for one: "Kazachstánem" -> "kazachstanem"
with the same length, so that a match found in the folded text has the same
offsets in the original and the triggering words can be shown as written.
"""

from regionnews.core.text import fold as fold_text


def fold(text: str) -> str:
    """Lower case without diacritics, with the same length as *text*."""
    return "".join((fold_text(char) or char)[0] for char in text)
