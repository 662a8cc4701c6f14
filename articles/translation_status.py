"""Translation status of articles: which languages are complete or outdated.

The rules are the same for visits and live in `regionnews.translation_status`;
this module is what the articles app imports (publishing refuses an article
without one complete language: `complete_languages(article)`).
"""

from regionnews.translation_status import (
    COMPLETE,
    MISSING,
    OUTDATED,
    PARTIAL,
    complete_languages,
    language_states,
)

__all__ = [
    "COMPLETE",
    "MISSING",
    "OUTDATED",
    "PARTIAL",
    "complete_languages",
    "language_states",
]
