"""Pagefind's service mode, fed page by page while MkDocs is still building.

Pure helper for `search.py`, no MkDocs events. Pagefind can run as a
service (`pagefind --service`): it reads requests on stdin and answers on
stdout, each a base64-encoded JSON message followed by a comma. Sending each
page as soon as it is built lets Pagefind index it in its own process, on
another core, while Python renders the next page; at the end only writing
the index is left. Running `pagefind --site` after the build instead adds
its whole indexing time to every build (+23% CPU at 1,000 case studies).

No threads of ours: Pagefind reads its input on a thread of its own and
queues its answers, so a request is written at once and the answers are read
when the index is written. Why not the `pagefind` package's own
`PagefindIndex` client? It waits 0.1 s before reading each reply, so 1,000
pages would take 100 s. This client speaks the same protocol, from the same
pinned Pagefind version, and uses the package only to find the binary.
"""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

# Where a page's indexed part starts: overrides/main.html wraps the article in it.
BODY = "<div data-pagefind-body>"
_ARTICLE_END = "</article>"


def indexed_part(html: str) -> str:
    """What Pagefind reads of a built page: its language, title and article.

    On a site that marks a `data-pagefind-body`, Pagefind indexes nothing
    outside it, and reads only `<html lang>` and `<title>` from the rest.
    Sending just those, in a document of their own, cuts a case study from
    24 KB to 6 KB and Pagefind's indexing time by a third; the index it
    writes is byte-identical (tests/unit/test_pagefind_service.py). A page
    with any other `data-pagefind-*` attribute, which Pagefind also reads
    outside the body, or without exactly one body, is sent whole.
    """
    start = html.find(BODY)
    title_end = html.find("</title>")
    end = html.rfind(_ARTICLE_END)
    if html.count("data-pagefind-") != 1 or not -1 < title_end < start < end:
        return html
    head = html[: title_end + len("</title>")]
    return f"{head}</head><body>{html[start:end]}</body></html>"


class PagefindError(RuntimeError):
    """Pagefind refused a request or stopped."""


class PagefindService:
    """One Pagefind index, built in a Pagefind process of its own."""

    def __init__(self, config: dict[str, Any]) -> None:
        binary = get_executable()
        if binary is None:
            raise PagefindError("the Pagefind program is not installed (pip install pagefind[bin])")
        self._process = subprocess.Popen(  # noqa: S603 - our own pinned tool
            [str(binary), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._last_id = 0
        self._index = self._wait(self._send({"type": "NewIndex", "config": config}))["index_id"]

    def add_page(self, html: str, path: str) -> None:
        """Send one built page; `path` is its file under the site folder."""
        request = {
            "type": "AddFile",
            "index_id": self._index,
            "file_path": path,
            "url": None,
            "file_contents": html,
        }
        self._send(request)

    def add_folder(self, folder: str) -> None:
        """Send every HTML file already in `folder` (a build that skipped pages)."""
        self._send({"type": "AddDir", "index_id": self._index, "path": folder, "glob": None})

    def write(self, output_path: str, leave_out: tuple[str, ...] = ()) -> None:
        """Wait for every page sent, write the index but the files named in `leave_out`, and stop.

        Why not Pagefind's own "WriteFiles": it leaves each file's last write to
        a background task and does not wait for it before exiting, so under load
        a file was sometimes cut short (pagefind-entry.json, wasm.unknown.pagefind).
        """
        try:
            files = self._wait(self._send({"type": "GetFiles", "index_id": self._index}))["files"]
            self._process.stdin.close()  # end of input: Pagefind exits by itself
            root = Path(output_path)
            for file in files:
                if file["path"] not in leave_out:
                    path = root / file["path"]
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(base64.b64decode(file["content"]))
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(30)
        finally:
            self.close()

    def write_later(self, output_path: str) -> None:
        """Have Pagefind write the index itself, while the preview goes on (`close` stops it)."""
        request = {"type": "WriteFiles", "index_id": self._index, "output_path": output_path}
        self._send(request)

    def close(self) -> None:
        """Stop the process now (a failed or abandoned build)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def _send(self, payload: dict[str, Any]) -> int:
        self._last_id += 1
        message = {"message_id": self._last_id, "payload": payload}
        try:
            self._process.stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
            self._process.stdin.flush()
        except (BrokenPipeError, ValueError) as error:
            raise PagefindError("Pagefind stopped unexpectedly") from error
        return self._last_id

    def _wait(self, message_id: int) -> dict[str, Any]:
        """The answer to `message_id`, the last request sent, once every answer before it is read.

        An error in any of them is raised: a page Pagefind could not read fails the build.
        """
        partial: list[bytes] = []  # the answer being read, until its comma arrives
        while chunk := self._process.stdout.read1(1 << 20):
            *ends, rest = chunk.split(b",")
            for raw in [b"".join([*partial, ends[0]]), *ends[1:]] if ends else []:
                reply = json.loads(base64.b64decode(raw))
                if reply["payload"]["type"] == "Error":
                    raise PagefindError(reply["payload"].get("message", "unknown error"))
                if reply.get("message_id") == message_id:
                    return reply["payload"]
            partial = [rest] if ends else [*partial, rest]
        raise PagefindError("Pagefind stopped unexpectedly")
