"""The formats a template page offers, and how each download is described.

One list, so the build, the page's download list and the tests agree on
which files a template page has and what they are called.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hooks.downloads import docx_writer
from hooks.downloads.docx_writer import Properties
from hooks.downloads.template_doc import Block


@dataclass(frozen=True)
class Format:
    extension: str  # ".docx"
    kind: str  # "a Word document", as in "Download as a Word document"
    write: Callable[[list[Block], Properties], bytes]


FORMATS = (Format(".docx", "a Word document", docx_writer.write),)


@dataclass(frozen=True)
class Download:
    """One file made from a template page, as its download list names it."""

    dest: str  # the file's path in the site, `forms-and-templates/role-description.docx`
    kind: str
    extension: str
    size: int  # bytes

    @property
    def size_text(self) -> str:
        return size_text(self.size)


def size_text(size: int) -> str:
    """A file size as readers see it elsewhere: `14 KB`, `1.2 MB` (1 KB = 1,024 bytes)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def destination(src_uri: str, extension: str) -> str:
    """The download beside its page: `forms/x.md` -> `forms/x.docx`."""
    return src_uri.rsplit(".", 1)[0] + extension
