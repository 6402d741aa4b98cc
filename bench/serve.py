"""A static server for benchmarks that compresses like a real host (gzip)."""

from __future__ import annotations

import gzip
import http.server
from contextlib import AbstractContextManager
from pathlib import Path

from tests.support.browser import serve_directory

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".mjs")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files, gzip-compressing text when the browser accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        """Benchmarks print their own figures, not request logs."""

    def send_head(self):  # noqa: ANN201 - matches the base class
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to add the slash
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _BytesFile(body)


class _BytesFile:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        """Nothing to release."""


def serve_gzip(directory: Path) -> AbstractContextManager[str]:
    """Serve `directory` with gzip on 127.0.0.1; yield the base URL."""
    return serve_directory(directory, GzipHandler)
