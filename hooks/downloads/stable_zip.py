"""Zip packages with the same bytes on every build.

Word (.docx) files are zip packages. A zip entry
records the time it was written, so two builds of the same template would
differ; the build must be reproducible (same source, same bytes), so every
entry here gets one fixed time and fixed attributes.
"""

from __future__ import annotations

import io
import zipfile

# The earliest time a zip entry can hold: no build's clock leaks into a file.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write(entries: list[tuple[str, bytes, bool]]) -> bytes:
    """A zip of `(name, data, compressed)` entries, in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, compressed in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
            info.create_system = 3  # Unix, whatever the building machine is
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9 if compressed else None)
    return buffer.getvalue()


def restamp(package: bytes) -> bytes:
    """`package` again, its entries in the same order with the fixed time."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        entries = [(info.filename, archive.read(info), True) for info in archive.infolist()]
    return write(entries)
