"""Read back the documents the build makes (.docx, .odt), as a reader's program would."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

import docx

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODT_PARTS = ("content.xml", "styles.xml", "meta.xml")


def read_docx(data: bytes) -> docx.document.Document:
    """The Word document, opened by python-docx (it refuses a broken package)."""
    return docx.Document(io.BytesIO(data))


def docx_headings(data: bytes) -> list[str]:
    doc = read_docx(data)
    return [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]


def odt_parts(data: bytes) -> dict[str, ET.Element]:
    """An .odt's XML parts, parsed, after checking it is an OpenDocument package.

    The package is our own build's output, so the standard parser is safe.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype", "an .odt starts with its mimetype"
        assert first.compress_type == zipfile.ZIP_STORED, "the mimetype is stored uncompressed"
        assert archive.read("mimetype") == ODT_MIMETYPE
        manifest = archive.read("META-INF/manifest.xml").decode()
        for part in ODT_PARTS:
            assert f'full-path="{part}"' in manifest, part
        return {part: ET.fromstring(archive.read(part)) for part in ODT_PARTS}  # noqa: S314


def odt_headings(data: bytes) -> list[str]:
    content = odt_parts(data)["content.xml"]
    return ["".join(h.itertext()) for h in content.iter(f"{TEXT}h")]
