"""Pagefind's service mode, fed page by page while MkDocs is still building.

Pure helper for `search.py`, no MkDocs events. Pagefind can run as a
service (`pagefind --service`): it reads requests on stdin and answers on
stdout, each a base64-encoded JSON message followed by a comma. Sending each
page as soon as it is built lets Pagefind index it in its own process, on
another core, while Python renders the next page; at the end only writing
the index is left. Running `pagefind --site` after the build instead adds
its whole indexing time (1.1 s at 1,000 case studies) to every build.

Why not the `pagefind` package's own `PagefindIndex` client? It waits 0.1 s
before reading each reply, so 1,000 pages would take 100 s. This client
speaks the same protocol, from the same pinned Pagefind version, and uses
the package only to find the binary.
"""

from __future__ import annotations

import base64
import contextlib
import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

# Where a page's indexed part starts: overrides/main.html wraps the article in it.
BODY = "<div data-pagefind-body>"
# Only templates write Pagefind's attributes, in lower case: content's raw
# HTML may not carry data-* attributes at all (hooks/raw_html.py).
BODY_ATTRIBUTE = "data-pagefind-body"
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
        if self._process.stdin is None or self._process.stdout is None:
            raise PagefindError("Pagefind could not be started")
        self._stdin, self._stdout = self._process.stdin, self._process.stdout
        self._replies: dict[int, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._last_id = 0
        self._pending: list[int] = []
        self._has_body = False  # a page with a `data-pagefind-body` has been sent
        # Requests wait here for a thread that writes them, so a build never
        # waits for Pagefind to read one (the pipe holds only 64 KB).
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        threading.Thread(target=self._read_replies, daemon=True).start()
        threading.Thread(target=self._write_requests, daemon=True).start()
        self._index = self._wait(self._send({"type": "NewIndex", "config": config}))["index_id"]

    def add_page(self, html: str, path: str) -> None:
        """Queue one built page; `path` is its file under the site folder.

        Once a page with a `data-pagefind-body` has been sent, a page without
        one is not: Pagefind leaves such a page out of the index whenever
        another page has a body, so sending it would cost its time and change
        nothing (tests/unit/test_pagefind_service.py). That is how a page
        marked `search: exclude: true` stays out (overrides/main.html).
        """
        has_body = BODY_ATTRIBUTE in html
        if self._has_body and not has_body:
            return
        self._has_body = self._has_body or has_body
        request = {"type": "AddFile", "index_id": self._index, "file_path": path,
                   "url": None, "file_contents": html}  # fmt: skip
        self._pending.append(self._send(request))

    def add_folder(self, folder: str) -> None:
        """Queue every HTML file already in `folder` (a build that skipped pages)."""
        request = {"type": "AddDir", "index_id": self._index, "path": folder, "glob": None}
        self._pending.append(self._send(request))

    def write(self, output_path: str) -> None:
        """Wait for every queued page, write the index, and stop."""
        try:
            for message_id in self._pending:
                self._wait(message_id)
            request = self._send({"type": "GetFiles", "index_id": self._index})
            _write_files(output_path, self._wait(request)["files"])
            self._finish()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the process now (a failed or abandoned build)."""
        self._outbox.put(None)
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def _finish(self, timeout: float = 30.0) -> None:
        """Let Pagefind exit by itself once its input ends; `close` kills it after `timeout`."""
        self._outbox.put(None)  # the writer thread then closes Pagefind's input
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout)

    def _send(self, payload: dict[str, Any]) -> int:
        if self._process.poll() is not None:
            raise PagefindError("Pagefind stopped unexpectedly")
        self._last_id += 1
        message = {"message_id": self._last_id, "payload": payload}
        self._outbox.put(base64.b64encode(json.dumps(message).encode()) + b",")
        return self._last_id

    def _write_requests(self) -> None:
        while (request := self._outbox.get()) is not None:
            try:
                self._stdin.write(request)
                self._stdin.flush()
            except (BrokenPipeError, ValueError):
                return  # the process stopped: the reader reports it
        with contextlib.suppress(BrokenPipeError, ValueError):
            self._stdin.close()  # end of input: Pagefind finishes and exits

    def _read_replies(self) -> None:
        partial: list[bytes] = []  # the reply being read, until its comma arrives
        while chunk := self._stdout.read1(1 << 20):
            *ends, rest = chunk.split(b",")
            if ends:  # the index's files are one reply of megabytes: joined once
                messages = [b"".join([*partial, ends[0]]), *ends[1:]]
                partial = []
                with self._arrived:
                    for raw in messages:
                        reply = json.loads(base64.b64decode(raw))
                        self._replies[reply.get("message_id") or 0] = reply["payload"]
                    self._arrived.notify_all()
            partial.append(rest)
        with self._arrived:
            self._replies[-1] = {"type": "Error", "message": "Pagefind stopped unexpectedly"}
            self._arrived.notify_all()

    def _wait(self, message_id: int) -> dict[str, Any]:
        with self._arrived:
            self._arrived.wait_for(lambda: self._replies.keys() & {message_id, 0, -1})
            reply = self._replies.pop(message_id, None) or self._replies.get(0) or self._replies[-1]
        if reply.get("type") == "Error":
            raise PagefindError(reply.get("message", "unknown error"))
        return reply


def _write_files(output_path: str, files: list[dict[str, str]]) -> None:
    """Write the index's files, as Pagefind gives them (path, base64 content), and close each.

    Why not Pagefind's own "WriteFiles": it leaves each file's last write to
    a background task and does not wait for it before exiting, so under load
    a file was sometimes cut short (pagefind-entry.json, wasm.unknown.pagefind).
    """
    root = Path(output_path)
    made: set[Path] = set()
    for file in files:
        path = root / file["path"]
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(base64.b64decode(file["content"]))
