"""MkDocs' warning about dirty builds, which the preview hides.

Under `--dirty` MkDocs warns on every rebuild that navigation may be out of
date, and strict mode would turn that into a failed build. The preview hook
says once, in plain words, what the preview does instead.
"""

from __future__ import annotations

import logging

DIRTY_WARNING = "A 'dirty' build is being performed"


def not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """A logging filter: every record but MkDocs' dirty-build warning."""
    return not record.getMessage().startswith(DIRTY_WARNING)
