"""Read back the documents the build makes (.docx), as a reader's program would."""

from __future__ import annotations

import io

import docx


def read_docx(data: bytes) -> docx.document.Document:
    """The Word document, opened by python-docx (it refuses a broken package)."""
    return docx.Document(io.BytesIO(data))


def docx_headings(data: bytes) -> list[str]:
    doc = read_docx(data)
    return [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
